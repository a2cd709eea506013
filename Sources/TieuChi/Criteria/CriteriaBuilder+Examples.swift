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
        let name = reader.require("name", in: entries, of: item, what: what).flatMap({ reader.string($0, what: "name") }),
        let expectNode = reader.require("expect", in: entries, of: item, what: what)
      else { continue }
      var stations: [DataNode] = []
      if let station = entries["station"]?.value { stations.append(station) }
      if let list = entries["stations"]?.value, let listed = reader.sequence(list, what: "stations") { stations += listed }
      if stations.isEmpty {
        reader.error(
          item.location,
          LocalizedText(vi: "ví dụ '\(name)' cần 'station' hoặc 'stations'", en: "example '\(name)' needs 'station' or 'stations'"))
      }
      let year = entries["year"].flatMap { reader.number($0.value, what: "year") }.flatMap(\.intValue)
      var commune: CommuneStatus?
      if let communeNode = entries["commune"]?.value, let text = reader.string(communeNode, what: "commune") {
        commune = CommuneStatus(rawValue: text)
        if commune == nil {
          reader.error(
            communeNode.location,
            LocalizedText(
              vi: "'commune' là pass, fail hoặc incomplete, không phải '\(text)'",
              en: "'commune' is pass, fail or incomplete, not '\(text)'"),
            hint: Suggestions.hint(for: text, in: CommuneStatus.allCases.map(\.rawValue)))
        }
      }
      var example = CriteriaExample(
        name: name, location: item.location, year: year, stations: stations,
        expectations: expectations(expectNode, indicators: indicators), commune: commune)
      if let baseline = entries["baseline"]?.value { example.baseline = reader.sequence(baseline, what: "baseline") ?? [] }
      examples.append(example)
    }
    return examples
  }

  private mutating func expectations(_ node: DataNode, indicators: [Indicator]) -> [CriteriaExample.Expectation] {
    guard let entries = node.entries else {
      reader.error(
        node.location,
        LocalizedText(vi: "'expect' là một bảng: id chỉ tiêu: kết quả", en: "'expect' maps indicator ids to outcomes"))
      return []
    }
    let ids = indicators.map(\.id)
    let statuses = IndicatorStatus.allCases.map(\.rawValue)
    var result: [CriteriaExample.Expectation] = []
    for entry in entries {
      guard ids.contains(entry.key) else {
        reader.error(
          entry.keyLocation,
          LocalizedText(vi: "không có chỉ tiêu '\(entry.key)' trong bộ tiêu chí", en: "there is no indicator '\(entry.key)' in the set"),
          hint: Suggestions.hint(for: entry.key, in: ids))
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
        items = mapped["items"].flatMap { reader.sequence($0.value, what: "items") }?.compactMap { reader.string($0, what: "items[]") }
      }
      guard let text = reader.string(statusNode, what: "status"), let status = IndicatorStatus(rawValue: text) else {
        reader.error(
          statusNode.location,
          LocalizedText(
            vi: "kết quả phải là một trong: \(statuses.joined(separator: ", "))", en: "the outcome must be one of: \(statuses.joined(separator: ", "))"),
          hint: statusNode.scalarText.flatMap { Suggestions.hint(for: $0, in: statuses) })
        continue
      }
      result.append(.init(indicator: entry.key, status: status, gap: gap, items: items, location: entry.keyLocation))
    }
    return result
  }
}
