/// Evaluates a criteria set for stations. Pure: it reads records and returns results, never prints.
public struct Evaluator: Sendable {
  public let criteria: CriteriaSet

  /// Indices of the commune-level indicators; group-level ones are evaluated by `GroupEvaluator`.
  let communeIndicators: [Int]

  /// Points of each group that no indicator of the file carries yet (see `CriteriaSet.missingPoints`).
  let missingPoints: [String: Rational]
  /// The day waivers are checked against: one that expired before it is ignored.
  public let asOf: CalendarDate

  /// Entered scores that only check computed points (see `CriteriaSet.enteredPointsOnlyCheck`).
  let checkOnly: Set<Int>

  /// Previous-round records by commune code, for `baseline(…)`.
  let baseline: [String: [StationRecord]]

  /// The indicators, each held by reference: an `Indicator` is some twenty strings and arrays, and reading one out
  /// of the set's array copies it (a tenth of the evaluation when done for every commune and indicator).
  private let indicators: [Boxed<Indicator>]

  /// - Parameter asOf: the day waivers are checked against; the library never assumes "today".
  /// - Parameter baseline: the previous round's records, for `baseline(…)` in targets about change.
  public init(criteria: CriteriaSet, asOf: CalendarDate, baseline: [StationRecord] = []) {
    self.criteria = criteria
    self.asOf = asOf
    self.baseline = Dictionary(grouping: baseline, by: \.code)
    self.communeIndicators = criteria.indicators.indices.filter { criteria.indicators[$0].level == .commune }
    self.indicators = criteria.indicators.map(Boxed.init)
    self.checkOnly = Set(
      criteria.indicators.indices.filter { criteria.enteredPointsOnlyCheck(criteria.indicators[$0]) })
    // Group ids are unique (the loader rejects duplicates), so no two entries meet here.
    self.missingPoints = Dictionary(criteria.missingPoints.map { ($0.group.id, $0.missing) }) { first, _ in first }
  }

  /// Evaluates many stations, in parallel on all cores; results keep the records' order.
  public func evaluate(_ records: [StationRecord], year: Int?) -> [CommuneResult] {
    ParallelMap.map(records, chunkSize: 256) { evaluate($0, year: year) }
  }

  /// `evaluate(records, year:)`, or nil once `stop` says so (asked every 256 records).
  func evaluate(_ records: [StationRecord], year: Int?, stoppingWhen stop: @Sendable () -> Bool) -> [CommuneResult]? {
    ParallelMap.map(records, chunkSize: 256, stoppingWhen: stop) { evaluate($0, year: year) }
  }

  /// Evaluates one station for the milestones in force in `year` (default: the record's own year).
  public func evaluate(_ record: StationRecord, year: Int?) -> CommuneResult {
    let evaluationYear = year ?? record.year
    let schema = criteria.schema

    let plain = ExpressionEvaluator(schema: schema, record: record)
    // By index, not by element: a rule bound to a local is copied whole for every commune.
    var violations: [RuleViolation] = []
    for position in criteria.rules.indices {
      guard case .boolean(false) = plain.evaluate(criteria.rules[position].check) else { continue }
      violations.append(RuleViolation(rule: criteria.rules[position].id, message: criteria.rules[position].message))
    }
    let evaluator = ExpressionEvaluator(
      schema: schema, record: record, inconsistent: criteria.inconsistentInputs(broken: Set(violations.map(\.rule))),
      baseline: Self.previous(baseline[record.code] ?? [], before: record.year))
    var results = communeIndicators.map { evaluateIndicator($0, evaluator, year: evaluationYear) }
    // Most communes have no waiver: reading an indicator's id copies the whole indicator.
    if !record.waivers.isEmpty {
      for (position, result) in results.enumerated() {
        let id = criteria.indicators[result.index].id
        if let waiver = record.waivers.first(where: { $0.indicator == id && $0.expires >= asOf }) {
          results[position].statusWithoutWaiver = results[position].status
          results[position].status = .waived
          results[position].waiver = waiver
        }
      }
    }
    let (status, score, overflow) = communeStatus(results)
    var result = CommuneResult.Fields(
      record: record, year: evaluationYear, status: status, indicators: IndicatorResults(results),
      violations: violations, score: score)
    result.missingInputs = Self.inputs(in: results) { if case .missing(let path) = $0 { path.input } else { nil } }
    if status == .incomplete { result.incompleteReasons = incompleteReasons(results, overflow: overflow) }
    if status == .fail, case .points(let minTotal, let minGroup) = criteria.passRule, let score {
      result.cheapestFix = ImprovementPlanner(criteria: criteria)
        .cheapestFix(
          results.filter { $0.status != .notApplicable && $0.status != .waived && !checkOnly.contains($0.index) },
          score: score, minTotal: minTotal,
          minGroup: minGroup
        )
        .map { $0.map { criteria.indicators[$0].id } }
    }
    return CommuneResult(result)
  }

  func evaluateIndicator(_ index: Int, _ evaluator: ExpressionEvaluator, year: Int?) -> IndicatorResult {
    evaluate(indicators[index].value, index: index, evaluator, year: year)
  }

  private func evaluate(
    _ indicator: borrowing Indicator, index: Int, _ evaluator: ExpressionEvaluator, year: Int?
  ) -> IndicatorResult {
    let milestone = indicator.milestones.inForce(for: year)
    var result = IndicatorResult(
      id: indicator.id, index: index, status: .unknown, actual: nil, milestone: milestone, reasons: [], gap: nil,
      points: nil)
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
    if indicator.enteredPoints, let maximum = indicator.points {
      return entered(result, value: value, maximum: maximum, indicator: indicator, schema: evaluator.schema)
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

  /// The commune's status and score; `overflow` when a points total did not fit, which leaves the
  /// status incomplete rather than deciding on a total cut short.
  /// An entered score: it earns its value, which must lie between 0 and the criterion's maximum; a
  /// value outside is unusable data (the criterion's points are then unknown), never cut to fit.
  private func entered(
    _ result: IndicatorResult, value: Value, maximum: Rational, indicator: Indicator, schema: InputSchema
  ) -> IndicatorResult {
    var result = result
    guard case .number(let score) = value else {
      result.points = nil
      return result
    }
    guard score >= .zero, score <= maximum else {
      var path = FieldPath(input: indicator.id)
      if case .input(let slot) = indicator.measure { path = FieldPath(input: schema.inputs[slot].name) }
      result.status = .unknown
      result.reasons = [.invalid(path)]
      result.gap = nil
      result.points = nil
      return result
    }
    result.points = score
    return result
  }

  func communeStatus(_ results: [IndicatorResult]) -> (CommuneStatus, Score?, overflow: Bool) {
    // Waived indicators, like those that do not apply, neither block the commune nor count in points;
    // an entered score that only checks computed points does not count either.
    let applicable = results.filter {
      $0.status != .notApplicable && $0.status != .waived && !checkOnly.contains($0.index)
    }
    let anyUnknown = applicable.contains { $0.status == .unknown }
    switch criteria.passRule {
    case .allIndicators:
      if applicable.contains(where: { $0.status == .fail }) { return (.fail, nil, false) }
      return (anyUnknown ? .incomplete : .pass, nil, false)
    case .points(let minTotal, let minGroup):
      let mandatory = applicable.filter { criteria.indicators[$0.index].mandatory }
      // A failed knock-out indicator decides, whatever the points.
      if mandatory.contains(where: { $0.status == .fail }) {
        return (.fail, score(applicable).map { Self.withShortfalls($0, minTotal: minTotal, minGroup: minGroup) }, false)
      }
      guard var score = score(applicable), let possibleGroups = possibleGroupPoints(applicable, score: score),
        let reachesPossible = Self.reaches(score.possible, minTotal, of: score.available),
        let groupsPossible = groupShares(score, minGroup, earned: { possibleGroups[$0.id] ?? $0.earned }),
        let reachesEarned = Self.reaches(score.earned, minTotal, of: score.available),
        let groupsEarned = groupShares(score, minGroup, earned: \.earned)
      else { return (.incomplete, nil, true) }
      score = Self.withShortfalls(score, minTotal: minTotal, minGroup: minGroup)
      if !reachesPossible || !groupsPossible { return (.fail, score, false) }
      let pointsUnknown = applicable.contains { $0.points == nil && criteria.indicators[$0.index].points != nil }
      if anyUnknown || pointsUnknown || !missingPoints.isEmpty { return (.incomplete, score, false) }
      return (reachesEarned && groupsEarned ? .pass : .fail, score, false)
    }
  }

  /// Whether every group with points reaches its share (nil: a product too large to compare exactly).
  private func groupShares(_ score: Score, _ minGroup: Rational?, earned: (Score.Group) -> Rational) -> Bool? {
    guard let minGroup else { return true }
    for group in score.groups where group.available != .zero {
      guard let reached = Self.reaches(earned(group), minGroup, of: group.available) else { return nil }
      if !reached { return false }
    }
    return true
  }

  /// Per group, the points earned if every unknown indicator (and every point the file lacks) earned.
  private func possibleGroupPoints(_ applicable: [IndicatorResult], score: Score) -> [String: Rational]? {
    var possible: [String: Rational] = [:]
    for group in score.groups {
      guard let unknown = unknownPoints(applicable, group: group.id),
        let total = Rational.sum([group.earned, unknown, missingPoints[group.id] ?? .zero])
      else { return nil }
      possible[group.id] = total
    }
    return possible
  }

  /// Why an incomplete commune is incomplete, in the order a reader needs it: the data to supply,
  /// the data to correct, then what only the criteria or the arithmetic can settle.
  private func incompleteReasons(_ results: [IndicatorResult], overflow: Bool) -> [IncompleteReason] {
    let applicable = results.filter { $0.status != .notApplicable && $0.status != .waived }
    var reasons: [IncompleteReason] = []
    let missing = Self.inputs(in: applicable) { if case .missing(let path) = $0 { path.input } else { nil } }
    if !missing.isEmpty { reasons.append(.missingData(inputs: missing)) }
    let invalid = Self.inputs(in: applicable) { if case .invalid(let path) = $0 { path.input } else { nil } }
    if !invalid.isEmpty { reasons.append(.invalidData(inputs: invalid)) }
    let rules = Self.inputs(in: applicable) { if case .inconsistent(let rule) = $0 { rule } else { nil } }
    if !rules.isEmpty { reasons.append(.inconsistentData(rules: rules)) }
    let undetermined = applicable.filter { result in
      result.status == .unknown
        && result.reasons.contains { reason in
          switch reason {
          case .divisionByZero, .noBaseline, .overflow: true
          case .missing, .invalid, .inconsistent: false
          }
        }
    }
    if !undetermined.isEmpty { reasons.append(.undetermined(indicators: undetermined.map(\.id))) }
    if let missingPoints = Rational.sum(criteria.missingPoints.map(\.missing)), missingPoints > .zero {
      reasons.append(.incompleteCriteria(missingPoints: missingPoints))
    }
    if overflow || applicable.contains(where: { $0.reasons.contains(.overflow) }) { reasons.append(.numberTooLarge) }
    return reasons
  }

  /// The distinct names `pick` finds in the results' reasons, in the order first met.
  static func inputs(in results: [IndicatorResult], _ pick: (UnknownReason) -> String?) -> [String] {
    var seen = Set<String>()
    var names: [String] = []
    for result in results {
      for reason in result.reasons {
        if let name = pick(reason), seen.insert(name).inserted { names.append(name) }
      }
    }
    return names
  }

  /// The previous round: the latest record dated before `year` (an undated one if nothing is dated).
  static func previous(_ records: [StationRecord], before year: Int?) -> StationRecord? {
    let dated = records.filter { record in record.year.map { year == nil || $0 < year! } ?? false }
    return dated.max { ($0.year ?? 0) < ($1.year ?? 0) } ?? records.first { $0.year == nil }
  }

  /// The score with how far it is from the rule, in points, so that a report can say "10 points short
  /// of 80 %" and which criteria fall short of their half.
  /// Left nil while points are unknown: a shortfall that data could still close is not yet one.
  private static func withShortfalls(_ score: Score, minTotal: Rational, minGroup: Rational?) -> Score {
    var score = score
    guard score.possible == score.earned else { return score }
    score.shortfall = shortfall(score.earned, minTotal, of: score.available)
    if let minGroup {
      for index in score.groups.indices where score.groups[index].available > .zero {
        score.groups[index].shortfall = shortfall(
          score.groups[index].earned, minGroup, of: score.groups[index].available)
      }
    }
    return score
  }

  /// The points `earned` lacks to reach `share` of `available` (0 when it reaches it).
  private static func shortfall(_ earned: Rational, _ share: Rational, of available: Rational) -> Rational? {
    guard let needed = share.multiplied(by: available), let lacking = needed.subtracting(earned) else { return nil }
    return max(.zero, lacking)
  }

  /// Whether `earned` reaches `share` of `available`; nil when the product is too large to compute.
  private static func reaches(_ earned: Rational, _ share: Rational, of available: Rational) -> Bool? {
    guard let needed = share.multiplied(by: available) else { return nil }
    return earned >= needed
  }

  /// Points that unknown indicators (and graded ones whose grade the data cannot tell) may still earn;
  /// nil when the total does not fit.
  private func unknownPoints(_ results: [IndicatorResult], group: String?) -> Rational? {
    Rational.sum(
      results.compactMap { result in
        let indicator = criteria.indicators[result.index]
        guard result.status == .unknown || result.points == nil, group == nil || indicator.group == group else {
          return nil
        }
        return indicator.points
      })
  }

  /// Points earned and available over the applicable indicators, overall and per group; nil when a
  /// total does not fit (the commune is then incomplete, never judged on a total cut short).
  private func score(_ applicable: [IndicatorResult]) -> Score? {
    var earned: [Rational] = []
    var available: [Rational] = []
    var groupEarned: [String: [Rational]] = [:]
    var groupAvailable: [String: [Rational]] = [:]
    for result in applicable {
      let indicator = criteria.indicators[result.index]
      guard let points = indicator.points else { continue }
      available.append(points)
      earned.append(result.points ?? .zero)
      if let group = indicator.group {
        groupAvailable[group, default: []].append(points)
        groupEarned[group, default: []].append(result.points ?? .zero)
      }
    }
    var groups: [Score.Group] = []
    for group in criteria.groups {
      // Points the file does not define yet are unknown: available, possibly earned, never certain.
      guard let groupEarnedTotal = Rational.sum(groupEarned[group.id] ?? []),
        let groupAvailableTotal = Rational.sum((groupAvailable[group.id] ?? []) + [missingPoints[group.id] ?? .zero])
      else { return nil }
      groups.append(Score.Group(id: group.id, earned: groupEarnedTotal, available: groupAvailableTotal))
    }
    guard let earnedTotal = Rational.sum(earned),
      let availableTotal = Rational.sum(available + Array(missingPoints.values)),
      let unknown = unknownPoints(applicable, group: nil),
      let possible = Rational.sum([earnedTotal, unknown] + Array(missingPoints.values))
    else { return nil }
    return Score(earned: earnedTotal, available: availableTotal, possible: possible, groups: groups)
  }
}
