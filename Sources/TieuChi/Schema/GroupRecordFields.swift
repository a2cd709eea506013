/// What a group-level expression can read about the communes of its group, besides their inputs.
///
/// A group (a district, a province…) is evaluated as one record whose list `communes` holds one item
/// per commune: the commune's scalar inputs, its name, and its outcomes as yes/no fields.
public enum GroupRecordFields {
  /// The name of the list of communes in group-level expressions.
  public static let communesList = "communes"
}

/// A commune's outcome as a field of the `communes` list: `passed()` for the whole set,
/// `passed("doctor")` for one indicator.
public enum CommuneOutcome: Sendable, Hashable {
  /// Whether the commune meets the whole set.
  case set
  /// Whether the commune meets one commune-level indicator (by id).
  case indicator(String)

  /// The outcome as written in an expression; also the field's name in traces and reasons.
  public var expressionText: String {
    switch self {
    case .set: "passed()"
    case .indicator(let id): "passed(\"\(id)\")"
    }
  }
}
