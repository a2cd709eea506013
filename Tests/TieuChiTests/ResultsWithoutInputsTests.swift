import Foundation
import Synchronization
import Testing

@testable import TieuChi

/// A check for a report that needs the whole result (HTML, the full text, the workbook) keeps each commune's
/// results but not its inputs (`Checker.results(of:)`): its reports must be the very bytes of those of
/// `run(files)`, on every criteria set and sample, and on a batch with a duplicate, a broken row and list rows in
/// no order, read across many windows.
@Suite("Results kept without their inputs make the same reports")
struct ResultsWithoutInputsTests {
  static let renderers: [(String, any ReportRenderer)] = [
    ("text", TextReport(ReportOptions())), ("text en", TextReport(ReportOptions(language: .en))),
    ("html", HTMLReport(ReportOptions())), ("json", JSONReport(ReportOptions())),
  ]

  static func compare(_ checker: Checker, paths: [String], context: String, window: StreamWindow) throws {
    let whole = checker.run(
      SurveyLoader.load(paths: paths, schema: checker.schemas.station, groupSchema: checker.schemas.group))
    let (files, found) = SurveyLoader.surveyFiles(paths: paths)
    let lean = checker.results(of: files, into: found, window: window)
    // What the path is for: no commune holds what was read.
    #expect(lean.communes.allSatisfy { $0.record.values.isEmpty }, "\(context)")
    #expect(lean.batch.records.isEmpty, "\(context)")
    #expect(lean.batch.diagnostics.map(\.id) == whole.batch.diagnostics.map(\.id), "\(context)")
    #expect(lean.batch.rejected == whole.batch.rejected, "\(context)")
    for (name, renderer) in Self.renderers {
      let expected = try renderer.render(whole)
      let made = try renderer.render(lean)
      let parting =
        zip(made, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(made.count, expected.count)
      #expect(
        made == expected, "\(context) \(name): \(made.count) bytes against \(expected.count), apart from \(parting)")
    }
  }

  @Test(arguments: CheckStreamTests.criteriaFiles)
  func samples(criteria file: String) throws {
    let criteria = try TestSupport.criteria(file)
    for sample in CheckStreamTests.samples {
      for year in [nil, 2030] {
        try Self.compare(
          Checker(criteria: criteria, year: year, asOf: TestSupport.asOf), paths: [TestSupport.path(sample)],
          context: "\(file) \(sample) \(year ?? 0)", window: StreamWindow(chunk: 2, chunks: 2))
      }
    }
  }

  @Test func aHostileBatch() throws {
    var stations = ["code;name;province;district;year;population;insured;phc_users;phc_users_insured"]
    var hamlets = ["code;name;trained_health_workers"]
    for index in 0..<600 {
      let code = String(format: "%05d", index)
      stations.append(
        "\(code);Xã \(index);Tỉnh \(index % 3);Huyện \(index % 7);2025;\(1_000 + index);\(990 + index);500;\(490 + index % 13)"
      )
      hamlets.append("\(code);Thôn \(index);\(index % 5 == 0 ? 0 : 1)")
    }
    stations.insert(stations[123], at: 400)  // a duplicate
    stations.insert("99999;Xã hỏng;Tỉnh 1;;2025;không rõ;1;2;3", at: 300)  // a broken row
    hamlets = [hamlets[0]] + hamlets.dropFirst().reversed()
    let folder = try CLITests.scratch([
      "stations.csv": stations.joined(separator: "\n") + "\n", "hamlets.csv": hamlets.joined(separator: "\n") + "\n",
    ])
    try Self.compare(
      Checker(criteria: try TestSupport.criteria(), year: 2030, asOf: TestSupport.asOf), paths: [folder],
      context: "hostile", window: StreamWindow(chunk: 16, chunks: 3))
  }

  /// Told to stop (a server's time limit) after two chunks, it gives no result; never told to, it gives the
  /// plain one.
  @Test func stopping() throws {
    let checker = Checker(criteria: try TestSupport.criteria(), asOf: TestSupport.asOf)
    let paths = [TestSupport.path("Samples/tan-yen-2024-csv")]
    let evaluated = Mutex(0)
    let stopAfterTwo: @Sendable () -> Bool = {
      evaluated.withLock {
        $0 += 1
        return $0 > 2
      }
    }
    let (files, found) = SurveyLoader.surveyFiles(paths: paths)
    #expect(
      checker.results(of: files, into: found, window: StreamWindow(chunk: 1, chunks: 1), stoppingWhen: stopAfterTwo)
        == nil)
    let never: @Sendable () -> Bool = { false }
    let result = try #require(checker.results(of: files, into: found, stoppingWhen: never))
    #expect(
      result.communes.map(\.status)
        == checker.run(SurveyLoader.load(paths: paths, schema: checker.schemas.station)).communes.map(\.status))
  }
}
