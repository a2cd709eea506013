import Testing

@testable import TieuChi

@Suite("Exact arithmetic and number text")
struct ExactArithmeticTests {
  @Test("199 of 200 is exactly 99.5 %: fails '> 99.5 %', passes '≥ 99.5 %'")
  func boundaryOfStrictAndInclusiveTargets() throws {
    let ratio = try #require(Rational(199, 200))
    let strict = try Target.parse("trên 99,5%", unit: .percent).get()
    let inclusive = try Target.parse("đạt 99,5%", unit: .percent).get()
    #expect(strict.comparator == .greater)
    #expect(inclusive.comparator == .greaterOrEqual)
    #expect(!strict.isMet(by: ratio))
    #expect(inclusive.isMet(by: ratio))
    #expect(strict.isMet(by: try #require(Rational(1991, 2000))))
  }

  @Test("Orders stay exact on both sides of 2⁶³, where a comparison's products stop fitting in 127 bits")
  func ordersAroundTheSmallProductsLimit() throws {
    let limit = Int128(1) << 63
    for big in [limit >> 1, limit - 1, limit, limit + 1, Int128(1) << 100] {
      for (p, q) in [(Int128(2), Int128(3)), (3, 2), (5, 7), (7, 5)] {
        // big / p > big / q exactly when p < q; and the other way round below zero.
        let (x, y) = (try #require(Rational(big, p)), try #require(Rational(big, q)))
        #expect(Rational.compare(x, y) == (p < q ? 1 : -1), "\(big)/\(p) against \(big)/\(q)")
        let (negativeX, negativeY) = (try #require(Rational(-big, p)), try #require(Rational(-big, q)))
        #expect(Rational.compare(negativeX, negativeY) == (p < q ? -1 : 1))
        #expect(Rational.compare(x, x) == 0)
        #expect(
          Rational.compare(Rational(whole: big), dividedBy: Rational(whole: p), with: y) == (p < q ? 1 : -1))
        #expect(
          Rational.compare(Rational(whole: big), dividedBy: Rational(whole: -p), with: negativeY)
            == (p < q ? -1 : 1))
      }
    }
  }

  @Test("A quotient of whole numbers compares with a target as the reduced quotient does, without being made")
  func quotientsCompareWithoutBeingMade() throws {
    let wholes: [Int128] = [
      0, 1, -1, 199, 200, 995, 1_000, 24_627, 24_504, -24_504, 999_999_999_999_999_999, -999_999_999_999_999_999,
      Int128(1) << 100, -(Int128(1) << 100),
    ]
    let fractions: [Rational?] = [
      Rational(199, 200), Rational(19, 20), Rational(-3, 7), Rational(1, 1), Rational(0, 1),
      Rational(Int128(1) << 120, 3),
    ]
    let targets = try fractions.map { try #require($0) }
    for numerator in wholes {
      for denominator in wholes where denominator != 0 {
        let quotient = try #require(Rational(whole: numerator).divided(by: Rational(whole: denominator)))
        for target in targets {
          #expect(
            Rational.compare(Rational(whole: numerator), dividedBy: Rational(whole: denominator), with: target)
              == Rational.compare(quotient, target), "\(numerator) / \(denominator) against \(target)")
        }
      }
    }
    // Not whole, too near the limits, or over zero: left to the arithmetic that can say so.
    #expect(Rational.compare(try #require(Rational(1, 2)), dividedBy: Rational(1), with: Rational(0)) == nil)
    #expect(Rational.compare(Rational(whole: .max), dividedBy: Rational(1), with: Rational(0)) == nil)
    #expect(Rational.compare(Rational(1), dividedBy: Rational(0), with: Rational(0)) == nil)
  }

  @Test(
    "Comparators are read as the law writes them",
    arguments: [
      ("trên 95%", TargetComparator.greater), ("đạt trên 99,5%", .greater), ("> 40%", .greater),
      ("đạt 95%", .greaterOrEqual), ("ít nhất 1", .greaterOrEqual), ("tối thiểu 80%", .greaterOrEqual),
      ("không dưới 80%", .greaterOrEqual), ("≥ 1", .greaterOrEqual), (">= 1", .greaterOrEqual),
      ("dưới 5%", .less), ("< 5%", .less), ("không vượt quá 10%", .lessOrEqual), ("tối đa 3", .lessOrEqual),
      ("≤ 2", .lessOrEqual), ("at least 1", .greaterOrEqual), ("above 40%", .greater), ("at most 5", .lessOrEqual),
    ])
  func comparatorWords(text: String, expected: TargetComparator) throws {
    let unit: MeasureUnit = text.hasSuffix("%") ? .percent : .number
    #expect(try Target.parse(text, unit: unit).get().comparator == expected)
  }

  @Test("A target without a comparator, or in the wrong unit, is refused")
  func badTargets() {
    guard case .failure(.noComparator) = Target.parse("99,5%", unit: .percent) else {
      Issue.record("a bare number must not be accepted as a target")
      return
    }
    guard case .failure(.unitMismatch) = Target.parse("> 5%", unit: .per10000) else {
      Issue.record("a percent sign on a per-10,000 target must be refused")
      return
    }
  }

  @Test("Decimal commas and points both read exactly; counts accept thousands grouping, decimals do not")
  func parsing() throws {
    #expect(try NumberText.parseDecimal("99,5").get() == Rational(199, 2))
    #expect(try NumberText.parseDecimal("99.5").get() == Rational(199, 2))
    #expect(try NumberText.parseDecimal("-0,25").get() == Rational(-1, 4))
    #expect(try NumberText.parseCount("12850").get() == 12850)
    // A count cannot be fractional: the grouping is certain, and the reports write counts this way.
    #expect(try NumberText.parseCount("12.850").get() == 12850)
    #expect(try NumberText.parseCount("14 182").get() == 14182)
    #expect(try NumberText.parseCount("14\u{00A0}182").get() == 14182)
    #expect(try NumberText.parseCount("1.234.567").get() == 1_234_567)
    #expect(NumberText.parseCount("12.85") == .failure(.notWhole))
    #expect(NumberText.parseDecimal("1.234.567") == .failure(.groupedDigits(suggestion: "1234567")))
    // Every count a Vietnamese or English report writes reads back.
    for value in [0, 7, 999, 1000, 14182, 1_234_567] {
      for style in [NumberText.Style.vietnamese, .english, .plain] {
        let text = NumberText.format(Rational(value), decimals: 0, style: style)
        #expect(try NumberText.parseCount(text).get() == value, "\(text)")
      }
    }
    #expect(NumberText.parseCount("-3") == .failure(.negative))
    #expect(NumberText.parseCount("12,5") == .failure(.notWhole))
    #expect(NumberText.parseCount("abc") == .failure(.notANumber))
    #expect(NumberText.parseCount("99999999999999999999999999999999999999999") == .failure(.tooLarge))
    #expect(NumberText.parseDecimal("1e5") == .failure(.notANumber))
    #expect(NumberText.parseDecimal("") == .failure(.notANumber))
    #expect(NumberText.parseDecimal(",5") == .failure(.notANumber))
  }

  @Test("Numbers are written the Vietnamese way in Vietnamese reports")
  func formatting() throws {
    let value = try #require(Rational(1_285_055, 100))
    #expect(NumberText.format(value, decimals: 2, style: .vietnamese) == "12.850,55")
    #expect(NumberText.format(value, decimals: 2, style: .english) == "12,850.55")
    #expect(NumberText.format(value, decimals: 1, style: .plain) == "12850.6")
    #expect(NumberText.format(Rational(1234), decimals: 0, style: .vietnamese) == "1.234")
    #expect(NumberText.format(Rational(999), decimals: 0, style: .vietnamese) == "999")
    #expect(NumberText.format(try #require(Rational(-1, 3)), decimals: 2, style: .plain) == "-0.33")
    // 99.4999 % must not be shown as "99,50" next to a target of 99,5.
    let near = try #require(Rational(994_999, 10_000))
    #expect(
      NumberText.format(near, distinctFrom: Rational(199, 2), decimals: 2, style: .vietnamese) == "99,4999")
  }

  @Test("Whole numbers add to the sum of their numerators, and refuse what the reduced form refuses")
  func wholeNumbersAddWithoutReducing() throws {
    let wholes: [Int128] = [0, 1, -1, 24_627, -24_627, .max, .max - 1, .min + 1, .min + 2, Int128(1) << 126]
    for a in wholes {
      for b in wholes {
        let sum = Rational(whole: a).adding(Rational(whole: b))
        let (exact, overflow) = a.addingReportingOverflow(b)
        // `init?(_:_:)` refuses Int128.min, which has no positive counterpart.
        if overflow || exact == .min {
          #expect(sum == nil, "\(a) + \(b)")
        } else {
          #expect(sum == Rational(exact, 1), "\(a) + \(b)")
          #expect(sum?.denominator == 1)
        }
      }
    }
    // A fraction on either side still goes the general way.
    let half = try #require(Rational(1, 2))
    #expect(half.adding(Rational(1)) == Rational(3, 2))
    #expect(Rational(1).adding(half) == Rational(3, 2))
    #expect(half.adding(half) == Rational(1))
    #expect(try #require(Rational(6, 3)).denominator == 1)
    #expect(Rational(Int128.min, 1) == nil)
  }

  @Test("Overflow is reported, never trapped")
  func overflow() throws {
    let huge = Rational(whole: Int128.max / 2)
    #expect(huge.multiplied(by: Rational(4)) == nil)
    #expect(huge.adding(huge)?.adding(huge) == nil)
    #expect(Rational(1, 0) == nil)
    let a = try #require(Rational(Int128.max - 1, Int128.max))
    let b = try #require(Rational(Int128.max - 2, Int128.max - 1))
    #expect(b < a)
  }
}
