import Foundation
import Testing

@testable import TieuChi

@Suite("tieuchi lint")
struct LintTests {
  static let base = """
    id: lint-demo
    title: "Lint demo"
    source: {document: ct25-tan-yen, clause: "I.3"}
    inputs:
      population: count
      insured: count
      unused_field: count
    rules:
      - {id: part-of-whole, check: "insured <= population"}
    groups:
      - {id: g1, title: "G1", max_points: 10}
    indicators:
      - id: coverage
        title: "Coverage"
        measure: insured / population
        unit: percent
        targets: {2025: "> 100%", 2030: ">= 99%"}
        points: 4
        group: g1
    pass_rule: {min_points_percent: 80}
    """

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
    let messages = try Self.lint(Self.base).map(\.message.en)
    #expect(messages.contains { $0.contains("criterion 'g1' is worth 10 points but its indicators carry 4: 6 points") })
    #expect(messages.contains { $0.contains("target '> 100%' (2025) can never be met") })
    #expect(messages.contains { $0.contains("the 2030 target ('>= 99%') is looser than the 2025 one ('> 100%')") })
    #expect(messages.contains { $0.contains("input 'unused_field' is declared but no indicator or rule uses it") })
    #expect(messages.count == 4)
  }

  @Test("The same measure with different targets in two sets is a contradiction, with both places named")
  func contradiction() throws {
    let other = Self.base.replacingOccurrences(of: "id: lint-demo", with: "id: other")
      .replacingOccurrences(of: "2030: \">= 99%\"", with: "2030: \">= 98%\"")
    let found = try Self.lint(Self.base, others: [other]).filter { $0.message.en.contains("sets '") }
    #expect(found.count == 1)
    #expect(found.first?.message.en.contains("set0.yaml") == true)
    #expect(found.first?.location?.file == "set1.yaml")
  }

  @Test("The shipped criteria lint without errors; the CLI reports file:line:column and exits 1 on warnings")
  func shipped() throws {
    let run = try CLI.run(["lint", "--lang", "en", "Criteria"])
    // The shipped files carry deliberate warnings (qd1300's missing points, ct25's two BHYT targets).
    #expect(run.status == 1, "\(run.stdout)")
    #expect(run.stdout.contains(" 0 errors"))
    #expect(run.stdout.contains("Criteria/ct25-2030.yaml:") && run.stdout.contains(": warning: 'ct25-2030/bhyt-coverage' sets"))
    let clean = try CLI.run(["lint", "Criteria/ct25-2030.yaml"])
    #expect(clean.status == 0, "\(clean.stdout)")
  }

  @Test("Milestones out of year order are a warning; two targets for one year an error")
  func milestoneOrder() throws {
    let reversed = Self.base.replacingOccurrences(of: "targets: {2025: \"> 100%\", 2030: \">= 99%\"}", with: "targets: {2030: \">= 99%\", 2025: \">= 95%\"}")
    let (set, diagnostics) = TestSupport.criteria(yaml: reversed)
    #expect(set != nil)
    #expect(diagnostics.contains { $0.severity == .warning && $0.message.en.contains("not in year order (2030, 2025)") })
    let twice = Self.base.replacingOccurrences(of: "2030: \">= 99%\"", with: "2025: \">= 99%\"")
    let (broken, errors) = TestSupport.criteria(yaml: twice)
    #expect(broken == nil)
    #expect(!errors.isEmpty)
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
