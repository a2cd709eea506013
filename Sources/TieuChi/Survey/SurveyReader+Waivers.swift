extension SurveyReader {
  /// Reads a record's `waivers:` list; a malformed waiver is reported and not applied.
  func waivers(_ node: DataNode, diagnostics: inout [Diagnostic]) -> [Waiver] {
    guard let items = node.items else {
      diagnostics.append(
        Diagnostic(
          at: node.location,
          LocalizedText(vi: "'waivers' phải là một danh sách", en: "'waivers' must be a list")))
      return []
    }
    let keys = ["indicator", "justification", "approved_by", "expires"]
    return items.compactMap { item in
      var fields: [String: String] = [:]
      for entry in item.entries ?? [] {
        if keys.contains(entry.key), let text = entry.value.scalarText, !entry.value.isNull {
          fields[entry.key] = text.trimmingSpaces
        } else if !keys.contains(entry.key) {
          diagnostics.append(
            Diagnostic(
              at: entry.keyLocation,
              LocalizedText(
                vi: "khóa '\(entry.key)' không có trong một miễn trừ; dùng: \(keys.joined(separator: ", "))",
                en: "unknown key '\(entry.key)' in a waiver; expected: \(keys.joined(separator: ", "))"),
              hint: Suggestions.hint(for: entry.key, in: keys)))
        }
      }
      let missing = keys.filter { (fields[$0] ?? "").isEmpty }
      guard missing.isEmpty, let expires = CalendarDate(fields["expires"]!) else {
        diagnostics.append(
          Diagnostic(
            at: item.location,
            missing.isEmpty
              ? LocalizedText(
                vi: "ngày hết hạn '\(fields["expires"] ?? "")' không hợp lệ; viết 2025-12-31 hoặc 31/12/2025",
                en: "expiry date '\(fields["expires"] ?? "")' is not a date; write 2025-12-31 or 31/12/2025")
              : LocalizedText(
                vi: "miễn trừ thiếu \(missing.joined(separator: ", ")): không được áp dụng",
                en: "the waiver lacks \(missing.joined(separator: ", ")) and is not applied")))
        return nil
      }
      return Waiver(
        indicator: fields["indicator"]!, justification: fields["justification"]!, approvedBy: fields["approved_by"]!,
        expires: expires, location: item.location)
    }
  }
}
