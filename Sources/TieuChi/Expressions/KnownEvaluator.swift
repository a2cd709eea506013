/// A station's values as the quick path reads them (`SurveyReader.readTyped`): by slot, in flat buffers a chunk
/// of stations reuses, with no `StationRecord`, `ListItem` or `InputValue` made for it.
struct TypedRecord: Sendable {
  /// One value: known, or absent.
  enum Value: Sendable {
    case number(Rational)
    case boolean(Bool)
    /// Text, or an enum value's id.
    case text(String)
    /// Absent or empty, or not read because nothing evaluated needs it.
    case missing
  }

  /// Values by top-level slot (a list input's slot holds `.missing`: its records are in `lists`).
  var values: [Value]
  /// Per top-level slot: a list input's records' field values, a record's fields after the one before's
  /// (`fieldCounts[slot]` each); empty for other slots.
  var lists: [[Value]]
  /// Per top-level slot: whether the station has the list at all (a list with no records is there, and counts 0).
  var hasList: [Bool]
  /// Per top-level slot: how many fields a record of the list has (0 for other slots).
  let fieldCounts: [Int]

  /// An empty record for `schema`'s inputs.
  init(schema: InputSchema) {
    values = Array(repeating: .missing, count: schema.inputs.count)
    lists = Array(repeating: [], count: schema.inputs.count)
    hasList = Array(repeating: false, count: schema.inputs.count)
    fieldCounts = schema.inputs.map { input in
      if case .list(let definition) = input.type { definition.fields.inputs.count } else { 0 }
    }
  }

  /// How many records list `slot` holds.
  func count(of slot: Int) -> Int {
    fieldCounts[slot] == 0 ? 0 : lists[slot].count / fieldCounts[slot]
  }

  /// Empties the record for the next station, keeping the buffers' room.
  mutating func reset() {
    for slot in values.indices {
      values[slot] = .missing
      if fieldCounts[slot] > 0 {
        lists[slot].removeAll(keepingCapacity: true)
        hasList[slot] = false
      }
    }
  }
}

/// Evaluates expressions over a `TypedRecord` whose inputs are all known: the value `ExpressionEvaluator` gives for
/// the same data, or nil wherever it would give an unknown value (a missing input, a division by zero, a number too
/// large) — the caller then evaluates the station the usual way, so no verdict, reason or bound can differ.
///
/// Only what is certain is computed here: with every value read known, `ExpressionEvaluator` uses its three-valued
/// logic and bounds only for the unknowns this evaluator refuses, and its operations on known values are the same
/// `Rational` arithmetic and comparisons as these.
struct KnownEvaluator: Sendable {
  /// The value of `expression` for `record`; nil where it is not certain.
  static func evaluate(_ expression: Expression, _ record: TypedRecord) -> TypedRecord.Value? {
    evaluate(expression, record, item: nil)
  }

  /// Whether `evaluate` can compute `expression` at all: `baseline(…)` needs the previous round's record.
  static func supports(_ expression: Expression) -> Bool {
    switch expression {
    case .number, .text, .boolean, .input, .field: true
    case .negate(let e), .not(let e): supports(e)
    case .arithmetic(_, let l, let r), .comparison(_, let l, let r), .and(let l, let r), .or(let l, let r):
      supports(l) && supports(r)
    case .aggregate(let aggregate): aggregate.condition.map(supports) ?? true
    case .baseline, .yearsSinceBaseline: false
    }
  }

  /// `item`: the list and the offset in `record.lists[list]` of the record an enclosing aggregate iterates.
  private static func evaluate(
    _ expression: Expression, _ record: TypedRecord, item: (list: Int, offset: Int)?
  ) -> TypedRecord.Value? {
    switch expression {
    case .number(let value): return .number(value)
    case .text(let text): return .text(text)
    case .boolean(let value): return .boolean(value)
    case .input(let slot): return known(record.values[slot])
    case .field(let field):
      guard let item else { preconditionFailure("the parser only allows fields inside aggregates") }
      return known(record.lists[item.list][item.offset + field])
    case .negate(let operand):
      guard case .number(let n)? = evaluate(operand, record, item: item), let negated = n.negated else { return nil }
      return .number(negated)
    case .not(let operand):
      guard case .boolean(let b)? = evaluate(operand, record, item: item) else { return nil }
      return .boolean(!b)
    case .and(let lhs, let rhs):
      // Both sides, as `ExpressionEvaluator` does: an unknown on either side sends the station back.
      guard case .boolean(let a)? = evaluate(lhs, record, item: item),
        case .boolean(let b)? = evaluate(rhs, record, item: item)
      else { return nil }
      return .boolean(a && b)
    case .or(let lhs, let rhs):
      guard case .boolean(let a)? = evaluate(lhs, record, item: item),
        case .boolean(let b)? = evaluate(rhs, record, item: item)
      else { return nil }
      return .boolean(a || b)
    case .arithmetic(let op, let lhs, let rhs):
      guard case .number(let a)? = evaluate(lhs, record, item: item),
        case .number(let b)? = evaluate(rhs, record, item: item)
      else { return nil }
      let result: Rational?
      switch op {
      case .add: result = a.adding(b)
      case .subtract: result = a.subtracting(b)
      case .multiply: result = a.multiplied(by: b)
      case .divide: result = b == .zero ? nil : a.divided(by: b)
      }
      return result.map { .number($0) }
    case .comparison(let comparator, let lhs, let rhs):
      guard let a = evaluate(lhs, record, item: item), let b = evaluate(rhs, record, item: item) else { return nil }
      switch (a, b) {
      case (.number(let a), .number(let b)): return .boolean(comparator.holds(Rational.compare(a, b)))
      case (.text(let a), .text(let b)): return .boolean(comparator == .equal ? a == b : a != b)
      case (.boolean(let a), .boolean(let b)): return .boolean(comparator == .equal ? a == b : a != b)
      default: return nil
      }
    case .aggregate(let aggregate):
      return evaluate(aggregate, record)
    case .baseline, .yearsSinceBaseline:
      return nil
    }
  }

  private static func known(_ value: TypedRecord.Value) -> TypedRecord.Value? {
    if case .missing = value { return nil }
    return value
  }

  private static func evaluate(_ aggregate: Expression.Aggregate, _ record: TypedRecord) -> TypedRecord.Value? {
    let width = record.fieldCounts[aggregate.list]
    guard width > 0, record.hasList[aggregate.list] else { return nil }
    let fields = record.lists[aggregate.list]
    var matched = 0
    var total = Rational.zero
    var offset = 0
    while offset < fields.count {
      defer { offset += width }
      var matches = true
      if let condition = aggregate.condition {
        guard case .boolean(let b)? = evaluate(condition, record, item: (aggregate.list, offset)) else { return nil }
        matches = b
      }
      switch aggregate.kind {
      case .count: if matches { matched += 1 }
      case .all: if !matches { return .boolean(false) }
      case .any: if matches { return .boolean(true) }
      case .sum:
        guard matches, let field = aggregate.field else { continue }
        guard case .number(let n)? = known(fields[offset + field]), let next = total.adding(n) else { return nil }
        total = next
      }
    }
    switch aggregate.kind {
    case .count: return .number(Rational(matched))
    case .all: return .boolean(true)
    case .any: return .boolean(false)
    case .sum: return .number(total)
    }
  }
}
