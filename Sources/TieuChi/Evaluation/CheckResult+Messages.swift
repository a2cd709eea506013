/// The diagnostics of an evaluation run (ids `evaluation.*`): problems that only show once data meets
/// criteria.
extension Diagnostic {
  /// `--group-by` names a field no record has: every commune falls in one group.
  static func groupingFieldAbsent(_ field: String, fields: Set<String>) -> Diagnostic {
    Diagnostic(
      "evaluation.grouping-field-absent", .warning, at: nil,
      LocalizedText(
        vi: "không bản ghi nào có trường '\(field)' để nhóm theo (--group-by)",
        en: "no record has the field '\(field)' to group by (--group-by)"),
      hint: Suggestions.hint(for: field, in: fields))
  }

  /// A waiver names an indicator the set does not have at commune level: it is ignored.
  static func waiverForUnknownIndicator(_ waiver: Waiver, criteria: String, indicators: [String]) -> Diagnostic {
    Diagnostic(
      "evaluation.waiver-unknown-indicator", .warning, at: waiver.location,
      LocalizedText(
        vi: "miễn trừ cho chỉ tiêu '\(waiver.indicator)' bị bỏ qua: \(criteria) không có chỉ tiêu cấp xã này",
        en: "waiver for '\(waiver.indicator)' ignored: \(criteria) has no such commune indicator"),
      hint: Suggestions.hint(for: waiver.indicator, in: indicators))
  }

  /// A waiver expired before the day checked against: it is ignored.
  static func waiverExpired(_ waiver: Waiver, commune: String) -> Diagnostic {
    Diagnostic(
      "evaluation.waiver-expired", .warning, at: waiver.location,
      LocalizedText(
        vi: "miễn trừ cho '\(waiver.indicator)' của xã \(commune) đã hết hạn ngày \(waiver.expires) nên bị bỏ qua",
        en: "the waiver for '\(waiver.indicator)' of commune \(commune) expired on \(waiver.expires) and is ignored"))
  }

  /// `--year` is far from the years of every record.
  static func yearFarFromData(_ year: Int, dataYears: [Int]) -> Diagnostic {
    let list =
      dataYears.count > 5
      ? "\(dataYears.first!)–\(dataYears.last!)" : dataYears.map(String.init).joined(separator: ", ")
    return Diagnostic(
      "evaluation.year-far-from-data", .warning, at: nil,
      LocalizedText(
        vi:
          "năm đánh giá \(year) (--year) cách xa năm của số liệu (\(list)): các mốc mục tiêu áp dụng theo năm \(year); kiểm tra lại nếu gõ nhầm",
        en:
          "the evaluation year \(year) (--year) is far from the data's years (\(list)): the milestones of \(year) apply; check it is not a typo"
      ))
  }
}
