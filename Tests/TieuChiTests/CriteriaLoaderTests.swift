import Foundation
import Testing

@testable import TieuChi

/// The 1-based line and column of the first occurrence of `needle` (after `after`, if given).
func position(of needle: String, in text: String, after: String? = nil) -> (line: Int, column: Int) {
  var searchStart = text.startIndex
  if let after, let range = text.range(of: after) { searchStart = range.upperBound }
  guard let range = text.range(of: needle, range: searchStart..<text.endIndex) else { return (0, 0) }
  let before = text[..<range.lowerBound]
  let line = before.filter { $0 == "\n" }.count + 1
  let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
  return (line, text.unicodeScalars[lineStart..<range.lowerBound].count + 1)
}

@Suite("Loading criteria files")
struct CriteriaLoaderTests {
  /// A small valid set; tests replace one line to break it.
  static let valid = """
    id: demo
    title: {vi: "Bộ thử", en: "Demo"}
    source: {document: ct25-tan-yen, clause: "I.3"}
    inputs:
      population: {type: count, label: {vi: "Dân số", en: "Population"}}
      insured: count
      zone: {type: enum, values: ["1", "2", "3"]}
      staff:
        type: list
        item_name: name
        fields:
          name: text
          role: {type: enum, values: [doctor, nurse]}
          permanent: boolean
    rules:
      - {id: insured-le-pop, check: "insured <= population"}
    indicators:
      - id: bhyt
        title: "BHYT"
        measure: insured / population
        unit: percent
        targets: {2025: "đạt 95%", 2030: "trên 99,5%"}
      - id: doctor
        title: "Doctor"
        source: "I.3 (1)"
        measure: count(staff where role == "doctor" and permanent)
        target: ">= 1"
        applies_when: zone != "3"
    """

  static func load(_ yaml: String) -> (CriteriaSet?, [Diagnostic]) {
    TestSupport.criteria(yaml: yaml)
  }

  @Test("Every shipped criteria file loads without a diagnostic")
  func shippedFiles() throws {
    let files = try #require(try? FileManagerShim.yamlFiles(in: TestSupport.path("Criteria")))
    #expect(!files.isEmpty)
    for file in files {
      let (set, diagnostics) = CriteriaLoader.load(path: file)
      #expect(set != nil, "\(file)")
      #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.rendered(in: .en) })")
    }
  }

  @Test("The design-card set has the indicator ids scripts depend on, each citing its clause")
  func ct25Ids() throws {
    let criteria = try TestSupport.criteria()
    #expect(criteria.id == "ct25-2030")
    #expect(criteria.source.document == "ct25-tan-yen")
    #expect(
      criteria.indicators.map(\.id) == [
        "doctor", "village-health-worker", "bhyt-coverage", "phc-bhyt", "health-managed", "ehealth-book",
        "telemedicine", "high-risk-checked", "district-ehealth-records",
        "communes-national-criteria",
      ])
    #expect(criteria.indicators.map(\.level) == Array(repeating: .commune, count: 8) + [.group, .group])
    #expect(criteria.indicators.allSatisfy { $0.clause.hasPrefix("I.3") || $0.clause.hasPrefix("II.2.5") })
    let bhyt = try #require(criteria.indicators.first { $0.id == "bhyt-coverage" })
    #expect(bhyt.milestones.last?.target.comparator == .greater)
    #expect(bhyt.milestones.last?.target.threshold == Rational(199, 200))
  }

  @Test("The small valid set loads, with milestones sorted and ≥ / > read from Vietnamese words")
  func validSet() throws {
    let (set, diagnostics) = Self.load(Self.valid)
    #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.rendered(in: .en) })")
    let criteria = try #require(set)
    let bhyt = criteria.indicators[0]
    #expect(bhyt.milestones.map(\.year) == [2025, 2030])
    #expect(bhyt.milestones.map(\.target.comparator) == [.greaterOrEqual, .greater])
    #expect(bhyt.clause == "I.3")
    #expect(criteria.indicators[1].clause == "I.3 (1)")
  }

  /// `valid` with `old` replaced by `new`, which carries the markers.
  static func marked(replacing old: String, with new: String) -> MarkedSource {
    #expect(valid.contains(old), "'\(old)' is not in the valid set")
    return MarkedSource(valid.replacingOccurrences(of: old, with: new))
  }

  static func load(_ source: MarkedSource) -> (CriteriaSet?, [Diagnostic]) {
    TestSupport.criteria(yaml: source.text)
  }

  @Test("A misspelt key is one error at its position with a suggestion, not also a missing key")
  func typoInKey() throws {
    let source = Self.marked(
      replacing: "  - id: bhyt\n    title: \"BHYT\"\n    measure:",
      with: "  - id: bhyt\n    title: \"BHYT\"\n    1️⃣mesure:")
    let (set, diagnostics) = Self.load(source)
    #expect(set == nil)
    expectDiagnostics(diagnostics, [ExpectedDiagnostic("criteria.unknown-key", at: "1️⃣")], in: source)
    #expect(diagnostics.first?.hint?.en == "did you mean 'measure'?")
  }

  @Test("A key that is just missing is still reported")
  func missingKey() throws {
    let source = Self.marked(
      replacing: "  - id: bhyt\n    title: \"BHYT\"\n    measure:",
      with: "  - 1️⃣id: bhyt\n    title: \"BHYT\"\n    formula:")
    expectDiagnostics(
      Self.load(source).1,
      [ExpectedDiagnostic("criteria.unknown-key"), ExpectedDiagnostic("criteria.missing-key", at: "1️⃣")], in: source)
  }

  @Test("One typo, one error: a broken indicator is not reported again where examples name it")
  func noCascadeFromIndicator() throws {
    let yaml = try String(contentsOfFile: TestSupport.path("Criteria/ct25-2030.yaml"), encoding: .utf8)
    let broken = yaml.replacingOccurrences(
      of: "    measure: insured / population", with: "    mesure: insured / population")
    #expect(broken != yaml)
    let (set, diagnostics) = TestSupport.criteria(yaml: broken)
    #expect(set == nil)
    #expect(diagnostics.map(\.id) == ["criteria.unknown-key"], "\(diagnostics.map { $0.rendered(in: .en) })")
  }

  @Test("One typo, one error: an input renamed in its declaration is reported at its first use, the others as notes")
  func noCascadeFromInput() throws {
    let yaml = try String(contentsOfFile: TestSupport.path("Criteria/ct25-2030.yaml"), encoding: .utf8)
    let broken = yaml.replacingOccurrences(of: "\n  insured:", with: "\n  insurd:")
    #expect(broken != yaml)
    let (set, diagnostics) = TestSupport.criteria(yaml: broken)
    #expect(set == nil)
    #expect(diagnostics.map(\.id) == ["expression.unknown-field"], "\(diagnostics.map { $0.rendered(in: .en) })")
    #expect(diagnostics.first?.hint?.en == "did you mean 'insurd'?")
    #expect(diagnostics.first?.notes.count == 1)
  }

  @Test("An unknown field in an expression points into the expression and suggests the input")
  func typoInExpression() throws {
    let source = Self.marked(
      replacing: "measure: insured / population", with: "measure: insured / 1️⃣popluation")
    let (_, diagnostics) = Self.load(source)
    expectDiagnostics(diagnostics, [ExpectedDiagnostic("expression.unknown-field", at: "1️⃣")], in: source)
    #expect(diagnostics.first?.hint?.en == "did you mean 'population'?")
  }

  @Test("A misspelt enum value in a condition is caught at load time")
  func typoInEnumLiteral() throws {
    let source = Self.marked(replacing: "role == \"doctor\"", with: "role == 1️⃣\"docter\"")
    let (_, diagnostics) = Self.load(source)
    expectDiagnostics(diagnostics, [ExpectedDiagnostic("expression.unknown-enum-value", at: "1️⃣")], in: source)
    #expect(diagnostics.first?.hint?.en == "did you mean 'doctor'?")
  }

  @Test(
    "Type and syntax errors in expressions are reported at the token",
    arguments: [
      ("insured 1️⃣+ (population > 0)", "expression.arithmetic-on-non-number"),
      ("1️⃣staff / population", "expression.list-as-value"),
      ("count(1️⃣population)", "expression.not-a-list"),
      ("insured / population 1️⃣and true", "expression.needs-condition"),
      ("1️⃣role == \"doctor\"", "expression.unknown-field"),
      ("insured / (population1️⃣", "expression.expected-symbol"),
      ("insured / population1️⃣)", "expression.trailing-text"),
      ("insured 1️⃣@ population", "expression.unexpected-character"),
      ("1️⃣\"abc", "expression.unterminated-string"),
      ("sum(staff.1️⃣role)", "expression.non-numeric-field"),
      ("sum(staff.1️⃣rank)", "expression.sum-needs-field"),
      ("1️⃣- (zone == \"1\")", "expression.negate-non-number"),
      ("zone 1️⃣< \"1\"", "expression.ordering-non-numbers"),
      ("insured 1️⃣== \"1\"", "expression.incomparable-types"),
      ("any(staff1️⃣)", "expression.missing-condition"),
      ("1️⃣passed(\"bhyt\")", "expression.passed-outside-communes"),
      ("count(1️⃣3)", "expression.aggregate-needs-list"),
      ("insured / 1️⃣*", "expression.expected-value"),
      ("1️⃣and", "expression.missing-operand"),
      ("baseline(1️⃣baseline(insured))", "expression.nested-baseline"),
      ("count(staff where 1️⃣any(staff, permanent))", "expression.nested-aggregate"),
      ("insured / 1️⃣12.3.4", "expression.invalid-number"),
    ])
  func expressionErrors(measure: String, id: String) throws {
    let source = Self.marked(replacing: "measure: insured / population", with: "measure: '\(measure)'")
    let (set, diagnostics) = Self.load(source)
    #expect(set == nil)
    expectDiagnostics(diagnostics, [ExpectedDiagnostic(DiagnosticID(id), at: "1️⃣")], in: source)
  }

  @Test("A target without comparator, or given to a yes/no measure, is refused with an explanation")
  func badTargets() throws {
    let bare = Self.marked(replacing: "2030: \"trên 99,5%\"", with: "2030: 1️⃣\"99,5%\"")
    expectDiagnostics(
      Self.load(bare).1, [ExpectedDiagnostic("criteria.target-without-comparator", at: "1️⃣")], in: bare)
    let yesNo = Self.marked(
      replacing: "measure: count(staff where role == \"doctor\" and permanent)\n    target: \">= 1\"",
      with: "measure: any(staff, role == \"doctor\" and permanent)\n    target: 1️⃣\">= 1\"")
    expectDiagnostics(Self.load(yesNo).1, [ExpectedDiagnostic("criteria.target-on-condition", at: "1️⃣")], in: yesNo)
  }

  @Test("Missing citations and undeclared groups are errors")
  func structuralErrors() throws {
    let uncited = MarkedSource(
      Self.valid
        .replacingOccurrences(of: "source: {document: ct25-tan-yen, clause: \"I.3\"}", with: "source: ct25-tan-yen")
        .replacingOccurrences(of: "  - id: bhyt", with: "  - 1️⃣id: bhyt"))
    expectDiagnostics(Self.load(uncited).1, [ExpectedDiagnostic("criteria.missing-clause", at: "1️⃣")], in: uncited)
    let group = Self.marked(replacing: "    unit: percent", with: "    unit: percent\n    group: 1️⃣g1")
    expectDiagnostics(Self.load(group).1, [ExpectedDiagnostic("criteria.unknown-group", at: "1️⃣")], in: group)
  }

  @Test("Malformed YAML is reported with its position, never a crash")
  func malformedYAML() throws {
    let tabbed = Self.valid.replacingOccurrences(of: "  insured: count", with: "\tinsured: count")
    let (set, diagnostics) = Self.load(tabbed)
    #expect(set == nil)
    let error = try #require(diagnostics.first)
    #expect(error.location?.line == position(of: "\tinsured", in: tabbed).line)
    #expect(error.message.en.lowercased().contains("tab"))

    for broken in ["", "id: [", "- just\n- a list", "id: demo\nid: again", ": :", "\u{0}\u{1}\u{2}"] {
      let (set, diagnostics) = Self.load(broken)
      #expect(set == nil)
      #expect(!diagnostics.isEmpty)
      #expect(diagnostics.allSatisfy { $0.location != nil })
    }
  }

  @Test(
    "Each kind of problem in a criteria file has its id, at the place it is",
    arguments: [
      ("2030: \"trên 99,5%\"", "1️⃣20x0: \"trên 99,5%\"", "criteria.not-a-year"),
      (
        "targets: {2025: \"đạt 95%\", 2030: \"trên 99,5%\"}", "targets: 1️⃣[\"đạt 95%\"]",
        "criteria.targets-not-a-mapping"
      ),
      ("zone: {type: enum, values: [\"1\", \"2\", \"3\"]}", "zone: {type: enum, values: 1️⃣[]}", "criteria.empty-enum"),
      ("  insured: count", "  insured: count\n  1️⃣Extra: count", "criteria.invalid-input-name"),
      ("population: {type: count,", "population: {type: count, 1️⃣values: [a],", "criteria.key-not-for-type"),
      ("permanent: boolean", "permanent: {type: 1️⃣list, fields: {a: count}}", "criteria.nested-list"),
      ("item_name: name", "item_name: 1️⃣nome", "criteria.unknown-item-name"),
      ("applies_when: zone != \"3\"", "applies_when: 1️⃣zone", "criteria.applies-when-not-a-condition"),
      ("check: \"insured <= population\"", "check: 1️⃣\"insured\"", "criteria.check-not-a-condition"),
      ("    unit: percent", "    unit: percent\n    gap: {unit: 1️⃣peple}", "criteria.unknown-gap-unit"),
      ("target: \">= 1\"", "target: 1️⃣\">= 1%\"", "criteria.target-unit-mismatch"),
      ("title: \"BHYT\"", "title: \"BHYT\"\n    level: 1️⃣province", "criteria.unknown-level"),
      ("id: demo", "id: 1️⃣Demo", "criteria.invalid-id"),
      ("    unit: percent", "    unit: percent\n    mandatory: 1️⃣yes", "criteria.not-a-boolean"),
    ])
  func criteriaErrors(old: String, new: String, id: String) throws {
    let source = Self.marked(replacing: old, with: new)
    let (set, diagnostics) = Self.load(source)
    #expect(set == nil)
    expectDiagnostics(diagnostics, [ExpectedDiagnostic(DiagnosticID(id), at: "1️⃣")], in: source)
  }

  @Test("`responsible:` is read as a label, one string for both languages or {vi, en}, and is optional")
  func responsible() throws {
    let both = Self.valid
      .replacingOccurrences(of: "    title: \"BHYT\"", with: "    title: \"BHYT\"\n    responsible: \"UBND xã\"")
      .replacingOccurrences(
        of: "    title: \"Doctor\"",
        with: "    title: \"Doctor\"\n    responsible: {vi: \"Trung tâm Y tế huyện\", en: \"District health centre\"}")
    let (set, diagnostics) = Self.load(both)
    #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.rendered(in: .en) })")
    let criteria = try #require(set)
    #expect(
      criteria.indicators.map(\.responsible) == [
        LocalizedText(vi: "UBND xã", en: "UBND xã"),
        LocalizedText(vi: "Trung tâm Y tế huyện", en: "District health centre"),
      ])
    let plain = try #require(Self.load(Self.valid).0)
    #expect(plain.indicators.allSatisfy { $0.responsible == nil })
  }

  @Test(
    "A `responsible:` that is no label is an error at its value",
    arguments: [
      ("responsible: 1️⃣[\"UBND xã\", \"BHXH huyện\"]", "criteria.responsible-not-a-label"),
      ("responsible: 1️⃣~", "criteria.responsible-not-a-label"),
      ("responsible: 1️⃣\"  \"", "criteria.responsible-empty"),
      ("responsible: 1️⃣{vi: \"UBND xã\", en: \"\"}", "criteria.responsible-empty"),
      ("responsible: {vi: \"UBND xã\", 1️⃣fr: \"CPC\"}", "criteria.unknown-key"),
      ("responsible: 1️⃣{en: \"Commune People's Committee\"}", "criteria.missing-key"),
      ("1️⃣responsable: \"UBND xã\"", "criteria.unknown-key"),
    ])
  func responsibleErrors(line: String, id: String) throws {
    let source = Self.marked(replacing: "    title: \"BHYT\"", with: "    title: \"BHYT\"\n    " + line)
    let (set, diagnostics) = Self.load(source)
    #expect(set == nil)
    expectDiagnostics(diagnostics, [ExpectedDiagnostic(DiagnosticID(id), at: "1️⃣")], in: source)
  }

  @Test("Unknown input types and units come with a suggestion")
  func suggestions() throws {
    let type = Self.marked(replacing: "insured: count", with: "insured: 1️⃣cout")
    let (_, typeDiagnostics) = Self.load(type)
    expectDiagnostics(typeDiagnostics, [ExpectedDiagnostic("criteria.unknown-input-type", at: "1️⃣")], in: type)
    #expect(typeDiagnostics.first?.hint?.en == "did you mean 'count'?")
    let unit = Self.marked(replacing: "unit: percent", with: "unit: 1️⃣percnt")
    let (_, unitDiagnostics) = Self.load(unit)
    expectDiagnostics(unitDiagnostics, [ExpectedDiagnostic("criteria.unknown-unit", at: "1️⃣")], in: unit)
    #expect(unitDiagnostics.first?.hint?.en == "did you mean 'percent'?")
  }
}

enum FileManagerShim {
  static func yamlFiles(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder)
      .filter { $0.hasSuffix(".yaml") }
      .sorted()
      .map { folder + "/" + $0 }
  }
}
