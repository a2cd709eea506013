import Synchronization

extension Checker {
  /// Reads and evaluates `files` a window of stations at a time, writing `renderer`'s report as it goes: each
  /// chunk's stations are read, evaluated and written on one core and let go there, so memory no longer holds
  /// the batch, only each commune's summary (`StreamKept.summary(of:sharing:)`) for the totals, the groups and the tail
  /// of the report.
  ///
  /// The report is the same, byte for byte, as `renderer.renderParts(run(files))`, and the result the same
  /// but for its communes being summaries and its batch holding no records. No baseline: a comparison with
  /// the previous round needs both rounds whole (`run(_:baseline:)`).
  ///
  /// - Parameter batch: what was found before reading (`SurveyLoader.surveyFiles(paths:)`).
  /// - Parameter window: how the stations are cut into chunks and windows.
  /// - Parameter finished: the result, once every commune is evaluated and before the report's tail is written
  ///   (a terminal's user reads the problems found before the totals).
  /// - Parameter write: each piece of the report, in order, on the calling thread.
  package func stream<R: CommuneStreamRenderer>(
    _ files: consuming [SurveyFile], into batch: SurveyBatch = SurveyBatch(), renderer: R,
    window: StreamWindow = StreamWindow(),
    finished: (CheckResult) -> Void = { _ in }, write: ([UInt8]) -> Void
  ) -> CheckResult {
    let (station, group) = schemas
    let criteria = self.criteria
    let (year, asOf) = (self.year, self.asOf)
    let evaluator = Evaluator(criteria: criteria, asOf: asOf)
    let kept = StreamKept(criteria: criteria, groupBy: groupBy, asOf: asOf)
    // The report's frame once the grouping is known: chunks read after that are written by the core that reads
    // them. Set while a window is admitted, when the next may be half read: a chunk read before is written when
    // it is admitted.
    let frame = Mutex<ReportFrame?>(nil)
    var grouping = GroupingDecision(asked: groupBy, needed: renderer.needsGrouping)
    // Counted as they are admitted, not kept: a million communes' summaries were most of a national batch's memory.
    var admitted = AdmittedCommunes(counting: criteria, fields: kept.fields, asOf: asOf)
    // Communes evaluated before the grouping was known, when the report's parts depend on it.
    var waiting: [CommuneResult] = []
    var keptParts = R.Kept()

    // Whether a commune's part was written: the first loses its separator.
    var wroteCommune = false
    let separator = renderer.separator
    func emit(_ part: RenderedCommunes<R.Kept>) {
      if !part.bytes.isEmpty {
        if !wroteCommune && !separator.isEmpty {
          write(Array(part.bytes.dropFirst(separator.count)))
        } else {
          write(part.bytes)
        }
        wroteCommune = true
      }
      keptParts.append(contentsOf: part.kept)
    }
    // Once the grouping is known: the head, then what waited for it.
    func settled() {
      guard let field = grouping.field, frame.withLock({ $0 }) == nil else { return }
      let known = ReportFrame(criteria: criteria, requestedYear: year, groupBy: field)
      frame.withLock { $0 = known }
      let head = renderer.head(known)
      if !head.isEmpty { write(head) }
      let pending = waiting
      waiting = []
      for part in ParallelMap.map(
        ranges: pending.count, size: window.chunk,
        { range in
          renderer.render(pending[range], frame: known)
        })
      {
        emit(part)
      }
    }

    // Where the report is made of summaries alone, stations whose verdicts are certain go the short way.
    let lane = renderer.writesFromSummaries ? kept.lane(criteria: criteria, year: year) : nil
    let shortcut = lane.map { $0.shortcut(schema: station) }
    var batch = batch
    SurveyLoader.stream(
      consume files, schema: station, groupSchema: group, workbooks: workbooks, into: &batch, window: window,
      begin: {
        grouping.possibleFields = $0
        settled()
      },
      shortcut: shortcut,
      transform: { stations in
        // A copy of the indicators' list each chunk: every summary holds it, and two cores counting references on
        // one object wait on each other.
        let kept = kept.forOneCore()
        var chunk = EvaluatedChunk<R.Kept>()
        var communes: [CommuneResult] = []
        var groupings = Set<[String: String]>()
        communes.reserveCapacity(stations.count)
        for station in stations {
          switch station {
          case .quick(let quick):
            chunk.summaries.append(quick.commune)
            chunk.facts.append(quick.facts)
            communes.append(quick.commune)
          case .record(let record):
            let commune = evaluator.evaluate(record, year: year)
            chunk.summaries.append(kept.summary(of: commune, sharing: &groupings))
            chunk.facts.append(CommuneFacts(commune, criteria: criteria, asOf: asOf))
            communes.append(commune)
          }
        }
        if let known = frame.withLock({ $0 }) {
          chunk.rendered = renderer.render(communes, frame: known)
        } else {
          chunk.communes = communes
        }
        return chunk
      },
      consume: { chunks in
        for chunk in chunks {
          var positions: [Int] = []
          for (position, summary) in chunk.summaries.enumerated()
          where admitted.admit(summary, facts: chunk.facts[position]) {
            grouping.saw(summary.record)
            positions.append(position)
          }
          if let rendered = chunk.rendered {
            emit(positions.count == chunk.summaries.count ? rendered : rendered.keeping(positions))
          } else if let known = frame.withLock({ $0 }) {
            // Evaluated while the window before settled the grouping (the next window is read and evaluated
            // while this one is admitted): written now, in its place.
            emit(renderer.render(positions.map { chunk.communes[$0] }, frame: known))
          } else {
            waiting += positions.map { chunk.communes[$0] }
          }
        }
        settled()
      })
    let result = admitted.result(of: self, batch: batch)
    grouping.settle(result.groupBy)
    settled()
    finished(result)
    renderer.tail(result, kept: keptParts, write: write)
    return result
  }
}

/// A chunk of stations read and evaluated on one core: each commune's summary and facts, and either its part of
/// the report (when the grouping was known) or the communes themselves.
private struct EvaluatedChunk<Kept: KeptParts>: Sendable {
  var summaries: [CommuneResult] = []
  var facts: [CommuneFacts] = []
  var rendered: RenderedCommunes<Kept>?
  var communes: [CommuneResult] = []
}

/// When a streamed report's grouping field is known. With none asked for, it is the first of
/// `StationAttribute.groupings` that any record has (`CheckResult.defaultGrouping`): settled as soon as a record
/// has the first of them the input can carry at all, or else only at the end.
private struct GroupingDecision {
  /// The field, once known; `.some(nil)`: no grouping.
  private(set) var field: String??
  /// What the input can carry (nil: anything); set before the first record.
  var possibleFields: Set<String>? {
    didSet { decideEarly() }
  }
  private var seen: Set<String> = []

  init(asked: String?, needed: Bool) {
    // A report whose parts do not depend on it never waits.
    if let asked { field = .some(asked) } else if !needed { field = .some(nil) }
  }

  mutating func saw(_ record: StationRecord) {
    guard field == nil else { return }
    for candidate in StationAttribute.groupings where record.attributes[candidate.rawValue] != nil {
      seen.insert(candidate.rawValue)
    }
    decideEarly()
  }

  /// The field the finished result chose: known at last.
  mutating func settle(_ chosen: String?) {
    if field == nil { field = .some(chosen) }
  }

  private mutating func decideEarly() {
    guard field == nil else { return }
    let candidates = StationAttribute.groupings.map(\.rawValue).filter { possibleFields?.contains($0) ?? true }
    // Nothing the input can carry: no grouping, whatever comes.
    guard let first = candidates.first else {
      if possibleFields != nil { field = .some(nil) }
      return
    }
    if seen.contains(first) { field = .some(first) }
  }
}

/// What a streamed check keeps of each commune for the totals and the groups.
struct StreamKept: Sendable {
  /// Makes a commune's item of its group's list (nil: the set has no group indicator).
  let groups: GroupEvaluator?
  /// The ids and indices of the commune indicators, in results' order, shared by every summary.
  let indicators: Boxed<[(id: String, index: Int)]>
  let fields: [String]

  init(criteria: CriteriaSet, groupBy: String?, asOf: CalendarDate) {
    groups = criteria.hasGroupIndicators ? GroupEvaluator(criteria: criteria, asOf: asOf) : nil
    let evaluator = Evaluator(criteria: criteria, asOf: asOf)
    indicators = Boxed(evaluator.communeIndicators.map { (criteria.indicators[$0].id, $0) })
    fields = StationAttribute.groupings.map(\.rawValue) + (groupBy.map { [$0] } ?? [])
  }

  /// The short way to these summaries for `criteria` in `year`, where the criteria allow one.
  func lane(criteria: CriteriaSet, year: Int?) -> SummaryLane? {
    SummaryLane(criteria: criteria, year: year, fields: fields, groups: groups, indicators: indicators)
  }

  /// The same, with an indicators' list of its own for the summaries one core makes.
  func forOneCore() -> StreamKept {
    StreamKept(groups: groups, indicators: Boxed(indicators.value), fields: fields)
  }

  private init(groups: GroupEvaluator?, indicators: Boxed<[(id: String, index: Int)]>, fields: [String]) {
    self.groups = groups
    self.indicators = indicators
    self.fields = fields
  }

  /// The commune's verdicts without what only its own report needs: its status, each indicator's status (as the
  /// data shows it and as waived), its record's name, code, place, year and grouping fields, and its item of its
  /// group's list. Actuals, gaps, reasons, scores, rules broken and inputs are dropped: a batch streamed through
  /// its report keeps this much of each commune for the totals, the groups and the report's tail.
  ///
  /// The communes of a chunk are of a few dozen provinces: summaries with the same grouping fields share one copy
  /// of them, kept in `groupings` (a dictionary each is 140 MB for a million communes).
  func summary(of commune: CommuneResult, sharing groupings: inout Set<[String: String]>) -> CommuneResult {
    var attributes: [String: String] = [:]
    for field in fields { if let value = commune.record.attributes[field] { attributes[field] = value } }
    attributes = groupings.insert(attributes).memberAfterInsert
    let summary = StationRecord(
      location: commune.record.location, code: commune.record.code, name: commune.record.name,
      year: commune.record.year, attributes: attributes, values: [])
    var fields = CommuneResult.Fields(
      record: summary, year: commune.year, status: commune.status,
      indicators: commune.indicators.summarized(indicators: indicators), violations: [], score: nil)
    fields.groupItem = groups.map { PackedListItem($0.item(for: commune).values) }
    return CommuneResult(fields)
  }
}
