/// Re-evaluates one indicator for one commune (or the commune's group) keeping what `explain` needs:
/// the expression evaluator over that record, and the result.
public struct CheckTrace: Sendable {
  public let report: CheckReport

  public init(criteria: CriteriaSet, batch: SurveyBatch, year: Int?, groupBy: String?) {
    report = CheckReport(criteria: criteria, batch: batch, year: year, groupBy: groupBy)
  }

  public struct Trace: Sendable {
    public var result: IndicatorResult
    public var evaluator: ExpressionEvaluator
    /// Whose verdict it is: the commune, or its group.
    public var subject: String
    public var year: Int?

    public func heading(_ language: Language) -> String {
      (language == .vi ? "Đánh giá cho " : "Evaluation for ") + subject
        + (year.map { language == .vi ? ", năm \($0)" : ", year \($0)" } ?? "") + ":"
    }
  }

  public func trace(indicator index: Int, code: String) -> Trace? {
    let criteria = report.criteria
    guard let commune = report.communes.first(where: { $0.record.code == code }) else { return nil }
    let indicator = criteria.indicators[index]
    if indicator.level == .commune {
      // The same inconsistencies as in the check, so the trace shows the same unknowns.
      let inconsistent = criteria.inconsistentInputs(broken: Set(commune.violations.map(\.rule)))
      guard let result = commune.indicators.first(where: { $0.index == index }) else { return nil }
      let evaluator = ExpressionEvaluator(schema: criteria.schema, record: commune.record, inconsistent: inconsistent)
      return Trace(result: result, evaluator: evaluator, subject: "\(code) \(commune.record.name ?? "")", year: commune.year)
    }
    let key = report.groupBy.flatMap { commune.record.attributes[$0] }
    guard let group = report.groups.first(where: { $0.key == key && $0.year == commune.year }),
      let result = group.indicators.first(where: { $0.index == index })
    else { return nil }
    let field = report.groupBy
    let members = report.communes.filter { member in
      field.flatMap { member.record.attributes[$0] } == key && member.year == commune.year
    }
    let record = GroupEvaluator(criteria: criteria).record(key: key, year: commune.year, communes: members, own: group.record, field: report.groupBy)
    return Trace(
      result: result, evaluator: ExpressionEvaluator(schema: criteria.groupSchema, record: record),
      subject: key ?? "(không rõ)", year: commune.year)
  }
}
