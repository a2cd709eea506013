/// The outcome of one indicator for one commune.
public enum IndicatorStatus: String, Sendable, CaseIterable {
  case pass
  case fail
  /// Missing or inconsistent data, or a zero denominator: the reasons say which.
  case unknown
  /// The criteria say the indicator does not apply to this commune.
  case notApplicable = "not_applicable"
  /// Excused by a valid waiver in the data: reported apart, never as a pass, and it neither blocks the
  /// commune nor counts in its points.
  case waived
}
