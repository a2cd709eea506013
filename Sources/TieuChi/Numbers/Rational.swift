/// An exact rational number: every pass/fail decision and every gap is computed with these.
///
/// Floating point would make 199 of 200 insured (exactly 99.5 %) come out a hair above or below the
/// threshold; with rationals "> 99.5 %" fails and "≥ 99.5 %" passes, as the law means. Numerator and
/// denominator are 128-bit, always reduced, denominator positive; operations report overflow instead of
/// trapping, so absurd inputs become an *unknown* with a reason, never a crash or a wrong verdict.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let numerator: Int128
  public let denominator: Int128

  public static let zero = Rational(0)
  public static let one = Rational(1)

  /// An integer.
  public init(_ value: Int) {
    numerator = Int128(value)
    denominator = 1
  }

  /// A whole number.
  public init(whole value: Int128) {
    numerator = value
    denominator = 1
  }

  /// `numerator / denominator`, reduced; `nil` when the denominator is zero or reduction overflows.
  public init?(_ numerator: Int128, _ denominator: Int128) {
    guard denominator != 0 else { return nil }
    // Int128.min has no positive counterpart: refuse it rather than trap on negation.
    guard numerator != .min, denominator != .min else { return nil }
    // A whole number is reduced already: no 128-bit remainder and divisions by one (sums of counts and populations
    // make one for every term).
    if denominator == 1 {
      self.numerator = numerator
      self.denominator = 1
      return
    }
    let divisor = Rational.gcd(numerator.magnitude, denominator.magnitude)
    var n = numerator / Int128(divisor)
    var d = denominator / Int128(divisor)
    if d < 0 {
      n = -n
      d = -d
    }
    self.numerator = n
    self.denominator = d
  }

  private init(reduced numerator: Int128, _ denominator: Int128) {
    self.numerator = numerator
    self.denominator = denominator
  }

  static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return a == 0 ? 1 : a
  }

  public var isInteger: Bool { denominator == 1 }
  public var isNegative: Bool { numerator < 0 }

  /// The integer value when the number is whole and fits in `Int`.
  public var intValue: Int? {
    guard isInteger, let value = Int(exactly: numerator) else { return nil }
    return value
  }

  /// The largest integer not above this number.
  public var floor: Int128 {
    let q = numerator / denominator
    return (numerator % denominator != 0 && numerator < 0) ? q - 1 : q
  }

  /// The smallest integer not below this number.
  public var ceiling: Int128 {
    let q = numerator / denominator
    return (numerator % denominator != 0 && numerator > 0) ? q + 1 : q
  }

  public var description: String {
    isInteger ? "\(numerator)" : "\(numerator)/\(denominator)"
  }

  // MARK: Arithmetic, reporting overflow as nil

  /// The exact sum, or nil on overflow.
  public func adding(_ other: Rational) -> Rational? {
    if denominator == 1, other.denominator == 1 {
      // Whole numbers, as nearly every total is: the sum of the numerators, refused where `init?(_:_:)` refuses it.
      let (sum, overflow) = numerator.addingReportingOverflow(other.numerator)
      return overflow || sum == .min ? nil : Rational(reduced: sum, 1)
    }
    guard let lhs = Rational.mul(numerator, other.denominator),
      let rhs = Rational.mul(other.numerator, denominator),
      let den = Rational.mul(denominator, other.denominator)
    else { return nil }
    let (sum, overflow) = lhs.addingReportingOverflow(rhs)
    return overflow ? nil : Rational(sum, den)
  }

  /// The exact difference, or nil on overflow.
  public func subtracting(_ other: Rational) -> Rational? {
    guard other.numerator != .min else { return nil }
    return adding(Rational(reduced: -other.numerator, other.denominator))
  }

  /// The exact product, or nil on overflow.
  public func multiplied(by other: Rational) -> Rational? {
    // Cross-reduce first so that percentages of large populations stay well inside 128 bits.
    let g1 = Int128(Rational.gcd(numerator.magnitude, other.denominator.magnitude))
    let g2 = Int128(Rational.gcd(other.numerator.magnitude, denominator.magnitude))
    guard let n = Rational.mul(numerator / g1, other.numerator / g2),
      let d = Rational.mul(denominator / g2, other.denominator / g1)
    else { return nil }
    return Rational(n, d)
  }

  /// `nil` on overflow; division by zero is reported separately by callers, so it is `nil` too.
  public func divided(by other: Rational) -> Rational? {
    guard other.numerator != 0 else { return nil }
    return multiplied(by: Rational(reduced: other.denominator, other.numerator).normalizedSign)
  }

  /// The exact sum, or `nil` if it does not fit: a total is never silently left short.
  public static func sum<S: Sequence>(_ values: S) -> Rational? where S.Element == Rational {
    var total = Rational.zero
    for value in values {
      guard let next = total.adding(value) else { return nil }
      total = next
    }
    return total
  }

  public var negated: Rational? {
    numerator == .min ? nil : Rational(reduced: -numerator, denominator)
  }

  private var normalizedSign: Rational {
    denominator < 0 ? Rational(reduced: -numerator, -denominator) : self
  }

  private static func mul(_ a: Int128, _ b: Int128) -> Int128? {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? nil : product
  }

  // MARK: Exact comparison

  public static func < (lhs: Rational, rhs: Rational) -> Bool {
    compare(lhs, rhs) < 0
  }

  /// How `numerator / denominator` compares with `other` (-1, 0 or 1), without making the quotient, for whole
  /// numbers far from the limits of 128 bits (nil otherwise, and for a zero denominator): the sign of
  /// `numerator × other.denominator − other.numerator × denominator`, compared at 256 bits, turned round when the
  /// denominator is negative. A check of a million stations compares millions of such ratios with their targets,
  /// and reducing each quotient first was most of the arithmetic.
  public static func compare(_ numerator: Rational, dividedBy denominator: Rational, with other: Rational) -> Int? {
    let limit = UInt128(1) << 126
    guard numerator.isInteger, denominator.isInteger, denominator.numerator != 0,
      numerator.numerator.magnitude < limit, denominator.numerator.magnitude < limit
    else { return nil }
    let order =
      Self.orderOfSmallProducts(numerator.numerator, other.denominator, other.numerator, denominator.numerator)
      ?? Self.order(
        numerator.numerator.multipliedFullWidth(by: other.denominator),
        other.numerator.multipliedFullWidth(by: denominator.numerator))
    return denominator.numerator < 0 ? -order : order
  }

  /// -1, 0 or 1. Exact for every representable value: the cross products are compared at 256 bits.
  public static func compare(_ lhs: Rational, _ rhs: Rational) -> Int {
    if lhs.denominator == rhs.denominator {
      return lhs.numerator < rhs.numerator ? -1 : (lhs.numerator == rhs.numerator ? 0 : 1)
    }
    return orderOfSmallProducts(lhs.numerator, rhs.denominator, rhs.numerator, lhs.denominator)
      ?? order(
        lhs.numerator.multipliedFullWidth(by: rhs.denominator), rhs.numerator.multipliedFullWidth(by: lhs.denominator))
  }

  /// How `a × b` compares with `c × d` (-1, 0 or 1) when each factor is below 2⁶³ in magnitude, so that both products
  /// fit in 127 bits; nil otherwise. Counts, populations and percentages always do: one multiplication each instead
  /// of a product at 256 bits.
  @inline(__always)
  private static func orderOfSmallProducts(_ a: Int128, _ b: Int128, _ c: Int128, _ d: Int128) -> Int? {
    let limit: UInt128 = 1 << 63
    guard a.magnitude < limit, b.magnitude < limit, c.magnitude < limit, d.magnitude < limit else { return nil }
    let (left, right) = (a &* b, c &* d)
    return left < right ? -1 : (left == right ? 0 : 1)
  }

  /// -1, 0 or 1: how two 256-bit products compare.
  private static func order(_ a: (high: Int128, low: UInt128), _ b: (high: Int128, low: UInt128)) -> Int {
    if a.high != b.high { return a.high < b.high ? -1 : 1 }
    if a.low != b.low { return a.low < b.low ? -1 : 1 }
    return 0
  }
}
