import Foundation
import Testing

/// `--format jsonl`: one JSON object per line, the JSON report's objects, nothing left out.
@Suite("The JSON Lines report")
struct JSONLinesReportTests {
  static let arguments = ["check", "--criteria", "Criteria/ct25-2030.yaml", "--as-of", "2025-06-30"]

  @Test("Every line is one object; the communes, groups, problems and summary are the JSON report's")
  func sameAsJSON() throws {
    let data = ["--baseline", "Samples/tan-yen-2024", "Samples/tan-yen-2025"]
    let lines = try CLI.run(Self.arguments + ["--format", "jsonl"] + data).stdout
    let whole = try CLI.run(Self.arguments + ["--format", "json"] + data).stdout
    let json = try #require(try JSONSerialization.jsonObject(with: Data(whole.utf8)) as? [String: Any])
    let objects = try lines.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
      try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
    }
    #expect(lines.hasSuffix("}\n"))
    let kinds = objects.map { $0["kind"] as? String ?? "?" }
    #expect(kinds.first == "report" && kinds.last == "summary")
    // In order: the report, the communes, the groups, the problems, the comparison, the summary.
    let order = ["report", "commune", "group", "error", "warning", "comparison", "summary"]
    #expect(
      kinds.map { kind in order.firstIndex(of: kind) ?? -1 }
        == kinds.map { kind in order.firstIndex(of: kind) ?? -1 }.sorted())
    func withoutKind(_ object: [String: Any]) -> NSDictionary {
      var object = object
      object["kind"] = nil
      return object as NSDictionary
    }
    let communes = objects.filter { $0["kind"] as? String == "commune" }.map(withoutKind)
    let expected = try #require(json["communes"] as? [[String: Any]]).map { $0 as NSDictionary }
    #expect(communes.count == 19)
    #expect(communes == expected)
    let groups = objects.filter { $0["kind"] as? String == "group" }.map(withoutKind)
    #expect(groups == (try #require(json["groups"] as? [[String: Any]])).map { $0 as NSDictionary })
    let warnings = objects.filter { $0["kind"] as? String == "warning" }.map(withoutKind)
    #expect(warnings == (try #require(json["warnings"] as? [[String: Any]])).map { $0 as NSDictionary })
    let summary = try #require(objects.last.map(withoutKind))
    #expect(summary == (try #require(json["summary"] as? [String: Any])) as NSDictionary)
    #expect(objects.first?["criteria"] as? String == "ct25-2030")
    #expect(objects.contains { $0["kind"] as? String == "comparison" })
  }
}
