import ArgumentParser
import TieuChi

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Đánh giá dữ liệu khảo sát trạm y tế theo một bộ tiêu chí — evaluate station survey data against a criteria set.",
    discussion: """
      Exit status: 0 everything read and every commune passes; 1 some commune fails or is incomplete;
      2 some input could not be read (the rest was evaluated); 3 invalid criteria file; 64 usage error.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Option(name: .long, help: "The criteria file (YAML), e.g. Criteria/ct25-2030.yaml.")
  var criteria: String

  @Option(name: .long, help: "Evaluation year: the milestones in force that year apply (default: each record's own year).")
  var year: Int?

  @Option(name: .long, help: "Output format: text or json.")
  var format: Format = .text

  @Option(name: .customLong("lang"), help: "Report language: vi (default) or en.")
  var language: Language = .vi

  @Option(name: .customLong("group-by"), help: "Record field to group the summary by (default: district if present, else province).")
  var groupBy: String?

  @Option(name: .long, help: "The previous round's survey data (file or folder), for targets about change.")
  var baseline: [String] = []

  @Option(name: .customLong("as-of"), help: "The day waivers are checked against, e.g. 2025-12-31 (default: today).")
  var asOf: String?

  @Flag(name: .long, help: "Text format: only the one-line-per-commune table and totals.")
  var summary = false

  @Argument(help: "Survey data files or folders (.yaml, .yml, .json, .csv).")
  var data: [String] = []

  func validate() throws {
    if let year, !(1900...2200).contains(year) {
      throw ValidationError("--year must be a year such as 2025, not \(year)")
    }
    if let asOf, CalendarDate(asOf) == nil {
      throw ValidationError("--as-of must be a date such as 2025-12-31, not '\(asOf)'")
    }
    guard !data.isEmpty else {
      throw ValidationError("give at least one survey data file or folder, e.g. Samples/tan-yen-2024")
    }
  }

  func run() throws {
    let printer = DiagnosticPrinter(language: language)
    let criteriaSet = try loadCriteria(criteria, printer: printer)

    let batch = SurveyLoader.load(
      paths: data, schema: criteriaSet.schema, groupSchema: criteriaSet.hasGroupIndicators ? criteriaSet.groupSchema : nil)
    let previous =
      baseline.isEmpty
      ? nil
      : SurveyLoader.load(
        paths: baseline, schema: criteriaSet.schema, groupSchema: criteriaSet.hasGroupIndicators ? criteriaSet.groupSchema : nil)
    if let previous { printer.print(previous.diagnostics) }
    let report = CheckReport(
      criteria: criteriaSet, batch: batch, year: year, groupBy: groupBy, asOf: asOf.flatMap(CalendarDate.init) ?? .today,
      baseline: previous)
    switch format {
    case .text:
      printer.print(report.batch.diagnostics)
      writeStandardOutput(TextReport(language: language, summaryOnly: summary).render(report))
    case .json:
      writeStandardOutput(JSONReport(language: language).render(report))
    }
    let baselineRead = previous.map { $0.rejected == 0 && !$0.diagnostics.contains { $0.severity == .error } } ?? true
    if !report.everythingRead || !baselineRead { throw ExitStatus.unreadableInput }
    if !report.allPass { throw ExitStatus.notAllPass }
  }
}
