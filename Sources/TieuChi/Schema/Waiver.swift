/// A waiver carried by a station's record: one indicator excused, with why, who approved it, and until
/// when. A waived indicator is reported as `waived` — never as a pass — and counted apart.
public struct Waiver: Sendable {
  public var indicator: String
  public var justification: String
  public var approvedBy: String
  public var expires: CalendarDate
  public var location: SourceLocation
}
