/// An XLSX workbook: sheets in tab order. Write it with `SpreadsheetMLWriter`.
public struct Workbook: Sendable {
  public var sheets: [Sheet]

  public init(sheets: [Sheet]) {
    self.sheets = sheets
  }

  /// The tab names the writer will use, in order (see `SheetName.sanitized(_:)`), for callers that mention them.
  public var sanitizedSheetNames: [String] {
    SheetName.sanitized(sheets.map(\.name))
  }
}
