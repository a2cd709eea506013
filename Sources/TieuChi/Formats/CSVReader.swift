/// Reads and writes CSV files as Excel (Vietnamese locale: `;` and decimal commas) and
/// KoboToolbox/ODK exports produce them.
///
/// A strict reader of its own, over bytes: common libraries drop leading spaces, accept malformed
/// quotes silently, or give no line numbers, and a checker must say where bad input is. Problems are
/// per record: a bad row is reported and dropped, and the other rows are still returned.
public enum CSVReader {
  /// Reads a CSV file: UTF-8 with or without a byte order mark; CRLF, LF or lone CR line ends;
  /// RFC 4180 quoting, including line breaks inside quoted fields.
  ///
  /// The separator is detected from the header line: the most frequent of `,`, `;` and tab outside
  /// quotes, ties going to `,` then `;`. An Excel `sep=;` first line sets it explicitly.
  /// Lines whose fields are all empty or spaces are skipped. A row with more or fewer fields than the
  /// header is dropped with an error, except that extra fields which are all empty (an Excel
  /// artefact) are ignored with one warning for the file.
  public static func read(bytes: [UInt8], file: String) -> CSVTable {
    bytes.withUnsafeBufferPointer { buffer in
      var scanner = CSVScanner(bytes: buffer, file: file)
      return scanner.readTable()
    }
  }

  /// Writes a CSV that Excel and LibreOffice read back unchanged as text: fields holding a quote,
  /// CR or LF, any of `,` `;` tab, or starting or ending with white space are quoted, with quotes
  /// doubled; records end with CRLF as RFC 4180 says. Quoting every candidate separator, not only the
  /// one used, keeps `CSVReader`'s separator detection unambiguous on the written header.
  ///
  /// Excel still applies its own type guessing when it opens a file (`03433` becomes 3433), which no
  /// quoting prevents. A row whose fields are all empty is read back as a blank line, i.e. skipped.
  ///
  /// - Parameters:
  ///   - separator: `,`, `;` or tab; `;` is what Excel in a Vietnamese locale expects.
  ///   - byteOrderMark: starts the text with U+FEFF, without which Excel on Windows reads UTF-8 as
  ///     the legacy code page and garbles Vietnamese.
  public static func write(
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
      case separator, .quote, .lineFeed, .carriageReturn, .comma, .semicolon, .tab: return true
      default: continue
      }
    }
    guard let first = field.unicodeScalars.first, let last = field.unicodeScalars.last else { return false }
    return first.properties.isWhitespace || last.properties.isWhitespace
  }
}

extension UInt8 {
  fileprivate static let tab: UInt8 = 0x09
  fileprivate static let lineFeed: UInt8 = 0x0A
  fileprivate static let carriageReturn: UInt8 = 0x0D
  fileprivate static let space: UInt8 = 0x20
  fileprivate static let quote: UInt8 = 0x22
  fileprivate static let comma: UInt8 = 0x2C
  fileprivate static let semicolon: UInt8 = 0x3B
}

/// One pass over the bytes, record by record.
private struct CSVScanner {
  enum Role {
    case header
    case row

    /// What an unreadable record costs, said at the end of its error.
    var consequence: LocalizedText {
      switch self {
      case .header:
        LocalizedText(
          vi: "không đọc được dòng tiêu đề nên không đọc dòng nào của tệp",
          en: "the header could not be read, so no row of the file was read")
      case .row: LocalizedText(vi: "dòng này bị bỏ qua", en: "the row was skipped")
      }
    }
  }

  enum Outcome {
    /// A well-formed record; `invalidText` reports invalid UTF-8 in it (a row with it is dropped).
    case record(CSVRow, invalidText: Diagnostic?)
    /// A malformed record, already skipped to the end of its line; reading goes on.
    case dropped(Diagnostic)
    /// Nothing after this point can be read.
    case stopped(Diagnostic)
    case end
  }

  let bytes: UnsafeBufferPointer<UInt8>
  let end: Int
  let file: String
  var separator = UInt8.comma
  var index = 0
  var position = LinePosition()
  /// Reused buffer for quoted fields with doubled quotes.
  var scratch: [UInt8] = []

  init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
    self.bytes = bytes
    self.end = bytes.count
    self.file = file
  }

  // MARK: Table

  mutating func readTable() -> CSVTable {
    var table = CSVTable(file: file)
    if InputBytes.hasUTF16ByteOrderMark(bytes) {
      table.diagnostics.append(InputBytes.utf16Diagnostic(file: file))
      return table
    }
    if InputBytes.hasUTF8ByteOrderMark(bytes) {
      index = 3
      position = LinePosition(start: 3)
    }
    skipBlankLines()
    if !readSeparatorHint() { separator = detectSeparator() }
    table.separator = separator

    var header: CSVRow
    findHeader: while true {
      let recordLine = position.line
      switch readRecord(expectedFields: 16, role: .header) {
      case .end:
        table.diagnostics.append(
          Diagnostic(
            .error, at: SourceLocation(file: file, line: 1, column: 0),
            LocalizedText(
              vi: "tệp CSV trống: không có dòng tiêu đề chứa tên các cột",
              en: "the CSV file is empty: it has no header line with the column names")))
        return table
      case .dropped(let diagnostic), .stopped(let diagnostic):
        table.headerLine = recordLine
        table.diagnostics.append(diagnostic)
        return table
      case .record(let row, let invalidText):
        if Self.isBlank(row) { continue findHeader }
        // A header with a garbled name is still the best guess at the columns.
        if let invalidText { table.diagnostics.append(invalidText) }
        header = row
        break findHeader
      }
    }
    table.headerLine = header.line
    table.headerColumns = header.columns
    table.headerLineOffsets = header.lineOffsets
    table.header = header.fields.map(Self.trimmed)
    checkNames(table.header, of: header, into: &table.diagnostics)

    let width = table.header.count
    var ignoredEmptyFields: (diagnostic: Int, rows: Int)?
    table.rows.reserveCapacity(end / max(1, 8 * width))
    readRows: while true {
      switch readRecord(expectedFields: width, role: .row) {
      case .end:
        break readRows
      case .stopped(let diagnostic):
        table.diagnostics.append(diagnostic)
        break readRows
      case .dropped(let diagnostic):
        table.diagnostics.append(diagnostic)
      case .record(var row, let invalidText):
        if Self.isBlank(row) { continue readRows }
        if let invalidText {
          table.diagnostics.append(invalidText)
          continue readRows
        }
        if row.fields.count == width {
          table.rows.append(row)
          continue readRows
        }
        let count = row.fields.count
        if count > width, row.fields[width...].allSatisfy(\.isEmpty) {
          // Excel writes empty trailing cells of a once-used column as extra separators: no data
          // is lost by ignoring them, and one warning per file is enough.
          if let ignored = ignoredEmptyFields {
            ignoredEmptyFields = (ignored.diagnostic, ignored.rows + 1)
          } else {
            ignoredEmptyFields = (table.diagnostics.count, 1)
            table.diagnostics.append(
              Diagnostic(
                .warning, at: row.location(ofField: width, file: file),
                LocalizedText(
                  vi: "dòng có \(count) trường nhưng dòng tiêu đề có \(width); các trường thừa đều trống nên "
                    + "được bỏ qua",
                  en: "the row has \(count) fields but the header has \(width); the extra fields are all empty "
                    + "and were ignored")))
          }
          row.fields.removeLast(count - width)
          row.columns.removeLast(count - width)
          if !row.lineOffsets.isEmpty { row.lineOffsets.removeLast(count - width) }
          table.rows.append(row)
          continue readRows
        }
        table.diagnostics.append(fieldCountError(row, width: width))
      }
    }
    if let ignored = ignoredEmptyFields, ignored.rows > 1 {
      let others = ignored.rows - 1
      table.diagnostics[ignored.diagnostic].message.vi += " (tương tự ở \(others) dòng khác)"
      table.diagnostics[ignored.diagnostic].message.en += " (also on \(others) other row\(others == 1 ? "" : "s"))"
    }
    return table
  }

  func fieldCountError(_ row: CSVRow, width: Int) -> Diagnostic {
    let count = row.fields.count
    let location =
      count > width
      ? row.location(ofField: width, file: file) : SourceLocation(file: file, line: row.line, column: 0)
    var hint: LocalizedText?
    if count > width {
      let example =
        separator == .comma
        ? LocalizedText(vi: ", như dấu phẩy thập phân trong 99,5,", en: ", such as the decimal comma in 99,5,")
        : LocalizedText("")
      let name = Self.separatorName(separator)
      hint = LocalizedText(
        vi: "giá trị chứa dấu phân cách \(name.vi)\(example.vi) phải đặt trong dấu ngoặc kép",
        en: "a value that contains the separator \(name.en)\(example.en) must be in double quotes")
    }
    return Diagnostic(
      .error, at: location,
      LocalizedText(
        vi: "dòng có \(count) trường nhưng dòng tiêu đề có \(width); dòng này bị bỏ qua",
        en: "the row has \(count) field\(count == 1 ? "" : "s") but the header has \(width); the row was skipped"),
      hint: hint)
  }

  /// Empty and repeated column names make values unaddressable: errors, located on the header.
  func checkNames(_ names: [String], of header: CSVRow, into diagnostics: inout [Diagnostic]) {
    var seen: [String: Int] = [:]
    seen.reserveCapacity(names.count)
    for (position, name) in names.enumerated() {
      let location = header.location(ofField: position, file: file)
      if name.isEmpty {
        diagnostics.append(
          Diagnostic(
            .error, at: location,
            LocalizedText(
              vi: "tên cột trống ở trường thứ \(position + 1) của dòng tiêu đề",
              en: "empty column name in field \(position + 1) of the header")))
      } else if let first = seen[name] {
        diagnostics.append(
          Diagnostic(
            .error, at: location,
            LocalizedText(
              vi: "tên cột '\(name)' bị trùng: đã dùng ở trường thứ \(first + 1) của dòng tiêu đề",
              en: "duplicate column name '\(name)': already used by field \(first + 1) of the header")))
      } else {
        seen[name] = position
      }
    }
  }

  static func isBlank(_ row: CSVRow) -> Bool {
    row.fields.allSatisfy { $0.utf8.allSatisfy { $0 == .space } }
  }

  static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
    return String(scalars[first...last])
  }

  static func separatorName(_ separator: UInt8) -> LocalizedText {
    separator == .tab
      ? LocalizedText(vi: "ký tự tab", en: "tab") : LocalizedText("'\(String(UnicodeScalar(separator)))'")
  }

  // MARK: Separator

  /// Skips lines of nothing but spaces and tabs before the header.
  mutating func skipBlankLines() {
    var offset = index
    while offset < end {
      let byte = bytes[offset]
      if byte == .space || byte == .tab {
        offset += 1
      } else if position.passLineBreak(&offset, in: bytes, end: end) {
        index = offset
      } else {
        return
      }
    }
    index = offset
  }

  /// Excel's `sep=;` first line names the separator outright.
  mutating func readSeparatorHint() -> Bool {
    guard index + 5 <= end, bytes[index..<index + 4].elementsEqual("sep=".utf8) else { return false }
    let candidate = bytes[index + 4]
    guard candidate == .comma || candidate == .semicolon || candidate == .tab else { return false }
    var offset = index + 5
    if offset < end {
      guard bytes[offset] == .lineFeed || bytes[offset] == .carriageReturn else { return false }
      offset += bytes[offset] == .carriageReturn && offset + 1 < end && bytes[offset + 1] == .lineFeed ? 2 : 1
    }
    separator = candidate
    index = offset
    position.startLine(at: index)
    return true
  }

  /// Counts `,`, `;` and tabs outside quotes on the header line.
  func detectSeparator() -> UInt8 {
    var commas = 0
    var semicolons = 0
    var tabs = 0
    var quoted = false
    var offset = index
    while offset < end {
      let byte = bytes[offset]
      if byte == .quote {
        quoted.toggle()
      } else if !quoted {
        if byte == .lineFeed || byte == .carriageReturn { break }
        if byte == .comma {
          commas += 1
        } else if byte == .semicolon {
          semicolons += 1
        } else if byte == .tab {
          tabs += 1
        }
      }
      offset += 1
    }
    if commas >= semicolons && commas >= tabs { return .comma }
    return semicolons >= tabs ? .semicolon : .tab
  }

  // MARK: Records

  /// Reads the record at `index`, leaving `index` at the start of the next one.
  mutating func readRecord(expectedFields: Int, role: Role) -> Outcome {
    guard index < end else { return .end }
    let recordStart = index
    let recordLine = position.line
    let recordLineStart = position.lineStart
    var fields: [String] = []
    fields.reserveCapacity(expectedFields)
    var columns: [Int32] = []
    columns.reserveCapacity(expectedFields)
    var lineOffsets: [Int32] = []
    var invalidText: Diagnostic?

    while true {
      let fieldStart = index
      let column = Int32(truncatingIfNeeded: position.column(at: fieldStart, in: bytes))
      if position.line != recordLine && lineOffsets.isEmpty {
        lineOffsets = [Int32](repeating: 0, count: fields.count)
      }
      if !lineOffsets.isEmpty { lineOffsets.append(Int32(truncatingIfNeeded: position.line - recordLine)) }
      columns.append(column)

      var high: UInt8 = 0
      var contentStart = fieldStart
      var contentEnd: Int
      var escaped = false
      if index < end && bytes[index] == .quote {
        let openLine = position.line
        index += 1
        contentStart = index
        var segmentStart = index
        while true {
          guard index < end else {
            return .stopped(
              unterminatedQuote(line: openLine, column: Int(column), role: role))
          }
          let byte = bytes[index]
          if byte == .quote {
            guard index + 1 < end, bytes[index + 1] == .quote else { break }
            if !escaped {
              scratch.removeAll(keepingCapacity: true)
              escaped = true
            }
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart...index]))
            index += 2
            segmentStart = index
          } else if position.passLineBreak(&index, in: bytes, end: end) {
            continue
          } else {
            high |= byte
            index += 1
          }
        }
        contentEnd = index
        if escaped { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<index])) }
        index += 1
        if index < end {
          let byte = bytes[index]
          if byte != separator && byte != .lineFeed && byte != .carriageReturn {
            let failure = textAfterQuote(role: role)
            skipRestOfLine()
            return .dropped(failure)
          }
        }
      } else {
        while index < end {
          let byte = bytes[index]
          if byte == separator || byte == .lineFeed || byte == .carriageReturn { break }
          if byte == .quote {
            let failure = strayQuote(role: role)
            skipRestOfLine()
            return .dropped(failure)
          }
          high |= byte
          index += 1
        }
        contentEnd = index
      }

      var text: String
      if high < 0x80 {
        text =
          escaped
          ? String(decoding: scratch, as: UTF8.self)
          : String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<contentEnd]), as: UTF8.self)
      } else {
        if invalidText == nil,
          let bad = InputBytes.firstInvalidUTF8(bytes, in: contentStart..<contentEnd)
        {
          let location = locate(bad, from: recordStart, line: recordLine, lineStart: recordLineStart)
          invalidText = Diagnostic(
            .error, at: location,
            InputBytes.invalidUTF8Message(
              byte: bytes[bad], consequence: role == .row ? role.consequence : nil),
            hint: InputBytes.saveAsUTF8Hint)
        }
        text =
          escaped
          ? String(decoding: scratch, as: UTF8.self)
          : String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<contentEnd]), as: UTF8.self)
        text = text.nfc
      }
      fields.append(text)

      guard index < end else { break }
      let byte = bytes[index]
      index += 1
      if byte == separator { continue }
      if byte == .carriageReturn, index < end, bytes[index] == .lineFeed { index += 1 }
      position.startLine(at: index)
      break
    }
    let row = CSVRow(line: recordLine, fields: fields, columns: columns, lineOffsets: lineOffsets)
    return .record(row, invalidText: invalidText)
  }

  mutating func skipRestOfLine() {
    while index < end {
      if position.passLineBreak(&index, in: bytes, end: end) { return }
      index += 1
    }
  }

  // MARK: Positions

  /// The position of any byte at or after `start`, whose line is known: for the rare errors that
  /// may lie on an earlier line than the scan (inside a quoted field spanning lines).
  func locate(_ offset: Int, from start: Int, line startLine: Int, lineStart startLineStart: Int) -> SourceLocation {
    var line = startLine
    var lineStart = startLineStart
    var cursor = start
    while cursor < offset {
      let byte = bytes[cursor]
      cursor += 1
      if byte == .lineFeed || byte == .carriageReturn {
        if byte == .carriageReturn, cursor < end, bytes[cursor] == .lineFeed { cursor += 1 }
        line += 1
        lineStart = cursor
      }
    }
    return SourceLocation(
      file: file, line: line, column: 1 + InputBytes.scalarCount(bytes, from: lineStart, to: offset))
  }

  // MARK: Errors

  mutating func strayQuote(role: Role) -> Diagnostic {
    Diagnostic(
      .error, at: SourceLocation(file: file, line: position.line, column: position.column(at: index, in: bytes)),
      LocalizedText(
        vi: "Lỗi cú pháp CSV: dấu '\"' nằm giữa một trường không mở bằng dấu '\"'; \(role.consequence.vi)",
        en: "CSV syntax error: a '\"' inside a field that does not start with '\"'; \(role.consequence.en)"),
      hint: LocalizedText(
        vi: "trường chứa dấu '\"' phải đặt cả trong dấu ngoặc kép, và mỗi dấu '\"' bên trong viết thành \"\"",
        en: "a field containing '\"' must be quoted as a whole, with each '\"' inside written as \"\""))
  }

  mutating func textAfterQuote(role: Role) -> Diagnostic {
    let found = InputBytes.describe(bytes, at: index)
    let name = Self.separatorName(separator)
    return Diagnostic(
      .error, at: SourceLocation(file: file, line: position.line, column: position.column(at: index, in: bytes)),
      LocalizedText(
        vi: "Lỗi cú pháp CSV: cần dấu phân cách \(name.vi) hoặc hết dòng sau dấu '\"' đóng, gặp \(found.vi); "
          + role.consequence.vi,
        en: "CSV syntax error: expected the separator \(name.en) or the end of the line after the closing '\"', "
          + "found \(found.en); \(role.consequence.en)"),
      hint: LocalizedText(
        vi: "dấu '\"' bên trong một trường đặt trong ngoặc kép phải viết thành \"\"",
        en: "a '\"' inside a quoted field must be written as \"\""))
  }

  func unterminatedQuote(line openLine: Int, column: Int, role: Role) -> Diagnostic {
    let consequence =
      switch role {
      case .header:
        LocalizedText(vi: "không đọc được tệp", en: "the file was not read")
      case .row:
        LocalizedText(
          vi: "phần còn lại của tệp, từ dòng \(openLine), không được đọc",
          en: "the rest of the file, from line \(openLine) on, was not read")
      }
    return Diagnostic(
      .error, at: SourceLocation(file: file, line: openLine, column: column),
      LocalizedText(
        vi: "Lỗi cú pháp CSV: trường mở bằng dấu '\"' ở đây không có dấu '\"' đóng; \(consequence.vi)",
        en: "CSV syntax error: the quoted field opened here has no closing '\"'; \(consequence.en)"))
  }
}
