import Foundation
import Testing
import TieuChiOffice

@testable import TieuChi
@testable import TieuChiDocuments

/// Reading workbooks and tables as a person fills them: positions in Excel terms, headers and values in the
/// user's own spelling, and the two read-back bugs of the forms.
@Suite("Workbook and table input in the user's terms")
struct WorkbookInputTests {
  static let criteria = (try? TestSupport.criteria())!
  static var schema: InputSchema { criteria.schema }

  static func value(_ batch: SurveyBatch, _ input: String, code: String = "07339") -> InputValue? {
    guard let slot = schema.index(of: input), let record = batch.records.first(where: { $0.code == code }) else {
      return nil
    }
    return record.values[slot]
  }

  /// The value read for `input`, written canonically (`n:14182`, `b:true`, `missing`).
  static func read(_ batch: SurveyBatch, _ input: String, code: String = "07339") -> String {
    value(batch, input, code: code).map(TemplateReadbackTests.canonical) ?? "no record"
  }

  @Test("A title row above the header is skipped; cells are read as Excel stores them")
  func titleRowAndCellTypes() throws {
    var sheets = DistrictWorkbook.sheets(station: [
      3: n(900_004), 4: t("14.182"), 5: t("4 000"), 10: .boolean(true),
    ])
    sheets[0].rows.insert([t("BÁO CÁO SỐ LIỆU Y TẾ XÃ NĂM 2024")], at: 0)
    var workbook = TestWorkbook(sheets)
    workbook.merge("A1:K1", ofSheet: 0)
    // A number in scientific notation, as some programs store it.
    workbook.patches.append(("xl/worksheets/sheet1.xml", "<v>900004</v>", "<v>1.4182E4</v>"))
    let batch = DistrictWorkbook.load(try workbook.bytes(), schema: Self.schema)
    #expect(batch.diagnostics.isEmpty, "\(batch.diagnostics.map { $0.rendered(in: .en) })")
    #expect(Self.read(batch, "population") == "n:14182")
    #expect(Self.read(batch, "insured") == "n:14182")
    #expect(Self.read(batch, "phc_users") == "n:4000")
    #expect(Self.read(batch, "meets_national_criteria") == "b:true")
    // Records and cells point at their Excel rows, below the title.
    #expect(batch.records.first?.location.description == "Xã-2024.xlsx › Trạm y tế ! A3")
  }

  @Test("An empty cell is missing, never zero; an error cell is invalid, not missing")
  func emptyAndErrorCells() throws {
    let bytes = try TestWorkbook(
      DistrictWorkbook.sheets(station: [4: .empty, 5: n(TestWorkbook.errorMarker)])
    ).bytes()
    let batch = DistrictWorkbook.load(bytes, schema: Self.schema)
    guard case .missing? = Self.value(batch, "insured") else {
      Issue.record("an empty cell must be missing")
      return
    }
    guard case .invalid? = Self.value(batch, "phc_users") else {
      Issue.record("#N/A must be invalid")
      return
    }
  }

  @Test("An unknown header is reported once, at its cell, with the input it may be, however many rows")
  func unknownHeaderOnce() throws {
    var sheets = DistrictWorkbook.sheets()
    sheets[0].rows[0][4] = t("bảo hiễm")
    for index in 0..<20 { sheets[0].rows.append(DistrictWorkbook.stationRow(String(format: "074%02d", index), "Xã")) }
    let batch = DistrictWorkbook.load(try TestWorkbook(sheets).bytes(), schema: Self.schema)
    let unknown = batch.diagnostics.filter { $0.id == "survey.unknown-column" }
    #expect(unknown.count == 1)
    #expect(unknown.first?.location?.description == "Xã-2024.xlsx › Trạm y tế ! E1")
    #expect(unknown.first?.hint?.vi == "có phải ý bạn là 'Số người tham gia bảo hiểm y tế' (insured)?")
    // The input it should have been is then said to be absent from the file, once.
    let absent = batch.diagnostics.filter { $0.id == "survey.inputs-not-provided" }
    #expect(absent.count == 1)
    #expect(absent.first?.message.en.contains("(insured)") == true)
  }

  @Test("An unknown header of a list sheet is answered with the list's own fields; the sheet stays a list")
  func unknownListHeader() throws {
    var sheets = DistrictWorkbook.sheets()
    sheets[1].rows[0][2] = t("Chuc dan")
    let batch = DistrictWorkbook.load(try TestWorkbook(sheets).bytes(), schema: Self.schema)
    let unknown = try #require(batch.diagnostics.first { $0.id == "survey.unknown-column" })
    #expect(unknown.location?.description == "Xã-2024.xlsx › Nhân lực ! C1")
    #expect(unknown.hint?.vi == "có phải ý bạn là 'Chức danh' (role)?")
    guard case .list(let items)? = Self.value(batch, "staff") else {
      Issue.record("the staff sheet must stay a list")
      return
    }
    #expect(items.count == 1)
  }

  @Test("CSV: an unknown header is reported once at line 1 with its column letter and text")
  func unknownCSVHeader() {
    let csv = "code;Dan so cua xa;POPULATION_X;insured\r\n07339;100;5;90\r\n07342;200;6;180\r\n"
    let batch = SurveyLoader.load(
      [SurveyFile(name: "xa.csv", format: .csv, bytes: Array(csv.utf8))], schema: Self.schema)
    let unknown = batch.diagnostics.filter { $0.id == "survey.unknown-column" }
    #expect(unknown.count == 1)
    #expect(unknown.first?.location == SourceLocation(file: "xa.csv", line: 1, column: 20))
    #expect(unknown.first?.message.en.hasPrefix("column C 'POPULATION_X'") == true)
    #expect(unknown.first?.hint?.en.contains("(population)") == true)
    // "Dan so cua xa", typed without diacritics, is the population.
    #expect(Self.read(batch, "population") == "n:100")
  }

  @Test(
    "Roles and yes/no in the user's spelling",
    arguments: [
      ("Bác sĩ", "doctor"), ("bac si", "doctor"), ("Bác sỹ", "doctor"), ("BÁC SĨ", "doctor"),
      ("y si", "assistant_doctor"),
      ("Y sỹ", "assistant_doctor"), ("ys", "assistant_doctor"), ("Dược sỹ", "pharmacist"), ("dieu duong", "nurse"),
    ])
  func enumSpellings(_ spelling: String, _ id: String) throws {
    let definition = try #require(
      Self.schema["staff"].flatMap { input -> EnumDefinition? in
        guard case .list(let list) = input.type, case .enumeration(let roles)? = list.fields["role"]?.type else {
          return nil
        }
        return roles
      })
    #expect(definition.resolve(spelling) == id)
  }

  @Test("Yes/no accepts Có, co, x, Không, khong, TRUE")
  func booleanSpellings() throws {
    for (spelling, expected) in [
      ("Có", true), ("co", true), ("x", true), ("Không", false), ("khong", false), ("TRUE", true),
    ] {
      let sheets = DistrictWorkbook.sheets(station: [10: t(spelling)])
      let batch = DistrictWorkbook.load(try TestWorkbook(sheets).bytes(), schema: Self.schema)
      #expect(batch.diagnostics.isEmpty, "\(spelling): \(batch.diagnostics.map { $0.rendered(in: .en) })")
      #expect(Self.read(batch, "meets_national_criteria") == "b:\(expected)", "\(spelling)")
    }
  }

  @Test("An unknown role is answered with the labels in the report language, not the ids")
  func unknownEnumValueInLabels() throws {
    let batch = DistrictWorkbook.load(
      try TestWorkbook(DistrictWorkbook.sheets(staff: [2: t("Bac sy truong")])).bytes(), schema: Self.schema)
    let diagnostic = try #require(batch.diagnostics.first { $0.id == "survey.unknown-enum-value" })
    #expect(diagnostic.message.vi.contains("(Bác sĩ, Y sĩ, Điều dưỡng, Hộ sinh, Dược sĩ, Khác)"))
    #expect(diagnostic.message.en.contains("(Doctor, Assistant doctor, Nurse, Midwife, Pharmacist, Other)"))
    #expect(!diagnostic.message.vi.contains("assistant_doctor"))
  }

  @Test("KoboToolbox repeat sheets join on _parent_index within the workbook, or on _submission__uuid")
  func koboJoins() throws {
    let main = Sheet(
      name: "Khảo sát",
      rows: [
        ["code", "name", "ttc/population", "_uuid", "_index"].map(t),
        [t("07339"), t("Xã A"), n(100), t("uuid-a"), n(1)],
        [t("07342"), t("Xã B"), n(200), t("uuid-b"), n(2)],
      ])
    let byIndex = Sheet(
      name: "staff",
      rows: [
        ["staff/name", "staff/role", "staff/permanent", "_index", "_parent_index"].map(t),
        [t("An"), t("doctor"), t("yes"), n(1), n(2)],
      ])
    let byUUID = Sheet(
      name: "hamlets",
      rows: [
        ["hamlets/name", "hamlets/trained_health_workers", "_submission__uuid"].map(t),
        [t("Thôn 1"), n(1), t("uuid-a")], [t("Thôn 2"), n(0), t("uuid-a")],
      ])
    let batch = DistrictWorkbook.load(try TestWorkbook([main, byIndex, byUUID]).bytes(), schema: Self.schema)
    #expect(!batch.diagnostics.contains { $0.severity == .error }, "\(batch.diagnostics.map { $0.rendered(in: .en) })")
    #expect(Self.read(batch, "staff") == "l:[]")
    #expect(Self.read(batch, "staff", code: "07342") == "l:[t:An,t:doctor,b:true]")
    #expect(Self.read(batch, "hamlets") == "l:[t:Thôn 1,n:1;t:Thôn 2,n:0]")
  }

  // MARK: The two read-back bugs of the forms

  @Test("Regression: a header containing '/' is tried whole as a label before the KoboToolbox prefix rule")
  func headerWithSlash() throws {
    let criteria = Self.criteria
    let input = try #require(criteria.schema.inputs.first { $0.label.vi.contains("QĐ 1300/QĐ-BYT") })
    let csv = "Mã xã;\(input.label.vi)\r\n07339;\(Self.sampleValue(input))\r\n"
    let batch = SurveyLoader.load(
      [SurveyFile(name: "xa.csv", format: .csv, bytes: Array(csv.utf8))], schema: criteria.schema)
    #expect(batch.diagnostics.filter { $0.severity == .error }.isEmpty)
    let slot = try #require(criteria.schema.index(of: input.name))
    guard case .missing = try #require(batch.records.first).values[slot] else { return }
    Issue.record("the value under '\(input.label.vi)' was lost")
  }

  static func sampleValue(_ input: InputDefinition) -> String {
    switch input.type {
    case .boolean: "Có"
    case .enumeration(let definition): definition.values[0].label.vi
    case .text: "x"
    default: "1"
    }
  }

  @Test("Regression: a list file with Vietnamese headers under another name (Nhân lực.csv) is a list, not stations")
  func listFileUnderAnotherName() throws {
    let header = try SurveyTemplate.csv(Self.criteria, language: .vi).get()
    let width = CSVReader.read(bytes: Array(header.utf8), file: "form.csv").columns.count
    let stations =
      header
      + (["07339", "Xã A", "xã", "", "", "2024"] + Array(repeating: "", count: width - 6))
      .joined(separator: ";") + "\r\n"
    let staff =
      try SurveyTemplate.csv(Self.criteria, language: .vi, list: "staff").get()
      + "07339;Nguyễn Văn An;Bác sĩ;Có\r\n07339;Trần Thị Bình;Y sĩ;Có\r\n"
    let batch = SurveyLoader.load(
      [
        SurveyFile(name: "Trạm.csv", format: .csv, bytes: Array(stations.utf8)),
        SurveyFile(name: "Nhân lực.csv", format: .csv, bytes: Array(staff.utf8)),
      ], schema: Self.schema)
    #expect(batch.records.map(\.code) == ["07339"])
    #expect(!batch.diagnostics.contains { $0.id == "survey.duplicate-station" || $0.id == "survey.missing-code" })
    guard case .list(let items)? = Self.value(batch, "staff") else {
      Issue.record("staff not joined")
      return
    }
    #expect(items.count == 2)
  }

  @Test("The CSV form neutralises labels that Excel would take for formulas, and reads them back")
  func csvFormNeutralised() {
    #expect(CSVReport.neutralized("=SUM(A1)") == "'=SUM(A1)")
    let reader = SurveyReader(schema: Self.schema)
    #expect(reader.fieldName("'=Dân số của xã") == reader.fieldName("=Dân số của xã"))
    #expect(reader.fieldName("Dân số của xã\n(người; số nguyên ≥ 0)") == "population")
  }

  // MARK: Positions and paths

  @Test("JSON diagnostics name the sheet and the cell")
  func jsonSheetAndCell() throws {
    let bytes = try TestWorkbook(DistrictWorkbook.sheets(station: [3: t("abc")])).bytes()
    let result = Checker(criteria: Self.criteria, asOf: TestSupport.asOf).readingWorkbooks()
      .run([SurveyFile(name: "Xã-2024.xlsx", format: .xlsx, bytes: bytes)])
    let json = try ReportFormat.json.renderer(ReportOptions(language: .vi)).render(result)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
    let errors = try #require(object["errors"] as? [[String: Any]])
    let error = try #require(errors.first { $0["id"] as? String == "survey.not-a-number" })
    #expect(error["sheet"] as? String == "Trạm y tế")
    #expect(error["cell"] as? String == "D2")
    #expect(error["line"] as? Int == 2)
    #expect(error["column"] as? Int == 4)
  }

  @Test("Without a workbook reader, a workbook is one clear diagnostic and one record lost")
  func noWorkbookReader() throws {
    let bytes = try TestWorkbook(DistrictWorkbook.sheets()).bytes()
    let result = Checker(criteria: Self.criteria, asOf: TestSupport.asOf)
      .run([SurveyFile(name: "Xã.xlsx", format: .xlsx, bytes: bytes)])
    #expect(result.batch.diagnostics.map(\.id) == ["survey.workbook-unsupported"])
    #expect(result.batch.rejected == 1)
  }

  @Test("A missing path suggests the nearest existing one")
  func nearestPath() throws {
    let run = try CLI.run(["check", "--criteria", "Criteria/ct25-2030.yaml", "--lang", "en", "Samples/tan-yen-2025x"])
    #expect(run.status == 2)
    #expect(
      run.stderr.contains("Samples/tan-yen-2025x: error: no such file or folder (did you mean Samples/tan-yen-2025?)"))
  }

  @Test("tieuchi template --format xlsx writes a form that lists the communes and reads back")
  func templateCommand() throws {
    let output = NSTemporaryDirectory() + "tieuchi-form-\(UUID().uuidString).xlsx"
    defer { try? FileManager.default.removeItem(atPath: output) }
    let run = try CLI.run([
      "template", "--criteria", "Criteria/ct25-2030.yaml", "--format", "xlsx", "--communes",
      "../shared/data/tan_yen_bac_giang_2024-11.csv", "--output", output,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let workbook = try XLSXReader().read([UInt8](try #require(FileManager.default.contents(atPath: output))))
    #expect(
      workbook.sheets.map(\.name) == ["Trạm y tế", "Nhân lực của trạm y tế", "Thôn, bản, tổ dân phố", "Hướng dẫn"])
    #expect(workbook.sheets[0].value(row: 2, column: 1) == .text("07303"))
    let check = try CLI.run(["check", "--criteria", "Criteria/ct25-2030.yaml", "--summary", output])
    #expect(check.stderr.isEmpty, "\(check.stderr)")
    #expect(check.stdout.contains("07303"))
  }
}
