/// The value of an expression for one station: known, or unknown with the reasons why.
public enum Value: Sendable {
  case number(Rational)
  case boolean(Bool)
  case text(String)
  case unknown(Unknown)

  /// What is still known about an unknown value: why it is unknown, and bounds where they exist
  /// (a missing count is at least 0; a count over records with some unknown conditions lies between
  /// the certain matches and all of them). Bounds let an outcome be decided despite missing data when
  /// every possible value leads to the same verdict.
  public struct Unknown: Sendable {
    public var reasons: [UnknownReason]
    public var lower: Rational?
    public var upper: Rational?

    /// An unknown value, why, and the bounds still known.
    public init(_ reasons: [UnknownReason], lower: Rational? = nil, upper: Rational? = nil) {
      self.reasons = reasons
      self.lower = lower
      self.upper = upper
    }
  }
}

/// Why a value could not be known.
public enum UnknownReason: Sendable, Hashable {
  /// An input (or a field of one list record) is absent or empty.
  case missing(FieldPath)
  /// An input is present but unusable; the diagnostic for it is in the record's errors.
  case invalid(FieldPath)
  /// A data-consistency rule of the criteria set failed for inputs this value uses.
  case inconsistent(rule: String)
  /// A ratio's denominator is zero.
  case divisionByZero
  /// A value too large to compute exactly.
  case overflow
  /// `baseline(…)` with no record of the previous round for this commune or group.
  case noBaseline
}

/// An input, or a field of one record of a list input, as named in reports.
public struct FieldPath: Sendable, Hashable {
  public var input: String
  /// 1-based position of the record in the list.
  public var item: Int?
  /// The record's name (its `item_name` field), if it has one.
  public var itemName: String?
  public var field: String?

  /// An input, or a field of the `item`-th record (1-based) of a list input.
  public init(input: String, item: Int? = nil, itemName: String? = nil, field: String? = nil) {
    self.input = input
    self.item = item
    self.itemName = itemName
    self.field = field
  }

  /// `staff[2].permanent`, or `hamlets[Thôn Đồng Lạc].trained_health_workers`.
  public var description: String {
    guard let field else { return input }
    if let itemName { return "\(input)[\(itemName)].\(field)" }
    return "\(input)[\(item ?? 0)].\(field)"
  }
}
