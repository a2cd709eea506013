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
    // Counted in arrays, by the statuses' positions in `allCases`, and made dictionaries once: a dictionary update
    // per commune and indicator was most of the time a national batch spent here.
    let communeStatuses = CommuneStatus.allCases
    let indicatorStatuses = IndicatorStatus.allCases
    var byStatus = [Int](repeating: 0, count: communeStatuses.count)
    var byIndicator = [Int](repeating: 0, count: criteria.indicators.count * indicatorStatuses.count)
    var groupIndex: [String?: Int] = [:]
    var byGroup: [[Int]] = []
    var groupOrder: [String?] = []
    for result in results {
      let status = communeStatuses.firstIndex(of: result.status)!
      byStatus[status] += 1
      let indicators = result.indicators
      for position in indicators.indices {
        let column = indicatorStatuses.firstIndex(of: indicators.status(at: position))!
        byIndicator[indicators.indicatorIndex(at: position) * indicatorStatuses.count + column] += 1
      }
      if let groupBy {
        let key = result.record.attributes[groupBy]
        let group =
          groupIndex[key]
          ?? {
            groupIndex[key] = byGroup.count
            groupOrder.append(key)
            byGroup.append([Int](repeating: 0, count: communeStatuses.count))
            return byGroup.count - 1
          }()
        byGroup[group][status] += 1
      }
    }
    func counts<Status: Hashable>(_ counts: some Collection<Int>, _ statuses: [Status]) -> [Status: Int] {
      Dictionary(uniqueKeysWithValues: zip(statuses, counts).filter { $0.1 > 0 })
    }
    let perIndicator = criteria.indicators.indices.map { index in
      counts(
        byIndicator[(index * indicatorStatuses.count)..<((index + 1) * indicatorStatuses.count)], indicatorStatuses)
    }
    self.communes = counts(byStatus, communeStatuses)
    self.indicators = zip(criteria.indicators, perIndicator).filter { $0.0.level == .commune }.map { ($0.id, $1) }
    self.groups = zip(groupOrder, byGroup).map { key, group in
      Group(key: key, communes: counts(group, communeStatuses), total: group.reduce(0, +))
    }
  }
}
