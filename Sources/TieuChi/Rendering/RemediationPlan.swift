/// What a remediation plan (*kế hoạch khắc phục*) must contain after a review, drawn from a check result:
/// one task per failed or unknown indicator of each failing or incomplete commune and group, with its
/// shortfall, legal basis, deadline and responsible unit; and the same tasks grouped by responsible unit.
///
/// It only arranges the result's facts; `PlanDocument` phrases them, the plan renderers lay them out.
public struct RemediationPlan: Sendable {
  /// When a task is due.
  public enum Deadline: Sendable, Hashable {
    /// The milestone year in force for the indicator ("by 2030").
    case milestone(Int)
    /// A date the plan sets (`--deadline`).
    case date(CalendarDate)
    /// Neither: the indicator has no milestone year and no date was set.
    case none
  }

  /// Whose task it is: a commune, or a group of communes (a district, a province).
  public enum Subject: Sendable, Hashable {
    case commune(code: String, name: String?)
    case group(field: String?, key: String?)
  }

  /// One thing to do.
  public struct Task: Sendable {
    public let subject: Subject
    public let indicator: Indicator
    /// The indicator's result: a failure with its gap, or an unknown with the data to supply.
    public let outcome: IndicatorResult
    public let deadline: Deadline
    /// Among the fewest indicators whose improvement would make a points-rule commune pass.
    public let cheapest: Bool
  }

  /// The tasks of one commune or group, cheapest first under a points rule.
  public struct Section: Sendable {
    public let subject: Subject
    public let status: CommuneStatus
    public let year: Int?
    public let tasks: [Task]
    public let score: Score?
  }

  public let criteria: CriteriaSet
  /// Groups first (their targets frame the communes'), then communes in the result's order.
  public let sections: [Section]
  /// Every task by the unit the criteria name as responsible, in the order units first appear; tasks
  /// of indicators that name no unit come last, under nil.
  public let byResponsible: [(unit: LocalizedText?, tasks: [Task])]
  /// Communes evaluated, and those needing a plan.
  public let communesEvaluated: Int

  /// The plan for `result`; `deadline` replaces every milestone year when given.
  public init(_ result: CheckResult, deadline: CalendarDate? = nil) {
    criteria = result.criteria
    communesEvaluated = result.communes.count
    let due = { (outcome: IndicatorResult) -> Deadline in
      if let deadline { return .date(deadline) }
      return outcome.milestone?.year.map(Deadline.milestone) ?? .none
    }
    let tasks = { (subject: Subject, outcomes: IndicatorResults, cheapest: [String]) -> [Task] in
      let open = outcomes.filter { $0.status == .fail || $0.status == .unknown }
      // Under a points rule the cheapest way to pass comes first; otherwise the set's order.
      let ordered = open.filter { cheapest.contains($0.id) } + open.filter { !cheapest.contains($0.id) }
      return ordered.map { outcome in
        Task(
          subject: subject, indicator: result.criteria.indicators[outcome.index], outcome: outcome,
          deadline: due(outcome), cheapest: cheapest.contains(outcome.id))
      }
    }
    var sections: [Section] = []
    for group in result.groups where group.status != .pass {
      let subject = Subject.group(field: group.field, key: group.key)
      sections.append(
        Section(
          subject: subject, status: group.status, year: group.year, tasks: tasks(subject, group.indicators, []),
          score: nil))
    }
    for commune in result.communes where commune.status != .pass {
      let subject = Subject.commune(code: commune.record.code, name: commune.record.name)
      sections.append(
        Section(
          subject: subject, status: commune.status, year: commune.year,
          tasks: tasks(subject, commune.indicators, commune.cheapestFix ?? []), score: commune.score))
    }
    self.sections = sections.filter { !$0.tasks.isEmpty }
    var units: [LocalizedText?] = []
    var byUnit: [LocalizedText?: [Task]] = [:]
    for task in self.sections.flatMap(\.tasks) {
      let unit = task.indicator.responsible
      if byUnit[unit] == nil { units.append(unit) }
      byUnit[unit, default: []].append(task)
    }
    // Unassigned tasks last, whatever their order of appearance.
    units = units.filter { $0 != nil } + units.filter { $0 == nil }
    byResponsible = units.map { ($0, byUnit[$0] ?? []) }
  }
}
