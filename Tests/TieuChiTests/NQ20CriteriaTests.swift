import Foundation
import Testing

@testable import TieuChi

/// `Criteria/nq20-2030.yaml` — Đồng Nai's province targets for 2025 and 2030 (plan implementing
/// Resolution 20-NQ/TW, section II.2) — and its province-level sample `Samples/dong-nai-2025`, whose
/// designed outcomes are listed at the top of `Samples/dong-nai-2025/tinh-dong-nai.yaml`.
@Suite("NQ20 Đồng Nai province targets")
struct NQ20CriteriaTests {
  static let file = "Criteria/nq20-2030.yaml"
  static let sample = "Samples/dong-nai-2025"

  static let ids = [
    "life-expectancy", "healthy-life-years", "bhyt-coverage", "out-of-pocket", "epi-coverage", "epi-vaccines",
    "under5-mortality", "under1-mortality", "stunting", "adult-obesity", "height-male", "height-female",
    "health-managed", "ncd-stations", "hospital-beds", "doctors", "pharmacists", "nurses", "private-beds",
    "satisfaction",
  ]

  /// A failing indicator's expected gap: its amount and the report's sentence.
  struct Gap {
    var amount: Double
    var text: String
  }

  struct Expected {
    var year: Int
    var line: Int
    var failing: [String: Gap]
    var unknown: [String] = []
  }

  /// 2025 record, 2025 milestones: 11 pass, 8 fail, 1 unknown.
  static let y2025 = Expected(
    year: 2025, line: 48,
    failing: [
      "out-of-pocket": Gap(amount: 3.5, text: "cần giảm 3,5 điểm phần trăm"),
      "epi-vaccines": Gap(amount: 1, text: "cần thêm 1 loại vắc xin"),
      "under1-mortality": Gap(amount: 0.8, text: "cần giảm hơn 0,8 ‰"),
      "adult-obesity": Gap(amount: 1.1, text: "cần giảm hơn 1,1 điểm phần trăm"),
      "ncd-stations": Gap(
        amount: 1, text: "cần thêm 1 trạm y tế thực hiện dự phòng, quản lý, điều trị bệnh không lây nhiễm"),
      "doctors": Gap(amount: 452, text: "cần thêm 452 bác sỹ"),
      "nurses": Gap(amount: 1079, text: "cần thêm 1.079 điều dưỡng viên"),
      "satisfaction": Gap(amount: 1, text: "cần thêm 1 người hài lòng"),
    ],
    unknown: ["healthy-life-years"])

  /// 2030 record, 2030 milestones: 15 pass, 5 fail.
  static let y2030 = Expected(
    year: 2030, line: 76,
    failing: [
      "bhyt-coverage": Gap(amount: 1, text: "cần thêm 1 người tham gia BHYT"),
      "adult-obesity": Gap(amount: 0.6, text: "cần giảm hơn 0,6 điểm phần trăm"),
      "height-female": Gap(amount: 0.3, text: "cần thêm 0,3 cm"),
      "nurses": Gap(amount: 1006, text: "cần thêm 1.006 điều dưỡng viên"),
      "private-beds": Gap(amount: 1, text: "cần thêm 1 giường bệnh tư nhân"),
    ])

  static func number(_ value: Any?) -> Double? {
    switch value {
    case let value as Int: Double(value)
    case let value as Double: value
    case let value as NSNumber: value.doubleValue
    default: nil
    }
  }

  /// Runs the sample as the README says (`--group-by province`, JSON) and returns the run and its groups.
  static func run(_ extra: [String] = []) throws -> (CLIRun, [[String: Any]]) {
    let run = try CLI.runOnce(
      ["check", "--criteria", file, "--group-by", "province", "--format", "json"] + extra + [sample])
    let groups = try #require(try run.json()["groups"] as? [[String: Any]])
    return (run, groups)
  }

  static func indicators(_ group: [String: Any]) throws -> [String: [String: Any]] {
    let list = try #require(group["indicators"] as? [[String: Any]])
    return Dictionary(uniqueKeysWithValues: list.map { ($0["id"] as? String ?? "", $0) })
  }

  @Test(
    "The file loads with no diagnostic; 20 province indicators, each with a 2025 and a 2030 milestone and a quoted clause"
  )
  func loads() throws {
    let (set, diagnostics) = CriteriaLoader.load(path: TestSupport.path(Self.file))
    #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.rendered(in: .en) })")
    let criteria = try #require(set)
    #expect(criteria.id == "nq20-2030")
    #expect(criteria.source.document == "nq20-dong-nai")
    #expect(criteria.indicators.map(\.id) == Self.ids)
    for indicator in criteria.indicators {
      #expect(indicator.level == .group, "\(indicator.id)")
      #expect(indicator.clause.hasPrefix("II.2"), "\(indicator.id)")
      #expect(indicator.clause.contains("\""), "\(indicator.id): the clause quotes the plan")
      #expect(indicator.milestones.map(\.year) == [2025, 2030], "\(indicator.id)")
    }
  }

  @Test(
    "Comparators follow the plan's words: strict where it says trên/dưới, inclusive for đạt/tối thiểu, ≤ for giảm còn")
  func comparators() throws {
    let criteria = try TestSupport.criteria(Self.file)
    func comparators(_ id: String) -> [TargetComparator] {
      criteria.indicators.first { $0.id == id }?.milestones.map(\.target.comparator) ?? []
    }
    #expect(comparators("bhyt-coverage") == [.greaterOrEqual, .greater])
    #expect(comparators("private-beds") == [.greaterOrEqual, .greater])
    #expect(comparators("satisfaction") == [.greater, .greater])
    #expect(comparators("health-managed") == [.greater, .greater])
    #expect(comparators("ncd-stations") == [.greater, .greaterOrEqual])
    #expect(comparators("out-of-pocket") == [.lessOrEqual, .lessOrEqual])
    #expect(comparators("under5-mortality") == [.less, .less])
    #expect(comparators("stunting") == [.less, .less])
    #expect(comparators("doctors") == [.greaterOrEqual, .greaterOrEqual])
    let pharmacists = criteria.indicators.first { $0.id == "pharmacists" }
    #expect(pharmacists?.unit == .per10000)
    // 2,8 and 3,0 per 10,000 people, as plain ratios.
    let thresholds = pharmacists?.milestones.map(\.target.threshold)
    #expect(thresholds?.first == Rational(28, 100_000))
    #expect(thresholds?.last == Rational(3, 10_000))
  }

  @Test("A province with only its own records and no commune is reported, once per year, with 0 communes")
  func provinceWithoutCommunes() throws {
    let (run, groups) = try Self.run()
    #expect(run.status == 1, "no commune, and both groups fail")
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    let json = try run.json()
    #expect((json["communes"] as? [Any])?.isEmpty == true)
    #expect((json["errors"] as? [Any])?.isEmpty == true)
    #expect((json["warnings"] as? [Any])?.isEmpty == true)
    #expect(json["group_by"] as? String == "province")
    #expect(groups.count == 2)
    for (group, expected) in zip(groups, [Self.y2025, Self.y2030]) {
      #expect(group["field"] as? String == "province")
      #expect(group["key"] as? String == "Tỉnh Đồng Nai")
      #expect(group["year"] as? Int == expected.year)
      #expect(group["communes"] as? Int == 0)
      #expect(group["status"] as? String == "fail")
      #expect(group["file"] as? String == "Samples/dong-nai-2025/tinh-dong-nai.yaml")
      #expect(group["line"] as? Int == expected.line)
    }
  }

  @Test("Every indicator of both province records has its designed status and gap", arguments: [0, 1])
  func designedOutcomes(index: Int) throws {
    let (_, groups) = try Self.run()
    let expected = [Self.y2025, Self.y2030][index]
    let group = try #require(groups.first { $0["year"] as? Int == expected.year })
    let indicators = try Self.indicators(group)
    #expect(Set(indicators.keys) == Set(Self.ids))
    for id in Self.ids {
      let indicator = try #require(indicators[id])
      #expect(indicator["milestone"] as? Int == expected.year, "\(id)")
      let status = indicator["status"] as? String
      if let gap = expected.failing[id] {
        #expect(status == "fail", "\(expected.year) \(id)")
        let actual = try #require(indicator["gap"] as? [String: Any], "\(expected.year) \(id) has no gap")
        #expect(Self.number(actual["amount"]) == gap.amount, "\(expected.year) \(id) gap")
        #expect(actual["text"] as? String == gap.text, "\(expected.year) \(id) gap text")
        #expect(actual["at_least"] as? Bool == false)
      } else if expected.unknown.contains(id) {
        #expect(status == "unknown", "\(expected.year) \(id)")
      } else {
        #expect(status == "pass", "\(expected.year) \(id)")
        #expect(indicator["gap"] is NSNull, "\(expected.year) \(id)")
      }
    }
  }

  @Test("Exactly at the threshold: 'đạt' passes, 'trên' fails by one")
  func exactThresholds() throws {
    let (_, groups) = try Self.run()
    let y2025 = try Self.indicators(try #require(groups.first { $0["year"] as? Int == 2025 }))
    let y2030 = try Self.indicators(try #require(groups.first { $0["year"] as? Int == 2030 }))
    // BHYT 95 % exactly: "đạt 95%" (2025) passes, "trên 95%" (2030) fails by one person.
    #expect(y2025["bhyt-coverage"]?["actual_exact"] as? String == "19/20")
    #expect(y2025["bhyt-coverage"]?["status"] as? String == "pass")
    #expect(y2030["bhyt-coverage"]?["actual_exact"] as? String == "19/20")
    #expect(y2030["bhyt-coverage"]?["comparator"] as? String == ">")
    #expect(y2030["bhyt-coverage"]?["status"] as? String == "fail")
    // Satisfaction 80 % exactly fails "đạt trên 80%" (2025); private beds 20 % exactly fails "đạt trên 20%" (2030).
    #expect(y2025["satisfaction"]?["actual_exact"] as? String == "4/5")
    #expect(y2025["satisfaction"]?["status"] as? String == "fail")
    #expect(y2030["private-beds"]?["actual_exact"] as? String == "1/5")
    #expect(y2030["private-beds"]?["status"] as? String == "fail")
    // Inclusive targets met exactly: height 156 cm, healthy life years 68, out-of-pocket 30 % (≤),
    // immunisation 95 %, 11 doctors per 10,000.
    #expect(y2025["height-female"]?["actual_exact"] as? String == "156")
    #expect(y2025["height-female"]?["status"] as? String == "pass")
    for id in ["healthy-life-years", "out-of-pocket", "epi-coverage", "doctors", "height-male"] {
      #expect(y2030[id]?["status"] as? String == "pass", "\(id)")
    }
    #expect(y2030["doctors"]?["actual_exact"] as? String == "11/10000")
    #expect(y2030["out-of-pocket"]?["actual_exact"] as? String == "3/10")
  }

  @Test("A statistic the province does not publish is unknown, naming the missing input")
  func missingHealthyLifeYears() throws {
    let (_, groups) = try Self.run()
    let y2025 = try Self.indicators(try #require(groups.first { $0["year"] as? Int == 2025 }))
    let hale = try #require(y2025["healthy-life-years"])
    #expect(hale["status"] as? String == "unknown")
    #expect(hale["actual"] is NSNull)
    let reasons = try #require(hale["reasons"] as? [[String: Any]])
    #expect(reasons.count == 1)
    #expect(reasons.first?["kind"] as? String == "missing")
    #expect(reasons.first?["field"] as? String == "healthy_life_years")
  }

  @Test("The text report shows the province with no commune and its per-10,000 gaps")
  func textReport() throws {
    let run = try CLI.run(["check", "--criteria", Self.file, "--group-by", "province", Self.sample])
    #expect(run.status == 1)
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    #expect(run.stdout.contains("■ Tỉnh Đồng Nai · năm 2025"))
    #expect(run.stdout.contains("■ Tỉnh Đồng Nai · năm 2030"))
    #expect(run.stdout.contains("0 xã; số liệu cấp nhóm: Samples/dong-nai-2025/tinh-dong-nai.yaml:48:1"))
    #expect(run.stdout.contains("cần thêm 452 bác sỹ"))
    #expect(run.stdout.contains("≥ 2,8 /10.000 dân (mốc 2025)"))
  }
}
