/// Escaping for the XML that the writers produce, as plain functions (the writers use the same code on bytes).
///
/// Input comes from hostile survey data: every character XML 1.0 forbids is dropped (C0 control characters other
/// than tab, newline and carriage return; U+FFFE and U+FFFF) so that no input can make a part unreadable, and markup
/// characters are escaped so that no input can add elements.
public enum XMLEscaping {
  /// Whether XML 1.0 allows `scalar` in a document (`Char` production, surrogates aside: a `Unicode.Scalar` is never
  /// one).
  public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: true
    case 0x00...0x1F, 0xFFFE, 0xFFFF: false
    default: true
    }
  }

  /// `text` without the characters XML 1.0 forbids.
  public static func removingForbiddenCharacters(_ text: String) -> String {
    guard !text.unicodeScalars.allSatisfy(isAllowed) else { return text }
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.unicodeScalars.lazy.filter(isAllowed))
    return String(scalars)
  }

  /// `text` escaped for character data (`&`, `<`, `>`, CR), forbidden characters dropped.
  public static func escapedText(_ text: String) -> String {
    var buffer = XMLBuffer(capacity: text.utf8.count)
    buffer.text(text)
    return String(decoding: buffer.bytes, as: UTF8.self)
  }

  /// `text` escaped for a `"`-delimited attribute value (also `"`, tab, LF), forbidden characters dropped.
  public static func escapedAttribute(_ text: String) -> String {
    var buffer = XMLBuffer(capacity: text.utf8.count)
    buffer.attribute(text)
    return String(decoding: buffer.bytes, as: UTF8.self)
  }
}
