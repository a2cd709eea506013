/// `examples:`: worked examples, checked against the indicators when the file loads.
extension CriteriaBuilder {
  static let exampleKeys = ["name", "year", "station", "stations", "baseline", "expect", "commune", "description"]

  /// Reads `examples:`, checking indicator ids and statuses now, so a typo in an example is a load
  /// error rather than a test that can never pass.
  mutating func examples(_ node: DataNode, indicators: [Indicator]) -> [CriteriaExample] {
    guard let items = reader.sequence(node, what: "examples") else { return [] }
    var examples: [CriteriaExample] = []
    for item in items {
      let what = LocalizedText(vi: "một ví dụ", en: "an example")
      guard let entries = reader.mapping(item, what: what, allowed: Self.exampleKeys),
        let name = reader.require("name", in: entries, of: item, what: what).flatMap({ reader.string($0, what: "name") }
        ),
        let expectNode = reader.require("expect", in: entries, of: item, what: what)
      else { continue }
      var stations: [DataNode] = []
      if let station = entries["station"]?.value { stations.append(station) }
      if let list = entries["stations"]?.value, let listed = reader.sequence(list, what: "stations") {
        stations += listed
      }
      if stations.isEmpty {
        reader.report(.exampleWithoutStation(name, at: item.location))
      }
      let year = entries["year"].flatMap { reader.number($0.value, what: "year") }.flatMap(\.intValue)
      var commune: CommuneStatus?
      if let communeNode = entries["commune"]?.value, let text = reader.string(communeNode, what: "commune") {
        commune = CommuneStatus(rawValue: text)
        if commune == nil {
          reader.report(
            .unknownCommuneStatus(text, expected: CommuneStatus.allCases.map(\.rawValue), at: communeNode.location))
        }
      }
      var example = CriteriaExample(
        name: name, location: item.location, year: year, stations: stations,
        expectations: expectations(expectNode, indicators: indicators), commune: commune)
      if let baseline = entries["baseline"]?.value {
        example.baseline = reader.sequence(baseline, what: "baseline") ?? []
      }
      examples.append(example)
    }
    // `tieuchi test` reports examples by name.
    reader.reportDuplicates(NodeReader.declarations(in: items, key: "name"), kind: .example)
    return examples
  }

  private mutating func expectations(_ node: DataNode, indicators: [Indicator]) -> [CriteriaExample.Expectation] {
    guard let entries = node.entries else {
      reader.report(.expectNotAMapping(at: node.location))
      return []
    }
    let ids = indicators.map(\.id)
    let statuses = IndicatorStatus.allCases.map(\.rawValue)
    var result: [CriteriaExample.Expectation] = []
    for entry in entries {
      guard ids.contains(entry.key) else {
        if !brokenIndicators.contains(entry.key) {
          reader.report(.exampleUnknownIndicator(entry.key, known: ids, at: entry.keyLocation))
        }
        continue
      }
      var statusNode = entry.value
      var gap: Rational?
      var items: [String]?
      if entry.value.entries != nil {
        let what = LocalizedText(vi: "kết quả mong đợi", en: "an expected outcome")
        guard let mapped = reader.mapping(entry.value, what: what, allowed: ["status", "gap", "items"]),
          let status = reader.require("status", in: mapped, of: entry.value, what: what)
        else { continue }
        statusNode = status
        gap = mapped["gap"].flatMap { reader.number($0.value, what: "gap") }
        items = mapped["items"].flatMap { reader.sequence($0.value, what: "items") }?.compactMap {
          reader.string($0, what: "items[]")
        }
      }
      guard let text = reader.string(statusNode, what: "status"), let status = IndicatorStatus(rawValue: text) else {
        reader.report(.unknownOutcome(statusNode.scalarText, expected: statuses, at: statusNode.location))
        continue
      }
      result.append(.init(indicator: entry.key, status: status, gap: gap, items: items, location: entry.keyLocation))
    }
    return result
  }
}
