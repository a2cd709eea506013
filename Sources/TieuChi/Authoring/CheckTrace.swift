/// Re-evaluates one indicator for one commune (or the commune's group) keeping what `explain` needs:
/// the expression evaluator over that record, and the result.
public struct CheckTrace: Sendable {
  public let result: CheckResult

  /// Traces the indicators of an existing check result.
  public init(_ result: CheckResult) {
    self.result = result
  }

  /// Whose verdict a trace shows.
  public enum Subject: Sendable, Hashable {
    /// A commune, by code and name.
    case commune(code: String, name: String?)
    /// A group of communes: the grouping field (nil: the whole batch) and its value (nil: the communes
    /// without it).
    case group(field: String?, key: String?)
  }

  /// One indicator's verdict for one commune or group, with what is needed to value its sub-expressions.
  public struct Trace: Sendable {
    public var result: IndicatorResult
    /// The evaluator over the commune's (or group's) record, to value each sub-expression.
    package var evaluator: ExpressionEvaluator
    /// Whose verdict it is: the commune, or its group.
    public var subject: Subject
    public var year: Int?
  }

  /// The trace of the indicator at `index` for the commune with this code (for a group-level indicator,
  /// for the commune's group); nil when no such commune was evaluated.
  public func trace(indicator index: Int, code: String) -> Trace? {
    let criteria = result.criteria
    guard let commune = result.communes.first(where: { $0.record.code == code }) else { return nil }
    let indicator = criteria.indicators[index]
    if indicator.level == .commune {
      // The same inconsistencies and previous round as in the check, so the trace shows the same values.
      let inconsistent = criteria.inconsistentInputs(broken: Set(commune.violations.map(\.rule)))
      guard let outcome = commune[indicator.id] else { return nil }
      let previous = Evaluator.previous(
        result.baseline?.records.filter { $0.code == code } ?? [], before: commune.record.year)
      let evaluator = ExpressionEvaluator(
        schema: criteria.schema, record: commune.record, inconsistent: inconsistent, baseline: previous)
      return Trace(
        result: outcome, evaluator: evaluator, subject: .commune(code: code, name: commune.record.name),
        year: commune.year)
    }
    guard let group = result.group(of: commune), let outcome = group[indicator.id] else { return nil }
    let field = result.groupBy
    let key = group.key
    let members = result.communes.filter { member in
      field.flatMap { member.record.attributes[$0] } == key && member.year == commune.year
    }
    let groups = GroupEvaluator(
      criteria: criteria, asOf: result.asOf,
      previousRound: result.baseline.map { (result.previousCommunes, $0.groupRecords) })
    let record = groups.record(key: key, year: commune.year, communes: members, own: group.record, field: field)
    let previous = groups.baselineRecord(for: GroupEvaluator.Key(value: key, year: commune.year), field: field)
    return Trace(
      result: outcome,
      evaluator: ExpressionEvaluator(schema: criteria.groupSchema, record: record, baseline: previous),
      subject: .group(field: field, key: key), year: commune.year)
  }
}
