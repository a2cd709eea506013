import Foundation
import Testing
import TieuChiOffice

@testable import TieuChi
@testable import TieuChiDocuments

/// The corpus of spreadsheet mistakes: each workbook, as a person might have filled it, produces its
/// documented diagnostic id at the cell (or sheet, or file) where the mistake is.
@Suite("Spreadsheet mistakes, each reported at its cell")
struct SpreadsheetMistakeTests {
  static let schema = (try? TestSupport.criteria().schema)!

  /// One mistake: how the district workbook is spoilt, the id expected and where (`sheet ! cell`, a sheet, or
  /// the file: `""`).
  struct Mistake: CustomTestStringConvertible, Sendable {
    var name: String
    var id: String
    var at: String
    var severity: Diagnostic.Severity
    var make: @Sendable () throws -> [UInt8]

    var testDescription: String { name }
  }

  static func book(
    station: [Int: Cell] = [:], staff: [Int: Cell] = [:],
    _ change: @escaping @Sendable (inout TestWorkbook) -> Void = {
      _ in
    }
  ) -> @Sendable () throws -> [UInt8] {
    {
      var workbook = TestWorkbook(DistrictWorkbook.sheets(station: station, staff: staff))
      change(&workbook)
      return try workbook.bytes()
    }
  }

  static let mistakes: [Mistake] = [
    Mistake(
      name: "misspelt header (bảo hiễm)", id: "survey.unknown-column", at: "Trạm y tế ! E1", severity: .warning,
      make: book { $0.sheets[0].rows[0][4] = t("bảo hiễm") }),
    Mistake(
      name: "misspelt input id (populaton)", id: "survey.unknown-column", at: "Trạm y tế ! D1", severity: .warning,
      make: book { $0.sheets[0].rows[0][3] = t("populaton") }),
    Mistake(
      name: "misspelt list header (Chức danhh)", id: "survey.unknown-column", at: "Nhân lực ! C1", severity: .warning,
      make: book { $0.sheets[1].rows[0][2] = t("Chức vụ") }),
    Mistake(
      name: "text in a count", id: "survey.not-a-number", at: "Trạm y tế ! D2", severity: .error,
      make: book(station: [3: t("mười nghìn")])),
    Mistake(
      name: "negative count", id: "survey.negative-count", at: "Trạm y tế ! E2", severity: .error,
      make: book(station: [4: n(-5)])),
    Mistake(
      name: "fraction in a count", id: "survey.not-a-whole-number", at: "Trạm y tế ! F2", severity: .error,
      make: book(station: [5: t("12,5")])),
    Mistake(
      name: "a decimal number cell in a count", id: "survey.not-a-whole-number", at: "Trạm y tế ! G2",
      severity: .error, make: book(station: [6: Cell(.number(DecimalText("3900.5")!))])),
    Mistake(
      name: "date typed as text in a count", id: "survey.not-a-number", at: "Trạm y tế ! H2", severity: .error,
      make: book(station: [7: t("01/05/2024")])),
    Mistake(
      name: "thousands grouping with a decimal part", id: "survey.not-a-number", at: "Trạm y tế ! I2",
      severity: .error, make: book(station: [8: t("8.000,5")])),
    Mistake(
      name: "number too large", id: "survey.number-too-large", at: "Trạm y tế ! J2", severity: .error,
      make: book(station: [9: t("99999999999999999999999999")])),
    Mistake(
      name: "unknown yes/no", id: "survey.not-a-boolean", at: "Trạm y tế ! K2", severity: .error,
      make: book(station: [10: t("có lẽ")])),
    Mistake(
      name: "yes/no as a number 2", id: "survey.not-a-boolean", at: "Trạm y tế ! K2", severity: .error,
      make: book(station: [10: n(2)])),
    Mistake(
      name: "unknown role", id: "survey.unknown-enum-value", at: "Nhân lực ! C2", severity: .error,
      make: book(staff: [2: t("Trưởng trạm")])),
    Mistake(
      name: "unknown yes/no in a list", id: "survey.not-a-boolean", at: "Nhân lực ! D2", severity: .error,
      make: book(staff: [3: t("tạm")])),
    Mistake(
      name: "year as words", id: "survey.invalid-year", at: "Trạm y tế ! C2", severity: .error,
      make: book(station: [2: t("năm nay")])),
    Mistake(
      name: "#N/A from a lookup", id: "survey.spreadsheet-error", at: "Trạm y tế ! E2", severity: .error,
      make: book(station: [4: n(TestWorkbook.errorMarker)])),
    Mistake(
      name: "#DIV/0! in a yes/no", id: "survey.spreadsheet-error", at: "Trạm y tế ! K2", severity: .error,
      make: book(station: [10: n(TestWorkbook.divisionErrorMarker)])),
    Mistake(
      name: "#N/A in a list", id: "survey.spreadsheet-error", at: "Nhân lực ! C2", severity: .error,
      make: book(staff: [2: n(TestWorkbook.errorMarker)])),
    Mistake(
      name: "formula without a cached value", id: "workbook.formula-without-value", at: "Trạm y tế ! F2",
      severity: .warning, make: book(station: [5: n(TestWorkbook.formulaMarker)])),
    Mistake(
      name: "empty code", id: "survey.missing-code", at: "Trạm y tế ! A2", severity: .error,
      make: book(station: [0: t(" ")])),
    Mistake(
      name: "code that lost its leading zero", id: "survey.code-lost-leading-zeros", at: "Trạm y tế ! A2",
      severity: .warning, make: book(station: [0: n(7339)])),
    Mistake(
      name: "the same station twice", id: "survey.duplicate-station", at: "Trạm y tế ! A3", severity: .error,
      make: book { $0.sheets[0].rows[2] = DistrictWorkbook.stationRow("07339", "Thị trấn Cao Thượng") }),
    Mistake(
      name: "staff of a commune not listed", id: "survey.unmatched-list-rows", at: "Nhân lực ! A3",
      severity: .error, make: book { $0.sheets[1].rows[2][0] = t("07999") }),
    Mistake(
      name: "staff row without code", id: "survey.list-row-without-code", at: "Nhân lực ! A3", severity: .error,
      make: book { $0.sheets[1].rows[2][0] = .empty }),
    Mistake(
      name: "list sheet named after the list without a code column", id: "survey.list-table-without-code",
      at: "staff ! 1:1", severity: .error,
      make: book {
        $0.sheets[1].name = "staff"
        $0.sheets[1].rows = $0.sheets[1].rows.map { Array($0.dropFirst()) }
      }),
    Mistake(
      name: "a column of inputs left out", id: "survey.inputs-not-provided", at: "Trạm y tế", severity: .warning,
      make: book { $0.sheets[0].rows = $0.sheets[0].rows.map { Array($0.prefix(10)) } }),
    Mistake(
      name: "data in a column without header", id: "workbook.data-without-header", at: "Trạm y tế ! O2",
      severity: .warning, make: book { $0.sheets[0].rows[1].append(t("ghi chú")) }),
    Mistake(
      name: "merged header cells", id: "workbook.merged-header", at: "Trạm y tế ! D1", severity: .error,
      make: book { $0.merge("D1:E1", ofSheet: 0) }),
    Mistake(
      name: "hidden row", id: "workbook.hidden-rows", at: "Trạm y tế", severity: .warning,
      make: book { $0.hide(row: 3, ofSheet: 0) }),
    Mistake(
      name: "hidden sheet", id: "workbook.hidden-sheet", at: "Thôn", severity: .warning,
      make: book { $0.hide(sheet: 2) }),
    Mistake(
      name: "a notes sheet without a header row", id: "workbook.no-header-row", at: "Ghi chú", severity: .warning,
      make: book { $0.sheets.append(Sheet(name: "Ghi chú", rows: [[t("Số liệu đến 30/6")]])) }),
    Mistake(
      name: "only empty sheets", id: "workbook.no-table", at: "", severity: .error,
      make: { try TestWorkbook([Sheet(name: "Sheet1", rows: [])]).bytes() }),
    Mistake(
      name: "not a workbook (a CSV renamed .xlsx)", id: "workbook.unreadable", at: "", severity: .error,
      make: { Array("code;population\n07339;100\n".utf8) }),
    Mistake(
      name: "password-protected workbook", id: "workbook.unreadable", at: "", severity: .error,
      make: { [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504) }),
    Mistake(
      name: "zip bomb", id: "workbook.unreadable", at: "", severity: .error,
      make: {
        var parts = try SpreadsheetMLWriter().parts(for: Workbook(sheets: DistrictWorkbook.sheets()))
        let index = parts.firstIndex { $0.path == "xl/worksheets/sheet1.xml" }!
        parts[index].bytes += [UInt8](repeating: 0x20, count: 8_000_000)
        return try ZipWriter.archive(parts)
      }),
  ]

  @Test(arguments: mistakes)
  func reportedAtItsPlace(_ mistake: Mistake) throws {
    let batch = DistrictWorkbook.load(try mistake.make(), schema: Self.schema)
    let matching = batch.diagnostics.filter { $0.id.rawValue == mistake.id }
    let rendered = batch.diagnostics.map { "\($0.id) \($0.rendered(in: .en))" }.joined(separator: "\n")
    #expect(matching.count == 1, "\(mistake.name): \(rendered)")
    let diagnostic = try #require(matching.first)
    #expect(diagnostic.severity == mistake.severity)
    let expected = "Xã-2024.xlsx" + (mistake.at.isEmpty ? "" : " › " + mistake.at)
    #expect(diagnostic.location?.description == expected, "\(mistake.name): \(rendered)")
  }

  @Test("The corpus holds at least 30 mistakes, and the clean workbook has none")
  func corpusAndCleanWorkbook() throws {
    #expect(Self.mistakes.count >= 30)
    let batch = DistrictWorkbook.load(try TestWorkbook(DistrictWorkbook.sheets()).bytes(), schema: Self.schema)
    #expect(batch.diagnostics.isEmpty, "\(batch.diagnostics.map { $0.rendered(in: .en) })")
    #expect(batch.records.map(\.code) == ["07339", "07342"])
    #expect(batch.rejected == 0)
  }
}
