/// One indicator's result: status, measured value, target in force, and the gap.
///
/// Written only by the evaluator; renderers and clients read it.
public struct IndicatorResult: Sendable {
  /// The indicator's id in the criteria set, e.g. `bhyt-coverage`.
  public internal(set) var id: String
  /// Index into `CriteriaSet.indicators`.
  public internal(set) var index: Int
  public internal(set) var status: IndicatorStatus
  public internal(set) var actual: Actual?
  /// The target in force for the evaluation year (nil for yes/no measures).
  public internal(set) var milestone: Milestone?
  /// Why the status is unknown, or what was missing under a verdict that bounds settled (empty otherwise).
  public internal(set) var reasons: [UnknownReason]
  /// What a failed indicator lacks.
  public internal(set) var gap: Gap? {
    get { gapBox?.value }
    set { gapBox = newValue.map(Boxed.init) }
  }
  /// Points earned, where the set uses points.
  public internal(set) var points: Rational?
  /// The waiver applied, when the status is `waived` (the evaluation underneath is kept).
  public internal(set) var waiver: Waiver? {
    get { waiverBox?.value }
    set { waiverBox = newValue.map(Boxed.init) }
  }
  /// What the data says, when a waiver excused the verdict: a waiver excuses a commune, it does not
  /// make a fact true, so statistics that count facts (a share of stations that do something) use this.
  public internal(set) var statusWithoutWaiver: IndicatorStatus? = nil

  // A gap (96 bytes) and a waiver (136) are held by reference: most results have neither, and a batch keeps
  // a result per commune and indicator (800,000 at 100,000 communes), so inline they doubled its size.
  private var gapBox: Boxed<Gap>?
  private var waiverBox: Boxed<Waiver>?

  init(
    id: String, index: Int, status: IndicatorStatus, actual: Actual?, milestone: Milestone?, reasons: [UnknownReason],
    gap: Gap?, points: Rational?
  ) {
    self.id = id
    self.index = index
    self.status = status
    self.actual = actual
    self.milestone = milestone
    self.reasons = reasons
    self.points = points
    self.gap = gap
  }

  /// The status the data shows, waiver or not.
  public var factualStatus: IndicatorStatus { statusWithoutWaiver ?? status }

  /// A measured value.
  public enum Actual: Sendable {
    case number(Rational)
    case boolean(Bool)
  }
}

/// The results of a commune's (or a group's) indicators in the set's order, also reachable by id.
public struct IndicatorResults: RandomAccessCollection, Sendable {
  private let results: [IndicatorResult]
  /// The statuses alone (`summarized`): a byte each, the status as waived and as the data shows it.
  private let statuses: [UInt8]
  /// The ids and indices of `statuses`' indicators, shared by every summarized commune of a check.
  private let statusIndicators: Boxed<[(id: String, index: Int)]>?

  init(_ results: [IndicatorResult]) {
    self.results = results
    self.statuses = []
    self.statusIndicators = nil
  }

  /// Only the statuses of `results`, for a commune kept as a summary (`StreamKept.summary(of:sharing:)`): each result
  /// then has its id, index, status and status without waiver, and nothing else.
  func summarized(indicators: Boxed<[(id: String, index: Int)]>) -> IndicatorResults {
    IndicatorResults(
      statuses: results.map { Self.code(of: $0.status) | Self.code(of: $0.factualStatus) << 4 }, indicators: indicators)
  }

  /// The statuses of a commune's indicators as a summary holds them (no waiver: each is also what the data shows),
  /// for a summary made without results (`SummaryLane`).
  init(statuses: [IndicatorStatus], indicators: Boxed<[(id: String, index: Int)]>) {
    self.init(statuses: statuses.map { Self.code(of: $0) * 0x11 }, indicators: indicators)
  }

  /// The statuses in the order of their codes (a summary's half-bytes).
  private static let statusByCode: [IndicatorStatus] = [.pass, .fail, .unknown, .notApplicable, .waived]

  private static func code(of status: IndicatorStatus) -> UInt8 {
    switch status {
    case .pass: 0
    case .fail: 1
    case .unknown: 2
    case .notApplicable: 3
    case .waived: 4
    }
  }

  private init(statuses: [UInt8], indicators: Boxed<[(id: String, index: Int)]>) {
    self.results = []
    self.statuses = statuses
    self.statusIndicators = indicators
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { statusIndicators == nil ? results.endIndex : statuses.endIndex }
  public subscript(position: Int) -> IndicatorResult {
    guard let statusIndicators else { return results[position] }
    let (id, index) = statusIndicators.value[position]
    var result = IndicatorResult(
      id: id, index: index, status: Self.statusByCode[Int(statuses[position] & 0xF)], actual: nil, milestone: nil,
      reasons: [], gap: nil, points: nil)
    let factual = Self.statusByCode[Int(statuses[position] >> 4)]
    if factual != result.status { result.statusWithoutWaiver = factual }
    return result
  }

  /// The status (as waived) of the result at `position`, without making the result: what counts and summary rows
  /// read of a hundred thousand summarized communes.
  public func status(at position: Int) -> IndicatorStatus {
    guard statusIndicators != nil else { return results[position].status }
    return Self.statusByCode[Int(statuses[position] & 0xF)]
  }

  /// The status the data shows (`IndicatorResult.factualStatus`: without a waiver) of the result at `position`,
  /// without making the result: what a commune's item of its group's list reads of each of its indicators.
  public func factualStatus(at position: Int) -> IndicatorStatus {
    guard statusIndicators != nil else { return results[position].factualStatus }
    return Self.statusByCode[Int(statuses[position] >> 4)]
  }

  /// The id of the indicator of the result at `position`, without making the result.
  public func id(at position: Int) -> String {
    guard let statusIndicators else { return results[position].id }
    return statusIndicators.value[position].id
  }

  /// The index into `CriteriaSet.indicators` of the result at `position`, without making the result.
  public func indicatorIndex(at position: Int) -> Int {
    guard let statusIndicators else { return results[position].index }
    return statusIndicators.value[position].index
  }

  /// The result of the indicator with this id, or nil if the set has no such indicator at this level.
  public subscript(id: String) -> IndicatorResult? {
    first { $0.id == id }
  }
}

/// What is missing for a failed indicator, in real units.
public struct Gap: Sendable {
  /// Whether the measure must go up or down.
  public enum Direction: String, Sendable {
    /// "enroll 96 more people".
    case increase
    /// "reduce by 12".
    case decrease
  }

  /// How many more (or fewer): the smallest whole number that makes the indicator pass when the
  /// measure counts whole things; the exact difference otherwise.
  public internal(set) var amount: Rational?
  public internal(set) var direction: Direction
  public internal(set) var unit: LocalizedText?
  /// The list records that fall short (the hamlets with no trained health worker).
  public internal(set) var items: [String]
  /// The amount is a minimum: some data is unknown, and the real shortfall may be larger.
  public internal(set) var atLeast = false
  /// The change must exceed the amount (a decimal measure under a strict target such as "trên 80 %").
  public internal(set) var strictly = false
  /// The gap *is* the list of records (from `all(list, condition)`): "2 hamlets without …: A, B",
  /// rather than an amount to add.
  public internal(set) var itemsOnly = false
  /// The amount counts whole things (people, doctors, hamlets), so gaps of communes add up to what a
  /// district needs; a gap in points of a rate does not.
  public internal(set) var countsWholeThings = false
}

/// A data-consistency rule a station's data breaks.
public struct RuleViolation: Sendable {
  public internal(set) var rule: String
  public internal(set) var message: LocalizedText
}

/// Points scored, where the pass rule uses points.
public struct Score: Sendable {
  /// The points of one criterion (group of indicators).
  public struct Group: Sendable {
    public internal(set) var id: String
    public internal(set) var earned: Rational
    /// Points of the group's applicable indicators.
    public internal(set) var available: Rational
    /// Points still missing to reach the pass rule's share of each criterion (0 when reached; nil when
    /// the rule sets no share per criterion).
    public internal(set) var shortfall: Rational? = nil
  }

  public internal(set) var earned: Rational
  public internal(set) var available: Rational
  /// Earned points if every unknown indicator turned out to pass.
  public internal(set) var possible: Rational
  public internal(set) var groups: [Group]
  /// Points still missing to reach the pass rule's share of the total (0 when reached; nil while some
  /// points are unknown).
  public internal(set) var shortfall: Rational? = nil
}

/// Why a commune's status is `incomplete`: decided by the evaluator, phrased by renderers.
public enum IncompleteReason: Sendable, Hashable {
  /// Inputs absent from the data, in schema order: supplying them can change the outcome.
  case missingData(inputs: [String])
  /// Inputs present but unusable (text in a number, a negative count…), in schema order.
  case invalidData(inputs: [String])
  /// Consistency rules the data breaks: their inputs cannot be trusted.
  case inconsistentData(rules: [String])
  /// The criteria set declares points that no indicator carries yet (the national criteria's annex).
  case incompleteCriteria(missingPoints: Rational)
  /// Indicators left unknown for another reason: a zero denominator, no previous round.
  case undetermined(indicators: [String])
  /// A total too large to compute exactly (points, sums): never silently cut short.
  case numberTooLarge
}

/// Everything evaluated for one station-year.
///
/// The fields are held by reference, so that a copy is one reference: a batch's results are grouped, summed
/// and rendered many times over, and copying the fields themselves (a record, the indicator results, dozens
/// of strings and arrays) for each of 100,000 communes cost more than evaluating them.
public struct CommuneResult: Sendable {
  struct Fields: Sendable {
    var record: StationRecord
    var year: Int?
    var status: CommuneStatus
    var indicators: IndicatorResults
    var violations: [RuleViolation]
    /// Held by reference: a `Score` is 160 bytes, which each summary a streamed check keeps (a million for the
    /// country over ten years) would otherwise carry empty.
    private var boxedScore: Boxed<Score>?
    var score: Score? {
      get { boxedScore?.value }
      set { boxedScore = newValue.map(Boxed.init) }
    }
    var cheapestFix: [String]? = nil
    var incompleteReasons: [IncompleteReason] = []
    var missingInputs: [String] = []
    /// The values of the commune's item of its group's `communes` list, made when its inputs were dropped from its
    /// record (a streamed check's summary, `withoutInputs`).
    var groupItem: PackedListItem? = nil

    init(
      record: StationRecord, year: Int?, status: CommuneStatus, indicators: IndicatorResults,
      violations: [RuleViolation], score: Score?, groupItem: PackedListItem? = nil
    ) {
      self.record = record
      self.year = year
      self.status = status
      self.indicators = indicators
      self.violations = violations
      self.boxedScore = score.map(Boxed.init)
      self.groupItem = groupItem
    }
  }

  private var fields: Boxed<Fields>

  init(_ fields: Fields) {
    self.fields = Boxed(fields)
  }

  /// Changes a field: the others are shared with every copy until then.
  private mutating func change(_ body: (inout Fields) -> Void) {
    var value = fields.value
    body(&value)
    fields = Boxed(value)
  }

  public internal(set) var record: StationRecord {
    _read { yield fields.value.record }
    set { change { $0.record = newValue } }
  }
  /// The year whose milestones were applied.
  public internal(set) var year: Int? {
    get { fields.value.year }
    set { change { $0.year = newValue } }
  }
  public internal(set) var status: CommuneStatus {
    get { fields.value.status }
    set { change { $0.status = newValue } }
  }
  public internal(set) var indicators: IndicatorResults {
    _read { yield fields.value.indicators }
    set { change { $0.indicators = newValue } }
  }
  public internal(set) var violations: [RuleViolation] {
    _read { yield fields.value.violations }
    set { change { $0.violations = newValue } }
  }
  public internal(set) var score: Score? {
    get { fields.value.score }
    set { change { $0.score = newValue } }
  }
  /// For a commune failing a points rule: the fewest indicators whose improvement to full points would
  /// make it pass (every failed knock-out indicator among them); nil when no set of them would.
  public internal(set) var cheapestFix: [String]? {
    _read { yield fields.value.cheapestFix }
    set { change { $0.cheapestFix = newValue } }
  }
  /// Why the status is `incomplete` (empty for `pass` and `fail`).
  public internal(set) var incompleteReasons: [IncompleteReason] {
    _read { yield fields.value.incompleteReasons }
    set { change { $0.incompleteReasons = newValue } }
  }
  /// Inputs whose absence left an indicator unknown, in the order first met (for "please supply …"),
  /// whatever the status: a failing commune may still lack data.
  public internal(set) var missingInputs: [String] {
    _read { yield fields.value.missingInputs }
    set { change { $0.missingInputs = newValue } }
  }

  /// The result of the commune-level indicator with this id.
  public subscript(indicator: String) -> IndicatorResult? { indicators[indicator] }

  /// The same results without the inputs they were evaluated on (the record's values), which no report reads:
  /// a station's staff and hamlets are most of its memory. `groupItem`: its item of its group's list, made from
  /// the inputs before they go (nil: the set has no group indicator).
  func withoutInputs(groupItem: PackedListItem?) -> CommuneResult {
    var value = fields.value
    value.record.values = []
    value.groupItem = groupItem
    return CommuneResult(value)
  }

  /// See `Fields.groupItem`: packed as it was kept.
  var packedGroupItem: PackedListItem? { fields.value.groupItem }

  /// See `Fields.groupItem`.
  var groupItem: ListItem? {
    fields.value.groupItem.map { ListItem(location: record.location, values: $0.values) }
  }
}

/// An immutable value held by reference, for large fields most values leave empty.
final class Boxed<Value: Sendable>: Sendable {
  let value: Value

  init(_ value: Value) {
    self.value = value
  }
}
