/// Checks criteria sets for what loads fine but is probably wrong: points that do not add up,
/// thresholds that can never be met, milestones that loosen over time, inputs nobody uses, and
/// contradictory targets for the same measure across the sets checked together.
public enum CriteriaLinter {
  /// Warnings about `sets` (already loaded without errors), in file order.
  public static func lint(_ sets: [CriteriaSet]) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for set in sets {
      findings += points(set)
      findings += impossibleTargets(set)
      findings += milestones(set)
      findings += unusedInputs(set)
    }
    findings += contradictions(sets)
    return findings.sorted {
      ($0.location ?? SourceLocation(file: "", line: 0, column: 0))
        < ($1.location ?? SourceLocation(file: "", line: 0, column: 0))
    }
  }

  private static func number(_ value: Rational) -> String { NumberText.format(value, decimals: 4, style: .plain) }

  // MARK: Points

  static func points(_ set: CriteriaSet) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for group in set.groups {
      let carried = set.indicators.filter { $0.group == group.id }.reduce(Rational.zero) {
        $0.adding($1.points ?? .zero) ?? $0
      }
      guard let max = group.maxPoints, carried != max else { continue }
      if carried < max {
        let lacking = max.subtracting(carried) ?? .zero
        findings.append(
          .lintPointsShortOfMaximum(
            group: group.id, max: number(max), carried: number(carried), lacking: number(lacking), at: group.location))
      } else {
        findings.append(
          .lintPointsOverMaximum(group: group.id, max: number(max), carried: number(carried), at: group.location))
      }
    }
    if case .allIndicators = set.passRule, let scored = set.indicators.first(where: { $0.points != nil }) {
      findings.append(.lintUnusedPoints(indicator: scored.id, at: scored.location))
    }
    return findings
  }

  // MARK: Thresholds that can never be met

  /// The largest value a measure can take, where the set makes it plain: a share of a list's own
  /// records, or a ratio whose parts a consistency rule bounds (`insured <= population`).
  static func upperBound(_ measure: Expression, rules: [ConsistencyRule]) -> Rational? {
    guard case .arithmetic(.divide, let part, let whole) = measure else { return nil }
    if case .aggregate(let p) = part, case .aggregate(let w) = whole, p.kind == .count, w.kind == .count,
      p.list == w.list,
      w.condition == nil
    {
      return .one
    }
    guard case .input(let a) = part, case .input(let b) = whole else { return nil }
    for rule in rules {
      if case .comparison(.lessOrEqual, .input(a), .input(b)) = rule.check { return .one }
      if case .comparison(.greaterOrEqual, .input(b), .input(a)) = rule.check { return .one }
    }
    return nil
  }

  static func impossibleTargets(_ set: CriteriaSet) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for indicator in set.indicators {
      for milestone in indicator.milestones {
        let target = milestone.target
        var never = false
        if let bound = upperBound(indicator.measure, rules: set.rules) {
          let order = Rational.compare(target.threshold, bound)
          never =
            (target.comparator == .greater && order >= 0) || (target.comparator == .greaterOrEqual && order > 0)
            || (target.comparator == .equal && order > 0)
        }
        if target.threshold < .zero || (target.threshold == .zero && target.comparator == .less) {
          never =
            never
            || ((target.comparator == .less || target.comparator == .lessOrEqual)
              && isNonNegative(indicator.measure, set))
        }
        if never {
          findings.append(
            .lintImpossibleTarget(
              indicator: indicator.id, target: target.text, year: milestone.year, measure: indicator.measureText,
              at: indicator.location))
        }
      }
    }
    return findings
  }

  private static func isNonNegative(_ expression: Expression, _ set: CriteriaSet) -> Bool {
    switch expression {
    case .number(let n): return n >= .zero
    case .input(let slot):
      if case .count = set.schema.inputs[slot].type { return true }
      return false
    case .aggregate(let aggregate): return aggregate.kind == .count
    case .arithmetic(let op, let lhs, let rhs):
      return op != .subtract && isNonNegative(lhs, set) && isNonNegative(rhs, set)
    default: return false
    }
  }

  // MARK: Milestones

  static func milestones(_ set: CriteriaSet) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for indicator in set.indicators where indicator.milestones.count > 1 {
      for (earlier, later) in zip(indicator.milestones, indicator.milestones.dropFirst()) {
        let a = earlier.target
        let b = later.target
        let rising = [TargetComparator.greater, .greaterOrEqual]
        let falling = [TargetComparator.less, .lessOrEqual]
        if (rising.contains(a.comparator) && falling.contains(b.comparator))
          || (falling.contains(a.comparator) && rising.contains(b.comparator))
        {
          findings.append(
            .lintOppositeMilestones(
              indicator: indicator.id, earlier: (earlier.year ?? 0, a.text), later: (later.year ?? 0, b.text),
              at: indicator.location))
        } else if (rising.contains(a.comparator) && b.threshold < a.threshold)
          || (falling.contains(a.comparator) && b.threshold > a.threshold)
        {
          findings.append(
            .lintLooseningMilestone(
              indicator: indicator.id, earlier: (earlier.year ?? 0, a.text), later: (later.year ?? 0, b.text),
              at: indicator.location))
        }
      }
    }
    return findings
  }

  // MARK: Unused inputs

  static func unusedInputs(_ set: CriteriaSet) -> [Diagnostic] {
    var used = Set<String>()
    let texts = set.rules.map(\.checkText) + set.indicators.flatMap { [$0.measureText, $0.appliesWhenText ?? ""] }
    for text in texts {
      for word in text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }) {
        used.insert(String(word))
      }
    }
    let builtIn = Set(InputSchema.stationAttributes + [GroupRecordFields.communesList])
    let groupInputs = set.groupSchema.inputs.filter { $0.level == .group }
    return (set.schema.inputs + groupInputs)
      .filter { !builtIn.contains($0.name) && !used.contains($0.name) }
      .map { .lintUnusedInput($0.name, at: $0.location) }
  }

  // MARK: Across sets

  /// The same measure with different targets for the same year in two sets checked together (the
  /// Tân Yên plan's 99.5 % and 99.9 % BHYT targets, for instance).
  static func contradictions(_ sets: [CriteriaSet]) -> [Diagnostic] {
    var seen: [String: (set: CriteriaSet, indicator: Indicator, milestone: Milestone)] = [:]
    var findings: [Diagnostic] = []
    for set in sets {
      for indicator in set.indicators {
        let measure = indicator.measureText.filter { !$0.isWhitespace }
        for milestone in indicator.milestones {
          let key = "\(indicator.level.rawValue)|\(measure)|\(milestone.year.map(String.init) ?? "-")"
          if let first = seen[key], first.set.id != set.id,
            first.milestone.target.comparator != milestone.target.comparator
              || first.milestone.target.threshold != milestone.target.threshold
          {
            findings.append(
              .lintContradictoryTargets(
                "\(set.id)/\(indicator.id)", target: milestone.target.text, measure: indicator.measureText,
                year: milestone.year,
                other: ("\(first.set.id)/\(first.indicator.id)", first.milestone.target.text, first.indicator.location),
                at: indicator.location))
          } else if seen[key] == nil {
            seen[key] = (set, indicator, milestone)
          }
        }
      }
    }
    return findings
  }
}
