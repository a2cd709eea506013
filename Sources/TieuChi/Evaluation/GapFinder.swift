/// Works out what a failed indicator lacks, in the units people act on.
///
/// - A ratio `part / whole` compared with a target: the smallest whole number of `part` to add (or
///   remove) with `whole` unchanged — "enroll 96 more people".
/// - A whole-number measure (a count of doctors): how many more or fewer.
/// - `all(list, condition)`: the records that fail the condition — "Thôn Đồng Lạc has no trained
///   health worker".
struct GapFinder {
  let evaluator: ExpressionEvaluator
  /// The schema the indicator's expressions were checked against (commune or group level).
  var schema: InputSchema { evaluator.schema }

  func gap(for indicator: Indicator, value: Value, milestone: Milestone?) -> Gap? {
    let unit = indicator.gap?.unit
    switch indicator.measure {
    case .aggregate(let aggregate) where aggregate.kind == .all:
      return failingItems(aggregate, unit: unit)
    case .aggregate(let aggregate) where aggregate.kind == .any:
      var gap = Gap(amount: Rational(1), direction: .increase, unit: unit ?? listUnit(aggregate.list), items: [])
      gap.countsWholeThings = true
      return gap
    default:
      break
    }
    guard let target = milestone?.target else { return nil }
    // A verdict settled by bounds (some data unknown): the best case still falls short by this much.
    let partBound: (Value) -> Rational? = { value in
      switch value {
      case .number(let n): n
      case .unknown(let u): target.comparator == .greater || target.comparator == .greaterOrEqual ? u.upper : u.lower
      default: nil
      }
    }
    let isBound: Bool
    if case .unknown = value { isBound = true } else { isBound = false }
    if case .arithmetic(.divide, let part, let whole) = indicator.measure,
      let partValue = partBound(evaluator.evaluate(part)),
      case .number(let wholeValue) = evaluator.evaluate(whole), wholeValue > .zero,
      let neededRatio = target.threshold.multiplied(by: wholeValue)
    {
      var gap = shortfall(
        have: partValue, boundary: neededRatio, comparator: target.comparator, whole: isWholeNumber(part),
        unit: unit ?? inputUnit(part))
      // A share of list records ("stations with a midwife"): name the records that do not count yet.
      if gap?.direction == .increase, case .aggregate(let aggregate) = part, aggregate.kind == .count {
        gap?.items = failingItems(aggregate, unit: nil)?.items ?? []
        gap?.itemsOnly = false
      }
      gap?.atLeast = isBound
      return gap
    }
    guard let actual = partBound(value) else { return nil }
    var gap = shortfall(
      have: actual, boundary: target.threshold, comparator: target.comparator,
      whole: isWholeNumber(indicator.measure), unit: unit ?? inputUnit(indicator.measure))
    gap?.atLeast = isBound
    return gap
  }

  /// The change to `have` that meets `comparator boundary`: for whole things the smallest whole
  /// number (strict comparators step one past the boundary), otherwise the exact difference.
  private func shortfall(
    have: Rational, boundary: Rational, comparator: TargetComparator, whole: Bool, unit: LocalizedText?
  ) -> Gap? {
    let needed: Rational
    let direction: Gap.Direction
    switch comparator {
    case .greater:
      // One past the boundary may not fit in 128 bits (a 39-digit target): a gap too large to compute.
      guard !whole || boundary.floor < .max else { return .tooLarge(.increase, unit: unit) }
      needed = whole ? Rational(whole: boundary.floor + 1) : boundary
      direction = .increase
    case .greaterOrEqual:
      needed = whole ? Rational(whole: boundary.ceiling) : boundary
      direction = .increase
    case .less:
      guard !whole || boundary.ceiling > .min else { return .tooLarge(.decrease, unit: unit) }
      needed = whole ? Rational(whole: boundary.ceiling - 1) : boundary
      direction = .decrease
    case .lessOrEqual:
      needed = whole ? Rational(whole: boundary.floor) : boundary
      direction = .decrease
    case .equal, .notEqual:
      return nil
    }
    let difference = direction == .increase ? needed.subtracting(have) : have.subtracting(needed)
    // A decimal measure under a strict target must move *past* the boundary: "more than 0,5 more",
    // or, exactly at it, "more than 0 more".
    let strict = !whole && (comparator == .greater || comparator == .less)
    guard let difference else { return .tooLarge(direction, unit: unit) }
    guard difference > .zero || (strict && difference == .zero) else { return nil }
    var gap = Gap(amount: difference, direction: direction, unit: unit, items: [])
    gap.strictly = strict
    gap.countsWholeThings = whole
    return gap
  }

  private func failingItems(_ aggregate: Expression.Aggregate, unit: LocalizedText?) -> Gap? {
    guard let condition = aggregate.condition, case .list(let items) = evaluator.record.values[aggregate.list],
      case .list(let definition) = schema.inputs[aggregate.list].type
    else { return nil }
    var names: [String] = []
    for (index, item) in items.enumerated() {
      let scope = ExpressionEvaluator.Scope(list: aggregate.list, index: index, item: item)
      if case .boolean(false) = evaluator.evaluate(condition, in: scope) {
        names.append(evaluator.itemName(item, definition) ?? "#\(index + 1)")
      }
    }
    var gap = Gap(
      amount: Rational(names.count), direction: .increase, unit: unit ?? listUnit(aggregate.list), items: names)
    gap.itemsOnly = true
    gap.countsWholeThings = true
    return gap
  }

  /// Whether an expression only takes whole values (counts, sums of counts), so gaps are whole.
  private func isWholeNumber(_ expression: Expression) -> Bool {
    switch expression {
    case .number(let n): return n.isInteger
    case .input(let slot):
      if case .count = schema.inputs[slot].type { return true }
      return false
    case .aggregate(let aggregate):
      if aggregate.kind == .count { return true }
      guard aggregate.kind == .sum, let field = aggregate.field,
        case .list(let definition) = schema.inputs[aggregate.list].type,
        case .count = definition.fields.inputs[field].type
      else { return false }
      return true
    case .arithmetic(let op, let lhs, let rhs):
      return op != .divide && isWholeNumber(lhs) && isWholeNumber(rhs)
    case .negate(let operand):
      return isWholeNumber(operand)
    default:
      return false
    }
  }

  /// The declared unit of a measure that is a single input (`insured` counts people).
  private func inputUnit(_ expression: Expression) -> LocalizedText? {
    if case .input(let slot) = expression { return schema.inputs[slot].unit }
    return nil
  }

  private func listUnit(_ slot: Int) -> LocalizedText? {
    schema.inputs[slot].unit ?? schema.inputs[slot].label
  }
}

extension Gap {
  /// A shortfall that exists but does not fit in 128-bit exact arithmetic (a 39-digit target): the amount
  /// is left unknown and the report says the number is too large, rather than the gap vanishing.
  static func tooLarge(_ direction: Direction, unit: LocalizedText?) -> Gap {
    Gap(amount: nil, direction: direction, unit: unit, items: [])
  }
}
