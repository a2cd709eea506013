import Foundation
import Testing
import TieuChiOffice

@testable import TieuChi
@testable import TieuChiDocuments

/// Every blank form of every criteria set, filled in programmatically — YAML, CSV (one file per list) and
/// XLSX (one sheet per list) — reads back with every value in the right input.
@Suite("Filled forms read back, value for value")
struct TemplateReadbackTests {
  static let criteriaFiles: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.path("Criteria"))) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "Criteria/" + $0 }
  }()

  /// What a form is filled with, per input: a value each format writes its own way, and what it must read as.
  struct Fill {
    var yaml: String
    var csv: String
    var cell: Cell
    var expected: String
  }

  static func fill(_ input: InputDefinition, seed: Int) -> Fill? {
    switch input.type {
    case .count:
      // Counts of thousands are written as the Vietnamese write them in the CSV form: 14.182.
      let value = 14_000 + 7 * seed
      return Fill(
        yaml: String(value), csv: NumberText.format(Rational(value), decimals: 0, style: .vietnamese), cell: n(value),
        expected: "n:\(Rational(value))")
    case .number:
      let value = Rational(Int128(125 + 10 * seed), 10)!
      let text = NumberText.format(value, decimals: 1, style: .plain)
      return Fill(
        yaml: text, csv: NumberText.format(value, decimals: 1, style: .vietnamese),
        cell: Cell(.number(DecimalText(text)!)), expected: "n:\(value)")
    case .boolean:
      let value = seed % 2 == 0
      return Fill(
        yaml: String(value), csv: value ? "Có" : "Không", cell: t(value ? "Có" : "Không"), expected: "b:\(value)")
    case .text:
      let value = "Giá trị \(input.name) \(seed)"
      return Fill(yaml: "\"\(value)\"", csv: value, cell: t(value), expected: "t:\(value)")
    case .enumeration(let definition):
      let value = definition.values[seed % definition.values.count]
      return Fill(yaml: value.id, csv: value.label.vi, cell: t(value.label.vi), expected: "t:\(value.id)")
    case .list:
      return nil
    }
  }

  static func canonical(_ value: InputValue) -> String {
    switch value {
    case .missing: "missing"
    case .invalid(let reason): "invalid:\(reason.en)"
    case .number(let number): "n:\(number)"
    case .boolean(let flag): "b:\(flag)"
    case .text(let text): "t:\(text)"
    case .list(let items):
      "l:[" + items.map { $0.values.map(canonical).joined(separator: ",") }.joined(separator: ";") + "]"
    }
  }

  /// The inputs a form asks for: every input but the station attributes (commune level).
  static func formInputs(_ criteria: CriteriaSet) -> [(slot: Int, input: InputDefinition)] {
    criteria.schema.inputs.enumerated().filter { StationAttribute(field: $0.element.name) == nil }.map {
      ($0.offset, $0.element)
    }
  }

  /// Two records per list, each field filled.
  static func records(_ definition: ListDefinition) -> [[(input: InputDefinition, fill: Fill)]] {
    (0..<2).map { record in
      definition.fields.inputs.enumerated().compactMap { index, field in
        fill(field, seed: 3 * index + record).map { (field, $0) }
      }
    }
  }

  static func expected(_ criteria: CriteriaSet) -> [Int: String] {
    var expected: [Int: String] = [:]
    for (slot, input) in formInputs(criteria) {
      if case .list(let definition) = input.type {
        let items = records(definition).map { record in
          definition.fields.inputs.map { field in
            record.first { $0.input.name == field.name }?.fill.expected ?? "missing"
          }
          .joined(separator: ",")
        }
        expected[slot] = "l:[" + items.joined(separator: ";") + "]"
      } else {
        expected[slot] = fill(input, seed: slot)?.expected
      }
    }
    return expected
  }

  static func check(_ batch: SurveyBatch, _ criteria: CriteriaSet, format: String) throws {
    let errors = batch.diagnostics.filter { $0.severity == .error }.map { $0.rendered(in: .en) }
    #expect(errors.isEmpty, "\(criteria.id) \(format): \(errors)")
    let unknown = batch.diagnostics.filter { $0.id == "survey.unknown-column" }.map { $0.rendered(in: .en) }
    #expect(unknown.isEmpty, "\(criteria.id) \(format): \(unknown)")
    let record = try #require(batch.records.first { $0.code == "07339" }, "\(criteria.id) \(format)")
    #expect(record.year == 2025)
    for (slot, value) in expected(criteria) {
      #expect(
        canonical(record.values[slot]) == value, "\(criteria.id) \(format): \(criteria.schema.inputs[slot].name)")
    }
  }

  @Test(arguments: criteriaFiles)
  func yamlForm(_ file: String) throws {
    let criteria = try TestSupport.criteria(file)
    let form = SurveyTemplate.yaml(criteria, language: .vi)
    var lines: [String] = []
    var currentList: ListDefinition?
    var documents = 0
    for line in form.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line == "---" {
        documents += 1
        // The group document stays out: it is about a district, not the station under test.
        if documents > 1 { break }
        lines.append(line)
        continue
      }
      if line.hasPrefix("  - {"), let list = currentList {
        for record in Self.records(list) {
          lines.append("  - {" + record.map { "\($0.input.name): \($0.fill.yaml)" }.joined(separator: ", ") + "}")
        }
        continue
      }
      guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("#") else {
        lines.append(line)
        continue
      }
      let key = String(line[..<colon])
      let comment = line.range(of: "   #").map { String(line[$0.lowerBound...]) } ?? ""
      currentList = nil
      switch key {
      case "code": lines.append("code: \"07339\"" + comment)
      case "name": lines.append("name: \"Xã A\"" + comment)
      case "year": lines.append("year: 2025" + comment)
      default:
        guard let slot = criteria.schema.index(of: key) else {
          lines.append(line)
          continue
        }
        let input = criteria.schema.inputs[slot]
        if case .list(let definition) = input.type {
          currentList = definition
          lines.append(line)
        } else if let fill = Self.fill(input, seed: slot) {
          lines.append("\(key): \(fill.yaml)" + comment)
        }
      }
    }
    let batch = TestSupport.batch(lines.joined(separator: "\n"), schema: criteria.schema)
    try Self.check(batch, criteria, format: "yaml")
  }

  @Test(arguments: criteriaFiles)
  func csvForms(_ file: String) throws {
    let criteria = try TestSupport.criteria(file)
    func csvLine(_ cells: [String]) -> String {
      cells.map {
        $0.contains(";") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0
      }
      .joined(separator: ";") + "\r\n"
    }
    let labels = Dictionary(
      Self.formInputs(criteria).map { ($0.input.label.vi, $0.slot) }, uniquingKeysWith: { first, _ in first })
    let header = try SurveyTemplate.csv(criteria, language: .vi).get()
    let columns = CSVReader.read(bytes: Array(header.utf8), file: "form.csv").columnNames
    let row = columns.map { label -> String in
      switch label {
      case StationAttribute.code.label.vi: "07339"
      case StationAttribute.name.label.vi: "Xã A"
      case StationAttribute.year.label.vi: "2025"
      default:
        labels[label].flatMap { Self.fill(criteria.schema.inputs[$0], seed: $0)?.csv } ?? ""
      }
    }
    var files = [SurveyFile(name: "Trạm y tế.csv", format: .csv, bytes: Array((header + csvLine(row)).utf8))]
    for (_, input) in Self.formInputs(criteria) {
      guard case .list(let definition) = input.type else { continue }
      let listHeader = try SurveyTemplate.csv(criteria, language: .vi, list: input.name).get()
      let rows = Self.records(definition).map { record in
        csvLine(
          ["07339"]
            + definition.fields.inputs.map { field in record.first { $0.input.name == field.name }?.fill.csv ?? "" })
      }
      // Saved under the list's Vietnamese label, as a person would name it.
      files.append(
        SurveyFile(name: "\(input.label.vi).csv", format: .csv, bytes: Array((listHeader + rows.joined()).utf8)))
    }
    try Self.check(SurveyLoader.load(files, schema: criteria.schema), criteria, format: "csv")
  }

  @Test(arguments: criteriaFiles)
  func xlsxForm(_ file: String) throws {
    let criteria = try TestSupport.criteria(file)
    var workbook = SurveyWorkbookTemplate.workbook(
      criteria, language: .vi, communes: [SurveyWorkbookTemplate.Commune(code: "07339", name: "Xã A")])
    let labels = Dictionary(
      Self.formInputs(criteria).map { ($0.input.label.vi, $0.slot) }, uniquingKeysWith: { first, _ in first })
    func firstLine(_ cell: Cell) -> String {
      guard case .text(let text) = cell.value else { return "" }
      return String(text.split(separator: "\n").first ?? "")
    }
    // The stations sheet: the listed commune's row, cell by cell under its header.
    var stations = workbook.sheets[0]
    var row = stations.rows[1] + Array(repeating: Cell.empty, count: stations.rows[0].count - stations.rows[1].count)
    for (column, headerCell) in stations.rows[0].enumerated() {
      let header = firstLine(headerCell)
      if header == StationAttribute.year.label.vi {
        row[column] = n(2025)
      } else if let slot = labels[header], let fill = Self.fill(criteria.schema.inputs[slot], seed: slot) {
        row[column] = fill.cell
      }
    }
    stations.rows[1] = row
    workbook.sheets[0] = stations
    // One sheet per list, in the order of the lists.
    var sheetIndex = 1
    for (_, input) in Self.formInputs(criteria) {
      guard case .list(let definition) = input.type else { continue }
      let headers = workbook.sheets[sheetIndex].rows[0].map(firstLine)
      for record in Self.records(definition) {
        workbook.sheets[sheetIndex].rows.append(
          headers.map { header in
            header == StationAttribute.code.label.vi
              ? t("07339") : record.first { $0.input.label.vi == header }?.fill.cell ?? .empty
          })
      }
      sheetIndex += 1
    }
    let bytes = try SpreadsheetMLWriter().data(for: workbook)
    let batch = SurveyLoader.load(
      [SurveyFile(name: "Phiếu.xlsx", format: .xlsx, bytes: bytes)], schema: criteria.schema,
      workbooks: XLSXSurveyReader())
    try Self.check(batch, criteria, format: "xlsx")
  }

  @Test("The Excel form: headers with unit and type inside the cell, drop-downs of labels, communes listed")
  func xlsxFormShape() throws {
    let criteria = try TestSupport.criteria()
    let workbook = SurveyWorkbookTemplate.workbook(
      criteria, language: .vi, communes: [SurveyWorkbookTemplate.Commune(code: "07303", name: "Lan Giới")])
    #expect(
      workbook.sheets.map(\.name) == ["Trạm y tế", "Nhân lực của trạm y tế", "Thôn, bản, tổ dân phố", "Hướng dẫn"])
    let header = workbook.sheets[0].rows[0].map { cell -> String in
      if case .text(let text) = cell.value { return text }
      return ""
    }
    #expect(header.contains("Dân số của xã\n(người; số nguyên ≥ 0)"))
    #expect(workbook.sheets[0].rows[1].first == t("07303"))
    let rules = workbook.sheets[1].dataValidations.map(\.rule)
    #expect(rules.contains(.list(["Bác sĩ", "Y sĩ", "Điều dưỡng", "Hộ sinh", "Dược sĩ", "Khác"])))
    #expect(rules.contains(.list(["Có", "Không"])))
    #expect(workbook.sheets[2].dataValidations.map(\.rule) == [.wholeNumber(minimum: 0)])
  }
}
