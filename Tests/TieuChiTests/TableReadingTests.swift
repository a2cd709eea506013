import Foundation
import Testing

@testable import TieuChi

/// Stations read straight from table rows (`SurveyReader.read(joined:station:plan:into:)`) must be exactly what
/// the tree walk reads from each station's document: the same records, values, attributes and diagnostics,
/// in the same order, for every shape a table can take.
@Suite("Tables read straight from their rows, as their documents read")
struct TableReadingTests {
  /// Every station of `files` read both ways, each described in full.
  static func bothWays(_ files: [(String, String)], criteria: CriteriaSet) -> (direct: String, documents: String) {
    bothWays(tables: files.map { CSVReader.read(bytes: Array($0.1.utf8), file: $0.0) }, criteria: criteria)
  }

  static func bothWays(tables: [Table], criteria: CriteriaSet) -> (direct: String, documents: String) {
    let reader = SurveyReader(
      schema: criteria.schema, groupSchema: criteria.hasGroupIndicators ? criteria.groupSchema : nil)
    var diagnostics: [Diagnostic] = []
    var rejected = 0
    let joined = TableJoin(schema: criteria.schema, reader: reader).stations(
      from: tables, diagnostics: &diagnostics, rejected: &rejected)
    let plan = reader.plan(for: joined)
    var direct = SurveyReader.Output()
    var documents = SurveyReader.Output()
    for index in joined.stations.indices {
      reader.read(joined: joined, station: index, plan: plan, into: &direct)
      reader.read(document: joined.document(index), into: &documents, reportsUnknownFields: false)
    }
    return (describe(direct), describe(documents))
  }

  static func describe(_ output: SurveyReader.Output) -> String {
    func line(_ diagnostic: Diagnostic) -> String {
      "\(diagnostic.id) \(diagnostic.severity) \(diagnostic.location.map { "\($0)" } ?? "-") \(diagnostic.message.vi)"
    }
    var text = "rejected \(output.rejected)\n"
    for record in output.records + output.groupRecords {
      let attributes = record.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      text += "\(record.location) \(record.code) \(record.name ?? "-") \(record.year.map(String.init) ?? "-")\n"
      text += "  attributes \(attributes)\n  values \(record.values)\n  waivers \(record.waivers.count)\n"
      for problem in record.problems { text += "  problem \(line(problem))\n" }
    }
    for diagnostic in output.diagnostics { text += line(diagnostic) + "\n" }
    return text
  }

  @Test func theTanYenSample() throws {
    let folder = TestSupport.path("Samples/tan-yen-2024-csv")
    let files = try ["stations.csv", "staff.csv", "hamlets.csv"].map { name in
      (name, try String(contentsOfFile: folder + "/" + name, encoding: .utf8))
    }
    for criteria in ["Criteria/ct25-2030.yaml", "Criteria/ct25-2030-strict.yaml", "Criteria/qd1300-2030.yaml"] {
      let (direct, documents) = Self.bothWays(files, criteria: try TestSupport.criteria(criteria))
      #expect(direct == documents, "\(criteria)")
      #expect(direct.contains("07303"))
    }
  }

  /// Bad values of every type, nulls, spaces, labels for headers, codes Excel shortened, a station without a
  /// code, list rows without a station, a station without list rows, unknown columns.
  @Test func valuesOfEveryKindGoodAndBad() throws {
    let stations = """
      Mã xã;name;district;year;Dân số;insured;meets_national_criteria;telemedicine_users;note
      07303;Xã A;Huyện 1;2024;4150;4139;TRUE;12;ghi chú
      7306; Xã B ;Huyện 1;20x4;-5;99,5;có;~;
      ;Xã C;Huyện 2;2024;100;NULL;maybe;1,5;a
      07309;Xã D;Huyện 2;1800;  ;abc;x;null;b
      07310;Xã E;;2024;1.000;990;k;3;c
      07311;Xã F;Huyện 3;;Null;;;;

      """
    let staff = """
      code;name;role;permanent;unknown_field
      07303;Người 1;doctor;TRUE;1
      07303;Người 2;bác sĩ;maybe;2
      7306;Người 3;nurse;không;3
      07306;Người 4;astronaut;;4
      99999;Người 5;doctor;TRUE;5
      07309; ;~;NULL;6

      """
    let hamlets = """
      code;name;trained_health_workers
      07303;Thôn 1;1
      07303;Thôn 2;-1
      07309;Thôn 3;1,5
      07309;Thôn 4;~
      07310;Thôn 5;ba

      """
    let criteria = try TestSupport.criteria()
    let (direct, documents) = Self.bothWays(
      [("stations.csv", stations), ("staff.csv", staff), ("hamlets.csv", hamlets)], criteria: criteria)
    #expect(direct == documents)
    // The checks saw the problems (not two empty readings).
    #expect(direct.contains("rejected 1"))
    #expect(direct.contains("survey.invalid-year"))
    #expect(direct.contains("hamlets[2].trained_health_workers"))
    #expect(direct.contains("staff[2].permanent"))
  }

  /// A station's list rows are kept as a run of neighbouring rows when they are one (`TableJoin.Joined.Rows`):
  /// rows scattered over a table, or over two tables of one list, must still all be joined, in table order and
  /// row order, with their own lines.
  @Test func scatteredListRowsKeepTheirOrder() throws {
    let stations = "code;name;population\n07303;Xã A;10\n07306;Xã B;20\n07309;Xã C;30\n"
    let staffA = "code;name;role\n07303;A1;doctor\n07306;B1;nurse\n07303;A2;nurse\n07303;A3;doctor\n07309;C1;nurse\n"
    let staffB = "code;name;role\n07309;C2;doctor\n07303;A4;nurse\n"
    let criteria = try TestSupport.criteria()
    let batch = SurveyLoader.load(
      [("stations.csv", stations), ("a-staff.csv", staffA), ("b-staff.csv", staffB)].map {
        SurveyFile(name: $0.0, format: .csv, bytes: Array($0.1.utf8))
      }, schema: criteria.schema)
    let slot = try #require(criteria.schema.index(of: "staff"))
    let staff = batch.records.map { record -> String in
      guard case .list(let items) = record.values[slot] else { return "\(record.code): no list" }
      return "\(record.code): " + items.map { "\($0.location.file):\($0.location.line)" }.joined(separator: " ")
    }
    #expect(
      staff == [
        "07303: a-staff.csv:2 a-staff.csv:4 a-staff.csv:5 b-staff.csv:3",
        "07306: a-staff.csv:3",
        "07309: a-staff.csv:6 b-staff.csv:2",
      ])
    let (direct, documents) = Self.bothWays(
      [("stations.csv", stations), ("a-staff.csv", staffA), ("b-staff.csv", staffB)], criteria: criteria)
    #expect(direct == documents)
  }

  /// Tables the direct reading hands to the tree walk (group records, waivers, a list's name as a column
  /// without a list table) still read the same.
  @Test func tablesReadThroughTheirDocuments() throws {
    let criteria = try TestSupport.criteria()
    let withLevel = "code;name;level;district;population\n07303;Xã A;;Huyện 1;10\n;Huyện 1;group;Huyện 1;5\n"
    let withWaivers = "code;name;waivers;population\n07303;Xã A;;10\n"
    let staffColumn = "code;name;staff;population\n07303;Xã A;3;10\n"
    for text in [withLevel, withWaivers, staffColumn] {
      let (direct, documents) = Self.bothWays([("stations.csv", text)], criteria: criteria)
      #expect(direct == documents)
    }
  }

  /// A sheet's cells holding Excel errors (`#N/A`) are present but no value, in stations and in lists.
  @Test func spreadsheetErrorCells() throws {
    let criteria = try TestSupport.criteria()
    var stations = Table(name: "xa.xlsx", sheet: "Trạm y tế", headerLine: 1)
    stations.columns = ["code", "name", "population", "insured"].enumerated().map { index, name in
      Table.Column(
        name: name, location: SourceLocation(file: "xa.xlsx", line: 1, column: index + 1, sheet: "Trạm y tế"))
    }
    var stationRows = Table.Builder()
    stationRows.append(line: 2, cells: ["07303", "Xã A", "#N/A", "10"], cellColumns: [1, 2, 3, 4], errorCells: [2])
    stationRows.append(
      line: 3, cells: ["07306", "#REF!", "5", "#DIV/0!"], cellColumns: [1, 2, 3, 4], errorCells: [1, 3])
    var hamlets = Table(name: "xa.xlsx", sheet: "hamlets", headerLine: 1)
    hamlets.columns = ["code", "name", "trained_health_workers"].enumerated().map { index, name in
      Table.Column(name: name, location: SourceLocation(file: "xa.xlsx", line: 1, column: index + 1, sheet: "hamlets"))
    }
    var hamletRows = Table.Builder()
    hamletRows.append(line: 2, cells: ["07303", "Thôn 1", "#VALUE!"], cellColumns: [1, 2, 3], errorCells: [2])
    stations.rows = Table.Rows(stationRows)
    hamlets.rows = Table.Rows(hamletRows)
    let (direct, documents) = Self.bothWays(tables: [stations, hamlets], criteria: criteria)
    #expect(direct == documents)
    #expect(direct.contains("#VALUE!"))
    #expect(direct.contains("#N/A"))
  }
}
