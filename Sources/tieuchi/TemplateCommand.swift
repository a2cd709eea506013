import ArgumentParser
import TieuChi

struct TemplateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "In phiếu số liệu trống cho một bộ tiêu chí — print a blank survey form for a criteria set.",
    discussion: """
      yaml: a commented form with every input, its label, unit and type. csv: the header of the stations \
      file in labels that read back (';', UTF-8 with BOM); --list NAME gives the header of that list's file \
      (save it as NAME.csv beside the stations file). Filled-in forms are read by tieuchi check.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case yaml, csv
  }

  @OptionGroup var criteriaOptions: CriteriaOptions

  @Option(name: .long, help: "yaml (default) or csv.")
  var format: Format = .yaml

  @Option(name: .long, help: "csv: the list input (e.g. staff) whose file to print.")
  var list: String?

  @OptionGroup var languageOptions: LanguageOptions

  func validate() throws {
    if list != nil && format != .csv { throw ValidationError("--list goes with --format csv") }
  }

  func run() throws {
    let language = languageOptions.language
    let diagnostics = DiagnosticsEngine(language: language)
    defer { diagnostics.finish() }
    let set = try loadCriteria(criteriaOptions.criteria, diagnostics: diagnostics)
    switch format {
    case .yaml:
      writeStandardOutput(SurveyTemplate.yaml(set, language: language))
    case .csv:
      switch SurveyTemplate.csv(set, language: language, list: list) {
      case .success(let text): writeStandardOutput(text)
      case .failure(let diagnostic):
        diagnostics.emit([diagnostic])
        throw ExitStatus.usage
      }
    }
  }
}
