/// A parsed and type-checked expression of the criteria language.
///
/// Expressions are parsed once when the criteria file is loaded and then evaluated for every station;
/// names are already resolved to slots, so evaluation does no lookups by name.
package indirect enum Expression: Sendable {
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
  /// `years_since_baseline()`: the years between the record and its previous round, to turn a change
  /// since the previous round into a change per year ("giảm … hàng năm").
  case yearsSinceBaseline

  package enum ArithmeticOperator: String, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
  }

  package struct Aggregate: Sendable {
    package enum Kind: String, Sendable {
      case count, sum, all, any
    }

    package var kind: Kind
    /// The list input's slot.
    package var list: Int
    /// For `sum`: the summed field's slot in the list's records.
    package var field: Int?
    package var condition: Expression?
  }

  /// The slots of the top-level inputs this expression reads.
  package var inputSlots: Set<Int> {
    var slots = Set<Int>()
    collectInputs(into: &slots)
    return slots
  }

  /// The slots of the fields of list `list`'s records this expression reads (in aggregates over that list).
  package func listFieldSlots(of list: Int) -> Set<Int> {
    var slots = Set<Int>()
    collectListFields(of: list, into: &slots)
    return slots
  }

  private func collectListFields(of list: Int, into slots: inout Set<Int>) {
    switch self {
    case .number, .text, .boolean, .input, .field, .yearsSinceBaseline: break
    case .negate(let e), .not(let e), .baseline(let e): e.collectListFields(of: list, into: &slots)
    case .arithmetic(_, let l, let r), .comparison(_, let l, let r), .and(let l, let r), .or(let l, let r):
      l.collectListFields(of: list, into: &slots)
      r.collectListFields(of: list, into: &slots)
    case .aggregate(let aggregate):
      if aggregate.list == list {
        if let field = aggregate.field { slots.insert(field) }
        aggregate.condition?.collectFields(into: &slots)
      }
      // An aggregate within the condition is over the record, not the item.
      aggregate.condition?.collectListFields(of: list, into: &slots)
    }
  }

  /// The fields of the iterated list's records this condition reads (`.field`; an aggregate within it is over the
  /// record, walked by `collectListFields`).
  private func collectFields(into slots: inout Set<Int>) {
    switch self {
    case .number, .text, .boolean, .input, .yearsSinceBaseline, .aggregate: break
    case .field(let slot): slots.insert(slot)
    case .negate(let e), .not(let e), .baseline(let e): e.collectFields(into: &slots)
    case .arithmetic(_, let l, let r), .comparison(_, let l, let r), .and(let l, let r), .or(let l, let r):
      l.collectFields(into: &slots)
      r.collectFields(into: &slots)
    }
  }

  private func collectInputs(into slots: inout Set<Int>) {
    switch self {
    case .number, .text, .boolean, .field, .yearsSinceBaseline: break
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
package enum ExpressionType: Sendable, Equatable {
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
