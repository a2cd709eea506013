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
    return findings.sorted { ($0.location ?? SourceLocation(file: "", line: 0, column: 0)) < ($1.location ?? SourceLocation(file: "", line: 0, column: 0)) }
  }

  private static func warning(_ location: SourceLocation, vi: String, en: String, hint: LocalizedText? = nil) -> Diagnostic {
    Diagnostic(.warning, at: location, LocalizedText(vi: vi, en: en), hint: hint)
  }

  private static func number(_ value: Rational) -> String { NumberText.format(value, decimals: 4, style: .plain) }

  // MARK: Points

  static func points(_ set: CriteriaSet) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for group in set.groups {
      let carried = set.indicators.filter { $0.group == group.id }.reduce(Rational.zero) { $0.adding($1.points ?? .zero) ?? $0 }
      guard let max = group.maxPoints, carried != max else { continue }
      if carried < max {
        let lacking = max.subtracting(carried) ?? .zero
        findings.append(
          warning(
            group.location,
            vi: "tiêu chí '\(group.id)' có \(number(max)) điểm nhưng các chỉ tiêu mới mang \(number(carried)) điểm: còn thiếu \(number(lacking)) điểm chỉ tiêu",
            en: "criterion '\(group.id)' is worth \(number(max)) points but its indicators carry \(number(carried)): \(number(lacking)) points still lack indicators"))
      } else {
        findings.append(
          warning(
            group.location,
            vi: "các chỉ tiêu của '\(group.id)' mang \(number(carried)) điểm, vượt mức tối đa \(number(max))",
            en: "the indicators of '\(group.id)' carry \(number(carried)) points, more than its maximum of \(number(max))"))
      }
    }
    if case .allIndicators = set.passRule, let scored = set.indicators.first(where: { $0.points != nil }) {
      findings.append(
        warning(
          scored.location,
          vi: "chỉ tiêu '\(scored.id)' có điểm nhưng quy tắc đạt là 'tất cả chỉ tiêu': điểm không được dùng",
          en: "indicator '\(scored.id)' has points but the pass rule is all_indicators: points are not used"))
    }
    return findings
  }

  // MARK: Thresholds that can never be met

  /// The largest value a measure can take, where the set makes it plain: a share of a list's own
  /// records, or a ratio whose parts a consistency rule bounds (`insured <= population`).
  static func upperBound(_ measure: Expression, rules: [ConsistencyRule]) -> Rational? {
    guard case .arithmetic(.divide, let part, let whole) = measure else { return nil }
    if case .aggregate(let p) = part, case .aggregate(let w) = whole, p.kind == .count, w.kind == .count, p.list == w.list,
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
          never = never || ((target.comparator == .less || target.comparator == .lessOrEqual) && isNonNegative(indicator.measure, set))
        }
        if never {
          findings.append(
            warning(
              indicator.location,
              vi: "chỉ tiêu '\(indicator.id)': mục tiêu '\(target.text)'\(milestone.year.map { " (mốc \($0))" } ?? "") không bao giờ đạt được với thước đo \(indicator.measureText)",
              en: "indicator '\(indicator.id)': target '\(target.text)'\(milestone.year.map { " (\($0))" } ?? "") can never be met by \(indicator.measureText)"))
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
    case .arithmetic(let op, let lhs, let rhs): return op != .subtract && isNonNegative(lhs, set) && isNonNegative(rhs, set)
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
            warning(
              indicator.location,
              vi: "chỉ tiêu '\(indicator.id)': mốc \(earlier.year ?? 0) và \(later.year ?? 0) so sánh ngược chiều nhau ('\(a.text)', '\(b.text)')",
              en: "indicator '\(indicator.id)': milestones \(earlier.year ?? 0) and \(later.year ?? 0) point in opposite directions ('\(a.text)', '\(b.text)')"))
        } else if (rising.contains(a.comparator) && b.threshold < a.threshold)
          || (falling.contains(a.comparator) && b.threshold > a.threshold)
        {
          findings.append(
            warning(
              indicator.location,
              vi: "chỉ tiêu '\(indicator.id)': mục tiêu năm \(later.year ?? 0) ('\(b.text)') lỏng hơn năm \(earlier.year ?? 0) ('\(a.text)')",
              en: "indicator '\(indicator.id)': the \(later.year ?? 0) target ('\(b.text)') is looser than the \(earlier.year ?? 0) one ('\(a.text)')"))
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
      for word in text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }) { used.insert(String(word)) }
    }
    let builtIn = Set(InputSchema.stationAttributes + [GroupRecordFields.communesList])
    let groupInputs = set.groupSchema.inputs.filter { $0.level == .group }
    return (set.schema.inputs + groupInputs)
      .filter { !builtIn.contains($0.name) && !used.contains($0.name) }
      .map {
        warning(
          $0.location,
          vi: "đầu vào '\($0.name)' được khai báo nhưng không chỉ tiêu hay quy tắc nào dùng đến",
          en: "input '\($0.name)' is declared but no indicator or rule uses it")
      }
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
              warning(
                indicator.location,
                vi: "'\(set.id)/\(indicator.id)' đặt mục tiêu '\(milestone.target.text)' cho \(indicator.measureText)\(milestone.year.map { " năm \($0)" } ?? ""), trong khi '\(first.set.id)/\(first.indicator.id)' (\(first.indicator.location)) đặt '\(first.milestone.target.text)'",
                en: "'\(set.id)/\(indicator.id)' sets '\(milestone.target.text)' for \(indicator.measureText)\(milestone.year.map { " in \($0)" } ?? ""), but '\(first.set.id)/\(first.indicator.id)' (\(first.indicator.location)) sets '\(first.milestone.target.text)'"))
          } else if seen[key] == nil {
            seen[key] = (set, indicator, milestone)
          }
        }
      }
    }
    return findings
  }
}
