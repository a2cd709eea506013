/// Renders a check report as JSON Lines (`--format jsonl`): one compact JSON object per line, for scripts
/// and pipelines that read a big batch a record at a time (`jq -c`, pandas `read_json(lines=True)`,
/// DuckDB `read_json`), never holding the whole document.
///
/// Every line has a `kind`, in this order: one `report` line (what the report is: the members of the JSON
/// report's head), one `commune` line per commune in input order, one `group` line per group, one `error`
/// or `warning` line per data problem, an optional `comparison` line, and last the `summary` line. The
/// objects are those of the JSON report (README, "JSON output"), so a script can move between the two.
public struct JSONLinesReport: ReportRenderer {
  public var language: Language

  /// A JSON Lines renderer in the options' language.
  public init(_ options: ReportOptions = ReportOptions()) {
    self.language = options.language
  }

  public func render(_ report: CheckResult) -> [UInt8] { renderParts(report).joinedBytes }

  public func renderParts(_ report: CheckResult) -> [[UInt8]] { streamedParts(report) }

  private var json: JSONReport { JSONReport(ReportOptions(language: language)) }
}

extension JSONLinesReport: CommuneStreamRenderer {
  package var streams: Bool { true }
  package var needsGrouping: Bool { true }

  package func head(_ frame: ReportFrame) -> [UInt8] {
    var head: [UInt8] = []
    Self.line("report", json.head(frame), into: &head)
    return head
  }

  package struct Writer {
    let json: JSONReport
    let frame: ReportFrame
    let phrases: ReportPhrases
    let statics: JSONReport.IndicatorStatics
  }

  package func writer(_ frame: ReportFrame) -> Writer {
    let json = self.json
    return Writer(
      json: json, frame: frame, phrases: ReportPhrases(criteria: frame.criteria, language: language),
      statics: JSONReport.IndicatorStatics(criteria: frame.criteria, report: json))
  }

  package func write(_ commune: CommuneResult, with writer: Writer, into bytes: inout [UInt8]) {
    Self.line(
      writer.json.commune(commune, criteria: writer.frame.criteria, phrases: writer.phrases, statics: writer.statics),
      "commune", into: &bytes)
  }

  package func tail(_ report: CheckResult, kept: NothingKept, write: ([UInt8]) -> Void) {
    let json = self.json
    let phrases = ReportPhrases(criteria: report.criteria, language: language)
    let statics = JSONReport.IndicatorStatics(criteria: report.criteria, report: json)
    var output: [UInt8] = []
    for group in report.groups {
      Self.line(
        json.group(group, criteria: report.criteria, phrases: phrases, statics: statics), "group", into: &output)
    }
    for diagnostic in report.batch.diagnostics {
      Self.line(json.diagnostic(diagnostic), diagnostic.severity == .error ? "error" : "warning", into: &output)
    }
    if let comparison = report.comparison {
      Self.line(json.comparison(comparison, phrases: phrases), "comparison", into: &output)
    }
    Self.line(json.summary(report.summary), "summary", into: &output)
    write(output)
  }

  /// `{"kind": kind, …members}` on one line (written as that object would be, without building it).
  private static func line(_ kind: String, _ members: [(String, JSONValue)], into output: inout [UInt8]) {
    output.append(contentsOf: #"{"kind":"#.utf8)
    JSONValue.writeString(kind, into: &output)
    for (key, value) in members {
      output.append(UInt8(ascii: ","))
      JSONValue.writeString(key, into: &output)
      output.append(UInt8(ascii: ":"))
      value.write(into: &output, indent: 0, level: 1)
    }
    output.append(contentsOf: "}\n".utf8)
  }

  /// An object of the JSON report as a line of `kind`.
  private static func line(_ value: JSONValue, _ kind: String, into output: inout [UInt8]) {
    guard case .object(let members) = value else {
      line(kind, [("value", value)], into: &output)
      return
    }
    line(kind, members, into: &output)
  }
}
