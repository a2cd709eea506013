/// What `XLSXReader` found in a workbook: its worksheets in tab order.
public struct ReadWorkbook: Sendable, Hashable {
  /// Worksheets in tab order, hidden ones included (flagged). Chart sheets and macro sheets are left out.
  public internal(set) var sheets: [ReadSheet]
  /// Whether the workbook counts dates from 1904 (old Mac Excel) rather than 1900; dates are already converted.
  public internal(set) var uses1904Dates: Bool

  /// The first sheet named `name`, compared in NFC and ignoring case as Excel does.
  public func sheet(named name: String) -> ReadSheet? {
    let wanted = name.precomposedForXLSX.lowercased()
    return sheets.first { $0.name.lowercased() == wanted }
  }
}
