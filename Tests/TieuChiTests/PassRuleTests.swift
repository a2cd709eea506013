import Foundation
import Testing

@testable import TieuChi

/// Points, knock-out indicators and applicability, on a small set written for the purpose.
@Suite("Pass rules, points and applicability")
struct PassRuleTests {
  static let yaml = """
    id: points-demo
    title: "Points demo"
    source: {document: qd1300-2030, clause: "Phụ lục"}
    inputs:
      zone: {type: enum, values: ["1", "2", "3"]}
      population: count
      insured: count
      doctors: count
      midwives: count
    groups:
      - {id: nhan-luc, title: "Nhân lực", max_points: 6}
      - {id: bhyt, title: "BHYT", max_points: 4}
    indicators:
      - {id: doctor, title: "Doctor", group: nhan-luc, points: 4, mandatory: true, measure: doctors, target: ">= 1"}
      - {id: midwife, title: "Midwife", group: nhan-luc, points: 2, measure: midwives, target: ">= 1",
         applies_when: 'zone != "1"'}
      - {id: coverage, title: "BHYT", group: bhyt, points: 4, measure: insured / population, unit: percent,
         target: "đạt 90%"}
    pass_rule:
      min_points_percent: 80
      min_group_points_percent: 50
    """

  let criteria: CriteriaSet

  init() throws {
    let (set, diagnostics) = TestSupport.criteria(yaml: Self.yaml)
    criteria = try #require(set, "\(diagnostics.map { $0.rendered(in: .en) })")
  }

  func evaluate(_ fields: String) throws -> CommuneResult {
    try TestSupport.evaluate("code: \"03433\"\nyear: 2025\n" + fields, criteria: criteria)
  }

  @Test("All points earned: pass with a full score")
  func fullScore() throws {
    let result = try evaluate("zone: 2\npopulation: 100\ninsured: 95\ndoctors: 1\nmidwives: 1")
    #expect(result.status == .pass)
    #expect(result.score?.earned == Rational(10))
    #expect(result.score?.available == Rational(10))
  }

  @Test("A failed knock-out indicator fails the commune whatever its points")
  func knockOut() throws {
    let result = try evaluate("zone: 2\npopulation: 100\ninsured: 95\ndoctors: 0\nmidwives: 1")
    #expect(result.status == .fail)
    #expect(result.score?.earned == Rational(6))
  }

  @Test("Below 80 % of the applicable points fails; not-applicable points are not counted")
  func shares() throws {
    // zone 1: midwife does not apply, 8 points available; losing coverage leaves 4 of 8 = 50 %.
    let lost = try evaluate("zone: 1\npopulation: 100\ninsured: 89\ndoctors: 1\nmidwives: 0")
    #expect(lost.indicator("midwife", in: criteria)?.status == .notApplicable)
    #expect(lost.score?.available == Rational(8))
    #expect(lost.status == .fail)
    // zone 2: only the midwife missing: 8 of 10 = 80 % overall, and nhan-luc keeps 4 of 6 ≥ 50 %.
    let enough = try evaluate("zone: 2\npopulation: 100\ninsured: 90\ndoctors: 1\nmidwives: 0")
    #expect(enough.status == .pass)
    #expect(enough.score?.earned == Rational(8))
  }

  @Test("Unknown indicators make the commune incomplete only while the rule could still go either way")
  func unknownPoints() throws {
    // Coverage unknown: 6 certain points of 10; with coverage it would be 10 → incomplete.
    let open = try evaluate("zone: 2\npopulation: 100\ndoctors: 1\nmidwives: 1")
    #expect(open.status == .incomplete)
    #expect(open.score?.possible == Rational(10))
    // Coverage still unknown, but the knock-out doctor indicator fails: no outcome can pass.
    let lost = try evaluate("zone: 2\npopulation: 100\ndoctors: 0\nmidwives: 0")
    #expect(lost.status == .fail)
  }

  @Test("An unknown applicability condition leaves the indicator unknown, with the reason")
  func unknownApplicability() throws {
    let result = try evaluate("population: 100\ninsured: 95\ndoctors: 1\nmidwives: 1")
    let midwife = try #require(result.indicator("midwife", in: criteria))
    #expect(midwife.status == .unknown)
    #expect(midwife.reasons == [.missing(FieldPath(input: "zone"))])
  }
}

@Suite("Graded points and the cheapest way to pass")
struct GradedPointsTests {
  static let yaml = """
    id: graded
    title: "Graded"
    source: {document: qd1300-byt, clause: "Phụ lục"}
    inputs: {population: count, immunised: count, doctors: count, midwives: count, ncd: boolean}
    groups:
      - {id: g1, title: "G1", max_points: 10}
      - {id: g2, title: "G2", max_points: 10}
    indicators:
      - id: immunisation
        title: "Immunisation"
        group: g1
        measure: immunised / population
        unit: percent
        target: ">= 95%"
        points: [{target: ">= 95%", points: 6}, {target: ">= 90%", points: 3}]
      - {id: doctor, title: "Doctor", group: g1, points: 4, mandatory: true, measure: doctors, target: ">= 1"}
      - {id: midwife, title: "Midwife", group: g2, points: 6, measure: midwives, target: ">= 1"}
      - {id: ncd, title: "NCD", group: g2, points: 4, measure: ncd}
    pass_rule: {min_points_percent: 80, min_group_points_percent: 50}
    """

  let criteria: CriteriaSet

  init() throws {
    let (set, diagnostics) = TestSupport.criteria(yaml: Self.yaml)
    criteria = try #require(set, "\(diagnostics.map { $0.rendered(in: .en) })")
  }

  func evaluate(_ fields: String) throws -> CommuneResult {
    try TestSupport.evaluate("code: \"1\"\n" + fields, criteria: criteria)
  }

  @Test("Half the points at 90 %, full points at 95 %; the indicator itself still fails below 95 %")
  func grades() throws {
    let half = try evaluate("population: 100\nimmunised: 92\ndoctors: 1\nmidwives: 1\nncd: true")
    let immunisation = try #require(half.indicator("immunisation", in: criteria))
    #expect(immunisation.status == .fail)
    #expect(immunisation.points == Rational(3))
    #expect(half.score?.earned == Rational(17))
    #expect(half.status == .pass, "17 of 20 is 85 %, and each group keeps at least half")
    let none = try evaluate("population: 100\nimmunised: 89\ndoctors: 1\nmidwives: 1\nncd: true")
    #expect(none.indicator("immunisation", in: criteria)?.points == Rational(0))
  }

  @Test("A failing commune is told the fewest indicators to improve, knock-outs first")
  func cheapestFix() throws {
    // 3 + 0 + 0 + 4 = 7 of 20, doctor (knock-out) failed: fixing the doctor gives 11; midwife 6 more → 17.
    let result = try evaluate("population: 100\nimmunised: 91\ndoctors: 0\nmidwives: 0\nncd: true")
    #expect(result.status == .fail)
    #expect(result.cheapestFix == ["doctor", "midwife"])
  }
}

@Suite("An incomplete criteria set never certifies a commune")
struct IncompleteSetTests {
  /// The national set with its ten criteria but without the entered scores: what a file looks like
  /// while its indicators are not all encoded.
  static func withoutScores() throws -> String {
    let yaml = try String(contentsOfFile: TestSupport.path("Criteria/qd1300-2030.yaml"), encoding: .utf8)
    // Keep the header, inputs and groups and the two established indicators; drop the scores onward.
    let start = try #require(yaml.range(of: "  # The scores the assessors awarded"))
    let rule = try #require(yaml.range(of: "pass_rule:"))
    return String(yaml[..<start.lowerBound]) + "\n"
      + String(yaml[rule.lowerBound...])
      .replacingOccurrences(of: "\nexamples:", with: "\nexamples_removed:")
      .components(separatedBy: "\nexamples_removed:")[0]
  }

  @Test("A set whose criteria declare 100 points no indicator carries: every commune is at best incomplete")
  func nationalCriteria() throws {
    let (set, diagnostics) = TestSupport.criteria(yaml: try Self.withoutScores())
    let criteria = try #require(set, "\(diagnostics.map { $0.rendered(in: .en) })")
    #expect(criteria.groups.count == 10)
    #expect(criteria.groups.compactMap(\.maxPoints).reduce(Rational.zero) { $0.adding($1)! } == Rational(100))
    #expect(criteria.missingPoints.map(\.missing).reduce(Rational.zero) { $0.adding($1)! } == Rational(100))
    let folder = try CLITests.scratch(["national.yaml": try Self.withoutScores()])
    let run = try CLI.run([
      "check", "--criteria", folder + "/national.yaml", "--format", "json", "Samples/qd1300-muong-te-2025",
    ])
    #expect(run.status == 1)
    let json = try run.json()
    #expect(json["missing_points"] as? Int == 100)
    let communes = try #require(json["communes"] as? [[String: Any]])
    #expect(communes.count == 3)
    #expect(communes.allSatisfy { $0["status"] as? String == "incomplete" })
    let text = try CLI.run(["check", "--criteria", folder + "/national.yaml", "Samples/qd1300-muong-te-2025"])
    #expect(text.stdout.contains("Không xã nào có thể được công nhận đạt theo bộ này"))
  }

  @Test("With points still undefined, a commune can still be shown to fail")
  func failStillPossible() throws {
    let (set, diagnostics) = TestSupport.criteria(
      yaml: """
        id: partial
        title: "Partial"
        source: {document: qd1300-byt, clause: "Phụ lục"}
        inputs: {a: boolean, b: boolean}
        groups:
          - {id: g1, title: "G1", max_points: 10}
          - {id: g2, title: "G2", max_points: 10}
        indicators:
          - {id: a, title: "A", group: g1, points: 8, measure: a}
          - {id: b, title: "B", group: g1, points: 2, measure: b, mandatory: true}
        pass_rule: {min_points_percent: 80, min_group_points_percent: 50}
        """)
    let criteria = try #require(set, "\(diagnostics.map { $0.rendered(in: .en) })")
    #expect(criteria.missingPoints.map(\.group.id) == ["g2"])
    // Everything defined passes: still only incomplete, since g2's 10 points are undefined.
    #expect(try TestSupport.evaluate("code: \"1\"\na: true\nb: true", criteria: criteria).status == .incomplete)
    // A knock-out fails: fail, whatever the undefined points would be.
    #expect(try TestSupport.evaluate("code: \"1\"\na: true\nb: false", criteria: criteria).status == .fail)
    // Losing A (8 of g1's 10) leaves g1 below 50 % however g2 turns out.
    #expect(try TestSupport.evaluate("code: \"1\"\na: false\nb: true", criteria: criteria).status == .fail)
  }
}
