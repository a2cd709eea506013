import Foundation
import Testing

@testable import TieuChi

/// A check streamed through its report (`Checker.stream`: stations read, evaluated and written a window at a
/// time, then let go) must write the very bytes of the report of the whole result, and finish with the same
/// totals, groups and diagnostics: on every criteria set and sample, and on a batch that spans several windows
/// with a duplicate, a broken row, list rows in no order and one that matches no station, and a grouping field
/// that only appears after the first windows (so the report waits for it).
@Suite("A streamed check writes the report of the whole result")
struct CheckStreamTests {
  static let renderers: [(String, any CommuneStreamRenderer)] = [
    ("jsonl", JSONLinesReport(ReportOptions())), ("json", JSONReport(ReportOptions())),
    ("csv", CSVReport(ReportOptions())),
    ("summary", TextReport(ReportOptions(summaryOnly: true))),
    ("summary en", TextReport(ReportOptions(language: .en, summaryOnly: true))),
  ]

  static let criteriaFiles = [
    "Criteria/ct25-2030.yaml", "Criteria/ct05-2030.yaml", "Criteria/kl111-2025.yaml", "Criteria/nq20-2030.yaml",
    "Criteria/qd1300-2030.yaml",
  ]

  static let samples = [
    "Samples/tan-yen-2024", "Samples/tan-yen-2024-csv", "Samples/tan-yen-2025", "Samples/muong-te-2025",
    "Samples/ct05-tan-yen-2025", "Samples/kobo-json", "Samples/qd1300-scored-2025", "Samples/dong-nai-2025",
  ]

  /// The streamed report and result against the whole result's, for one check.
  static func compare(
    _ checker: Checker, paths: [String], context: String, window: StreamWindow = StreamWindow(),
    renderers: [(String, any CommuneStreamRenderer)] = renderers
  ) throws {
    let whole = checker.run(
      SurveyLoader.load(paths: paths, schema: checker.schemas.station, groupSchema: checker.schemas.group))
    for (name, renderer) in renderers {
      let (files, found) = SurveyLoader.surveyFiles(paths: paths)
      var streamed: [UInt8] = []
      var writtenBeforeFinish = -1
      let result = checker.stream(
        files, into: found, renderer: renderer, window: window,
        finished: { _ in writtenBeforeFinish = streamed.count }, write: { streamed += $0 })
      let expected = try renderer.renderParts(whole).flatMap { $0 }
      // Compared apart, so that a failure names where they part rather than printing megabytes.
      let same = streamed == expected
      let parting =
        zip(streamed, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(streamed.count, expected.count)
      #expect(same, "\(context) \(name): \(streamed.count) bytes against \(expected.count), apart from byte \(parting)")
      // Counted as they came, not kept: the counts, groups and verdict are the whole result's.
      #expect(result.communes.isEmpty, "\(context) \(name)")
      #expect(Self.counts(result.summary) == Self.counts(whole.summary), "\(context) \(name)")
      #expect(result.allPass == whole.allPass, "\(context) \(name)")
      #expect(result.groups.map(Self.described) == whole.groups.map(Self.described), "\(context) \(name)")
      #expect(result.batch.diagnostics.map(\.id) == whole.batch.diagnostics.map(\.id), "\(context) \(name)")
      #expect(result.batch.rejected == whole.batch.rejected, "\(context) \(name)")
      #expect(result.groupBy == whole.groupBy, "\(context) \(name)")
      #expect(result.groups.map(\.status) == whole.groups.map(\.status), "\(context) \(name)")
      #expect(result.summary.records == whole.summary.records, "\(context) \(name)")
      // The text summary is written whole after the problems are known; the others as they come.
      if name.hasPrefix("summary") { #expect(writtenBeforeFinish == 0, "\(context) \(name)") }
    }
  }

  /// Every count of a summary, in its order, as text.
  static func counts(_ summary: Summary) -> [String] {
    let statuses = { (counts: [CommuneStatus: Int]) in CommuneStatus.allCases.map { "\(counts[$0] ?? 0)" } }
    return ["\(summary.records) \(summary.evaluated) \(summary.rejected) \(summary.errors) \(summary.warnings)"]
      + [statuses(summary.communes).joined(separator: " ")]
      + summary.indicators.map { id, counts in
        id + ": " + IndicatorStatus.allCases.map { "\(counts[$0] ?? 0)" }.joined(separator: " ")
      }
      + summary.groups.map { "\($0.key ?? "-") \($0.total): " + statuses($0.communes).joined(separator: " ") }
  }

  /// A group's key, year, verdict, size and indicators' statuses, as text.
  static func described(_ group: GroupResult) -> String {
    "\(group.key ?? "-") \(group.year.map(String.init) ?? "-") \(group.status) \(group.communes): "
      + group.indicators.map { "\($0.id) \($0.status) \($0.actual.map { "\($0)" } ?? "-")" }.joined(separator: ", ")
  }

  @Test(arguments: criteriaFiles)
  func samplesStreamAsTheyRender(criteria file: String) throws {
    let criteria = try TestSupport.criteria(file)
    for sample in Self.samples {
      for year in [nil, 2030] {
        let checker = Checker(criteria: criteria, year: year, asOf: TestSupport.asOf)
        // Windows of 2 chunks of 2 stations: a sample of 22 communes crosses several.
        try Self.compare(
          checker, paths: [TestSupport.path(sample)], context: "\(file) \(sample) \(year ?? 0)",
          window: StreamWindow(chunk: 2, chunks: 2))
      }
    }
  }

  @Test func aBigHostileBatchStreamsAsItRenders() throws {
    // 3,000 stations in windows of 4 chunks of 64; a district only from station 2,700 on, so the grouping (and
    // with it the CSV report's group column and the JSON Lines head) is known only in the eleventh window.
    var stations = ["code;name;province;district;year;population;insured;phc_users;phc_users_insured"]
    var staff = ["code;name;role;permanent"]
    for index in 0..<3_000 {
      let code = String(format: "%05d", index)
      let district = index >= 2_700 ? "Huyện \(index % 5)" : ""
      let population = 1_000 + index % 977
      stations.append(
        "\(code);Xã \(index);Tỉnh \(index % 3);\(district);2025;\(population);\(population - index % 11);500;\(490 + index % 13)"
      )
      if index % 4 != 0 { staff.append("\(code);Người \(index);doctor;\(index % 9 == 0 ? "FALSE" : "TRUE")") }
    }
    stations.insert(stations[1_234], at: 2_500)  // a duplicate, rejected, naming the first
    stations.insert("99999;Xã hỏng;Tỉnh 1;;2025;không rõ;1;2;3;4;5", at: 1_500)  // a broken row
    staff.append("77777;Không có trạm;nurse;TRUE")  // a list row for no station
    staff = [staff[0]] + staff.dropFirst().reversed()  // list rows in no station's order
    let folder = try CLITests.scratch([
      "stations.csv": stations.joined(separator: "\n") + "\n", "staff.csv": staff.joined(separator: "\n") + "\n",
    ])
    let criteria = try TestSupport.criteria()
    try Self.compare(
      Checker(criteria: criteria, year: 2030, asOf: TestSupport.asOf), paths: [folder], context: "big",
      window: StreamWindow(chunk: 64, chunks: 4))
    try Self.compare(
      Checker(criteria: criteria, year: 2030, groupBy: "province", asOf: TestSupport.asOf), paths: [folder],
      context: "big by province", window: StreamWindow(chunk: 64, chunks: 4), renderers: [Self.renderers[0]])
  }

  /// No station at all (a broken file, a table with a header only): every report still whole, the JSON
  /// document's list empty and the document valid.
  @Test func aBatchWithoutCommunesStreamsAsItRenders() throws {
    let folder = try CLITests.scratch(["a.yaml": "code: \"1\"\nname: [\n", "b.csv": "code;name\n"])
    let checker = Checker(criteria: try TestSupport.criteria(), year: 2030, asOf: TestSupport.asOf)
    try Self.compare(checker, paths: [folder], context: "empty")
    let (files, found) = SurveyLoader.surveyFiles(paths: [folder])
    var streamed: [UInt8] = []
    _ = checker.stream(files, into: found, renderer: JSONReport(ReportOptions())) { streamed += $0 }
    let document = try #require(try JSONSerialization.jsonObject(with: Data(streamed)) as? [String: Any])
    #expect((document["communes"] as? [Any])?.isEmpty == true)
    #expect((document["errors"] as? [Any])?.isEmpty == false)
  }
}
