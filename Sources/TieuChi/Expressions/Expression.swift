/// A parsed and type-checked expression of the criteria language.
///
/// Expressions are parsed once when the criteria file is loaded and then evaluated for every station;
/// names are already resolved to slots, so evaluation does no lookups by name.
public indirect enum Expression: Sendable {
  case number(Rational)
  case text(String)
  case boolean(Bool)
  /// A top-level input of the station, by slot in `InputSchema`.
  case input(Int)
  /// A field of the list record currently iterated by an enclosing aggregate.
  case field(Int)
  case negate(Expression)
  case not(Expression)
  case arithmetic(ArithmeticOperator, Expression, Expression)
  case comparison(TargetComparator, Expression, Expression)
  case and(Expression, Expression)
  case or(Expression, Expression)
  /// `count(list where cond)`, `all(list, cond)`, `sum(list.field where cond)`…
  case aggregate(Aggregate)
  /// `baseline(expr)`: the expression over the previous round's record of the same commune or group
  /// (`--baseline`), for targets about change ("giảm 0,5 ‰ mỗi năm").
  case baseline(Expression)

  public enum ArithmeticOperator: String, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
  }

  public struct Aggregate: Sendable {
    public enum Kind: String, Sendable {
      case count, sum, all, any
    }

    public var kind: Kind
    /// The list input's slot.
    public var list: Int
    /// For `sum`: the summed field's slot in the list's records.
    public var field: Int?
    public var condition: Expression?
  }

  /// The slots of the top-level inputs this expression reads.
  public var inputSlots: Set<Int> {
    var slots = Set<Int>()
    collectInputs(into: &slots)
    return slots
  }

  private func collectInputs(into slots: inout Set<Int>) {
    switch self {
    case .number, .text, .boolean, .field: break
    case .input(let slot): slots.insert(slot)
    case .negate(let e), .not(let e), .baseline(let e): e.collectInputs(into: &slots)
    case .arithmetic(_, let l, let r), .comparison(_, let l, let r), .and(let l, let r), .or(let l, let r):
      l.collectInputs(into: &slots)
      r.collectInputs(into: &slots)
    case .aggregate(let aggregate):
      slots.insert(aggregate.list)
      aggregate.condition?.collectInputs(into: &slots)
    }
  }
}

/// The type an expression evaluates to.
public enum ExpressionType: Sendable, Equatable {
  /// `integer` when every value it can take is whole (counts and sums of counts), which lets gaps be
  /// told as whole people or staff.
  case number(integer: Bool)
  case boolean
  case text
  /// An enum input: compared with text literals, which are checked against the allowed values.
  case enumeration(ids: [String])

  var name: LocalizedText {
    switch self {
    case .number: LocalizedText(vi: "số", en: "number")
    case .boolean: LocalizedText(vi: "đúng/sai", en: "boolean")
    case .text: LocalizedText(vi: "văn bản", en: "text")
    case .enumeration: LocalizedText(vi: "giá trị liệt kê", en: "enum value")
    }
  }
}

/// A comparator as the law writes it: *trên* (>), *đạt / ít nhất / tối thiểu* (≥), *dưới* (<),
/// *không vượt quá / tối đa* (≤).
public enum TargetComparator: String, Sendable, CaseIterable {
  case greater = ">"
  case greaterOrEqual = ">="
  case less = "<"
  case lessOrEqual = "<="
  case equal = "=="
  case notEqual = "!="

  public func holds(_ order: Int) -> Bool {
    switch self {
    case .greater: order > 0
    case .greaterOrEqual: order >= 0
    case .less: order < 0
    case .lessOrEqual: order <= 0
    case .equal: order == 0
    case .notEqual: order != 0
    }
  }

  /// The symbol printed in reports.
  public var symbol: String {
    switch self {
    case .greater: ">"
    case .greaterOrEqual: "≥"
    case .less: "<"
    case .lessOrEqual: "≤"
    case .equal: "="
    case .notEqual: "≠"
    }
  }

  /// The comparator in words, as a target is read aloud.
  public var words: LocalizedText {
    switch self {
    case .greater: LocalizedText(vi: "trên", en: "above")
    case .greaterOrEqual: LocalizedText(vi: "ít nhất", en: "at least")
    case .less: LocalizedText(vi: "dưới", en: "below")
    case .lessOrEqual: LocalizedText(vi: "không vượt quá", en: "at most")
    case .equal: LocalizedText(vi: "bằng", en: "equal to")
    case .notEqual: LocalizedText(vi: "khác", en: "other than")
    }
  }
}
