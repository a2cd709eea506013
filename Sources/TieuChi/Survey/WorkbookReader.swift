/// Turns a workbook file into tables, for the survey layer to join like CSV files.
///
/// The core library reads no workbook itself (it depends on nothing but libyaml): a client that can, such
/// as `TieuChiDocuments`' XLSX reader, hands one to `SurveyLoader` or `Checker`. Without one, workbooks are
/// reported as unsupported and everything else is still read.
package protocol WorkbookReader: Sendable {
  /// The tables of `file` (one per sheet that holds one), with problems about the workbook and its sheets.
  func read(_ file: SurveyFile) -> WorkbookTables
}

/// What a `WorkbookReader` found in one workbook.
package struct WorkbookTables: Sendable {
  /// The sheets that hold a table, each with its own diagnostics and lost rows.
  package var tables: [Table]
  /// Problems about the workbook as a whole or a sheet that is not a table (hidden sheets, no table at all).
  package var diagnostics: [Diagnostic]
  /// Records lost with the workbook: at least 1 when it could not be read at all.
  package var lostRecords: Int

  /// What was read from one workbook.
  package init(tables: [Table] = [], diagnostics: [Diagnostic] = [], lostRecords: Int = 0) {
    self.tables = tables
    self.diagnostics = diagnostics
    self.lostRecords = lostRecords
  }
}
