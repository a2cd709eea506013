/// Evaluates typed expressions for one station with three-valued logic and exact arithmetic.
///
/// `false and unknown` is `false`, `true or unknown` is `true`; comparisons of unknown numbers are
/// decided when the bounds allow it; everything else unknown stays unknown and carries its reasons.
package struct ExpressionEvaluator: Sendable {
  package let schema: InputSchema
  package let record: StationRecord
  /// Inputs made unusable by a failed consistency rule (slot → rule id).
  package let inconsistent: [Int: String]

  /// The previous round's record of the same commune or group, for `baseline(…)`.
  package let baseline: StationRecord?

  package init(
    schema: InputSchema, record: StationRecord, inconsistent: [Int: String] = [:], baseline: StationRecord? = nil
  ) {
    self.schema = schema
    self.record = record
    self.inconsistent = inconsistent
    self.baseline = baseline
  }

  /// The list record being iterated by an aggregate.
  struct Scope {
    var list: Int
    var index: Int
    /// The record's field values (not the whole `ListItem`: its location is never read here, and copying it
    /// for every record of every list of every commune was measurable).
    var values: [InputValue]

    init(list: Int, index: Int, item: ListItem) {
      self.init(list: list, index: index, values: item.values)
    }

    init(list: Int, index: Int, values: [InputValue]) {
      self.list = list
      self.index = index
      self.values = values
    }
  }

  package func evaluate(_ expression: Expression) -> Value {
    evaluate(expression, in: nil)
  }

  func evaluate(_ expression: Expression, in scope: Scope?) -> Value {
    switch expression {
    case .number(let value): return .number(value)
    case .text(let text): return .text(text)
    case .boolean(let value): return .boolean(value)
    case .input(let slot):
      if let rule = inconsistent[slot] {
        return .unknown(.init([.inconsistent(rule: rule)], lower: floor(schema.inputs[slot].type)))
      }
      return value(
        record.values[slot], type: schema.inputs[slot].type, path: FieldPath(input: schema.inputs[slot].name))
    case .field(let fieldSlot):
      guard let scope else { preconditionFailure("the parser only allows fields inside aggregates") }
      return field(fieldSlot, in: scope)
    case .negate(let operand):
      return negate(evaluate(operand, in: scope))
    case .not(let operand):
      switch evaluate(operand, in: scope) {
      case .boolean(let b): return .boolean(!b)
      case .unknown(let u): return .unknown(.init(u.reasons))
      default: preconditionFailure("type-checked")
      }
    case .and(let lhs, let rhs):
      return logical(evaluate(lhs, in: scope), evaluate(rhs, in: scope), absorbing: false)
    case .or(let lhs, let rhs):
      return logical(evaluate(lhs, in: scope), evaluate(rhs, in: scope), absorbing: true)
    case .arithmetic(let op, let lhs, let rhs):
      return arithmetic(op, evaluate(lhs, in: scope), evaluate(rhs, in: scope))
    case .comparison(let comparator, let lhs, let rhs):
      return compare(comparator, evaluate(lhs, in: scope), evaluate(rhs, in: scope))
    case .aggregate(let aggregate):
      return evaluateAggregate(aggregate)
    case .baseline(let inner):
      guard let baseline else { return .unknown(.init([.noBaseline])) }
      return ExpressionEvaluator(schema: schema, record: baseline).evaluate(inner, in: nil)
    case .yearsSinceBaseline:
      guard let baseline else { return .unknown(.init([.noBaseline])) }
      // Both rounds must be dated, the previous one earlier: otherwise there is no "per year".
      guard let year = record.year, let previous = baseline.year, year > previous else {
        return .unknown(.init([.missing(FieldPath(input: StationAttribute.year.rawValue))]))
      }
      return .number(Rational(year - previous))
    }
  }

  /// Field `fieldSlot` of the list record `scope` iterates.
  private func field(_ fieldSlot: Int, in scope: Scope) -> Value {
    // The field's definition is looked up only when its value is missing or invalid: a known value, the usual
    // case, needs nothing but the value.
    value(
      scope.values[fieldSlot], type: fieldDefinition(scope.list, fieldSlot).type,
      path: FieldPath(
        input: schema.inputs[scope.list].name, item: scope.index + 1,
        itemName: itemName(scope.values, listDefinition(scope.list)),
        field: fieldDefinition(scope.list, fieldSlot).name
      ))
  }

  /// The lower bound every value of a type has: counts are never negative.
  private func floor(_ type: InputType) -> Rational? {
    if case .count = type { return .zero }
    return nil
  }

  /// The path is only built when the value is missing or invalid: known values are the hot path.
  private func value(_ input: InputValue, type: @autoclosure () -> InputType, path: @autoclosure () -> FieldPath)
    -> Value
  {
    switch input {
    case .number(let n): return .number(n)
    case .boolean(let b): return .boolean(b)
    case .text(let t): return .text(t)
    case .missing: return .unknown(.init([.missing(path())], lower: floor(type())))
    case .invalid: return .unknown(.init([.invalid(path())], lower: floor(type())))
    case .list: preconditionFailure("lists are only read by aggregates")
    }
  }

  func itemName(_ item: ListItem, _ definition: ListDefinition) -> String? {
    itemName(item.values, definition)
  }

  func itemName(_ values: [InputValue], _ definition: ListDefinition) -> String? {
    guard let nameField = definition.itemName, let slot = definition.fields.index(of: nameField),
      case .text(let name) = values[slot]
    else { return nil }
    return name
  }

  private func listDefinition(_ list: Int) -> ListDefinition {
    guard case .list(let definition) = schema.inputs[list].type else {
      preconditionFailure("the parser only allows fields of list inputs")
    }
    return definition
  }

  private func fieldDefinition(_ list: Int, _ field: Int) -> InputDefinition {
    listDefinition(list).fields.inputs[field]
  }

  // MARK: Logic

  private func logical(_ lhs: Value, _ rhs: Value, absorbing: Bool) -> Value {
    // `absorbing` is the value that decides the result alone: false for `and`, true for `or`.
    if case .boolean(absorbing) = lhs { return lhs }
    if case .boolean(absorbing) = rhs { return rhs }
    switch (lhs, rhs) {
    case (.boolean, .boolean): return .boolean(!absorbing)
    case (.unknown(let u), .boolean), (.boolean, .unknown(let u)): return .unknown(.init(u.reasons))
    case (.unknown(let a), .unknown(let b)): return .unknown(.init(merge(a.reasons, b.reasons)))
    default: preconditionFailure("type-checked")
    }
  }

  // MARK: Numbers

  private func bounds(_ value: Value) -> (lower: Rational?, upper: Rational?, reasons: [UnknownReason]) {
    switch value {
    case .number(let n): return (n, n, [])
    case .unknown(let u): return (u.lower, u.upper, u.reasons)
    default: preconditionFailure("type-checked")
    }
  }

  private func negate(_ value: Value) -> Value {
    switch value {
    case .number(let n):
      guard let negated = n.negated else { return .unknown(.init([.overflow])) }
      return .number(negated)
    case .unknown(let u):
      return .unknown(.init(u.reasons, lower: u.upper?.negated, upper: u.lower?.negated))
    default: preconditionFailure("type-checked")
    }
  }

  private func arithmetic(_ op: Expression.ArithmeticOperator, _ lhs: Value, _ rhs: Value) -> Value {
    if case .number(let a) = lhs, case .number(let b) = rhs {
      let result: Rational?
      switch op {
      case .add: result = a.adding(b)
      case .subtract: result = a.subtracting(b)
      case .multiply: result = a.multiplied(by: b)
      case .divide:
        guard b != .zero else { return .unknown(.init([.divisionByZero])) }
        result = a.divided(by: b)
      }
      guard let result else { return .unknown(.init([.overflow])) }
      return .number(result)
    }
    let l = bounds(lhs)
    let r = bounds(rhs)
    let reasons = merge(l.reasons, r.reasons)
    switch op {
    case .add:
      return .unknown(.init(reasons, lower: sum(l.lower, r.lower), upper: sum(l.upper, r.upper)))
    case .subtract:
      return .unknown(.init(reasons, lower: difference(l.lower, r.upper), upper: difference(l.upper, r.lower)))
    case .multiply, .divide:
      if op == .divide, case .number(let c) = rhs, c == .zero {
        return .unknown(.init(merge(reasons, [.divisionByZero])))
      }
      // Bounds survive when both sides are non-negative (counts, sums of counts, rates) and a divisor
      // stays positive: 5 deaths over at least 700 births is at most 7.1 ‰, which settles "< 17 ‰".
      guard let lLow = l.lower, lLow >= .zero, let rLow = r.lower, rLow >= .zero else {
        return .unknown(.init(reasons))
      }
      let product = { (a: Rational?, b: Rational?) -> Rational? in
        guard let a, let b else { return nil }
        return a.multiplied(by: b)
      }
      if op == .multiply {
        return .unknown(.init(reasons, lower: product(lLow, rLow), upper: product(l.upper, r.upper)))
      }
      guard rLow > .zero else {
        // The divisor may still be zero: nothing is known of the ratio, not even that it exists.
        return .unknown(.init(reasons))
      }
      let lower: Rational? = r.upper.map { lLow.divided(by: $0) ?? .zero } ?? .zero
      let upper: Rational? = l.upper.flatMap { $0.divided(by: rLow) }
      return .unknown(.init(reasons, lower: lower, upper: upper))
    }
  }

  private func sum(_ a: Rational?, _ b: Rational?) -> Rational? {
    guard let a, let b else { return nil }
    return a.adding(b)
  }

  private func difference(_ a: Rational?, _ b: Rational?) -> Rational? {
    guard let a, let b else { return nil }
    return a.subtracting(b)
  }

  private func compare(_ comparator: TargetComparator, _ lhs: Value, _ rhs: Value) -> Value {
    switch (lhs, rhs) {
    case (.number(let a), .number(let b)):
      return .boolean(comparator.holds(Rational.compare(a, b)))
    case (.text(let a), .text(let b)):
      return .boolean(comparator == .equal ? a == b : a != b)
    case (.boolean(let a), .boolean(let b)):
      return .boolean(comparator == .equal ? a == b : a != b)
    default:
      break
    }
    guard case .number = lhs.numberOrUnknown, case .number = rhs.numberOrUnknown else {
      return .unknown(.init(merge(lhs.reasons, rhs.reasons)))
    }
    let l = bounds(lhs)
    let r = bounds(rhs)
    // The difference lhs − rhs lies in [low, high]; the comparison is decided when it holds, or
    // fails, at both ends (every comparator is monotone in the difference, except = and ≠).
    let low = difference(l.lower, r.upper)
    let high = difference(l.upper, r.lower)
    if let decided = Self.decide(comparator, low: low, high: high) { return .boolean(decided) }
    return .unknown(.init(merge(l.reasons, r.reasons)))
  }

  static func decide(_ comparator: TargetComparator, low: Rational?, high: Rational?) -> Bool? {
    let lowOrder = low.map { Rational.compare($0, .zero) }
    let highOrder = high.map { Rational.compare($0, .zero) }
    switch comparator {
    case .greater, .greaterOrEqual:
      if let lowOrder, comparator.holds(lowOrder) { return true }
      if let highOrder, !comparator.holds(highOrder) { return false }
    case .less, .lessOrEqual:
      if let highOrder, comparator.holds(highOrder) { return true }
      if let lowOrder, !comparator.holds(lowOrder) { return false }
    case .equal, .notEqual:
      if let lowOrder, lowOrder > 0 { return comparator == .notEqual }
      if let highOrder, highOrder < 0 { return comparator == .notEqual }
    }
    return nil
  }

  // MARK: Aggregates

  private func evaluateAggregate(_ aggregate: Expression.Aggregate) -> Value {
    if let rule = inconsistent[aggregate.list] {
      return .unknown(
        .init([.inconsistent(rule: rule)], lower: aggregate.kind == .all || aggregate.kind == .any ? nil : .zero))
    }
    guard case .list(let items) = record.values[aggregate.list] else {
      let path = FieldPath(input: schema.inputs[aggregate.list].name)
      let reason: UnknownReason =
        if case .invalid = record.values[aggregate.list] { .invalid(path) } else { .missing(path) }
      let numeric = aggregate.kind == .count || aggregate.kind == .sum
      return .unknown(.init([reason], lower: numeric && aggregate.kind == .count ? .zero : nil))
    }
    var certain = 0
    var uncertain = 0
    var reasons: [UnknownReason] = []
    var total = Rational.zero
    var totalUpper: Rational? = .zero
    for index in items.indices {
      let scope = Scope(list: aggregate.list, index: index, values: items[index].values)
      var matches: Bool? = true
      if let condition = aggregate.condition {
        switch evaluate(condition, in: scope) {
        case .boolean(let b): matches = b
        case .unknown(let u):
          matches = nil
          reasons = merge(reasons, u.reasons)
        default: preconditionFailure("type-checked")
        }
      }
      switch aggregate.kind {
      case .count:
        if matches == true { certain += 1 } else if matches == nil { uncertain += 1 }
      case .all:
        if matches == false { return .boolean(false) }
        if matches == nil { uncertain += 1 }
      case .any:
        if matches == true { return .boolean(true) }
        if matches == nil { uncertain += 1 }
      case .sum:
        guard matches != false, let fieldSlot = aggregate.field else { continue }
        // Read as `.field` is, without making one: a case of the indirect `Expression` is a box made for each
        // record summed.
        switch field(fieldSlot, in: scope) {
        case .number(let n):
          guard n >= .zero || matches == true else {
            // An uncertain negative term could lower the sum: give up the upper bound's meaning.
            totalUpper = nil
            continue
          }
          if matches == true {
            guard let next = total.adding(n) else { return .unknown(.init([.overflow])) }
            total = next
          }
          totalUpper = totalUpper.flatMap { $0.adding(n) }
          if matches == nil { uncertain += 1 }
        case .unknown(let u):
          reasons = merge(reasons, u.reasons)
          uncertain += 1
          totalUpper = nil
        default: preconditionFailure("type-checked")
        }
      }
    }
    switch aggregate.kind {
    case .count:
      if uncertain == 0 { return .number(Rational(certain)) }
      return .unknown(.init(reasons, lower: Rational(certain), upper: Rational(certain + uncertain)))
    case .all, .any:
      return uncertain == 0 ? .boolean(aggregate.kind == .all) : .unknown(.init(reasons))
    case .sum:
      if uncertain == 0 { return .number(total) }
      return .unknown(.init(reasons, lower: total, upper: totalUpper))
    }
  }

  private func merge(_ a: [UnknownReason], _ b: [UnknownReason]) -> [UnknownReason] {
    if a.isEmpty { return b }
    if b.isEmpty { return a }
    var result = a
    for reason in b where !result.contains(reason) { result.append(reason) }
    return result
  }
}

extension Value {
  var reasons: [UnknownReason] {
    if case .unknown(let u) = self { return u.reasons }
    return []
  }

  /// `.number` for numbers and unknowns that carry numeric bounds or could be numbers.
  fileprivate var numberOrUnknown: Value {
    switch self {
    case .number, .unknown: .number(.zero)
    default: self
    }
  }
}
