import Foundation

/// Loads a criteria file completely — every key, type, expression and target checked — before any
/// survey data is read.
public enum CriteriaLoader {
  /// The criteria set, or `nil` when the file has errors; the diagnostics hold every problem found
  /// (errors and warnings), each at `file:line:column`.
  public static func load(path: String) -> (CriteriaSet?, [Diagnostic]) {
    guard let data = FileManager.default.contents(atPath: path) else {
      return (
        nil,
        [
          Diagnostic(
            at: SourceLocation(file: path, line: 0, column: 0),
            LocalizedText(vi: "không đọc được tệp tiêu chí", en: "cannot read the criteria file"))
        ]
      )
    }
    return load(bytes: [UInt8](data), file: path)
  }

  public static func load(bytes: [UInt8], file: String) -> (CriteriaSet?, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    guard let document = CriteriaDocument.parse(bytes: bytes, file: file, diagnostics: &diagnostics),
      let root = CriteriaDocument.resolvingExtends(document, file: file, diagnostics: &diagnostics)
    else { return (nil, diagnostics) }
    var builder = CriteriaBuilder(file: file)
    let set = builder.build(root)
    diagnostics += builder.reader.diagnostics
    return (diagnostics.contains { $0.severity == .error } ? nil : set, diagnostics)
  }
}

/// Builds a `CriteriaSet` from a parsed criteria document.
struct CriteriaBuilder {
  let file: String
  var reader = NodeReader()
  /// Inputs whose declaration has an error: expressions naming them are not reported again, since
  /// "unknown field" there would only echo the first error.
  var brokenInputs: Set<String> = []

  static let topKeys = [
    "id", "title", "description", "source", "extends", "inputs", "rules", "groups", "indicators", "pass_rule",
    "examples",
  ]
  static let indicatorKeys = [
    "id", "title", "description", "source", "level", "measure", "unit", "target", "targets", "applies_when", "gap",
    "mandatory", "points", "group",
  ]
  static let inputKeys = ["type", "label", "unit", "values", "fields", "item_name", "description", "level"]

  init(file: String) { self.file = file }

  mutating func build(_ root: DataNode) -> CriteriaSet? {
    let what = LocalizedText(vi: "tệp tiêu chí", en: "the criteria file")
    guard let top = reader.mapping(root, what: what, allowed: Self.topKeys) else { return nil }
    let id = reader.require("id", in: top, of: root, what: what).flatMap { reader.identifier($0, what: "id") }
    let title = reader.require("title", in: top, of: root, what: what).flatMap { reader.localized($0, what: "title") }
    let source = reader.require("source", in: top, of: root, what: what).flatMap { sourceDocument($0) }
    var declared = InputSchema([])
    if let inputsNode = reader.require("inputs", in: top, of: root, what: what) {
      declared = inputSchema(inputsNode, context: "inputs", allowLists: true)
    }
    let schema = withStationAttributes(InputSchema(declared.inputs.filter { $0.level == .commune }), at: root.location)
    let groupInputs = declared.inputs.filter { $0.level == .group }
    let rules = top["rules"].map { consistencyRules($0.value, schema: schema) } ?? []
    let groups = top["groups"].map { indicatorGroups($0.value) } ?? []
    var indicators: [Indicator] = []
    var groupSchema = InputSchema([])
    if let indicatorsNode = reader.require("indicators", in: top, of: root, what: what),
      let items = reader.sequence(indicatorsNode, what: "indicators")
    {
      // Commune indicators first: group indicators may read their outcomes through `passed("id")`.
      let isGroup = { (item: DataNode) in item["level"]?.scalarText == Level.group.rawValue }
      var parsed: [(position: Int, indicator: Indicator)] = []
      for (position, item) in items.enumerated() where !isGroup(item) {
        if let indicator = indicator(item, schema: schema, groups: groups, defaultClause: source?.clause) {
          parsed.append((position, indicator))
        }
      }
      groupSchema = Self.groupSchema(groupInputs, communes: schema, indicators: parsed.map(\.indicator), at: root.location)
      for (position, item) in items.enumerated() where isGroup(item) {
        if let indicator = indicator(item, schema: groupSchema, groups: groups, defaultClause: source?.clause) {
          parsed.append((position, indicator))
        }
      }
      var seen: [String: SourceLocation] = [:]
      for (_, indicator) in parsed.sorted(by: { $0.position < $1.position }) {
        if let first = seen[indicator.id] {
          reader.error(
            indicator.location,
            LocalizedText(
              vi: "chỉ tiêu '\(indicator.id)' bị khai báo hai lần (lần đầu ở \(first))",
              en: "indicator '\(indicator.id)' is declared twice (first at \(first))"))
        }
        seen[indicator.id] = indicator.location
        indicators.append(indicator)
      }
      if items.isEmpty {
        reader.error(indicatorsNode.location, LocalizedText(vi: "bộ tiêu chí không có chỉ tiêu nào", en: "the set has no indicators"))
      }
    }
    let rule = top["pass_rule"].map { passRule($0.value, indicators: indicators, groups: groups) } ?? PassRule.allIndicators
    let examples = top["examples"].map { self.examples($0.value, indicators: indicators) } ?? []
    guard let id, let title, let source else { return nil }
    return CriteriaSet(
      id: id, title: title, source: source, file: file, schema: schema, groupSchema: groupSchema, rules: rules,
      groups: groups,
      indicators: indicators, passRule: rule, examples: examples)
  }

  // MARK: Source

  mutating func sourceDocument(_ node: DataNode) -> SourceDocument? {
    if node.scalarText != nil {
      return reader.string(node, what: "source").map { SourceDocument(document: $0, title: nil, clause: nil) }
    }
    let what = LocalizedText(vi: "'source'", en: "'source'")
    guard let entries = reader.mapping(node, what: what, allowed: ["document", "title", "clause", "url"]),
      let documentNode = reader.require("document", in: entries, of: node, what: what),
      let document = reader.string(documentNode, what: "source.document")
    else { return nil }
    return SourceDocument(
      document: document,
      title: entries["title"].flatMap { reader.localized($0.value, what: "source.title") },
      clause: entries["clause"].flatMap { reader.string($0.value, what: "source.clause") })
  }

  // MARK: Inputs

  mutating func inputSchema(_ node: DataNode, context: String, allowLists: Bool) -> InputSchema {
    guard let entries = node.entries else {
      reader.error(
        node.location,
        LocalizedText(
          vi: "'\(context)' phải là một bảng: tên_đầu_vào: {type: …}",
          en: "'\(context)' must be a mapping of input names to declarations"))
      return InputSchema([])
    }
    var definitions: [InputDefinition] = []
    for entry in entries {
      guard isInputName(entry.key) else {
        reader.error(
          entry.keyLocation,
          LocalizedText(
            vi: "tên đầu vào '\(entry.key)' chỉ gồm chữ thường không dấu, số và '_', bắt đầu bằng chữ",
            en: "input name '\(entry.key)' must be lower-case ASCII letters, digits and '_', starting with a letter"))
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
          reader.error(
            itemNode.location,
            LocalizedText(
              vi: "item_name '\(name)' không phải là một trường của '\(entry.key)'",
              en: "item_name '\(name)' is not a field of '\(entry.key)'"),
            hint: Suggestions.hint(for: name, in: fields.inputs.map(\.name)))
        }
        itemName = name
      }
      type = .list(ListDefinition(fields: fields, itemName: itemName))
    case "list":
      reader.error(
        typeNode.location,
        LocalizedText(vi: "trường của một danh sách không thể là danh sách", en: "a list's fields cannot be lists themselves"))
      return nil
    default:
      reader.error(
        typeNode.location,
        LocalizedText(
          vi: "kiểu '\(typeName)' không hợp lệ; dùng một trong: \(Self.typeNames.joined(separator: ", "))",
          en: "unknown type '\(typeName)'; expected one of: \(Self.typeNames.joined(separator: ", "))"),
        hint: Suggestions.hint(for: typeName, in: Self.typeNames))
      return nil
    }
    for key in ["values", "fields", "item_name"] where entries[key] != nil {
      let belongs = (key == "values" && typeName == "enum") || (key != "values" && typeName == "list")
      if !belongs {
        reader.error(
          entries[key]!.keyLocation,
          LocalizedText(
            vi: "'\(key)' không dùng cho kiểu '\(typeName)'", en: "'\(key)' does not apply to type '\(typeName)'"))
      }
    }
    let label = entries["label"].flatMap { reader.localized($0.value, what: "label") } ?? LocalizedText(entry.key)
    let unit = entries["unit"].flatMap { reader.localized($0.value, what: "unit") }
    var level = Level.commune
    if let levelNode = entries["level"]?.value {
      if allowLists, let parsed = self.level(levelNode) { level = parsed }
      if !allowLists {
        reader.error(
          levelNode.location,
          LocalizedText(vi: "trường của danh sách không có 'level'", en: "a list's fields take no 'level'"))
      } else if level == .group, case .list = type {
        reader.error(
          levelNode.location,
          LocalizedText(
            vi: "đầu vào cấp nhóm phải là một giá trị đơn, không phải danh sách",
            en: "a group-level input is a single value, not a list"))
      }
    }
    return InputDefinition(name: entry.key, type: type, label: label, unit: unit, location: entry.keyLocation, level: level)
  }

  mutating func level(_ node: DataNode) -> Level? {
    guard let text = reader.string(node, what: "level") else { return nil }
    guard let level = Level(rawValue: text) else {
      reader.error(
        node.location,
        LocalizedText(vi: "'level' là commune hoặc group, không phải '\(text)'", en: "'level' is commune or group, not '\(text)'"),
        hint: Suggestions.hint(for: text, in: Level.allCases.map(\.rawValue)))
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
    if values.isEmpty {
      reader.error(node.location, LocalizedText(vi: "danh sách giá trị rỗng", en: "the list of values is empty"))
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
    _ groupInputs: [InputDefinition], communes schema: InputSchema, indicators: [Indicator], at location: SourceLocation
  ) -> InputSchema {
    var fields = schema.inputs.filter { if case .list = $0.type { false } else { true } }
    if !fields.contains(where: { $0.name == "name" }) {
      fields.append(InputDefinition(name: "name", type: .text, label: LocalizedText(vi: "Tên xã", en: "Commune"), unit: nil, location: location))
    }
    for outcome in indicators.map({ CommuneOutcome.indicator($0.id) }) + [.set] {
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
      inputs.append(InputDefinition(name: name, type: .text, label: LocalizedText(name), unit: nil, location: location, level: .group))
    }
    inputs.append(
      InputDefinition(
        name: GroupRecordFields.communesList,
        type: .list(ListDefinition(fields: InputSchema(fields), itemName: "name")),
        label: LocalizedText(vi: "các xã", en: "communes"), unit: LocalizedText(vi: "xã", en: "communes"),
        location: location, level: .group))
    return InputSchema(inputs)
  }

  // MARK: Expressions

  mutating func expression(_ node: DataNode, what: String, schema: InputSchema) -> (Expression, ExpressionType, String)? {
    guard let text = node.scalarText, !node.isNull else {
      reader.error(
        node.location,
        LocalizedText(vi: "'\(what)' phải là một biểu thức", en: "'\(what)' must be an expression (a string)"))
      return nil
    }
    do {
      let (expression, type) = try ExpressionParser.parse(
        .init(text: text, origin: node.location, quoted: node.isQuoted), schema: schema)
      return (expression, type, text)
    } catch {
      let names = text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
      if !names.contains(where: brokenInputs.contains) {
        reader.error(error.location, error.message, hint: error.hint)
      }
      return nil
    }
  }

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

  // MARK: Groups and indicators

  mutating func indicatorGroups(_ node: DataNode) -> [IndicatorGroup] {
    guard let items = reader.sequence(node, what: "groups") else { return [] }
    return items.compactMap { item in
      let what = LocalizedText(vi: "một nhóm tiêu chí", en: "a group")
      guard let entries = reader.mapping(item, what: what, allowed: ["id", "title", "max_points", "description"]),
        let id = reader.require("id", in: entries, of: item, what: what).flatMap({ reader.identifier($0, what: "id") }),
        let title = reader.require("title", in: entries, of: item, what: what).flatMap({ reader.localized($0, what: "title") })
      else { return nil }
      let maxPoints = entries["max_points"].flatMap { reader.number($0.value, what: "max_points") }
      return IndicatorGroup(id: id, title: title, maxPoints: maxPoints, location: item.location)
    }
  }

  static let gapUnits: [String: LocalizedText] = [
    "people": LocalizedText(vi: "người", en: "people"),
    "staff": LocalizedText(vi: "nhân viên", en: "staff"),
    "doctors": LocalizedText(vi: "bác sĩ", en: "doctors"),
    "hamlets": LocalizedText(vi: "thôn, tổ dân phố", en: "hamlets"),
    "stations": LocalizedText(vi: "trạm y tế", en: "stations"),
    "communes": LocalizedText(vi: "xã", en: "communes"),
    "children": LocalizedText(vi: "trẻ", en: "children"),
    "women": LocalizedText(vi: "phụ nữ", en: "women"),
    "beds": LocalizedText(vi: "giường bệnh", en: "beds"),
  ]

  mutating func indicator(
    _ node: DataNode, schema: InputSchema, groups: [IndicatorGroup], defaultClause: String?
  ) -> Indicator? {
    let what = LocalizedText(vi: "một chỉ tiêu", en: "an indicator")
    guard let entries = reader.mapping(node, what: what, allowed: Self.indicatorKeys) else { return nil }
    let id = reader.require("id", in: entries, of: node, what: what).flatMap { reader.identifier($0, what: "id") }
    let title = reader.require("title", in: entries, of: node, what: what).flatMap { reader.localized($0, what: "title") }
    let clause = entries["source"].flatMap { reader.string($0.value, what: "source") } ?? defaultClause
    if clause == nil {
      reader.error(
        node.location,
        LocalizedText(
          vi: "chỉ tiêu \(id.map { "'\($0)' " } ?? "")thiếu 'source' (điều, mục của văn bản mà chỉ tiêu dựa vào)",
          en: "indicator \(id.map { "'\($0)' " } ?? "")has no 'source' (the clause of the document it comes from)"))
    }
    let measure = reader.require("measure", in: entries, of: node, what: what).flatMap {
      expression($0, what: "measure", schema: schema)
    }
    var unit: MeasureUnit? = .number
    if let unitNode = entries["unit"]?.value, let name = reader.string(unitNode, what: "unit") {
      if let parsed = MeasureUnit(rawValue: name) {
        unit = parsed
      } else {
        unit = nil  // targets cannot be read without their unit; the unit error says enough
        let names = MeasureUnit.allCases.map(\.rawValue)
        reader.error(
          unitNode.location,
          LocalizedText(
            vi: "đơn vị '\(name)' không hợp lệ; dùng một trong: \(names.joined(separator: ", "))",
            en: "unknown unit '\(name)'; expected one of: \(names.joined(separator: ", "))"),
          hint: Suggestions.hint(for: name, in: names))
      }
    }
    let milestones = unit.flatMap { targets(entries, node: node, unit: $0, measureType: measure?.1) }
    let applies = entries["applies_when"].flatMap { entry -> (Expression, ExpressionType, String)? in
      guard let parsed = expression(entry.value, what: "applies_when", schema: schema) else { return nil }
      guard parsed.1 == .boolean else {
        reader.error(
          entry.value.location,
          LocalizedText(vi: "'applies_when' phải là một điều kiện đúng/sai", en: "'applies_when' must be a condition"))
        return nil
      }
      return parsed
    }
    let gap = entries["gap"].flatMap { gapSpec($0.value) }
    let level = entries["level"].flatMap { self.level($0.value) } ?? .commune
    let mandatory = entries["mandatory"].flatMap { reader.boolean($0.value, what: "mandatory") } ?? false
    var points: Rational?
    var grades: [PointGrade] = []
    if let pointsNode = entries["points"]?.value {
      if pointsNode.items != nil {
        grades = pointGrades(pointsNode, unit: unit ?? .number, measureType: measure?.1)
        points = grades.map(\.points).max()
      } else {
        points = reader.number(pointsNode, what: "points")
      }
    }
    var group: String?
    if let groupNode = entries["group"]?.value, let name = reader.string(groupNode, what: "group") {
      if !groups.contains(where: { $0.id == name }) {
        reader.error(
          groupNode.location,
          LocalizedText(vi: "nhóm '\(name)' chưa được khai báo trong 'groups'", en: "group '\(name)' is not declared in 'groups'"),
          hint: Suggestions.hint(for: name, in: groups.map(\.id)))
      }
      group = name
    }
    guard let id, let title, let clause, let measure, let milestones, let unit else { return nil }
    return Indicator(
      id: id, title: title, clause: clause, location: node.location, level: level, measure: measure.0, measureType: measure.1,
      measureText: measure.2, unit: unit, milestones: milestones, appliesWhen: applies?.0, appliesWhenText: applies?.2,
      gap: gap, mandatory: mandatory, points: points, grades: grades, group: group,
      inputs: measure.0.inputSlots.union(applies?.0.inputSlots ?? []))
  }

  mutating func targets(
    _ entries: [String: DataNode.Entry], node: DataNode, unit: MeasureUnit, measureType: ExpressionType?
  ) -> [Milestone]? {
    let single = entries["target"]?.value
    let byYear = entries["targets"]?.value
    if single != nil && byYear != nil {
      reader.error(
        entries["targets"]!.keyLocation,
        LocalizedText(
          vi: "chỉ dùng một trong 'target' (một mục tiêu) và 'targets' (các mốc theo năm)",
          en: "use either 'target' (one target) or 'targets' (milestones by year), not both"))
      return nil
    }
    if measureType == .boolean {
      if let given = single ?? byYear {
        reader.error(
          given.location,
          LocalizedText(
            vi: "thước đo là một điều kiện đúng/sai: chỉ tiêu đạt khi điều kiện đúng, không cần 'target'",
            en: "the measure is a yes/no condition: the indicator passes when it holds, so it takes no target"))
        return nil
      }
      return []
    }
    guard measureType != nil else { return nil }
    guard case .number = measureType else {
      reader.error(
        node.location,
        LocalizedText(
          vi: "thước đo phải là một số (so với mục tiêu) hoặc một điều kiện đúng/sai",
          en: "the measure must be a number (compared with a target) or a yes/no condition"))
      return nil
    }
    if let single {
      return target(single, unit: unit).map { [Milestone(year: nil, target: $0)] }
    }
    guard let byYear else {
      reader.error(
        node.location,
        LocalizedText(
          vi: "chỉ tiêu thiếu 'target' (ví dụ \"trên 99,5%\") hoặc 'targets' theo năm",
          en: "the indicator needs a 'target' (e.g. \"> 99.5%\") or 'targets' by year"))
      return nil
    }
    guard let yearEntries = byYear.entries, !yearEntries.isEmpty else {
      reader.error(
        byYear.location,
        LocalizedText(
          vi: "'targets' là một bảng năm: mục tiêu, ví dụ {2025: \"≥ 90%\", 2030: \"> 99,5%\"}",
          en: "'targets' maps years to targets, e.g. {2025: \">= 90%\", 2030: \"> 99.5%\"}"))
      return nil
    }
    var milestones: [Milestone] = []
    for entry in yearEntries {
      guard let year = Int(entry.key), (1900...2200).contains(year) else {
        reader.error(
          entry.keyLocation,
          LocalizedText(vi: "'\(entry.key)' không phải là một năm", en: "'\(entry.key)' is not a year"))
        continue
      }
      if let target = target(entry.value, unit: unit) { milestones.append(Milestone(year: year, target: target)) }
    }
    let years = milestones.compactMap(\.year)
    if years != years.sorted() {
      reader.warning(
        byYear.location,
        LocalizedText(
          vi: "các mốc năm không theo thứ tự (\(years.map(String.init).joined(separator: ", "))); nên viết từ năm sớm đến năm muộn",
          en: "the milestones are not in year order (\(years.map(String.init).joined(separator: ", "))); write them earliest first"))
    }
    if Set(years).count != years.count {
      reader.error(
        byYear.location, LocalizedText(vi: "một năm có hai mục tiêu", en: "a year has two targets"))
    }
    return milestones.sorted { ($0.year ?? 0) < ($1.year ?? 0) }
  }

  mutating func target(_ node: DataNode, unit: MeasureUnit) -> Target? {
    guard let text = reader.string(node, what: "target") else { return nil }
    switch Target.parse(text, unit: unit) {
    case .success(let target): return target
    case .failure(.noComparator):
      reader.error(
        node.location,
        LocalizedText(
          vi: "mục tiêu '\(text)' thiếu phép so sánh: viết như văn bản, ví dụ \"trên 99,5%\" (>), \"đạt 95%\" (≥), \"dưới 5%\" (<), \"không vượt quá 10\" (≤)",
          en: "target '\(text)' has no comparator: write it as the law does, e.g. \"> 99.5%\", \">= 95%\", \"< 5%\", \"<= 10\""))
    case .failure(.badNumber(let number)):
      reader.error(
        node.location,
        LocalizedText(vi: "mục tiêu '\(text)': '\(number)' không phải là một số", en: "target '\(text)': '\(number)' is not a number"))
    case .failure(.unitMismatch(let written, let expected)):
      reader.error(
        node.location,
        LocalizedText(
          vi: "mục tiêu '\(text)' viết bằng '\(written)' nhưng đơn vị của chỉ tiêu là '\(expected.rawValue)'",
          en: "target '\(text)' is written in '\(written)' but the indicator's unit is '\(expected.rawValue)'"),
        hint: LocalizedText(vi: "thêm 'unit: percent' cho chỉ tiêu", en: "add 'unit: percent' to the indicator"))
    }
    return nil
  }

  /// `points: [{target: ">= 95%", points: 2}, {target: ">= 90%", points: 1}]`: the first grade met
  /// gives its points.
  mutating func pointGrades(_ node: DataNode, unit: MeasureUnit, measureType: ExpressionType?) -> [PointGrade] {
    guard case .number? = measureType else {
      reader.error(
        node.location,
        LocalizedText(
          vi: "điểm theo mức chỉ dùng cho thước đo là số", en: "graded points need a numeric measure"))
      return []
    }
    return (reader.sequence(node, what: "points") ?? []).compactMap { item in
      let what = LocalizedText(vi: "một mức điểm", en: "a points grade")
      guard let entries = reader.mapping(item, what: what, allowed: ["target", "points"]),
        let targetNode = reader.require("target", in: entries, of: item, what: what),
        let pointsNode = reader.require("points", in: entries, of: item, what: what),
        let target = target(targetNode, unit: unit),
        let points = reader.number(pointsNode, what: "points")
      else { return nil }
      return PointGrade(target: target, points: points)
    }
  }

  mutating func gapSpec(_ node: DataNode) -> GapSpec? {
    let what = LocalizedText(vi: "'gap'", en: "'gap'")
    guard let entries = reader.mapping(node, what: what, allowed: ["unit"]),
      let unitNode = reader.require("unit", in: entries, of: node, what: what)
    else { return nil }
    if let name = unitNode.scalarText, !unitNode.isQuoted || Self.gapUnits[name] != nil {
      if let unit = Self.gapUnits[name] { return GapSpec(unit: unit) }
      reader.error(
        unitNode.location,
        LocalizedText(
          vi: "đơn vị khoảng thiếu '\(name)' không có sẵn; dùng \(Self.gapUnits.keys.sorted().joined(separator: ", ")) hoặc {vi: …, en: …}",
          en: "unknown gap unit '\(name)'; use one of \(Self.gapUnits.keys.sorted().joined(separator: ", ")) or {vi: …, en: …}"),
        hint: Suggestions.hint(for: name, in: Self.gapUnits.keys))
      return nil
    }
    return reader.localized(unitNode, what: "gap.unit").map(GapSpec.init)
  }

  mutating func passRule(_ node: DataNode, indicators: [Indicator], groups: [IndicatorGroup]) -> PassRule {
    let what = LocalizedText(vi: "'pass_rule'", en: "'pass_rule'")
    guard let entries = reader.mapping(node, what: what, allowed: ["all_indicators", "min_points_percent", "min_group_points_percent"])
    else { return .allIndicators }
    if let all = entries["all_indicators"] {
      if entries.count > 1 {
        reader.error(
          all.keyLocation,
          LocalizedText(
            vi: "'all_indicators' không dùng cùng với điểm", en: "'all_indicators' cannot be combined with points"))
      }
      _ = reader.boolean(all.value, what: "all_indicators")
      return .allIndicators
    }
    guard let totalNode = reader.require("min_points_percent", in: entries, of: node, what: what),
      let total = reader.number(totalNode, what: "min_points_percent")
    else { return .allIndicators }
    let group = entries["min_group_points_percent"].flatMap { reader.number($0.value, what: "min_group_points_percent") }
    if !indicators.contains(where: { $0.points != nil }) && !groups.contains(where: { $0.maxPoints != nil }) {
      reader.error(
        totalNode.location,
        LocalizedText(
          vi: "quy tắc tính điểm cần các chỉ tiêu có 'points'", en: "a points rule needs indicators with 'points'"))
    }
    return .points(
      minTotalShare: total.divided(by: Rational(100)) ?? .zero, minGroupShare: group.flatMap { $0.divided(by: Rational(100)) })
  }
}
