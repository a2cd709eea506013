import Foundation

/// Text from data, criteria, file names and arguments made safe to print: a terminal acts on control
/// characters (ESC sequences recolour or rewrite the screen, CR overwrites a line, a line break forges a
/// `file:1:1: lỗi:` line of its own), so they are shown as `\u{1B}` instead of being sent.
extension String {
  /// The text with every C0 control but tab, DEL and every C1 control written as `\u{XX}`; line breaks
  /// too unless `keepingLineBreaks` (a report's own lines). Returns the text itself when there is none,
  /// which is the usual case and allocates nothing.
  package func escapingControlCharacters(keepingLineBreaks: Bool = false) -> String {
    // On the string's own bytes: the UTF-8 view's iterator was most of a detailed report's cost of this check.
    var text = self
    guard text.withUTF8({ Self.needsEscaping($0, keepingLineBreaks: keepingLineBreaks) }) else { return self }
    var result = ""
    result.reserveCapacity(utf8.count + 16)
    for scalar in unicodeScalars {
      let value = scalar.value
      if (value < 0x20 && value != 0x09 && !(keepingLineBreaks && value == 0x0A)) || (0x7F...0x9F).contains(value) {
        result += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Whether UTF-8 `bytes` hold a character `escapingControlCharacters` escapes.
  package static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>, keepingLineBreaks: Bool) -> Bool {
    var previous: UInt8 = 0
    for byte in bytes {
      if (byte < 0x20 && byte != 0x09 && !(keepingLineBreaks && byte == 0x0A)) || byte == 0x7F
        || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F)
      {
        return true
      }
      previous = byte
    }
    return false
  }

  /// A file name for a `file:line:column:` prefix: as it is when it is plain, otherwise in double quotes
  /// with its control characters (and quotes) escaped, so that no name can pass for another line.
  package var quotedIfNeeded: String {
    let escaped = escapingControlCharacters()
    guard escaped.utf8.count != utf8.count || utf8.contains(0x22) else { return self }
    return "\"" + escaped.replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}

extension Diagnostic {
  /// How many characters of a value a message quotes: enough to recognise it, never a whole 50 MB cell.
  package static let quotedLength = 80

  /// `'value'`, cut to `quotedLength` characters with "…": for catalogues that repeat a value from data.
  package static func quoted(_ value: some CustomStringConvertible) -> String {
    "'" + cut(value.description) + "'"
  }

  /// The value cut to `quotedLength` characters with "…", unquoted.
  package static func cut(_ text: String) -> String {
    // utf8.count bounds the character count from above, so short text costs no character walk.
    guard text.utf8.count > quotedLength, text.count > quotedLength else { return text }
    return String(text.prefix(quotedLength)) + "…"
  }
}
