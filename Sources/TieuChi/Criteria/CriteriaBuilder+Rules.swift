/// `rules:`: consistency checks between inputs.
extension CriteriaBuilder {
  /// The rules of one level: a station's (checked against `schema`), or a group's (`level: group`,
  /// checked against the group schema, read once that schema exists).
  mutating func consistencyRules(_ node: DataNode, schema: InputSchema, level: Level) -> [ConsistencyRule] {
    guard let items = reader.sequence(node, what: "rules") else { return [] }
    var rules: [ConsistencyRule] = []
    for (index, item) in items.enumerated() {
      let what = LocalizedText(vi: "một quy tắc nhất quán", en: "a consistency rule")
      let itemLevel = item["level"].flatMap { $0.scalarText.flatMap(Level.init(rawValue:)) } ?? .commune
      guard itemLevel == level else { continue }
      guard let entries = reader.mapping(item, what: what, allowed: ["id", "check", "message", "level"]),
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
    // Broken rules are named by id in reports; ids given in the file must tell them apart (checked once,
    // with the station rules, over every rule of the file).
    if level == .commune {
      reader.reportDuplicates(NodeReader.declarations(in: items), kind: .rule)
      if let bad = items.compactMap({ $0["level"] }).first(where: {
        $0.scalarText.flatMap(Level.init(rawValue:)) == nil
      }) {
        _ = self.level(bad)
      }
    }
    return rules
  }
}
