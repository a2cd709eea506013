import Foundation
import Testing

@testable import TieuChi

/// Group-level indicators: a district's or province's targets, computed from its communes and from
/// its own record.
@Suite("Group-level indicators")
struct GroupLevelTests {
  static let yaml = """
    id: group-demo
    title: "Group demo"
    source: {document: kl111-muong-te, clause: "II.2"}
    inputs:
      population: count
      insured: count
      midwives: count
      life_expectancy: {type: number, level: group, label: {vi: "Tuổi thọ trung bình", en: "Life expectancy"}}
    indicators:
      - {id: midwife, title: "Midwife", measure: midwives, target: ">= 1"}
      - id: district-bhyt
        level: group
        title: "District BHYT"
        measure: sum(communes.insured) / sum(communes.population)
        unit: percent
        target: "đạt 99,5%"
        gap: {unit: people}
      - id: midwife-share
        level: group
        title: "Stations with a midwife"
        measure: count(communes where passed("midwife")) / count(communes)
        unit: percent
        target: "đạt 100%"
        gap: {unit: stations}
      - {id: life, level: group, title: "Life expectancy", measure: life_expectancy, target: ">= 73"}
    """

  let criteria: CriteriaSet

  init() throws {
    let (set, diagnostics) = TestSupport.criteria(yaml: Self.yaml)
    criteria = try #require(set, "\(diagnostics.map { $0.rendered(in: .en) })")
  }

  func report(_ yaml: String, groupBy: String? = nil) -> CheckResult {
    let batch = SurveyLoader.load(
      files: [(path: "district.yaml", bytes: Array(yaml.utf8))], schema: criteria.schema,
      groupSchema: criteria.groupSchema)
    return CheckResult(criteria: criteria, batch: batch, year: 2025, groupBy: groupBy, asOf: TestSupport.asOf)
  }

  static let district = """
    ---
    {code: "03433", name: "Thị trấn Mường Tè", district: "Huyện Mường Tè", province: "Tỉnh Lai Châu", population: 100, insured: 100, midwives: 1}
    ---
    {code: "03436", name: "Xã Thu Lũm", district: "Huyện Mường Tè", province: "Tỉnh Lai Châu", population: 10000, insured: 9900, midwives: 0}
    ---
    {code: "03439", name: "Xã Ka Lăng", district: "Huyện Mường Tè", province: "Tỉnh Lai Châu", population: 2000, insured: 2000}
    ---
    {level: group, district: "Huyện Mường Tè", life_expectancy: "73,5"}
    """

  @Test("District coverage is the ratio of sums, never the mean of the communes' ratios; the gap is in people")
  func ratioOfSums() throws {
    let report = report(Self.district)
    let group = try #require(report.groups.first)
    #expect(report.groups.count == 1)
    #expect(group.key == "Huyện Mường Tè")
    #expect(group.field == "district")
    #expect(group.communes == 3)
    let bhyt = try #require(group.indicators.first { report.criteria.indicators[$0.index].id == "district-bhyt" })
    // (100 + 9900 + 2000) / (100 + 10000 + 2000) = 12000 / 12100 = 99.17 %; the mean of ratios would be 99.67 %.
    #expect(bhyt.status == .fail)
    guard case .number(let value)? = bhyt.actual else {
      Issue.record("no value")
      return
    }
    #expect(value == Rational(120, 121))
    // Needs 12100 × 0.995 = 12039.5 → 12040 insured: 40 more people.
    #expect(bhyt.gap?.amount == Rational(40))
  }

  @Test("A share of stations names the communes that fall short; one commune's missing data makes it 'at least'")
  func shareOfStations() throws {
    let report = report(Self.district)
    let share = try #require(
      report.groups.first?.indicators.first { report.criteria.indicators[$0.index].id == "midwife-share" })
    #expect(share.status == .fail)
    #expect(share.gap?.items == ["Xã Thu Lũm"])
    #expect(share.gap?.atLeast == true)
    #expect(share.gap?.amount == Rational(1))
    #expect(
      share.reasons.contains(
        .missing(FieldPath(input: "communes", item: 3, itemName: "Xã Ka Lăng", field: "passed(\"midwife\")"))))
  }

  @Test("A statistic that exists only for the district comes from its own record")
  func groupRecord() throws {
    let report = report(Self.district)
    let group = try #require(report.groups.first)
    let life = try #require(group.indicators.first { report.criteria.indicators[$0.index].id == "life" })
    #expect(life.status == .pass)
    #expect(group.record?.location.line == 8)
    #expect(report.summary.evaluated == 3, "a group record is not a commune")
    #expect(report.summary.records == 4, "but it is an input record, and counted")

    let without = self.report(Self.district.replacingOccurrences(of: "life_expectancy: \"73,5\"", with: "note: none"))
    let unknown = try #require(
      without.groups.first?.indicators.first { without.criteria.indicators[$0.index].id == "life" })
    #expect(unknown.status == .unknown)
    #expect(unknown.reasons == [.missing(FieldPath(input: "life_expectancy"))])
  }

  @Test("Grouping is chosen at run time: by province after the 2025 reform")
  func groupByProvince() throws {
    let data =
      Self.district
      + "\n---\n{code: \"07306\", name: \"Xã Nhã Nam\", province: \"Tỉnh Bắc Ninh\", population: 10, insured: 10, midwives: 1}\n"
    let report = report(data, groupBy: "province")
    #expect(report.groups.map(\.key) == ["Tỉnh Lai Châu", "Tỉnh Bắc Ninh"])
    #expect(report.groups.map(\.communes) == [3, 1])
    let bacNinh = try #require(report.groups.last)
    #expect(bacNinh.indicators.first { report.criteria.indicators[$0.index].id == "district-bhyt" }?.status == .pass)
  }

  @Test(
    "With --year, a group's own record of another year still applies; groups with only their own record are reported")
  func groupRecordYears() throws {
    let data = "{level: group, district: \"Huyện Mường Tè\", year: 2024, life_expectancy: 74}\n"
    let batch = SurveyLoader.load(
      files: [(path: "district.yaml", bytes: Array(data.utf8))], schema: criteria.schema,
      groupSchema: criteria.groupSchema)
    let report = CheckResult(criteria: criteria, batch: batch, year: 2030, asOf: TestSupport.asOf)
    #expect(report.groupBy == "district", "the grouping is found from group records too")
    let group = try #require(report.groups.first)
    #expect(group.year == 2030)
    #expect(group.communes == 0)
    #expect(group.record?.year == 2024)
    #expect(group.indicators.first { report.criteria.indicators[$0.index].id == "life" }?.status == .pass)
  }

  @Test("passed(…) is checked when the file is loaded")
  func passedErrors() throws {
    let outside = Self.yaml.replacingOccurrences(
      of: "measure: midwives, target", with: "measure: 'passed(\"midwife\")', target")
    let (set1, diagnostics1) = TestSupport.criteria(yaml: outside)
    #expect(set1 == nil)
    #expect(diagnostics1.contains { $0.message.en.contains("only for group-level indicators") })

    let typo = Self.yaml.replacingOccurrences(of: "passed(\"midwife\")", with: "passed(\"midwif\")")
    let (set2, diagnostics2) = TestSupport.criteria(yaml: typo)
    #expect(set2 == nil)
    #expect(diagnostics2.first?.hint?.en == "did you mean 'midwife'?")
  }

  @Test("The Tân Yên district fails its 100 % target, naming the communes that do not meet the national criteria")
  func tanYenDistrict() throws {
    let run = try CLI.run([
      "check", "--criteria", "Criteria/ct25-2030.yaml", "--format", "json", "Samples/tan-yen-2024",
    ])
    let groups = try #require(try run.json()["groups"] as? [[String: Any]])
    #expect(groups.count == 1)
    let district = try #require(groups.first)
    #expect(district["key"] as? String == "Huyện Tân Yên")
    #expect(district["status"] as? String == "fail")
    let indicator = try #require(
      (district["indicators"] as? [[String: Any]])?.first { $0["id"] as? String == "communes-national-criteria" })
    let gap = try #require(indicator["gap"] as? [String: Any])
    #expect(gap["amount"] as? Int == 5)
    #expect(gap["at_least"] as? Bool == true)
    #expect(
      gap["items"] as? [String] == ["Xã Quang Tiến", "Xã An Dương", "Xã Song Vân", "Xã Việt Lập", "Xã Ngọc Thiện"])
  }
}
