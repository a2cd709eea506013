/// Turns a check result into a document: a terminal report, JSON, and later HTML, a workbook….
///
/// Renderers only choose words and layout: every verdict, gap and reason is already in the result.
/// A new format is one new conforming file and one case of `ReportFormat`.
public protocol ReportRenderer: Sendable {
  /// The whole document, as the bytes of a file.
  func render(_ result: CheckResult) -> [UInt8]
}

/// What every report format can be asked for.
public struct ReportOptions: Sendable {
  /// The report's language: Vietnamese unless asked otherwise.
  public var language: Language
  /// Only the one-line-per-commune table and the totals, for large batches (formats that have a
  /// shorter form honour it; the others ignore it).
  public var summaryOnly: Bool

  /// Options for a report: Vietnamese and in full unless asked otherwise.
  public init(language: Language = .vi, summaryOnly: Bool = false) {
    self.language = language
    self.summaryOnly = summaryOnly
  }
}
