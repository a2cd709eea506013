/// Writes HTML (and inline SVG) in which data can only ever be text.
///
/// Element and attribute names are `StaticString`s, so they come from the program, never from data;
/// every text and attribute value goes through escaping (`& < > " '`), and characters that have no
/// place in a document (C0 controls other than tab and newline, DEL, C1 controls) are replaced with
/// U+FFFD. A commune named `<script>alert(1)</script>` shows as that text.
///
/// The reports of the library and the pages of the web application are both written with it.
package struct HTMLWriter {
  /// Markup finished before `current`, in order: big parts made apart (`appendPart`) are kept as they are,
  /// not copied into one buffer.
  private var finished: [[UInt8]] = []
  /// The markup being written.
  private var current: [UInt8] = []

  package init(capacity: Int = 64 * 1024) {
    current.reserveCapacity(capacity)
  }

  /// The whole markup written.
  package var bytes: [UInt8] { finished.isEmpty ? current : parts.joinedBytes }

  /// The markup written, in pieces that joined are `bytes`.
  package var parts: [[UInt8]] { finished + [current] }

  /// Markup another `HTMLWriter` wrote (a part of a page built apart, its data escaped), kept as a piece of its
  /// own rather than copied.
  package mutating func appendPart(_ markup: [UInt8]) {
    finished.append(current)
    finished.append(markup)
    current = []
  }

  /// `<tag a="v" …>`; a nil value leaves the attribute out, an empty one is written bare, as a boolean
  /// attribute (`required`, `selected`): the same meaning as `=""` to every HTML parser, and what people read.
  package mutating func open(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) {
    current.append(UInt8(ascii: "<"))
    append(tag)
    for (name, value) in attributes {
      guard let value else { continue }
      current.append(UInt8(ascii: " "))
      append(name)
      if value.isEmpty { continue }
      current.append(contentsOf: "=\"".utf8)
      escape(value)
      current.append(UInt8(ascii: "\""))
    }
    current.append(UInt8(ascii: ">"))
  }

  package mutating func close(_ tag: StaticString) {
    current.append(contentsOf: "</".utf8)
    append(tag)
    current.append(UInt8(ascii: ">"))
  }

  /// `<tag …>text</tag>`.
  package mutating func element(
    _ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], text: String
  ) {
    open(tag, attributes)
    self.text(text)
    close(tag)
  }

  /// `<tag …>` followed by what `content` writes, then `</tag>`.
  package mutating func element(
    _ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], _ content: (inout HTMLWriter) -> Void
  ) {
    open(tag, attributes)
    content(&self)
    close(tag)
  }

  /// An element with no content and no end tag (`<br>`, `<meta …>`), or a self-closed SVG element.
  package mutating func void(
    _ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], svg: Bool = false
  ) {
    open(tag, attributes)
    if svg {
      current.removeLast()
      current.append(contentsOf: "/>".utf8)
    }
  }

  /// Text, escaped.
  package mutating func text(_ text: String) {
    escape(text)
  }

  /// Markup the program wrote (the style sheet, the doctype): a static string, never data.
  package mutating func trusted(_ markup: StaticString) {
    append(markup)
  }

  /// Markup another `HTMLWriter` wrote (a part of a page built apart), whose data it escaped.
  package mutating func append(_ markup: [UInt8]) {
    current.append(contentsOf: markup)
  }

  package mutating func newline() {
    current.append(UInt8(ascii: "\n"))
  }

  private mutating func append(_ string: StaticString) {
    string.withUTF8Buffer { current.append(contentsOf: $0) }
  }

  private mutating func escape(_ text: String) {
    // Works on UTF-8 bytes: reports escape millions of short texts, most of them plain.
    var text = text
    text.withUTF8 { utf8 in
      var index = 0
      while index < utf8.count {
        let byte = utf8[index]
        switch byte {
        case UInt8(ascii: "&"): current.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): current.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): current.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "\""): current.append(contentsOf: "&quot;".utf8)
        case UInt8(ascii: "'"): current.append(contentsOf: "&#39;".utf8)
        case UInt8(ascii: "\t"), UInt8(ascii: "\n"): current.append(byte)
        case 0..<0x20, 0x7F: current.append(contentsOf: Self.replacement)
        case 0xC2 where index + 1 < utf8.count && (0x80...0x9F).contains(utf8[index + 1]):
          // C1 controls (U+0080–U+009F) are two bytes, C2 80 to C2 9F.
          current.append(contentsOf: Self.replacement)
          index += 1
        default: current.append(byte)
        }
        index += 1
      }
    }
  }

  /// U+FFFD, what a character with no place in a document becomes.
  private static let replacement: [UInt8] = Array("\u{FFFD}".utf8)
}
