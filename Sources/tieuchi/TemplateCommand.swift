import ArgumentParser
import Foundation
import TieuChi
import TieuChiDocuments

struct TemplateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "In phiếu số liệu trống cho một bộ tiêu chí — print a blank survey form for a criteria set.",
    discussion: """
      yaml: a commented form with every input, its label, unit and type. csv: the header of the stations \
      file in labels that read back (';', UTF-8 with BOM); --list NAME gives the header of that list's file \
      (save it as NAME.csv beside the stations file). xlsx: a fillable workbook (--output FILE.xlsx) with a \
      sheet of stations, one sheet per list, drop-down lists and an instructions sheet; --communes FILE.csv \
      (columns code,name) lists the communes beforehand. Filled-in forms are read by tieuchi check.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case yaml, csv, xlsx
  }

  @OptionGroup var criteriaOptions: CriteriaOptions

  @Option(name: .long, help: "yaml (default), csv or xlsx.")
  var format: Format = .yaml

  @Option(name: .long, help: "csv: the list input (e.g. staff) whose file to print.")
  var list: String?

  @Option(name: .long, help: "xlsx: a CSV list of communes (columns code,name) to fill in beforehand.")
  var communes: String?

  @Option(name: .long, help: "Write the form to this file (required for xlsx) instead of standard output.")
  var output: String?

  @OptionGroup var languageOptions: LanguageOptions

  func validate() throws {
    if list != nil && format != .csv { throw ValidationError("--list goes with --format csv") }
    if communes != nil && format != .xlsx { throw ValidationError("--communes goes with --format xlsx") }
    if format == .xlsx && output == nil && isatty(STDOUT_FILENO) != 0 {
      throw ValidationError("--format xlsx writes a binary file: add --output FILE.xlsx")
    }
  }

  func run() throws {
    let language = languageOptions.language
    let diagnostics = DiagnosticsEngine(language: language)
    defer { diagnostics.finish() }
    let set = try loadCriteria(criteriaOptions.criteria, diagnostics: diagnostics)
    let bytes: [UInt8]
    switch format {
    case .yaml:
      bytes = Array(SurveyTemplate.yaml(set, language: language).utf8)
    case .csv:
      switch SurveyTemplate.csv(set, language: language, list: list) {
      case .success(let text): bytes = Array(text.utf8)
      case .failure(let diagnostic):
        diagnostics.emit([diagnostic])
        throw ExitStatus.usage
      }
    case .xlsx:
      var listed: [SurveyWorkbookTemplate.Commune] = []
      if let communes {
        guard let data = FileManager.default.contents(atPath: communes) else {
          diagnostics.emit([SurveyWorkbookTemplate.Messages.communesUnreadable(communes)])
          throw ExitStatus.unreadableInput
        }
        let read = SurveyWorkbookTemplate.communes(csv: [UInt8](data), file: communes)
        diagnostics.emit(read.problems)
        if read.problems.contains(where: { $0.severity == .error }) { throw ExitStatus.unreadableInput }
        listed = read.communes
      }
      do {
        bytes = try SurveyWorkbookTemplate.data(set, language: language, communes: listed)
      } catch {
        diagnostics.emit([.cannotRender(LocalizedText(vi: "\(error)", en: "\(error)"))])
        throw ExitStatus.cannotWrite
      }
    }
    do {
      try OutputFile.write(bytes, to: output, binary: format == .xlsx, format: format.rawValue)
    } catch OutputFile.Failure.binaryToTerminal(let format) {
      diagnostics.emit([.binaryToTerminal(format)])
      throw ExitStatus.usage
    } catch OutputFile.Failure.cannotWrite(let path, let reason) {
      diagnostics.emit([.cannotWriteOutput(path, reason: reason)])
      throw ExitStatus.cannotWrite
    }
  }
}
