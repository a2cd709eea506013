extension SurveyReader {
  /// Reads a record's `waivers:` list; a malformed waiver is reported and not applied.
  func waivers(_ node: DataNode, diagnostics: inout [Diagnostic]) -> [Waiver] {
    guard let items = node.items else {
      diagnostics.append(Messages.waiversNotAList(at: node.location))
      return []
    }
    let keys = ["indicator", "justification", "approved_by", "expires"]
    return items.compactMap { item in
      var fields: [String: String] = [:]
      for entry in item.entries ?? [] {
        if keys.contains(entry.key), let text = entry.value.scalarText, !entry.value.isNull {
          fields[entry.key] = text.trimmingSpaces
        } else if !keys.contains(entry.key) {
          diagnostics.append(Messages.unknownWaiverKey(entry.key, expected: keys, at: entry.keyLocation))
        }
      }
      let missing = keys.filter { (fields[$0] ?? "").isEmpty }
      guard missing.isEmpty, let expires = CalendarDate(fields["expires"]!) else {
        diagnostics.append(
          missing.isEmpty
            ? Messages.invalidWaiverDate(fields["expires"] ?? "", at: item.location)
            : Messages.incompleteWaiver(missing: missing, at: item.location))
        return nil
      }
      return Waiver(
        indicator: fields["indicator"]!, justification: fields["justification"]!, approvedBy: fields["approved_by"]!,
        expires: expires, location: item.location)
    }
  }
}
