import Foundation
import Testing

@testable import TieuChi

/// `Criteria/ct05-2030.yaml` (the preventive-medicine targets of the Bắc Giang district plan implementing
/// Directive 05-CT/TU, sections II.2 and III.4) and its sample `Samples/ct05-tan-yen-2025`: 22 real
/// communes of huyện Tân Yên with invented values, and the district's own record, year 2025.
@Suite("CT05 preventive-medicine criteria (ct05-2030) and the Tân Yên 2025 sample")
struct CT05CriteriaTests {
  static let file = "Criteria/ct05-2030.yaml"
  static let sample = "Samples/ct05-tan-yen-2025"

  static let communeIndicators = ["epi-vaccines", "ncd-services"]
  static let groupIndicators = [
    "child-malnutrition", "epi-coverage", "under5-mortality", "under1-mortality", "health-managed", "ncd-stations",
    "sex-ratio-at-birth", "sex-ratio-yearly-fall", "premarital-checkup", "prenatal-screening", "life-expectancy",
    "healthy-life-years", "satisfaction", "ytdp-leaders-postgraduate",
  ]

  // MARK: The file

  @Test("The file loads with no diagnostic at all and cites the ct05-bac-giang plan")
  func loads() throws {
    let (set, diagnostics) = CriteriaLoader.load(path: TestSupport.path(Self.file))
    #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.rendered(in: .en) })")
    let criteria = try #require(set)
    #expect(criteria.id == "ct05-2030")
    #expect(criteria.source.document == "ct05-bac-giang")
    #expect(criteria.indicators.map(\.id) == Self.communeIndicators + Self.groupIndicators)
    #expect(criteria.indicators.filter { $0.level == .commune }.map(\.id) == Self.communeIndicators)
    #expect(criteria.indicators.filter { $0.level == .group }.map(\.id) == Self.groupIndicators)
  }

  @Test("Every indicator cites its clause (II.2 or III.4) with the plan's words in quotes")
  func clauses() throws {
    let criteria = try TestSupport.criteria(Self.file)
    for indicator in criteria.indicators {
      #expect(!indicator.clause.isEmpty, "\(indicator.id)")
      #expect(indicator.clause.hasPrefix("II.2") || indicator.clause.hasPrefix("III.4"), "\(indicator.id)")
      #expect(indicator.clause.contains("\""), "\(indicator.id) quotes the plan")
    }
  }

  /// A milestone as expected: its year, comparator (">", ">=", "<", "<=") and threshold n/d in raw terms.
  struct Want {
    var year: Int?
    var comparator: String
    var numerator: Int128
    var denominator: Int128 = 1
  }

  /// The comparators as the plan words them: "dưới" <, "không vượt quá" ≤, "đạt"/"tối thiểu" ≥, "trên" >.
  static let expectedTargets: [String: [Want]] = [
    "epi-vaccines": [
      Want(year: 2025, comparator: ">=", numerator: 12), Want(year: 2030, comparator: ">=", numerator: 14),
    ],
    "child-malnutrition": [
      Want(year: 2025, comparator: "<", numerator: 10, denominator: 100),
      Want(year: 2030, comparator: "<", numerator: 9, denominator: 100),
    ],
    "epi-coverage": [
      Want(year: 2025, comparator: ">=", numerator: 98, denominator: 100),
      Want(year: 2030, comparator: ">=", numerator: 98, denominator: 100),
    ],
    "under5-mortality": [
      Want(year: 2025, comparator: "<", numerator: 17, denominator: 1000),
      Want(year: 2030, comparator: "<", numerator: 15, denominator: 1000),
    ],
    "under1-mortality": [
      Want(year: 2025, comparator: "<", numerator: 12, denominator: 1000),
      Want(year: 2030, comparator: "<", numerator: 105, denominator: 10000),
    ],
    "health-managed": [Want(year: 2025, comparator: ">", numerator: 95, denominator: 100)],
    "ncd-stations": [Want(year: 2025, comparator: ">=", numerator: 1)],
    "sex-ratio-at-birth": [
      Want(year: 2025, comparator: "<=", numerator: 115), Want(year: 2030, comparator: "<=", numerator: 111),
    ],
    "premarital-checkup": [
      Want(year: 2025, comparator: ">=", numerator: 45, denominator: 100),
      Want(year: 2030, comparator: ">=", numerator: 90, denominator: 100),
    ],
    "prenatal-screening": [
      Want(year: 2025, comparator: ">=", numerator: 50, denominator: 100),
      Want(year: 2030, comparator: ">=", numerator: 70, denominator: 100),
    ],
    "life-expectancy": [Want(year: 2025, comparator: ">=", numerator: 745, denominator: 10)],
    "healthy-life-years": [Want(year: 2025, comparator: ">=", numerator: 67)],
    "satisfaction": [Want(year: nil, comparator: ">", numerator: 80, denominator: 100)],
    "sex-ratio-yearly-fall": [Want(year: nil, comparator: ">=", numerator: 2, denominator: 10)],
    "ytdp-leaders-postgraduate": [
      Want(year: 2025, comparator: ">=", numerator: 80, denominator: 100),
      Want(year: 2030, comparator: ">=", numerator: 1),
    ],
  ]

  @Test("Targets and milestones follow the plan's words")
  func targets() throws {
    let criteria = try TestSupport.criteria(Self.file)
    for indicator in criteria.indicators {
      if indicator.id == "ncd-services" {
        #expect(indicator.milestones.isEmpty, "a yes/no condition has no target")
        continue
      }
      let wanted = try #require(Self.expectedTargets[indicator.id], "\(indicator.id) has no expected targets")
      #expect(indicator.milestones.count == wanted.count, "\(indicator.id)")
      for (milestone, want) in zip(indicator.milestones, wanted) {
        let threshold = try #require(Rational(want.numerator, want.denominator))
        #expect(milestone.year == want.year, "\(indicator.id)")
        #expect(milestone.target.comparator.rawValue == want.comparator, "\(indicator.id) \(milestone.target.text)")
        #expect(milestone.target.threshold == threshold, "\(indicator.id) \(milestone.target.text)")
      }
    }
  }

  // MARK: The sample, year 2025

  struct Expected: Sendable, CustomStringConvertible {
    var code: String
    var status: String
    /// Failing indicators and their gap amount (nil: a yes/no condition, no gap).
    var failing: [String: Int?] = [:]
    var unknown: [String] = []
    var description: String { code }
  }

  static let communes: [Expected] =
    [
      "07303", "07306", "07309", "07318", "07321", "07324", "07330", "07333", "07336", "07339", "07342", "07345",
      "07348", "07351", "07354", "07357", "07360", "07363",
    ].map { Expected(code: $0, status: "pass") } + [
      Expected(code: "07312", status: "incomplete", unknown: ["ncd-services"]),
      Expected(code: "07315", status: "fail", failing: ["ncd-services": nil]),
      Expected(code: "07327", status: "fail", failing: ["epi-vaccines": 1]),
      // ncd_treatment false and ncd_management empty: false and unknown is false, so fail, not incomplete.
      Expected(code: "07366", status: "fail", failing: ["ncd-services": nil]),
    ]

  static func run(_ extra: [String] = []) throws -> (CLIRun, [String: Any]) {
    let run = try CLI.runOnce(["check", "--criteria", file, "--format", "json"] + extra + [sample])
    return (run, try run.json())
  }

  static func indicators(_ object: [String: Any]?) throws -> [String: [String: Any]] {
    let list = try #require(object?["indicators"] as? [[String: Any]])
    return Dictionary(uniqueKeysWithValues: list.map { ($0["id"] as? String ?? "", $0) })
  }

  @Test("The run reads everything and reports 18 pass, 3 fail, 1 incomplete")
  func totals() throws {
    let (run, json) = try Self.run()
    #expect(run.status == 1)
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    let summary = try #require(json["summary"] as? [String: Any])
    #expect(summary["records"] as? Int == 23, "22 stations and the district's own record")
    #expect(summary["group_records"] as? Int == 1)
    #expect(summary["rejected"] as? Int == 0)
    #expect(summary["errors"] as? Int == 0)
    #expect(summary["warnings"] as? Int == 0)
    let communes = try #require(summary["communes"] as? [String: Int])
    #expect(communes == ["pass": 18, "fail": 3, "incomplete": 1])
  }

  @Test("Every commune gets its designed outcome", arguments: communes)
  func commune(expected: Expected) throws {
    let (_, json) = try Self.run()
    let communes = try #require(json["communes"] as? [[String: Any]])
    #expect(communes.count == 22)
    let commune = try #require(communes.first { $0["code"] as? String == expected.code })
    #expect(commune["status"] as? String == expected.status)
    #expect(commune["year"] as? Int == 2025)
    let indicators = try Self.indicators(commune)
    #expect(Set(indicators.keys) == Set(Self.communeIndicators), "only commune-level indicators decide a commune")
    for (id, indicator) in indicators {
      let status = indicator["status"] as? String
      if let amount = expected.failing[id] {
        #expect(status == "fail", "\(expected.code) \(id)")
        if let amount {
          let gap = try #require(indicator["gap"] as? [String: Any], "\(expected.code) \(id) has no gap")
          #expect(gap["amount"] as? Int == amount, "\(expected.code) \(id)")
        }
      } else if expected.unknown.contains(id) {
        #expect(status == "unknown", "\(expected.code) \(id)")
        #expect(!(indicator["reasons"] as? [Any] ?? []).isEmpty)
      } else {
        #expect(status == "pass", "\(expected.code) \(id)")
      }
    }
  }

  @Test("Exactly 12 vaccines is at the threshold and passes '>= 12'; 11 falls 1 short")
  func vaccinesAtThreshold() throws {
    let (_, json) = try Self.run()
    let communes = try #require(json["communes"] as? [[String: Any]])
    let lanGioi = try Self.indicators(communes.first { $0["code"] as? String == "07303" })["epi-vaccines"]
    #expect(lanGioi?["actual"] as? Int == 12)
    #expect(lanGioi?["threshold"] as? Int == 12)
    #expect(lanGioi?["status"] as? String == "pass")
    let lienSon = try Self.indicators(communes.first { $0["code"] as? String == "07327" })["epi-vaccines"]
    #expect(lienSon?["actual"] as? Int == 11)
    #expect((lienSon?["gap"] as? [String: Any])?["text"] as? String == "cần thêm 1 loại vắc xin")
  }

  /// The district's designed outcome: status, and the gap of each failure.
  @Test("The district of Tân Yên gets its designed outcome, indicator by indicator")
  func district() throws {
    let (_, json) = try Self.run()
    let groups = try #require(json["groups"] as? [[String: Any]])
    #expect(groups.count == 1)
    let district = try #require(groups.first)
    #expect(district["key"] as? String == "Huyện Tân Yên")
    #expect(district["field"] as? String == "district")
    #expect(district["year"] as? Int == 2025)
    #expect(district["communes"] as? Int == 22)
    #expect(district["status"] as? String == "fail")
    #expect(district["line"] as? Int != nil, "the district's own record is used")
    let indicators = try Self.indicators(district)
    #expect(Set(indicators.keys) == Set(Self.groupIndicators))

    let expected: [String: (status: String, exact: String?)] = [
      "child-malnutrition": ("pass", "1226/14469"),
      "epi-coverage": ("pass", "2606/2637"),
      "under5-mortality": ("pass", "19/1290"),  // 38 / 2580 live births
      "under1-mortality": ("fail", "8/645"),  // 32 / 2580
      "health-managed": ("fail", "19859/21110"),  // 178731 / 189990
      "ncd-stations": ("fail", nil),  // 19 or 20 of 22: decided by bounds
      "sex-ratio-at-birth": ("pass", "115"),
      "sex-ratio-yearly-fall": ("unknown", nil),  // the sample has no previous round
      "premarital-checkup": ("pass", "490/969"),  // 980 / 1938
      "prenatal-screening": ("fail", "1259/2679"),
      "life-expectancy": ("fail", "371/5"),
      "healthy-life-years": ("unknown", nil),
      "satisfaction": ("fail", "4/5"),  // 880 / 1100
      "ytdp-leaders-postgraduate": ("pass", "4/5"),
    ]
    for (id, want) in expected {
      let indicator = try #require(indicators[id])
      #expect(indicator["status"] as? String == want.status, "\(id)")
      #expect(indicator["actual_exact"] as? String == want.exact, "\(id)")
      if want.status != "fail" { #expect(indicator["gap"] is NSNull, "\(id) has no gap") }
    }

    func gap(_ id: String) throws -> [String: Any] {
      try #require(indicators[id]?["gap"] as? [String: Any], "\(id) has no gap")
    }
    // 32 deaths per 2580 births is 12.40 ‰; below 12 ‰ needs at most 30: 2 fewer.
    #expect(try gap("under1-mortality")["amount"] as? Int == 2)
    #expect(try gap("under1-mortality")["direction"] as? String == "decrease")
    #expect(try gap("under1-mortality")["text"] as? String == "cần giảm 2 trẻ dưới 1 tuổi tử vong")
    // Above 95 % of 189990 needs 180491 people: 1760 more.
    #expect(try gap("health-managed")["amount"] as? Int == 1760)
    // 50 % of 2679 women is 1339.5: 1340 screened, 81 more.
    #expect(try gap("prenatal-screening")["amount"] as? Int == 81)
    #expect(try gap("life-expectancy")["amount"] as? Double == 0.3)
    // Two stations known to fall short, Đại Hóa unknown: at least 2 more.
    let ncd = try gap("ncd-stations")
    #expect(ncd["amount"] as? Int == 2)
    #expect(ncd["at_least"] as? Bool == true)
    #expect(ncd["items"] as? [String] == ["Xã Quang Tiến", "Xã Quế Nham"])
    let reasons = try #require(indicators["healthy-life-years"]?["reasons"] as? [[String: Any]])
    #expect(reasons.first?["kind"] as? String == "missing")
    #expect(reasons.first?["field"] as? String == "healthy_life_years")
  }

  @Test("Exact thresholds: 115 boys per 100 girls passes 'không vượt quá', 80 % fails 'trên 80%' but passes '>= 80%'")
  func exactThresholds() throws {
    let (_, json) = try Self.run()
    let indicators = try Self.indicators((json["groups"] as? [[String: Any]])?.first)
    let ratio = try #require(indicators["sex-ratio-at-birth"])
    #expect(ratio["actual"] as? Int == 115)
    #expect(ratio["comparator"] as? String == "<=")
    #expect(ratio["status"] as? String == "pass")
    let satisfaction = try #require(indicators["satisfaction"])
    #expect(satisfaction["actual"] as? Int == 80)
    #expect(satisfaction["comparator"] as? String == ">")
    #expect(satisfaction["milestone"] is NSNull, "no year: the target always applies")
    #expect(satisfaction["status"] as? String == "fail")
    let gap = try #require(satisfaction["gap"] as? [String: Any])
    #expect(gap["amount"] as? Int == 1)
    #expect(gap["text"] as? String == "cần thêm 1 người hài lòng")
    let leaders = try #require(indicators["ytdp-leaders-postgraduate"])
    #expect(leaders["actual"] as? Int == 80)
    #expect(leaders["comparator"] as? String == ">=")
    #expect(leaders["status"] as? String == "pass")
  }

  // MARK: The 2030 milestones

  /// With `--year 2030` the district's 2025 record still supplies its statistics (the latest record).
  @Test("With --year 2030 every station lacks 2 vaccines and the district fails the 2030 ceilings")
  func year2030() throws {
    let (run, json) = try Self.run(["--year", "2030"])
    #expect(run.status == 1)
    let communes = try #require(json["communes"] as? [[String: Any]])
    #expect(communes.count == 22)
    for commune in communes {
      #expect(commune["status"] as? String == "fail", "\(commune["code"] ?? "")")
      let vaccines = try Self.indicators(commune)["epi-vaccines"]
      #expect(vaccines?["milestone"] as? Int == 2030)
      let expectedGap = commune["code"] as? String == "07327" ? 3 : 2
      #expect((vaccines?["gap"] as? [String: Any])?["amount"] as? Int == expectedGap, "\(commune["code"] ?? "")")
    }
    let indicators = try Self.indicators((json["groups"] as? [[String: Any]])?.first)
    #expect(indicators["child-malnutrition"]?["status"] as? String == "pass")  // 8.47 % < 9 %
    #expect(indicators["epi-coverage"]?["status"] as? String == "pass")
    let ratio = try #require(indicators["sex-ratio-at-birth"])
    #expect(ratio["status"] as? String == "fail")
    #expect(ratio["threshold"] as? Int == 111)
    #expect((ratio["gap"] as? [String: Any])?["amount"] as? Int == 4)
    // 90 % of 1938 = 1744.2; 70 % of 2679 = 1875.3.
    #expect((indicators["premarital-checkup"]?["gap"] as? [String: Any])?["amount"] as? Int == 765)
    #expect((indicators["prenatal-screening"]?["gap"] as? [String: Any])?["amount"] as? Int == 617)
    #expect(indicators["health-managed"]?["milestone"] as? Int == 2025, "'từ năm 2025 trở đi' stays in force")
    #expect(
      indicators["life-expectancy"]?["status"] as? String == "fail", "74.2 against the 2025 target, still in force")
  }
}
