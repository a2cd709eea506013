/// Excel's date serial numbers, converted without floating point.
enum ExcelDate {
  /// The calendar day of serial `text` (the integer part; the fraction is the time of day), or `nil` when the serial
  /// names no real day: negative, 0 (shown as 1900-01-00), 60 in the 1900 system (Lotus's fictitious 1900-02-29,
  /// kept by Excel), or after 9999-12-31.
  static func day(serial text: String, uses1904: Bool) -> (year: Int, month: Int, day: Int)? {
    guard let serial = integerPart(text) else { return nil }
    let daysFromCivilEpoch: Int
    if uses1904 {
      guard serial >= 0 else { return nil }
      daysFromCivilEpoch = days(year: 1904, month: 1, day: 1) + serial
    } else {
      guard serial >= 1, serial != 60 else { return nil }
      // Serial 1 is 1900-01-01; from 61 on, every serial is one too high because of the fictitious leap day.
      daysFromCivilEpoch = days(year: 1899, month: 12, day: serial < 60 ? 31 : 30) + serial
    }
    let date = civil(daysFromCivilEpoch)
    return date.year <= 9999 ? date : nil
  }

  /// The integer part of non-negative decimal text (`45000.75`, `4.5E4`), or `nil` when negative, not a number or
  /// above ten million (past year 9999 in any case).
  static func integerPart(_ text: String) -> Int? {
    var mantissa: [UInt8] = []
    var pointPosition: Int?
    var exponent = 0
    var utf8 = Substring(text).utf8[...]
    if utf8.first == UInt8(ascii: "+") { utf8 = utf8.dropFirst() }
    while let byte = utf8.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
      utf8 = utf8.dropFirst()
      if byte == UInt8(ascii: ".") {
        guard pointPosition == nil else { return nil }
        pointPosition = mantissa.count
      } else {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        mantissa.append(byte - UInt8(ascii: "0"))
      }
    }
    guard !mantissa.isEmpty else { return nil }
    if !utf8.isEmpty {
      guard let value = Int(String(Substring(utf8.dropFirst()))), abs(value) < 100 else { return nil }
      exponent = value
    }
    let integerDigits = (pointPosition ?? mantissa.count) + exponent
    var result = 0
    for index in 0..<max(integerDigits, 0) {
      result = result * 10 + (index < mantissa.count ? Int(mantissa[index]) : 0)
      if result > 10_000_000 { return nil }
    }
    return result
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
  static func days(year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date `days` after 1970-01-01 (`civil_from_days`).
  static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// The date of ISO 8601 text as cells of type `d` store it (`2024-03-01`, `2024-03-01T08:30:00`), if valid.
  static func isoDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
    let utf8 = Array(text.utf8.prefix(10))
    guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      guard utf8[range].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
      return Int(String(decoding: utf8[range], as: UTF8.self))
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), (1...12).contains(month),
      day >= 1, civil(days(year: year, month: month, day: day)) == (year, month, day)
    else { return nil }
    return (year, month, day)
  }
}
