import Foundation  // memcmp
import Synchronization

/// Writes a worksheet's `<sheetData>`: its rows cut into blocks that are handled on every core.
///
/// The workbook's style and shared-string tables number their entries in order of first use, so the bytes must
/// not depend on which block is done first. Each block is first written on its own, with a hole wherever a style
/// or shared-string number goes, and with the styles and texts it uses listed in the order it first uses them.
/// The blocks' entries are then added to the workbook's tables one block after the other — which is the order of
/// first use in the whole sheet — and each block's holes are filled with the workbook's numbers. The result is
/// the same bytes as one pass over the rows.
struct SheetDataWriter {
  /// Rows per block of a sheet's `rows`: enough that a block's tables and bookkeeping cost little, few enough that
  /// a sheet of a hundred thousand communes keeps both cores busy. (`rowBlocks` come in the blocks they are made in.)
  static let rowsPerBlock = 2048

  let sheet: Sheet
  /// Where each block starts (0-based row) and how many rows it has: the sheet's `rows` in runs of `rowsPerBlock`,
  /// then its `rowBlocks` as made.
  private let blocks: [(first: Int, count: Int)]
  /// How many of `blocks` are runs of `sheet.rows`.
  private let arrayBlocks: Int

  init(sheet: Sheet) {
    self.sheet = sheet
    var blocks = stride(from: 0, to: sheet.rows.count, by: Self.rowsPerBlock).map {
      (first: $0, count: min(Self.rowsPerBlock, sheet.rows.count - $0))
    }
    arrayBlocks = blocks.count
    var next = sheet.rows.count
    for count in sheet.rowBlocks?.counts ?? [] {
      blocks.append((next, count))
      next += count
    }
    self.blocks = blocks
  }

  /// The sheet data in parts (one a block of rows), and the last row and column holding anything (1-based; 0
  /// when none): the dimension and the filter cover them.
  struct Written {
    var parts: [ZipEntry.Part]
    var lastRow: Int
    var lastColumn: Int
    /// zlib failed to deflate a block (out of memory).
    var failed = false
  }

  /// One block written with holes, and what it uses, in the order it first uses it.
  private struct Block: Sendable {
    var styles: [SpreadsheetStyles.Key] = []
    /// Each text as given and as the table will hold it.
    var texts: [(text: String, cleaned: String)] = []
    /// Cells holding text (each is a reference to the shared-string table).
    var textCells = 0
    var widths = ColumnWidths()
    /// The block's XML, less the numbers that depend on the workbook.
    var bytes: [UInt8] = []
    /// Where each missing number goes in `bytes`, and which of the block's styles (`style`) or texts it is.
    var holes: [Hole] = []
    /// The last row and column (1-based) holding anything, 0 when none.
    var lastRow = 0
    var lastColumn = 0
    /// The first row (1-based) with more columns than a sheet can have; the block is not written.
    var tooWide: Int?
  }

  private struct Hole: Sendable {
    var offset: Int
    var isText: Bool
    var entry: Int32
  }

  /// The style every cell has by default (index 0 of the workbook's formats): an empty cell with it is not written
  /// and a cell with it needs no `s` attribute.
  private static let plain = SpreadsheetStyles.Key(style: .plain, value: .empty)

  /// `<sheetData>…</sheetData>` with the styles and texts it uses added to the workbook's tables and the columns
  /// widened to its content.
  /// With `deflating`, each block comes deflated (`ZipEntry.Part.deflated`), by the core that filled it.
  func xml(
    styles: inout SpreadsheetStyles, strings: inout SharedStrings, widths: inout ColumnWidths, deflating: Bool
  ) throws(SpreadsheetError) -> Written {
    let written = Concurrently.map(blocks.count) { write(block: $0) }
    var styleNumbers: [[Int]] = []
    var textNumbers: [[Int]] = []
    var (lastRow, lastColumn) = (0, 0)
    for block in written {
      if let row = block.tooWide { throw .tooManyColumns(sheet: sheet.name, row: row) }
      styleNumbers.append(block.styles.map { styles.index($0) })
      textNumbers.append(block.texts.map { strings.index(for: $0.text, cleaned: $0.cleaned) })
      strings.countReferences(block.textCells)
      widths.widen(to: block.widths)
      lastRow = max(lastRow, block.lastRow)
      lastColumn = max(lastColumn, block.lastColumn)
    }
    let numbers = (styles: styleNumbers, texts: textNumbers)
    // Each block is filled, and deflated when asked, on one core, then let go: the sheet's XML is never all in
    // memory at once when it goes straight into a file.
    let count = written.count
    // Consumed, so that the store holds the only reference to each block's buffer.
    let store = Store(consume written)
    let parts = Concurrently.map(count) { index -> ZipEntry.Part? in
      let filled = Self.fill(store.take(index), styles: numbers.styles[index], texts: numbers.texts[index])
      guard deflating else { return .bytes(filled) }
      return ZipWriter.deflatedPart(filled).map(ZipEntry.Part.deflated)
    }
    let open = ZipEntry.Part.bytes(Array("<sheetData>".utf8))
    let close = ZipEntry.Part.bytes(Array("</sheetData>".utf8))
    return Written(
      parts: [open] + parts.map { $0 ?? .bytes([]) } + [close], lastRow: lastRow, lastColumn: lastColumn,
      failed: parts.contains { $0 == nil })
  }

  /// Written blocks handed to the cores that fill them, each released once taken.
  private final class Store: Sendable {
    private let blocks: Mutex<[Block?]>

    init(_ blocks: [Block]) { self.blocks = Mutex(blocks) }

    func take(_ index: Int) -> Block {
      blocks.withLock { blocks in
        defer { blocks[index] = nil }
        return blocks[index]!
      }
    }
  }

  /// Block `index`'s rows: a run of the sheet's `rows`, or made by its `rowBlocks`.
  private func rows(of index: Int) -> [[Cell]] {
    let block = blocks[index]
    guard index >= arrayBlocks, let rowBlocks = sheet.rowBlocks else {
      return Array(sheet.rows[block.first..<(block.first + block.count)])
    }
    let rows = rowBlocks.make(index - arrayBlocks)
    precondition(rows.count == block.count, "a row block made \(rows.count) rows, not the \(block.count) it declared")
    return rows
  }

  private func write(block index: Int) -> Block {
    let rows = rows(of: index)
    let first = blocks[index].first
    var block = Block()
    let width = rows.reduce(0) { max($0, $1.count) }
    if let tooWide = rows.firstIndex(where: { $0.count > ColumnName.maximumColumn }) {
      block.tooWide = first + tooWide + 1
      return block
    }
    let columnLetters: [[UInt8]] = (0..<width).map { Array(ColumnName.letters(forColumn: $0 + 1)!.utf8) }
    var data = XMLBuffer(capacity: 48 * rows.count * max(width, 1) + 64)
    var textIndex: [TextBytes: Int32] = [:]
    var textLengths: [Int] = []
    var textBreaks: [Bool] = []
    var lastInColumn = Array(repeating: (text: TextBytes(""), entry: Int32(-1)), count: columnLetters.count)
    func hole(text: Bool, _ entry: Int32) {
      block.holes.append(Hole(offset: data.bytes.count, isText: text, entry: entry))
    }
    for (offset, row) in rows.enumerated() {
      let rowNumber = Array(String(first + offset + 1).utf8)
      var rowOpen = false
      for (column, cell) in row.enumerated() {
        var style = cell.style
        var textEntry: Int32 = -1
        if case .text(let text) = cell.value {
          if lastInColumn[column].entry >= 0, lastInColumn[column].text == TextBytes(text) {
            // The same text as the row above (a commune's code on each of its indicator rows): no hashing.
            textEntry = lastInColumn[column].entry
          } else if let known = textIndex[TextBytes(text)] {
            textEntry = known
          } else {
            // Measured once per distinct text a block, on the text as the table holds it.
            let cleaned = SharedStrings.cleaned(text)
            textEntry = Int32(block.texts.count)
            block.texts.append((text, cleaned))
            textLengths.append(ColumnWidths.textLength(cleaned))
            textBreaks.append(Self.hasLineBreak(text))
            textIndex[TextBytes(text)] = textEntry
          }
          lastInColumn[column] = (TextBytes(text), textEntry)
          // Text with a line break is wrapped, as Excel does on Alt+Enter; unwrapped, its lines would run together.
          if textBreaks[Int(textEntry)] { style.wrapText = true }
          block.widths.measure(length: textLengths[Int(textEntry)], bold: style.bold, column: column)
        } else {
          block.widths.measure(length: ColumnWidths.displayLength(cell.value), bold: style.bold, column: column)
        }
        let key = SpreadsheetStyles.Key(style: style, value: cell.value)
        if case .empty = cell.value, key == Self.plain { continue }
        block.lastRow = first + offset + 1
        block.lastColumn = max(block.lastColumn, column + 1)
        if !rowOpen {
          data.raw(#"<row r=""#)
          data.raw(bytes: rowNumber)
          data.raw(#"">"#)
          rowOpen = true
        }
        data.raw(#"<c r=""#)
        data.raw(bytes: columnLetters[column])
        data.raw(bytes: rowNumber)
        data.raw("\"")
        if key != Self.plain {
          // A block uses a handful of styles: a look along them is cheaper than hashing each cell's.
          let entry: Int32
          if let known = block.styles.firstIndex(of: key) {
            entry = Int32(known)
          } else {
            entry = Int32(block.styles.count)
            block.styles.append(key)
          }
          data.raw(#" s=""#)
          hole(text: false, entry)
          data.raw("\"")
        }
        switch cell.value {
        case .empty:
          data.raw("/>")
        case .text:
          block.textCells += 1
          // Always a shared string, even when it starts with "=": there is no formula support at all.
          data.raw(#" t="s"><v>"#)
          hole(text: true, textEntry)
          data.raw("</v></c>")
        case .number(let number), .percent(let number, _):
          data.raw("><v>")
          data.raw(number.text)
          data.raw("</v></c>")
        case .integer(let value):
          data.raw("><v>")
          data.int(value)
          data.raw("</v></c>")
        case .boolean(let value):
          data.raw(value ? #" t="b"><v>1</v></c>"# : #" t="b"><v>0</v></c>"#)
        }
      }
      if rowOpen { data.raw("</row>") }
    }
    block.bytes = data.bytes
    return block
  }

  /// Whether `text` has a line break (looked at once per distinct text a block: along a `String`'s UTF-8 view byte
  /// by byte, it was most of the time spent writing a sheet).
  private static func hasLineBreak(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { $0.contains { $0 == 0x0A || $0 == 0x0D } }
  }

  /// The block's bytes with the workbook's style and shared-string numbers in its holes.
  private static func fill(_ block: Block, styles: [Int], texts: [Int]) -> [UInt8] {
    var data = XMLBuffer(capacity: block.bytes.count + 8 * block.holes.count)
    var start = 0
    block.bytes.withUnsafeBufferPointer { bytes in
      for hole in block.holes {
        let offset = hole.offset
        data.raw(bytes: UnsafeBufferPointer(rebasing: bytes[start..<offset]))
        data.int(hole.isText ? texts[Int(hole.entry)] : styles[Int(hole.entry)])
        start = offset
      }
      data.raw(bytes: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
    return data.bytes
  }

  /// A text compared and hashed by its UTF-8 bytes. `String` compares by canonical equivalence, which means
  /// normalising non-ASCII text on every hash; within a block, telling apart two spellings of the same text costs
  /// nothing but an entry more, since the workbook's table, keyed by `String`, still merges them — in the same order.
  private struct TextBytes: Hashable {
    var text: String

    init(_ text: String) { self.text = text }

    func hash(into hasher: inout Hasher) {
      var text = text
      text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (lhs: TextBytes, rhs: TextBytes) -> Bool {
      var left = lhs.text
      var right = rhs.text
      return left.withUTF8 { a in
        right.withUTF8 { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
        }
      }
    }
  }
}
