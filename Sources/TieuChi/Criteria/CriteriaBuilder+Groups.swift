/// `groups:` and `pass_rule:`: the criteria indicators are grouped in, and how points decide a pass.
extension CriteriaBuilder {
  mutating func indicatorGroups(_ node: DataNode) -> [IndicatorGroup] {
    guard let items = reader.sequence(node, what: "groups") else { return [] }
    // Indicators name their group by id, and points are totalled per id: a repeated one is ambiguous.
    defer { reader.reportDuplicates(NodeReader.declarations(in: items), kind: .group) }
    return items.compactMap { item in
      let what = LocalizedText(vi: "một nhóm tiêu chí", en: "a group")
      guard let entries = reader.mapping(item, what: what, allowed: ["id", "title", "max_points", "description"]),
        let id = reader.require("id", in: entries, of: item, what: what).flatMap({ reader.identifier($0, what: "id") }),
        let title = reader.require("title", in: entries, of: item, what: what).flatMap({
          reader.localized($0, what: "title")
        })
      else { return nil }
      let maxPoints = entries["max_points"].flatMap { reader.number($0.value, what: "max_points") }
      return IndicatorGroup(id: id, title: title, maxPoints: maxPoints, location: item.location)
    }
  }

  mutating func passRule(_ node: DataNode, indicators: [Indicator], groups: [IndicatorGroup]) -> PassRule {
    let what = LocalizedText(vi: "'pass_rule'", en: "'pass_rule'")
    guard
      let entries = reader.mapping(
        node, what: what, allowed: ["all_indicators", "min_points_percent", "min_group_points_percent"])
    else { return .allIndicators }
    if let all = entries["all_indicators"] {
      if entries.count > 1 {
        reader.report(.allIndicatorsWithPoints(at: all.keyLocation))
      }
      _ = reader.boolean(all.value, what: "all_indicators")
      return .allIndicators
    }
    guard let totalNode = reader.require("min_points_percent", in: entries, of: node, what: what),
      let total = reader.number(totalNode, what: "min_points_percent")
    else { return .allIndicators }
    let group = entries["min_group_points_percent"].flatMap {
      reader.number($0.value, what: "min_group_points_percent")
    }
    if !indicators.contains(where: { $0.points != nil }) && !groups.contains(where: { $0.maxPoints != nil }) {
      reader.report(.pointsRuleWithoutPoints(at: totalNode.location))
    }
    return .points(
      minTotalShare: total.divided(by: Rational(100)) ?? .zero,
      minGroupShare: group.flatMap { $0.divided(by: Rational(100)) })
  }
}
