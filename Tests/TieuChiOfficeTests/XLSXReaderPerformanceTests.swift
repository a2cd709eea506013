import Foundation
import Testing
import TieuChiOffice

/// Reading time of a large workbook. Run on demand, in release:
/// `TIEUCHI_OFFICE_PERF=1 swift test -c release --filter XLSXReaderPerformanceTests`.
@Suite("Office: XLSX reader performance")
struct XLSXReaderPerformanceTests {
  @Test(
    .enabled(
      if: ProcessInfo.processInfo.environment["TIEUCHI_OFFICE_PERF"] != nil,
      "set TIEUCHI_OFFICE_PERF=1 (and build in release) to time reading a 100,000-row sheet"))
  func reads100000RowsOf10Columns() throws {
    let rows: [[Cell]] = (0..<100_000).map { row in
      (0..<10).map { column in
        switch column % 4 {
        case 0: .text("Xã số \(row % 5000) cột \(column)")
        case 1: .integer(row * 10 + column)
        case 2: .percent(DecimalText("0.\(1000 + row % 9000)")!, decimals: 2)
        default: .number(DecimalText("\(row).\(column)5")!)
        }
      }
    }
    let bytes = try SpreadsheetMLWriter().data(for: Workbook(sheets: [Sheet(name: "Lớn", rows: rows)]))
    let clock = ContinuousClock()
    var workbook: TieuChiOffice.ReadWorkbook?
    let elapsed = try clock.measure { workbook = try XLSXReader().read(bytes) }
    #expect(workbook?.sheets.first?.cells.count == 1_000_000)
    print("XLSX reader: 100,000 × 10 cells (\(bytes.count) bytes zipped) read in \(elapsed)")
  }
}
