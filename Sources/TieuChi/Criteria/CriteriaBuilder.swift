/// Builds a `CriteriaSet` from a parsed criteria document.
struct CriteriaBuilder {
  let file: String
  var reader = NodeReader()
  /// Inputs whose declaration has an error: expressions naming them are not reported again, since
  /// "unknown field" there would only echo the first error.
  var brokenInputs: Set<String> = []
  /// Indicators whose declaration has an error: examples naming them are not reported again.
  var brokenIndicators: Set<String> = []

  static let topKeys = [
    "id", "title", "description", "source", "extends", "inputs", "rules", "groups", "indicators", "pass_rule",
    "examples",
  ]
  static let indicatorKeys = [
    "id", "title", "description", "source", "level", "measure", "unit", "target", "targets", "applies_when", "gap",
    "mandatory", "points", "group", "responsible",
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
    let rules = top["rules"].map { consistencyRules($0.value, schema: schema, level: .commune) } ?? []
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
      // Every commune indicator declared, built or not: a broken one is reported once, where it is,
      // not again at each passed("id") or example that names it.
      let declaredIDs = NodeReader.declarations(in: items.filter { !isGroup($0) }).map(\.id)
      brokenIndicators = Set(declaredIDs).subtracting(parsed.map(\.indicator.id))
      groupSchema = Self.groupSchema(groupInputs, communes: schema, indicators: declaredIDs, at: root.location)
      for (position, item) in items.enumerated() where isGroup(item) {
        if let indicator = indicator(item, schema: groupSchema, groups: groups, defaultClause: source?.clause) {
          parsed.append((position, indicator))
        }
      }
      reader.reportDuplicates(NodeReader.declarations(in: items), kind: .indicator)
      brokenIndicators.formUnion(
        Set(NodeReader.declarations(in: items).map(\.id)).subtracting(parsed.map(\.indicator.id)))
      indicators = parsed.sorted { $0.position < $1.position }.map(\.indicator)
      if items.isEmpty {
        reader.report(.noIndicators(at: indicatorsNode.location))
      }
    }
    // Group rules read the group schema, which exists once the commune indicators are known.
    let groupRules = top["rules"].map { consistencyRules($0.value, schema: groupSchema, level: .group) } ?? []
    let rule =
      top["pass_rule"].map { passRule($0.value, indicators: indicators, groups: groups) } ?? PassRule.allIndicators
    let examples = top["examples"].map { self.examples($0.value, indicators: indicators) } ?? []
    guard let id, let title, let source else { return nil }
    var set = CriteriaSet(
      id: id, title: title, source: source, file: file, schema: schema, groupSchema: groupSchema, rules: rules,
      groups: groups,
      indicators: indicators, passRule: rule, examples: examples)
    set.groupRules = groupRules
    return set
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
}
