/// The rows of the text summary's table, kept until every row is known and with it each column's width.
///
/// A streamed summary keeps every commune's row to the end: each row's five cells back to back in one segmented
/// buffer, each cell after its length in bytes and its width in characters (seven bits a byte) — about 60 bytes
/// a commune, where a row of its own (a string and ten numbers) was about 200 with its allocation and the array
/// holding it, 200 MB for a million communes.
package struct SummaryRows: KeptParts {
  /// Cells a row has: code, name, year, status, notes.
  static let columns = 5
  private var bytes = SegmentedArray<UInt8>(segmentShift: 20)
  /// Where each row ends in `bytes`.
  private var ends = SegmentedArray<Int>()
  /// Each column's width in characters: its widest cell's.
  private(set) var widths = [Int](repeating: 0, count: columns)

  package init() {}

  var count: Int { ends.count }

  /// Appends a row of `columns` cells; measuring a cell's width means walking its characters, so it is done on the
  /// core that makes the row.
  package mutating func append(_ cells: [String]) {
    precondition(cells.count == Self.columns)
    for (column, cell) in cells.enumerated() {
      let width = cell.count
      widths[column] = max(widths[column], width)
      Self.append(cell.utf8.count, to: &bytes)
      Self.append(width, to: &bytes)
      bytes.append(contentsOf: cell.utf8)
    }
    ends.append(bytes.count)
  }

  package mutating func append(contentsOf other: SummaryRows) {
    let offset = bytes.count
    bytes.append(contentsOf: other.bytes)
    for index in 0..<other.ends.count { ends.append(offset + other.ends[index]) }
    for column in 0..<Self.columns { widths[column] = max(widths[column], other.widths[column]) }
  }

  package func keeping(_ positions: [Int]) -> SummaryRows {
    var kept = SummaryRows()
    for position in positions {
      kept.bytes.append(contentsOf: row(position))
      kept.ends.append(kept.bytes.count)
    }
    // The widths of the rows kept: a duplicate's long name must not widen the table.
    kept.widths = [Int](repeating: 0, count: Self.columns)
    for position in 0..<kept.count {
      kept.forEachCell(position) { column, _, width in kept.widths[column] = max(kept.widths[column], width) }
    }
    return kept
  }

  /// The lines of the rows in `range`: two spaces, the cells padded to `widths` (two spaces between columns), no
  /// space at the end, a line feed — straight into bytes, a hundred thousand rows making no string.
  func lines(_ range: Range<Int>, widths: [Int]) -> [UInt8] {
    var lines: [UInt8] = []
    lines.reserveCapacity(range.count * (widths.reduce(12, +) + 16))
    for position in range {
      lines += [0x20, 0x20]
      let lineStart = lines.count
      forEachCell(position) { column, cell, width in
        lines += cell
        if column < Self.columns - 1 { lines += repeatElement(0x20, count: widths[column] - width + 2) }
      }
      while lines.count > lineStart, lines.last == 0x20 { lines.removeLast() }
      lines.append(0x0A)
    }
    return lines
  }

  /// Row `position`'s bytes, copied out.
  private func row(_ position: Int) -> [UInt8] {
    bytes.elements((position == 0 ? 0 : ends[position - 1])..<ends[position])
  }

  /// Each cell of row `position`: its column, its bytes and its width in characters.
  private func forEachCell(_ position: Int, _ body: (Int, ArraySlice<UInt8>, Int) -> Void) {
    let row = self.row(position)
    var offset = 0
    for column in 0..<Self.columns {
      let length = Self.number(row, at: &offset)
      let width = Self.number(row, at: &offset)
      body(column, row[offset..<(offset + length)], width)
      offset += length
    }
  }

  private static func append(_ number: Int, to bytes: inout SegmentedArray<UInt8>) {
    var rest = UInt(number)
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  private static func number(_ bytes: [UInt8], at offset: inout Int) -> Int {
    var value = 0
    var shift = 0
    while true {
      let byte = bytes[offset]
      offset += 1
      value |= Int(byte & 0x7f) << shift
      if byte < 0x80 { return value }
      shift += 7
    }
  }
}
