import ArgumentParser
import Foundation
import TieuChi
import TieuChiReports

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract:
      "Đánh giá dữ liệu khảo sát trạm y tế theo một bộ tiêu chí — evaluate station survey data against a criteria set.",
    discussion: """
      Exit status: 0 everything read and every commune passes; 1 some commune fails or is incomplete;
      2 some input could not be read (the rest was evaluated); 3 invalid criteria file; 64 usage error.
      """
  )

  @OptionGroup var criteriaOptions: CriteriaOptions
  @OptionGroup var evaluation: EvaluationOptions
  @OptionGroup var languageOptions: LanguageOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
  var format: ReportFormat = .text

  @Flag(name: .long, help: "Only the one-line-per-commune table and the totals.")
  var summary = false

  @OptionGroup var document: DocumentOptions

  @Option(
    name: .customLong("csv-separator"),
    help: "CSV field separator: ';' (default, what Excel expects in Vietnam), ',' or 'tab'.")
  var csvSeparator: String = ";"

  @Argument(help: "Survey data files or folders (.yaml, .yml, .json, .csv).")
  var data: [String] = []

  static let separators: [String: UInt8] = [";": UInt8(ascii: ";"), ",": UInt8(ascii: ","), "tab": 0x09, "\t": 0x09]

  func validate() throws {
    guard !data.isEmpty else {
      throw ValidationError("give at least one survey data file or folder, e.g. Samples/tan-yen-2024")
    }
    guard Self.separators[csvSeparator] != nil else {
      throw ValidationError("--csv-separator must be ';', ',' or 'tab', not '\(csvSeparator)'")
    }
    if format.isBinary && document.output == nil && isatty(STDOUT_FILENO) != 0 {
      throw ValidationError(
        "--format \(format.rawValue) writes a binary file: add --output FILE.\(format.fileExtension)")
    }
  }

  func run() throws {
    let language = languageOptions.language
    let diagnostics = DiagnosticsEngine(language: language)
    let checker = evaluation.checker(try loadCriteria(criteriaOptions.criteria, diagnostics: diagnostics))
    let batch = SurveyLoader.load(paths: data, schema: checker.schemas.station, groupSchema: checker.schemas.group)
    let previous = evaluation.previousRound(for: checker, diagnostics: diagnostics)
    let result = checker.run(batch, baseline: previous)
    // The result's diagnostics include the evaluation's own (an expired waiver, an unknown grouping field).
    diagnostics.emit(result.batch.diagnostics, print: !format.carriesDiagnostics)
    diagnostics.countRejected(result.batch.rejected)
    let report: [UInt8]
    do {
      var options = document.reportOptions(language: language, summaryOnly: summary)
      options.csvSeparator = Self.separators[csvSeparator] ?? UInt8(ascii: ";")
      report = try format.renderer(options).render(result)
    } catch {
      diagnostics.emit([.cannotRender(error.message)])
      diagnostics.finish()
      throw ExitStatus.cannotWrite
    }
    do {
      try OutputFile.write(report, to: document.output, binary: format.isBinary, format: format)
    } catch {
      switch error {
      case .binaryToTerminal(let format):
        diagnostics.emit([.binaryToTerminal(format.rawValue)])
        diagnostics.finish()
        throw ExitStatus.usage
      case .cannotWrite(let path, let reason):
        diagnostics.emit([.cannotWriteOutput(path, reason: reason)])
        diagnostics.finish()
        throw ExitStatus.cannotWrite
      }
    }
    diagnostics.finish()
    if diagnostics.inputUnreadable { throw ExitStatus.unreadableInput }
    if !result.allPass { throw ExitStatus.notAllPass }
  }
}
