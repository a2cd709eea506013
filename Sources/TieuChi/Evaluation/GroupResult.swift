/// The outcome of the group-level indicators for one group of communes (a district, a province…) in
/// one year.
public struct GroupResult: Sendable {
  /// The field communes were grouped by (`district`, `province`, …); nil when not grouped.
  public internal(set) var field: String?
  /// The field's value shared by the group's communes; nil for communes without it.
  public internal(set) var key: String?
  public internal(set) var year: Int?
  /// `pass` when every group indicator passes, `fail` when one fails, else `incomplete`.
  public internal(set) var status: CommuneStatus
  public internal(set) var indicators: IndicatorResults
  /// How many evaluated communes the group has.
  public internal(set) var communes: Int
  /// The group's own record (`level: group`), if the data had one.
  public internal(set) var record: StationRecord?
  /// Group consistency rules the group's figures break (the inputs they read are then unknown).
  public internal(set) var violations: [RuleViolation] = []

  /// The result of the group-level indicator with this id.
  public subscript(indicator: String) -> IndicatorResult? { indicators[indicator] }
}

/// The groups' results in the order their communes first appear, also reachable by key and year.
public struct GroupResults: RandomAccessCollection, Sendable {
  private let results: [GroupResult]

  init(_ results: [GroupResult]) {
    self.results = results
  }

  public var startIndex: Int { results.startIndex }
  public var endIndex: Int { results.endIndex }
  public subscript(position: Int) -> GroupResult { results[position] }

  /// The group whose grouping field has this value (nil: communes without it) in this year.
  public subscript(key key: String?, year year: Int?) -> GroupResult? {
    results.first { $0.key == key && $0.year == year }
  }
}
