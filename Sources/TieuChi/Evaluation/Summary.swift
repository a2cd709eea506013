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
    var tally = SummaryTally(criteria: criteria, fields: groupBy.map { [$0] } ?? [])
    for result in results { tally.add(result) }
    self = tally.summary(criteria: criteria, batch: batch, groupBy: groupBy)
  }

  fileprivate init(
    evaluated: Int, batch: SurveyBatch, communes: [CommuneStatus: Int],
    indicators: [(id: String, counts: [IndicatorStatus: Int])], groups: [Group]
  ) {
    self.evaluated = evaluated
    rejected = batch.rejected
    groupRecords = batch.groupRecords.count
    records = evaluated + rejected + groupRecords
    errors = batch.diagnostics.filter { $0.severity == .error }.count
    warnings = batch.diagnostics.count - errors
    self.communes = communes
    self.indicators = indicators
    self.groups = groups
  }
}

/// The counts a `Summary` is made of, gathered commune by commune in input order: a check streamed through its
/// report counts each commune as it is admitted and lets it go, where keeping every commune to count them at the
/// end held about 300 bytes a commune (300 MB for a million).
///
/// The grouping field is often chosen only once every commune is seen (`CheckResult.defaultGrouping`), so the
/// communes are counted by each field they may be grouped by.
package struct SummaryTally: Sendable {
  // Counted in arrays, by the statuses' positions in `allCases`, and made dictionaries once: a dictionary update
  // per commune and indicator was most of the time a national batch spent here.
  private static let communeStatuses = CommuneStatus.allCases
  private static let indicatorStatuses = IndicatorStatus.allCases
  private var evaluated = 0
  private var byStatus: [Int]
  /// Indicator by indicator (the set's indices), each status's count.
  private var byIndicator: [Int]
  private var groupings: [Grouping]
  /// The groups the commune counted last belongs to, field by field (the fields' order at `init`).
  package private(set) var latestGroups: [Int]

  /// The communes by the values of one field, groups numbered in the order they first appear.
  private struct Grouping: Sendable {
    let field: String
    var keys = TextNumbering()
    /// Group by group, each status's count.
    var counts: [[Int]] = []
  }

  /// No commune yet; `fields`: those the communes may be grouped by.
  package init(criteria: CriteriaSet, fields: [String]) {
    byStatus = [Int](repeating: 0, count: Self.communeStatuses.count)
    byIndicator = [Int](repeating: 0, count: criteria.indicators.count * Self.indicatorStatuses.count)
    groupings = fields.map { Grouping(field: $0) }
    latestGroups = [Int](repeating: 0, count: fields.count)
  }

  /// Counts the next commune (a summary will do: its status, its indicators' statuses and its grouping fields).
  package mutating func add(_ commune: CommuneResult) {
    evaluated += 1
    let status = Self.communeStatuses.firstIndex(of: commune.status)!
    byStatus[status] += 1
    let indicators = commune.indicators
    let columns = Self.indicatorStatuses.count
    for position in indicators.indices {
      let column = Self.indicatorStatuses.firstIndex(of: indicators.status(at: position))!
      byIndicator[indicators.indicatorIndex(at: position) * columns + column] += 1
    }
    for grouping in groupings.indices {
      let group = groupings[grouping].keys.number(commune.record.attributes[groupings[grouping].field])
      if group == groupings[grouping].counts.count {
        groupings[grouping].counts.append([Int](repeating: 0, count: Self.communeStatuses.count))
      }
      groupings[grouping].counts[group][status] += 1
      latestGroups[grouping] = group
    }
  }

  /// How many communes were counted.
  var count: Int { evaluated }

  /// The values of `field` (one of those counted by) that the communes have, numbered as in `latestGroups`.
  func groupKeys(of field: String) -> [String?] {
    groupings.first { $0.field == field }?.keys.values ?? []
  }

  /// The summary of the communes counted and `batch`'s rejections and problems, grouped by `groupBy` (one of the
  /// fields counted by; nil: not grouped).
  package func summary(criteria: CriteriaSet, batch: SurveyBatch, groupBy: String?) -> Summary {
    func counts<Status: Hashable>(_ counts: some Collection<Int>, _ statuses: [Status]) -> [Status: Int] {
      Dictionary(uniqueKeysWithValues: zip(statuses, counts).filter { $0.1 > 0 })
    }
    let columns = Self.indicatorStatuses.count
    let perIndicator = criteria.indicators.indices.map { index in
      counts(byIndicator[(index * columns)..<((index + 1) * columns)], Self.indicatorStatuses)
    }
    let grouping = groupBy.flatMap { field in groupings.first { $0.field == field } }
    assert(groupBy == nil || grouping != nil, "communes not counted by \(groupBy ?? "")")
    return Summary(
      evaluated: evaluated, batch: batch, communes: counts(byStatus, Self.communeStatuses),
      indicators: zip(criteria.indicators, perIndicator).filter { $0.0.level == .commune }.map { ($0.id, $1) },
      groups: grouping.map { grouping in
        zip(grouping.keys.values, grouping.counts).map { key, group in
          Summary.Group(key: key, communes: counts(group, Self.communeStatuses), total: group.reduce(0, +))
        }
      } ?? [])
  }
}
