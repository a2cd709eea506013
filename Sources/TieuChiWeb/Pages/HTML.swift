/// A small HTML builder in which data can only ever be text.
///
/// Element and attribute names are `StaticString`s, so they come from the program; every text and
/// attribute value is escaped (`& < > " '`) and control characters other than tab and newline become
/// U+FFFD — the same rule as the library's report writer, which is internal to the library.
struct HTML {
  private(set) var bytes: [UInt8] = []

  init() {
    bytes.reserveCapacity(8 * 1024)
  }

  /// `<tag a="v" …>`; a nil value leaves the attribute out, an empty one writes a boolean attribute.
  mutating func open(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) {
    bytes.append(UInt8(ascii: "<"))
    append(tag)
    for (name, value) in attributes {
      guard let value else { continue }
      bytes.append(UInt8(ascii: " "))
      append(name)
      if value.isEmpty { continue }
      bytes.append(contentsOf: "=\"".utf8)
      escape(value)
      bytes.append(UInt8(ascii: "\""))
    }
    bytes.append(UInt8(ascii: ">"))
  }

  mutating func close(_ tag: StaticString) {
    bytes.append(contentsOf: "</".utf8)
    append(tag)
    bytes.append(UInt8(ascii: ">"))
  }

  /// `<tag …>text</tag>`.
  mutating func element(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], text: String) {
    open(tag, attributes)
    self.text(text)
    close(tag)
  }

  /// `<tag …>`, what `content` writes, `</tag>`.
  mutating func element(
    _ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], _ content: (inout HTML) -> Void
  ) {
    open(tag, attributes)
    content(&self)
    close(tag)
  }

  /// An element without content or end tag (`<input …>`, `<br>`).
  mutating func void(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) {
    open(tag, attributes)
  }

  /// Text, escaped.
  mutating func text(_ text: String) {
    escape(text)
  }

  /// Markup the program wrote (the style sheet, the doctype): a static string, never data.
  mutating func trusted(_ markup: StaticString) {
    append(markup)
  }

  /// Markup another `HTML` built, whose data it escaped.
  mutating func append(_ markup: [UInt8]) {
    bytes.append(contentsOf: markup)
  }

  private mutating func append(_ string: StaticString) {
    string.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  private mutating func escape(_ text: String) {
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": bytes.append(contentsOf: "&amp;".utf8)
      case "<": bytes.append(contentsOf: "&lt;".utf8)
      case ">": bytes.append(contentsOf: "&gt;".utf8)
      case "\"": bytes.append(contentsOf: "&quot;".utf8)
      case "'": bytes.append(contentsOf: "&#39;".utf8)
      case "\t", "\n": bytes.append(UInt8(scalar.value))
      case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}": bytes.append(contentsOf: "\u{FFFD}".utf8)
      default: bytes.append(contentsOf: String(scalar).utf8)
      }
    }
  }
}
