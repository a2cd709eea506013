/// The short way from a station's table rows to its summary, for a streamed check whose report needs nothing more
/// of a commune than its verdicts (`--summary`): the station is read into flat typed buffers
/// (`SurveyReader.readTyped`), its indicators evaluated on known values only (`KnownEvaluator`), and its summary
/// made directly — no record, result or gap is built for it.
///
/// Whenever the short way is not certain to give what the usual way gives — a field the reader would report, a
/// value missing, a rule broken, a division by zero, a number too large, a target with no milestone in force — it
/// gives nothing, and the station is read and evaluated the usual way. So every verdict, count and message is the
/// same; tests compare the two on real criteria and hostile data.
struct SummaryLane: Sendable {
  private let year: Int?
  /// The commune indicators, in the set's order, with only what their verdicts need.
  private var indicators: [CompactIndicator]
  /// The consistency rules' checks.
  private var rules: [KnownEvaluator]
  private var statusIndicators: Boxed<[(id: String, index: Int)]>
  private let groups: GroupEvaluator?
  private let keeping: Set<String>
  private let needs: SurveyReader.TypedNeeds

  /// The lane for `criteria` evaluated in `year` (nil: each record's own), its summaries keeping the attributes
  /// `fields` and their groups' items made by `groups`, sharing `indicators`; nil when the criteria need what only
  /// the usual evaluation does: points decide (scores and shortfalls), entered points, or `baseline(…)`.
  init?(
    criteria: CriteriaSet, year: Int?, fields: [String], groups: GroupEvaluator?,
    indicators: Boxed<[(id: String, index: Int)]>
  ) {
    guard case .allIndicators = criteria.passRule, !criteria.indicators.contains(where: \.enteredPoints) else {
      return nil
    }
    let communeIndicators = criteria.indicators.indices.filter { criteria.indicators[$0].level == .commune }
    let expressions =
      communeIndicators.flatMap {
        [criteria.indicators[$0].measure] + [criteria.indicators[$0].appliesWhen].compactMap { $0 }
      }
      + criteria.rules.map(\.check)
    guard expressions.allSatisfy(KnownEvaluator.supports) else { return nil }
    var needs = SurveyReader.TypedNeeds()
    for expression in expressions { Self.collectReads(expression, list: nil, into: &needs) }
    for slot in groups?.itemInputs ?? [] {
      // A group item carrying a whole list is left to the usual way.
      if case .list = criteria.schema.inputs[slot].type { return nil }
      needs.inputs.insert(slot)
    }
    self.year = year
    self.indicators = communeIndicators.map { CompactIndicator(criteria.indicators[$0]) }
    self.rules = criteria.rules.map { KnownEvaluator($0.check)! }
    self.statusIndicators = indicators
    self.groups = groups
    self.keeping = Set(fields)
    self.needs = needs
  }

  /// A commune's summary made the short way, and its facts.
  struct Summary: Sendable {
    var commune: CommuneResult
    var facts: CommuneFacts
  }

  /// The lane as `SurveyLoader.stream`'s shortcut for stations read with `schema`: each chunk gets a lane of its
  /// own, and its own scratch record.
  func shortcut(schema: InputSchema) -> SurveyLoader.Shortcut<Summary> {
    SurveyLoader.Shortcut { [self] in
      let lane = forOneCore()
      var scratch = Scratch(record: TypedRecord(schema: schema))
      return { joined, index, reader, plan in
        lane.summary(of: joined, station: index, reader: reader, plan: plan, scratch: &scratch)
      }
    } plainReader: { [self] in
      let lane = forOneCore()
      var scratch = Scratch(record: TypedRecord(schema: schema))
      return { stations, index, reader, plan in
        lane.summary(of: stations, station: index, reader: reader, plan: plan, scratch: &scratch)
      }
    }
  }

  /// The same lane with an indicators' list of its own, for the summaries one core makes (two cores counting
  /// references on one object wait on each other).
  func forOneCore() -> SummaryLane {
    var lane = self
    lane.statusIndicators = Boxed(statusIndicators.value)
    // The compiled expressions too: evaluating one counts references on its arrays.
    lane.indicators = indicators.map { CompactIndicator(copying: $0) }
    lane.rules = rules.map { KnownEvaluator(copying: $0) }
    return lane
  }

  /// What the stations of one chunk share: room to read each into, the reading's plan, and what summaries have in
  /// common.
  struct Scratch {
    var record: TypedRecord
    var typed: SurveyReader.TypedPlan? = nil
    /// The indicators' targets in force in `targetsYear`, worked out once for the stations of that year.
    var targets: [Bound?] = []
    var targetsYear: Int?? = nil
    /// Room for a station's statuses and its group item's values, kept from station to station (made for each, they
    /// were an allocation and a release apiece).
    var statuses: [IndicatorStatus] = []
    var itemValues: [InputValue] = []
  }

  /// Station `index` of `joined` as a summary (as `StreamKept.summary(of:sharing:)` makes it from the evaluated
  /// commune) with its facts, or nil: then it is to be read and evaluated the usual way.
  func summary(
    of joined: TableJoin.Joined, station index: Int, reader: SurveyReader, plan: SurveyReader.TablePlan,
    scratch: inout Scratch
  ) -> Summary? {
    if scratch.typed == nil {
      scratch.typed = SurveyReader.TypedPlan(
        plan, listSlots: joined.sources.map(\.listSlot), reader: reader, keeping: keeping, needs: needs)
    }
    guard
      let station = reader.readTyped(
        joined: joined, station: index, plan: plan, typed: &scratch.typed!, into: &scratch.record)
    else { return nil }
    return summary(of: station, scratch: &scratch)
  }

  /// Station `index` of a chunk's plain lines as a summary, or nil, as `summary(of:station:…)` makes it from the
  /// chunk's tables.
  func summary(
    of stations: TableJoin.Streamed.PlainStations, station index: Int, reader: SurveyReader,
    plan: SurveyReader.TablePlan, scratch: inout Scratch
  ) -> Summary? {
    if scratch.typed == nil {
      scratch.typed = SurveyReader.TypedPlan(
        plan, listSlots: stations.listSlots, reader: reader, keeping: keeping, needs: needs)
    }
    guard
      let station = reader.readTyped(
        plain: stations, station: index, plan: plan, typed: &scratch.typed!, into: &scratch.record)
    else { return nil }
    return summary(of: station, scratch: &scratch)
  }

  /// The summary of `station`, read into `scratch.record`.
  private func summary(of station: SurveyReader.TypedStation, scratch: inout Scratch) -> Summary? {
    let record = scratch.record
    // By position, as the indicators below: a rule taken out of the array by a loop was a copy of its arrays.
    for position in rules.indices {
      guard rules[position].boolean(record) == true else { return nil }
    }
    let year = self.year ?? station.year
    if scratch.targetsYear != .some(year) {
      scratch.targets = indicators.map { indicator in
        indicator.milestones.inForce(for: year).map {
          Bound(comparator: $0.target.comparator, threshold: $0.target.threshold)
        }
      }
      scratch.targetsYear = .some(year)
    }
    scratch.statuses.removeAll(keepingCapacity: true)
    let targets = scratch.targets
    for position in indicators.indices {
      guard let status = indicators[position].status(record, target: targets[position]) else { return nil }
      scratch.statuses.append(status)
    }
    let status: CommuneStatus = scratch.statuses.contains(.fail) ? .fail : .pass
    let indicators = IndicatorResults(statuses: scratch.statuses, indicators: statusIndicators)
    // No rule is broken here: no input is made unusable.
    let groupItem = groups.map { groups in
      scratch.itemValues.removeAll(keepingCapacity: true)
      groups.appendItemValues(
        to: &scratch.itemValues, input: { Self.inputValue(record.values[$0], texts: record.texts) },
        name: station.name ?? station.code, indicators: indicators, status: status)
      return PackedListItem(scratch.itemValues)
    }
    let facts = CommuneFacts(fields: station.fields, year: station.year, waiverProblems: [], enteredPointsProblems: [])
    // Made whole in place: fields made, then changed and boxed, were copied twice over for every station.
    return Summary(
      commune: CommuneResult(
        CommuneResult.Fields(
          record: StationRecord(
            location: station.location, code: station.code, name: station.name, year: station.year,
            attributes: station.attributes, values: []),
          year: year, status: status, indicators: indicators, violations: [], score: nil, groupItem: groupItem)),
      facts: facts)
  }

  /// A target as the lane compares with it (`Target` without its text): plain data, so that reading one for each
  /// indicator of each station counts no reference.
  struct Bound {
    var comparator: TargetComparator
    var threshold: Rational
  }

  /// A commune indicator as the lane evaluates it: an `Indicator` is some twenty strings and arrays, copied for
  /// every station it would be most of the work. Shared by reference: even these few expressions, copied for each
  /// station, were a measurable share of the lane.
  private final class CompactIndicator: Sendable {
    let measure: KnownEvaluator
    let appliesWhen: KnownEvaluator?
    let milestones: [Milestone]
    /// A measure that is a quotient (`insured / population`), its two sides.
    let quotient: (numerator: KnownEvaluator, denominator: KnownEvaluator)?

    /// `indicator` with compiled expressions of its own (`KnownEvaluator.init(copying:)`).
    init(copying indicator: CompactIndicator) {
      measure = KnownEvaluator(copying: indicator.measure)
      appliesWhen = indicator.appliesWhen.map { KnownEvaluator(copying: $0) }
      milestones = indicator.milestones
      quotient = indicator.quotient.map {
        (KnownEvaluator(copying: $0.numerator), KnownEvaluator(copying: $0.denominator))
      }
    }

    /// `indicator`, whose expressions `KnownEvaluator` supports.
    init(_ indicator: Indicator) {
      measure = KnownEvaluator(indicator.measure)!
      appliesWhen = indicator.appliesWhen.map { KnownEvaluator($0)! }
      milestones = indicator.milestones
      if case .arithmetic(.divide, let numerator, let denominator) = indicator.measure {
        quotient = (KnownEvaluator(numerator)!, KnownEvaluator(denominator)!)
      } else {
        quotient = nil
      }
    }

    /// The status `Evaluator` gives the indicator, its target in force being `target`, or nil where that is not
    /// certain here.
    func status(_ record: TypedRecord, target: Bound?) -> IndicatorStatus? {
      if let appliesWhen {
        guard let applies = appliesWhen.boolean(record) else { return nil }
        if !applies { return .notApplicable }
      }
      if let quotient {
        // A quotient of whole numbers is compared with its target without being made (and reduced): exactly the
        // order of the reduced quotient, which for whole numbers always exists (`Rational.divided(by:)` cannot
        // overflow on them).
        guard let numerator = quotient.numerator.number(record), let denominator = quotient.denominator.number(record),
          denominator != .zero
        else { return nil }
        guard let target else { return nil }
        if let order = Rational.compare(numerator, dividedBy: denominator, with: target.threshold) {
          return target.comparator.holds(order) ? .pass : .fail
        }
      }
      switch measure.evaluate(record) {
      case .boolean(let holds)?: return holds ? .pass : .fail
      case .number(let number)?:
        guard let target else { return nil }
        return target.comparator.holds(Rational.compare(number, target.threshold)) ? .pass : .fail
      default: return nil
      }
    }
  }

  private static func inputValue(_ value: TypedRecord.Value, texts: [String]) -> InputValue {
    switch value {
    case .number(let n): .number(n)
    case .boolean(let b): .boolean(b)
    case .text(let position): .text(texts[position])
    case .missing: .missing
    }
  }

  /// The inputs and list fields `expression` reads (`list`: the list an enclosing aggregate iterates): those whose
  /// text the lane makes.
  private static func collectReads(_ expression: Expression, list: Int?, into needs: inout SurveyReader.TypedNeeds) {
    switch expression {
    case .number, .text, .boolean, .baseline, .yearsSinceBaseline: break
    case .input(let slot): needs.inputs.insert(slot)
    case .field(let field): if let list { needs.fields[list, default: []].insert(field) }
    case .negate(let e), .not(let e): collectReads(e, list: list, into: &needs)
    case .arithmetic(_, let l, let r), .comparison(_, let l, let r), .and(let l, let r), .or(let l, let r):
      collectReads(l, list: list, into: &needs)
      collectReads(r, list: list, into: &needs)
    case .aggregate(let aggregate):
      if let field = aggregate.field { needs.fields[aggregate.list, default: []].insert(field) }
      if let condition = aggregate.condition { collectReads(condition, list: aggregate.list, into: &needs) }
    }
  }
}
