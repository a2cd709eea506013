/// A rectangle of cells with 1-based rows and columns, written `A1:D20` (or `B3` for a single cell).
public struct CellRange: Sendable, Hashable, CustomStringConvertible {
  public var firstRow: Int
  public var firstColumn: Int
  public var lastRow: Int
  public var lastColumn: Int

  /// Rows must be in `1...1_048_576` and columns in `1...16_384`, first ≤ last; otherwise `nil`.
  public init?(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
    guard (1...CellRange.maximumRow).contains(firstRow), (firstRow...CellRange.maximumRow).contains(lastRow),
      (1...ColumnName.maximumColumn).contains(firstColumn),
      (firstColumn...ColumnName.maximumColumn).contains(lastColumn)
    else { return nil }
    self.firstRow = firstRow
    self.firstColumn = firstColumn
    self.lastRow = lastRow
    self.lastColumn = lastColumn
  }

  /// The largest row number Excel accepts.
  public static let maximumRow = 1_048_576

  /// `A1:D20`, or `B3` when the range is one cell.
  public var description: String {
    let first = CellRange.reference(row: firstRow, column: firstColumn)
    if firstRow == lastRow && firstColumn == lastColumn { return first }
    return first + ":" + CellRange.reference(row: lastRow, column: lastColumn)
  }

  /// `$A$1:$D$20`, as defined names want it.
  var absoluteDescription: String {
    let first = ColumnName.letters(forColumn: firstColumn)!
    let last = ColumnName.letters(forColumn: lastColumn)!
    return "$\(first)$\(firstRow):$\(last)$\(lastRow)"
  }

  static func reference(row: Int, column: Int) -> String {
    (ColumnName.letters(forColumn: column) ?? "?") + String(row)
  }
}
