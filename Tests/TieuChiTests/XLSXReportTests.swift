import Foundation
import Testing

/// The workbook read back by openpyxl, an independent reader, and compared value by value with the JSON
/// report of the same check. CI installs openpyxl (`.ci/run`); without it the suite is skipped visibly.
@Suite(
  "The XLSX report read back by an independent reader",
  .enabled(if: ExternalTools.officeReaders, "needs python3 with openpyxl and python-docx (scripts/ci-python-deps.sh)"))
struct XLSXReportTests {
  struct ReadBack: Decodable {
    var sheets: [String]
    var freeze: [String: String?]
    var filters: [String: String?]
    var formulas: Int
    var actualFormats: [String]
    var mismatches: [String]
    var detailRows: Int
    var header: [String]
  }

  static func readBack(_ data: [String], language: [String] = []) throws -> ReadBack {
    let folder = try CLITests.scratch([:])
    let base = ["check", "--criteria", "Criteria/ct25-2030.yaml", "--as-of", "2025-06-30"] + language
    let xlsx = try CLI.run(base + ["--format", "xlsx", "--output", folder + "/report.xlsx"] + data)
    #expect(xlsx.stderr.isEmpty, "\(xlsx.stderr)")
    let json = try CLI.run(base + ["--format", "json", "--output", folder + "/report.json"] + data)
    #expect(json.status == xlsx.status)
    let (status, output) = try ExternalTools.python(
      "Tests/readback/compare_xlsx_with_json.py", [folder + "/report.xlsx", folder + "/report.json"])
    #expect(status == 0)
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(ReadBack.self, from: output)
  }

  @Test("Two rounds of Tân Yên: every commune × indicator as in the JSON, percentages as percentage cells")
  func twoRounds() throws {
    let workbook = try Self.readBack(["--baseline", "Samples/tan-yen-2024", "Samples/tan-yen-2025"])
    #expect(workbook.sheets == ["Tổng hợp", "Chi tiết", "Ma trận", "Cần bổ sung", "Lỗi dữ liệu", "So với kỳ trước"])
    #expect(workbook.mismatches == [])
    #expect(workbook.detailRows == 19 * 8)
    #expect(workbook.actualFormats.contains("0.00%"))
    #expect(workbook.formulas == 0)
    for sheet in workbook.sheets { #expect(workbook.freeze[sheet] == "A2", "\(sheet): frozen header row") }
    #expect(workbook.filters["Chi tiết"] == "A1:R153", "with the three columns of the previous round")
    #expect(workbook.header.first == "Mã xã")
  }

  @Test("English sheet and column names with --lang en")
  func english() throws {
    let workbook = try Self.readBack(["Samples/tan-yen-2024"], language: ["--lang", "en"])
    #expect(workbook.sheets == ["Summary", "Details", "Matrix", "To do", "Data problems"])
    #expect(workbook.header.first == "Commune code")
    #expect(workbook.mismatches == [])
  }

  @Test("Names that look like formulas stay text")
  func formulas() throws {
    let station = passingStation(set: ["name": "\"=HYPERLINK(\\\"http://x\\\",\\\"x\\\")\""])
    let folder = try CLITests.scratch(["formula.yaml": station])
    let workbook = try Self.readBack([folder + "/formula.yaml"])
    #expect(workbook.formulas == 0)
    #expect(workbook.mismatches == [])
  }
}
