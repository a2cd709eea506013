import Foundation
import Testing

@testable import TieuChi

/// The survey facade (`SurveyFile` with an explicit format) and the survey layer's diagnostics, asserted
/// by id at markers.
@Suite struct SurveyLoaderTests {
  static let schema = ReaderInvariants.schema

  static func load(_ source: MarkedSource, name: String = "t.yaml", format: SurveyFormat = .yaml) -> SurveyBatch {
    SurveyLoader.load([SurveyFile(name: name, format: format, bytes: source.bytes)], schema: schema)
  }

  // MARK: Formats

  @Test(
    arguments: [
      ("yaml", SurveyFormat.yaml), ("YML", .yaml), ("json", .json), ("Csv", .csv), ("XLSX", .xlsx), ("xls", nil),
      ("", nil),
    ] as [(String, SurveyFormat?)])
  func formatFromExtension(_ fileExtension: String, _ format: SurveyFormat?) {
    #expect(SurveyFormat(fileExtension: fileExtension) == format)
  }

  @Test("Files read from memory give the same batch as the same files read from disk")
  func inMemoryFilesMatchPaths() throws {
    let folder = TestSupport.path("Samples/tan-yen-2024-csv")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") }.sorted()
    #expect(names.count == 3)
    let files = try names.map { name in
      let path = folder + "/" + name
      let data = try #require(FileManager.default.contents(atPath: path))
      return SurveyFile(name: path, format: .csv, bytes: [UInt8](data))
    }
    let fromMemory = SurveyLoader.load(files, schema: Self.schema)
    let fromDisk = SurveyLoader.load(paths: [folder], schema: Self.schema)
    #expect(!fromMemory.records.isEmpty)
    #expect(fromMemory.files == fromDisk.files)
    #expect(fromMemory.rejected == fromDisk.rejected)
    #expect(fromMemory.diagnostics == fromDisk.diagnostics)
    #expect(fromMemory.records.map(\.code) == fromDisk.records.map(\.code))
    #expect(fromMemory.records.map(\.location) == fromDisk.records.map(\.location))
    #expect(
      fromMemory.records.map { String(describing: $0.values) } == fromDisk.records.map { String(describing: $0.values) }
    )
    // The staff list file was joined: a station has staff.
    let staff = try #require(Self.schema.index(of: "staff"))
    #expect(
      fromMemory.records.contains { if case .list(let items) = $0.values[staff] { !items.isEmpty } else { false } })
  }

  @Test func aFormatIsNeverGuessedFromTheName() {
    // An upload named .csv that holds JSON is read as the format the caller states.
    let batch = SurveyLoader.load(
      [SurveyFile(name: "upload.csv", format: .json, bytes: Array(#"{"code": "07339", "population": 5}"#.utf8))],
      schema: Self.schema)
    #expect(batch.diagnostics.isEmpty, "\(batch.diagnostics.map { $0.rendered(in: .en) })")
    #expect(batch.records.map(\.code) == ["07339"])
  }

  // MARK: File problems

  @Test func unreadableAndUnsupportedFilesAreWholeFileErrors() {
    let batch = SurveyLoader.load(
      files: [
        (path: "gone.yaml", bytes: nil), (path: "data.xls", bytes: [0xD0, 0xCF]),
        (path: "data.xlsx", bytes: [0x50, 0x4B]),
      ], schema: Self.schema)
    // Without a workbook reader (the core has none), a workbook is said to be unsupported, its records lost.
    #expect(
      batch.diagnostics.map(\.id) == [
        "survey.unreadable-file", "survey.unknown-file-type", "survey.workbook-unsupported",
      ])
    // The file that could not be read and the unsupported workbook each count as a record lost.
    #expect(batch.rejected == 2)
    #expect(
      batch.diagnostics.map(\.location) == [
        SourceLocation(file: "gone.yaml"), SourceLocation(file: "data.xls"), SourceLocation(file: "data.xlsx"),
      ])
    #expect(batch.diagnostics.map { $0.rendered(in: .en) }.allSatisfy { !$0.contains(":0") })
  }

  @Test func missingPathIsReported() {
    let batch = SurveyLoader.load(paths: ["/nonexistent/survey"], schema: Self.schema)
    #expect(batch.diagnostics.map(\.id) == ["survey.no-such-path"])
    #expect(batch.diagnostics.first?.location?.isWholeFile == true)
  }

  // MARK: Records and fields

  @Test func duplicateStationNotesTheFirstRecord() throws {
    let source = MarkedSource(
      """
      1️⃣code: "07339"
      population: 10
      ---
      2️⃣code: "07339"
      population: 11
      """)
    let batch = Self.load(source)
    expectDiagnostics(batch.diagnostics, [ExpectedDiagnostic("survey.duplicate-station", at: "2️⃣")], in: source)
    let note = try #require(batch.diagnostics.first?.notes.first)
    #expect(note.location == SourceLocation(file: "t.yaml", line: 1, column: 1))
    #expect(batch.rejected == 1)
  }

  @Test func fieldProblemsHaveTheirIds() {
    let source = MarkedSource(
      """
      code: "07339"
      population: 1️⃣abc
      insured: 2️⃣-5
      phc_users: 3️⃣12,5
      year: 4️⃣twenty
      staff:
        - {name: An, role: 5️⃣surgeon}
        - 6️⃣just a name
      """)
    let batch = Self.load(source)
    expectDiagnostics(
      batch.diagnostics,
      [
        ExpectedDiagnostic("survey.not-a-number", at: "1️⃣"),
        ExpectedDiagnostic("survey.negative-count", at: "2️⃣"),
        ExpectedDiagnostic("survey.not-a-whole-number", at: "3️⃣"),
        ExpectedDiagnostic("survey.invalid-year", at: "4️⃣"),
        ExpectedDiagnostic("survey.unknown-enum-value", at: "5️⃣"),
        ExpectedDiagnostic("survey.list-item-not-a-mapping", at: "6️⃣"),
      ], in: source)
    #expect(batch.records.count == 1)
  }

  @Test func missingCodeAndLostZeros() {
    let source = MarkedSource(
      """
      1️⃣name: no code
      ---
      code: 2️⃣7339
      """)
    let batch = Self.load(source)
    expectDiagnostics(
      batch.diagnostics,
      [
        ExpectedDiagnostic("survey.missing-code", at: "1️⃣"),
        ExpectedDiagnostic("survey.code-lost-leading-zeros", at: "2️⃣", severity: .warning),
      ], in: source)
  }

  @Test func listRowsWithoutAStation() {
    let stations = MarkedSource("code,population\n07339,5\n")
    let staff = MarkedSource("code,name,role\n1️⃣07301,An,doctor\n")
    let batch = SurveyLoader.load(
      [
        SurveyFile(name: "stations.csv", format: .csv, bytes: stations.bytes),
        SurveyFile(name: "staff.csv", format: .csv, bytes: staff.bytes),
      ], schema: Self.schema)
    expectDiagnostics(
      batch.diagnostics.filter { $0.id != "survey.inputs-not-provided" },
      [ExpectedDiagnostic("survey.unmatched-list-rows", at: "1️⃣")], in: staff)
  }

  // MARK: Readers' ids at markers

  @Test func csvIds() {
    let source = MarkedSource("code,population,1️⃣code\n07339,5,x\n07340,\"6\"2️⃣x,y\n07341,7\n3️⃣\"07342,8\n")
    let table = CSVReader.read(bytes: source.bytes, file: "t.csv")
    expectDiagnostics(
      table.diagnostics,
      [
        ExpectedDiagnostic("csv.duplicate-column-name", at: "1️⃣"),
        ExpectedDiagnostic("csv.text-after-quote", at: "2️⃣"),
        ExpectedDiagnostic("csv.field-count"),
        ExpectedDiagnostic("csv.unclosed-quote", at: "3️⃣"),
      ], in: source)
    #expect(table.diagnostics.first?.notes.first?.location == SourceLocation(file: "t.csv", line: 1, column: 1))
  }

  @Test func jsonIds() {
    let source = MarkedSource(#"{"code": "07339", 1️⃣"code": 2}"#)
    let parsed = JSONReader.read(bytes: source.bytes, file: "t.json")
    expectDiagnostics(parsed.diagnostics, [ExpectedDiagnostic("json.duplicate-key", at: "1️⃣")], in: source)
    let trailing = MarkedSource("[1, 2 1️⃣,]")
    expectDiagnostics(
      JSONReader.read(bytes: trailing.bytes, file: "t.json").diagnostics,
      [ExpectedDiagnostic("json.trailing-comma", at: "1️⃣")], in: trailing)
  }

  @Test func yamlIds() {
    let source = MarkedSource("code: 1\n1️⃣code: 2\nstaff: 2️⃣*nowhere\n")
    let parsed = YAMLReader.read(bytes: source.bytes, file: "t.yaml")
    expectDiagnostics(
      parsed.diagnostics,
      [ExpectedDiagnostic("yaml.duplicate-key", at: "1️⃣"), ExpectedDiagnostic("yaml.undefined-alias", at: "2️⃣")],
      in: source)
    let tab = MarkedSource("a:\n1️⃣\tb: 1\n")
    expectDiagnostics(
      YAMLReader.read(bytes: tab.bytes, file: "t.yaml").diagnostics,
      [ExpectedDiagnostic("yaml.tab-indentation", at: "1️⃣")],
      in: tab)
  }

  @Test func errorAtTheEndOfAFileWithoutALineBreakPointsAtItsLastLine() throws {
    let parsed = YAMLReader.read(bytes: Array("a: [1, 2".utf8), file: "t.yaml")
    let location = try #require(parsed.diagnostics.first?.location)
    #expect(location == SourceLocation(file: "t.yaml", line: 1, column: 9))
  }
}
