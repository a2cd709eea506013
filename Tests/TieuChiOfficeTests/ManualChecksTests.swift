import Foundation
import Testing
import TieuChiOffice

/// Checks run by hand, not in CI: they need an environment variable, and say so when skipped.
@Suite("Office: manual checks")
struct ManualChecksTests {
  /// Writes the sample workbook and document to `$TIEUCHI_OFFICE_SAMPLES` for LibreOffice and the eye.
  @Test(
    .enabled(
      if: ProcessInfo.processInfo.environment["TIEUCHI_OFFICE_SAMPLES"] != nil,
      "set TIEUCHI_OFFICE_SAMPLES=folder to write sample.xlsx and sample.docx there"))
  func writeSamples() throws {
    let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["TIEUCHI_OFFICE_SAMPLES"]!)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(SpreadsheetMLWriter().data(for: Samples.workbook)).write(to: folder.appendingPathComponent("sample.xlsx"))
    try Data(WordprocessingMLWriter().data(for: Samples.document)).write(
      to: folder.appendingPathComponent("sample.docx"))
  }

  /// 10,000 communes × 10 indicators, one row per commune and indicator: 100,000 rows. Run in release:
  /// `TIEUCHI_OFFICE_PERF=1 swift test -c release --filter Office`.
  @Test(
    .enabled(
      if: ProcessInfo.processInfo.environment["TIEUCHI_OFFICE_PERF"] != nil,
      "set TIEUCHI_OFFICE_PERF=1 (and build in release) to time a 100,000-row sheet"))
  func hundredThousandRows() throws {
    let statuses: [(String, CellFill)] = [("Đạt", .green), ("Không đạt", .red), ("Chưa rõ", .grey)]
    var rows: [[Cell]] = [
      [
        "Tỉnh", "Huyện", "Xã", "Mã chỉ tiêu", "Chỉ tiêu", "Giá trị", "Tỷ lệ", "Mục tiêu", "Kết quả",
        "Thiếu",
      ].map { .text($0, style: .header) }
    ]
    rows.reserveCapacity(100_001)
    for commune in 0..<10_000 {
      for indicator in 0..<10 {
        let status = statuses[(commune + indicator) % 3]
        rows.append([
          .text("Tỉnh Bắc Giang"), .text("Huyện \(commune / 100)"), .text("Xã Ngọc Thiện \(commune)"),
          .text("CT25-\(indicator)"), .text("Tỷ lệ người dân tham gia bảo hiểm y tế \(indicator)"),
          .integer(commune * 7 + indicator),
          .percent(DecimalText("0.\(9000 + (commune + indicator) % 1000)")!, decimals: 2),
          .percent(DecimalText("0.995")!, decimals: 1), .text(status.0, style: CellStyle(fill: status.1)),
          .text("cần thêm \(indicator * 3) người"),
        ])
      }
    }
    let workbook = Workbook(sheets: [Sheet(name: "Chi tiết", rows: rows, headerRowCount: 1, autoFilter: true)])
    let clock = ContinuousClock()
    var size = 0
    let elapsed = try clock.measure { size = try SpreadsheetMLWriter().data(for: workbook).count }
    var xmlSize = 0
    let xmlElapsed = try clock.measure {
      xmlSize = try SpreadsheetMLWriter().parts(for: workbook).map(\.bytes.count).reduce(0, +)
    }
    print("100,000 rows × 10 columns: \(size) bytes in \(elapsed) (XML alone: \(xmlSize) bytes in \(xmlElapsed))")
    #expect(elapsed < .seconds(5))
  }
}
