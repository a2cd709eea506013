import Testing

@testable import TieuChi

/// "So với kỳ trước" on the two rounds of Tân Yên: 2024 (22 communes) and 2025 (19, after the merger of
/// 01/01/2025, with two codes reused by new units). The designed movements are in Samples/README.md.
@Suite("Comparison with the previous round")
struct RoundComparisonTests {
  let result: CheckResult

  init() throws {
    let criteria = try TestSupport.criteria()
    let checker = Checker(criteria: criteria, asOf: TestSupport.asOf)
    let read = { (folder: String) in
      SurveyLoader.load(
        paths: [TestSupport.path(folder)], schema: checker.schemas.station, groupSchema: checker.schemas.group)
    }
    result = checker.run(read("Samples/tan-yen-2025"), baseline: read("Samples/tan-yen-2024"))
  }

  @Test("Every commune's movement is the designed one")
  func communes() throws {
    let comparison = try #require(result.comparison)
    let changes = Dictionary(uniqueKeysWithValues: comparison.communes.map { ($0.code, $0.change) })
    #expect(changes.count == 17)
    #expect(
      changes.filter { $0.value == .newlyPassing }.keys.sorted() == [
        "07321", "07330", "07342", "07348", "07354", "07357",
      ])
    #expect(changes.filter { $0.value == .newlyFailing }.keys.sorted() == ["07309", "07363"])
    #expect(changes.filter { $0.value == .stillPassing }.keys.sorted() == ["07306", "07324", "07336", "07339"])
    #expect(
      changes.filter { $0.value == .stillFailing }.keys.sorted() == ["07327", "07345", "07351", "07360", "07366"])
    let songVan = try #require(comparison.communes.first { $0.code == "07345" })
    let coverage = try #require(songVan.indicators.first { $0.indicator == "bhyt-coverage" })
    #expect(coverage.previous.gap?.amount == Rational(41))
    #expect(coverage.current.gap?.amount == Rational(12))
    #expect(coverage.gapChange == Rational(-29))
  }

  @Test("A reused code is never compared with the unit that had it before")
  func reusedCodes() throws {
    let comparison = try #require(result.comparison)
    #expect(comparison.unmatchedCurrent.map(\.code) == ["07315", "07333"])
    #expect(
      comparison.unmatchedCurrent.map(\.reason) == [
        .codeReused(otherName: "Xã Quang Tiến"), .codeReused(otherName: "Xã Lam Cốt"),
      ])
    #expect(comparison.unmatchedPrevious.map(\.code) == ["07303", "07312", "07315", "07318", "07333"])
  }

  @Test("The group's pass rate and total gaps in both rounds")
  func group() throws {
    let group = try #require(result.comparison?.groups.first)
    #expect(group.key == "Huyện Tân Yên")
    #expect((group.previousPassing, group.previousTotal) == (7, 22))
    #expect((group.currentPassing, group.currentTotal) == (12, 19))
    let coverage = try #require(group.gaps.first { $0.indicator == "bhyt-coverage" })
    #expect(coverage.previous?.amount == Rational(138))
    #expect(coverage.current?.amount == Rational(30))
    let workers = try #require(group.gaps.first { $0.indicator == "village-health-worker" })
    #expect(workers.previous?.items == 3)
    #expect(workers.current?.items == 1)
  }

  @Test("Names match across spellings: case, tone-mark placement, the kind of unit")
  func names() {
    #expect(RoundComparison.sameUnit("Xã Phúc Hòa", "Phúc Hoà"))
    #expect(RoundComparison.sameUnit("THỊ TRẤN CAO THƯỢNG", "Cao  Thượng"))
    #expect(!RoundComparison.sameUnit("Xã Quang Tiến", "Xã Quang Trung"))
  }
}
