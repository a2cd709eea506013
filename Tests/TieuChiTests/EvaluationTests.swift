import Testing

@testable import TieuChi

@Suite("Evaluating ct25-2030 for one station")
struct EvaluationTests {
  let criteria: CriteriaSet

  init() throws {
    criteria = try TestSupport.criteria()
  }

  @Test("A station meeting every target passes, with no gaps")
  func passing() throws {
    let result = try TestSupport.evaluate(passingStation(), criteria: criteria)
    #expect(result.status == .pass)
    #expect(result.indicators.allSatisfy { $0.status == .pass && $0.gap == nil })
    #expect(result.indicators.count == 8)
  }

  @Test(
    "BHYT coverage is strictly above 99.5 %, and the gap is the smallest whole number of people",
    arguments: [
      // population, insured, status, gap
      (8000, 7960, IndicatorStatus.fail, 1),  // exactly 99.5 %
      (8000, 7961, .pass, 0),
      (12850, 12700, .fail, 86),  // needs > 12785.75, so 12786
      (200, 199, .fail, 1),
      (1000, 995, .fail, 1),
      (1000, 996, .pass, 0),
    ])
  func bhytBoundary(population: Int, insured: Int, status: IndicatorStatus, gap: Int) throws {
    let result = try TestSupport.evaluate(
      passingStation(set: [
        "population": "\(population)", "insured": "\(insured)", "health_managed": "\(population)",
        "ehealth_book": "\(population)", "telemedicine_users": "\(population)",
        "ehealth_records": "\(population)",
      ]),
      criteria: criteria)
    let bhyt = try #require(result.indicator("bhyt-coverage", in: criteria))
    #expect(bhyt.status == status)
    if gap > 0 {
      let found = try #require(bhyt.gap)
      #expect(found.amount == Rational(gap))
      #expect(found.direction == .increase)
      #expect(found.unit?.vi == "người tham gia BHYT")
    } else {
      #expect(bhyt.gap == nil)
    }
  }

  @Test("An assistant doctor or a non-permanent doctor does not count as a permanent doctor")
  func doctorMustBePermanent() throws {
    for staff in [
      "\n  - {name: \"Lê Văn Cường\", role: assistant_doctor, permanent: true}",
      "\n  - {name: \"Lê Văn Cường\", role: doctor, permanent: false}",
      "\n  - {name: \"Lê Văn Cường\", role: \"Y sĩ\", permanent: true}",
    ] {
      let result = try TestSupport.evaluate(passingStation(set: ["staff": staff]), criteria: criteria)
      let doctor = try #require(result.indicator("doctor", in: criteria))
      #expect(doctor.status == .fail)
      #expect(doctor.gap?.amount == Rational(1))
      #expect(result.status == .fail)
    }
  }

  @Test("One certain permanent doctor decides 'doctor' even when another staff member's status is missing")
  func boundsDecideDespiteMissingData() throws {
    let staff = """

        - {name: "A", role: doctor, permanent: true}
        - {name: "B", role: doctor}
      """
    let decided = try TestSupport.evaluate(passingStation(set: ["staff": staff]), criteria: criteria)
    #expect(decided.indicator("doctor", in: criteria)?.status == .pass)

    let undecided = try TestSupport.evaluate(
      passingStation(set: ["staff": "\n  - {name: \"B\", role: doctor}"]), criteria: criteria)
    let doctor = try #require(undecided.indicator("doctor", in: criteria))
    #expect(doctor.status == .unknown)
    #expect(doctor.reasons == [.missing(FieldPath(input: "staff", item: 1, itemName: "B", field: "permanent"))])
    #expect(undecided.status == .incomplete)
  }

  @Test("The hamlets lacking a trained health worker are named in the gap")
  func hamletsLacking() throws {
    let hamlets = """

        - {name: "Thôn Đồng Lạc", trained_health_workers: 0}
        - {name: "Thôn Kép", trained_health_workers: 1}
        - {name: "Thôn Đình", trained_health_workers: 0}
      """
    let result = try TestSupport.evaluate(passingStation(set: ["hamlets": hamlets]), criteria: criteria)
    let indicator = try #require(result.indicator("village-health-worker", in: criteria))
    #expect(indicator.status == .fail)
    #expect(indicator.gap?.items == ["Thôn Đồng Lạc", "Thôn Đình"])
    #expect(indicator.gap?.amount == Rational(2))
  }

  @Test("A missing field is unknown, never zero: the commune is incomplete and names the field")
  func missingField() throws {
    let result = try TestSupport.evaluate(passingStation(remove: ["ehealth_book"]), criteria: criteria)
    let indicator = try #require(result.indicator("ehealth-book", in: criteria))
    #expect(indicator.status == .unknown)
    #expect(indicator.reasons == [.missing(FieldPath(input: "ehealth_book"))])
    #expect(result.status == .incomplete)
    #expect(result.missingInputs == ["ehealth_book"])

    let empty = try TestSupport.evaluate(passingStation(set: ["ehealth_book": ""]), criteria: criteria)
    #expect(empty.indicator("ehealth-book", in: criteria)?.status == .unknown)
  }

  @Test("A failing indicator outweighs missing data: the commune fails")
  func failBeatsUnknown() throws {
    let result = try TestSupport.evaluate(
      passingStation(set: ["telemedicine_users": "100"], remove: ["ehealth_book"]), criteria: criteria)
    #expect(result.status == .fail)
  }

  @Test("A broken consistency rule makes the indicators using its inputs unknown, naming the rule")
  func consistencyRule() throws {
    let result = try TestSupport.evaluate(passingStation(set: ["health_managed": "10001"]), criteria: criteria)
    #expect(result.violations.map(\.rule) == ["managed-within-population"])
    for id in ["health-managed", "bhyt-coverage", "ehealth-book", "telemedicine"] {
      let indicator = try #require(result.indicator(id, in: criteria))
      #expect(indicator.status == .unknown, "\(id)")
      #expect(indicator.reasons.contains(.inconsistent(rule: "managed-within-population")), "\(id)")
    }
    #expect(result.indicator("doctor", in: criteria)?.status == .pass)
    #expect(result.indicator("phc-bhyt", in: criteria)?.status == .pass)
    #expect(result.status == .incomplete)
  }

  @Test("A zero population is a division by zero: unknown, not a pass or a crash")
  func zeroDenominator() throws {
    let result = try TestSupport.evaluate(
      passingStation(set: [
        "population": "0", "insured": "0", "health_managed": "0", "ehealth_book": "0",
        "telemedicine_users": "0", "ehealth_records": "0",
      ]),
      criteria: criteria)
    let bhyt = try #require(result.indicator("bhyt-coverage", in: criteria))
    #expect(bhyt.status == .unknown)
    #expect(bhyt.reasons == [.divisionByZero])
  }

  @Test("A negative count is unusable data, reported at its line and column")
  func negativeCount() throws {
    let yaml = passingStation(set: ["phc_users": "-5"])
    let batch = TestSupport.batch(yaml, schema: criteria.schema)
    let problem = try #require(batch.diagnostics.first { $0.severity == .error })
    let line =
      yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("phc_users:") }! + 1
    #expect(problem.location == SourceLocation(file: "survey.yaml", line: line, column: 12))
    #expect(problem.message.en.contains("cannot be negative"))
    let result = try TestSupport.evaluate(yaml, criteria: criteria)
    #expect(result.indicator("phc-bhyt", in: criteria)?.status == .unknown)
    #expect(result.record.problems.count == 1)
  }

  @Test("The evaluation year picks the milestone in force")
  func milestones() throws {
    let indicator = try #require(criteria.indicators.first { $0.id == "bhyt-coverage" })
    #expect(indicator.milestones.inForce(for: 2024)?.year == 2030)
    #expect(indicator.milestones.inForce(for: 2035)?.year == 2030)
    let result = try TestSupport.evaluate(passingStation(), criteria: criteria, year: 2030)
    #expect(result.year == 2030)
    #expect(result.indicator("bhyt-coverage", in: criteria)?.milestone?.year == 2030)
  }
}
