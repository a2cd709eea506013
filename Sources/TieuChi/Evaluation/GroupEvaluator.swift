/// Evaluates group-level indicators over the communes of each group.
///
/// Each group becomes one record of the criteria set's `groupSchema`: the group's own inputs (from a
/// `level: group` record), and the list `communes`, one item per commune carrying its scalar inputs
/// and its outcomes. The same expression evaluator then applies, so a district's coverage is
/// `sum(communes.insured) / sum(communes.population)` — the ratio of sums, never a mean of ratios — and
/// a share of stations keeps the bounds that settle it despite one commune's missing data.
struct GroupEvaluator {
  let criteria: CriteriaSet
  let evaluator: Evaluator
  private let communesSlot: Int
  private let fieldSources: [FieldSource]

  /// Where a field of a `communes` record comes from.
  private enum FieldSource {
    case input(Int)
    case name
    case indicator(Int)
    case status
    case absent
  }

  /// The previous round, already evaluated, for `baseline(…)` in group indicators.
  private let baseline: (communes: [CommuneResult], groupRecords: [StationRecord])?

  /// - Parameter previousRound: the previous round, for `baseline(…)` in group indicators: its communes
  ///   already evaluated (in their own years: only their values matter) and its groups' own records.
  init(
    criteria: CriteriaSet, asOf: CalendarDate,
    previousRound: (communes: [CommuneResult], groupRecords: [StationRecord])? = nil
  ) {
    self.criteria = criteria
    self.evaluator = Evaluator(criteria: criteria, asOf: asOf)
    self.baseline = previousRound
    let groupSchema = criteria.groupSchema
    communesSlot = groupSchema.index(of: GroupRecordFields.communesList) ?? 0
    guard case .list(let definition) = groupSchema.inputs[communesSlot].type else {
      fieldSources = []
      return
    }
    let communeIndicators = evaluator.communeIndicators
    // The fields the group's expressions read, and the one that names an item in a gap: the others are never read,
    // so each commune's item leaves them out (a national batch streamed keeps every commune's item to the end).
    var read = Set<Int>()
    for indicator in criteria.indicators where indicator.level == .group {
      read.formUnion(indicator.measure.listFieldSlots(of: communesSlot))
      read.formUnion(indicator.appliesWhen?.listFieldSlots(of: communesSlot) ?? [])
    }
    for rule in criteria.groupRules { read.formUnion(rule.check.listFieldSlots(of: communesSlot)) }
    if let name = definition.itemName, let slot = definition.fields.index(of: name) { read.insert(slot) }
    fieldSources = definition.fields.inputs.indices.map { index in
      let field = definition.fields.inputs[index]
      guard read.contains(index) else { return .absent }
      switch field.outcome {
      case .set?: return .status
      case .indicator(let id)?:
        guard let position = communeIndicators.firstIndex(where: { criteria.indicators[$0].id == id }) else {
          return .absent
        }
        return .indicator(position)
      case nil: break
      }
      if let slot = criteria.schema.index(of: field.name) { return .input(slot) }
      return field.name == "name" ? .name : .absent
    }
  }

  /// The slots of the commune inputs a commune's item of its group's list carries.
  var itemInputs: [Int] {
    fieldSources.compactMap { if case .input(let slot) = $0 { slot } else { nil } }
  }

  struct Key: Hashable {
    var value: String?
    var year: Int?
  }

  /// A group's communes as its record needs them: their items of its `communes` list, and where the first was read.
  struct Members: Sendable {
    var items: [ListItem]
    var location: SourceLocation?
  }

  /// The members of a group of communes kept whole.
  func members(_ communes: [CommuneResult]) -> Members {
    Members(items: communes.map { $0.groupItem ?? item(for: $0) }, location: communes.first?.record.location)
  }

  func evaluate(_ communes: [CommuneResult], groupRecords: [StationRecord], field: String?, year: Int?) -> [GroupResult]
  {
    var order: [Key] = []
    var members: [Key: [CommuneResult]] = [:]
    for commune in communes {
      let key = Key(value: field.flatMap { commune.record.attributes[$0] }, year: commune.year)
      if members[key] == nil { order.append(key) }
      members[key, default: []].append(commune)
    }
    let groups = members
    return evaluate(
      order, sizes: members.mapValues(\.count), groupRecords: groupRecords, field: field, year: year,
      members: { self.members(groups[$0] ?? []) })
  }

  /// The groups of communes counted rather than kept (a check streamed through its report): `items`, grouped by
  /// the field at `position` of those they were counted by, whose values are `keys`.
  func evaluate(
    _ items: GroupItems, keys: [String?], position: Int?, groupRecords: [StationRecord], field: String?, year: Int?
  ) -> [GroupResult] {
    let (order, positions) = items.groupsBy(field: position, keys: keys)
    return evaluate(
      order, sizes: positions.mapValues(\.count), groupRecords: groupRecords, field: field, year: year,
      members: { items.members(at: positions[$0] ?? []) })
  }

  /// The groups in `order` (as their first commune came), of `sizes` communes each, whose communes' items
  /// `members` gives: unpacked one group at a time, on the core that evaluates it.
  private func evaluate(
    _ order: [Key], sizes: [Key: Int], groupRecords: [StationRecord], field: String?, year: Int?,
    members: @Sendable (Key) -> Members
  ) -> [GroupResult] {
    var order = order
    var sizes = sizes
    // A group that has its own record but no evaluated commune is still reported. A record without
    // the grouping field belongs to another grouping (a district's figures when grouping by province).
    for record in groupRecords {
      // Ungrouped, every group record belongs to the one group.
      let value = field.flatMap { record.attributes[$0] }
      if field != nil && value == nil { continue }
      let key = Key(value: value, year: year ?? record.year)
      if sizes[key] == nil {
        order.append(key)
        sizes[key] = 0
      }
    }
    let groupIndicators = criteria.indicators.indices.filter { criteria.indicators[$0].level == .group }
    // Groups are evaluated on every core (a province's group record lists thousands of communes); the results
    // keep the groups' order.
    let counts = sizes
    return ParallelMap.map(order) { key in
      let record = ownRecord(for: key, field: field, in: groupRecords, requestedYear: year)
      let synthetic = groupRecord(
        key: key, field: field, members: counts[key] == 0 ? Members(items: [], location: nil) : members(key),
        own: record)
      // A district's figures that contradict themselves (120 of 100 services performed) leave the inputs of
      // the broken rule unknown in the group's indicators, as a commune's do in its own.
      let violations = self.violations(synthetic)
      let expressions = ExpressionEvaluator(
        schema: criteria.groupSchema, record: synthetic,
        inconsistent: criteria.inconsistentGroupInputs(broken: Set(violations.map(\.rule))),
        baseline: baselineRecord(for: key, field: field))
      let results = groupIndicators.map { evaluator.evaluateIndicator($0, expressions, year: year ?? key.year) }
      let status: CommuneStatus =
        results.contains { $0.status == .fail }
        ? .fail : results.contains { $0.status == .unknown } ? .incomplete : .pass
      return GroupResult(
        field: field, key: key.value, year: year ?? key.year, status: status, indicators: IndicatorResults(results),
        communes: counts[key] ?? 0, record: record, violations: violations)
    }
  }

  /// The group rules a group's record breaks.
  func violations(_ record: StationRecord) -> [RuleViolation] {
    let plain = ExpressionEvaluator(schema: criteria.groupSchema, record: record)
    return criteria.groupRules.compactMap { rule in
      guard case .boolean(false) = plain.evaluate(rule.check) else { return nil }
      return RuleViolation(rule: rule.id, message: rule.message)
    }
  }

  /// The same group in the previous round: its communes and own record of the latest earlier year.
  func baselineRecord(for key: Key, field: String?) -> StationRecord? {
    guard let baseline else { return nil }
    let inGroup = { (attributes: [String: String]) in field.map { attributes[$0] == key.value } ?? true }
    let communes = baseline.communes.filter { inGroup($0.record.attributes) }
    let years = Set(
      communes.compactMap(\.year) + baseline.groupRecords.filter { inGroup($0.attributes) }.compactMap(\.year))
    let previousYear = years.filter { key.year == nil || $0 < key.year! }.max()
    let members = communes.filter { $0.year == previousYear }
    let own = baseline.groupRecords.first { inGroup($0.attributes) && $0.year == previousYear }
    guard !members.isEmpty || own != nil else { return nil }
    return groupRecord(
      key: Key(value: key.value, year: previousYear), field: field, members: self.members(members), own: own)
  }

  /// A group's own record: the one for the group's year; with `--year`, which applies one year's
  /// milestones to every record, the record of that year if there is one, else the latest.
  private func ownRecord(for key: Key, field: String?, in records: [StationRecord], requestedYear: Int?)
    -> StationRecord?
  {
    let mine = field.map { field in records.filter { $0.attributes[field] == key.value } } ?? records
    if let exact = mine.first(where: { $0.year == key.year }) { return exact }
    if let undated = mine.first(where: { $0.year == nil }) { return undated }
    guard requestedYear != nil else { return nil }
    return mine.max { ($0.year ?? 0) < ($1.year ?? 0) }
  }

  /// The record a group's indicators are evaluated on (also used by `explain` to trace them).
  func record(key: String?, year: Int?, communes: [CommuneResult], own: StationRecord?, field: String?) -> StationRecord
  {
    groupRecord(key: Key(value: key, year: year), field: field, members: members(communes), own: own)
  }

  private func groupRecord(key: Key, field: String?, members: Members, own: StationRecord?) -> StationRecord {
    let schema = criteria.groupSchema
    var values = own?.values ?? [InputValue](repeating: .missing, count: schema.inputs.count)
    var attributes = own?.attributes ?? [:]
    if let field, let value = key.value {
      attributes[field] = value
      if let slot = schema.index(of: field), case .missing = values[slot] { values[slot] = .text(value) }
    }
    values[communesSlot] = .list(members.items)
    return StationRecord(
      location: own?.location ?? members.location ?? SourceLocation(file: "", line: 0, column: 0),
      code: key.value ?? "", name: key.value, year: key.year, attributes: attributes, values: values)
  }

  /// A commune as an item of its group's `communes` list: its inputs the group indicators read, its name, its
  /// outcomes.
  func item(for commune: CommuneResult) -> ListItem {
    // Inputs a failed consistency rule made unusable in the commune stay unusable in the totals.
    let tainted = criteria.inconsistentInputs(broken: Set(commune.violations.map(\.rule)))
    return ListItem(
      location: commune.record.location,
      values: itemValues(
        input: { tainted[$0] == nil ? commune.record.values[$0] : nil },
        name: commune.record.name ?? commune.record.code,
        indicators: commune.indicators, status: commune.status))
  }

  /// The values of a commune's item of its group's list, from the commune's parts: `input` gives an input's value
  /// (nil: made unusable by a broken rule), `name` its name (or code).
  func itemValues(
    input: (Int) -> InputValue?, name: String, indicators: IndicatorResults, status: CommuneStatus
  ) -> [InputValue] {
    var values: [InputValue] = []
    values.reserveCapacity(fieldSources.count)
    appendItemValues(to: &values, input: input, name: name, indicators: indicators, status: status)
    return values
  }

  /// `itemValues(…)` appended to `values`: into room a caller keeps from commune to commune (the short way's
  /// summaries, whose item is packed at once), an array of them made and freed for each was a tenth of a summary.
  func appendItemValues(
    to values: inout [InputValue], input: (Int) -> InputValue?, name: String, indicators: IndicatorResults,
    status: CommuneStatus
  ) {
    for source in fieldSources {
      switch source {
      case .input(let slot):
        values.append(input(slot) ?? .invalid(LocalizedText(vi: "dữ liệu mâu thuẫn", en: "inconsistent data")))
      case .name: values.append(.text(name))
      // A share of stations that do something counts what they do: a waived station does not.
      case .indicator(let position): values.append(Self.outcome(indicators.factualStatus(at: position)))
      case .status: values.append(Self.outcome(status))
      case .absent: values.append(.missing)
      }
    }
  }

  /// A commune outcome as a yes/no field: not applicable counts as met; unknown stays unknown. (A
  /// waived indicator arrives here with the status its data shows.)
  private static func outcome(_ status: IndicatorStatus) -> InputValue {
    switch status {
    case .pass, .notApplicable, .waived: .boolean(true)
    case .fail: .boolean(false)
    case .unknown: .missing
    }
  }

  private static func outcome(_ status: CommuneStatus) -> InputValue {
    switch status {
    case .pass: .boolean(true)
    case .fail: .boolean(false)
    case .incomplete: .missing
    }
  }
}
