/// One worksheet as read: the cells that hold a value, and what a caller needs to find a table in them.
public struct ReadSheet: Sendable, Hashable {
  /// The tab name, in NFC.
  public internal(set) var name: String
  /// Whether the tab is hidden (`hidden` or `veryHidden`).
  public internal(set) var isHidden: Bool
  /// Cells with a value (empty and merely formatted cells are left out), row by row from the top, left to right
  /// within a row; if a file lists the same cell twice, the last one counts.
  public internal(set) var cells: [ReadCell]
  /// Merged areas (`A1:C1`); the value is in the top-left cell, the others are empty.
  public internal(set) var mergedRanges: [CellRange]
  /// 1-based numbers of hidden rows.
  public internal(set) var hiddenRows: Set<Int>
  /// 1-based numbers of hidden columns.
  public internal(set) var hiddenColumns: Set<Int>

  /// The cells grouped by row, rows in order (rows without a value are left out).
  public var rows: [(row: Int, cells: ArraySlice<ReadCell>)] {
    var result: [(row: Int, cells: ArraySlice<ReadCell>)] = []
    var start = cells.startIndex
    while start < cells.endIndex {
      let row = cells[start].row
      var end = start + 1
      while end < cells.endIndex && cells[end].row == row { end += 1 }
      result.append((row, cells[start..<end]))
      start = end
    }
    return result
  }

  /// The value at `row`, `column` (1-based), if that cell has one (binary search: cells are sorted).
  public func value(row: Int, column: Int) -> ReadCellValue? {
    var low = 0
    var high = cells.count
    while low < high {
      let middle = (low + high) / 2
      let cell = cells[middle]
      if (cell.row, cell.column) < (row, column) { low = middle + 1 } else { high = middle }
    }
    guard low < cells.count, cells[low].row == row, cells[low].column == column else { return nil }
    return cells[low].value
  }
}
