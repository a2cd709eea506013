/// Column widths computed from content, in Excel's width unit (about one digit of the default font).
struct ColumnWidths {
  private(set) var characters: [Int] = []

  /// Room for the filter button and the cell padding.
  static let padding = 2.0
  static let minimum = 4.0

  /// Widens `column` (0-based) to hold `length` characters of the cell's content.
  mutating func measure(length: Int, bold: Bool, column: Int) {
    guard length > 0 else { return }
    if column >= characters.count {
      characters.append(contentsOf: repeatElement(0, count: column - characters.count + 1))
    }
    // Bold text is about a tenth wider.
    let widened = bold ? length + (length + 9) / 10 : length
    if widened > characters[column] { characters[column] = widened }
  }

  /// Widens every column to hold what `other` measured (blocks of a sheet are measured apart).
  mutating func widen(to other: ColumnWidths) {
    if other.characters.count > characters.count {
      characters.append(contentsOf: repeatElement(0, count: other.characters.count - characters.count))
    }
    for (column, width) in other.characters.enumerated() where width > characters[column] {
      characters[column] = width
    }
  }

  /// Length in characters of the longest line the cell shows (for text, see `textLength`).
  static func displayLength(_ value: CellValue) -> Int {
    switch value {
    case .empty: return 0
    case .text(let text): return textLength(text)
    case .number(let number): return number.text.utf8.count
    case .integer(let value): return String(value).utf8.count
    case .percent(let number, let decimals):
      // Shown as a percentage: two more integer digits, the chosen decimals, the sign.
      let utf8 = number.text.utf8
      let integerDigits = utf8.distance(
        from: utf8.startIndex, to: utf8.firstIndex(of: UInt8(ascii: ".")) ?? utf8.endIndex)
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

  /// Length of the longest line of `text`, counting a base letter with its combining marks once, so that Vietnamese
  /// counts the same in NFC and NFD. Cheaper than counting grapheme clusters, and exact enough for a column width.
  static func textLength(_ text: String) -> Int {
    var longest = 0
    var current = 0
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x0A, 0x0D:
        longest = max(longest, current)
        current = 0
      case 0..<0x300:
        current += 1
      default:
        if scalar.properties.canonicalCombiningClass == .notReordered { current += 1 }
      }
    }
    return max(longest, current)
  }
}
