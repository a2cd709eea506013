import Foundation
import Synchronization
import Testing
// Deliberately not @testable: this is the library as another program (the web application, a script)
// sees it — public API only, no file system inside the library, no hidden clock.
import TieuChi
import TieuChiDocuments

@Suite("The library without the CLI")
struct LibraryFacadeTests {
  static func bytes(_ relative: String) throws -> [UInt8] {
    [UInt8](try #require(FileManager.default.contents(atPath: TestSupport.path(relative))))
  }

  @Test("Criteria from bytes (extends through a closure), survey files with their format, an explicit day")
  func wholePath() throws {
    // The strict set extends ct25-2030: the library asks for the parent through the closure.
    var asked: [String] = []
    let (loaded, diagnostics) = CriteriaLoader.load(
      CriteriaSource(name: "Criteria/ct25-2030-strict.yaml", bytes: try Self.bytes("Criteria/ct25-2030-strict.yaml"))
    ) { reference, from in
      asked.append(reference)
      #expect(from == "Criteria/ct25-2030-strict.yaml")
      return (try? Self.bytes("Criteria/" + reference)).map { CriteriaSource(name: "Criteria/" + reference, bytes: $0) }
    }
    #expect(asked == ["ct25-2030.yaml"])
    #expect(diagnostics.isEmpty)
    let criteria = try #require(loaded)
    #expect(criteria.id == "ct25-2030-strict")

    let files = try ["hamlets.csv", "staff.csv", "stations.csv"].map { name in
      SurveyFile(name: "upload/\(name)", format: .csv, bytes: try Self.bytes("Samples/tan-yen-2024-csv/\(name)"))
    }
    let asOf = try #require(CalendarDate("2025-06-30"))
    let result = Checker(criteria: criteria, asOf: asOf).run(files)
    #expect(result.asOf == asOf)
    #expect(result.summary.records == 6)
    #expect(result.summary.evaluated == 6)
    #expect(result.batch.diagnostics.isEmpty)
    #expect(result.communes.first?.record.location.file == "upload/stations.csv")
    // The strict variant: BHYT above 99,9 %.
    let coverage = try #require(result.communes.first?["bhyt-coverage"])
    #expect(coverage.milestone?.target.text.contains("99,9") == true)

    // Every format renders the same result; nothing needs the CLI.
    for format in ReportFormat.allCases {
      let document = try format.renderer(ReportOptions(language: .en)).render(result)
      #expect(!document.isEmpty, "\(format)")
    }
  }

  @Test("A run told to stop gives no result; one never told to gives the plain run's")
  func stopping() throws {
    let (loaded, _) = CriteriaLoader.load(
      CriteriaSource(name: "ct25-2030.yaml", bytes: try Self.bytes("Criteria/ct25-2030.yaml"))
    ) { _, _ in nil }
    let criteria = try #require(loaded)
    let files = try ["hamlets.csv", "staff.csv", "stations.csv"].map { name in
      SurveyFile(name: name, format: .csv, bytes: try Self.bytes("Samples/tan-yen-2024-csv/\(name)"))
    }
    let checker = Checker(criteria: criteria, asOf: try #require(CalendarDate("2025-06-30")))
    #expect(checker.run(files, stoppingWhen: { true }) == nil)
    let asked = Mutex(0)
    let ask: @Sendable () -> Bool = {
      asked.withLock { $0 += 1 }
      return false
    }
    let result = try #require(checker.run(files, stoppingWhen: ask))
    #expect(asked.withLock { $0 } >= 2)
    let plain = checker.run(files)
    #expect(result.communes.map { $0.status } == plain.communes.map { $0.status })
    #expect(result.summary.evaluated == 6)
  }

  @Test("The facade's text report is the CLI's, byte for byte")
  func sameAsCLI() throws {
    let (loaded, _) = CriteriaLoader.load(path: TestSupport.path("Criteria/ct25-2030.yaml"))
    let criteria = try #require(loaded)
    let file = SurveyFile(
      name: "Samples/tan-yen-2024/stations.yaml", format: .yaml,
      bytes: try Self.bytes("Samples/tan-yen-2024/stations.yaml"))
    let result = Checker(criteria: criteria, asOf: try #require(CalendarDate("2025-06-30"))).run([file])
    let text = String(decoding: try ReportFormat.text.renderer(ReportOptions()).render(result), as: UTF8.self)
    let golden = try String(
      contentsOfFile: TestSupport.path("Tests/Fixtures/expected/check-ct25-tan-yen-vi.out"), encoding: .utf8)
    #expect(text == golden)
  }
}
