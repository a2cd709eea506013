import Foundation
public import TieuChi
public import TieuChiOffice

/// A fillable Excel form for a criteria set: one sheet of stations, one sheet per list input (staff, hamlets),
/// and an instructions sheet; it reads back with `tieuchi check` once filled in.
///
/// Headers are the labels the CSV form uses (which the readers accept), with the unit and type on a second line
/// inside the header cell — the readers match a header by its first line. Enums and yes/no columns get drop-down
/// lists of their labels in the form's language (Bác sĩ, Y sĩ, Có, Không), counts a whole-number ≥ 0 rule, and
/// the commune list can be filled in beforehand.
public enum SurveyWorkbookTemplate {
  /// A commune to list on the stations sheet beforehand: its code and name, and where known its type,
  /// district and province.
  public struct Commune: Sendable, Hashable {
    public var code: String
    public var name: String
    public var type: String?
    public var district: String?
    public var province: String?

    /// A commune with its code (five digits, as text) and name.
    public init(code: String, name: String, type: String? = nil, district: String? = nil, province: String? = nil) {
      self.code = code
      self.name = name
      self.type = type
      self.district = district
      self.province = province
    }
  }

  /// How many rows below the header carry the drop-downs and number rules.
  static let stationRows = 1000
  static let listRows = 5000

  /// The form as a workbook, in `language`, with `communes` filled in on the stations sheet.
  public static func workbook(_ criteria: CriteriaSet, language: Language, communes: [Commune] = []) -> Workbook {
    let vi = language == .vi
    var sheets: [Sheet] = []
    // Stations: the attributes every record carries, then every scalar input.
    var columns: [Column] = StationAttribute.allCases.map { attribute(_: $0, language: language) }
    for input in criteria.schema.inputs where StationAttribute(field: input.name) == nil && input.level == .commune {
      if case .list = input.type { continue }
      columns.append(column(input, language: language, rows: stationRows))
    }
    var rows: [[Cell]] = [columns.map { .text($0.header, style: .header) }]
    for commune in communes {
      let values: [StationAttribute: String?] = [
        .code: commune.code, .name: commune.name, .type: commune.type, .district: commune.district,
        .province: commune.province,
      ]
      rows.append(StationAttribute.allCases.map { values[$0].flatMap { $0 }.map { Cell.text($0) } ?? .empty })
    }
    sheets.append(sheet(name: vi ? "Trạm y tế" : "Stations", rows: rows, columns: columns, dataRows: stationRows))
    // One sheet per list, named after the list's label, joined to its station by the commune code.
    for input in criteria.schema.inputs where input.level == .commune {
      guard case .list(let definition) = input.type else { continue }
      var listColumns = [attribute(.code, language: language)]
      listColumns += definition.fields.inputs.map { column($0, language: language, rows: listRows) }
      sheets.append(
        sheet(
          name: input.label[language], rows: [listColumns.map { .text($0.header, style: .header) }],
          columns: listColumns, dataRows: listRows))
    }
    sheets.append(instructions(criteria, language: language, listSheets: Array(sheets.dropFirst().map(\.name))))
    return Workbook(sheets: sheets)
  }

  /// The form as `.xlsx` bytes.
  public static func data(_ criteria: CriteriaSet, language: Language, communes: [Commune] = [])
    throws(SpreadsheetError) -> [UInt8]
  {
    try SpreadsheetMLWriter().data(for: workbook(criteria, language: language, communes: communes))
  }

  /// One column of the form: its header and the rule Excel enforces on it.
  struct Column {
    var header: String
    var rule: DataValidation.Rule?
    var errorMessage: String?
  }

  private static func sheet(name: String, rows: [[Cell]], columns: [Column], dataRows: Int) -> Sheet {
    let validations = columns.enumerated().compactMap { index, column -> DataValidation? in
      guard let rule = column.rule,
        let range = CellRange(firstRow: 2, firstColumn: index + 1, lastRow: dataRows + 1, lastColumn: index + 1)
      else { return nil }
      return DataValidation(range: range, rule: rule, errorMessage: column.errorMessage)
    }
    return Sheet(
      name: name, rows: rows, headerRowCount: 1, autoFilter: false, maximumComputedWidth: 28,
      dataValidations: validations)
  }

  private static func attribute(_ attribute: StationAttribute, language: Language) -> Column {
    let vi = language == .vi
    let label = attribute.label[language]
    switch attribute {
    case .code:
      return Column(header: label + (vi ? "\n(5 chữ số, ví dụ 07339)" : "\n(5 digits, e.g. 07339)"))
    case .type:
      let types = ["xã", "phường", "thị trấn", "đặc khu"]
      return Column(header: label + "\n(" + types.joined(separator: ", ") + ")", rule: .list(types))
    case .year:
      return Column(
        header: label + (vi ? "\n(ví dụ 2025)" : "\n(e.g. 2025)"), rule: .wholeNumber(minimum: 1900),
        errorMessage: vi ? "Nhập năm, ví dụ 2025" : "Enter a year, e.g. 2025")
    case .name, .district, .province:
      return Column(header: label)
    }
  }

  private static func column(_ input: InputDefinition, language: Language, rows: Int) -> Column {
    let vi = language == .vi
    var notes: [String] = []
    if let unit = input.unit { notes.append(unit[language]) }
    var rule: DataValidation.Rule?
    var errorMessage: String?
    switch input.type {
    case .count:
      notes.append(vi ? "số nguyên ≥ 0" : "whole number ≥ 0")
      rule = .wholeNumber(minimum: 0)
      errorMessage =
        vi ? "Nhập số nguyên ≥ 0; để trống nếu chưa có số liệu" : "Enter a whole number ≥ 0; leave empty if unknown"
    case .number:
      notes.append(vi ? "số" : "number")
    case .boolean:
      let labels = yesNo(language)
      notes.append(labels.joined(separator: "/"))
      rule = .list(labels)
    case .text:
      notes.append(vi ? "chữ" : "text")
    case .enumeration(let definition):
      let labels = definition.values.map { $0.label[language] }
      notes.append(vi ? "chọn trong danh sách" : "pick from the list")
      // Excel's inline lists hold no comma or quote and at most 255 characters: otherwise no drop-down.
      if labels.allSatisfy({ !$0.contains(",") && !$0.contains("\"") }),
        labels.joined(separator: ",").utf16.count <= 255
      {
        rule = .list(labels)
        errorMessage = (vi ? "Chọn một trong: " : "Pick one of: ") + labels.joined(separator: ", ")
      }
    case .list:
      break
    }
    return Column(
      header: input.label[language] + "\n(" + notes.joined(separator: "; ") + ")", rule: rule,
      errorMessage: errorMessage)
  }

  /// The yes/no labels of the drop-downs, which read back as booleans.
  static func yesNo(_ language: Language) -> [String] {
    language == .vi ? ["Có", "Không"] : ["Yes", "No"]
  }

  private static func instructions(_ criteria: CriteriaSet, language: Language, listSheets: [String]) -> Sheet {
    let vi = language == .vi
    let lines: [String] =
      vi
      ? [
        "Phiếu số liệu trạm y tế xã — \(criteria.id): \(criteria.title[language])",
        "",
        "1. Trang \"Trạm y tế\": mỗi trạm một dòng. Mã xã là mã đơn vị hành chính 5 chữ số (giữ số 0 ở đầu).",
        "2. Mỗi danh sách (\(listSheets.joined(separator: ", "))) ở một trang riêng: mỗi mục một dòng, "
          + "cột Mã xã cho biết mục thuộc trạm nào.",
        "3. Ô trống là thiếu số liệu, không bao giờ được hiểu là 0: chưa có số liệu thì để trống.",
        "4. Các cột có danh sách chọn (Có/Không, chức danh…) chỉ nhận giá trị trong danh sách.",
        "5. Không đổi tên, gộp hay xóa dòng tiêu đề; có thể thêm cột khác, chúng được bỏ qua (kèm cảnh báo).",
        "6. Kiểm tra: tieuchi check --criteria <tệp tiêu chí> <tệp này>.xlsx",
      ]
      : [
        "Commune health station survey form — \(criteria.id): \(criteria.title[language])",
        "",
        "1. Sheet \"Stations\": one row per station. The commune code is the 5-digit administrative code (keep "
          + "the leading zero).",
        "2. Each list (\(listSheets.joined(separator: ", "))) has its own sheet: one row per item, the commune "
          + "code saying which station it belongs to.",
        "3. An empty cell is missing data, never zero: leave it empty when the figure is not known.",
        "4. Columns with a drop-down (Yes/No, roles…) accept only the values listed.",
        "5. Do not rename, merge or delete the header row; other columns may be added and are ignored (with a "
          + "warning).",
        "6. Check: tieuchi check --criteria <criteria file> <this file>.xlsx",
      ]
    return Sheet(
      name: vi ? "Hướng dẫn" : "Instructions", rows: lines.map { [.text($0)] }, columnWidths: [110])
  }
}

extension SurveyWorkbookTemplate {
  /// The communes of a CSV list such as `shared/data/tan_yen_bac_giang_2024-11.csv`: columns `code` and `name`
  /// (or the form's labels "Mã xã", "Tên xã"), and `type`, `district`, `province` when present. Codes that lost
  /// their leading zeros are restored to five digits.
  public static func communes(csv bytes: [UInt8], file: String) -> (communes: [Commune], problems: [Diagnostic]) {
    let table = CSVReader.read(bytes: bytes, file: file)
    var problems = table.diagnostics
    let names = table.columns.map { $0.name.foldedForMatching }
    func column(_ attribute: StationAttribute) -> Int? {
      names.firstIndex { $0 == attribute.rawValue || $0 == attribute.label.vi.foldedForMatching }
    }
    guard let code = column(.code), let name = column(.name) else {
      problems.append(Messages.communesWithoutCodeAndName(file))
      return ([], problems)
    }
    let (type, district, province) = (column(.type), column(.district), column(.province))
    let communes = table.rows.compactMap { row -> Commune? in
      let raw = row.cell(code).trimmingCharacters(in: .whitespaces)
      guard !raw.isEmpty else { return nil }
      let padded =
        raw.count < 5 && raw.allSatisfy(\.isNumber) ? String(repeating: "0", count: 5 - raw.count) + raw : raw
      let optional = { (index: Int?) in index.map { row.cell($0) }.flatMap { $0.isEmpty ? nil : $0 } }
      return Commune(
        code: padded, name: row.cell(name), type: optional(type), district: optional(district),
        province: optional(province))
    }
    return (communes, problems)
  }
}
