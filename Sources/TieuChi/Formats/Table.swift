/// Spreadsheet-shaped input, whatever file it came from: a header row naming the columns, and rows of
/// cells, each with its text and where it is.
///
/// CSV files and XLSX sheets produce it; the survey layer joins and reads tables without knowing which. A
/// sheet's rows carry their Excel row numbers and its cells their column numbers, so that a message points
/// at the cell. Rows a reader could not trust (wrong number of cells, malformed quotes, invalid UTF-8)
/// are not in `rows`: each is counted in `lostRows` and explained in `diagnostics`, so that a consumer
/// can count the stations it lost.
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

  /// One record of the table, with exactly one cell per column once it is in `Table.rows`.
  ///
  /// Cell positions are kept as compact numbers rather than one `SourceLocation` per cell: readers are
  /// on the hot path, and a location is only built when a message needs it.
  package struct Row: Sendable {
    /// The line where the record starts (1-based); a quoted CSV cell may carry it onto more lines.
    package var line: Int
    /// The cells' text in NFC, otherwise exactly as written: not trimmed, line breaks kept.
    package var cells: [String]
    /// Where each cell starts (1-based, in Unicode scalars): its opening quote when it is quoted.
    package var cellColumns: [Int32]
    /// For a record spanning several lines, how many lines after `line` each cell starts; empty when
    /// the whole record is on one line, which is the usual case and costs nothing.
    package var lineOffsets: [Int32]
    /// Cells holding a spreadsheet error value (`#N/A`, `#DIV/0!`): present, but not a value; their text is
    /// the error as Excel shows it.
    package var errorCells: Set<Int32> = []

    /// A row starting on `line`; `cellColumns` and `lineOffsets` as the properties say.
    package init(line: Int, cells: [String], cellColumns: [Int32], lineOffsets: [Int32] = []) {
      self.line = line
      self.cells = cells
      self.cellColumns = cellColumns
      self.lineOffsets = lineOffsets
    }

    /// Where cell `index` is in `file` (and `sheet` of a workbook), for errors about its value; the row's
    /// whole line when there is no such cell.
    package func location(ofCell index: Int, file: String, sheet: String? = nil) -> SourceLocation {
      guard cellColumns.indices.contains(index) else {
        return SourceLocation(file: file, line: line, column: 0, sheet: sheet)
      }
      let offset = lineOffsets.indices.contains(index) ? Int(lineOffsets[index]) : 0
      var location = SourceLocation(file: file, line: line + offset, column: Int(cellColumns[index]), sheet: sheet)
      // A CSV cell is also named by its column's letter, as Excel shows the file.
      if sheet == nil { location.tableColumn = index + 1 }
      return location
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
  package var rows: [Row]
  /// Problems with the header and with rows; the rows not mentioned are still returned.
  package var diagnostics: [Diagnostic]
  /// Rows that could not be read and are not in `rows`: each is a station (or list record) lost.
  package var lostRows: Int

  /// A table as a reader builds it.
  package init(
    name: String, sheet: String? = nil, columns: [Column] = [], headerLine: Int = 1, rows: [Row] = [],
    diagnostics: [Diagnostic] = [], lostRows: Int = 0
  ) {
    self.name = name
    self.sheet = sheet
    self.columns = columns
    self.headerLine = headerLine
    self.rows = rows
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
