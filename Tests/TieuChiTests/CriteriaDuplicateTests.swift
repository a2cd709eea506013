import Foundation
import Testing

@testable import TieuChi

@Suite("Duplicate ids in a criteria file")
struct CriteriaDuplicateTests {
  /// A valid set with every kind of id: 2️⃣ marks the first declaration, 1️⃣ the repeat (added by each case).
  static let base = """
    id: dup
    title: "Duplicates"
    source: {document: demo, clause: "1"}
    inputs:
      population: count
      insured: count
      zone: {type: enum, values: [a, b]}
    rules:
      - {id: part, check: "insured <= population"}
    groups:
      - {id: g1, title: "G1", max_points: 10}
    indicators:
      - id: bhyt
        title: "BHYT"
        measure: insured / population
        unit: percent
        targets: {2025: ">= 90%", 2030: ">= 95%"}
        points: 10
        group: g1
    pass_rule: {min_points_percent: 80}
    examples:
      - name: "đạt"
        station: {population: 100, insured: 96}
        expect: {bhyt: pass}
      - name: "trượt"
        station: {population: 100, insured: 80}
        expect: {bhyt: fail}
    """

  @Test(
    "A repeated id is an error at the repeat, with a note at the first declaration",
    arguments: [
      (
        "- {id: g1, title: \"G1\"", "- {id: 2️⃣g1, title: \"G1\", max_points: 10}\n  - {id: 1️⃣g1, title: \"G1\"",
        "criteria.duplicate-group-id"
      ),
      ("- {id: part,", "- {id: 2️⃣part, check: \"population >= 0\"}\n  - {id: 1️⃣part,", "criteria.duplicate-rule-id"),
      ("values: [a, b]", "values: [2️⃣a, b, 1️⃣a]", "criteria.duplicate-enum-value"),
      ("- name: \"trượt\"", "- name: 1️⃣\"đạt\"", "criteria.duplicate-example-name"),
      ("{2025: \">= 90%\", 2030:", "{2️⃣2025: \">= 90%\", 1️⃣02025:", "criteria.duplicate-milestone-year"),
    ])
  func duplicate(old: String, new: String, id: String) throws {
    #expect(Self.base.contains(old), "\(old)")
    var marked = Self.base.replacingOccurrences(of: old, with: new)
    if !new.contains("2️⃣") {
      // The example case: the first "đạt" is the first declaration.
      marked = marked.replacingOccurrences(of: "- name: \"đạt\"", with: "- name: 2️⃣\"đạt\"")
    }
    let source = MarkedSource(marked)
    let (set, diagnostics) = TestSupport.criteria(yaml: source.text)
    #expect(set == nil)
    expectDiagnostics(diagnostics, [ExpectedDiagnostic(DiagnosticID(id), at: "1️⃣")], in: source)
    let note = try #require(diagnostics.first?.notes.first)
    let first = try #require(source.positions["2️⃣"])
    #expect(note.location == SourceLocation(file: "inline-criteria.yaml", line: first.line, column: first.column))
  }

  @Test("Two indicators with one id, even of different levels, are an error with a note at the first")
  func duplicateIndicator() throws {
    let source = MarkedSource(
      Self.base
        .replacingOccurrences(of: "  - id: bhyt", with: "  - id: 2️⃣bhyt")
        .replacingOccurrences(
          of: "pass_rule:",
          with: """
              - {id: 1️⃣bhyt, title: "Again", level: group, measure: "count(communes)", target: ">= 1"}
            pass_rule:
            """))
    let (set, diagnostics) = TestSupport.criteria(yaml: source.text)
    #expect(set == nil)
    expectDiagnostics(diagnostics, [ExpectedDiagnostic("criteria.duplicate-indicator-id", at: "1️⃣")], in: source)
    let first = try #require(source.positions["2️⃣"])
    #expect(diagnostics.first?.notes.first?.location?.line == first.line)
    #expect(diagnostics.first?.notes.first?.location?.column == first.column)
    #expect(diagnostics.first?.rendered(in: .en).contains("\nnote: ") == false)
    #expect(diagnostics.first?.rendered(in: .en).contains(": note: first declared here") == true)
  }

  /// Two groups with one id used to crash `check` under a points rule, and `lint` called the file valid.
  @Test("lint and check refuse a file with two groups of one id, without crashing")
  func duplicateGroupsInTheCommand() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tieuchi-dup-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let yaml = Self.base.replacingOccurrences(
      of: "- {id: g1, title: \"G1\", max_points: 10}",
      with: "- {id: g1, title: \"G1\", max_points: 10}\n  - {id: g1, title: \"G1 again\", max_points: 5}")
    try Data(yaml.utf8).write(to: URL(fileURLWithPath: folder + "/dup.yaml"))
    try Data("- {code: \"1\", name: \"Xã A\", population: 100, insured: 96}\n".utf8)
      .write(to: URL(fileURLWithPath: folder + "/data.yaml"))
    let lint = try CLI.run(["lint", "--lang", "en", folder + "/dup.yaml"])
    #expect(lint.status == 3, "\(lint.stdout)")
    #expect(lint.stdout.contains("group 'g1' is declared twice"), "\(lint.stdout)")
    let check = try CLI.run(["check", "--criteria", folder + "/dup.yaml", folder + "/data.yaml"])
    #expect(check.status != 0)
    #expect(check.status < 128, "check crashed")
  }
}
