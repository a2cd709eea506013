import Foundation
import Testing

@testable import TieuChi

/// `Criteria/kl111-2025.yaml` — Mường Tè's fourteen targets to 2025 (plan implementing Kết luận 111-KL/TU,
/// section II.2) — and the designed outcomes of `Samples/muong-te-2025`, checked through the built `tieuchi`.
@Suite("KL111 Mường Tè targets to 2025 and their sample")
struct KL111CriteriaTests {
  static let file = "Criteria/kl111-2025.yaml"
  static let sample = "Samples/muong-te-2025"

  static let groupIndicators = [
    "staff-university", "dvkt-district", "stations-bhyt", "stations-full-phc", "clinics-bhyt", "clinics-full-phc",
    "stations-ncd", "stations-ncd-family-medicine", "communes-national-criteria", "health-monitored", "ehr-managed",
    "underweight-u5", "stunting-u5", "stations-midwife", "stations-yhct", "infant-immunisation",
    "communes-national-criteria-t13", "hiv-prevalence", "birth-rate-yearly-fall",
  ]

  // MARK: The criteria file

  @Test("The file loads with no diagnostic at all")
  func loadsCleanly() throws {
    let (set, diagnostics) = CriteriaLoader.load(path: TestSupport.path(Self.file))
    #expect(set != nil)
    #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.rendered(in: .en) })")
  }

  @Test("Every indicator cites a clause of section II.2 of the Mường Tè plan, with the plan's words")
  func clauses() throws {
    let criteria = try TestSupport.criteria(Self.file)
    #expect(criteria.id == "kl111-2025")
    #expect(criteria.source.document == "kl111-muong-te")
    for indicator in criteria.indicators {
      #expect(!indicator.clause.trimmingCharacters(in: .whitespaces).isEmpty, "\(indicator.id)")
      #expect(indicator.clause.hasPrefix("II.2, mục tiêu ("), "\(indicator.id): \(indicator.clause)")
      #expect(indicator.clause.contains("\""), "\(indicator.id) quotes the plan")
    }
  }

  /// The plan's text, kept in the shared sources beside the repository (on the development machine).
  static let sourcePath = TestSupport.path("../shared/sources/001_34f1193c76d5224e.txt")

  // Skipped, visibly, where the shared sources are absent (CI, a fresh clone): a silent pass would
  // claim the quotes were checked.
  @Test(
    "The quoted words are the plan's own: each quote appears verbatim in the plan's text",
    .enabled(if: FileManager.default.fileExists(atPath: sourcePath), "../shared not found"))
  func quotesAreVerbatim() throws {
    let criteria = try TestSupport.criteria(Self.file)
    let source = try String(contentsOfFile: Self.sourcePath, encoding: .utf8)
    for indicator in criteria.indicators {
      let parts = indicator.clause.split(separator: "\"", omittingEmptySubsequences: false)
      let quote = try #require(parts.count >= 3 ? String(parts[1]) : nil, "\(indicator.id)")
      #expect(source.contains(quote), "\(indicator.id): \(quote)")
    }
  }

  @Test("One commune-level indicator (commune-tier services) and eighteen district-level ones, 2025 milestone")
  func levelsAndMilestones() throws {
    let criteria = try TestSupport.criteria(Self.file)
    #expect(criteria.indicators.filter { $0.level == .commune }.map(\.id) == ["dvkt-commune"])
    #expect(criteria.indicators.filter { $0.level == .group }.map(\.id) == Self.groupIndicators)
    for indicator in criteria.indicators {
      #expect(indicator.milestones.map(\.year) == [2025], "\(indicator.id)")
    }
  }

  struct TargetExpected: Sendable, CustomStringConvertible {
    var id: String
    var comparator: TargetComparator
    var threshold: Rational?
    var description: String { id }
  }

  static let targets: [TargetExpected] = [
    TargetExpected(id: "staff-university", comparator: .greater, threshold: Rational(35, 100)),
    TargetExpected(id: "dvkt-district", comparator: .greaterOrEqual, threshold: Rational(75, 100)),
    TargetExpected(id: "dvkt-commune", comparator: .greaterOrEqual, threshold: Rational(64, 100)),
    TargetExpected(id: "stations-bhyt", comparator: .greaterOrEqual, threshold: Rational(1)),
    TargetExpected(id: "stations-full-phc", comparator: .greaterOrEqual, threshold: Rational(1)),
    TargetExpected(id: "clinics-bhyt", comparator: .greaterOrEqual, threshold: Rational(1)),
    TargetExpected(id: "clinics-full-phc", comparator: .greaterOrEqual, threshold: Rational(1)),
    TargetExpected(id: "stations-ncd", comparator: .greaterOrEqual, threshold: Rational(78, 100)),
    TargetExpected(id: "stations-ncd-family-medicine", comparator: .greaterOrEqual, threshold: Rational(21, 100)),
    TargetExpected(id: "communes-national-criteria", comparator: .greater, threshold: Rational(78, 100)),
    TargetExpected(id: "health-monitored", comparator: .greaterOrEqual, threshold: Rational(80, 100)),
    TargetExpected(id: "ehr-managed", comparator: .greaterOrEqual, threshold: Rational(70, 100)),
    TargetExpected(id: "underweight-u5", comparator: .lessOrEqual, threshold: Rational(174, 1000)),
    TargetExpected(id: "stunting-u5", comparator: .lessOrEqual, threshold: Rational(2175, 10000)),
    TargetExpected(id: "stations-midwife", comparator: .greaterOrEqual, threshold: Rational(1)),
    TargetExpected(id: "stations-yhct", comparator: .greaterOrEqual, threshold: Rational(71, 100)),
    TargetExpected(id: "infant-immunisation", comparator: .greaterOrEqual, threshold: Rational(93, 100)),
    TargetExpected(id: "communes-national-criteria-t13", comparator: .greaterOrEqual, threshold: Rational(78, 100)),
    TargetExpected(id: "hiv-prevalence", comparator: .less, threshold: Rational(34, 10000)),
  ]

  @Test(
    "Comparators are the plan's: '> 35%', 'trên 78%', 'dưới 0,34%' strict; 'đạt' and bare numbers ≥; '… là 17,4%' ≤",
    arguments: targets)
  func comparators(_ expected: TargetExpected) throws {
    let criteria = try TestSupport.criteria(Self.file)
    let indicator = try #require(criteria.indicators.first { $0.id == expected.id })
    let target = try #require(indicator.milestones.first?.target)
    #expect(target.comparator == expected.comparator)
    #expect(target.threshold == expected.threshold)
    #expect(indicator.unit == .percent)
  }

  @Test(
    "Target (1), qualitative, is listed as not encoded; (8), a change per year, is an indicator against the previous round"
  )
  func notEncodedBlock() throws {
    let text = try String(contentsOfFile: TestSupport.path(Self.file), encoding: .utf8)
    let header = text.components(separatedBy: "\nid: ").first ?? ""
    #expect(header.contains("Not encoded (needs …):"))
    #expect(header.contains("(1) qualitative"))
    #expect(!header.contains("(8) needs a baseline data set"))
    #expect(text.contains("tỷ suất sinh bình quân hàng năm 0,5%⁰\\\")"), "(8) is an indicator quoting the plan")
    let criteria = try TestSupport.criteria(Self.file)
    let fall = try #require(criteria.indicators.first { $0.id == "birth-rate-yearly-fall" })
    #expect(fall.unit == .perMille)
    #expect(fall.measureText.contains("years_since_baseline()"))
  }

  // MARK: The sample, end to end

  struct Run {
    var status: Int32
    var stderr: String
    var json: [String: Any]
    var communes: [String: [String: Any]]
    var group: [String: Any]
    var groupIndicators: [String: [String: Any]]
  }

  static func run(_ extra: [String] = []) throws -> Run {
    let run = try CLI.runOnce(["check", "--criteria", file, "--format", "json"] + extra + [sample])
    let json = try run.json()
    let communes = try #require(json["communes"] as? [[String: Any]])
    let groups = try #require(json["groups"] as? [[String: Any]])
    #expect(groups.count == 1)
    let group = try #require(groups.first)
    let indicators = try #require(group["indicators"] as? [[String: Any]])
    return Run(
      status: run.status, stderr: run.stderr, json: json,
      communes: Dictionary(uniqueKeysWithValues: communes.map { ($0["code"] as? String ?? "", $0) }),
      group: group,
      groupIndicators: Dictionary(uniqueKeysWithValues: indicators.map { ($0["id"] as? String ?? "", $0) }))
  }

  @Test("Everything is read: 14 communes, no error or warning, exit status 1 (some commune and the district fail)")
  func wholeRun() throws {
    let run = try Self.run()
    #expect(run.status == 1)
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    #expect((run.json["errors"] as? [Any])?.isEmpty == true)
    #expect((run.json["warnings"] as? [Any])?.isEmpty == true)
    let summary = try #require(run.json["summary"] as? [String: Any])
    #expect(summary["records"] as? Int == 15, "14 stations and the district's own record")
    #expect(summary["evaluated"] as? Int == 14)
    #expect(summary["rejected"] as? Int == 0)
    let communes = try #require(summary["communes"] as? [String: Int])
    #expect(communes == ["pass": 10, "fail": 3, "incomplete": 1])
    #expect(run.communes.count == 14)
  }

  /// Designed status of each commune (keyed on the code: two communes are named "Mường Tè") and the
  /// gap of dvkt-commune, in technical services, when it fails.
  static let communes: [(code: String, name: String, status: String, indicator: String, gap: Int?)] = [
    ("03433", "Thị trấn Mường Tè", "pass", "pass", nil),
    ("03436", "Xã Thu Lũm", "pass", "pass", nil),
    ("03439", "Xã Ka Lăng", "fail", "fail", 10),
    ("03440", "Xã Tá Bạ", "pass", "pass", nil),
    ("03442", "Xã Pa ủ", "pass", "pass", nil),
    ("03445", "Xã Mường Tè", "pass", "pass", nil),
    ("03448", "Xã Pa Vệ Sử", "fail", "fail", 4),
    ("03451", "Xã Mù Cả", "pass", "pass", nil),
    ("03454", "Xã Bum Tở", "pass", "pass", nil),
    ("03457", "Xã Nậm Khao", "incomplete", "unknown", nil),
    ("03463", "Xã Tà Tổng", "pass", "pass", nil),
    ("03466", "Xã Bum Nưa", "pass", "pass", nil),
    ("03467", "Xã Vàng San", "fail", "fail", 1),
    ("03469", "Xã Kan Hồ", "pass", "pass", nil),
  ]

  @Test("Each commune has its designed status and dvkt-commune gap")
  func communeOutcomes() throws {
    let run = try Self.run()
    for expected in Self.communes {
      let commune = try #require(run.communes[expected.code], "\(expected.code)")
      #expect(commune["name"] as? String == expected.name)
      #expect(commune["status"] as? String == expected.status, "\(expected.code)")
      let indicators = try #require(commune["indicators"] as? [[String: Any]])
      #expect(indicators.map { $0["id"] as? String } == ["dvkt-commune"])
      let dvkt = try #require(indicators.first)
      #expect(dvkt["status"] as? String == expected.indicator, "\(expected.code)")
      let gap = dvkt["gap"] as? [String: Any]
      #expect(gap?["amount"] as? Int == expected.gap, "\(expected.code)")
      if expected.gap != nil {
        #expect(gap?["direction"] as? String == "increase")
        #expect(gap?["unit"] as? String == "dịch vụ kỹ thuật")
      }
      #expect((commune["violations"] as? [Any])?.isEmpty == true)
    }
  }

  @Test("Exactly at the threshold: 64 % passes 'đạt 64%' (Tá Bạ, 80/125); the missing count leaves Nậm Khao incomplete")
  func communeEdges() throws {
    let run = try Self.run()
    let taBa = try #require((run.communes["03440"]?["indicators"] as? [[String: Any]])?.first)
    #expect(taBa["actual_exact"] as? String == "16/25")
    #expect(taBa["actual"] as? Double == 64)
    #expect(taBa["status"] as? String == "pass")
    let namKhao = try #require(run.communes["03457"])
    #expect(namKhao["missing_inputs"] as? [String] == ["dvkt_performed"])
    let vangSan = try #require((run.communes["03467"]?["indicators"] as? [[String: Any]])?.first)
    #expect(vangSan["actual_exact"] as? String == "79/125")
    // The thị trấn and the xã named "Mường Tè" are two stations.
    #expect(run.communes["03433"]?["name"] as? String != run.communes["03445"]?["name"] as? String)
  }

  /// Designed outcome of each district-level indicator: status, exact value, gap amount/direction/items.
  struct GroupExpected: Sendable, CustomStringConvertible {
    var id: String
    var status: String
    var exact: String?
    var gap: Int? = nil
    var direction: String? = nil
    var items: [String]? = nil
    var description: String { id }
  }

  static let group: [GroupExpected] = [
    // 70/200 is exactly 35 %: "> 35%" fails by one person.
    GroupExpected(id: "staff-university", status: "fail", exact: "7/20", gap: 1, direction: "increase", items: []),
    // 1125/1500 is exactly 75 %: "đạt 75%" passes.
    GroupExpected(id: "dvkt-district", status: "pass", exact: "3/4"),
    GroupExpected(id: "stations-bhyt", status: "pass", exact: "1"),
    GroupExpected(
      id: "stations-full-phc", status: "fail", exact: "13/14", gap: 1, direction: "increase", items: ["Xã Tá Bạ"]),
    GroupExpected(id: "clinics-bhyt", status: "pass", exact: "1"),
    GroupExpected(id: "clinics-full-phc", status: "fail", exact: "1/2", gap: 1, direction: "increase", items: []),
    // Thu Lũm's ncd_services is missing, but 11 of 14 is already ≥ 78 %.
    GroupExpected(id: "stations-ncd", status: "pass", exact: nil),
    GroupExpected(
      id: "stations-ncd-family-medicine", status: "fail", exact: "1/7", gap: 1, direction: "increase",
      items: [
        "Xã Thu Lũm", "Xã Ka Lăng", "Xã Tá Bạ", "Xã Pa ủ", "Xã Mường Tè", "Xã Pa Vệ Sử", "Xã Mù Cả", "Xã Bum Tở",
        "Xã Nậm Khao", "Xã Tà Tổng", "Xã Vàng San", "Xã Kan Hồ",
      ]),
    // 10 certain of 14, Kan Hồ unknown: 10/14 fails, 11/14 passes.
    GroupExpected(id: "communes-national-criteria", status: "unknown", exact: nil),
    GroupExpected(id: "health-monitored", status: "pass", exact: "3522/4225"),
    GroupExpected(id: "ehr-managed", status: "fail", exact: "2763/4225", gap: 2334, direction: "increase", items: []),
    GroupExpected(id: "underweight-u5", status: "pass", exact: "955/5832"),
    GroupExpected(id: "stunting-u5", status: "fail", exact: "445/1944", gap: 67, direction: "decrease", items: []),
    // Pa ủ counts: its midwives are missing but it has an obstetric-paediatric assistant doctor.
    GroupExpected(
      id: "stations-midwife", status: "fail", exact: "13/14", gap: 1, direction: "increase", items: ["Xã Tà Tổng"]),
    GroupExpected(id: "stations-yhct", status: "pass", exact: "5/7"),
    // 930/1000 is exactly 93 %: "đạt 93%" passes.
    GroupExpected(id: "infant-immunisation", status: "pass", exact: "93/100"),
    GroupExpected(id: "communes-national-criteria-t13", status: "unknown", exact: nil),
    GroupExpected(id: "hiv-prevalence", status: "pass", exact: "29/12675"),
  ]

  @Test("The district fails; its record is the group record at the end of the sample")
  func districtStatus() throws {
    let run = try Self.run()
    #expect(run.group["key"] as? String == "Huyện Mường Tè")
    #expect(run.group["field"] as? String == "district")
    #expect(run.group["year"] as? Int == 2025)
    #expect(run.group["status"] as? String == "fail")
    #expect(run.group["communes"] as? Int == 14)
    #expect(run.group["file"] as? String == "Samples/muong-te-2025/stations.yaml")
    #expect(run.group["line"] as? Int != nil)
    #expect(Array(run.groupIndicators.keys).sorted() == Self.groupIndicators.sorted())
  }

  @Test("Each district indicator has its designed outcome", arguments: group)
  func districtIndicator(_ expected: GroupExpected) throws {
    let run = try Self.run()
    let indicator = try #require(run.groupIndicators[expected.id])
    #expect(indicator["status"] as? String == expected.status)
    #expect(indicator["actual_exact"] as? String == expected.exact)
    #expect(indicator["milestone"] as? Int == 2025)
    let gap = indicator["gap"] as? [String: Any]
    if let amount = expected.gap {
      #expect(gap?["amount"] as? Int == amount)
      #expect(gap?["direction"] as? String == expected.direction)
      #expect(gap?["items"] as? [String] == expected.items)
      #expect(gap?["at_least"] as? Bool == false)
    } else {
      #expect(gap == nil)
    }
  }

  @Test("Missing commune data: named in the reasons of the district shares it touches")
  func districtUnknowns() throws {
    let run = try Self.run()
    for id in ["communes-national-criteria", "communes-national-criteria-t13"] {
      let indicator = try #require(run.groupIndicators[id])
      let reason = try #require(indicator["reason"] as? String)
      #expect(reason.contains("Xã Kan Hồ"), "\(id): \(reason)")
      #expect(reason.contains("meets_national_criteria"))
    }
    let ncd = try #require(run.groupIndicators["stations-ncd"])
    #expect((ncd["reason"] as? String)?.contains("Xã Thu Lũm") == true)
  }

  @Test("Report in English: gaps in people, children and stations")
  func english() throws {
    let run = try CLI.run(["check", "--criteria", Self.file, "--lang", "en", Self.sample])
    #expect(run.status == 1)
    #expect(run.stderr.isEmpty)
    #expect(run.stdout.contains("1 more university-trained staff needed"))
    #expect(run.stdout.contains("67 fewer stunted children needed"))
    #expect(
      run.stdout.contains(
        "1 more stations with a midwife or obstetric-paediatric assistant doctor needed (not yet: Xã Tà Tổng)"))
  }
}
