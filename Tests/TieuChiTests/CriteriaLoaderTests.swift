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

  static func onlyError(_ yaml: String) throws -> Diagnostic {
    let (set, diagnostics) = load(yaml)
    #expect(set == nil)
    let errors = diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1, "\(errors.map { $0.rendered(in: .en) })")
    return try #require(errors.first)
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
        "doctor", "village-health-worker", "bhyt-coverage", "phc-bhyt", "health-managed", "ehealth-book", "telemedicine",
        "communes-national-criteria",
      ])
    #expect(criteria.indicators.map(\.level) == Array(repeating: .commune, count: 7) + [.group])
    #expect(criteria.indicators.allSatisfy { $0.clause.hasPrefix("I.3") })
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

  @Test("A misspelt key is an error at its position with a suggestion")
  func typoInKey() throws {
    let yaml = Self.valid.replacingOccurrences(of: "    measure: insured / population", with: "    mesure: insured / population")
    let (set, diagnostics) = Self.load(yaml)
    #expect(set == nil)
    let typo = try #require(diagnostics.first { $0.message.en.contains("unknown key 'mesure'") })
    let (line, column) = position(of: "mesure", in: yaml)
    #expect(typo.location == SourceLocation(file: "inline-criteria.yaml", line: line, column: column))
    #expect(typo.hint?.en == "did you mean 'measure'?")
  }

  @Test("An unknown field in an expression points into the expression and suggests the input")
  func typoInExpression() throws {
    let yaml = Self.valid.replacingOccurrences(of: "measure: insured / population", with: "measure: insured / popluation")
    let error = try Self.onlyError(yaml)
    let (line, column) = position(of: "popluation", in: yaml)
    #expect(error.location?.line == line)
    #expect(error.location?.column == column)
    #expect(error.hint?.en == "did you mean 'population'?")
  }

  @Test("A misspelt enum value in a condition is caught at load time")
  func typoInEnumLiteral() throws {
    let yaml = Self.valid.replacingOccurrences(of: "role == \"doctor\"", with: "role == \"docter\"")
    let error = try Self.onlyError(yaml)
    #expect(error.message.en.contains("'docter' is not one of the allowed values"))
    #expect(error.hint?.en == "did you mean 'doctor'?")
    #expect(error.location?.column == position(of: "\"docter\"", in: yaml).column)
  }

  @Test(
    "Type errors in expressions are reported",
    arguments: [
      ("insured + (population > 0)", "applies to numbers"),
      ("staff / population", "is a list"),
      ("count(population)", "is not a list"),
      ("insured / population and true", "needs a boolean"),
      ("role == \"doctor\"", "unknown field 'role'"),
      ("insured / (population", "expected ')'"),
      ("insured / population)", "unexpected ')'"),
      ("insured @ population", "unexpected character"),
      ("\"abc", "unterminated string"),
      ("sum(staff.role)", "is not a numeric field"),
    ])
  func typeErrors(measure: String, expected: String) throws {
    let yaml = Self.valid.replacingOccurrences(of: "measure: insured / population", with: "measure: '\(measure)'")
    let error = try Self.onlyError(yaml)
    #expect(error.message.en.contains(expected), "\(error.message.en)")
    #expect(error.location?.line == position(of: measure, in: yaml).line)
  }

  @Test("A target without comparator, or given to a yes/no measure, is refused with an explanation")
  func badTargets() throws {
    let bare = try Self.onlyError(Self.valid.replacingOccurrences(of: "2030: \"trên 99,5%\"", with: "2030: \"99,5%\""))
    #expect(bare.message.vi.contains("thiếu phép so sánh"))
    let yesNo = try Self.onlyError(
      Self.valid.replacingOccurrences(
        of: "measure: count(staff where role == \"doctor\" and permanent)",
        with: "measure: any(staff, role == \"doctor\" and permanent)"))
    #expect(yesNo.message.en.contains("takes no target"))
  }

  @Test("Duplicate indicator ids, missing citations and undeclared groups are errors")
  func structuralErrors() throws {
    let duplicate = try Self.onlyError(Self.valid.replacingOccurrences(of: "- id: doctor", with: "- id: bhyt"))
    #expect(duplicate.message.en.contains("declared twice"))
    let noSource = Self.valid
      .replacingOccurrences(of: "source: {document: ct25-tan-yen, clause: \"I.3\"}", with: "source: ct25-tan-yen")
    let uncited = try Self.onlyError(noSource)
    #expect(uncited.message.en.contains("has no 'source'"))
    let group = try Self.onlyError(Self.valid.replacingOccurrences(of: "    unit: percent", with: "    unit: percent\n    group: g1"))
    #expect(group.message.en.contains("group 'g1' is not declared"))
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

  @Test("Unknown input types and gap units come with a suggestion")
  func suggestions() throws {
    let type = try Self.onlyError(Self.valid.replacingOccurrences(of: "insured: count", with: "insured: cout"))
    #expect(type.hint?.en == "did you mean 'count'?")
    let unit = try Self.onlyError(Self.valid.replacingOccurrences(of: "unit: percent", with: "unit: percnt"))
    #expect(unit.hint?.en == "did you mean 'percent'?")
  }
}

import Foundation

enum FileManagerShim {
  static func yamlFiles(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder)
      .filter { $0.hasSuffix(".yaml") }
      .sorted()
      .map { folder + "/" + $0 }
  }
}
