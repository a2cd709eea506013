/// Parses and type-checks an expression against an input schema, in one pass.
///
/// Grammar (lowest precedence first):
/// ```
/// or      := and ('or' and)*
/// and     := not ('and' not)*
/// not     := 'not' not | compare
/// compare := sum (('==' | '!=' | '<' | '<=' | '>' | '>=') sum)?
/// sum     := product (('+' | '-') product)*
/// product := unary (('*' | '/') unary)*
/// unary   := '-' unary | primary
/// primary := NUMBER ['%' | '‰'] | STRING | 'true' | 'false' | NAME | '(' or ')'
///          | ('count' | 'all' | 'any') '(' LIST [('where' | ',') or] ')'
///          | 'sum' '(' LIST '.' FIELD [('where' | ',') or] ')'
///          | 'baseline' '(' or ')' | 'passed' '(' [STRING] ')'
/// ```
package struct ExpressionParser {
  /// Where an expression's text sits in its file, so errors point into it.
  package struct Source: Sendable {
    package var text: String
    package var origin: SourceLocation
    /// The text was quoted in YAML, so its first character is one column after the node's start.
    package var quoted: Bool

    package init(text: String, origin: SourceLocation, quoted: Bool) {
      self.text = text
      self.origin = origin
      self.quoted = quoted
    }

    func location(atOffset offset: Int) -> SourceLocation {
      var location = origin
      // Multi-line (folded) expressions: count lines up to the offset; columns restart.
      var line = 0
      var column = offset
      for (index, scalar) in text.unicodeScalars.prefix(offset).enumerated() where scalar == "\n" {
        line += 1
        column = offset - index - 1
      }
      if line == 0 {
        location.column += offset + (quoted ? 1 : 0)
      } else {
        location.line += line
        location.column = column + 1
      }
      return location
    }
  }

  private let source: Source
  private let schema: InputSchema
  private var tokens: [ExpressionLexer.Token] = []
  private var position = 0
  /// The list whose records are being iterated, inside an aggregate.
  private var listScope: (name: String, definition: ListDefinition)?
  /// Inside `baseline(…)`.
  private var inBaseline = false
  /// How deep the parser is in nested parentheses, `not`, unary minus and function calls: bounded, so a
  /// hostile file cannot overflow the stack of the parser or of the evaluator.
  private var depth = 0

  /// No criteria expression needs more: the longest shipped one has about 30 tokens. A flat chain of
  /// terms builds a tree as deep as it is long, and every later step walks that tree recursively.
  static let maximumTokens = 1_000
  /// Nesting of parentheses, `not`, `-` and calls; the shipped files nest at most 4 deep.
  static let maximumNesting = 64

  /// Parses `source` against `schema`, returning the typed expression.
  package static func parse(_ source: Source, schema: InputSchema) throws(Diagnostic) -> (Expression, ExpressionType) {
    var parser = ExpressionParser(source: source, schema: schema)
    do {
      parser.tokens = try ExpressionLexer.tokenize(source.text)
    } catch {
      throw .expressionLexical(error.problem, at: source.location(atOffset: error.offset))
    }
    guard parser.tokens.count <= maximumTokens + 1 else {
      throw .expressionTooLong(parser.tokens.count - 1, maximum: maximumTokens, at: source.location(atOffset: 0))
    }
    let result = try parser.parseOr()
    guard case .end = parser.current.kind else {
      throw .expressionTrailingText(parser.current.text, at: parser.location(of: parser.current))
    }
    return result
  }

  private init(source: Source, schema: InputSchema) {
    self.source = source
    self.schema = schema
  }

  // MARK: Tokens

  private var current: ExpressionLexer.Token { tokens[position] }

  private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

  private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }
  private func isKeyword(_ word: String) -> Bool { current.kind == .identifier(word) }

  private mutating func expectSymbol(_ symbol: String) throws(Diagnostic) {
    guard isSymbol(symbol) else {
      throw .expressionExpectedSymbol(symbol, found: describe(current), at: location(of: current))
    }
    advance()
  }

  private func describe(_ token: ExpressionLexer.Token) -> LocalizedText {
    if case .end = token.kind { return LocalizedText(vi: "hết biểu thức", en: "end of expression") }
    return LocalizedText("'\(token.text)'")
  }

  private func location(of token: ExpressionLexer.Token) -> SourceLocation {
    source.location(atOffset: token.offset)
  }

  // MARK: Grammar

  private mutating func parseOr() throws(Diagnostic) -> (Expression, ExpressionType) {
    var (lhs, lhsType) = try parseAnd()
    while isKeyword("or") {
      let op = current
      advance()
      let (rhs, rhsType) = try parseAnd()
      try requireBoolean(lhsType, at: op, operand: "or")
      try requireBoolean(rhsType, at: op, operand: "or")
      (lhs, lhsType) = (.or(lhs, rhs), .boolean)
    }
    return (lhs, lhsType)
  }

  private mutating func parseAnd() throws(Diagnostic) -> (Expression, ExpressionType) {
    var (lhs, lhsType) = try parseNot()
    while isKeyword("and") {
      let op = current
      advance()
      let (rhs, rhsType) = try parseNot()
      try requireBoolean(lhsType, at: op, operand: "and")
      try requireBoolean(rhsType, at: op, operand: "and")
      (lhs, lhsType) = (.and(lhs, rhs), .boolean)
    }
    return (lhs, lhsType)
  }

  /// Enters one level of nesting at `token`, refusing past the maximum.
  private mutating func nest(at token: ExpressionLexer.Token) throws(Diagnostic) {
    depth += 1
    guard depth <= Self.maximumNesting else {
      throw .expressionTooDeep(maximum: Self.maximumNesting, at: location(of: token))
    }
  }

  private mutating func parseNot() throws(Diagnostic) -> (Expression, ExpressionType) {
    if isKeyword("not") {
      let op = current
      advance()
      try nest(at: op)
      defer { depth -= 1 }
      let (operand, type) = try parseNot()
      try requireBoolean(type, at: op, operand: "not")
      return (.not(operand), .boolean)
    }
    return try parseComparison()
  }

  private mutating func parseComparison() throws(Diagnostic) -> (Expression, ExpressionType) {
    let (lhs, lhsType) = try parseSum()
    let comparators: [String: TargetComparator] = [
      "==": .equal, "!=": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual,
    ]
    guard case .symbol(let symbol) = current.kind, let comparator = comparators[symbol] else {
      return (lhs, lhsType)
    }
    let op = current
    advance()
    let rhsToken = current
    let (rhs, rhsType) = try parseSum()
    try checkComparable(lhsType, lhs, rhsType, rhs, comparator: comparator, at: op, rhsToken: rhsToken)
    return (.comparison(comparator, lhs, rhs), .boolean)
  }

  private mutating func parseSum() throws(Diagnostic) -> (Expression, ExpressionType) {
    var (lhs, lhsType) = try parseProduct()
    while isSymbol("+") || isSymbol("-") {
      let op = current
      advance()
      let (rhs, rhsType) = try parseProduct()
      let isInteger = try requireNumbers(lhsType, rhsType, at: op)
      (lhs, lhsType) = (.arithmetic(op.kind == .symbol("+") ? .add : .subtract, lhs, rhs), .number(integer: isInteger))
    }
    return (lhs, lhsType)
  }

  private mutating func parseProduct() throws(Diagnostic) -> (Expression, ExpressionType) {
    var (lhs, lhsType) = try parseUnary()
    while isSymbol("*") || isSymbol("/") {
      let op = current
      advance()
      let (rhs, rhsType) = try parseUnary()
      let isInteger = try requireNumbers(lhsType, rhsType, at: op)
      let divide = op.kind == .symbol("/")
      (lhs, lhsType) = (.arithmetic(divide ? .divide : .multiply, lhs, rhs), .number(integer: isInteger && !divide))
    }
    return (lhs, lhsType)
  }

  private mutating func parseUnary() throws(Diagnostic) -> (Expression, ExpressionType) {
    if isSymbol("-") {
      let op = current
      advance()
      try nest(at: op)
      defer { depth -= 1 }
      let (operand, type) = try parseUnary()
      guard case .number = type else {
        throw .expressionNegateNonNumber(at: location(of: op))
      }
      return (.negate(operand), type)
    }
    return try parsePrimary()
  }

  private mutating func parsePrimary() throws(Diagnostic) -> (Expression, ExpressionType) {
    let token = current
    switch token.kind {
    case .number(let value):
      advance()
      return (.number(value), .number(integer: value.isInteger))
    case .text(let text):
      advance()
      return (.text(text), .text)
    case .symbol("("):
      advance()
      try nest(at: token)
      defer { depth -= 1 }
      let result = try parseOr()
      try expectSymbol(")")
      return result
    case .identifier(let name):
      advance()
      // A call (count, all, any, sum, baseline, passed) nests its arguments.
      try nest(at: token)
      defer { depth -= 1 }
      switch name {
      case "true": return (.boolean(true), .boolean)
      case "false": return (.boolean(false), .boolean)
      case _ where isSymbol("(") && Expression.Aggregate.Kind(rawValue: name) != nil:
        return try parseAggregate(Expression.Aggregate.Kind(rawValue: name)!, at: token)
      case "passed" where isSymbol("("):
        return try parsePassed(at: token)
      case "baseline" where isSymbol("("):
        guard !inBaseline else {
          throw .expressionNestedBaseline(at: location(of: token))
        }
        advance()
        inBaseline = true
        let (inner, type) = try parseOr()
        inBaseline = false
        try expectSymbol(")")
        return (.baseline(inner), type)
      case "years_since_baseline" where isSymbol("("):
        advance()
        try expectSymbol(")")
        return (.yearsSinceBaseline, .number(integer: true))
      case "and", "or", "not", "where":
        throw .expressionMissingOperand(before: name, at: location(of: token))
      default:
        return try resolveName(name, at: token)
      }
    default:
      throw .expressionExpectedValue(found: describe(token), at: location(of: token))
    }
  }

  private mutating func parseAggregate(
    _ kind: Expression.Aggregate.Kind, at start: ExpressionLexer.Token
  ) throws(Diagnostic) -> (Expression, ExpressionType) {
    try expectSymbol("(")
    guard listScope == nil else {
      throw .expressionNestedAggregate(kind.rawValue, at: location(of: start))
    }
    let listToken = current
    guard case .identifier(let listName) = listToken.kind else {
      throw .expressionAggregateNeedsList(kind.rawValue, found: describe(listToken), at: location(of: listToken))
    }
    let lists = schema.inputs.filter { if case .list = $0.type { true } else { false } }.map(\.name)
    guard let slot = schema.index(of: listName), case .list(let definition) = schema.inputs[slot].type else {
      throw .expressionNotAList(listName, lists: lists, at: location(of: listToken))
    }
    advance()
    var fieldSlot: Int?
    var resultType: ExpressionType
    switch kind {
    case .sum:
      try expectSymbol(".")
      let fieldToken = current
      guard case .identifier(let fieldName) = fieldToken.kind,
        let index = definition.fields.index(of: fieldName)
      else {
        throw .expressionSumNeedsField(
          list: listName, written: fieldToken.text, fields: definition.fields.inputs.map(\.name),
          at: location(of: fieldToken))
      }
      switch definition.fields.inputs[index].type {
      case .count: resultType = .number(integer: true)
      case .number: resultType = .number(integer: false)
      default:
        throw .expressionNonNumericField(fieldName, at: location(of: fieldToken))
      }
      fieldSlot = index
      advance()
    case .count: resultType = .number(integer: true)
    case .all, .any: resultType = .boolean
    }
    var condition: Expression?
    if isKeyword("where") || isSymbol(",") {
      advance()
      listScope = (listName, definition)
      let conditionStart = current
      let (parsed, type) = try parseOr()
      listScope = nil
      try requireBoolean(type, at: conditionStart, operand: kind.rawValue)
      condition = parsed
    } else if kind == .all || kind == .any {
      throw .expressionMissingCondition(kind.rawValue, list: listName, at: location(of: current))
    }
    try expectSymbol(")")
    return (.aggregate(.init(kind: kind, list: slot, field: fieldSlot, condition: condition)), resultType)
  }

  /// `passed("doctor")` / `passed()`: a commune's outcome for one indicator / the whole set, inside an
  /// aggregate over `communes` in a group-level indicator.
  private mutating func parsePassed(at start: ExpressionLexer.Token) throws(Diagnostic) -> (Expression, ExpressionType)
  {
    try expectSymbol("(")
    var id: String?
    let idToken = current
    if case .text(let text) = current.kind {
      id = text
      advance()
    }
    try expectSymbol(")")
    guard let scope = listScope, scope.name == GroupRecordFields.communesList else {
      throw .expressionPassedOutsideCommunes(at: location(of: start))
    }
    guard let slot = scope.definition.fields.index(of: id.map(CommuneOutcome.indicator) ?? .set) else {
      let known = scope.definition.fields.inputs.compactMap { field -> String? in
        if case .indicator(let id)? = field.outcome { return id }
        return nil
      }
      throw .expressionUnknownIndicator(id ?? "", known: known, at: location(of: idToken))
    }
    return (.field(slot), .boolean)
  }

  private func resolveName(_ name: String, at token: ExpressionLexer.Token) throws(Diagnostic) -> (
    Expression, ExpressionType
  ) {
    if let scope = listScope, let index = scope.definition.fields.index(of: name) {
      return (.field(index), try valueType(of: scope.definition.fields.inputs[index], at: token))
    }
    if let index = schema.index(of: name) {
      let input = schema.inputs[index]
      if case .list = input.type {
        throw .expressionListAsValue(name, at: location(of: token))
      }
      return (.input(index), try valueType(of: input, at: token))
    }
    var candidates = schema.inputs.map(\.name)
    if let scope = listScope { candidates += scope.definition.fields.inputs.map(\.name) }
    throw .expressionUnknownField(name, scope: listScope?.name, candidates: candidates, at: location(of: token))
  }

  private func valueType(of input: InputDefinition, at token: ExpressionLexer.Token) throws(Diagnostic)
    -> ExpressionType
  {
    switch input.type {
    case .count: return .number(integer: true)
    case .number: return .number(integer: false)
    case .boolean: return .boolean
    case .text: return .text
    case .enumeration(let definition): return .enumeration(ids: definition.values.map(\.id))
    case .list: preconditionFailure("lists are rejected before")
    }
  }

  // MARK: Type rules

  private func requireBoolean(_ type: ExpressionType, at token: ExpressionLexer.Token, operand: String)
    throws(Diagnostic)
  {
    guard type == .boolean else {
      throw .expressionNeedsCondition(operand, found: type, at: location(of: token))
    }
  }

  private func requireNumbers(_ lhs: ExpressionType, _ rhs: ExpressionType, at op: ExpressionLexer.Token)
    throws(Diagnostic) -> Bool
  {
    guard case .number(let l) = lhs, case .number(let r) = rhs else {
      let culprit = (lhs == .boolean || rhs == .boolean) ? ExpressionType.boolean : .text
      throw .expressionArithmeticOnNonNumber(op.text, culprit: culprit, at: location(of: op))
    }
    return l && r
  }

  private func checkComparable(
    _ lhsType: ExpressionType, _ lhs: Expression, _ rhsType: ExpressionType, _ rhs: Expression,
    comparator: TargetComparator, at op: ExpressionLexer.Token, rhsToken: ExpressionLexer.Token
  ) throws(Diagnostic) {
    switch (lhsType, rhsType) {
    case (.number, .number):
      return
    case (.enumeration(let ids), .text), (.text, .enumeration(let ids)):
      // A typo in an enum literal would silently never match: catch it now.
      let literal: String? =
        if case .text(let t) = rhs { t } else if case .text(let t) = lhs { t } else { nil }
      if let literal, !ids.contains(literal) {
        throw .expressionUnknownEnumValue(literal, allowed: ids, at: location(of: rhsToken))
      }
      fallthrough
    case (.text, .text), (.boolean, .boolean), (.enumeration, .enumeration):
      guard comparator == .equal || comparator == .notEqual else {
        throw .expressionOrderingNonNumbers(op.text, type: lhsType, at: location(of: op))
      }
    default:
      throw .expressionIncomparable(lhsType, rhsType, at: location(of: op))
    }
  }
}
