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

  public func render(_ report: CheckResult) -> [UInt8] {
    let json = JSONReport(ReportOptions(language: language))
    let phrases = ReportPhrases(criteria: report.criteria, language: language)
    let statics = JSONReport.IndicatorStatics(criteria: report.criteria, report: json)
    var output: [UInt8] = []
    Self.line("report", json.head(report), into: &output)
    // Communes are the bulk: built on every core, written in order.
    let communes = ParallelMap.map(report.communes, chunkSize: 64) { commune -> [UInt8] in
      var bytes: [UInt8] = []
      Self.line(
        json.commune(commune, criteria: report.criteria, phrases: phrases, statics: statics), "commune", into: &bytes)
      return bytes
    }
    output.reserveCapacity(output.count + communes.reduce(0) { $0 + $1.count } + 4096)
    for commune in communes { output += commune }
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
    return output
  }

  /// `{"kind": kind, …members}` on one line.
  private static func line(_ kind: String, _ members: [(String, JSONValue)], into output: inout [UInt8]) {
    JSONValue.object([("kind", .string(kind))] + members).write(into: &output, indent: 0, level: 0)
    output.append(UInt8(ascii: "\n"))
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
