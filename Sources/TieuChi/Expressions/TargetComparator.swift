/// A comparator as the law writes it: *trên* (>), *đạt / ít nhất / tối thiểu* (≥), *dưới* (<),
/// *không vượt quá / tối đa* (≤).
public enum TargetComparator: String, Sendable, CaseIterable {
  case greater = ">"
  case greaterOrEqual = ">="
  case less = "<"
  case lessOrEqual = "<="
  case equal = "=="
  case notEqual = "!="

  /// Whether the comparator holds for a comparison result (-1, 0, 1 as from `Rational.compare`).
  public func holds(_ order: Int) -> Bool {
    switch self {
    case .greater: order > 0
    case .greaterOrEqual: order >= 0
    case .less: order < 0
    case .lessOrEqual: order <= 0
    case .equal: order == 0
    case .notEqual: order != 0
    }
  }

  /// The symbol printed in reports.
  public var symbol: String {
    switch self {
    case .greater: ">"
    case .greaterOrEqual: "≥"
    case .less: "<"
    case .lessOrEqual: "≤"
    case .equal: "="
    case .notEqual: "≠"
    }
  }

  /// The comparator in words, as a target is read aloud.
  public var words: LocalizedText {
    switch self {
    case .greater: LocalizedText(vi: "trên", en: "above")
    case .greaterOrEqual: LocalizedText(vi: "ít nhất", en: "at least")
    case .less: LocalizedText(vi: "dưới", en: "below")
    case .lessOrEqual: LocalizedText(vi: "không vượt quá", en: "at most")
    case .equal: LocalizedText(vi: "bằng", en: "equal to")
    case .notEqual: LocalizedText(vi: "khác", en: "other than")
    }
  }
}
