/// Works out what a failed indicator lacks, in the units people act on.
///
/// - A ratio `part / whole` compared with a target: the smallest whole number of `part` to add (or
///   remove) with `whole` unchanged — "enroll 96 more people".
/// - A whole-number measure (a count of doctors): how many more or fewer.
/// - `all(list, condition)`: the records that fail the condition — "Thôn Đồng Lạc has no trained
///   health worker".
struct GapFinder {
  let criteria: CriteriaSet
  let evaluator: ExpressionEvaluator

  func gap(for indicator: Indicator, value: Value, milestone: Milestone?) -> Gap? {
    let unit = indicator.gap?.unit
    switch indicator.measure {
    case .aggregate(let aggregate) where aggregate.kind == .all:
      return failingItems(aggregate, unit: unit)
    case .aggregate(let aggregate) where aggregate.kind == .any:
      return Gap(amount: Rational(1), direction: .increase, unit: unit ?? listUnit(aggregate.list), items: [])
    default:
      break
    }
    guard let target = milestone?.target, case .number(let actual) = value else { return nil }
    if case .arithmetic(.divide, let part, let whole) = indicator.measure,
      case .number(let partValue) = evaluator.evaluate(part),
      case .number(let wholeValue) = evaluator.evaluate(whole), wholeValue > .zero,
      let neededRatio = target.threshold.multiplied(by: wholeValue)
    {
      return shortfall(
        have: partValue, boundary: neededRatio, comparator: target.comparator, whole: isWholeNumber(part),
        unit: unit ?? inputUnit(part))
    }
    return shortfall(
      have: actual, boundary: target.threshold, comparator: target.comparator,
      whole: isWholeNumber(indicator.measure), unit: unit ?? inputUnit(indicator.measure))
  }

  /// The change to `have` that meets `comparator boundary`: for whole things the smallest whole
  /// number (strict comparators step one past the boundary), otherwise the exact difference.
  private func shortfall(have: Rational, boundary: Rational, comparator: Comparator, whole: Bool, unit: LocalizedText?) -> Gap? {
    let needed: Rational
    let direction: Gap.Direction
    switch comparator {
    case .greater:
      needed = whole ? Rational(whole: boundary.floor + 1) : boundary
      direction = .increase
    case .greaterOrEqual:
      needed = whole ? Rational(whole: boundary.ceiling) : boundary
      direction = .increase
    case .less:
      needed = whole ? Rational(whole: boundary.ceiling - 1) : boundary
      direction = .decrease
    case .lessOrEqual:
      needed = whole ? Rational(whole: boundary.floor) : boundary
      direction = .decrease
    case .equal, .notEqual:
      return nil
    }
    let difference = direction == .increase ? needed.subtracting(have) : have.subtracting(needed)
    guard let difference, difference > .zero else { return nil }
    return Gap(amount: difference, direction: direction, unit: unit, items: [])
  }

  private func failingItems(_ aggregate: Expression.Aggregate, unit: LocalizedText?) -> Gap? {
    guard let condition = aggregate.condition, case .list(let items) = evaluator.record.values[aggregate.list],
      case .list(let definition) = criteria.schema.inputs[aggregate.list].type
    else { return nil }
    var names: [String] = []
    for (index, item) in items.enumerated() {
      let scope = ExpressionEvaluator.Scope(list: aggregate.list, index: index, item: item)
      if case .boolean(false) = evaluator.evaluate(condition, in: scope) {
        names.append(evaluator.itemName(item, definition) ?? "#\(index + 1)")
      }
    }
    return Gap(amount: Rational(names.count), direction: .increase, unit: unit ?? listUnit(aggregate.list), items: names)
  }

  /// Whether an expression only takes whole values (counts, sums of counts), so gaps are whole.
  private func isWholeNumber(_ expression: Expression) -> Bool {
    switch expression {
    case .number(let n): return n.isInteger
    case .input(let slot):
      if case .count = criteria.schema.inputs[slot].type { return true }
      return false
    case .aggregate(let aggregate):
      if aggregate.kind == .count { return true }
      guard aggregate.kind == .sum, let field = aggregate.field,
        case .list(let definition) = criteria.schema.inputs[aggregate.list].type,
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
    if case .input(let slot) = expression { return criteria.schema.inputs[slot].unit }
    return nil
  }

  private func listUnit(_ slot: Int) -> LocalizedText? {
    criteria.schema.inputs[slot].unit ?? criteria.schema.inputs[slot].label
  }
}
