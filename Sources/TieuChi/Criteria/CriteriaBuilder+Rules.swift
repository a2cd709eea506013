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
        reader.report(.checkNotACondition(at: checkNode.location))
        continue
      }
      let id = entries["id"].flatMap { reader.identifier($0.value, what: "id") } ?? "rule-\(index + 1)"
      let message =
        entries["message"].flatMap { reader.localized($0.value, what: "message") }
        ?? LocalizedText(vi: "vi phạm quy tắc \(text)", en: "rule violated: \(text)")
      rules.append(
        ConsistencyRule(
          id: id, check: check, checkText: text, message: message, inputs: check.inputSlots, location: item.location))
    }
    // Broken rules are named by id in reports; ids given in the file must tell them apart.
    reader.reportDuplicates(NodeReader.declarations(in: items), kind: .rule)
    return rules
  }
}
