/// Every finding of `tieuchi lint` (ids `lint.*`), in both languages; all are warnings.
extension Diagnostic {
  static func lintPointsShortOfMaximum(
    group: String, max: String, carried: String, lacking: String, at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      "lint.points-short-of-maximum", .warning, at: location,
      LocalizedText(
        vi: "tiêu chí '\(group)' có \(max) điểm nhưng các chỉ tiêu mới mang \(carried) điểm: "
          + "còn thiếu \(lacking) điểm chỉ tiêu",
        en: "criterion '\(group)' is worth \(max) points but its indicators carry \(carried): "
          + "\(lacking) points still lack indicators"))
  }

  static func lintPointsOverMaximum(group: String, max: String, carried: String, at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      "lint.points-over-maximum", .warning, at: location,
      LocalizedText(
        vi: "các chỉ tiêu của '\(group)' mang \(carried) điểm, vượt mức tối đa \(max)",
        en: "the indicators of '\(group)' carry \(carried) points, more than its maximum of \(max)"))
  }

  static func lintUnusedPoints(indicator: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "lint.unused-points", .warning, at: location,
      LocalizedText(
        vi: "chỉ tiêu '\(indicator)' có điểm nhưng quy tắc đạt là 'tất cả chỉ tiêu': điểm không được dùng",
        en: "indicator '\(indicator)' has points but the pass rule is all_indicators: points are not used"))
  }

  static func lintImpossibleTarget(
    indicator: String, target: String, year: Int?, measure: String, at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      "lint.impossible-target", .warning, at: location,
      LocalizedText(
        vi: "chỉ tiêu '\(indicator)': mục tiêu '\(target)'\(year.map { " (mốc \($0))" } ?? "") "
          + "không bao giờ đạt được với thước đo \(measure)",
        en:
          "indicator '\(indicator)': target '\(target)'\(year.map { " (\($0))" } ?? "") can never be met by \(measure)")
    )
  }

  static func lintOppositeMilestones(
    indicator: String, earlier: (year: Int, target: String), later: (year: Int, target: String),
    at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      "lint.opposite-milestones", .warning, at: location,
      LocalizedText(
        vi: "chỉ tiêu '\(indicator)': mốc \(earlier.year) và \(later.year) so sánh ngược chiều nhau "
          + "('\(earlier.target)', '\(later.target)')",
        en: "indicator '\(indicator)': milestones \(earlier.year) and \(later.year) point in opposite directions "
          + "('\(earlier.target)', '\(later.target)')"))
  }

  static func lintLooseningMilestone(
    indicator: String, earlier: (year: Int, target: String), later: (year: Int, target: String),
    at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      "lint.loosening-milestone", .warning, at: location,
      LocalizedText(
        vi: "chỉ tiêu '\(indicator)': mục tiêu năm \(later.year) ('\(later.target)') lỏng hơn năm \(earlier.year) "
          + "('\(earlier.target)')",
        en: "indicator '\(indicator)': the \(later.year) target ('\(later.target)') is looser than the "
          + "\(earlier.year) one ('\(earlier.target)')"))
  }

  static func lintUnusedInput(_ name: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "lint.unused-input", .warning, at: location,
      LocalizedText(
        vi: "đầu vào '\(name)' được khai báo nhưng không chỉ tiêu hay quy tắc nào dùng đến",
        en: "input '\(name)' is declared but no indicator or rule uses it"))
  }

  /// Two sets checked together disagree on one measure's target; the note points at the other set's.
  static func lintContradictoryTargets(
    _ indicator: String, target: String, measure: String, year: Int?,
    other: (indicator: String, target: String, location: SourceLocation), at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      "lint.contradictory-targets", .warning, at: location,
      LocalizedText(
        vi: "'\(indicator)' đặt mục tiêu '\(target)' cho \(measure)\(year.map { " năm \($0)" } ?? ""), "
          + "trong khi '\(other.indicator)' đặt '\(other.target)'",
        en: "'\(indicator)' sets '\(target)' for \(measure)\(year.map { " in \($0)" } ?? ""), "
          + "but '\(other.indicator)' sets '\(other.target)'"),
      notes: [
        Diagnostic.Note(
          at: other.location,
          LocalizedText(
            vi: "'\(other.indicator)' đặt mục tiêu '\(other.target)' ở đây",
            en: "'\(other.indicator)' sets '\(other.target)' here"))
      ])
  }
}
