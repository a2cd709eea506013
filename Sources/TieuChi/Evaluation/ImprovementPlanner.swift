/// Finds, for a commune that fails a points rule, the cheapest set of indicators to improve: the
/// fewest indicators whose full points would make it pass, every failed knock-out indicator included,
/// gaining the most points among equally short sets. Unknown indicators are assumed not to earn.
struct ImprovementPlanner {
  let criteria: CriteriaSet
  /// Above this many subsets the search settles for a greedy answer (largest gains first).
  static let searchBudget = 200_000

  func cheapestFix(_ applicable: [IndicatorResult], score: Score, minTotal: Rational, minGroup: Rational?) -> [Int]? {
    struct Candidate {
      var index: Int
      var gain: Rational
      var group: String?
    }
    var forced: [Candidate] = []
    var optional: [Candidate] = []
    for result in applicable {
      let indicator = criteria.indicators[result.index]
      guard let full = indicator.points, result.status != .unknown else {
        if indicator.mandatory && result.status == .unknown {
          forced.append(Candidate(index: result.index, gain: .zero, group: indicator.group))
        }
        continue
      }
      let gain = full.subtracting(result.points ?? .zero) ?? .zero
      let candidate = Candidate(index: result.index, gain: gain, group: indicator.group)
      if indicator.mandatory && result.status == .fail {
        forced.append(candidate)
      } else if gain > .zero {
        optional.append(candidate)
      }
    }
    let needTotal = minTotal.multiplied(by: score.available) ?? score.available
    var needGroup: [String: Rational] = [:]
    for group in score.groups { needGroup[group.id] = minGroup.flatMap { $0.multiplied(by: group.available) } ?? .zero }
    let earnedGroup = Dictionary(uniqueKeysWithValues: score.groups.map { ($0.id, $0.earned) })

    func passes(_ chosen: [Candidate]) -> Bool {
      var total = score.earned
      var groups = earnedGroup
      for candidate in forced + chosen {
        total = total.adding(candidate.gain) ?? total
        if let group = candidate.group, let earned = groups[group] {
          groups[group] = earned.adding(candidate.gain) ?? earned
        }
      }
      guard total >= needTotal else { return false }
      return groups.allSatisfy { id, earned in earned >= (needGroup[id] ?? .zero) }
    }

    let sorted = optional.sorted { $0.gain > $1.gain }
    if passes([]) { return forced.map(\.index) }
    var budget = Self.searchBudget
    // Subsets of growing size; within a size, larger gains are tried first, so the first hit gains most.
    for size in 1...max(1, sorted.count) where size <= sorted.count {
      var indices = Array(0..<size)
      while budget > 0 {
        budget -= 1
        let chosen = indices.map { sorted[$0] }
        if passes(chosen) { return (forced + chosen).map(\.index) }
        // Next combination in lexicographic order.
        var position = size - 1
        while position >= 0 && indices[position] == sorted.count - size + position { position -= 1 }
        if position < 0 { break }
        indices[position] += 1
        for next in (position + 1)..<size { indices[next] = indices[next - 1] + 1 }
      }
      if budget <= 0 { break }
    }
    guard budget <= 0 else { return nil }
    // Too many candidates for an exhaustive search: take the largest gains until the rule holds.
    var chosen: [Candidate] = []
    for candidate in sorted {
      chosen.append(candidate)
      if passes(chosen) { return (forced + chosen).map(\.index) }
    }
    return nil
  }
}
