import ArgumentParser
import Foundation
import TieuChi
import TieuChiDocuments

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

  @Argument(help: "Survey data files or folders (.xlsx, .yaml, .yml, .json, .csv).")
  var data: [String] = []

  static let separators: [String: UInt8] = [";": UInt8(ascii: ";"), ",": UInt8(ascii: ","), "tab": 0x09, "\t": 0x09]

  func validate() throws {
    guard !data.isEmpty else {
      throw ValidationError("give at least one survey data file or folder, e.g. Samples/tan-yen-2024")
    }
    guard Self.separators[csvSeparator] != nil else {
      throw ValidationError("--csv-separator must be ';', ',' or 'tab', not \(Diagnostic.quoted(csvSeparator))")
    }
    try document.validateBinary(format.isBinary, format: format.rawValue, fileExtension: format.fileExtension)
  }

  func run() throws {
    let language = languageOptions.language
    let diagnostics = DiagnosticsEngine(language: language)
    let result = try evaluation.evaluate(
      criteria: criteriaOptions.criteria, data: data, diagnostics: diagnostics,
      printDiagnostics: !format.carriesDiagnostics)
    var options = document.reportOptions(language: language, summaryOnly: summary)
    options.csvSeparator = Self.separators[csvSeparator] ?? UInt8(ascii: ";")
    let renderer = format.renderer(options)
    try document.deliver(format: format.rawValue, binary: format.isBinary, diagnostics: diagnostics) {
      () throws(RenderFailure) -> [UInt8] in try renderer.render(result)
    }
    diagnostics.finish()
    if diagnostics.inputUnreadable { throw ExitStatus.unreadableInput }
    if !result.allPass { throw ExitStatus.notAllPass }
  }
}
