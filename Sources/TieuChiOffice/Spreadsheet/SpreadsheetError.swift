/// Why a workbook could not be written. Sheets are named as given by the caller (before sanitising).
public enum SpreadsheetError: Error, Sendable, Hashable {
  /// A workbook needs at least one sheet.
  case noSheets
  /// More than 1,048,576 rows.
  case tooManyRows(sheet: String)
  /// A row with more than 16,384 cells.
  case tooManyColumns(sheet: String, row: Int)
  /// A list item contains `,` or `"`, which an inline list formula cannot hold.
  case invalidListItem(sheet: String, item: String)
  /// An empty list, or one longer than Excel's 255-character limit for inline lists.
  case invalidListLength(sheet: String, range: String)
  /// The zip layer failed.
  case zip(ZipWriterError)
}
