/// The rows of the text summary's table, kept until every row is known and with it each column's width.
///
/// Each row is its five cells back to back, each cell after its length in bytes and its width in characters (seven
/// bits a byte): about 60 bytes a commune, where a row of its own (a string and ten numbers) was about 200 with its
/// allocation and the array holding it. A streamed summary keeps every commune's row to the end: past a few
/// megabytes, the rows go to a temporary file (`SpillFile`) and come back, in order, when the table is written —
/// a million communes' rows were 60 MB more memory.
package struct SummaryRows: KeptParts {
  package typealias Part = Row
  /// Cells a row has: code, name, year, status, notes.
  static let columns = 5
  /// Bytes of rows held in memory before they are written to the temporary file.
  static let spillAt = 4 << 20
  /// The rows in memory (those after the rows spilled).
  private var bytes: [UInt8] = []
  /// Where each row in memory ends in `bytes`.
  private var ends: [Int] = []
  /// Each column's width in characters: its widest cell's.
  private(set) var widths = [Int](repeating: 0, count: columns)
  /// Every row, spilled or not.
  private(set) var count = 0
  private var spilled: SpillFile?
  /// Set when no temporary file could be made or written: the rows then stay in memory.
  private var spillFailed = false

  package init() {}

  /// The bytes of rows written to the temporary file.
  var spilledBytes: Int { spilled?.count ?? 0 }

  /// One row's cells as the table keeps them, each after its length and its width, made on the core that renders
  /// the commune: measuring a cell's width means walking its characters. Written straight into bytes, a row is one
  /// allocation, where five strings in an array were several for every commune of a national batch.
  package struct Row: Sendable {
    fileprivate private(set) var bytes: [UInt8] = []
    /// Each cell's width, as its cells are added (read back by `SummaryRows.append(_:)`).
    fileprivate private(set) var widths: (Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0)
    private var cells = 0

    /// No cell yet; room for about `capacity` bytes.
    package init(capacity: Int = 96) {
      bytes.reserveCapacity(capacity)
    }

    /// Adds the next cell, `text`.
    package mutating func cell(_ text: String) {
      var text = text
      text.withUTF8 { utf8 in cell { $0.append(contentsOf: utf8) } }
    }

    /// Adds the next cell, whose text `write` appends (valid UTF-8).
    package mutating func cell(_ write: (inout [UInt8]) -> Void) {
      precondition(cells < SummaryRows.columns)
      // The length and the width go before the text, known once it is written: a byte each is kept for them, as
      // nearly always they take (`VarInt`), and more made when they do not.
      let start = bytes.count
      bytes.append(0)
      bytes.append(0)
      write(&bytes)
      let textStart = start + 2
      let length = bytes.count - textStart
      let width = bytes.withUnsafeBufferPointer {
        SummaryRows.characters(UnsafeBufferPointer(rebasing: $0[textStart...]))
      }
      if length < 0x80 && width < 0x80 {
        bytes[start] = UInt8(length)
        bytes[start + 1] = UInt8(width)
      } else {
        var prefix: [UInt8] = []
        SummaryRows.append(length, to: &prefix)
        SummaryRows.append(width, to: &prefix)
        bytes.replaceSubrange(start..<textStart, with: prefix)
      }
      switch cells {
      case 0: widths.0 = width
      case 1: widths.1 = width
      case 2: widths.2 = width
      case 3: widths.3 = width
      default: widths.4 = width
      }
      cells += 1
    }

    /// Whether every cell is there.
    fileprivate var isWhole: Bool { cells == SummaryRows.columns }
  }

  /// Appends a row of `columns` cells.
  package mutating func append(_ cells: [String]) {
    precondition(cells.count == Self.columns)
    var row = Row()
    for cell in cells { row.cell(cell) }
    append(row)
  }

  /// Appends `row`, every cell of it made.
  package mutating func append(_ row: Row) {
    precondition(row.isWhole)
    let rowWidths = row.widths
    widths[0] = max(widths[0], rowWidths.0)
    widths[1] = max(widths[1], rowWidths.1)
    widths[2] = max(widths[2], rowWidths.2)
    widths[3] = max(widths[3], rowWidths.3)
    widths[4] = max(widths[4], rowWidths.4)
    bytes.append(contentsOf: row.bytes)
    ends.append(bytes.count)
    count += 1
  }

  /// How many characters `cell` has (`cell.count`), without breaking it into grapheme clusters where every
  /// scalar is a character of its own (`characters(_:)` of its bytes).
  static func characters(_ cell: String) -> Int {
    var cell = cell
    return cell.withUTF8 { characters($0) }
  }

  /// How many characters the valid UTF-8 `bytes` have (`String.count`), without breaking them into grapheme
  /// clusters where every scalar is a character of its own: printable ASCII, Latin-1 and Latin Extended-A and -B
  /// (U+00A0–U+024F) and the precomposed Vietnamese letters (U+1E00–U+1EFF) — none of them joins the one before —
  /// which is nearly every code, name and note a commune's row has.
  static func characters(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let quick: Int? = {
      var count = 0
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        switch byte {
        case 0x20..<0x7F:
          index += 1
        // U+00A0–U+00BF, U+00C0–U+023F, U+0240–U+024F.
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] >= 0xA0, 0xC3...0xC8,
          0xC9 where index + 1 < bytes.count && bytes[index + 1] < 0x90:
          index += 2
        // U+1E00–U+1EFF: E1 B8 80 to E1 BB BF.
        case 0xE1 where index + 1 < bytes.count && (0xB8...0xBB).contains(bytes[index + 1]):
          index += 3
        default:
          return nil
        }
        count += 1
      }
      return count
    }()
    return quick ?? String(decoding: bytes, as: UTF8.self).count
  }

  package mutating func append(contentsOf other: SummaryRows) {
    precondition(other.spilled == nil, "a chunk's rows are never spilled")
    let offset = bytes.count
    bytes += other.bytes
    ends += other.ends.map { offset + $0 }
    for column in 0..<Self.columns { widths[column] = max(widths[column], other.widths[column]) }
    count += other.count
    if bytes.count >= Self.spillAt && !spillFailed { spill() }
  }

  /// Moves the rows in memory to the temporary file.
  private mutating func spill() {
    if spilled == nil { spilled = SpillFile() }
    guard let spilled, spilled.write(bytes) else {
      spillFailed = true
      return
    }
    bytes = []
    ends = []
  }

  package func keeping(_ positions: [Int]) -> SummaryRows {
    precondition(spilled == nil, "only a chunk's rows are cut")
    var kept = SummaryRows()
    bytes.withUnsafeBufferPointer { bytes in
      for position in positions {
        let start = position == 0 ? 0 : ends[position - 1]
        kept.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<ends[position]]))
        kept.ends.append(kept.bytes.count)
        kept.count += 1
        // The widths of the rows kept: a duplicate's long name must not widen the table.
        Self.forEachCell(bytes, row: start) { column, _, width in kept.widths[column] = max(kept.widths[column], width)
        }
      }
    }
    return kept
  }

  /// The rows in chunks of `size` rows (each chunk's rows in memory), `window` chunks at a time, in order: read back
  /// from the temporary file, then from memory.
  func forEachWindow(chunk size: Int, chunks window: Int, _ body: ([SummaryRows]) -> Void) {
    var pending: [UInt8] = []
    var chunk = SummaryRows()
    var chunks: [SummaryRows] = []
    func take(_ block: [UInt8]) {
      pending += block
      var start = pending.startIndex
      while let end = Self.rowEnd(pending, from: start) {
        chunk.bytes += pending[start..<end]
        chunk.ends.append(chunk.bytes.count)
        chunk.count += 1
        start = end
        if chunk.count == size {
          chunks.append(chunk)
          chunk = SummaryRows()
          if chunks.count == window {
            body(chunks)
            chunks = []
          }
        }
      }
      pending.removeFirst(start)
    }
    spilled?.read(take)
    take(bytes)
    if chunk.count > 0 { chunks.append(chunk) }
    if !chunks.isEmpty { body(chunks) }
  }

  /// The lines of every row in memory: two spaces, the cells padded to `widths` (two spaces between columns), no
  /// space at the end, a line feed — straight into bytes, a hundred thousand rows making no string.
  func lines(widths: [Int]) -> [UInt8] {
    var lines: [UInt8] = []
    lines.reserveCapacity(ends.count * (widths.reduce(12, +) + 16))
    // The cells copied from the rows' buffer in place, the padding from one of spaces: slices of arrays counted
    // references for every cell of a national batch's table, on its last, least parallel second.
    let spaces = [UInt8](repeating: 0x20, count: (widths.max() ?? 0) + 2)
    bytes.withUnsafeBufferPointer { bytes in
      spaces.withUnsafeBufferPointer { spaces in
        for position in ends.indices {
          lines.append(0x20)
          lines.append(0x20)
          let lineStart = lines.count
          Self.forEachCell(bytes, row: position == 0 ? 0 : ends[position - 1]) { column, cell, width in
            lines.append(contentsOf: cell)
            if column < Self.columns - 1 {
              lines.append(contentsOf: UnsafeBufferPointer(rebasing: spaces[..<(widths[column] - width + 2)]))
            }
          }
          while lines.count > lineStart, lines.last == 0x20 { lines.removeLast() }
          lines.append(0x0A)
        }
      }
    }
    return lines
  }

  /// Each cell of the row in memory starting at `start` in `bytes` (the rows' buffer): its column, its bytes and its
  /// width in characters.
  private static func forEachCell(
    _ bytes: UnsafeBufferPointer<UInt8>, row start: Int, _ body: (Int, UnsafeBufferPointer<UInt8>, Int) -> Void
  ) {
    var offset = start
    for column in 0..<columns {
      // Every row kept is whole.
      let length = number(bytes, at: &offset)!
      let width = number(bytes, at: &offset)!
      body(column, UnsafeBufferPointer(rebasing: bytes[offset..<(offset + length)]), width)
      offset += length
    }
  }

  /// Where the row beginning at `start` ends, or nil when `bytes` stop before it does.
  private static func rowEnd(_ bytes: [UInt8], from start: Int) -> Int? {
    var offset = start
    for _ in 0..<columns {
      guard let length = number(bytes, at: &offset), number(bytes, at: &offset) != nil,
        offset + length <= bytes.count
      else { return nil }
      offset += length
    }
    return offset
  }

  /// A cell's length or width (`VarInt`).
  fileprivate static func append(_ number: Int, to bytes: inout [UInt8]) {
    VarInt.append(UInt128(number), to: &bytes)
  }

  /// The length or width at `offset` (moved past it); nil when the bytes stop within it.
  private static func number<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at offset: inout Int) -> Int?
  where Bytes.Index == Int {
    VarInt.read(bytes, at: &offset).map { Int($0) }
  }
}
