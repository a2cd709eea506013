/// One worksheet: rows of cells and how the sheet is presented.
public struct Sheet: Sendable {
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
  /// Rows after `rows` that are made while the sheet is written, a block at a time, instead of being held as cells
  /// (nil: none). A report of a hundred thousand communes has 800,000 detail rows: as `Cell`s they would take a
  /// gigabyte before the first byte is written.
  public var rowBlocks: RowBlocks?

  public init(
    name: String, rows: [[Cell]], headerRowCount: Int = 0, autoFilter: Bool = false, columnWidths: [Double?] = [],
    maximumComputedWidth: Double = 60, dataValidations: [DataValidation] = [], rowBlocks: RowBlocks? = nil
  ) {
    self.name = name
    self.rows = rows
    self.headerRowCount = headerRowCount
    self.autoFilter = autoFilter
    self.columnWidths = columnWidths
    self.maximumComputedWidth = maximumComputedWidth
    self.dataValidations = dataValidations
    self.rowBlocks = rowBlocks
  }

  /// Every row the sheet has: `rows` and those its `rowBlocks` will make.
  public var rowCount: Int { rows.count + (rowBlocks?.rowCount ?? 0) }
}

/// Rows made on demand, block by block, on whichever core writes the block.
public struct RowBlocks: Sendable {
  /// How many rows each block makes, in order.
  public let counts: [Int]
  /// Makes block `index`'s rows: exactly `counts[index]` of them.
  public let make: @Sendable (Int) -> [[Cell]]

  /// Blocks of `counts` rows, made by `make`.
  public init(counts: [Int], make: @escaping @Sendable (Int) -> [[Cell]]) {
    self.counts = counts
    self.make = make
  }

  public var rowCount: Int { counts.reduce(0, +) }
}
