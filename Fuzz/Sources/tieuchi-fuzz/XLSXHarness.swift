import TieuChiOffice

/// The workbook reader of TieuChiOffice, with its default limits (those the CLI will use).
enum XLSXHarness {
  static func run(_ bytes: [UInt8]) {
    let workbook: ReadWorkbook
    do {
      workbook = try XLSXReader().read(bytes)
    } catch {
      // Every refusal explains itself in both languages.
      guard !error.message.english.isEmpty, !error.message.vietnamese.isEmpty else { fail("empty message: \(error)") }
      return
    }
    for sheet in workbook.sheets {
      // Cells are in the sheet's bounds and strictly in reading order, so `value(row:column:)` finds each.
      var previous = (row: 0, column: 0)
      for cell in sheet.cells {
        guard (1...1_048_576).contains(cell.row), (1...16_384).contains(cell.column) else {
          fail("cell outside the sheet: row \(cell.row), column \(cell.column)")
        }
        guard (previous.row, previous.column) < (cell.row, cell.column) else {
          fail("cells out of order: \(previous) then \(cell.row), \(cell.column)")
        }
        previous = (cell.row, cell.column)
        guard sheet.value(row: cell.row, column: cell.column) == cell.value else {
          fail("value(row:column:) misses \(cell.row), \(cell.column)")
        }
      }
      for range in sheet.mergedRanges {
        guard CellRange(
          firstRow: range.firstRow, firstColumn: range.firstColumn, lastRow: range.lastRow,
          lastColumn: range.lastColumn) != nil
        else { fail("invalid merged range \(range)") }
      }
      _ = sheet.rows
    }
  }
}
