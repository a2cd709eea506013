/// Writes CSV files that Excel, LibreOffice and `CSVReader` read back unchanged as text.
package struct CSVWriter {
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
    var writer = CSVWriter(separator: separator, byteOrderMark: byteOrderMark)
    writer.append(header)
    for row in rows { writer.append(row) }
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  /// The file so far, as UTF-8.
  package private(set) var bytes: [UInt8] = []
  private let separator: UInt8
  private var isFirst = true

  /// A file written record by record into bytes, so that a report of a million rows never holds them all
  /// as strings; `capacity` is a guess of the file's size.
  package init(separator: UInt8 = UInt8(ascii: ","), byteOrderMark: Bool = true, capacity: Int = 4096) {
    precondition(
      separator < 0x80 && separator != 0x22 && separator != 0x0A && separator != 0x0D,
      "a CSV separator must be an ASCII character other than a quote or a line break")
    self.separator = separator
    bytes.reserveCapacity(capacity)
    if byteOrderMark { bytes += [0xEF, 0xBB, 0xBF] }
  }

  /// A writer that goes on after `bytes`, records of a file begun elsewhere (a report's header written apart).
  package init(separator: UInt8, continuing bytes: [UInt8]) {
    self.init(separator: separator, byteOrderMark: false, capacity: 0)
    self.bytes = bytes
    isFirst = false
  }

  /// One record, ended with CRLF.
  package mutating func append(_ fields: [String]) {
    for (position, var field) in fields.enumerated() {
      if position > 0 { bytes.append(separator) }
      // A first line `sep=;` would be taken for Excel's separator hint.
      if Self.needsQuotes(field, separator: separator) || (isFirst && position == 0 && field.hasPrefix("sep=")) {
        bytes.append(0x22)
        field.withUTF8 { utf8 in
          // A run at a time up to each quote, which is doubled.
          var start = 0
          while let quote = utf8[start...].firstIndex(of: 0x22) {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...quote]))
            bytes.append(0x22)
            start = quote + 1
          }
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(0x22)
      } else {
        // From the string's own bytes: appending its UTF-8 view goes a byte at a time.
        field.withUTF8 { bytes.append(contentsOf: $0) }
      }
    }
    bytes += [0x0D, 0x0A]
    isFirst = false
  }

  static func needsQuotes(_ field: String, separator: UInt8) -> Bool {
    var field = field
    // Quote, LF, CR, comma, semicolon, tab.
    let (needs, first, last): (Bool, UInt8?, UInt8) = field.withUTF8 { bytes in
      for byte in bytes {
        switch byte {
        case separator, 0x22, 0x0A, 0x0D, 0x2C, 0x3B, 0x09: return (true, nil, 0)
        default: continue
        }
      }
      return (false, bytes.first, bytes.last ?? 0)
    }
    if needs { return true }
    guard let first else { return false }
    // ASCII ends (the usual case) need no Unicode property lookup; a space is the only ASCII white space
    // left after the line breaks and tab above (and vertical tab, form feed).
    if first < 0x80 && last < 0x80 {
      return first == 0x20 || last == 0x20 || first == 0x0B || first == 0x0C || last == 0x0B || last == 0x0C
    }
    guard let firstScalar = field.unicodeScalars.first, let lastScalar = field.unicodeScalars.last else {
      return false
    }
    return isWhiteSpace(firstScalar) || isWhiteSpace(lastScalar)
  }

  /// `scalar.properties.isWhitespace`, without looking the property up for the letters Vietnamese text begins and
  /// ends with: no white space lies in U+00C0–U+167F or U+1681–U+1FFF (Latin letters, Vietnamese's precomposed
  /// ones among them).
  private static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0xC0..<0x1680, 0x1681..<0x2000: false
    default: scalar.properties.isWhitespace
    }
  }
}
