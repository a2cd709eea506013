/// One indicator's result: status, measured value, target in force, and the gap.
public struct IndicatorResult: Sendable {
  /// Index into `CriteriaSet.indicators`.
  public var index: Int
  public var status: IndicatorStatus
  public var actual: Actual?
  /// The target in force for the evaluation year (nil for yes/no measures).
  public var milestone: Milestone?
  /// Why the status is unknown (empty otherwise).
  public var reasons: [UnknownReason]
  public var gap: Gap?
  /// Points earned, where the set uses points.
  public var points: Rational?
  /// The waiver applied, when the status is `waived` (the evaluation underneath is kept).
  public var waiver: Waiver?

  /// A measured value.
  public enum Actual: Sendable {
    case number(Rational)
    case boolean(Bool)
  }
}

/// What is missing for a failed indicator, in real units.
public struct Gap: Sendable {
  public enum Direction: String, Sendable {
    /// "enroll 96 more people".
    case increase
    /// "reduce by 12".
    case decrease
  }

  /// How many more (or fewer): the smallest whole number that makes the indicator pass when the
  /// measure counts whole things; the exact difference otherwise.
  public var amount: Rational?
  public var direction: Direction
  public var unit: LocalizedText?
  /// The list records that fall short (the hamlets with no trained health worker).
  public var items: [String]
  /// The amount is a minimum: some data is unknown, and the real shortfall may be larger.
  public var atLeast = false
  /// The change must exceed the amount (a decimal measure under a strict target such as "trên 80 %").
  public var strictly = false
  /// The gap *is* the list of records (from `all(list, condition)`): "2 hamlets without …: A, B",
  /// rather than an amount to add.
  public var itemsOnly = false
}

/// A data-consistency rule a station's data breaks.
public struct RuleViolation: Sendable {
  public var rule: String
  public var message: LocalizedText
}

/// Points scored, where the pass rule uses points.
public struct Score: Sendable {
  public struct Group: Sendable {
    public var id: String
    public var earned: Rational
    /// Points of the group's applicable indicators.
    public var available: Rational
  }

  public var earned: Rational
  public var available: Rational
  /// Earned points if every unknown indicator turned out to pass.
  public var possible: Rational
  public var groups: [Group]
}

/// Everything evaluated for one station-year.
public struct CommuneResult: Sendable {
  public var record: StationRecord
  /// The year whose milestones were applied.
  public var year: Int?
  public var status: CommuneStatus
  public var indicators: [IndicatorResult]
  public var violations: [RuleViolation]
  public var score: Score?
  /// For a commune failing a points rule: the fewest indicators whose improvement to full points would
  /// make it pass (every failed knock-out indicator among them); nil when no set of them would.
  public var cheapestFix: [String]?

  /// Inputs whose absence left an indicator unknown, in schema order (for "please supply …").
  public var missingInputs: [String] {
    var seen = Set<String>()
    var names: [String] = []
    for result in indicators {
      for case .missing(let path) in result.reasons where seen.insert(path.input).inserted {
        names.append(path.input)
      }
    }
    return names
  }
}
