/// A growing UTF-8 byte buffer that XML parts are written into.
///
/// Parts are built as bytes rather than by concatenating `String`s: a 100,000-row worksheet is tens of
/// megabytes, and appending escaped bytes in place avoids the copies and re-validation of huge strings.
/// Markup comes in through `raw` (trusted, written by this library); data goes through `text` or
/// `attribute`, which escape it and drop what XML 1.0 forbids.
struct XMLBuffer {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 4096) {
    bytes.reserveCapacity(capacity)
  }

  /// Appends trusted markup as is.
  mutating func raw(_ markup: StaticString) {
    markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Appends trusted markup built at run time (numbers, references), as is: from its contiguous UTF-8 (the
  /// view's element-by-element copy is a measurable share of writing a big sheet).
  mutating func raw(_ markup: String) {
    var markup = markup
    markup.withUTF8 { bytes.append(contentsOf: $0) }
  }

  /// Appends bytes that are already markup (another buffer's output, precomputed references), as is.
  mutating func raw(bytes other: [UInt8]) {
    bytes.append(contentsOf: other)
  }

  /// Appends bytes that are already markup, from a buffer (a stretch of another buffer's output), as is.
  mutating func raw(bytes other: UnsafeBufferPointer<UInt8>) {
    bytes.append(contentsOf: other)
  }

  /// Appends an integer in decimal. Digit by digit rather than through `String(value)`: a big worksheet writes
  /// a row number, a style and a string index for each of millions of cells.
  mutating func int(_ value: Int) {
    guard value >= 0 else {
      bytes.append(contentsOf: String(value).utf8)
      return
    }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for Int.max's 19 digits
    var count = 0
    var rest = UInt(value)
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        count += 1
        buffer[24 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
      } while rest > 0
      bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
    }
  }

  /// Appends character data: escapes `&`, `<`, `>` and CR (which parsers would otherwise turn into LF), and drops
  /// the characters XML 1.0 forbids.
  mutating func text(_ value: String) {
    append(value, attribute: false)
  }

  /// Appends an attribute value for a `"`-delimited attribute: like `text`, and also escapes quotes, tab and
  /// newline, which attribute-value normalisation would turn into spaces.
  mutating func attribute(_ value: String) {
    append(value, attribute: true)
  }

  private mutating func append(_ value: String, attribute: Bool) {
    var value = value
    value.withUTF8 { utf8 in
      var index = 0
      let count = utf8.count
      // Copy runs of ordinary bytes at once; stop only at bytes that need attention.
      var runStart = 0
      while index < count {
        let byte = utf8[index]
        let replacement: StaticString?
        var skip = 1
        switch byte {
        case UInt8(ascii: "&"): replacement = "&amp;"
        case UInt8(ascii: "<"): replacement = "&lt;"
        case UInt8(ascii: ">"): replacement = "&gt;"
        case 0x0D: replacement = "&#13;"
        case UInt8(ascii: "\"") where attribute: replacement = "&quot;"
        case 0x09 where attribute: replacement = "&#9;"
        case 0x0A where attribute: replacement = "&#10;"
        case 0x09, 0x0A, 0x20...0x7F:
          index += 1
          continue
        case 0x00...0x1F: replacement = ""  // forbidden control characters
        case 0xEF
        where index + 2 < count && utf8[index + 1] == 0xBF && (utf8[index + 2] == 0xBE || utf8[index + 2] == 0xBF):
          replacement = ""  // U+FFFE and U+FFFF, the XML 1.0 non-characters
          skip = 3
        default:
          index += 1
          continue
        }
        if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
        if let replacement { raw(replacement) }
        index += skip
        runStart = index
      }
      if runStart < count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count])) }
    }
  }
}
