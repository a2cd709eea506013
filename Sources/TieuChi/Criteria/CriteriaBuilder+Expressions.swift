/// Expressions in a criteria file, parsed and type-checked against the inputs.
extension CriteriaBuilder {
  mutating func expression(_ node: DataNode, what: String, schema: InputSchema) -> (Expression, ExpressionType, String)?
  {
    guard let text = node.scalarText, !node.isNull else {
      reader.report(.expressionNotAString(what, at: node.location))
      return nil
    }
    do {
      let (expression, type) = try ExpressionParser.parse(
        .init(text: text, origin: node.location, quoted: node.isQuoted), schema: schema)
      return (expression, type, text)
    } catch {
      var error = error
      // Offsets into a multi-line scalar's folded text are not columns of the file: point at the scalar.
      if node.spansLines { error.location = node.location }
      let names = text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
      if !names.contains(where: brokenInputs.contains) {
        reader.report(error)
      }
      return nil
    }
  }
}
