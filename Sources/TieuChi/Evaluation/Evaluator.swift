/// Evaluates a criteria set for stations. Pure: it reads records and returns results, never prints.
public struct Evaluator: Sendable {
  public let criteria: CriteriaSet

  /// Indices of the commune-level indicators; group-level ones are evaluated by `GroupEvaluator`.
  let communeIndicators: [Int]

  /// Points of each group that no indicator of the file carries yet (see `CriteriaSet.missingPoints`).
  let missingPoints: [String: Rational]
  /// The day waivers are checked against: one that expired before it is ignored.
  public let asOf: CalendarDate

  /// Previous-round records by commune code, for `baseline(…)`.
  let baseline: [String: [StationRecord]]

  public init(criteria: CriteriaSet, asOf: CalendarDate = .today, baseline: [StationRecord] = []) {
    self.criteria = criteria
    self.asOf = asOf
    self.baseline = Dictionary(grouping: baseline, by: \.code)
    self.communeIndicators = criteria.indicators.indices.filter { criteria.indicators[$0].level == .commune }
    self.missingPoints = Dictionary(criteria.missingPoints.map { ($0.group.id, $0.missing) }) { a, b in a.adding(b) ?? a }
  }

  /// Evaluates many stations, in parallel on all cores; results keep the records' order.
  public func evaluate(_ records: [StationRecord], year: Int?) -> [CommuneResult] {
    ParallelMap.map(records, chunkSize: 256) { evaluate($0, year: year) }
  }

  /// Evaluates one station for the milestones in force in `year` (default: the record's own year).
  public func evaluate(_ record: StationRecord, year: Int?) -> CommuneResult {
    let evaluationYear = year ?? record.year
    let schema = criteria.schema

    let plain = ExpressionEvaluator(schema: schema, record: record)
    let violations = criteria.rules.compactMap { rule -> RuleViolation? in
      guard case .boolean(false) = plain.evaluate(rule.check) else { return nil }
      return RuleViolation(rule: rule.id, message: rule.message)
    }
    let evaluator = ExpressionEvaluator(
      schema: schema, record: record, inconsistent: criteria.inconsistentInputs(broken: Set(violations.map(\.rule))),
      baseline: Self.previous(baseline[record.code] ?? [], before: record.year))
    var results = communeIndicators.map { evaluateIndicator($0, evaluator, year: evaluationYear) }
    for (position, result) in results.enumerated() {
      let id = criteria.indicators[result.index].id
      if let waiver = record.waivers.first(where: { $0.indicator == id && $0.expires >= asOf }) {
        results[position].status = .waived
        results[position].waiver = waiver
      }
    }
    let (status, score) = communeStatus(results)
    var result = CommuneResult(
      record: record, year: evaluationYear, status: status, indicators: results, violations: violations, score: score)
    if status == .fail, case .points(let minTotal, let minGroup) = criteria.passRule, let score {
      result.cheapestFix = ImprovementPlanner(criteria: criteria)
        .cheapestFix(
          results.filter { $0.status != .notApplicable && $0.status != .waived }, score: score, minTotal: minTotal,
          minGroup: minGroup)
        .map { $0.map { criteria.indicators[$0].id } }
    }
    return result
  }

  func evaluateIndicator(_ index: Int, _ evaluator: ExpressionEvaluator, year: Int?) -> IndicatorResult {
    let indicator = criteria.indicators[index]
    let milestone = indicator.milestones.inForce(for: year)
    var result = IndicatorResult(
      index: index, status: .unknown, actual: nil, milestone: milestone, reasons: [], gap: nil, points: nil)
    if let condition = indicator.appliesWhen {
      switch evaluator.evaluate(condition) {
      case .boolean(false):
        result.status = .notApplicable
        return result
      case .unknown(let unknown):
        result.reasons = unknown.reasons
        return result
      default: break
      }
    }
    let value = evaluator.evaluate(indicator.measure)
    switch value {
    case .boolean(let holds):
      result.actual = .boolean(holds)
      result.status = holds ? .pass : .fail
    case .number(let number):
      result.actual = .number(number)
      guard let milestone else { break }
      result.status = milestone.target.isMet(by: number) ? .pass : .fail
    case .unknown(let unknown):
      result.reasons = unknown.reasons
      // Bounds may settle the verdict even with data missing (a second doctor of unknown status
      // does not matter when one permanent doctor is certain).
      if let target = milestone?.target {
        let low = unknown.lower.flatMap { $0.subtracting(target.threshold) }
        let high = unknown.upper.flatMap { $0.subtracting(target.threshold) }
        if let decided = ExpressionEvaluator.decide(target.comparator, low: low, high: high) {
          result.status = decided ? .pass : .fail
        }
      }
    case .text:
      preconditionFailure("the loader only accepts numeric or yes/no measures")
    }
    if result.status == .fail {
      result.gap = GapFinder(evaluator: evaluator).gap(for: indicator, value: value, milestone: milestone)
    }
    if let points = indicator.points {
      if indicator.grades.isEmpty {
        result.points = result.status == .pass ? points : .zero
      } else if case .number(let number)? = result.actual {
        result.points = indicator.grades.first { $0.target.isMet(by: number) }?.points ?? .zero
      }
      if result.status == .unknown { result.points = nil }
    }
    return result
  }

  func communeStatus(_ results: [IndicatorResult]) -> (CommuneStatus, Score?) {
    // Waived indicators, like those that do not apply, neither block the commune nor count in points.
    let applicable = results.filter { $0.status != .notApplicable && $0.status != .waived }
    let anyUnknown = applicable.contains { $0.status == .unknown }
    switch criteria.passRule {
    case .allIndicators:
      if applicable.contains(where: { $0.status == .fail }) { return (.fail, nil) }
      return (anyUnknown ? .incomplete : .pass, nil)
    case .points(let minTotal, let minGroup):
      let score = self.score(applicable)
      let mandatory = applicable.filter { criteria.indicators[$0.index].mandatory }
      let groupShares = { (pick: (Score.Group) -> Rational) -> Bool in
        guard let minGroup else { return true }
        return score.groups.allSatisfy { group in
          group.available == .zero || Self.reaches(pick(group), minGroup, of: group.available)
        }
      }
      let possibleGroups = Dictionary(
        uniqueKeysWithValues: score.groups.map { group in
          let unknown = self.unknownPoints(applicable, group: group.id).adding(missingPoints[group.id] ?? .zero) ?? .zero
          return (group.id, group.earned.adding(unknown) ?? group.earned)
        })
      if mandatory.contains(where: { $0.status == .fail })
        || !Self.reaches(score.possible, minTotal, of: score.available)
        || !groupShares({ possibleGroups[$0.id] ?? $0.earned })
      {
        return (.fail, score)
      }
      let pointsUnknown = applicable.contains { $0.points == nil && criteria.indicators[$0.index].points != nil }
      if anyUnknown || pointsUnknown || !missingPoints.isEmpty { return (.incomplete, score) }
      let holds = Self.reaches(score.earned, minTotal, of: score.available) && groupShares { $0.earned }
      return (holds ? .pass : .fail, score)
    }
  }

  /// The previous round: the latest record dated before `year` (an undated one if nothing is dated).
  static func previous(_ records: [StationRecord], before year: Int?) -> StationRecord? {
    let dated = records.filter { record in record.year.map { year == nil || $0 < year! } ?? false }
    return dated.max { ($0.year ?? 0) < ($1.year ?? 0) } ?? records.first { $0.year == nil }
  }

  private static func reaches(_ earned: Rational, _ share: Rational, of available: Rational) -> Bool {
    guard let needed = share.multiplied(by: available) else { return false }
    return earned >= needed
  }

  private func unknownPoints(_ results: [IndicatorResult], group: String?) -> Rational {
    results.reduce(Rational.zero) { total, result in
      let indicator = criteria.indicators[result.index]
      // Unknown indicators, and graded ones whose grade the data cannot tell, may still earn their points.
      guard result.status == .unknown || result.points == nil, group == nil || indicator.group == group,
        let points = indicator.points
      else { return total }
      return total.adding(points) ?? total
    }
  }

  private func score(_ applicable: [IndicatorResult]) -> Score {
    var earned = Rational.zero
    var available = Rational.zero
    var groups: [Score.Group] = criteria.groups.map { Score.Group(id: $0.id, earned: .zero, available: .zero) }
    for result in applicable {
      let indicator = criteria.indicators[result.index]
      guard let points = indicator.points else { continue }
      available = available.adding(points) ?? available
      let gained = result.points ?? .zero
      earned = earned.adding(gained) ?? earned
      if let groupIndex = groups.firstIndex(where: { $0.id == indicator.group }) {
        groups[groupIndex].available = groups[groupIndex].available.adding(points) ?? groups[groupIndex].available
        groups[groupIndex].earned = groups[groupIndex].earned.adding(gained) ?? groups[groupIndex].earned
      }
    }
    // Points the file does not define yet are unknown: available, possibly earned, never certain.
    for index in groups.indices {
      if let missing = missingPoints[groups[index].id] {
        groups[index].available = groups[index].available.adding(missing) ?? groups[index].available
        available = available.adding(missing) ?? available
      }
    }
    let undefined = missingPoints.values.reduce(Rational.zero) { $0.adding($1) ?? $0 }
    let possible = earned.adding(unknownPoints(applicable, group: nil))?.adding(undefined) ?? earned
    return Score(earned: earned, available: available, possible: possible, groups: groups)
  }
}
