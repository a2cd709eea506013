/// A CSV file as read by `CSVReader`: its header, its well-formed rows, and the problems found.
///
/// Rows the reader could not trust (wrong number of fields, malformed quotes, invalid UTF-8) are not
/// in `rows`; each left one error in `diagnostics`, so a consumer can count lost stations. Errors about
/// the header itself are located on `headerLine`.
public struct CSVTable: Sendable {
  public var file: String
  /// The field separator, detected from the header line: `,`, `;` or tab.
  public var separator: UInt8
  /// Column names in NFC, trimmed of surrounding white space.
  public var header: [String]
  /// The physical line of the header (1-based); 1 when the file has no header.
  public var headerLine: Int
  /// Where each header name starts (1-based Unicode scalar column), parallel to `header`.
  public var headerColumns: [Int32]
  /// The rows, each with exactly `header.count` fields.
  public var rows: [CSVRow]
  /// Problems per row and for the header; the rows not mentioned are still returned.
  public var diagnostics: [Diagnostic]
  /// As `CSVRow.lineOffsets`, for a header with line breaks in quoted names.
  var headerLineOffsets: [Int32] = []

  public init(
    file: String,
    separator: UInt8 = UInt8(ascii: ","),
    header: [String] = [],
    headerLine: Int = 1,
    headerColumns: [Int32] = [],
    rows: [CSVRow] = [],
    diagnostics: [Diagnostic] = []
  ) {
    self.file = file
    self.separator = separator
    self.header = header
    self.headerLine = headerLine
    self.headerColumns = headerColumns
    self.rows = rows
    self.diagnostics = diagnostics
  }

  /// Where header name `index` starts, for "unknown column" errors; the header line when unknown.
  public func location(ofHeaderField index: Int) -> SourceLocation {
    guard headerColumns.indices.contains(index) else { return SourceLocation(file: file, line: headerLine, column: 0) }
    let offset = headerLineOffsets.indices.contains(index) ? Int(headerLineOffsets[index]) : 0
    return SourceLocation(file: file, line: headerLine + offset, column: Int(headerColumns[index]))
  }
}

/// One record of a CSV file.
public struct CSVRow: Sendable {
  /// The physical line where the record starts (1-based); a quoted field may carry it onto more lines.
  public var line: Int
  /// The fields in NFC, quotes removed and `""` unescaped, otherwise exactly as written: not trimmed,
  /// line breaks inside quoted fields kept as they were in the file.
  public var fields: [String]
  /// Where each field starts (1-based, in Unicode scalars): its opening quote when it is quoted.
  public var columns: [Int32]
  /// For a record spanning several lines, how many lines after `line` each field starts; empty when
  /// the whole record is on one line, which is the usual case and costs nothing.
  public var lineOffsets: [Int32]

  public init(line: Int, fields: [String], columns: [Int32], lineOffsets: [Int32] = []) {
    self.line = line
    self.fields = fields
    self.columns = columns
    self.lineOffsets = lineOffsets
  }

  /// `file:line:column` of field `index`, for errors about its value; the row's line when there is no
  /// such field.
  public func location(ofField index: Int, file: String) -> SourceLocation {
    guard columns.indices.contains(index) else { return SourceLocation(file: file, line: line, column: 0) }
    let offset = lineOffsets.indices.contains(index) ? Int(lineOffsets[index]) : 0
    return SourceLocation(file: file, line: line + offset, column: Int(columns[index]))
  }
}
