import Foundation
import Testing

@testable import TieuChi

@Suite("tieuchi lint")
struct LintTests {
  /// A set that loads but trips every per-set check, each at its marker.
  static let marked = MarkedSource(
    """
    id: lint-demo
    title: "Lint demo"
    source: {document: ct25-tan-yen, clause: "I.3"}
    inputs:
      population: count
      insured: count
      1️⃣unused_field: count
    rules:
      - {id: part-of-whole, check: "insured <= population"}
    groups:
      - 2️⃣{id: g1, title: "G1", max_points: 10}
    indicators:
      - 3️⃣id: coverage
        title: "Coverage"
        measure: insured / population
        unit: percent
        targets: {2025: "> 100%", 2030: ">= 99%"}
        points: 4
        group: g1
    pass_rule: {min_points_percent: 80}
    """)
  static let base = marked.text

  static func lint(_ yaml: String, others: [String] = []) throws -> [Diagnostic] {
    var sets: [CriteriaSet] = []
    for (index, text) in ([yaml] + others).enumerated() {
      let (set, diagnostics) = TestSupport.criteria(yaml: text, file: "set\(index).yaml")
      sets.append(try #require(set, "\(diagnostics.map { $0.rendered(in: .en) })"))
    }
    return CriteriaLinter.lint(sets)
  }

  @Test("Points that do not add up, an impossible part-of-whole target, a loosening milestone, an unused input")
  func findings() throws {
    let findings = try Self.lint(Self.base)
    expectDiagnostics(
      findings,
      [
        ExpectedDiagnostic("lint.unused-input", at: "1️⃣", severity: .warning),
        ExpectedDiagnostic("lint.points-short-of-maximum", at: "2️⃣", severity: .warning),
        ExpectedDiagnostic("lint.impossible-target", at: "3️⃣", severity: .warning),
        ExpectedDiagnostic("lint.loosening-milestone", at: "3️⃣", severity: .warning),
      ],
      in: Self.marked)
    // The numbers are the point of the finding, whatever its wording.
    #expect(findings[1].message.en.contains("10") && findings[1].message.en.contains("4"))
  }

  @Test("Points over a group's maximum, points under an all-indicators rule, milestones in opposite directions")
  func otherFindings() throws {
    let yaml = Self.base
      .replacingOccurrences(of: "max_points: 10", with: "max_points: 3")
      .replacingOccurrences(of: "pass_rule: {min_points_percent: 80}", with: "pass_rule: {all_indicators: true}")
      .replacingOccurrences(of: "{2025: \"> 100%\", 2030: \">= 99%\"}", with: "{2025: \">= 90%\", 2030: \"< 5%\"}")
    #expect(
      try Self.lint(yaml).map(\.id) == [
        "lint.unused-input", "lint.points-over-maximum", "lint.unused-points", "lint.opposite-milestones",
      ])
  }

  @Test("The same measure with different targets in two sets is a contradiction, with both places named")
  func contradiction() throws {
    let other = Self.base.replacingOccurrences(of: "id: lint-demo", with: "id: other")
      .replacingOccurrences(of: "2030: \">= 99%\"", with: "2030: \">= 98%\"")
    let found = try Self.lint(Self.base, others: [other]).filter { $0.id == "lint.contradictory-targets" }
    #expect(found.count == 1)
    let indicator = try #require(Self.marked.positions["3️⃣"])
    #expect(found.first?.location == SourceLocation(file: "set1.yaml", line: indicator.line, column: indicator.column))
    #expect(
      found.first?.notes.first?.location
        == SourceLocation(file: "set0.yaml", line: indicator.line, column: indicator.column))
  }

  @Test("The shipped criteria lint without errors; the CLI reports file:line:column and exits 1 on warnings")
  func shipped() throws {
    let run = try CLI.run(["lint", "--lang", "en", "Criteria"])
    // The shipped files carry deliberate warnings (qd1300's missing points, ct25's two BHYT targets).
    #expect(run.status == 1, "\(run.stdout)")
    #expect(run.stdout.contains(" 0 errors"))
    #expect(
      run.stdout.contains("Criteria/ct25-2030.yaml:")
        && run.stdout.contains(": warning: 'ct25-2030/bhyt-coverage' sets"))
    let clean = try CLI.run(["lint", "Criteria/ct25-2030.yaml"])
    #expect(clean.status == 0, "\(clean.stdout)")
  }

  @Test("Milestones out of year order are a warning")
  func milestoneOrder() throws {
    let source = MarkedSource(
      Self.base.replacingOccurrences(
        of: "targets: {2025: \"> 100%\", 2030: \">= 99%\"}", with: "targets: 1️⃣{2030: \">= 99%\", 2025: \">= 95%\"}"))
    let (set, diagnostics) = TestSupport.criteria(yaml: source.text)
    #expect(set != nil)
    expectDiagnostics(
      diagnostics, [ExpectedDiagnostic("criteria.milestones-out-of-order", at: "1️⃣", severity: .warning)], in: source)
  }

  @Test("An invalid file makes lint exit 3 with the loader's errors")
  func invalid() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tieuchi-lint-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try Data(Self.base.replacingOccurrences(of: "    measure: insured", with: "    mesure: insured").utf8)
      .write(to: URL(fileURLWithPath: folder + "/bad.yaml"))
    let run = try CLI.run(["lint", folder])
    #expect(run.status == 3)
    #expect(run.stdout.contains("bad.yaml:15:5: lỗi: khóa 'mesure'"))
  }
}
