/// Reads JSON survey files (station lists, KoboToolbox exports) into `DataNode` trees with positions.
///
/// Hand-written over bytes because Foundation's `JSONSerialization` reports no positions and turns
/// numbers into `Double`, which would lose `010` and `99.50` as written. The grammar is strict RFC 8259
/// (no comments, no trailing commas, no `NaN`); the one liberty is a leading UTF-8 byte order mark,
/// which Windows tools write.
package enum JSONReader {
  /// Parses one JSON file.
  ///
  /// - Objects become mappings (entries in file order, each key located at its opening quote), arrays
  ///   become sequences, strings become `.quoted` scalars, and numbers, `true`, `false` and `null`
  ///   become `.plain` scalars holding their exact source text. Every string is normalised to NFC.
  /// - An error gives one diagnostic and no document, except when the top-level value is an array:
  ///   the elements completed before the error (if any) are returned as a partial root sequence, so
  ///   one broken station in a long list does not hide the others. Content after a complete
  ///   top-level array is an error that keeps the array.
  /// - Positions are 1-based; columns count Unicode scalars; CRLF is one line break.
  ///
  /// - Parameters:
  ///   - maxDepth: how many lists and objects may be nested. Values above 1,000 count as 1,000: a
  ///     deeper tree could overflow the stack when it is released.
  package static func read(bytes: [UInt8], file: String, maxDepth: Int = 64) -> ParsedFile {
    InputBytes.utf8(bytes).withUnsafeBufferPointer { buffer in
      var parser = JSONParser(bytes: buffer, file: file, maxDepth: min(maxDepth, 1000))
      return parser.parseFile()
    }
  }
}

extension JSONReader {
  /// Parses a JSON Lines (NDJSON) file: one value per line, each line parsed on its own, so a broken line
  /// costs that record only. Blank lines are skipped; positions are the file's own.
  package static func readLines(bytes: [UInt8], file: String, maxDepth: Int = 64) -> ParsedFile {
    let utf8 = InputBytes.utf8(bytes)
    let lines = utf8.withUnsafeBufferPointer { buffer -> [(range: Range<Int>, line: Int)]? in
      if InputBytes.hasUTF16ByteOrderMark(buffer) { return nil }
      var lines: [(range: Range<Int>, line: Int)] = []
      var lineStart = InputBytes.hasUTF8ByteOrderMark(buffer) ? 3 : 0
      var line = 1
      while lineStart < buffer.count {
        var lineEnd = lineStart
        var blank = true
        while lineEnd < buffer.count, buffer[lineEnd] != 0x0A, buffer[lineEnd] != 0x0D {
          if buffer[lineEnd] != 0x20 && buffer[lineEnd] != 0x09 { blank = false }
          lineEnd += 1
        }
        if !blank { lines.append((lineStart..<lineEnd, line)) }
        var next = lineEnd
        if next < buffer.count {
          next += buffer[next] == 0x0D && next + 1 < buffer.count && buffer[next + 1] == 0x0A ? 2 : 1
        }
        lineStart = next
        line += 1
      }
      return lines
    }
    guard let lines else { return ParsedFile(file: file, diagnostics: [Messages.utf16(file: file)], lostRecords: 1) }
    // Lines are parsed independently, so runs of them are parsed on every core and joined in file order.
    let parts = ParallelMap.map(ranges: lines.count, size: linesPerRun) { run in
      utf8.withUnsafeBufferPointer { buffer in
        var part = ParsedFile(file: file)
        for (range, line) in lines[run] {
          var parser = JSONParser(bytes: buffer, file: file, maxDepth: min(maxDepth, 1000), range: range)
          parser.position = LinePosition(start: range.lowerBound, line: line)
          parser.parseLine(into: &part)
        }
        return part
      }
    }
    var result = ParsedFile(file: file)
    for part in parts { result.append(part) }
    return result
  }

  /// Lines parsed together on one core: a run of station lines is some tens of kilobytes, enough to outweigh
  /// handing it to a thread.
  static let linesPerRun = 64
}

extension UInt8 {
  fileprivate static let tab: UInt8 = 0x09
  fileprivate static let lineFeed: UInt8 = 0x0A
  fileprivate static let carriageReturn: UInt8 = 0x0D
  fileprivate static let space: UInt8 = 0x20
  fileprivate static let quote: UInt8 = 0x22
  fileprivate static let comma: UInt8 = 0x2C
  fileprivate static let minus: UInt8 = 0x2D
  fileprivate static let period: UInt8 = 0x2E
  fileprivate static let colon: UInt8 = 0x3A
  fileprivate static let backslash: UInt8 = 0x5C
  fileprivate static let openBracket: UInt8 = 0x5B
  fileprivate static let closeBracket: UInt8 = 0x5D
  fileprivate static let openBrace: UInt8 = 0x7B
  fileprivate static let closeBrace: UInt8 = 0x7D

  fileprivate var isDigit: Bool { self >= 0x30 && self <= 0x39 }
}

/// The parser's state. Containers are kept on an explicit stack rather than the call stack, so that
/// no input (100,000 nested `[`) can overflow it, and so that the top-level array's completed
/// elements are still at hand when an error ends the parse.
private struct JSONParser {
  /// Parsing stops at the first error, which is the diagnostic itself.
  typealias Failure = Diagnostic

  struct Frame {
    var isObject: Bool
    var location: SourceLocation
    var items: [DataNode] = []
    var entries: [DataNode.Entry] = []
    /// The key whose value is being parsed.
    var key = ""
    var keyLocation: SourceLocation
    /// Built once an object has many keys, so duplicate checks stay linear in the object's size.
    var keyIndex: [String: Int]?
  }

  /// Objects up to this many keys are checked for duplicates by a scan, which beats hashing there.
  static let linearKeyLimit = 16

  let bytes: UnsafeBufferPointer<UInt8>
  let end: Int
  let file: String
  let maxDepth: Int
  var index = 0
  var position = LinePosition()
  var stack: [Frame] = []
  /// Reused buffer for strings with escapes.
  var scratch: [UInt8] = []
  /// Where the current element of a top-level list starts, and how many elements came before it: where
  /// recovery from an error in it begins.
  var elementStart: Mark?
  var elementCount = 0

  init(bytes: UnsafeBufferPointer<UInt8>, file: String, maxDepth: Int, range: Range<Int>? = nil) {
    self.bytes = bytes
    self.end = range?.upperBound ?? bytes.count
    self.file = file
    self.maxDepth = maxDepth
    self.index = range?.lowerBound ?? 0
  }

  /// One line of a JSON Lines file: its value is a document, or its error costs one record — one element,
  /// when the line holds a list of stations, as in a whole file.
  mutating func parseLine(into result: inout ParsedFile) {
    result.append(parseRecovering(end: JSONReader.Messages.endOfLine))
  }

  // MARK: File

  mutating func parseFile() -> ParsedFile {
    if InputBytes.hasUTF16ByteOrderMark(bytes) {
      return ParsedFile(file: file, diagnostics: [JSONReader.Messages.utf16(file: file)], lostRecords: 1)
    }
    if InputBytes.hasUTF8ByteOrderMark(bytes) {
      index = 3
      position = LinePosition(start: 3)
    }
    skipWhitespace()
    guard index < end else {
      return ParsedFile(file: file, diagnostics: [JSONReader.Messages.emptyFile(file)])
    }
    return parseRecovering(end: JSONReader.Messages.endAfterRoot)
  }

  /// The root value from here to the end of the range, recovering from errors inside a top-level list at
  /// the next element; `end` says what must follow the root (the end of the file, or of the line).
  mutating func parseRecovering(end expectedEnd: LocalizedText) -> ParsedFile {
    var failures: [Diagnostic] = []
    var lost = 0
    while true {
      do throws(Failure) {
        let root = try parseValue()
        return finish(root, failures: failures, lost: lost, end: expectedEnd)
      } catch {
        // In a top-level list, a broken element costs that element only: skip to the next one.
        switch recover(from: error) {
        case .resumed(let diagnostic, let skipped):
          failures.append(diagnostic)
          lost += skipped
        case .closed(let diagnostic, let skipped, let root):
          failures.append(diagnostic)
          return finish(root, failures: failures, lost: lost + skipped, end: expectedEnd)
        case .lost(let diagnostic, let skipped):
          let documents = stack.first.map { [DataNode(.sequence($0.items), at: $0.location)] } ?? []
          let kept = documents.first?.items?.count ?? 0
          return ParsedFile(
            file: file, documents: kept > 0 ? documents : [], diagnostics: failures + [diagnostic],
            lostRecords: lost + skipped)
        }
      }
    }
  }

  /// The file once its root value is complete: content after it is an error that keeps a list.
  mutating func finish(_ root: DataNode, failures: [Diagnostic], lost: Int, end expectedEnd: LocalizedText)
    -> ParsedFile
  {
    skipWhitespace()
    guard index >= end else {
      let failure = syntaxError(expected: expectedEnd)
      // A complete top-level list is kept: every element in it was read without error.
      let documents = root.items.map { !$0.isEmpty || failures.isEmpty } ?? false ? [root] : []
      return ParsedFile(file: file, documents: documents, diagnostics: failures + [failure], lostRecords: lost + 1)
    }
    // A list whose every element was broken holds nothing to read.
    let documents = root.items?.isEmpty == true && !failures.isEmpty ? [] : [root]
    return ParsedFile(file: file, documents: documents, diagnostics: failures, lostRecords: lost)
  }

  // MARK: Recovery

  /// What became of the parse after an error.
  enum Recovery {
    /// The broken element was skipped; parsing goes on with the next element of the top-level list.
    case resumed(Diagnostic, skipped: Int)
    /// The broken element was the list's last; the list is complete.
    case closed(Diagnostic, skipped: Int, root: DataNode)
    /// Nothing more can be read; `skipped` counts the elements lost, the broken one included.
    case lost(Diagnostic, skipped: Int)
  }

  /// After `failure`, finds the next element of a top-level list by scanning the broken element's
  /// brackets (strings skipped, a line break ending a broken one); when the brackets never balance, by the
  /// next `}` `,` `{` (the boundary of two station objects). Only runs on the error path.
  mutating func recover(from failure: Failure) -> Recovery {
    var failure = failure
    guard let root = stack.first, !root.isObject, let start = elementStart else {
      // Not inside a list: the one value the file holds is lost.
      if let root = stack.first, !root.isObject, !root.items.isEmpty {
        JSONReader.Messages.partialList(&failure, kept: root.items.count)
      }
      return .lost(failure, skipped: 1)
    }
    stack.removeLast(stack.count - 1)
    // Used once: an error before the next element starts (a trailing comma at the end of the file) must not
    // scan from here again, which would find the same comma forever.
    elementStart = nil
    // An element that completed before the error (a missing comma after it) is kept; the scan starts at
    // the error instead.
    let completed = stack[0].items.count > elementCount
    let scanFrom = completed ? mark() : start
    index = scanFrom.offset
    position = LinePosition(start: scanFrom.lineStart, line: scanFrom.line)
    var brackets: [UInt8] = []
    // After a completed element, the scan may cross no element (a stray `}`) or one (a missing comma); which,
    // the bytes cannot always tell, so every error counts one record lost: over-counting beats losing one.
    var crossedElement = true
    while index < end {
      let byte = bytes[index]
      switch byte {
      case .quote:
        skipBrokenString()
        continue
      case .openBrace, .openBracket:
        if brackets.isEmpty { crossedElement = true }
        brackets.append(byte)
      case .closeBrace, .closeBracket:
        if let last = brackets.last, (last == .openBrace) == (byte == .closeBrace) {
          brackets.removeLast()
        } else if brackets.isEmpty && byte == .closeBracket {
          let lastLine = position.line
          index += 1
          let frame = stack.removeLast()
          JSONReader.Messages.skippedElement(&failure, lines: scanFrom.line...lastLine, resumesAt: nil)
          return .closed(
            failure, skipped: crossedElement ? 1 : 0, root: DataNode(.sequence(frame.items), at: frame.location))
        }
      case .comma:
        if brackets.isEmpty {
          let lastLine = position.line
          index += 1
          skipWhitespace()
          JSONReader.Messages.skippedElement(&failure, lines: scanFrom.line...lastLine, resumesAt: position.line)
          return .resumed(failure, skipped: crossedElement ? 1 : 0)
        }
      default:
        if position.passLineBreak(&index, in: bytes, end: end) { continue }
      }
      index += 1
    }
    // The brackets never balanced (a `}` left out): resume at the first `}` `,` `{` after the error.
    index = scanFrom.offset
    position = LinePosition(start: scanFrom.lineStart, line: scanFrom.line)
    // Elements lost before the resumption: each `,{` between them, or, when a broken string hid those
    // (pretty-printed files), each line that starts with `{`; whichever shows more.
    var commaBraces = 1
    var braceLines = 1
    var lineStarts = false
    var afterClose = false
    while index < end {
      let byte = bytes[index]
      if byte == .quote {
        skipBrokenString()
        afterClose = false
        lineStarts = false
        continue
      }
      if position.passLineBreak(&index, in: bytes, end: end) {
        lineStarts = true
        continue
      }
      if byte == .openBrace, lineStarts, !afterClose { braceLines += 1 }
      if byte != .space && byte != .tab { lineStarts = false }
      let skipped = max(commaBraces, braceLines)
      if byte == .comma, nextIsBrace() {
        if afterClose {
          let lastLine = position.line
          index += 1
          skipWhitespace()
          ListRecoveryMessages.skipped(
            &failure, skipped, .element, lines: scanFrom.line...lastLine, resumesAt: position.line)
          return .resumed(failure, skipped: skipped)
        }
        commaBraces += 1
      }
      if byte == .closeBrace {
        afterClose = true
      } else if byte != .space && byte != .tab {
        afterClose = false
      }
      index += 1
    }
    // Nothing to resume at: every element from the broken one on is lost, counted by the `,{` between them.
    let skipped = max(commaBraces, braceLines)
    ListRecoveryMessages.skipped(&failure, skipped, .element, lines: scanFrom.line...position.line, resumesAt: nil)
    return .lost(failure, skipped: skipped)
  }

  /// Whether the next byte other than white space is `{`, without moving.
  func nextIsBrace() -> Bool {
    var cursor = index + 1
    while cursor < end {
      let byte = bytes[cursor]
      if byte == .openBrace { return true }
      guard byte == .space || byte == .tab || byte == .lineFeed || byte == .carriageReturn else { return false }
      cursor += 1
    }
    return false
  }

  /// Skips a string from its opening quote to its closing one, or to the end of its line when it has none
  /// (a broken string cannot swallow the rest of the file: JSON strings hold no raw line break).
  mutating func skipBrokenString() {
    index += 1
    while index < end {
      let byte = bytes[index]
      if byte == .quote {
        index += 1
        return
      }
      if byte == .lineFeed || byte == .carriageReturn { return }
      index += byte == .backslash && index + 1 < end && bytes[index + 1] != .lineFeed ? 2 : 1
    }
  }

  // MARK: Values

  /// Parses one complete value, looping over the container stack instead of recursing.
  mutating func parseValue() throws(Failure) -> DataNode {
    var value: DataNode
    nextValue: while true {
      skipWhitespace()
      guard index < end else { throw syntaxError(expected: JSONReader.Messages.aValue) }
      if stack.count == 1 && !stack[0].isObject {
        elementStart = mark()
        elementCount = stack[0].items.count
      }
      let location = location(at: index)
      switch bytes[index] {
      case .openBracket:
        try checkDepth(location)
        index += 1
        skipWhitespace()
        if index < end, bytes[index] == .closeBracket {
          index += 1
          value = DataNode(.sequence([]), at: location)
        } else {
          stack.append(Frame(isObject: false, location: location, keyLocation: location))
          continue nextValue
        }
      case .openBrace:
        try checkDepth(location)
        index += 1
        skipWhitespace()
        if index < end, bytes[index] == .closeBrace {
          index += 1
          value = DataNode(.mapping([]), at: location)
        } else {
          stack.append(Frame(isObject: true, location: location, keyLocation: location))
          try readKey(afterComma: nil)
          continue nextValue
        }
      case .quote:
        value = DataNode(.scalar(try readString(openedAt: location), .quoted), at: location)
      case .minus, 0x30...0x39:
        value = DataNode(.scalar(try readNumber(at: location), .plain), at: location)
      default:
        value = DataNode(.scalar(try readLiteral(), .plain), at: location)
      }

      // The value may complete its container, and that one its own, and so on.
      while !stack.isEmpty {
        let top = stack.count - 1
        skipWhitespace()
        let next: UInt8? = index < end ? bytes[index] : nil
        if stack[top].isObject {
          let entry = DataNode.Entry(key: stack[top].key, keyLocation: stack[top].keyLocation, value: value)
          stack[top].entries.append(entry)
          if stack[top].keyIndex != nil { stack[top].keyIndex![entry.key] = stack[top].entries.count - 1 }
          if next == .comma {
            let comma = mark()
            index += 1
            try readKey(afterComma: comma)
            continue nextValue
          }
          guard next == .closeBrace else {
            throw syntaxError(expected: JSONReader.Messages.afterObjectValue)
          }
          index += 1
          let frame = stack.removeLast()
          value = DataNode(.mapping(frame.entries), at: frame.location)
        } else {
          stack[top].items.append(value)
          if next == .comma {
            let comma = mark()
            index += 1
            skipWhitespace()
            if index < end, bytes[index] == .closeBracket { throw trailingComma(comma, before: "]") }
            continue nextValue
          }
          guard next == .closeBracket else {
            throw syntaxError(expected: JSONReader.Messages.afterArrayElement)
          }
          index += 1
          let frame = stack.removeLast()
          value = DataNode(.sequence(frame.items), at: frame.location)
        }
      }
      return value
    }
  }

  func checkDepth(_ location: SourceLocation) throws(Failure) {
    guard stack.count >= maxDepth else { return }
    throw JSONReader.Messages.tooDeep(maxDepth, at: location)
  }

  /// Reads `"key" :` inside an object and checks the key is new.
  mutating func readKey(afterComma comma: Mark?) throws(Failure) {
    skipWhitespace()
    guard index < end, bytes[index] == .quote else {
      if let comma, index < end, bytes[index] == .closeBrace { throw trailingComma(comma, before: "}") }
      var failure = syntaxError(expected: JSONReader.Messages.aQuotedKey)
      if failure.hint == nil, index < end, bytes[index] != .closeBrace {
        failure.hint = JSONReader.Messages.quotedKeyHint
      }
      throw failure
    }
    let keyLocation = location(at: index)
    let key = try readString(openedAt: keyLocation)
    let top = stack.count - 1
    if let first = firstEntry(named: key, in: top) {
      throw JSONReader.Messages.duplicateKey(key, at: keyLocation, first: stack[top].entries[first].keyLocation)
    }
    skipWhitespace()
    guard index < end, bytes[index] == .colon else {
      throw syntaxError(expected: JSONReader.Messages.colonAfter(key))
    }
    index += 1
    stack[top].key = key
    stack[top].keyLocation = keyLocation
  }

  mutating func firstEntry(named key: String, in top: Int) -> Int? {
    if stack[top].entries.count < Self.linearKeyLimit {
      return stack[top].entries.firstIndex { $0.key == key }
    }
    if stack[top].keyIndex == nil {
      var keyIndex: [String: Int] = [:]
      keyIndex.reserveCapacity(stack[top].entries.count * 2)
      for (position, entry) in stack[top].entries.enumerated() where keyIndex[entry.key] == nil {
        keyIndex[entry.key] = position
      }
      stack[top].keyIndex = keyIndex
    }
    return stack[top].keyIndex![key]
  }

  /// Reads a string whose opening quote is at `index`.
  mutating func readString(openedAt opening: SourceLocation) throws(Failure) -> String {
    index += 1
    var segmentStart = index
    var escaped = false
    var nonASCII = false
    while true {
      guard index < end else { throw unterminatedString(opening, atEndOfFile: true) }
      let byte = bytes[index]
      if byte == .quote { break }
      if byte < 0x80 && byte >= 0x20 && byte != .backslash {
        index += 1
        continue
      }
      if byte == .backslash {
        if !escaped {
          scratch.removeAll(keepingCapacity: true)
          escaped = true
        }
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<index]))
        if try readEscape(opening) { nonASCII = true }
        segmentStart = index
        continue
      }
      if byte < 0x20 {
        if byte == .lineFeed || byte == .carriageReturn { throw unterminatedString(opening, atEndOfFile: false) }
        throw JSONReader.Messages.unescapedControlCharacter(
          InputBytes.describe(bytes, at: index), isTab: byte == .tab, at: location(at: index))
      }
      guard let length = InputBytes.sequenceLength(bytes, at: index) else { throw invalidUTF8(at: index) }
      nonASCII = true
      index += length
    }
    let text: String
    if escaped {
      scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<index]))
      text = String(decoding: scratch, as: UTF8.self)
    } else {
      text = String(decoding: UnsafeBufferPointer(rebasing: bytes[segmentStart..<index]), as: UTF8.self)
    }
    index += 1
    // ASCII is always NFC: only text with other scalars is worth the check.
    return nonASCII ? text.nfc : text
  }

  /// Reads the escape at `index` (a backslash) into `scratch`; true if it produced a non-ASCII scalar.
  mutating func readEscape(_ opening: SourceLocation) throws(Failure) -> Bool {
    let escapeStart = index
    index += 1
    guard index < end else { throw unterminatedString(opening, atEndOfFile: true) }
    let replacement: UInt8
    switch bytes[index] {
    case .quote: replacement = .quote
    case .backslash: replacement = .backslash
    case 0x2F: replacement = 0x2F
    case UInt8(ascii: "b"): replacement = 0x08
    case UInt8(ascii: "f"): replacement = 0x0C
    case UInt8(ascii: "n"): replacement = .lineFeed
    case UInt8(ascii: "r"): replacement = .carriageReturn
    case UInt8(ascii: "t"): replacement = .tab
    case UInt8(ascii: "u"):
      index += 1
      var value = try readHex4(escapeStart)
      if (0xDC00...0xDFFF).contains(value) { throw loneSurrogate(escapeStart, value) }
      if (0xD800...0xDBFF).contains(value) {
        guard index + 1 < end, bytes[index] == .backslash, bytes[index + 1] == UInt8(ascii: "u") else {
          throw loneSurrogate(escapeStart, value)
        }
        let lowStart = index
        index += 2
        let low = try readHex4(lowStart)
        guard (0xDC00...0xDFFF).contains(low) else { throw loneSurrogate(escapeStart, value) }
        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
      }
      InputBytes.appendUTF8(UInt32(value), to: &scratch)
      return value >= 0x80
    default:
      if bytes[index] >= 0x80, InputBytes.sequenceLength(bytes, at: index) == nil {
        throw invalidUTF8(at: index)
      }
      let found = InputBytes.describe(bytes, at: index, word: false)
      throw JSONReader.Messages.invalidEscape(found, at: location(at: escapeStart))
    }
    scratch.append(replacement)
    index += 1
    return false
  }

  /// Reads the four hex digits of a `\u` escape that started at `escapeStart`.
  mutating func readHex4(_ escapeStart: Int) throws(Failure) -> Int {
    var value = 0
    for _ in 0..<4 {
      let digit: Int? =
        if index >= end { nil } else {
          switch bytes[index] {
          case 0x30...0x39: Int(bytes[index] - 0x30)
          case 0x41...0x46: Int(bytes[index] - 0x41 + 10)
          case 0x61...0x66: Int(bytes[index] - 0x61 + 10)
          default: nil
          }
        }
      guard let digit else {
        let found = InputBytes.describe(bytes, at: index, word: false)
        throw JSONReader.Messages.invalidUnicodeEscape(found, at: location(at: escapeStart))
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  /// Reads a number at `index`, checking the RFC 8259 grammar, and returns it as written.
  mutating func readNumber(at location: SourceLocation) throws(Failure) -> String {
    let start = index
    if bytes[index] == .minus { index += 1 }
    guard index < end, bytes[index].isDigit else {
      throw syntaxError(expected: JSONReader.Messages.digitAfterMinus)
    }
    if bytes[index] == 0x30 {
      index += 1
      if index < end, bytes[index].isDigit {
        while index < end, bytes[index].isDigit { index += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        throw JSONReader.Messages.leadingZero(text, at: location)
      }
    } else {
      while index < end, bytes[index].isDigit { index += 1 }
    }
    if index < end, bytes[index] == .period {
      index += 1
      guard index < end, bytes[index].isDigit else {
        throw syntaxError(expected: JSONReader.Messages.digitAfterPoint)
      }
      while index < end, bytes[index].isDigit { index += 1 }
    }
    if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
      index += 1
      if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == .minus { index += 1 }
      guard index < end, bytes[index].isDigit else {
        throw syntaxError(expected: JSONReader.Messages.exponentDigit)
      }
      while index < end, bytes[index].isDigit { index += 1 }
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
  }

  /// Reads `true`, `false` or `null`; anything else is "expected a value".
  mutating func readLiteral() throws(Failure) -> String {
    let start = index
    while index < end, InputBytes.isWordByte(bytes[index]) { index += 1 }
    let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
    // Literal strings rather than decoded ones: they are shared, not allocated per value.
    if word.elementsEqual("true".utf8) { return "true" }
    if word.elementsEqual("false".utf8) { return "false" }
    if word.elementsEqual("null".utf8) { return "null" }
    index = start
    throw syntaxError(expected: JSONReader.Messages.aValue)
  }

  // MARK: Positions

  mutating func skipWhitespace() {
    while index < end {
      let byte = bytes[index]
      if byte == .space || byte == .tab {
        index += 1
      } else if !position.passLineBreak(&index, in: bytes, end: end) {
        return
      }
    }
  }

  /// The position of byte `offset`, which must be on the current line.
  mutating func location(at offset: Int) -> SourceLocation {
    let column = position.column(at: offset, in: bytes)
    return SourceLocation(file: file, line: position.line, column: column)
  }

  /// A remembered position that may end up on an earlier line than the error it explains.
  struct Mark {
    var offset: Int
    var line: Int
    var lineStart: Int
  }

  func mark() -> Mark { Mark(offset: index, line: position.line, lineStart: position.lineStart) }

  func location(of mark: Mark) -> SourceLocation {
    SourceLocation(
      file: file, line: mark.line,
      column: 1 + InputBytes.scalarCount(bytes, from: mark.lineStart, to: mark.offset))
  }

  // MARK: Errors

  /// "expected …, found …" at the current byte.
  mutating func syntaxError(expected: LocalizedText) -> Failure {
    if index < end, bytes[index] >= 0x80, InputBytes.sequenceLength(bytes, at: index) == nil {
      return invalidUTF8(at: index)
    }
    return JSONReader.Messages.syntaxError(
      expected: expected, found: InputBytes.describe(bytes, at: index), at: location(at: index),
      byte: index < end ? bytes[index] : nil, word: index < end ? InputBytes.word(bytes, at: index) : "")
  }

  func trailingComma(_ comma: Mark, before closer: String) -> Failure {
    JSONReader.Messages.trailingComma(before: closer, at: location(of: comma))
  }

  func unterminatedString(_ opening: SourceLocation, atEndOfFile: Bool) -> Failure {
    JSONReader.Messages.unterminatedString(at: opening, atEndOfFile: atEndOfFile)
  }

  mutating func loneSurrogate(_ escapeStart: Int, _ value: Int) -> Failure {
    JSONReader.Messages.loneSurrogate(value, at: location(at: escapeStart))
  }

  mutating func invalidUTF8(at offset: Int) -> Failure {
    JSONReader.Messages.invalidUTF8(at: location(at: offset), byte: bytes[offset])
  }
}
