/// "So với kỳ trước": how this round compares with the previous one — per commune the change of status,
/// per indicator the change of the value and of the gap, per group the change of the pass rate and of
/// the total gaps.
///
/// Communes are matched by code, with the latest previous record dated before the current one. A code
/// whose name changed (codes were reused when communes merged on 1 July 2025) is *not* matched: two
/// different units are never compared; such communes are listed as unmatched, with both names.
public struct RoundComparison: Sendable {
  /// How a commune's status moved between the rounds.
  public enum Change: String, Sendable, CaseIterable {
    /// Passes now, did not before.
    case newlyPassing = "newly_passing"
    /// Fails now, did not before.
    case newlyFailing = "newly_failing"
    case stillPassing = "still_passing"
    case stillFailing = "still_failing"
    /// Incomplete now (or before, and not passing now): the movement cannot be told.
    case undetermined

    init(previous: CommuneStatus, current: CommuneStatus) {
      switch (previous, current) {
      case (.pass, .pass): self = .stillPassing
      case (.fail, .fail): self = .stillFailing
      case (_, .pass): self = .newlyPassing
      case (.pass, .fail), (.incomplete, .fail): self = .newlyFailing
      default: self = .undetermined
      }
    }
  }

  /// One indicator of a matched commune in both rounds.
  public struct IndicatorChange: Sendable {
    public let indicator: String
    public let previous: IndicatorResult
    public let current: IndicatorResult
    /// Current value minus previous value, in the measure's raw terms (nil unless both are numbers).
    public let valueChange: Rational?
    /// Current gap minus previous gap (a missing gap counts as zero when the indicator passes).
    public let gapChange: Rational?
  }

  /// A commune found in both rounds.
  public struct CommuneChange: Sendable {
    public let code: String
    public let name: String?
    public let previousYear: Int?
    public let year: Int?
    public let previous: CommuneStatus
    public let current: CommuneStatus
    public let change: Change
    public let indicators: [IndicatorChange]
  }

  /// A commune of one round with no comparable record in the other.
  public struct Unmatched: Sendable {
    /// Why a commune could not be compared.
    public enum Reason: Sendable, Hashable {
      /// No record with this code in the other round.
      case noRecord
      /// The code is there under another name: a different unit (merged or renamed), not compared.
      case codeReused(otherName: String)
    }

    public let code: String
    public let name: String?
    public let year: Int?
    public let reason: Reason
  }

  /// A group (the grouping field's value) in both rounds.
  public struct GroupChange: Sendable {
    public let key: String?
    public let previousPassing: Int
    public let previousTotal: Int
    public let currentPassing: Int
    public let currentTotal: Int
    /// Per indicator failed in either round: the totals before and now.
    public let gaps: [(indicator: String, previous: GapTotal?, current: GapTotal?)]
  }

  /// Matched communes, in the current round's order.
  public let communes: [CommuneChange]
  /// Current communes with nothing to compare with.
  public let unmatchedCurrent: [Unmatched]
  /// Previous communes with no counterpart now (merged away, not surveyed).
  public let unmatchedPrevious: [Unmatched]
  /// Per group, in the order groups first appear in the current round.
  public let groups: [GroupChange]

  /// Compares `current` with `previous`, both evaluated against `criteria`, grouping by `groupBy`.
  init(current: [CommuneResult], previous: [CommuneResult], criteria: CriteriaSet, groupBy: String?) {
    let byCode = Dictionary(grouping: previous, by: \.record.code)
    var matchedPrevious = Set<SourceLocation>()
    var changes: [CommuneChange] = []
    var unmatchedCurrent: [Unmatched] = []
    for commune in current {
      let record = commune.record
      let candidates = byCode[record.code] ?? []
      guard let before = Self.latest(candidates, before: record.year) else {
        unmatchedCurrent.append(Unmatched(code: record.code, name: record.name, year: record.year, reason: .noRecord))
        continue
      }
      if let name = record.name, let otherName = before.record.name, !Self.sameUnit(name, otherName) {
        unmatchedCurrent.append(
          Unmatched(code: record.code, name: name, year: record.year, reason: .codeReused(otherName: otherName)))
        continue
      }
      matchedPrevious.insert(before.record.location)
      let indicators = commune.indicators.compactMap { now -> IndicatorChange? in
        guard let then = before[now.id] else { return nil }
        return IndicatorChange(
          indicator: now.id, previous: then, current: now, valueChange: Self.difference(now.actual, then.actual),
          gapChange: Self.gapDifference(now, then))
      }
      changes.append(
        CommuneChange(
          code: record.code, name: record.name, previousYear: before.year, year: commune.year, previous: before.status,
          current: commune.status, change: Change(previous: before.status, current: commune.status),
          indicators: indicators))
    }
    let unmatchedPrevious = previous.filter { !matchedPrevious.contains($0.record.location) }.compactMap {
      commune -> Unmatched? in
      // A previous record superseded by a later previous record of the same commune is not "gone".
      let laterSameCode = (byCode[commune.record.code] ?? []).contains { other in
        matchedPrevious.contains(other.record.location)
      }
      guard !laterSameCode else { return nil }
      let now = current.first { $0.record.code == commune.record.code }
      let reason: Unmatched.Reason = now?.record.name.map { .codeReused(otherName: $0) } ?? .noRecord
      return Unmatched(code: commune.record.code, name: commune.record.name, year: commune.year, reason: reason)
    }
    self.communes = changes
    self.unmatchedCurrent = unmatchedCurrent
    self.unmatchedPrevious = unmatchedPrevious
    self.groups = Self.groupChanges(current: current, previous: previous, criteria: criteria, groupBy: groupBy)
  }

  private static func groupChanges(
    current: [CommuneResult], previous: [CommuneResult], criteria: CriteriaSet, groupBy: String?
  ) -> [GroupChange] {
    let before = Dictionary(CheckResult.grouped(previous, by: groupBy).map { ($0.key, $0.communes) }) { first, _ in
      first
    }
    return CheckResult.grouped(current, by: groupBy).map { group in
      let value = group.key
      let now = group.communes
      let then = before[value] ?? []
      let nowGaps = GapTotal.of(now, criteria: criteria)
      let thenGaps = GapTotal.of(then, criteria: criteria)
      let ids = criteria.indicators.map(\.id).filter { id in
        nowGaps.contains { $0.indicator == id } || thenGaps.contains { $0.indicator == id }
      }
      return GroupChange(
        key: value, previousPassing: then.filter { $0.status == .pass }.count, previousTotal: then.count,
        currentPassing: now.filter { $0.status == .pass }.count, currentTotal: now.count,
        gaps: ids.map { id in
          (id, thenGaps.first { $0.indicator == id }, nowGaps.first { $0.indicator == id })
        })
    }
  }

  /// The latest record dated before `year` (an undated one when nothing is dated).
  private static func latest(_ candidates: [CommuneResult], before year: Int?) -> CommuneResult? {
    let dated = candidates.filter { candidate in
      guard let then = candidate.record.year else { return false }
      return year.map { then < $0 } ?? true
    }
    return dated.max { ($0.record.year ?? 0) < ($1.record.year ?? 0) } ?? candidates.first { $0.record.year == nil }
  }

  /// Whether two names are the same unit's: equal once case, spacing, diacritics (registers spell
  /// "Hòa" and "Hoà") and the kind of unit ("Xã", "Phường", "Thị trấn", "Đặc khu") are set aside.
  static func sameUnit(_ a: String, _ b: String) -> Bool {
    key(a) == key(b)
  }

  private static func key(_ name: String) -> String {
    var words = name.foldedForMatching.split(separator: " ").map(String.init)
    for prefix in [["thi", "tran"], ["dac", "khu"], ["xa"], ["phuong"]] where words.starts(with: prefix) {
      words.removeFirst(prefix.count)
      break
    }
    return words.joined(separator: " ")
  }

  private static func difference(_ now: IndicatorResult.Actual?, _ then: IndicatorResult.Actual?) -> Rational? {
    guard case .number(let a)? = now, case .number(let b)? = then else { return nil }
    return a.subtracting(b)
  }

  private static func gapDifference(_ now: IndicatorResult, _ then: IndicatorResult) -> Rational? {
    let amount = { (result: IndicatorResult) -> Rational? in
      result.status == .pass ? .zero : result.status == .fail ? result.gap?.amount : nil
    }
    guard let a = amount(now), let b = amount(then) else { return nil }
    return a.subtracting(b)
  }
}
