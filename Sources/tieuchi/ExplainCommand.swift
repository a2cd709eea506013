import ArgumentParser
import TieuChi

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Giải thích một chỉ tiêu — explain an indicator, and how a station's verdict comes about.",
    discussion: """
      Without data: the indicator's definition, legal basis and target in words. With --station DATA \
      --code CODE: the evaluation trace for that commune (or, for a group-level indicator, for the group \
      the commune belongs to): the value of each sub-expression, the target in force, the result and the gap.
      """
  )

  @Option(name: .long, help: "The criteria file.")
  var criteria: String

  @Argument(help: "The indicator id, e.g. bhyt-coverage.")
  var indicator: String

  @Option(name: .long, help: "Survey data file or folder holding the station.")
  var station: [String] = []

  @Option(name: .long, help: "The commune code of the station to trace.")
  var code: String?

  @Option(name: .long, help: "Evaluation year (default: the record's own year).")
  var year: Int?

  @Option(name: .customLong("group-by"), help: "Grouping field for group-level indicators.")
  var groupBy: String?

  @Option(name: .customLong("lang"), help: "Language: vi (default) or en.")
  var language: Language = .vi

  func validate() throws {
    if !station.isEmpty && code == nil { throw ValidationError("--station needs --code CODE: the commune to trace") }
    if station.isEmpty && code != nil { throw ValidationError("--code needs --station DATA") }
  }

  func run() throws {
    let printer = DiagnosticPrinter(language: language)
    let set = try loadCriteria(criteria, printer: printer)
    guard let index = set.indicators.firstIndex(where: { $0.id == indicator }) else {
      let ids = set.indicators.map(\.id)
      printer.print([
        Diagnostic(
          at: nil,
          LocalizedText(
            vi: "không có chỉ tiêu '\(indicator)' trong \(set.id); có: \(ids.joined(separator: ", "))",
            en: "there is no indicator '\(indicator)' in \(set.id); there are: \(ids.joined(separator: ", "))"),
          hint: Suggestions.hint(for: indicator, in: ids))
      ])
      throw ExitStatus.usage
    }
    let explanation = Explanation(criteria: set, language: language)
    var out = explanation.definition(of: set.indicators[index])
    if let code {
      let batch = SurveyLoader.load(
        paths: station, schema: set.schema, groupSchema: set.hasGroupIndicators ? set.groupSchema : nil)
      printer.print(batch.diagnostics)
      guard let trace = CheckTrace(criteria: set, batch: batch, year: year, groupBy: groupBy).trace(indicator: index, code: code)
      else {
        printer.print([
          Diagnostic(
            at: nil,
            LocalizedText(vi: "không có trạm mang mã \(code) trong dữ liệu", en: "no station with code \(code) in the data"),
            hint: Suggestions.hint(for: code, in: batch.records.map(\.code)))
        ])
        throw ExitStatus.unreadableInput
      }
      out += "\n" + trace.heading(language) + "\n" + explanation.trace(of: set.indicators[index], result: trace.result, evaluator: trace.evaluator)
    }
    writeStandardOutput(out)
  }
}
