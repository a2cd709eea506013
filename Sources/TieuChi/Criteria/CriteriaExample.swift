/// A worked example carried by a criteria file: a small station (or a few, for group indicators) and
/// the outcome the authors expect, so that `tieuchi test` proves the file says what the law says —
/// exactly at a threshold, one below it, with data missing.
public struct CriteriaExample: Sendable {
  /// What an example expects of one indicator.
  public struct Expectation: Sendable {
    public var indicator: String
    public var status: IndicatorStatus
    /// The expected gap amount, if given.
    public var gap: Rational?
    /// The expected list of records falling short, if given.
    public var items: [String]?
    public var location: SourceLocation
  }

  public var name: String
  public var location: SourceLocation
  /// The evaluation year; nil: the stations' own.
  public var year: Int?
  /// The example's station records, as written (read through the set's schema when run).
  package var stations: [DataNode]
  /// The previous round's records, for `baseline(…)`.
  package var baseline: [DataNode] = []
  public var expectations: [Expectation]
  /// The expected commune status (of the first station), if given.
  public var commune: CommuneStatus?
}
