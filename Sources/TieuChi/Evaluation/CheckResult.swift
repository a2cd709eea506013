/// The result of a whole `check` run: the criteria, every commune's result, the groups' results, what
/// could not be read, and the summary. Immutable once made; renderers turn it into reports and decide
/// nothing.
public struct CheckResult: Sendable {
  public let criteria: CriteriaSet
  /// The evaluation year asked for (`--year`); nil means each record's own year.
  public let requestedYear: Int?
  /// The day waivers were checked against.
  public let asOf: CalendarDate
  /// Every commune's result, in input order; empty for a check streamed through its report, which counted its
  /// communes (`summary`) and let them go.
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
    guard
      let communes = Evaluator(criteria: criteria, asOf: asOf, baseline: baseline?.records ?? [])
        .evaluate(batch.records, year: year, stoppingWhen: stop)
    else { return nil }
    // The previous round in its own years: as it was judged then.
    var previousCommunes: [CommuneResult] = []
    if let baseline {
      guard
        let previous = Evaluator(criteria: criteria, asOf: asOf).evaluate(
          baseline.records, year: nil, stoppingWhen: stop)
      else { return nil }
      previousCommunes = previous
    }
    var facts = BatchFacts()
    for commune in communes { facts.add(commune, criteria: criteria, asOf: asOf) }
    self.init(
      criteria: criteria, batch: batch, year: year, groupBy: groupBy, asOf: asOf, grouped: grouped,
      baseline: baseline, evaluated: .kept(communes), previousCommunes: previousCommunes, facts: facts)
  }

  /// The result of communes already evaluated, in input order, with what they tell about the batch: the
  /// finishing half shared by a check of a batch held whole, one that kept its communes without their inputs
  /// (`Checker.results(of:)`) and one streamed through its report, which counted them (`batch.records` then
  /// empty).
  package init(
    criteria: CriteriaSet, batch: SurveyBatch, year: Int?, groupBy: String?, asOf: CalendarDate, grouped: Bool,
    baseline: SurveyBatch?, evaluated: EvaluatedCommunes, previousCommunes: [CommuneResult], facts: BatchFacts
  ) {
    let (communes, counted): ([CommuneResult], CountedCommunes?) =
      switch evaluated {
      case .kept(let kept): (kept, nil)
      case .counted(let tally): ([], tally)
      }
    let evaluatedCount = counted?.tally.count ?? communes.count
    self.criteria = criteria
    self.requestedYear = year
    self.asOf = asOf
    self.baseline = baseline
    var batch = batch
    if let groupBy, evaluatedCount > 0, !facts.fields.contains(groupBy) {
      // Grouping by a field nobody has puts every commune in one "(none)" group: say so.
      batch.diagnostics.append(.groupingFieldAbsent(groupBy, fields: facts.fields))
    }
    batch.diagnostics += facts.waiverProblems
    // A --year far from every record's year is more likely a typo (2052 for 2025) than a plan: the
    // milestones it selects decide every verdict, so say so.
    if let year, !facts.years.isEmpty, facts.years.allSatisfy({ abs($0 - year) > Self.plausibleYearDistance }) {
      batch.diagnostics.append(.yearFarFromData(year, dataYears: facts.years.sorted()))
    }
    self.communes = communes
    self.previousCommunes = previousCommunes
    let field = grouped ? groupBy ?? Self.defaultGrouping(fields: facts.fields, groupRecords: batch.groupRecords) : nil
    self.groupBy = field
    batch.diagnostics += facts.enteredPointsProblems
    let groupRecords = batch.groupRecords
    // The groups on another core while this one counts: at 100,000 communes each is a tenth of a second or more.
    let (groups, summary) = ParallelMap.both(
      {
        if let counted {
          return counted.groupResults(criteria: criteria, groupRecords: groupRecords, field: field, year: year)
        }
        return criteria.hasGroupIndicators
          ? GroupEvaluator(
            criteria: criteria, asOf: asOf,
            previousRound: baseline.map { (previousCommunes, $0.groupRecords) }
          ).evaluate(communes, groupRecords: groupRecords, field: field, year: year)
          : []
      },
      { [batch] in
        counted?.tally.summary(criteria: criteria, batch: batch, groupBy: field)
          ?? Summary(criteria: criteria, communes: communes, batch: batch, groupBy: field)
      })
    self.groups = GroupResults(groups)
    self.comparison =
      baseline == nil
      ? nil : RoundComparison(current: communes, previous: previousCommunes, criteria: criteria, groupBy: field)
    self.batch = batch
    self.summary = summary
  }

  /// Entered scores outside 0…maximum (unusable, and said where), and entered scores that disagree with
  /// the points the file computes for the same criterion.
  static func enteredPointsProblems(_ commune: CommuneResult, criteria: CriteriaSet) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    for index in criteria.indicators.indices where criteria.indicators[index].enteredPoints {
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
    return problems
  }

  /// Expired waivers and waivers for indicators the set does not have: both are ignored, and said so.
  static func waiverProblems(_ record: StationRecord, criteria: CriteriaSet, asOf: CalendarDate) -> [Diagnostic] {
    guard !record.waivers.isEmpty else { return [] }
    let ids = criteria.indicators.filter { $0.level == .commune }.map(\.id)
    var problems: [Diagnostic] = []
    for waiver in record.waivers {
      if !ids.contains(waiver.indicator) {
        problems.append(.waiverForUnknownIndicator(waiver, criteria: criteria.id, indicators: ids))
      } else if waiver.expires < asOf {
        problems.append(.waiverExpired(waiver, commune: record.code))
      }
    }
    return problems
  }

  /// How far, in years, an evaluation year may be from every record's own year before it is questioned.
  static let plausibleYearDistance = 5

  /// The grouping field when none is asked for: the first of `StationAttribute.groupings` that a commune's record
  /// (`fields`: every attribute they have) or a group's own record has.
  static func defaultGrouping(fields: Set<String>, groupRecords: [StationRecord]) -> String? {
    StationAttribute.groupings.map(\.rawValue).first { field in
      fields.contains(field) || groupRecords.contains { $0.attributes[field] != nil }
    }
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
    summary.evaluated > 0 && summary.communes[.pass] == summary.evaluated && groups.allSatisfy { $0.status == .pass }
  }

  /// Whether every file and record was read without error.
  public var everythingRead: Bool {
    batch.rejected == 0 && !batch.diagnostics.contains { $0.severity == .error }
  }
}

/// What a batch's communes tell beyond their own results, gathered commune by commune in input order: the
/// fields their records have (for the grouping), their years (for a `--year` far from all of them), and the
/// problems found in their waivers and entered scores.
package struct BatchFacts: Sendable {
  /// Every attribute some commune's record has.
  package private(set) var fields: Set<String> = []
  package private(set) var years: Set<Int> = []
  /// The field names of the commune added last, all in `fields`.
  private var lastFields: [String] = []
  package private(set) var waiverProblems: [Diagnostic] = []
  package private(set) var enteredPointsProblems: [Diagnostic] = []

  /// No commune yet.
  package init() {}

  /// Adds an evaluated commune (its record as read, not a summary).
  package mutating func add(_ commune: CommuneResult, criteria: CriteriaSet, asOf: CalendarDate) {
    add(CommuneFacts(commune, criteria: criteria, asOf: asOf))
  }

  /// Adds the next commune's facts.
  package mutating func add(_ commune: CommuneFacts) {
    // Communes read alike share one array of field names (`SummaryLane`): compared by identity first, it is one
    // check instead of a lookup per name.
    if commune.fields != lastFields {
      for field in commune.fields where !fields.contains(field) { fields.insert(field) }
      lastFields = commune.fields
    }
    if let year = commune.year { years.insert(year) }
    waiverProblems += commune.waiverProblems
    enteredPointsProblems += commune.enteredPointsProblems
  }
}

/// One commune's part of `BatchFacts`, worked out on the core that evaluated it.
package struct CommuneFacts: Sendable {
  var fields: [String]
  var year: Int?
  var waiverProblems: [Diagnostic]
  var enteredPointsProblems: [Diagnostic]

  /// The facts of a commune, given one by one.
  init(fields: [String], year: Int?, waiverProblems: [Diagnostic], enteredPointsProblems: [Diagnostic]) {
    self.fields = fields
    self.year = year
    self.waiverProblems = waiverProblems
    self.enteredPointsProblems = enteredPointsProblems
  }

  /// The facts of an evaluated commune (its record as read).
  package init(_ commune: CommuneResult, criteria: CriteriaSet, asOf: CalendarDate) {
    fields = Array(commune.record.attributes.keys)
    year = commune.record.year
    waiverProblems = CheckResult.waiverProblems(commune.record, criteria: criteria, asOf: asOf)
    enteredPointsProblems = CheckResult.enteredPointsProblems(commune, criteria: criteria)
  }
}
