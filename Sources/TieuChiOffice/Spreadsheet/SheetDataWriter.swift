import Foundation  // memcmp

/// Writes a worksheet's `<sheetData>`: its rows cut into blocks that are handled on every core.
///
/// The workbook's style and shared-string tables number their entries in order of first use, so the bytes must
/// not depend on which block is done first. Each block is first scanned on its own: the styles and texts it uses,
/// in the order it first uses them, and what each cell refers to. The blocks' entries are then added to the
/// workbook's tables one block after the other — which is the order of first use in the whole sheet — and each
/// block is written with the workbook's numbers. The result is the same bytes as one pass over the rows.
struct SheetDataWriter {
  /// Rows per block: enough that a block's tables and bookkeeping cost little, few enough that a sheet of a
  /// hundred thousand communes keeps both cores busy.
  static let rowsPerBlock = 2048

  let sheet: Sheet
  /// Rows after the last one with a non-empty cell are not written.
  let lastRow: Int
  /// `A`, `B`, … for every used column.
  let columnLetters: [[UInt8]]

  init(sheet: Sheet, lastRow: Int, lastColumn: Int) {
    self.sheet = sheet
    self.lastRow = lastRow
    columnLetters = (0..<lastColumn).map { Array(ColumnName.letters(forColumn: $0 + 1)!.utf8) }
  }

  /// What one block uses, in the order it first uses it.
  private struct Scan: Sendable {
    var styles: [SpreadsheetStyles.Key] = []
    /// Each text as given and as the table will hold it.
    var texts: [(text: String, cleaned: String)] = []
    /// Cells holding text (each is a reference to the shared-string table).
    var textCells = 0
    var widths = ColumnWidths()
    /// For every cell of the block's rows, in order: its position in `styles`, and in `texts` (-1: not text).
    var cells: [(style: Int32, text: Int32)] = []
  }

  /// `<sheetData>…</sheetData>` in parts (one a block of rows), with the styles and texts it uses added to the
  /// workbook's tables and the columns widened to its content.
  func xml(styles: inout SpreadsheetStyles, strings: inout SharedStrings, widths: inout ColumnWidths) -> [[UInt8]] {
    let blocks = (lastRow + Self.rowsPerBlock - 1) / Self.rowsPerBlock
    let scans = Concurrently.map(blocks) { scan(block: $0) }
    var styleNumbers: [[Int]] = []
    var textNumbers: [[Int]] = []
    for scan in scans {
      styleNumbers.append(scan.styles.map { styles.index($0) })
      textNumbers.append(scan.texts.map { strings.index(for: $0.text, cleaned: $0.cleaned) })
      strings.countReferences(scan.textCells)
      widths.widen(to: scan.widths)
    }
    let numbers = (styles: styleNumbers, texts: textNumbers)
    let parts = Concurrently.map(blocks) { block in
      write(block: block, scan: scans[block], styles: numbers.styles[block], texts: numbers.texts[block])
    }
    return [Array("<sheetData>".utf8)] + parts + [Array("</sheetData>".utf8)]
  }

  private func rows(of block: Int) -> Range<Int> {
    (block * Self.rowsPerBlock)..<min(lastRow, (block + 1) * Self.rowsPerBlock)
  }

  /// The cell's style as written: text with a line break is wrapped, as Excel does on Alt+Enter; unwrapped, its
  /// lines would run together.
  private static func style(of cell: Cell) -> CellStyle {
    var style = cell.style
    if !style.wrapText, case .text(let text) = cell.value, text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
      style.wrapText = true
    }
    return style
  }

  private func scan(block: Int) -> Scan {
    var scan = Scan()
    var textIndex: [TextBytes: Int32] = [:]
    var textLengths: [Int] = []
    var lastInColumn = Array(repeating: (text: TextBytes(""), number: Int32(-1)), count: columnLetters.count)
    for row in sheet.rows[rows(of: block)] {
      for (column, cell) in row.enumerated() {
        let style = Self.style(of: cell)
        let key = SpreadsheetStyles.Key(style: style, value: cell.value)
        // A block uses a handful of styles: a look along them is cheaper than hashing each cell's.
        let styleNumber: Int32
        if let known = scan.styles.firstIndex(of: key) {
          styleNumber = Int32(known)
        } else {
          styleNumber = Int32(scan.styles.count)
          scan.styles.append(key)
        }
        var textNumber: Int32 = -1
        if case .text(let text) = cell.value {
          scan.textCells += 1
          if column < lastInColumn.count, lastInColumn[column].number >= 0, lastInColumn[column].text == TextBytes(text)
          {
            // The same text as the row above (a commune's code on each of its indicator rows): no hashing.
            textNumber = lastInColumn[column].number
          } else if let known = textIndex[TextBytes(text)] {
            textNumber = known
          } else {
            // Measured once per distinct text a block, on the text as the table holds it.
            let cleaned = SharedStrings.cleaned(text)
            textNumber = Int32(scan.texts.count)
            scan.texts.append((text, cleaned))
            textLengths.append(ColumnWidths.textLength(cleaned))
            textIndex[TextBytes(text)] = textNumber
          }
          if column < lastInColumn.count { lastInColumn[column] = (TextBytes(text), textNumber) }
          scan.widths.measure(length: textLengths[Int(textNumber)], bold: style.bold, column: column)
        } else {
          scan.widths.measure(length: ColumnWidths.displayLength(cell.value), bold: style.bold, column: column)
        }
        scan.cells.append((styleNumber, textNumber))
      }
    }
    return scan
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

  private func write(block: Int, scan: Scan, styles: [Int], texts: [Int]) -> [UInt8] {
    let rows = rows(of: block)
    var data = XMLBuffer(capacity: 48 * rows.count * max(columnLetters.count, 1) + 64)
    var cellNumber = 0
    for rowIndex in rows {
      let rowNumber = String(rowIndex + 1)
      var rowOpen = false
      for (columnIndex, cell) in sheet.rows[rowIndex].enumerated() {
        let refers = scan.cells[cellNumber]
        cellNumber += 1
        let styleIndex = styles[Int(refers.style)]
        if case .empty = cell.value, styleIndex == 0 { continue }
        if !rowOpen {
          data.raw(#"<row r=""#)
          data.raw(rowNumber)
          data.raw(#"">"#)
          rowOpen = true
        }
        data.raw(#"<c r=""#)
        data.raw(bytes: columnLetters[columnIndex])
        data.raw(rowNumber)
        data.raw("\"")
        if styleIndex != 0 {
          data.raw(#" s=""#)
          data.int(styleIndex)
          data.raw("\"")
        }
        switch cell.value {
        case .empty:
          data.raw("/>")
        case .text:
          // Always a shared string, even when it starts with "=": there is no formula support at all.
          data.raw(#" t="s"><v>"#)
          data.int(texts[Int(refers.text)])
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
    return data.bytes
  }
}
