/// Counts across the batch: records, communes by status, indicators by status, and per group.
public struct Summary: Sendable {
  /// Every input record: evaluated + rejected.
  public internal(set) var records: Int
  public internal(set) var evaluated: Int
  public internal(set) var rejected: Int
  /// Groups' own records read (`level: group`), also counted in `records`.
  public internal(set) var groupRecords: Int
  public internal(set) var errors: Int
  public internal(set) var warnings: Int
  public internal(set) var communes: [CommuneStatus: Int]
  /// Per indicator, in the set's order: how many communes have each status.
  public internal(set) var indicators: [(id: String, counts: [IndicatorStatus: Int])]
  public internal(set) var groups: [Group]

  /// The communes of one value of the grouping field, by status.
  public struct Group: Sendable {
    /// The grouping field's value; nil for records without it.
    public internal(set) var key: String?
    public internal(set) var communes: [CommuneStatus: Int]
    public internal(set) var total: Int
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
