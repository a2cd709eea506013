public import TieuChi

/// The report formats, one renderer each. Clients (the CLI's `--format`, the web application's
/// downloads) follow this list, so a new case is all they need to offer a new format.
///
/// The list lives here, above both the core library (text, JSON, HTML, CSV) and the Office writers
/// (XLSX), so that it can name every renderer while the core keeps no dependency but libyaml.
public enum ReportFormat: String, CaseIterable, Sendable {
  /// For people at a terminal: each commune's indicators, then one line per commune and the totals.
  case text
  /// For scripts: one object, the documented stable shape.
  case json
  /// For scripts reading big batches a record at a time: one object per line (report, communes, groups,
  /// problems, summary).
  case jsonl
  /// To print, archive and send up: one self-contained page with charts and a card per commune.
  case html
  /// For Excel: one row per commune × indicator, `;`-separated, UTF-8 with BOM.
  case csv
  /// A workbook: summary, details, matrix, what to supplement, data problems (and the comparison).
  case xlsx

  /// The renderer for this format.
  public func renderer(_ options: ReportOptions) -> any ReportRenderer {
    switch self {
    case .text: TextReport(options)
    case .json: JSONReport(options)
    case .jsonl: JSONLinesReport(options)
    case .html: HTMLReport(options)
    case .csv: CSVReport(options)
    case .xlsx: XLSXReport(options)
    }
  }

  /// Whether the document lists the data problems itself; otherwise a client shows them apart
  /// (the CLI on standard error).
  public var carriesDiagnostics: Bool {
    switch self {
    case .text, .csv: false
    case .json, .jsonl, .html, .xlsx: true
    }
  }

  /// Whether the document is binary (a workbook, a Word file): not for a terminal.
  public var isBinary: Bool {
    switch self {
    case .text, .json, .jsonl, .html, .csv: false
    case .xlsx: true
    }
  }

  /// The usual file name extension.
  public var fileExtension: String {
    switch self {
    case .text: "txt"
    case .json: "json"
    case .jsonl: "jsonl"
    case .html: "html"
    case .csv: "csv"
    case .xlsx: "xlsx"
    }
  }
}
