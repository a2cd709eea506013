import Foundation
import Testing

@testable import TieuChi

@Suite("Blank survey forms (tieuchi template)")
struct TemplateTests {
  @Test("The YAML form lists every input with its label and reads back once filled in; blanks stay missing")
  func yamlForm() throws {
    let criteria = try TestSupport.criteria()
    let form = SurveyTemplate.yaml(criteria, language: .vi)
    for input in criteria.schema.inputs { #expect(form.contains("\(input.name):"), "\(input.name)") }
    #expect(form.contains("Dân số của xã — số nguyên ≥ 0 (người)"))
    #expect(form.contains("doctor (Bác sĩ) | assistant_doctor (Y sĩ)"))
    let filled = form.replacingOccurrences(of: "code: \"\"", with: "code: \"07339\"")
      .replacingOccurrences(of: "population:", with: "population: 12850")
    let batch = TestSupport.batch(filled, schema: criteria.schema)
    #expect(
      batch.diagnostics.filter { $0.severity == .error }.isEmpty, "\(batch.diagnostics.map { $0.rendered(in: .en) })")
    let record = try #require(batch.records.first)
    #expect(record.code == "07339")
    guard case .number(let population) = record.values[try #require(criteria.schema.index(of: "population"))] else {
      Issue.record("population not read")
      return
    }
    #expect(population == Rational(12850))
    guard case .missing = record.values[try #require(criteria.schema.index(of: "insured"))] else {
      Issue.record("a blank must be missing, never zero")
      return
    }
  }

  @Test("The CSV forms use labels that read back as the inputs, stations and list files alike")
  func csvForm() throws {
    let criteria = try TestSupport.criteria()
    let header = try SurveyTemplate.csv(criteria, language: .vi).get()
    #expect(header.hasPrefix("\u{FEFF}Mã xã;Tên xã;Loại đơn vị;Huyện;Tỉnh;Năm;Dân số của xã;"))
    let staffHeader = try SurveyTemplate.csv(criteria, language: .vi, list: "staff").get()
    #expect(staffHeader.hasPrefix("\u{FEFF}Mã xã;Họ và tên;Chức danh;Biên chế cơ hữu của trạm"))
    let columns = header.dropFirst().split(separator: ";").count
    let row =
      ["07339", "Thị trấn Cao Thượng", "thị trấn", "Huyện Tân Yên", "Tỉnh Bắc Giang", "2024", "12850", "12811"]
      + Array(repeating: "", count: columns - 8)
    let stations = header + row.joined(separator: ";") + "\r\n"
    let staff = staffHeader + "7339;Nguyễn Văn An;Bác sĩ;có\r\n"
    let batch = SurveyLoader.load(
      files: [(path: "stations.csv", bytes: Array(stations.utf8)), (path: "staff.csv", bytes: Array(staff.utf8))],
      schema: criteria.schema)
    #expect(
      batch.diagnostics.filter { $0.severity == .error }.isEmpty, "\(batch.diagnostics.map { $0.rendered(in: .en) })")
    let report = CheckResult(criteria: criteria, batch: batch, year: nil, asOf: TestSupport.asOf)
    let commune = try #require(report.communes.first)
    #expect(commune.record.code == "07339")
    #expect(commune.indicator("doctor", in: criteria)?.status == .pass)
    #expect(commune.indicator("bhyt-coverage", in: criteria)?.status == .pass)
    #expect(commune.indicator("ehealth-book", in: criteria)?.status == .unknown)
  }

  @Test("The command prints the form, and refuses a list that is not one")
  func command() throws {
    let run = try CLI.run(["template", "--criteria", "Criteria/ct25-2030.yaml"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("population:"))
    let wrong = try CLI.run(["template", "--criteria", "Criteria/ct25-2030.yaml", "--format", "csv", "--list", "staf"])
    #expect(wrong.status == 64)
    #expect(wrong.stderr.contains("'staff'"))
  }
}
