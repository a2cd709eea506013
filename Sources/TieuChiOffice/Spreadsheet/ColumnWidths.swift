/// Column widths computed from content, in Excel's width unit (about one digit of the default font).
struct ColumnWidths {
  private(set) var characters: [Int] = []

  /// Room for the filter button and the cell padding.
  static let padding = 2.0
  static let minimum = 4.0

  mutating func measure(_ cell: Cell, column: Int) {
    let length = Self.displayLength(cell.value)
    guard length > 0 else { return }
    if column >= characters.count { characters.append(contentsOf: repeatElement(0, count: column - characters.count + 1)) }
    // Bold text is about a tenth wider.
    let widened = cell.style.bold ? length + (length + 9) / 10 : length
    if widened > characters[column] { characters[column] = widened }
  }

  /// Length in characters (grapheme clusters, so a decomposed Vietnamese letter with its marks counts once) of the
  /// longest line the cell shows.
  static func displayLength(_ value: CellValue) -> Int {
    switch value {
    case .empty: return 0
    case .text(let text):
      // Fast path for the common case: ASCII text on one line.
      if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x80 }) { return text.utf8.count }
      return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(\.count).max() ?? 0
    case .number(let number): return number.text.utf8.count
    case .integer(let value): return String(value).utf8.count
    case .percent(let number, let decimals):
      // Shown as a percentage: two more integer digits, the chosen decimals, the sign.
      let integerDigits = number.text.split(separator: ".").first.map(\.count) ?? 1
      let decimals = SpreadsheetStyles.clampedDecimals(decimals)
      return integerDigits + 2 + (decimals > 0 ? decimals + 1 : 0) + 1
    case .boolean: return 5
    }
  }

  /// The width of column `column` (0-based): the given one if any, else computed and capped, else `nil` (default).
  func width(column: Int, given: [Double?], cap: Double) -> Double? {
    if column < given.count, let width = given[column] { return width }
    guard column < characters.count, characters[column] > 0 else { return nil }
    return min(max(Double(characters[column]) + Self.padding, Self.minimum), cap)
  }
}
