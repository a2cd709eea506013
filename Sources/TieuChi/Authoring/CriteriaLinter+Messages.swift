/// Every finding of `tieuchi lint` (ids `lint.*`), in both languages; all are warnings.
extension Diagnostic {
  static func lintPointsShortOfMaximum(
    group: String, max: String, carried: String, lacking: String, at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      "lint.points-short-of-maximum", .warning, at: location,
      LocalizedText(
        vi: "tiêu chí \(Diagnostic.quoted(group)) có \(max) điểm nhưng các chỉ tiêu mới mang \(carried) điểm: "
          + "còn thiếu \(lacking) điểm chỉ tiêu",
        en: "criterion \(Diagnostic.quoted(group)) is worth \(max) points but its indicators carry \(carried): "
          + "\(lacking) points still lack indicators"))
  }

  static func lintPointsOverMaximum(group: String, max: String, carried: String, at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      "lint.points-over-maximum", .warning, at: location,
      LocalizedText(
        vi: "các chỉ tiêu của \(Diagnostic.quoted(group)) mang \(carried) điểm, vượt mức tối đa \(max)",
        en: "the indicators of \(Diagnostic.quoted(group)) carry \(carried) points, more than its maximum of \(max)"))
  }

  static func lintUnusedPoints(indicator: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "lint.unused-points", .warning, at: location,
      LocalizedText(
        vi:
          "chỉ tiêu \(Diagnostic.quoted(indicator)) có điểm nhưng quy tắc đạt là 'tất cả chỉ tiêu': điểm không được dùng",
        en:
          "indicator \(Diagnostic.quoted(indicator)) has points but the pass rule is all_indicators: points are not used"
      ))
  }

  static func lintImpossibleTarget(
    indicator: String, target: String, year: Int?, measure: String, at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      "lint.impossible-target", .warning, at: location,
      LocalizedText(
        vi:
          "chỉ tiêu \(Diagnostic.quoted(indicator)): mục tiêu \(Diagnostic.quoted(target))\(year.map { " (mốc \($0))" } ?? "") "
          + "không bao giờ đạt được với thước đo \(measure)",
        en:
          "indicator \(Diagnostic.quoted(indicator)): target \(Diagnostic.quoted(target))\(year.map { " (\($0))" } ?? "") can never be met by \(measure)"
      )
    )
  }

  static func lintOppositeMilestones(
    indicator: String, earlier: (year: Int, target: String), later: (year: Int, target: String),
    at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      "lint.opposite-milestones", .warning, at: location,
      LocalizedText(
        vi: "chỉ tiêu \(Diagnostic.quoted(indicator)): mốc \(earlier.year) và \(later.year) so sánh ngược chiều nhau "
          + "(\(Diagnostic.quoted(earlier.target)), \(Diagnostic.quoted(later.target)))",
        en:
          "indicator \(Diagnostic.quoted(indicator)): milestones \(earlier.year) and \(later.year) point in opposite directions "
          + "(\(Diagnostic.quoted(earlier.target)), \(Diagnostic.quoted(later.target)))"))
  }

  static func lintLooseningMilestone(
    indicator: String, earlier: (year: Int, target: String), later: (year: Int, target: String),
    at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      "lint.loosening-milestone", .warning, at: location,
      LocalizedText(
        vi:
          "chỉ tiêu \(Diagnostic.quoted(indicator)): mục tiêu năm \(later.year) (\(Diagnostic.quoted(later.target))) lỏng hơn năm \(earlier.year) "
          + "(\(Diagnostic.quoted(earlier.target)))",
        en:
          "indicator \(Diagnostic.quoted(indicator)): the \(later.year) target (\(Diagnostic.quoted(later.target))) is looser than the "
          + "\(earlier.year) one (\(Diagnostic.quoted(earlier.target)))"))
  }

  static func lintUnusedInput(_ name: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "lint.unused-input", .warning, at: location,
      LocalizedText(
        vi: "đầu vào \(Diagnostic.quoted(name)) được khai báo nhưng không chỉ tiêu hay quy tắc nào dùng đến",
        en: "input \(Diagnostic.quoted(name)) is declared but no indicator or rule uses it"))
  }

  /// Two sets checked together disagree on one measure's target; the note points at the other set's.
  static func lintContradictoryTargets(
    _ indicator: String, target: String, measure: String, year: Int?,
    other: (indicator: String, target: String, location: SourceLocation), at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      "lint.contradictory-targets", .warning, at: location,
      LocalizedText(
        vi:
          "\(Diagnostic.quoted(indicator)) đặt mục tiêu \(Diagnostic.quoted(target)) cho \(measure)\(year.map { " năm \($0)" } ?? ""), "
          + "trong khi \(Diagnostic.quoted(other.indicator)) đặt \(Diagnostic.quoted(other.target))",
        en:
          "\(Diagnostic.quoted(indicator)) sets \(Diagnostic.quoted(target)) for \(measure)\(year.map { " in \($0)" } ?? ""), "
          + "but \(Diagnostic.quoted(other.indicator)) sets \(Diagnostic.quoted(other.target))"),
      notes: [
        Diagnostic.Note(
          at: other.location,
          LocalizedText(
            vi: "\(Diagnostic.quoted(other.indicator)) đặt mục tiêu \(Diagnostic.quoted(other.target)) ở đây",
            en: "\(Diagnostic.quoted(other.indicator)) sets \(Diagnostic.quoted(other.target)) here"))
      ])
  }
}
