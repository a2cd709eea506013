/// The communes of a check streamed through its report, counted as they are admitted and then let go: the
/// summary's counts (`SummaryTally`) and their items of their groups' lists (`GroupItems`) are all the result's
/// end needs, where keeping every commune's summary held about 450 bytes a commune (450 MB for a million).
package struct CountedCommunes: Sendable {
  /// The fields the communes may be grouped by: the grouping is often chosen only once every commune is seen.
  let fields: [String]
  private(set) var tally: SummaryTally
  /// Nil: the set has no group indicator.
  private(set) var items: GroupItems?
  private let groups: GroupEvaluator?

  /// No commune yet.
  init(criteria: CriteriaSet, fields: [String], asOf: CalendarDate) {
    self.fields = fields
    tally = SummaryTally(criteria: criteria, fields: fields)
    groups = criteria.hasGroupIndicators ? GroupEvaluator(criteria: criteria, asOf: asOf) : nil
    items = groups == nil ? nil : GroupItems(fields: fields.count)
  }

  /// Counts the next commune: a summary that kept its item of its group's list (`StreamKept.summary`), or a
  /// whole result.
  mutating func add(_ commune: CommuneResult) {
    tally.add(commune)
    guard let groups else { return }
    let item = commune.packedGroupItem ?? PackedListItem(groups.item(for: commune).values)
    items?.add(item, location: commune.record.location, year: commune.year, groups: tally.latestGroups)
  }

  /// The groups' results, grouped by `field` (one of `fields`; nil: one group by year).
  func groupResults(
    criteria: CriteriaSet, groupRecords: [StationRecord], field: String?, year: Int?
  ) -> [GroupResult] {
    guard let groups, let items else { return [] }
    let position = field.flatMap { fields.firstIndex(of: $0) }
    assert(field == nil || position != nil, "communes not counted by \(field ?? "")")
    return groups.evaluate(
      items, keys: field.map { tally.groupKeys(of: $0) } ?? [], position: position, groupRecords: groupRecords,
      field: field, year: year)
  }
}

/// A check's evaluated communes as its result's finishing half takes them (`CheckResult.init(…evaluated:…)`).
package enum EvaluatedCommunes: Sendable {
  /// Every commune's result, in input order.
  case kept([CommuneResult])
  /// Counted, not kept: a check streamed through its report.
  case counted(CountedCommunes)
}
