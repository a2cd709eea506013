/// Spreadsheet-shaped input, whatever file it came from: a header row naming the columns, and rows of
/// cells, each with its text and where it is.
///
/// CSV files and XLSX sheets produce it; the survey layer joins and reads tables without knowing which. A
/// sheet's rows carry their Excel row numbers and its cells their column numbers, so that a message points
/// at the cell. Rows a reader could not trust (wrong number of cells, malformed quotes, invalid UTF-8)
/// are not in `rows`: each is counted in `lostRows` and explained in `diagnostics`, so that a consumer
/// can count the stations it lost.
///
/// The cells of all rows live in one buffer (`Rows`): a table of a million list rows is a few flat arrays,
/// not a million arrays of strings. A cell's `String` is made only when it is asked for.
package struct Table: Sendable {
  /// One column: its header text and where that text is.
  package struct Column: Sendable, Hashable {
    /// The header text in NFC, trimmed of surrounding white space.
    package var name: String
    /// Where the header text starts.
    package var location: SourceLocation

    /// A column named `name`, its header at `location`.
    package init(name: String, location: SourceLocation) {
      self.name = name
      self.location = location
    }
  }

  /// The file the table came from: the name locations and messages use.
  package var name: String
  /// The worksheet's tab name when the table is a sheet of a workbook.
  package var sheet: String?
  /// The header row's columns, in order.
  package var columns: [Column]
  /// The line of the header row (1-based); 1 when the input has none.
  package var headerLine: Int
  /// The rows, each with exactly `columns.count` cells.
  package var rows: Rows
  /// Problems with the header and with rows; the rows not mentioned are still returned.
  package var diagnostics: [Diagnostic]
  /// Rows that could not be read and are not in `rows`: each is a station (or list record) lost.
  package var lostRows: Int

  /// A table as a reader builds it; rows are added with `rows.append(line:cells:cellColumns:…)`.
  package init(
    name: String, sheet: String? = nil, columns: [Column] = [], headerLine: Int = 1, diagnostics: [Diagnostic] = [],
    lostRows: Int = 0
  ) {
    self.name = name
    self.sheet = sheet
    self.columns = columns
    self.headerLine = headerLine
    self.rows = Rows()
    self.diagnostics = diagnostics
    self.lostRows = lostRows
  }

  /// The header texts, in column order.
  package var columnNames: [String] { columns.map(\.name) }

  /// Where column `index`'s header is, for "unknown column" errors; the header line when unknown.
  package func location(ofColumn index: Int) -> SourceLocation {
    columns.indices.contains(index)
      ? columns[index].location : SourceLocation(file: name, line: headerLine, column: 0, sheet: sheet)
  }

  /// Where the header row is, for problems about the table as a whole.
  package var headerLocation: SourceLocation {
    SourceLocation(file: name, line: headerLine, column: sheet == nil ? 1 : 0, sheet: sheet)
  }

  /// Where cell `index` of `row` is.
  package func location(of row: Row, cell index: Int) -> SourceLocation {
    row.location(ofCell: index, file: name, sheet: sheet)
  }
}
