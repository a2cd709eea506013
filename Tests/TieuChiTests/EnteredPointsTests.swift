import Foundation
import Testing

@testable import TieuChi

/// The national set scored on the official sheet: the assessors' points per criterion come in as data
/// (`points: entered`) and the pass rule applies to them.
@Suite("Entered scores: the national set on the official scoring sheet")
struct EnteredPointsTests {
  @Test("The four designed scored sheets give the designed verdicts")
  func scoredSample() throws {
    let run = try CLI.runOnce([
      "check", "--criteria", "Criteria/qd1300-2030.yaml", "--as-of", "2025-06-30", "--format", "json",
      "Samples/qd1300-scored-2025",
    ])
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    let communes = try #require(run.json()["communes"] as? [[String: Any]])
    let status = Dictionary(
      uniqueKeysWithValues: communes.map { ($0["code"] as? String ?? "", $0["status"] as? String ?? "") })
    #expect(status == ["03433": "pass", "03436": "fail", "03439": "fail", "03440": "fail"])
    let byCode = Dictionary(uniqueKeysWithValues: communes.map { ($0["code"] as? String ?? "", $0) })
    // Thu Lũm: 78,5 points, 1,5 short of 80.
    let thuLum = try #require(byCode["03436"]?["score"] as? [String: Any])
    #expect(thuLum["earned"] as? Double == 78.5)
    #expect(thuLum["shortfall"] as? Double == 1.5)
    // Ka Lăng: criterion 7 at 2,5 of 6, half a point short of its 50 %.
    let kaLang = try #require(byCode["03439"]?["indicators"] as? [[String: Any]])
    let criterion7 = try #require(kaLang.first { $0["id"] as? String == "tc07-points" })
    #expect(criterion7["status"] as? String == "fail")
    #expect(criterion7["points_entered"] as? Bool == true)
    #expect((criterion7["gap"] as? [String: Any])?["amount"] as? Double == 0.5)
    // Tá Bạ: 92 points, but a knock-out failed.
    let taBa = try #require(byCode["03440"]?["indicators"] as? [[String: Any]])
    #expect(taBa.first { $0["id"] as? String == "no-knockout-failed" }?["status"] as? String == "fail")
    #expect(try run.json()["missing_points"] as? Int == 0, "the set is complete once the scores are entered")
  }

  @Test("A score above the criterion's maximum is an error naming the record, and leaves the criterion unknown")
  func outOfRange() throws {
    let criteria = try TestSupport.criteria("Criteria/qd1300-2030.yaml")
    let station = """
      code: "03433"
      points_tc01: 15
      points_tc02: 10
      points_tc03: 12
      points_tc04: 9
      points_tc05: 19
      points_tc06: 12
      points_tc07: 6
      points_tc08: 11
      points_tc09: 3
      points_tc10: 4
      knockout_failed: false
      """
    let batch = TestSupport.batch(station, schema: criteria.schema)
    let result = CheckResult(criteria: criteria, batch: batch, year: 2025, asOf: TestSupport.asOf)
    #expect(result.communes.first?.status == .incomplete)
    #expect(result.communes.first?["tc01-points"]?.status == .unknown)
    #expect(result.batch.diagnostics.map(\.id) == ["evaluation.entered-points-out-of-range"])
    #expect(result.batch.diagnostics.first?.location?.line == 1)
  }

  @Test("Where the file computes a criterion's points, they stand and a different entered score is reported")
  func computedPointsStand() throws {
    let yaml = """
      id: entered-demo
      title: "Entered demo"
      source: {document: qd1300-byt, clause: "Phụ lục"}
      inputs:
        doctors: count
        points_g1: number
      groups:
        - {id: g1, title: "G1", max_points: 10}
      indicators:
        - {id: doctor, title: "Doctor", group: g1, points: 10, measure: doctors, target: ">= 1"}
        - {id: g1-points, title: "G1 score", group: g1, points: entered, measure: points_g1, target: ">= 5"}
      pass_rule: {min_points_percent: 80}
      """
    let (set, diagnostics) = TestSupport.criteria(yaml: yaml)
    let criteria = try #require(set, "\(diagnostics.map { $0.rendered(in: .en) })")
    let batch = TestSupport.batch("code: \"00001\"\ndoctors: 1\npoints_g1: 6\n", schema: criteria.schema)
    let result = CheckResult(criteria: criteria, batch: batch, year: nil, asOf: TestSupport.asOf)
    let commune = try #require(result.communes.first)
    #expect(commune.status == .pass)
    #expect(commune.score?.earned == Rational(10), "the computed points count, not the entered 6")
    #expect(result.batch.diagnostics.map(\.id) == ["evaluation.entered-points-disagree"])
  }

  @Test("points: entered needs a criterion with a maximum and a single numeric input")
  func loaderChecks() {
    let source = MarkedSource(
      """
      id: bad
      title: "Bad"
      source: {document: qd1300-byt, clause: "1"}
      inputs: {a: number, b: number}
      indicators:
        - {id: x, title: "X", points: 1️⃣entered, measure: a + b, target: ">= 1"}
      pass_rule: {min_points_percent: 80}
      """)
    let (set, diagnostics) = TestSupport.criteria(yaml: source.text)
    #expect(set == nil)
    expectDiagnostics(
      diagnostics.filter { $0.id == "criteria.entered-points-need-group-and-input" },
      [ExpectedDiagnostic("criteria.entered-points-need-group-and-input", at: "1️⃣")], in: source)
  }
}
