/// `rules:`: consistency checks between inputs.
extension CriteriaBuilder {
  mutating func consistencyRules(_ node: DataNode, schema: InputSchema) -> [ConsistencyRule] {
    guard let items = reader.sequence(node, what: "rules") else { return [] }
    var rules: [ConsistencyRule] = []
    for (index, item) in items.enumerated() {
      let what = LocalizedText(vi: "một quy tắc nhất quán", en: "a consistency rule")
      guard let entries = reader.mapping(item, what: what, allowed: ["id", "check", "message"]),
        let checkNode = reader.require("check", in: entries, of: item, what: what),
        let (check, type, text) = expression(checkNode, what: "check", schema: schema)
      else { continue }
      guard type == .boolean else {
        reader.error(
          checkNode.location,
          LocalizedText(vi: "'check' phải là một điều kiện đúng/sai", en: "'check' must be a condition (true or false)"))
        continue
      }
      let id = entries["id"].flatMap { reader.identifier($0.value, what: "id") } ?? "rule-\(index + 1)"
      let message =
        entries["message"].flatMap { reader.localized($0.value, what: "message") }
        ?? LocalizedText(vi: "vi phạm quy tắc \(text)", en: "rule violated: \(text)")
      rules.append(
        ConsistencyRule(id: id, check: check, checkText: text, message: message, inputs: check.inputSlots, location: item.location))
    }
    return rules
  }
}
