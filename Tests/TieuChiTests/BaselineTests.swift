import Foundation
import Testing

@testable import TieuChi

/// Targets about change ("giảm tỷ suất sinh 0,5 ‰ mỗi năm") read the previous round with `baseline(…)`.
@Suite("Targets about change, against a baseline round")
struct BaselineTests {
  static let yaml = """
    id: change-demo
    title: "Change demo"
    source: {document: kl111-muong-te, clause: "II.2 (8)"}
    inputs: {population: count, births: count}
    indicators:
      - id: commune-birth-rate-fall
        title: "Commune birth rate falls by 0.5 ‰"
        measure: baseline(births / population) - births / population
        unit: per_1000
        target: "đạt 0,5‰"
      - id: district-birth-rate-fall
        level: group
        title: "District birth rate falls by 0.5 ‰"
        measure: baseline(sum(communes.births) / sum(communes.population)) - sum(communes.births) / sum(communes.population)
        unit: per_1000
        target: "đạt 0,5‰"
    """

  static let current = """
    ---
    {code: "03433", name: "A", district: "Huyện Mường Tè", year: 2025, population: 10000, births: 150}
    ---
    {code: "03436", name: "B", district: "Huyện Mường Tè", year: 2025, population: 10000, births: 152}
    ---
    {code: "03439", name: "C", district: "Huyện Mường Tè", year: 2025, population: 10000, births: 150}
    """

  static let previous = """
    ---
    {code: "03433", name: "A", district: "Huyện Mường Tè", year: 2024, population: 10000, births: 156}
    ---
    {code: "03436", name: "B", district: "Huyện Mường Tè", year: 2024, population: 10000, births: 156}
    """

  @Test("Each commune against its own previous round; no previous record is unknown, never a pass")
  func communes() throws {
    let (set, diagnostics) = TestSupport.criteria(yaml: Self.yaml)
    let criteria = try #require(set, "\(diagnostics.map { $0.rendered(in: .en) })")
    let report = CheckResult(
      criteria: criteria, batch: TestSupport.batch(Self.current, schema: criteria.schema), year: nil,
      asOf: TestSupport.asOf, baseline: TestSupport.batch(Self.previous, file: "previous.yaml", schema: criteria.schema)
    )
    let byCode = Dictionary(uniqueKeysWithValues: report.communes.map { ($0.record.code, $0) })
    // A: 15.6 ‰ → 15.0 ‰, a fall of 0.6 ‰.
    #expect(byCode["03433"]?.indicator("commune-birth-rate-fall", in: criteria)?.status == .pass)
    // B: 15.6 ‰ → 15.2 ‰, 0.4 ‰: 0.1 ‰ short.
    let b = try #require(byCode["03436"]?.indicator("commune-birth-rate-fall", in: criteria))
    #expect(b.status == .fail)
    #expect(b.gap?.amount == Rational(1, 10000))
    // C has no previous round.
    let c = try #require(byCode["03439"]?.indicator("commune-birth-rate-fall", in: criteria))
    #expect(c.status == .unknown)
    #expect(c.reasons == [.noBaseline])
    // The district: 312 of 20000 in 2024 (15.6 ‰) against 452 of 30000 in 2025 (15.07 ‰): a fall of 0.53 ‰.
    let district = try #require(report.groups.first?.indicators.first)
    #expect(district.status == .pass)
  }

  @Test("The command reads the previous round with --baseline")
  func command() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tieuchi-baseline-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: folder + "/now", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: folder + "/before", withIntermediateDirectories: true)
    try Data(Self.yaml.utf8).write(to: URL(fileURLWithPath: folder + "/change.yaml"))
    try Data(Self.current.utf8).write(to: URL(fileURLWithPath: folder + "/now/data.yaml"))
    try Data(Self.previous.utf8).write(to: URL(fileURLWithPath: folder + "/before/data.yaml"))
    let without = try CLI.run(["check", "--criteria", folder + "/change.yaml", "--format", "json", folder + "/now"])
    let communes = try #require(try without.json()["communes"] as? [[String: Any]])
    #expect(communes.allSatisfy { $0["status"] as? String == "incomplete" })
    let with = try CLI.run([
      "check", "--criteria", folder + "/change.yaml", "--baseline", folder + "/before", "--format", "json",
      folder + "/now",
    ])
    let statuses = try #require(try with.json()["communes"] as? [[String: Any]]).map { $0["status"] as? String ?? "" }
    #expect(statuses == ["pass", "fail", "incomplete"])
  }
}
