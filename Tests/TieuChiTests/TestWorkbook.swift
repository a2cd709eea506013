import Foundation
import TieuChiOffice

@testable import TieuChi
@testable import TieuChiDocuments

/// Workbooks for the survey tests, written by the project's own writer; what the writer cannot write (merged
/// cells, hidden rows and sheets, error cells, formulas without a value) is patched into its XML parts, the
/// way Excel would have stored it.
struct TestWorkbook {
  var sheets: [Sheet]
  /// Text replacements in the package parts (`xl/worksheets/sheet1.xml`, `xl/workbook.xml`).
  var patches: [(part: String, from: String, to: String)] = []

  /// Integers that stand for what the writer cannot store: replaced by an error value or a bare formula.
  static let errorMarker = 900_001
  static let divisionErrorMarker = 900_002
  static let formulaMarker = 900_003

  init(_ sheets: [Sheet]) {
    self.sheets = sheets
  }

  /// The `.xlsx` bytes.
  func bytes() throws -> [UInt8] {
    var parts = try SpreadsheetMLWriter().parts(for: Workbook(sheets: sheets))
    var all = patches
    for index in sheets.indices {
      let part = "xl/worksheets/sheet\(index + 1).xml"
      all.append((part, "><v>\(Self.errorMarker)</v>", #" t="e"><v>#N/A</v>"#))
      all.append((part, "><v>\(Self.divisionErrorMarker)</v>", #" t="e"><v>#DIV/0!</v>"#))
      all.append((part, "><v>\(Self.formulaMarker)</v>", "><f>SUM(B2:B3)</f>"))
    }
    for patch in all {
      guard let index = parts.firstIndex(where: { $0.path == patch.part }) else { continue }
      let text = String(decoding: parts[index].bytes, as: UTF8.self)
      parts[index].bytes = Array(text.replacingOccurrences(of: patch.from, with: patch.to).utf8)
    }
    return try ZipWriter.archive(parts)
  }

  /// Hides row `row` of sheet `sheet` (0-based sheet index).
  mutating func hide(row: Int, ofSheet sheet: Int) {
    patches.append(("xl/worksheets/sheet\(sheet + 1).xml", #"<row r="\#(row)">"#, #"<row r="\#(row)" hidden="1">"#))
  }

  /// Merges `range` (e.g. `A1:C1`) of sheet `sheet`.
  mutating func merge(_ range: String, ofSheet sheet: Int) {
    patches.append(
      (
        "xl/worksheets/sheet\(sheet + 1).xml", "</sheetData>",
        #"</sheetData><mergeCells count="1"><mergeCell ref="\#(range)"/></mergeCells>"#
      ))
  }

  /// Hides sheet `sheet` (its tab).
  mutating func hide(sheet: Int) {
    patches.append(("xl/workbook.xml", #"sheetId="\#(sheet + 1)""#, #"sheetId="\#(sheet + 1)" state="hidden""#))
  }
}

/// Cells written briefly: `t("Bác sĩ")`, `n(12850)`.
func t(_ text: String) -> Cell { .text(text) }
func n(_ value: Int) -> Cell { .integer(value) }

/// A small district workbook for ct25-2030 as a person would fill it: stations, staff and hamlets sheets with
/// Vietnamese headers. `station` and `staff` replace cells of the first data row (by 0-based column).
enum DistrictWorkbook {
  static let stationHeader = [
    "Mã xã", "Tên xã", "Năm", "Dân số của xã", "Số người tham gia bảo hiểm y tế", "phc_users", "phc_users_insured",
    "health_managed", "ehealth_book", "telemedicine_users", "meets_national_criteria", "high_risk_people",
    "high_risk_checked", "ehealth_records",
  ]
  static let staffHeader = ["Mã xã", "Họ và tên", "Chức danh", "Biên chế cơ hữu của trạm"]
  static let hamletHeader = ["Mã xã", "Tên thôn, tổ dân phố", "Số nhân viên y tế thôn được đào tạo chuyên môn"]

  static func stationRow(_ code: String, _ name: String) -> [Cell] {
    [
      t(code), t(name), n(2024), n(10000), n(9990), n(4000), n(3900), n(9800), n(8000), n(4500), t("Có"), n(500),
      n(500), n(9700),
    ]
  }

  static func sheets(station: [Int: Cell] = [:], staff: [Int: Cell] = [:]) -> [Sheet] {
    var first = stationRow("07339", "Thị trấn Cao Thượng")
    for (column, cell) in station { first[column] = cell }
    var staffRow = [t("07339"), t("Nguyễn Văn An"), t("Bác sĩ"), t("Có")]
    for (column, cell) in staff { staffRow[column] = cell }
    return [
      Sheet(
        name: "Trạm y tế", rows: [stationHeader.map(t), first, stationRow("07342", "Xã Việt Ngọc")]),
      Sheet(
        name: "Nhân lực", rows: [staffHeader.map(t), staffRow, [t("07342"), t("Trần Thị Bình"), t("Y sĩ"), t("Có")]]),
      Sheet(
        name: "Thôn",
        rows: [hamletHeader.map(t), [t("07339"), t("Thôn Đồng Lạc"), n(1)], [t("07342"), t("Thôn Hạ"), n(1)]]
      ),
    ]
  }

  /// Reads `workbook` as `name` with ct25-2030's schema.
  static func load(_ bytes: [UInt8], name: String = "Xã-2024.xlsx", schema: InputSchema) -> SurveyBatch {
    SurveyLoader.load(
      [SurveyFile(name: name, format: .xlsx, bytes: bytes)], schema: schema, workbooks: XLSXSurveyReader())
  }
}
