import Foundation

/// A date without time or zone: waivers expire on a day, whatever the clock of the machine.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  /// A valid day between 1900 and 2200, or nil.
  public init?(year: Int, month: Int, day: Int) {
    let days = [
      31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]
    guard (1900...2200).contains(year), (1...12).contains(month), (1...days[month - 1]).contains(day) else {
      return nil
    }
    self.year = year
    self.month = month
    self.day = day
  }

  /// `2025-12-31` (ISO), or `31/12/2025` as Vietnamese forms write it.
  public init?(_ text: String) {
    let trimmed = text.trimmingSpaces
    let iso = trimmed.split(separator: "-")
    let vietnamese = trimmed.split(separator: "/")
    if iso.count == 3, let y = Int(iso[0]), let m = Int(iso[1]), let d = Int(iso[2]), iso[0].count == 4 {
      self.init(year: y, month: m, day: d)
    } else if vietnamese.count == 3, let d = Int(vietnamese[0]), let m = Int(vietnamese[1]), let y = Int(vietnamese[2]),
      vietnamese[2].count == 4
    {
      self.init(year: y, month: m, day: d)
    } else {
      return nil
    }
  }

  /// Today in Vietnam (UTC+7), the default day waivers are checked against.
  public static var today: CalendarDate {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    return CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)!
  }

  public var description: String {
    let pad = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(pad(month))-\(pad(day))"
  }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }
}
