/// Byte-level helpers shared by the JSON and CSV readers.
enum InputBytes {
  static func hasUTF8ByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
  }

  /// A UTF-16 byte order mark still there after `utf8(_:)`: malformed UTF-16, better reported as such than
  /// as an error at every other byte.
  static func hasUTF16ByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
  }

  /// `true` for a big-endian UTF-16 byte order mark, `false` for little-endian, nil for neither.
  static func utf16ByteOrder(_ bytes: [UInt8]) -> Bool? {
    guard bytes.count >= 2 else { return nil }
    if bytes[0] == 0xFE && bytes[1] == 0xFF { return true }
    if bytes[0] == 0xFF && bytes[1] == 0xFE { return false }
    return nil
  }

  /// The UTF-8 form of a well-formed UTF-16 file (Notepad's "Unicode"), without its byte order mark.
  ///
  /// Excel's "Unicode text" and Notepad's "Unicode" save UTF-16: transcoded first, such a file is read like
  /// any other, with the same line numbers. Returns nil for malformed UTF-16, which
  /// Swift would otherwise repair silently.
  static func transcodeUTF16(_ bytes: [UInt8], bigEndian: Bool) -> [UInt8]? {
    guard bytes.count % 2 == 0 else { return nil }
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2 - 1)
    var offset = 2
    while offset < bytes.count {
      let high = UInt16(bytes[bigEndian ? offset : offset + 1])
      let low = UInt16(bytes[bigEndian ? offset + 1 : offset])
      units.append(high << 8 | low)
      offset += 2
    }
    guard let text = String(validating: units, as: UTF16.self) else { return nil }
    return Array(text.utf8)
  }

  /// The bytes to read: UTF-16 with a byte order mark transcoded to UTF-8, anything else as it is
  /// (malformed UTF-16 too, which the reader then reports).
  static func utf8(_ bytes: [UInt8]) -> [UInt8] {
    guard let bigEndian = utf16ByteOrder(bytes), let utf8 = transcodeUTF16(bytes, bigEndian: bigEndian) else {
      return bytes
    }
    return utf8
  }

  /// A whole-file problem, with the id of the reader's domain (`json.utf16`, `csv.utf16`).
  static func utf16Diagnostic(_ id: DiagnosticID, file: String) -> Diagnostic {
    Diagnostic(
      id, at: SourceLocation(file: file),
      LocalizedText(
        vi: "tệp được mã hóa UTF-16 nhưng có ký tự hỏng (nửa cặp thay thế, số byte lẻ) nên không đọc được",
        en: "the file is encoded in UTF-16 but holds a broken character (half a surrogate pair, an odd byte count)"),
      hint: saveAsUTF8Hint)
  }

  static let saveAsUTF8Hint = LocalizedText(
    vi: "hãy lưu lại tệp dạng UTF-8 (trong Excel: 'CSV UTF-8 (Comma delimited)')",
    en: "save the file again as UTF-8 (in Excel: 'CSV UTF-8 (Comma delimited)')")

  static func invalidUTF8Message(byte: UInt8, consequence: LocalizedText?) -> LocalizedText {
    let code = hex(Int(byte), digits: 2)
    return LocalizedText(
      vi: "tệp không phải UTF-8 hợp lệ: byte 0x\(code) ở đây không thuộc một ký tự UTF-8"
        + (consequence.map { "; \($0.vi)" } ?? ""),
      en: "the file is not valid UTF-8: byte 0x\(code) here is not part of a UTF-8 character"
        + (consequence.map { "; \($0.en)" } ?? ""))
  }

  /// The length of the well-formed UTF-8 sequence starting at `offset`, or nil for a stray or
  /// truncated sequence, an overlong form, an encoded surrogate or a value above U+10FFFF.
  @inline(__always)
  static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
    let end = bytes.count
    let first = bytes[offset]
    if first < 0x80 { return 1 }
    @inline(__always) func continuation(_ at: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
      at < end && bytes[at] >= low && bytes[at] <= high
    }
    switch first {
    case 0xC2...0xDF:
      return continuation(offset + 1) ? 2 : nil
    case 0xE0...0xEF:
      let low: UInt8 = first == 0xE0 ? 0xA0 : 0x80
      let high: UInt8 = first == 0xED ? 0x9F : 0xBF
      return continuation(offset + 1, low, high) && continuation(offset + 2) ? 3 : nil
    case 0xF0...0xF4:
      let low: UInt8 = first == 0xF0 ? 0x90 : 0x80
      let high: UInt8 = first == 0xF4 ? 0x8F : 0xBF
      return continuation(offset + 1, low, high) && continuation(offset + 2) && continuation(offset + 3) ? 4 : nil
    default:
      return nil
    }
  }

  /// The offset of the first byte in `range` that does not start a well-formed UTF-8 sequence.
  ///
  /// What `sequenceLength` accepts, with each sequence ending within `range`: written out for the two- and
  /// three-byte sequences of Vietnamese letters, as the first reading of a big batch validates every line with it.
  static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    var offset = range.lowerBound
    let end = range.upperBound
    @inline(__always) func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
    while offset < end {
      let first = base[offset]
      if first < 0x80 {
        offset += 1
        continue
      }
      switch first {
      case 0xC2...0xDF:
        guard offset + 1 < end, isContinuation(base[offset + 1]) else { return offset }
        offset += 2
      case 0xE1...0xEC, 0xEE...0xEF:
        guard offset + 2 < end, isContinuation(base[offset + 1]), isContinuation(base[offset + 2]) else {
          return offset
        }
        offset += 3
      default:
        // The rarer lead bytes (and the invalid ones), with their narrower ranges.
        guard let length = sequenceLength(bytes, at: offset), offset + length <= end else { return offset }
        offset += length
      }
    }
    return nil
  }

  /// Whether valid UTF-8 `bytes` hold a scalar that `String.nfc` composes: a combining mark (U+0300–U+036F, lead
  /// byte 0xCC or 0xCD) or a Hangul jamo (U+1100–U+11FF: 0xE1 then 0x84–0x87). Text without one is its own NFC.
  static func mayNeedComposing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte == 0xCC || byte == 0xCD { return true }
      if byte == 0xE1, offset + 1 < bytes.count, (0x84...0x87).contains(bytes[offset + 1]) { return true }
      offset += 1
    }
    return false
  }

  /// How many Unicode scalars start in `from..<to`: every byte that is not a UTF-8 continuation byte.
  @inline(__always)
  static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
    var count = 0
    var offset = from
    while offset < to {
      if bytes[offset] & 0xC0 != 0x80 { count += 1 }
      offset += 1
    }
    return count
  }

  static func appendUTF8(_ value: UInt32, to buffer: inout [UInt8]) {
    switch value {
    case ..<0x80:
      buffer.append(UInt8(value))
    case ..<0x800:
      buffer.append(UInt8(0xC0 | value >> 6))
      buffer.append(UInt8(0x80 | value & 0x3F))
    case ..<0x10000:
      buffer.append(UInt8(0xE0 | value >> 12))
      buffer.append(UInt8(0x80 | value >> 6 & 0x3F))
      buffer.append(UInt8(0x80 | value & 0x3F))
    default:
      buffer.append(UInt8(0xF0 | value >> 18))
      buffer.append(UInt8(0x80 | value >> 12 & 0x3F))
      buffer.append(UInt8(0x80 | value >> 6 & 0x3F))
      buffer.append(UInt8(0x80 | value & 0x3F))
    }
  }

  static func hex(_ value: Int, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }

  static func isWordByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
  }

  /// The run of ASCII letters, digits and `_` at `offset` (at most 20), for naming a bad word.
  static func word(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
    var stop = offset
    while stop < bytes.count, stop - offset < 20, isWordByte(bytes[stop]) { stop += 1 }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<stop]), as: UTF8.self)
  }

  /// Names what is at `offset` for a "found …" message: a quoted word or character, a line break,
  /// a control character by code, or the end of the file.
  static func describe(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, word allowWord: Bool = true)
    -> LocalizedText
  {
    guard offset < bytes.count else { return LocalizedText(vi: "hết tệp", en: "the end of the file") }
    let byte = bytes[offset]
    switch byte {
    case 0x0A, 0x0D:
      return LocalizedText(vi: "ký tự xuống dòng", en: "a line break")
    case 0x09:
      return LocalizedText(vi: "ký tự tab", en: "a tab")
    case 0x20:
      return LocalizedText(vi: "dấu cách", en: "a space")
    case 0x27:
      return LocalizedText("\"'\"")
    case 0x00..<0x20, 0x7F:
      let code = hex(Int(byte), digits: 4)
      return LocalizedText(vi: "ký tự điều khiển U+\(code)", en: "the control character U+\(code)")
    case 0x80...:
      guard let length = sequenceLength(bytes, at: offset) else {
        let code = hex(Int(byte), digits: 2)
        return LocalizedText(vi: "byte 0x\(code) (không phải UTF-8)", en: "the byte 0x\(code) (not UTF-8)")
      }
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
      return LocalizedText("'\(text.nfc)'")
    default:
      let text = allowWord && isWordByte(byte) ? word(bytes, at: offset) : String(UnicodeScalar(byte))
      return LocalizedText("'\(text)'")
    }
  }
}

/// The line and column of a reader's scan through a file's bytes, shared by the JSON and CSV readers.
///
/// Lines are 1-based; a column is 1-based and counts Unicode scalars from the line's start. A byte
/// offset on the current line whose column is known is kept, and columns are counted forward from
/// it, which keeps a whole minified file on one line linear rather than quadratic.
struct LinePosition {
  /// The current line.
  private(set) var line = 1
  /// The byte offset where the current line starts.
  private(set) var lineStart: Int
  private var columnIndex: Int
  private var columnValue = 1

  /// Line 1, starting at byte `start` (3 after a UTF-8 byte order mark, which takes no column).
  init(start: Int = 0) {
    lineStart = start
    columnIndex = start
  }

  /// Line `line`, which starts at byte `start`: to resume a scan at a remembered line.
  init(start: Int, line: Int) {
    self.init(start: start)
    self.line = line
  }

  /// Moves to the next line, which starts at byte `index`.
  @inline(__always)
  mutating func startLine(at index: Int) {
    line += 1
    lineStart = index
    columnIndex = index
    columnValue = 1
  }

  /// If byte `index` starts a line break (LF, CR or CRLF), moves `index` past it, starts the next line
  /// and returns true; otherwise changes nothing.
  @inline(__always)
  mutating func passLineBreak(_ index: inout Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Bool {
    let byte = bytes[index]
    guard byte == 0x0A || byte == 0x0D else { return false }
    index += 1
    if byte == 0x0D, index < end, bytes[index] == 0x0A { index += 1 }
    startLine(at: index)
    return true
  }

  /// The column of byte `offset`, which must be on the current line.
  @inline(__always)
  mutating func column(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    if offset < columnIndex {
      columnIndex = lineStart
      columnValue = 1
    }
    columnValue += InputBytes.scalarCount(bytes, from: columnIndex, to: offset)
    columnIndex = offset
    return columnValue
  }
}
