/// `inputs:`: what a station record holds, and the schemas indicators are checked against.
extension CriteriaBuilder {
  mutating func inputSchema(_ node: DataNode, context: String, allowLists: Bool) -> InputSchema {
    guard let entries = node.entries else {
      reader.report(.inputsNotAMapping(context, at: node.location))
      return InputSchema([])
    }
    var definitions: [InputDefinition] = []
    for entry in entries {
      guard isInputName(entry.key) else {
        reader.report(.invalidInputName(entry.key, at: entry.keyLocation))
        continue
      }
      if let definition = inputDefinition(entry, context: context, allowLists: allowLists) {
        definitions.append(definition)
      } else {
        brokenInputs.insert(entry.key)
      }
    }
    return InputSchema(definitions)
  }

  func isInputName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, first >= "a" && first <= "z" else { return false }
    return name.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" }
  }

  static let typeNames = ["count", "number", "boolean", "text", "enum", "list"]

  mutating func inputDefinition(_ entry: DataNode.Entry, context: String, allowLists: Bool) -> InputDefinition? {
    let node = entry.value
    let what = LocalizedText(vi: "khai báo đầu vào '\(entry.key)'", en: "the declaration of input '\(entry.key)'")
    let typeNode: DataNode
    var entries: [String: DataNode.Entry] = [:]
    if node.scalarText != nil {
      typeNode = node  // shorthand: `population: count`
    } else {
      guard let mapped = reader.mapping(node, what: what, allowed: Self.inputKeys),
        let required = reader.require("type", in: mapped, of: node, what: what)
      else { return nil }
      entries = mapped
      typeNode = required
    }
    guard let typeName = reader.string(typeNode, what: "type") else { return nil }
    let type: InputType
    switch typeName {
    case "count": type = .count
    case "number": type = .number
    case "boolean": type = .boolean
    case "text": type = .text
    case "enum":
      guard let valuesNode = reader.require("values", in: entries, of: node, what: what),
        let definition = enumDefinition(valuesNode)
      else { return nil }
      type = .enumeration(definition)
    case "list" where allowLists:
      guard let fieldsNode = reader.require("fields", in: entries, of: node, what: what) else { return nil }
      let fields = inputSchema(fieldsNode, context: "\(context).\(entry.key).fields", allowLists: false)
      var itemName: String?
      if let itemNode = entries["item_name"]?.value, let name = reader.string(itemNode, what: "item_name") {
        if fields.index(of: name) == nil {
          reader.report(
            .unknownItemName(name, list: entry.key, fields: fields.inputs.map(\.name), at: itemNode.location))
        }
        itemName = name
      }
      type = .list(ListDefinition(fields: fields, itemName: itemName))
    case "list":
      reader.report(.nestedList(at: typeNode.location))
      return nil
    default:
      reader.report(.unknownInputType(typeName, expected: Self.typeNames, at: typeNode.location))
      return nil
    }
    for key in ["values", "fields", "item_name"] where entries[key] != nil {
      let belongs = (key == "values" && typeName == "enum") || (key != "values" && typeName == "list")
      if !belongs {
        reader.report(.keyNotForType(key, type: typeName, at: entries[key]!.keyLocation))
      }
    }
    let label = entries["label"].flatMap { reader.localized($0.value, what: "label") } ?? LocalizedText(entry.key)
    let unit = entries["unit"].flatMap { reader.localized($0.value, what: "unit") }
    var level = Level.commune
    if let levelNode = entries["level"]?.value {
      if allowLists, let parsed = self.level(levelNode) { level = parsed }
      if !allowLists {
        reader.report(.levelOnListField(at: levelNode.location))
      } else if level == .group, case .list = type {
        reader.report(.groupLevelList(at: levelNode.location))
      }
    }
    return InputDefinition(
      name: entry.key, type: type, label: label, unit: unit, location: entry.keyLocation, level: level)
  }

  mutating func level(_ node: DataNode) -> Level? {
    guard let text = reader.string(node, what: "level") else { return nil }
    guard let level = Level(rawValue: text) else {
      reader.report(.unknownLevel(text, expected: Level.allCases.map(\.rawValue), at: node.location))
      return nil
    }
    return level
  }

  mutating func enumDefinition(_ node: DataNode) -> EnumDefinition? {
    guard let items = reader.sequence(node, what: "values") else { return nil }
    var values: [EnumDefinition.Value] = []
    for item in items {
      if item.scalarText != nil {
        guard let id = reader.string(item, what: "values[]") else { continue }
        values.append(.init(id: id, label: LocalizedText(id), aliases: []))
        continue
      }
      let what = LocalizedText(vi: "một giá trị liệt kê", en: "an enum value")
      guard let entries = reader.mapping(item, what: what, allowed: ["id", "label", "aliases"]),
        let idNode = reader.require("id", in: entries, of: item, what: what),
        let id = reader.string(idNode, what: "id")
      else { continue }
      let label = entries["label"].flatMap { reader.localized($0.value, what: "label") } ?? LocalizedText(id)
      let aliases =
        entries["aliases"].flatMap { reader.sequence($0.value, what: "aliases") }?.compactMap {
          reader.string($0, what: "aliases[]")
        } ?? []
      values.append(.init(id: id, label: label, aliases: aliases))
    }
    // Data and conditions name values by id: two values with one id could never be told apart.
    let declared = items.compactMap { item -> (id: String, location: SourceLocation)? in
      guard let text = item.scalarText, !item.isNull else { return NodeReader.declarations(in: [item]).first }
      return (text, item.location)
    }
    reader.reportDuplicates(declared, kind: .enumValue)
    if values.isEmpty {
      reader.report(.emptyEnum(at: node.location))
      return nil
    }
    return EnumDefinition(values: values)
  }

  /// Every station may carry `type`, `district` and `province`; they are text inputs unless the set
  /// declares them otherwise, so applicability conditions can use them.
  func withStationAttributes(_ schema: InputSchema, at location: SourceLocation) -> InputSchema {
    var inputs = schema.inputs
    for name in StationAttribute.textInputs.map(\.rawValue) where schema.index(of: name) == nil {
      inputs.append(InputDefinition(name: name, type: .text, label: LocalizedText(name), unit: nil, location: location))
    }
    return InputSchema(inputs)
  }

  /// The schema group indicators are checked against: the group's own inputs, its `district` and
  /// `province`, and `communes`, a list whose records carry each commune's scalar inputs, its name, and
  /// its outcomes (`passed("doctor")`, `passed()`).
  static func groupSchema(
    _ groupInputs: [InputDefinition], communes schema: InputSchema, indicators: [String], at location: SourceLocation
  ) -> InputSchema {
    var fields = schema.inputs.filter { if case .list = $0.type { false } else { true } }
    if !fields.contains(where: { $0.name == "name" }) {
      fields.append(
        InputDefinition(
          name: "name", type: .text, label: LocalizedText(vi: "Tên xã", en: "Commune"), unit: nil, location: location))
    }
    for outcome in indicators.map({ CommuneOutcome.indicator($0) }) + [.set] {
      let label =
        switch outcome {
        case .set: LocalizedText(vi: "đạt bộ tiêu chí", en: "meets the set")
        case .indicator(let id): LocalizedText(vi: "đạt \(id)", en: "meets \(id)")
        }
      fields.append(
        InputDefinition(
          name: outcome.expressionText, type: .boolean, label: label, unit: nil, location: location, outcome: outcome))
    }
    var inputs = groupInputs
    for name in StationAttribute.groupings.map(\.rawValue) where !inputs.contains(where: { $0.name == name }) {
      inputs.append(
        InputDefinition(
          name: name, type: .text, label: LocalizedText(name), unit: nil, location: location, level: .group))
    }
    inputs.append(
      InputDefinition(
        name: GroupRecordFields.communesList,
        type: .list(ListDefinition(fields: InputSchema(fields), itemName: "name")),
        label: LocalizedText(vi: "các xã", en: "communes"), unit: LocalizedText(vi: "xã", en: "communes"),
        location: location, level: .group))
    return InputSchema(inputs)
  }
}
