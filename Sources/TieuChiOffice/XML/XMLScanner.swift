/// A small pull parser for the XML of SpreadsheetML parts, over UTF-8 bytes.
///
/// Written instead of using Foundation's `XMLParser`: that one hands over every attribute in a new dictionary and
/// every string through callbacks (slow for a million cells), and its DTD handling depends on libxml2's settings.
/// This scanner refuses any `<!DOCTYPE` outright (so there are no entities beyond the five predefined ones and
/// character references, and nothing external), checks that tags balance, bounds the nesting depth, and validates
/// UTF-8. Namespaces are not resolved: elements are reported by local name (`x:c` is `c`), which is what readers of
/// SpreadsheetML written with or without prefixes need.
struct XMLScanner {
  enum Event: Equatable {
    /// An element starts; its attributes are in `attributes` until the next call.
    case start(String)
    /// An element ends (also reported right after `start` for an empty element `<c/>`).
    case end(String)
    /// Character data (entities decoded, line ends normalised); only when `capturesText` is on.
    case text(String)
  }

  private let bytes: [UInt8]
  private let part: String
  private let maximumDepth: Int
  private var position = 0
  /// Byte ranges of the qualified names of the open elements, to check that end tags match.
  private var open: [Range<Int>] = []
  private var pendingEnd: String?
  private var sawRoot = false
  /// The current start tag's attributes, qualified names as written (`r:id`), values decoded.
  private(set) var attributes: [(name: String, value: String)] = []
  /// Whether text events are produced; off, character data is skipped without building strings.
  var capturesText = false

  init(_ bytes: [UInt8], part: String, maximumDepth: Int) throws(XLSXReadError) {
    self.bytes = bytes
    self.part = part
    self.maximumDepth = maximumDepth
    if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0, 0x3C])
      || bytes.starts(with: [0x3C, 0])
    {
      throw .unsupportedEncoding(part: part, encoding: "UTF-16")
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
  }

  /// The value of the attribute whose local name is `localName` (`id` finds `r:id`), if any.
  func attribute(_ localName: String) -> String? {
    for attribute in attributes where Self.localName(attribute.name) == localName { return attribute.value }
    return nil
  }

  /// The value of the attribute named exactly `name`, prefix included.
  func attribute(qualified name: String) -> String? {
    attributes.first { $0.name == name }?.value
  }

  private static func localName(_ name: String) -> Substring {
    guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return Substring(name) }
    return name[name.utf8.index(after: colon)...]
  }

  /// The line of the current position, for error messages.
  private var line: Int {
    1 + bytes[..<min(position, bytes.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
  }

  private func malformed(_ detail: String) -> XLSXReadError {
    .malformedXML(part: part, line: line, detail: detail)
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }

  /// The next event, or `nil` at the end of a well-formed document.
  mutating func next() throws(XLSXReadError) -> Event? {
    if let pendingEnd {
      self.pendingEnd = nil
      return .end(pendingEnd)
    }
    let count = bytes.count
    while position < count {
      if bytes[position] != UInt8(ascii: "<") {
        let start = position
        while position < count && bytes[position] != UInt8(ascii: "<") { position += 1 }
        if open.isEmpty {
          guard bytes[start..<position].allSatisfy(Self.isSpace) else { throw malformed("text outside the root") }
          continue
        }
        if capturesText { return .text(try decode(start..<position, attribute: false)) }
        continue
      }
      guard position + 1 < count else { throw malformed("unexpected end") }
      switch bytes[position + 1] {
      case UInt8(ascii: "/"):
        return .end(try endTag())
      case UInt8(ascii: "?"):
        try processingInstruction()
      case UInt8(ascii: "!"):
        if let text = try declarationOrSection() { return .text(text) }
      default:
        return .start(try startTag())
      }
    }
    guard open.isEmpty else { throw malformed("unexpected end inside an element") }
    guard sawRoot else { throw malformed("no root element") }
    return nil
  }

  /// Skips to after `terminator`, returning where it starts.
  private mutating func find(_ terminator: [UInt8], what: String) throws(XLSXReadError) -> Int {
    let count = bytes.count
    var index = position
    while index + terminator.count <= count {
      if bytes[index] == terminator[0] {
        var matches = true
        for offset in 1..<terminator.count where bytes[index + offset] != terminator[offset] {
          matches = false
          break
        }
        if matches {
          position = index + terminator.count
          return index
        }
      }
      index += 1
    }
    throw malformed("unterminated \(what)")
  }

  private mutating func processingInstruction() throws(XLSXReadError) {
    let start = position
    let end = try find([0x3F, 0x3E], what: "processing instruction")  // ?>
    guard start == 0 || (start == 3 && bytes.starts(with: [0xEF, 0xBB, 0xBF])) else { return }
    // The XML declaration: only UTF-8 is decoded.
    let declaration = bytes[start..<end]
    let key = Array("encoding=".utf8)
    guard let keyStart = declaration.indices.first(where: { declaration[$0...].starts(with: key) }) else { return }
    let rest = declaration[(keyStart + key.count)...].dropFirst()
    let encoding = String(decoding: rest.prefix { $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "'") }, as: UTF8.self)
    guard ["utf-8", "utf8"].contains(encoding.lowercased()) else {
      throw .unsupportedEncoding(part: part, encoding: encoding)
    }
  }

  private mutating func declarationOrSection() throws(XLSXReadError) -> String? {
    if bytes[position...].starts(with: Array("<!--".utf8)) {
      position += 4
      _ = try find(Array("-->".utf8), what: "comment")
      return nil
    }
    if bytes[position...].starts(with: Array("<![CDATA[".utf8)) {
      guard !open.isEmpty else { throw malformed("CDATA outside the root") }
      position += 9
      let start = position
      let end = try find(Array("]]>".utf8), what: "CDATA section")
      return capturesText ? try decode(start..<end, attribute: false, references: false) : nil
    }
    if bytes[position...].starts(with: Array("<!DOCTYPE".utf8)) { throw .doctypeForbidden(part: part) }
    throw malformed("unexpected <!")
  }

  private mutating func name() throws(XLSXReadError) -> Range<Int> {
    let start = position
    let count = bytes.count
    while position < count {
      let byte = bytes[position]
      if Self.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=")
        || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
      {
        break
      }
      position += 1
    }
    guard position > start else { throw malformed("expected a name") }
    return start..<position
  }

  private func localName(_ range: Range<Int>) -> String {
    var start = range.lowerBound
    for index in range where bytes[index] == UInt8(ascii: ":") { start = index + 1 }
    return String(decoding: bytes[start..<range.upperBound], as: UTF8.self)
  }

  private mutating func skipSpaces() {
    while position < bytes.count && Self.isSpace(bytes[position]) { position += 1 }
  }

  private mutating func startTag() throws(XLSXReadError) -> String {
    guard !(sawRoot && open.isEmpty) else { throw malformed("a second root element") }
    position += 1
    let qualified = try name()
    attributes.removeAll(keepingCapacity: true)
    let count = bytes.count
    while true {
      skipSpaces()
      guard position < count else { throw malformed("unterminated start tag") }
      let byte = bytes[position]
      if byte == UInt8(ascii: ">") {
        position += 1
        guard open.count < maximumDepth else { throw .xmlTooDeep(part: part, limit: maximumDepth) }
        open.append(qualified)
        sawRoot = true
        return localName(qualified)
      }
      if byte == UInt8(ascii: "/") {
        guard position + 1 < count, bytes[position + 1] == UInt8(ascii: ">") else { throw malformed("expected />") }
        position += 2
        sawRoot = true
        let local = localName(qualified)
        pendingEnd = local
        return local
      }
      let attributeName = try name()
      skipSpaces()
      guard position < count, bytes[position] == UInt8(ascii: "=") else { throw malformed("expected =") }
      position += 1
      skipSpaces()
      guard position < count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
        throw malformed("expected a quoted attribute value")
      }
      let quote = bytes[position]
      position += 1
      let start = position
      while position < count && bytes[position] != quote {
        guard bytes[position] != UInt8(ascii: "<") else { throw malformed("< in an attribute value") }
        position += 1
      }
      guard position < count else { throw malformed("unterminated attribute value") }
      let value = try decode(start..<position, attribute: true)
      position += 1
      attributes.append((String(decoding: bytes[attributeName], as: UTF8.self), value))
    }
  }

  private mutating func endTag() throws(XLSXReadError) -> String {
    position += 2
    let qualified = try name()
    skipSpaces()
    guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else { throw malformed("expected >") }
    position += 1
    guard let top = open.last, bytes[top] == bytes[qualified] else {
      throw malformed("unexpected end tag </\(String(decoding: bytes[qualified], as: UTF8.self))>")
    }
    open.removeLast()
    return localName(qualified)
  }

  /// Decodes character data or an attribute value: references (`&amp;`, `&#233;`), line ends (CR LF and CR become
  /// LF) and, in attributes, whitespace normalisation (tab and newline become spaces); the result must be UTF-8.
  private func decode(_ range: Range<Int>, attribute: Bool, references: Bool = true) throws(XLSXReadError) -> String {
    let slice = bytes[range]
    let needsWork = slice.contains {
      $0 == 0x0D || (references && $0 == UInt8(ascii: "&")) || (attribute && ($0 == 0x09 || $0 == 0x0A))
    }
    if !needsWork {
      guard let text = String(validating: slice, as: UTF8.self) else { throw malformed("invalid UTF-8") }
      return text
    }
    var output: [UInt8] = []
    output.reserveCapacity(slice.count)
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      switch byte {
      case 0x0D:
        output.append(attribute ? 0x20 : 0x0A)
        if index + 1 < range.upperBound && bytes[index + 1] == 0x0A { index += 1 }
      case 0x09 where attribute, 0x0A where attribute:
        output.append(0x20)
      case UInt8(ascii: "&") where references:
        guard let semicolon = bytes[index..<range.upperBound].firstIndex(of: UInt8(ascii: ";")),
          semicolon - index <= 12
        else { throw malformed("unterminated reference") }
        let reference = String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self)
        switch reference {
        case "lt": output.append(UInt8(ascii: "<"))
        case "gt": output.append(UInt8(ascii: ">"))
        case "amp": output.append(UInt8(ascii: "&"))
        case "quot": output.append(UInt8(ascii: "\""))
        case "apos": output.append(UInt8(ascii: "'"))
        default:
          guard reference.hasPrefix("#") else { throw malformed("undefined entity &\(reference);") }
          let hex = reference.hasPrefix("#x")
          let digits = reference.dropFirst(hex ? 2 : 1)
          guard !digits.isEmpty, let value = UInt32(digits, radix: hex ? 16 : 10), value != 0,
            let scalar = Unicode.Scalar(value)
          else { throw malformed("invalid character reference &\(reference);") }
          output.append(contentsOf: String(Character(scalar)).utf8)
        }
        index = semicolon
      default:
        output.append(byte)
      }
      index += 1
    }
    guard let text = String(validating: output, as: UTF8.self) else { throw malformed("invalid UTF-8") }
    return text
  }
}
