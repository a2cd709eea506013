/// One cell with a value, at its 1-based position.
public struct ReadCell: Sendable, Hashable {
  /// 1-based row number.
  public internal(set) var row: Int
  /// 1-based column number (1 is `A`).
  public internal(set) var column: Int
  public internal(set) var value: ReadCellValue
  /// The cell's number format code (`0.00%`, `dd/mm/yyyy`, `#,##0`), built-in ones spelled out; `nil` for General.
  public internal(set) var numberFormat: String?

  public init(row: Int, column: Int, value: ReadCellValue, numberFormat: String? = nil) {
    self.row = row
    self.column = column
    self.value = value
    self.numberFormat = numberFormat
  }

  /// The cell's reference, e.g. `F7`.
  public var reference: String {
    CellRange.reference(row: row, column: column)
  }

  /// Whether the number format shows the value as a percentage (the value itself is the stored fraction).
  public var isPercent: Bool {
    guard let numberFormat else { return false }
    return NumberFormat.isPercent(numberFormat)
  }
}
