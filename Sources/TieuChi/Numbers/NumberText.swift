/// Reading numbers as people write them, and writing them back the way the report's language does.
///
/// Vietnamese writes `99,5` for 99.5 and `12.850` for twelve thousand eight hundred and fifty. In a count
/// that is no ambiguity — a count cannot be fractional — so counts accept digits grouped by thousands
/// (`14.182`, `14 182`, `14,182`); a number with decimals keeps the strict rule: `1.234.567` is refused with
/// a hint rather than guessed.
package enum NumberText {
  /// Why a text is not an acceptable number.
  package enum Failure: Error, Sendable, Hashable {
    case notANumber
    case notWhole
    case negative
    /// `1.234.567` or `12 850` in a number that may have decimals: digits grouped by thousands, which we
    /// refuse to guess about.
    case groupedDigits(suggestion: String)
    case tooLarge
  }

  /// A plain decimal: optional sign, digits, optional `.` or `,` and more digits, optional trailing `%`
  /// handled by the caller. No exponents, no grouping.
  package static func parseDecimal(_ text: String) -> Result<Rational, Failure> {
    var copy = text
    return copy.withUTF8 { parseDecimal(bytes: $0) }
  }

  static func parseDecimal(bytes: UnsafeBufferPointer<UInt8>) -> Result<Rational, Failure> {
    var end = bytes.count
    while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    var index = 0
    while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    var negative = false
    if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
      negative = bytes[index] == UInt8(ascii: "-")
      index += 1
    }
    var numerator: Int128 = 0
    var denominator: Int128 = 1
    var digits = 0
    var seenPoint = false
    var fractionDigits = 0
    while index < end {
      let byte = bytes[index]
      if byte >= 0x30 && byte <= 0x39 {
        let (shifted, o1) = numerator.multipliedReportingOverflow(by: 10)
        let (added, o2) = shifted.addingReportingOverflow(Int128(byte - 0x30))
        guard !o1, !o2 else { return .failure(.tooLarge) }
        numerator = added
        digits += 1
        if seenPoint {
          fractionDigits += 1
          guard fractionDigits <= 30 else { return .failure(.tooLarge) }
          denominator *= 10
        }
      } else if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")) && !seenPoint && digits > 0 {
        seenPoint = true
      } else {
        return .failure(groupingFailure(String(decoding: bytes, as: UTF8.self)) ?? .notANumber)
      }
      index += 1
    }
    guard digits > 0, !(seenPoint && fractionDigits == 0) else {
      return .failure(.notANumber)
    }
    guard let value = Rational(negative ? -numerator : numerator, denominator) else {
      return .failure(.tooLarge)
    }
    return .success(value)
  }

  /// The value of one to eighteen ASCII digits and nothing else (always an `Int`); nil for any other text, which
  /// `parseCount` and `parseDecimal` read in full. The usual spelling of a count, read without making a string.
  static func plainDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard bytes.count > 0, bytes.count <= 18, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
  }

  /// A whole, non-negative number of people, staff, hamlets…, its digits possibly grouped by thousands
  /// (`14.182`, `14 182`, `14,182`: a count has no decimals, so the grouping is certain).
  package static func parseCount(_ text: String) -> Result<Int, Failure> {
    var copy = text
    return copy.withUTF8 { bytes in
      // Fast path for the usual plain digits: a whole-country batch reads millions of counts.
      if let value = plainDigits(bytes) { return .success(value) }
      if case .groupedDigits(let digits)? = groupingFailure(text) {
        guard digits.count <= 18, let value = Int(digits) else { return .failure(.tooLarge) }
        return .success(value)
      }
      switch parseDecimal(bytes: bytes) {
      case .failure(let failure): return .failure(failure)
      case .success(let value):
        if value.isNegative { return .failure(.negative) }
        guard value.isInteger else { return .failure(.notWhole) }
        guard let int = value.intValue else { return .failure(.tooLarge) }
        return .success(int)
      }
    }
  }

  /// Detects thousands grouping (`12.850`, `1.234.567`, `12 850`, `12,850`) in an otherwise numeric text.
  private static func groupingFailure(_ raw: String) -> Failure? {
    let text = raw.trimmingSpaces
    let separators: Set<Character> = [".", ",", " ", "\u{00A0}", "\u{202F}"]
    let groups = text.split(omittingEmptySubsequences: false) { separators.contains($0) }
    guard groups.count >= 2,
      let first = groups.first, (1...3).contains(first.count), first.allSatisfy(\.isASCIIDigit),
      groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isASCIIDigit) })
    else { return nil }
    return .groupedDigits(suggestion: groups.joined())
  }

  // MARK: Writing

  /// Writes `value` rounded half away from zero to at most `decimals` places, trailing zeros dropped
  /// unless `minDecimals` asks for them; grouping and decimal mark follow `style`.
  package static func format(
    _ value: Rational,
    decimals: Int,
    minDecimals: Int = 0,
    style: Style
  ) -> String {
    // Works on magnitudes with integer division: reports format hundreds of thousands of numbers.
    guard decimals <= 30 else { return value.description }
    var scale: UInt128 = 1
    for _ in 0..<decimals { scale *= 10 }
    let denominator = value.denominator.magnitude
    let (product, overflow) = value.numerator.magnitude.multipliedReportingOverflow(by: scale)
    guard !overflow else { return value.description }
    let remainder = product % denominator
    // Half away from zero; remainder < denominator ≤ Int128.max, so doubling cannot overflow.
    let rounded = product / denominator + (remainder * 2 >= denominator ? 1 : 0)
    var output: [UInt8] = []
    output.reserveCapacity(24)
    if value.isNegative && rounded != 0 { output.append(UInt8(ascii: "-")) }
    let integerDigits = Array(String(rounded / scale).utf8)
    let group = style.groupSeparator.map { Array(String($0).utf8) }
    for (offset, digit) in integerDigits.enumerated() {
      if let group, offset > 0, (integerDigits.count - offset) % 3 == 0 {
        output.append(contentsOf: group)
      }
      output.append(digit)
    }
    if decimals > 0 {
      var fraction = Array(String(rounded % scale).utf8)
      fraction.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: decimals - fraction.count), at: 0)
      while fraction.count > minDecimals, fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
      if !fraction.isEmpty {
        output.append(contentsOf: String(style.decimalMark).utf8)
        output.append(contentsOf: fraction)
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Like `format`, but adds decimals (up to `maxDecimals`) until the written value no longer equals
  /// `threshold` when the exact value differs from it, so a report never shows "99,50 % < 99,5 %".
  package static func format(
    _ value: Rational,
    distinctFrom threshold: Rational?,
    decimals: Int,
    minDecimals: Int = 0,
    maxDecimals: Int = 8,
    style: Style
  ) -> String {
    var places = decimals
    while let threshold, value != threshold, places < maxDecimals,
      rounded(value, places) == rounded(threshold, places)
    {
      places += 1
    }
    return format(value, decimals: places, minDecimals: minDecimals, style: style)
  }

  private static func rounded(_ value: Rational, _ places: Int) -> Rational? {
    var scale: Int128 = 1
    for _ in 0..<places { scale *= 10 }
    guard let scaled = value.multiplied(by: Rational(whole: scale)),
      let twice = scaled.multiplied(by: Rational(2))
    else { return nil }
    return Rational((twice.floor + 1) / 2, scale)
  }

  /// How numbers are written: Vietnamese `12.850,5`, English `12,850.5`, machine `12850.5`.
  package struct Style: Sendable, Hashable {
    package var decimalMark: Character
    package var groupSeparator: Character?

    package static let vietnamese = Style(decimalMark: ",", groupSeparator: ".")
    package static let english = Style(decimalMark: ".", groupSeparator: ",")
    package static let plain = Style(decimalMark: ".", groupSeparator: nil)

    package static func `for`(_ language: Language) -> Style {
      language == .vi ? .vietnamese : .english
    }
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
  /// The text without leading and trailing spaces, tabs and line breaks (no Foundation needed).
  var trimmingSpaces: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\u{00A0}" }
    // Most values have nothing to trim: skip building a new string for them (checked on bytes, since
    // every space character trimmed here starts with an ASCII byte or 0xC2).
    // On the contiguous bytes where there are some (nearly always): `utf8.last` walks the view's indices.
    let untouched =
      utf8.withContiguousStorageIfAvailable { bytes in
        guard let first = bytes.first, let last = bytes.last else { return false }
        return first > 0x20 && first != 0xC2 && last > 0x20 && last != 0xA0
      }
      ?? (utf8.first.map { $0 > 0x20 && $0 != 0xC2 } == true && utf8.last.map { $0 > 0x20 && $0 != 0xA0 } == true)
    if untouched { return self }
    guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
    let end = lastIndex(where: { !isSpace($0) })!
    return String(self[start...end])
  }
}
