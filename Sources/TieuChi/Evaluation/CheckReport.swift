/// A whole `check` run: the criteria, every commune's result, what could not be read, and the
/// summary. Renderers turn this into text or JSON; they decide nothing.
public struct CheckReport: Sendable {
  public var criteria: CriteriaSet
  /// The evaluation year asked for (`--year`); nil means each record's own year.
  public var requestedYear: Int?
  public var communes: [CommuneResult]
  /// Group-level results, one per group and year (empty when the set has no group indicators).
  public var groups: [GroupResult]
  public var batch: SurveyBatch
  /// The attribute communes are grouped by in the summary (nil: no grouping).
  public var groupBy: String?
  public var summary: Summary

  /// Evaluates `batch` against `criteria`.
  ///
  /// - Parameter groupBy: the record attribute to group the summary by; `nil` picks `district` when
  ///   the records have one (data before 1 July 2025) and `province` otherwise.
  /// - Parameter asOf: the day waivers are checked against (default: today in Vietnam).
  /// - Parameter grouped: false puts every commune and group record in one group (worked examples).
  /// - Parameter baseline: the previous round's data, for `baseline(…)` in targets about change.
  public init(
    criteria: CriteriaSet, batch: SurveyBatch, year: Int?, groupBy: String? = nil, asOf: CalendarDate = .today,
    grouped: Bool = true, baseline: SurveyBatch? = nil
  ) {
    self.criteria = criteria
    self.requestedYear = year
    var batch = batch
    if let groupBy, !batch.records.isEmpty, !batch.records.contains(where: { $0.attributes[groupBy] != nil }) {
      // Grouping by a field nobody has puts every commune in one "(none)" group: say so.
      let fields = Set(batch.records.flatMap { $0.attributes.keys })
      batch.diagnostics.append(
        Diagnostic(
          .warning, at: nil,
          LocalizedText(
            vi: "không bản ghi nào có trường '\(groupBy)' để nhóm theo (--group-by)",
            en: "no record has the field '\(groupBy)' to group by (--group-by)"),
          hint: Suggestions.hint(for: groupBy, in: fields)))
    }
    batch.diagnostics += Self.waiverProblems(batch.records, criteria: criteria, asOf: asOf)
    self.batch = batch
    self.communes = Evaluator(criteria: criteria, asOf: asOf, baseline: baseline?.records ?? [])
      .evaluate(batch.records, year: year)
    let field = grouped ? groupBy ?? Self.defaultGrouping(batch.records + batch.groupRecords) : nil
    self.groupBy = field
    self.groups =
      criteria.hasGroupIndicators
      ? GroupEvaluator(
        criteria: criteria,
        baseline: baseline.map { previous in
          // The previous round in its own years: its milestones do not matter, only its values.
          (Evaluator(criteria: criteria, asOf: asOf).evaluate(previous.records, year: nil), previous.groupRecords)
        }
      ).evaluate(communes, groupRecords: batch.groupRecords, field: field, year: year)
      : []
    self.summary = Summary(criteria: criteria, communes: communes, batch: batch, groupBy: field)
  }

  /// Expired waivers and waivers for indicators the set does not have: both are ignored, and said so.
  static func waiverProblems(_ records: [StationRecord], criteria: CriteriaSet, asOf: CalendarDate) -> [Diagnostic] {
    let ids = criteria.indicators.filter { $0.level == .commune }.map(\.id)
    var problems: [Diagnostic] = []
    for record in records {
      for waiver in record.waivers {
        if !ids.contains(waiver.indicator) {
          problems.append(
            Diagnostic(
              .warning, at: waiver.location,
              LocalizedText(
                vi: "miễn trừ cho chỉ tiêu '\(waiver.indicator)' bị bỏ qua: \(criteria.id) không có chỉ tiêu cấp xã này",
                en: "waiver for '\(waiver.indicator)' ignored: \(criteria.id) has no such commune indicator"),
              hint: Suggestions.hint(for: waiver.indicator, in: ids)))
        } else if waiver.expires < asOf {
          problems.append(
            Diagnostic(
              .warning, at: waiver.location,
              LocalizedText(
                vi: "miễn trừ cho '\(waiver.indicator)' của xã \(record.code) đã hết hạn ngày \(waiver.expires) nên bị bỏ qua",
                en: "the waiver for '\(waiver.indicator)' of commune \(record.code) expired on \(waiver.expires) and is ignored")))
        }
      }
    }
    return problems
  }

  static func defaultGrouping(_ records: [StationRecord]) -> String? {
    for field in StationAttribute.groupings.map(\.rawValue) where records.contains(where: { $0.attributes[field] != nil }) {
      return field
    }
    return nil
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

/// Counts across the batch: records, communes by status, indicators by status, and per group.
public struct Summary: Sendable {
  /// Every input record: evaluated + rejected.
  public var records: Int
  public var evaluated: Int
  public var rejected: Int
  /// Groups' own records read (`level: group`), also counted in `records`.
  public var groupRecords: Int
  public var errors: Int
  public var warnings: Int
  public var communes: [CommuneStatus: Int]
  /// Per indicator, in the set's order: how many communes have each status.
  public var indicators: [(id: String, counts: [IndicatorStatus: Int])]
  public var groups: [Group]

  public struct Group: Sendable {
    /// The grouping field's value; nil for records without it.
    public var key: String?
    public var communes: [CommuneStatus: Int]
    public var total: Int
  }

  init(criteria: CriteriaSet, communes results: [CommuneResult], batch: SurveyBatch, groupBy: String?) {
    evaluated = results.count
    rejected = batch.rejected
    groupRecords = batch.groupRecords.count
    records = evaluated + rejected + groupRecords
    errors = batch.diagnostics.filter { $0.severity == .error }.count
    warnings = batch.diagnostics.count - errors
    var byStatus: [CommuneStatus: Int] = [:]
    var byIndicator = [[IndicatorStatus: Int]](repeating: [:], count: criteria.indicators.count)
    var byGroup: [String?: [CommuneStatus: Int]] = [:]
    var groupOrder: [String?] = []
    for result in results {
      byStatus[result.status, default: 0] += 1
      for indicator in result.indicators { byIndicator[indicator.index][indicator.status, default: 0] += 1 }
      if let groupBy {
        let key = result.record.attributes[groupBy]
        if byGroup[key] == nil { groupOrder.append(key) }
        byGroup[key, default: [:]][result.status, default: 0] += 1
      }
    }
    self.communes = byStatus
    self.indicators = zip(criteria.indicators, byIndicator).filter { $0.0.level == .commune }.map { ($0.id, $1) }
    self.groups = groupOrder.map { key in
      let counts = byGroup[key] ?? [:]
      return Group(key: key, communes: counts, total: counts.values.reduce(0, +))
    }
  }
}
