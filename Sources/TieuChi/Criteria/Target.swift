/// A target as the law writes it: a comparator and a threshold, e.g. "trên 99,5 %" or "≥ 1".
public struct Target: Sendable, Hashable {
  public var comparator: TargetComparator
  /// The threshold in the measure's raw terms: "> 99.5 %" on a percent measure is 199/200.
  public var threshold: Rational
  /// The text as written in the criteria file, quoted back in explanations.
  public var text: String

  /// A target: `comparator threshold`, as written in `text`.
  public init(comparator: TargetComparator, threshold: Rational, text: String) {
    self.comparator = comparator
    self.threshold = threshold
    self.text = text
  }

  /// Whether a known measured value meets the target.
  public func isMet(by value: Rational) -> Bool {
    comparator.holds(Rational.compare(value, threshold))
  }

  /// Words that introduce a comparator, Vietnamese and English, matched longest first so that
  /// "không dưới" (≥) is not read as "dưới" (<) and "đạt trên" (>) not as "đạt" (≥).
  static let phrases: [(String, TargetComparator)] = [
    (">=", .greaterOrEqual), ("≥", .greaterOrEqual), ("<=", .lessOrEqual), ("≤", .lessOrEqual),
    ("==", .equal), ("!=", .notEqual), ("≠", .notEqual), (">", .greater), ("<", .less), ("=", .equal),
    ("đạt trên", .greater), ("cao hơn", .greater), ("nhiều hơn", .greater), ("trên", .greater), ("hơn", .greater),
    ("đạt ít nhất", .greaterOrEqual), ("đạt tối thiểu", .greaterOrEqual), ("ít nhất", .greaterOrEqual),
    ("tối thiểu", .greaterOrEqual), ("không dưới", .greaterOrEqual), ("không thấp hơn", .greaterOrEqual),
    ("đạt", .greaterOrEqual), ("từ", .greaterOrEqual),
    ("không vượt quá", .lessOrEqual), ("không quá", .lessOrEqual), ("không cao hơn", .lessOrEqual),
    ("tối đa", .lessOrEqual), ("dưới hoặc bằng", .lessOrEqual),
    ("thấp hơn", .less), ("dưới", .less), ("bằng", .equal),
    ("at least", .greaterOrEqual), ("no less than", .greaterOrEqual), ("minimum", .greaterOrEqual),
    ("more than", .greater), ("greater than", .greater), ("above", .greater), ("over", .greater),
    ("at most", .lessOrEqual), ("no more than", .lessOrEqual), ("maximum", .lessOrEqual),
    ("not more than", .lessOrEqual),
    ("less than", .less), ("below", .less), ("under", .less), ("equal to", .equal),
  ].sorted { $0.0.count > $1.0.count }

  enum ParseFailure: Error {
    case noComparator
    case badNumber(String)
    case unitMismatch(written: String, expected: MeasureUnit)
  }

  /// Parses a target written for a measure in `unit`: the number is in the unit's display terms
  /// (`99,5 %` for a percent, `10` for a per-10,000 rate).
  static func parse(_ text: String, unit: MeasureUnit) -> Result<Target, ParseFailure> {
    let normalized = text.nfc.lowercased().trimmingSpaces
    let match = phrases.first { phrase, _ in
      guard normalized.hasPrefix(phrase) else { return false }
      // Words must end at a word boundary ("trên" but not "trênx"); symbols need none.
      guard let last = phrase.last, last.isLetter, let next = normalized.dropFirst(phrase.count).first else {
        return true
      }
      return !next.isLetter
    }
    guard let (phrase, comparator) = match else {
      return .failure(.noComparator)
    }
    var rest = String(normalized.dropFirst(phrase.count)).trimmingSpaces
    var writtenSign: String?
    for sign in ["%", "‰"] where rest.hasSuffix(sign) {
      writtenSign = sign
      rest = String(rest.dropLast()).trimmingSpaces
    }
    if let writtenSign, writtenSign != unit.sign {
      return .failure(.unitMismatch(written: writtenSign, expected: unit))
    }
    guard case .success(let number) = NumberText.parseDecimal(rest),
      let threshold = number.divided(by: Rational(unit.scale))
    else {
      return .failure(.badNumber(rest))
    }
    return .success(Target(comparator: comparator, threshold: threshold, text: text))
  }
}

/// A target that applies from a milestone year (`2025: "> 90 %"`), or always when `year` is nil.
public struct Milestone: Sendable, Hashable {
  public var year: Int?
  public var target: Target

  /// The target in force by `year` (nil: always).
  public init(year: Int?, target: Target) {
    self.year = year
    self.target = target
  }
}

extension [Milestone] {
  /// The milestone in force for an evaluation year: the nearest one at or after the year (the
  /// deadline being worked toward); after the last milestone, the last one stays in force; with no
  /// year, the last one.
  public func inForce(for year: Int?) -> Milestone? {
    guard let year else { return last }
    return first { ($0.year ?? Int.max) >= year } ?? last
  }
}

/// How a measure is expressed and displayed. The measure itself is a plain ratio (`insured /
/// population`); the unit says it is shown ×100 with "%" and that targets are written that way.
public enum MeasureUnit: String, Sendable, CaseIterable {
  case percent
  case perMille = "per_1000"
  case per10000 = "per_10000"
  case per100000 = "per_100000"
  case number

  public var scale: Int {
    switch self {
    case .percent: 100
    case .perMille: 1000
    case .per10000: 10_000
    case .per100000: 100_000
    case .number: 1
    }
  }

  /// The sign written after numbers in this unit, if any.
  public var sign: String? {
    switch self {
    case .percent: "%"
    case .perMille: "‰"
    default: nil
    }
  }

  /// The suffix printed after a value: "%", "‰", "/10.000 dân".
  public func suffix(_ language: Language) -> String {
    switch (self, language) {
    case (.percent, _): " %"
    case (.perMille, _): " ‰"
    case (.per10000, .vi): " /10.000 dân"
    case (.per10000, .en): " per 10,000"
    case (.per100000, .vi): " /100.000 dân"
    case (.per100000, .en): " per 100,000"
    case (.number, _): ""
    }
  }
}
