import Foundation
import Testing

@testable import TieuChi

/// Expressions a hostile or careless criteria file can hold: refused with a clear error at load, never a
/// stack overflow in the parser or the evaluator.
@Suite("Hostile expressions")
struct HostileExpressionTests {
  static func criteria(measure: String) -> String {
    """
    id: hostile
    title: "Hostile"
    source: {document: test, clause: "1"}
    inputs: {a: count, b: count}
    indicators:
      - {id: x, title: "X", measure: '\(measure)', target: ">= 1"}
    """
  }

  @Test("Nested parentheses: 300 are too deep; 1,700 are refused as well, with one error and no crash")
  func nested() {
    let measure = { (count: Int) in String(repeating: "(", count: count) + "a" + String(repeating: ")", count: count) }
    let (set, diagnostics) = TestSupport.criteria(yaml: Self.criteria(measure: measure(300)))
    #expect(set == nil)
    #expect(diagnostics.map(\.id) == ["expression.too-deep"])
    let many = TestSupport.criteria(yaml: Self.criteria(measure: measure(1_700))).1
    #expect(many.count == 1)
    #expect(["expression.too-deep", "expression.too-long"].contains(many.first?.id.rawValue ?? ""))
  }

  @Test("11,000 terms in a flat chain: one error, too long")
  func flatChain() {
    let measure = Array(repeating: "a", count: 11_000).joined(separator: " + ")
    let (set, diagnostics) = TestSupport.criteria(yaml: Self.criteria(measure: measure))
    #expect(set == nil)
    #expect(diagnostics.map(\.id) == ["expression.too-long"])
  }

  @Test("Nested `not` and unary minus count as nesting too")
  func prefixes() {
    let nots = String(repeating: "not ", count: 500) + "a >= 1"
    #expect(TestSupport.criteria(yaml: Self.criteria(measure: nots)).1.map(\.id) == ["expression.too-deep"])
    let minus = String(repeating: "- ", count: 500) + "a"
    #expect(TestSupport.criteria(yaml: Self.criteria(measure: minus)).1.map(\.id) == ["expression.too-deep"])
  }

  @Test("The longest expression allowed loads and evaluates, on every core's stack")
  func longestAllowed() throws {
    // 500 terms: 999 tokens, a tree 499 deep, evaluated in parallel for many stations.
    let measure = Array(repeating: "a", count: 500).joined(separator: " + ")
    let (set, diagnostics) = TestSupport.criteria(yaml: Self.criteria(measure: measure))
    let criteria = try #require(set, "\(diagnostics.map { $0.rendered(in: .en) })")
    let stations = (1...2_000).map { "---\ncode: \"\(String(format: "%05d", $0))\"\na: 1\n" }.joined()
    let batch = TestSupport.batch(stations, schema: criteria.schema)
    let result = CheckResult(criteria: criteria, batch: batch, year: nil, asOf: TestSupport.asOf)
    #expect(result.communes.count == 2_000)
    #expect(
      result.communes.allSatisfy {
        $0["x"]?.actual.map { if case .number(let n) = $0 { n == Rational(500) } else { false } } == true
      })
  }
}

/// Numbers at the edge of 128 bits: every result is exact or reported, never a trap.
@Suite("Hostile numbers")
struct HostileNumberTests {
  @Test("A 39-digit target: the verdict is given, the gap is said to be too large to compute, no trap")
  func hugeTargets() throws {
    let yaml = """
      id: big
      title: "Big"
      source: {document: test, clause: "1"}
      inputs: {a: count}
      indicators:
        - {id: above, title: "Above", measure: a, target: "> 170141183460469231731687303715884105727"}
        - {id: below, title: "Below", measure: a, target: "< -170141183460469231731687303715884105727"}
      """
    let (set, diagnostics) = TestSupport.criteria(yaml: yaml)
    let criteria = try #require(set, "\(diagnostics.map { $0.rendered(in: .en) })")
    let commune = try TestSupport.evaluate("code: \"00001\"\na: 5\n", criteria: criteria)
    #expect(commune["above"]?.status == .fail)
    #expect(commune["below"]?.status == .fail)
    // The shortfall is there but too large to compute: said, not dropped, and never a trap.
    let above = try #require(commune["above"]?.gap)
    #expect(above.amount == nil && above.direction == .increase)
    #expect(try #require(commune["below"]?.gap).direction == .decrease)
    let phrases = ReportPhrases(criteria: criteria, language: .vi)
    #expect(phrases.gap(above) == "cần tăng một lượng quá lớn để tính chính xác")
  }
}
