import Foundation

/// A waiver carried by a station's record: one indicator excused, with why, who approved it, and until
/// when. A waived indicator is reported as `waived` — never as a pass — and counted apart.
public struct Waiver: Sendable {
  public var indicator: String
  public var justification: String
  public var approvedBy: String
  public var expires: CalendarDate
  public var location: SourceLocation
}

/// A date without time or zone: waivers expire on a day, whatever the clock of the machine.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  public init?(year: Int, month: Int, day: Int) {
    let days = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard (1900...2200).contains(year), (1...12).contains(month), (1...days[month - 1]).contains(day) else { return nil }
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

extension SurveyReader {
  /// Reads a record's `waivers:` list; a malformed waiver is reported and not applied.
  func waivers(_ node: DataNode, diagnostics: inout [Diagnostic]) -> [Waiver] {
    guard let items = node.items else {
      diagnostics.append(
        Diagnostic(
          at: node.location,
          LocalizedText(vi: "'waivers' phải là một danh sách", en: "'waivers' must be a list")))
      return []
    }
    let keys = ["indicator", "justification", "approved_by", "expires"]
    return items.compactMap { item in
      var fields: [String: String] = [:]
      for entry in item.entries ?? [] {
        if keys.contains(entry.key), let text = entry.value.scalarText, !entry.value.isNull {
          fields[entry.key] = text.trimmingSpaces
        } else if !keys.contains(entry.key) {
          diagnostics.append(
            Diagnostic(
              at: entry.keyLocation,
              LocalizedText(
                vi: "khóa '\(entry.key)' không có trong một miễn trừ; dùng: \(keys.joined(separator: ", "))",
                en: "unknown key '\(entry.key)' in a waiver; expected: \(keys.joined(separator: ", "))"),
              hint: Suggestions.hint(for: entry.key, in: keys)))
        }
      }
      let missing = keys.filter { (fields[$0] ?? "").isEmpty }
      guard missing.isEmpty, let expires = CalendarDate(fields["expires"]!) else {
        diagnostics.append(
          Diagnostic(
            at: item.location,
            missing.isEmpty
              ? LocalizedText(
                vi: "ngày hết hạn '\(fields["expires"] ?? "")' không hợp lệ; viết 2025-12-31 hoặc 31/12/2025",
                en: "expiry date '\(fields["expires"] ?? "")' is not a date; write 2025-12-31 or 31/12/2025")
              : LocalizedText(
                vi: "miễn trừ thiếu \(missing.joined(separator: ", ")): không được áp dụng",
                en: "the waiver lacks \(missing.joined(separator: ", ")) and is not applied")))
        return nil
      }
      return Waiver(
        indicator: fields["indicator"]!, justification: fields["justification"]!, approvedBy: fields["approved_by"]!,
        expires: expires, location: item.location)
    }
  }
}
