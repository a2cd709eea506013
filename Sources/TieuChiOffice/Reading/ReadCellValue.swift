/// The value of a cell as stored in the file, without floating point.
public enum ReadCellValue: Sendable, Hashable {
  /// Text (shared, inline, or a formula's text result), in NFC.
  case text(String)
  /// A number as its exact stored text, e.g. `0.9973`, `-12`, `1E-3`: never converted to `Double`, so callers can
  /// do exact decimal arithmetic. A percent cell keeps its stored fraction (see `ReadCell.isPercent`).
  case number(String)
  case boolean(Bool)
  /// A date: a number cell with a date format (in the workbook's 1900 or 1904 system; the time of day is dropped),
  /// or a cell stored as an ISO 8601 date. Serial numbers that name no real day (0, and 60, Excel's fictitious
  /// 1900-02-29) stay `.number`.
  case date(year: Int, month: Int, day: Int)
  /// An error value as Excel shows it: `#N/A`, `#DIV/0!`, `#REF!`, …
  case error(String)
  /// A formula with no cached result (files written by programs that do not calculate, such as openpyxl): the
  /// formula text without `=`, empty for a cell sharing another cell's formula.
  case formulaWithoutValue(String)
}
