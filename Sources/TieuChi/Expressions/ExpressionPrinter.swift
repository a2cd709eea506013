/// Writes a typed expression back as text, with names instead of slots, for explanations and traces.
struct ExpressionPrinter {
  let schema: InputSchema

  func text(_ expression: Expression, list: Int? = nil) -> String {
    switch expression {
    case .number(let n): return NumberText.format(n, decimals: 6, style: .plain)
    case .text(let t): return "\"\(t)\""
    case .boolean(let b): return b ? "true" : "false"
    case .input(let slot): return schema.inputs[slot].name
    case .field(let slot):
      guard let list, case .list(let definition) = schema.inputs[list].type else { return "?" }
      // An outcome field is named as it is written: passed("doctor").
      return definition.fields.inputs[slot].name
    case .baseline(let e): return "baseline(" + text(e, list: list) + ")"
    case .yearsSinceBaseline: return "years_since_baseline()"
    case .negate(let e): return "-" + wrapped(e, list: list)
    case .not(let e): return "not " + wrapped(e, list: list)
    case .arithmetic(let op, let l, let r): return "\(wrapped(l, list: list)) \(op.rawValue) \(wrapped(r, list: list))"
    case .comparison(let c, let l, let r): return "\(wrapped(l, list: list)) \(c.rawValue) \(wrapped(r, list: list))"
    case .and(let l, let r): return "\(wrapped(l, list: list)) and \(wrapped(r, list: list))"
    case .or(let l, let r): return "\(wrapped(l, list: list)) or \(wrapped(r, list: list))"
    case .aggregate(let a):
      let name = schema.inputs[a.list].name
      var inner = name
      if let field = a.field, case .list(let definition) = schema.inputs[a.list].type {
        inner += "." + definition.fields.inputs[field].name
      }
      if let condition = a.condition { inner += " where " + text(condition, list: a.list) }
      return "\(a.kind.rawValue)(\(inner))"
    }
  }

  private func wrapped(_ expression: Expression, list: Int?) -> String {
    switch expression {
    case .arithmetic, .comparison, .and, .or: "(" + text(expression, list: list) + ")"
    default: text(expression, list: list)
    }
  }
}
