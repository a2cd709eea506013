/// Finds, for a commune that fails a points rule, the cheapest set of indicators to improve: the
/// fewest indicators whose full points would make it pass, every failed knock-out indicator included,
/// gaining the most points among equally short sets. Unknown indicators are assumed not to earn. The
/// answer is exact (no search budget, no greedy fallback): see `cheapestFix`.
struct ImprovementPlanner {
  let criteria: CriteriaSet

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

    // What is still short once the forced (knock-out) indicators are fixed.
    var total = score.earned
    var groups = earnedGroup
    for candidate in forced {
      guard let sum = total.adding(candidate.gain) else { return nil }
      total = sum
      if let group = candidate.group, let earned = groups[group] {
        guard let sum = earned.adding(candidate.gain) else { return nil }
        groups[group] = sum
      }
    }
    // A set of a given size gains most, in every group at once, when it takes each group's largest gains:
    // so a plan is a number of indicators per group, and the best one is found exactly by a knapsack over
    // the few groups (size → largest total gain), in time polynomial in the number of indicators.
    // Candidates of a group without a minimum share one bucket that counts toward the total only.
    var buckets: [(candidates: [Candidate], minimum: Int)] = []
    var bucketOf: [String: Int] = [:]
    var free: [Candidate] = []
    for candidate in optional.sorted(by: { $0.gain > $1.gain }) {
      guard let group = candidate.group, groups[group] != nil else {
        free.append(candidate)
        continue
      }
      if let bucket = bucketOf[group] {
        buckets[bucket].candidates.append(candidate)
      } else {
        bucketOf[group] = buckets.count
        buckets.append(([candidate], 0))
      }
    }
    // Each group short of its minimum needs at least its largest gains up to it; if even all of its
    // candidates fall short, no plan exists, settled at once.
    for (group, earned) in groups {
      let need = needGroup[group] ?? .zero
      guard earned < need else { continue }
      guard let bucket = bucketOf[group] else { return nil }
      var sum = earned
      var count = 0
      for candidate in buckets[bucket].candidates where sum < need {
        guard let next = sum.adding(candidate.gain) else { return nil }
        sum = next
        count += 1
      }
      guard sum >= need else { return nil }
      buckets[bucket].minimum = count
    }
    buckets.append((free, 0))

    // best[n]: the largest gain of n indicators meeting every group's minimum; choice[b][n]: how many of
    // bucket b that plan takes.
    var best: [Rational?] = [.zero]
    var choice: [[Int]] = []
    for bucket in buckets {
      var prefix: [Rational] = [.zero]
      for candidate in bucket.candidates {
        guard let sum = prefix[prefix.count - 1].adding(candidate.gain) else { return nil }
        prefix.append(sum)
      }
      var next = [Rational?](repeating: nil, count: best.count + bucket.candidates.count)
      var taken = [Int](repeating: 0, count: next.count)
      for (size, gain) in best.enumerated() {
        guard let gain else { continue }
        for count in bucket.minimum...bucket.candidates.count {
          guard let sum = gain.adding(prefix[count]) else { return nil }
          if let current = next[size + count], current >= sum { continue }
          next[size + count] = sum
          taken[size + count] = count
        }
      }
      best = next
      choice.append(taken)
    }
    let need = needTotal.subtracting(total) ?? needTotal
    guard var size = best.indices.first(where: { best[$0].map { $0 >= need } ?? false }) else { return nil }
    var chosen: [Candidate] = []
    for bucket in buckets.indices.reversed() {
      let count = choice[bucket][size]
      chosen += buckets[bucket].candidates.prefix(count)
      size -= count
    }
    return (forced + chosen.sorted { $0.gain > $1.gain }).map(\.index)
  }
}
