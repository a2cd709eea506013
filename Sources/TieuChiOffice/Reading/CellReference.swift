/// Parsing of A1-style references as worksheets store them (`F7`, `$F$7`, `A1:C3`).
enum CellReference {
  /// The 1-based row and column of `F7`, or `nil` if it is not a reference within `XFD1048576`.
  static func parse(_ text: Substring) -> (row: Int, column: Int)? {
    var utf8 = text.utf8[...]
    if utf8.first == UInt8(ascii: "$") { utf8 = utf8.dropFirst() }
    let letters = utf8.prefix { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0 & ~0x20) }
    var digits = utf8.dropFirst(letters.count)
    if digits.first == UInt8(ascii: "$") { digits = digits.dropFirst() }
    guard !letters.isEmpty, letters.count <= 3, !digits.isEmpty, digits.count <= 7,
      digits.first != UInt8(ascii: "0"),
      digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
      let column = ColumnName.column(forLetters: String(decoding: letters, as: UTF8.self)),
      let row = Int(String(decoding: digits, as: UTF8.self)), row <= CellRange.maximumRow
    else { return nil }
    return (row, column)
  }

  /// The range of `A1:C3` (or of the single cell `B2`), or `nil` if invalid.
  static func parseRange(_ text: String) -> CellRange? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count <= 2, let first = parse(parts[0]) else { return nil }
    let last = parts.count == 2 ? parse(parts[1]) : first
    guard let last else { return nil }
    return CellRange(firstRow: first.row, firstColumn: first.column, lastRow: last.row, lastColumn: last.column)
  }
}
