/// The result of a whole `check` run: the criteria, every commune's result, the groups' results, what
/// could not be read, and the summary. Immutable once made; renderers turn it into reports and decide
/// nothing.
public struct CheckResult: Sendable {
  public let criteria: CriteriaSet
  /// The evaluation year asked for (`--year`); nil means each record's own year.
  public let requestedYear: Int?
  /// The day waivers were checked against.
  public let asOf: CalendarDate
  public let communes: [CommuneResult]
  /// Group-level results, one per group and year (empty when the set has no group indicators).
  public let groups: GroupResults
  public let batch: SurveyBatch
  /// The previous round's data, when targets about change were evaluated against it.
  public let baseline: SurveyBatch?
  /// The previous round's communes, evaluated in their own years (their milestones then).
  public let previousCommunes: [CommuneResult]
  /// "So với kỳ trước": the comparison with the previous round, when one was given.
  public let comparison: RoundComparison?
  /// The attribute communes are grouped by in the summary (nil: no grouping).
  public let groupBy: String?
  public let summary: Summary

  /// Evaluates `batch` against `criteria`.
  ///
  /// - Parameter groupBy: the record attribute to group the summary by; `nil` picks `district` when
  ///   the records have one (data before 1 July 2025) and `province` otherwise.
  /// - Parameter asOf: the day waivers are checked against. The library never assumes "today": a
  ///   client passes the day it means (the CLI: today in Vietnam, or `--as-of`).
  /// - Parameter grouped: false puts every commune and group record in one group (worked examples).
  /// - Parameter baseline: the previous round's data, for `baseline(…)` in targets about change.
  public init(
    criteria: CriteriaSet, batch: SurveyBatch, year: Int?, groupBy: String? = nil, asOf: CalendarDate,
    grouped: Bool = true, baseline: SurveyBatch? = nil
  ) {
    self.init(
      criteria: criteria, batch: batch, year: year, groupBy: groupBy, asOf: asOf, grouped: grouped, baseline: baseline,
      stoppingWhen: { false })!
  }

  /// The evaluation of `init(criteria:batch:year:…)`, or nil when `stop` says so before it is done: asked
  /// every 256 communes, so a client's time limit frees the cores within moments, not at the batch's end.
  package init?(
    criteria: CriteriaSet, batch: SurveyBatch, year: Int?, groupBy: String? = nil, asOf: CalendarDate,
    grouped: Bool = true, baseline: SurveyBatch? = nil, stoppingWhen stop: @Sendable () -> Bool
  ) {
    self.criteria = criteria
    self.requestedYear = year
    self.asOf = asOf
    self.baseline = baseline
    var batch = batch
    if let groupBy, !batch.records.isEmpty, !batch.records.contains(where: { $0.attributes[groupBy] != nil }) {
      // Grouping by a field nobody has puts every commune in one "(none)" group: say so.
      let fields = Set(batch.records.flatMap { $0.attributes.keys })
      batch.diagnostics.append(.groupingFieldAbsent(groupBy, fields: fields))
    }
    batch.diagnostics += Self.waiverProblems(batch.records, criteria: criteria, asOf: asOf)
    // A --year far from every record's year is more likely a typo (2052 for 2025) than a plan: the
    // milestones it selects decide every verdict, so say so.
    let years = Set(batch.records.compactMap(\.year))
    if let year, !years.isEmpty, years.allSatisfy({ abs($0 - year) > Self.plausibleYearDistance }) {
      batch.diagnostics.append(.yearFarFromData(year, dataYears: years.sorted()))
    }
    guard
      let communes = Evaluator(criteria: criteria, asOf: asOf, baseline: baseline?.records ?? [])
        .evaluate(batch.records, year: year, stoppingWhen: stop)
    else { return nil }
    self.communes = communes
    // The previous round in its own years: as it was judged then.
    var previousCommunes: [CommuneResult] = []
    if let baseline {
      guard
        let previous = Evaluator(criteria: criteria, asOf: asOf).evaluate(
          baseline.records, year: nil, stoppingWhen: stop)
      else { return nil }
      previousCommunes = previous
    }
    self.previousCommunes = previousCommunes
    let field = grouped ? groupBy ?? Self.defaultGrouping(batch.records + batch.groupRecords) : nil
    self.groupBy = field
    self.groups = GroupResults(
      criteria.hasGroupIndicators
        ? GroupEvaluator(
          criteria: criteria, asOf: asOf,
          previousRound: baseline.map { (previousCommunes, $0.groupRecords) }
        ).evaluate(communes, groupRecords: batch.groupRecords, field: field, year: year)
        : [])
    self.comparison =
      baseline == nil
      ? nil : RoundComparison(current: communes, previous: previousCommunes, criteria: criteria, groupBy: field)
    batch.diagnostics += Self.enteredPointsProblems(communes, criteria: criteria)
    self.batch = batch
    self.summary = Summary(criteria: criteria, communes: communes, batch: batch, groupBy: field)
  }

  /// Entered scores outside 0…maximum (unusable, and said where), and entered scores that disagree with
  /// the points the file computes for the same criterion.
  static func enteredPointsProblems(_ communes: [CommuneResult], criteria: CriteriaSet) -> [Diagnostic] {
    let entered = criteria.indicators.indices.filter { criteria.indicators[$0].enteredPoints }
    guard !entered.isEmpty else { return [] }
    var problems: [Diagnostic] = []
    for commune in communes {
      for index in entered {
        let indicator = criteria.indicators[index]
        guard case .input(let slot) = indicator.measure, case .number(let score) = commune.record.values[slot],
          let maximum = indicator.points
        else { continue }
        let input = criteria.schema.inputs[slot]
        if score < .zero || score > maximum {
          problems.append(
            .enteredPointsOutOfRange(
              input.name, label: input.label, score: score, maximum: maximum, record: commune.record))
          continue
        }
        guard criteria.enteredPointsOnlyCheck(indicator) else { continue }
        let computed = commune.indicators.filter { outcome in
          let other = criteria.indicators[outcome.index]
          return other.group == indicator.group && !other.enteredPoints && other.points != nil
            && outcome.status != .notApplicable && outcome.status != .waived
        }
        guard computed.allSatisfy({ $0.points != nil }), let total = Rational.sum(computed.compactMap(\.points)),
          total != score
        else { continue }
        problems.append(
          .enteredPointsDisagree(
            indicator.group ?? indicator.id, entered: score, computed: total, record: commune.record))
      }
    }
    return problems
  }

  /// Expired waivers and waivers for indicators the set does not have: both are ignored, and said so.
  static func waiverProblems(_ records: [StationRecord], criteria: CriteriaSet, asOf: CalendarDate) -> [Diagnostic] {
    let ids = criteria.indicators.filter { $0.level == .commune }.map(\.id)
    var problems: [Diagnostic] = []
    for record in records {
      for waiver in record.waivers {
        if !ids.contains(waiver.indicator) {
          problems.append(.waiverForUnknownIndicator(waiver, criteria: criteria.id, indicators: ids))
        } else if waiver.expires < asOf {
          problems.append(.waiverExpired(waiver, commune: record.code))
        }
      }
    }
    return problems
  }

  /// How far, in years, an evaluation year may be from every record's own year before it is questioned.
  static let plausibleYearDistance = 5

  static func defaultGrouping(_ records: [StationRecord]) -> String? {
    for field in StationAttribute.groupings.map(\.rawValue)
    where records.contains(where: { $0.attributes[field] != nil }) {
      return field
    }
    return nil
  }

  /// The communes by the value of the grouping field, groups in the order they first appear (one group
  /// of all the communes when nothing is grouped).
  public func communesByGroup() -> [(key: String?, communes: [CommuneResult])] {
    Self.grouped(communes, by: groupBy)
  }

  static func grouped(_ communes: [CommuneResult], by field: String?) -> [(key: String?, communes: [CommuneResult])] {
    var order: [String?] = []
    var members: [String?: [CommuneResult]] = [:]
    for commune in communes {
      let key = field.flatMap { commune.record.attributes[$0] }
      if members[key] == nil { order.append(key) }
      members[key, default: []].append(commune)
    }
    return order.map { ($0, members[$0] ?? []) }
  }

  /// The group a commune belongs to, with its group-level results (nil when the set has none).
  public func group(of commune: CommuneResult) -> GroupResult? {
    groups[key: groupBy.flatMap { commune.record.attributes[$0] }, year: commune.year]
  }

  /// Whether every commune and every group passes.
  public var allPass: Bool {
    !communes.isEmpty && communes.allSatisfy { $0.status == .pass } && groups.allSatisfy { $0.status == .pass }
  }

  /// Whether every file and record was read without error.
  public var everythingRead: Bool {
    batch.rejected == 0 && !batch.diagnostics.contains { $0.severity == .error }
  }
}
