/// Writes CSV files that Excel, LibreOffice and `CSVReader` read back unchanged as text.
package enum CSVWriter {
  /// Writes a header and rows: fields holding a quote, CR or LF, any of `,` `;` tab, or starting or
  /// ending with white space are quoted, with quotes doubled; records end with CRLF as RFC 4180 says.
  /// Quoting every candidate separator, not only the one used, keeps `CSVReader`'s separator detection
  /// unambiguous on the written header.
  ///
  /// Excel still applies its own type guessing when it opens a file (`03433` becomes 3433), which no
  /// quoting prevents. A row whose fields are all empty is read back as a blank line, i.e. skipped.
  ///
  /// - Parameters:
  ///   - separator: `,`, `;` or tab; `;` is what Excel in a Vietnamese locale expects.
  ///   - byteOrderMark: starts the text with U+FEFF, without which Excel on Windows reads UTF-8 as
  ///     the legacy code page and garbles Vietnamese.
  package static func write(
    header: [String],
    rows: [[String]],
    separator: UInt8 = UInt8(ascii: ","),
    byteOrderMark: Bool = true
  ) -> String {
    precondition(
      separator < 0x80 && separator != 0x22 && separator != 0x0A && separator != 0x0D,
      "a CSV separator must be an ASCII character other than a quote or a line break")
    var output = byteOrderMark ? "\u{FEFF}" : ""
    let separatorText = String(UnicodeScalar(separator))
    func append(_ fields: [String], isFirst: Bool) {
      for (position, field) in fields.enumerated() {
        if position > 0 { output += separatorText }
        // A first line `sep=;` would be taken for Excel's separator hint.
        if needsQuotes(field, separator: separator) || (isFirst && position == 0 && field.hasPrefix("sep=")) {
          output += "\""
          output += field.replacing("\"", with: "\"\"")
          output += "\""
        } else {
          output += field
        }
      }
      output += "\r\n"
    }
    append(header, isFirst: true)
    for row in rows { append(row, isFirst: false) }
    return output
  }

  static func needsQuotes(_ field: String, separator: UInt8) -> Bool {
    for byte in field.utf8 {
      switch byte {
      // Quote, LF, CR, comma, semicolon, tab.
      case separator, 0x22, 0x0A, 0x0D, 0x2C, 0x3B, 0x09: return true
      default: continue
      }
    }
    guard let first = field.unicodeScalars.first, let last = field.unicodeScalars.last else { return false }
    return first.properties.isWhitespace || last.properties.isWhitespace
  }
}
