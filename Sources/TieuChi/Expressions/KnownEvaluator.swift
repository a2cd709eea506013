/// A station's values as the quick path reads them (`SurveyReader.readTyped`): by slot, in flat buffers a chunk
/// of stations reuses, with no `StationRecord`, `ListItem` or `InputValue` made for it.
///
/// A value is plain data — a text is its position in `texts` — so that storing, reading, copying and emptying the
/// buffers count no references and destroy nothing: with the text inside, each was a call that did.
struct TypedRecord: Sendable {
  /// One value: known, or absent.
  enum Value: Sendable {
    case number(Rational)
    case boolean(Bool)
    /// Text, or an enum value's id: its position in `texts`.
    case text(Int)
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
  /// The texts the values hold, in the order they were read.
  var texts: [String] = []

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

  /// `text` kept in `texts`, as a value.
  static func text(_ text: String, in texts: inout [String]) -> Value {
    texts.append(text)
    return .text(texts.count - 1)
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
    texts.removeAll(keepingCapacity: true)
  }
}

/// An expression compiled for evaluation over a `TypedRecord` whose inputs are all known: the value
/// `ExpressionEvaluator` gives for the same data, or nil wherever it would give an unknown value (a missing input, a
/// division by zero, a number too large) — the caller then evaluates the station the usual way, so no verdict,
/// reason or bound can differ.
///
/// Only what is certain is computed here: with every value read known, `ExpressionEvaluator` uses its three-valued
/// logic and bounds only for the unknowns this evaluator refuses, and its operations on known values are the same
/// `Rational` arithmetic and comparisons as these.
///
/// The expression's nodes are kept in one array of plain values (texts apart), each referring to its operands by
/// position: walking an `Expression` copies each node out of its box and counts references on it, which was most of
/// the cost of evaluating a station's indicators.
struct KnownEvaluator: Sendable {
  /// A value that is known: what an expression evaluates to, with its text (a record's value holds a position).
  enum Known: Sendable {
    case number(Rational)
    case boolean(Bool)
    case text(String)
  }

  /// A node; operands are positions in `nodes`, every one before the node that uses it.
  private enum Node {
    case number(Rational)
    /// A text literal, by position in `texts`.
    case text(Int)
    case boolean(Bool)
    case input(Int)
    case field(Int)
    case negate(Int)
    case not(Int)
    case arithmetic(Expression.ArithmeticOperator, Int, Int)
    /// A comparison whose operands are compared as `Kind`: known where one of them is of that kind whatever the
    /// record (a literal, a sum, a count…), so its value is read as such, never made and matched.
    case comparison(TargetComparator, Kind, Int, Int)
    case and(Int, Int)
    case or(Int, Int)
    /// `field` and `condition`: -1 for none.
    case aggregate(Expression.Aggregate.Kind, list: Int, field: Int, condition: Int)
  }

  /// What a node's value is, whatever the record: a number, a yes/no, or anything (a text literal, or an input or a
  /// field: whatever the record holds), compared the general way.
  private enum Kind {
    case number, boolean, any
  }

  /// A list's record an aggregate iterates: the list's slot (-1: none) and the record's first value in
  /// `TypedRecord.lists[list]`.
  private typealias Item = (list: Int, offset: Int)
  private typealias Nodes = UnsafeBufferPointer<Node>

  private var nodes: [Node] = []
  private var texts: [String] = []

  /// `expression` compiled; nil when it cannot be evaluated here (`supports`).
  init?(_ expression: Expression) {
    guard Self.supports(expression) else { return nil }
    _ = add(expression)
  }

  /// The same evaluator in arrays of its own, for one core: two cores counting references on one array wait on
  /// each other.
  init(copying other: KnownEvaluator) {
    nodes = other.nodes.map { $0 }
    texts = other.texts.map { String(decoding: Array($0.utf8), as: UTF8.self) }
  }

  /// Whether an expression can be evaluated here at all: `baseline(…)` needs the previous round's record.
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

  /// Adds `expression`'s nodes, operands first; its own position.
  private mutating func add(_ expression: Expression) -> Int {
    let node: Node
    switch expression {
    case .number(let value): node = .number(value)
    case .text(let text):
      texts.append(text)
      node = .text(texts.count - 1)
    case .boolean(let value): node = .boolean(value)
    case .input(let slot): node = .input(slot)
    case .field(let field): node = .field(field)
    case .negate(let operand): node = .negate(add(operand))
    case .not(let operand): node = .not(add(operand))
    case .arithmetic(let op, let lhs, let rhs):
      let l = add(lhs)
      node = .arithmetic(op, l, add(rhs))
    case .comparison(let comparator, let lhs, let rhs):
      let l = add(lhs)
      let r = add(rhs)
      let kind = Self.kind(of: nodes[l]) == .any ? Self.kind(of: nodes[r]) : Self.kind(of: nodes[l])
      node = .comparison(comparator, kind, l, r)
    case .and(let lhs, let rhs):
      let l = add(lhs)
      node = .and(l, add(rhs))
    case .or(let lhs, let rhs):
      let l = add(lhs)
      node = .or(l, add(rhs))
    case .aggregate(let aggregate):
      node = .aggregate(
        aggregate.kind, list: aggregate.list, field: aggregate.field ?? -1,
        condition: aggregate.condition.map { add($0) } ?? -1)
    case .baseline, .yearsSinceBaseline:
      preconditionFailure("not supported: checked by init")
    }
    nodes.append(node)
    return nodes.count - 1
  }

  private static func kind(of node: Node) -> Kind {
    switch node {
    case .number, .negate, .arithmetic: .number
    case .boolean, .not, .and, .or, .comparison: .boolean
    case .text, .input, .field: .any
    case .aggregate(let kind, _, _, _):
      switch kind {
      case .count, .sum: .number
      case .all, .any: .boolean
      }
    }
  }

  /// The expression's value for `record`; nil where it is not certain.
  func evaluate(_ record: TypedRecord) -> Known? {
    nodes.withUnsafeBufferPointer { nodes in value(nodes.count - 1, nodes, record, (-1, 0)) }
  }

  /// The expression's value for `record` if it is a certain number (`evaluate` giving `.number`): without the value
  /// of whatever kind made and matched, for the sides of an indicator's quotient.
  func number(_ record: TypedRecord) -> Rational? {
    nodes.withUnsafeBufferPointer { nodes in number(nodes.count - 1, nodes, record, (-1, 0)) }
  }

  /// The expression's value for `record` if it is a certain yes or no (`evaluate` giving `.boolean`), for rules and
  /// conditions.
  func boolean(_ record: TypedRecord) -> Bool? {
    nodes.withUnsafeBufferPointer { nodes in boolean(nodes.count - 1, nodes, record, (-1, 0)) }
  }

  /// Node `position`'s value, of whatever kind, for `record` (and `item`, within an aggregate).
  private func value(_ position: Int, _ nodes: Nodes, _ record: TypedRecord, _ item: Item) -> Known? {
    switch nodes[position] {
    case .text(let index): return .text(texts[index])
    case .input, .field: return Self.known(read(position, nodes, record, item), record)
    case let node:
      switch Self.kind(of: node) {
      case .number: return number(position, nodes, record, item).map { .number($0) }
      case .boolean: return boolean(position, nodes, record, item).map { .boolean($0) }
      case .any: preconditionFailure("texts, inputs and fields are read above")
      }
    }
  }

  /// The record's value that input or field node `position` reads, as it is held.
  private func read(_ position: Int, _ nodes: Nodes, _ record: TypedRecord, _ item: Item) -> TypedRecord.Value {
    switch nodes[position] {
    case .input(let slot): return record.values[slot]
    case .field(let field):
      precondition(item.list >= 0, "the parser only allows fields inside aggregates")
      return record.lists[item.list][item.offset + field]
    default: preconditionFailure("only inputs and fields are read")
    }
  }

  /// Node `position`'s value if it is a number.
  private func number(_ position: Int, _ nodes: Nodes, _ record: TypedRecord, _ item: Item) -> Rational? {
    switch nodes[position] {
    case .number(let value): return value
    case .input, .field:
      guard case .number(let n) = read(position, nodes, record, item) else { return nil }
      return n
    case .negate(let operand):
      return number(operand, nodes, record, item)?.negated
    case .arithmetic(let op, let lhs, let rhs):
      guard let a = number(lhs, nodes, record, item), let b = number(rhs, nodes, record, item) else { return nil }
      switch op {
      case .add: return a.adding(b)
      case .subtract: return a.subtracting(b)
      case .multiply: return a.multiplied(by: b)
      case .divide: return b == .zero ? nil : a.divided(by: b)
      }
    case .aggregate(let kind, let list, let field, let condition):
      guard case .number(let n)? = aggregate(kind, list: list, field: field, condition: condition, nodes, record)
      else { return nil }
      return n
    case .text, .boolean, .not, .and, .or, .comparison: return nil
    }
  }

  /// Node `position`'s value if it is yes or no.
  private func boolean(_ position: Int, _ nodes: Nodes, _ record: TypedRecord, _ item: Item) -> Bool? {
    switch nodes[position] {
    case .boolean(let value): return value
    case .input, .field:
      guard case .boolean(let b) = read(position, nodes, record, item) else { return nil }
      return b
    case .not(let operand):
      return boolean(operand, nodes, record, item).map { !$0 }
    case .and(let lhs, let rhs):
      // Both sides, as `ExpressionEvaluator` does: an unknown on either side sends the station back.
      guard let a = boolean(lhs, nodes, record, item), let b = boolean(rhs, nodes, record, item) else { return nil }
      return a && b
    case .or(let lhs, let rhs):
      guard let a = boolean(lhs, nodes, record, item), let b = boolean(rhs, nodes, record, item) else { return nil }
      return a || b
    case .comparison(let comparator, let kind, let lhs, let rhs):
      // Operands of different kinds compare to nothing certain, as in `ExpressionEvaluator`.
      switch kind {
      case .number:
        guard let a = number(lhs, nodes, record, item), let b = number(rhs, nodes, record, item) else { return nil }
        return comparator.holds(Rational.compare(a, b))
      case .boolean:
        guard let a = boolean(lhs, nodes, record, item), let b = boolean(rhs, nodes, record, item) else { return nil }
        return comparator == .equal ? a == b : a != b
      case .any:
        // A record's text against a literal (`role == "doctor"`), compared where both are held as the general way
        // below compares them: making each a value of its own, for every list record, was most of such a count.
        if let equal = textEqualsLiteral(lhs, rhs, nodes, record, item)
          ?? textEqualsLiteral(rhs, lhs, nodes, record, item)
        {
          guard let equal else { return nil }
          return comparator == .equal ? equal : !equal
        }
        switch (value(lhs, nodes, record, item), value(rhs, nodes, record, item)) {
        case (.number(let a)?, .number(let b)?): return comparator.holds(Rational.compare(a, b))
        case (.text(let a)?, .text(let b)?): return comparator == .equal ? a == b : a != b
        case (.boolean(let a)?, .boolean(let b)?): return comparator == .equal ? a == b : a != b
        default: return nil
        }
      }
    case .aggregate(let kind, let list, let field, let condition):
      guard case .boolean(let b)? = aggregate(kind, list: list, field: field, condition: condition, nodes, record)
      else { return nil }
      return b
    case .number, .text, .negate, .arithmetic: return nil
    }
  }

  /// When node `position` reads an input or a field and node `literal` is a text literal: whether the text read
  /// equals the literal, or nil when what is read is not text (missing, or of another kind: compared to nothing
  /// certain, as in `ExpressionEvaluator`). Nil (not `.some(nil)`) for any other pair of nodes.
  private func textEqualsLiteral(
    _ position: Int, _ literal: Int, _ nodes: Nodes, _ record: TypedRecord, _ item: Item
  ) -> Bool?? {
    guard case .text(let index) = nodes[literal] else { return nil }
    switch nodes[position] {
    case .input, .field:
      guard case .text(let text) = read(position, nodes, record, item) else { return .some(nil) }
      return .some(record.texts[text] == texts[index])
    default: return nil
    }
  }

  private func aggregate(
    _ kind: Expression.Aggregate.Kind, list: Int, field: Int, condition: Int, _ nodes: Nodes, _ record: TypedRecord
  ) -> Known? {
    let width = record.fieldCounts[list]
    guard width > 0, record.hasList[list] else { return nil }
    let count = record.lists[list].count
    var matched = 0
    var total = Rational.zero
    var offset = 0
    while offset < count {
      defer { offset += width }
      var matches = true
      if condition >= 0 {
        guard let b = boolean(condition, nodes, record, (list, offset)) else { return nil }
        matches = b
      }
      switch kind {
      case .count: if matches { matched += 1 }
      case .all: if !matches { return .boolean(false) }
      case .any: if matches { return .boolean(true) }
      case .sum:
        guard matches, field >= 0 else { continue }
        guard case .number(let n) = record.lists[list][offset + field], let next = total.adding(n) else {
          return nil
        }
        total = next
      }
    }
    switch kind {
    case .count: return .number(Rational(matched))
    case .all: return .boolean(true)
    case .any: return .boolean(false)
    case .sum: return .number(total)
    }
  }

  /// A record's value as known (its text, not its position); nil when missing.
  private static func known(_ value: TypedRecord.Value, _ record: TypedRecord) -> Known? {
    switch value {
    case .number(let n): .number(n)
    case .boolean(let b): .boolean(b)
    case .text(let position): .text(record.texts[position])
    case .missing: nil
    }
  }
}
