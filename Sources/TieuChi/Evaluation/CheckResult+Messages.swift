/// The diagnostics of an evaluation run (ids `evaluation.*`): problems that only show once data meets
/// criteria.
extension Diagnostic {
  /// `--group-by` names a field no record has: every commune falls in one group.
  static func groupingFieldAbsent(_ field: String, fields: Set<String>) -> Diagnostic {
    Diagnostic(
      "evaluation.grouping-field-absent", .warning, at: nil,
      LocalizedText(
        vi: "không bản ghi nào có trường \(Diagnostic.quoted(field)) để nhóm theo (--group-by)",
        en: "no record has the field \(Diagnostic.quoted(field)) to group by (--group-by)"),
      hint: Suggestions.hint(for: field, in: fields))
  }

  /// A waiver names an indicator the set does not have at commune level: it is ignored.
  static func waiverForUnknownIndicator(_ waiver: Waiver, criteria: String, indicators: [String]) -> Diagnostic {
    Diagnostic(
      "evaluation.waiver-unknown-indicator", .warning, at: waiver.location,
      LocalizedText(
        vi:
          "miễn trừ cho chỉ tiêu \(Diagnostic.quoted(waiver.indicator)) bị bỏ qua: \(criteria) không có chỉ tiêu cấp xã này",
        en: "waiver for \(Diagnostic.quoted(waiver.indicator)) ignored: \(criteria) has no such commune indicator"),
      hint: Suggestions.hint(for: waiver.indicator, in: indicators))
  }

  /// A waiver expired before the day checked against: it is ignored.
  static func waiverExpired(_ waiver: Waiver, commune: String) -> Diagnostic {
    Diagnostic(
      "evaluation.waiver-expired", .warning, at: waiver.location,
      LocalizedText(
        vi:
          "miễn trừ cho \(Diagnostic.quoted(waiver.indicator)) của xã \(commune) đã hết hạn ngày \(waiver.expires) nên bị bỏ qua",
        en:
          "the waiver for \(Diagnostic.quoted(waiver.indicator)) of commune \(commune) expired on \(waiver.expires) and is ignored"
      ))
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

  /// An entered score outside 0…the criterion's maximum: the criterion's points are unknown.
  static func enteredPointsOutOfRange(
    _ input: String, label: LocalizedText, score: Rational, maximum: Rational, record: StationRecord
  ) -> Diagnostic {
    Diagnostic(
      "evaluation.entered-points-out-of-range", at: record.location,
      LocalizedText(
        vi:
          "xã \(record.code): điểm \(Diagnostic.quoted(label.vi)) (\(input)) nhập \(score) nằm ngoài 0–\(maximum) điểm của tiêu chí; điểm tiêu chí này được coi là chưa rõ",
        en:
          "commune \(record.code): the score \(Diagnostic.quoted(label.en)) (\(input)) entered as \(score) is outside the criterion's 0–\(maximum) points; the criterion's points are unknown"
      ))
  }

  /// An entered score that disagrees with the points the file computes for the same criterion.
  static func enteredPointsDisagree(
    _ criterion: String, entered: Rational, computed: Rational, record: StationRecord
  ) -> Diagnostic {
    Diagnostic(
      "evaluation.entered-points-disagree", .warning, at: record.location,
      LocalizedText(
        vi:
          "xã \(record.code): điểm tiêu chí \(criterion) nhập \(entered) khác điểm tính từ các chỉ tiêu (\(computed)); dùng điểm tính",
        en:
          "commune \(record.code): the entered score of criterion \(criterion), \(entered), differs from the points computed from its indicators (\(computed)); the computed points are used"
      ))
  }
}
