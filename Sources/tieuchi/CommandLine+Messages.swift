import TieuChi

/// The diagnostics of the command line itself (ids `cli.*`): what was asked for does not exist.
extension Diagnostic {
  static func unknownIndicator(_ id: String, in set: CriteriaSet) -> Diagnostic {
    let ids = set.indicators.map(\.id)
    return Diagnostic(
      "cli.unknown-indicator", at: nil,
      LocalizedText(
        vi: "không có chỉ tiêu '\(id)' trong \(set.id); có: \(ids.joined(separator: ", "))",
        en: "there is no indicator '\(id)' in \(set.id); there are: \(ids.joined(separator: ", "))"),
      hint: Suggestions.hint(for: id, in: ids))
  }

  static func noStation(_ code: String, in batch: SurveyBatch) -> Diagnostic {
    Diagnostic(
      "cli.no-such-station", at: nil,
      LocalizedText(vi: "không có trạm mang mã \(code) trong dữ liệu", en: "no station with code \(code) in the data"),
      hint: Suggestions.hint(for: code, in: batch.records.map(\.code)))
  }
}
