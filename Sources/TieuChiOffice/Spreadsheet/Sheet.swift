/// One worksheet: rows of cells and how the sheet is presented.
public struct Sheet: Sendable, Hashable {
  /// The tab name. The writer sanitises it with `SheetName.sanitized(_:)` (at most 31 characters, none of
  /// `[ ] : * ? / \`, unique in the workbook ignoring case), so any text may be given here.
  public var name: String
  /// Rows from row 1 down; each row's cells from column A rightwards.
  public var rows: [[Cell]]
  /// How many rows at the top are header rows: they stay frozen on screen when scrolling (0 for none).
  public var headerRowCount: Int
  /// Whether to put an autofilter on the last header row, covering the data below it and every used column.
  public var autoFilter: Bool
  /// Given widths in characters by column (index 0 is column A); `nil`, or a column past the end, is computed.
  public var columnWidths: [Double?]
  /// The cap of computed widths, in characters: a long text then wraps or overflows instead of making a huge column.
  public var maximumComputedWidth: Double
  public var dataValidations: [DataValidation]

  public init(
    name: String, rows: [[Cell]], headerRowCount: Int = 0, autoFilter: Bool = false, columnWidths: [Double?] = [],
    maximumComputedWidth: Double = 60, dataValidations: [DataValidation] = []
  ) {
    self.name = name
    self.rows = rows
    self.headerRowCount = headerRowCount
    self.autoFilter = autoFilter
    self.columnWidths = columnWidths
    self.maximumComputedWidth = maximumComputedWidth
    self.dataValidations = dataValidations
  }
}
