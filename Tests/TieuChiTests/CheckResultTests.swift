import Testing

@testable import TieuChi

/// The result model as clients read it: by indicator id, with the reasons for an incomplete status
/// decided by the evaluator, and totals that never overflow in silence.
@Suite("Check results: by id, why incomplete, exact totals")
struct CheckResultTests {
  @Test("Indicator results are reachable by id, in the set's order, for communes and groups")
  func byId() throws {
    let criteria = try TestSupport.criteria()
    let batch = SurveyLoader.load(
      paths: [TestSupport.path("Samples/tan-yen-2024")], schema: criteria.schema,
      groupSchema: criteria.groupSchema)
    let result = Checker(criteria: criteria, asOf: TestSupport.asOf).run(batch)
    let commune = try #require(result.communes.first)
    #expect(commune.indicators.map(\.id) == criteria.indicators.filter { $0.level == .commune }.map(\.id))
    let coverage = try #require(commune["bhyt-coverage"])
    #expect(coverage.id == "bhyt-coverage")
    #expect(criteria.indicators[coverage.index].id == "bhyt-coverage")
    #expect(commune["communes-national-criteria"] == nil, "a group indicator is not a commune's")
    let group = try #require(result.group(of: commune))
    #expect(group.key == "Huyện Tân Yên")
    #expect(group["communes-national-criteria"]?.status == .fail)
    #expect(result.groups[key: "Huyện Tân Yên", year: 2024]?.communes == 22)
  }

  @Test("An incomplete commune says why: missing inputs, broken rules, an incomplete set")
  func incompleteReasons() throws {
    let criteria = try TestSupport.criteria()
    let missing = try TestSupport.evaluate(passingStation(remove: ["ehealth_book"]), criteria: criteria)
    #expect(missing.status == .incomplete)
    #expect(missing.incompleteReasons == [.missingData(inputs: ["ehealth_book"])])
    #expect(missing.missingInputs == ["ehealth_book"])

    let broken = try TestSupport.evaluate(passingStation(set: ["health_managed": "99999"]), criteria: criteria)
    #expect(broken.status == .incomplete)
    #expect(broken.incompleteReasons == [.inconsistentData(rules: ["managed-within-population"])])

    let passing = try TestSupport.evaluate(passingStation(), criteria: criteria)
    #expect(passing.status == .pass)
    #expect(passing.incompleteReasons.isEmpty)

    let (loaded, problems) = TestSupport.criteria(yaml: try IncompleteSetTests.withoutScores())
    let national = try #require(loaded, "\(problems.map { $0.rendered(in: .en) })")
    let batch = SurveyLoader.load(
      paths: [TestSupport.path("Samples/qd1300-muong-te-2025")], schema: national.schema)
    let result = Checker(criteria: national, asOf: TestSupport.asOf).run(batch)
    let incomplete = try #require(result.communes.first { $0.status == .incomplete })
    #expect(incomplete.incompleteReasons.contains(.incompleteCriteria(missingPoints: Rational(100))))
  }

  @Test("Point totals that do not fit in 128 bits leave the commune incomplete, never a pass on a cut total")
  func overflowingPoints() throws {
    let huge = "100000000000000000000000000000000000000"  // 10^38: two of them overflow Int128
    let yaml = """
      id: overflow-points
      title: "Overflow"
      source: {document: test, clause: "1"}
      inputs: {a: count, b: count}
      groups: [{id: g, title: "G"}]
      indicators:
        - {id: i1, title: "I1", measure: "a >= 1", points: \(huge), group: g}
        - {id: i2, title: "I2", measure: "b >= 1", points: \(huge), group: g}
      pass_rule: {min_points_percent: 80}
      """
    let (set, diagnostics) = TestSupport.criteria(yaml: yaml)
    let criteria = try #require(set, "\(diagnostics.map { $0.rendered(in: .en) })")
    let commune = try TestSupport.evaluate("code: \"00001\"\na: 1\nb: 1\n", criteria: criteria)
    #expect(commune.status == .incomplete)
    #expect(commune.incompleteReasons == [.numberTooLarge])
    let text = TextReport(ReportOptions(language: .en)).communeSection(
      commune, criteria: criteria, phrases: ReportPhrases(criteria: criteria, language: .en))
    #expect(text.contains("too large to compute exactly"))
    #expect(!text.contains("once data is supplied"))
  }
}
