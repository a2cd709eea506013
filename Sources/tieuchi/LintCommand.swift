import ArgumentParser
import TieuChi

struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Kiểm tra tệp tiêu chí — check criteria files for errors and likely mistakes.",
    discussion: """
      Reports everything the loader rejects, plus criteria points that do not add up, thresholds that can \
      never be met, milestones that loosen over time, unused inputs, and contradictory targets for the same \
      measure across the files given together. Output: file:line:column: severity: message.
      Exit status: 0 clean; 1 warnings only; 3 some file is invalid.
      """
  )

  @OptionGroup var languageOptions: LanguageOptions

  @Argument(help: "Criteria files (.yaml) or folders of them.")
  var files: [String] = []

  func validate() throws {
    guard !files.isEmpty else { throw ValidationError("give at least one criteria file or folder, e.g. Criteria") }
  }

  func run() throws {
    let language = languageOptions.language
    let engine = DiagnosticsEngine(language: language, limit: .max)
    var diagnostics: [Diagnostic] = []
    var sets: [CriteriaSet] = []
    for file in CriteriaFiles.expand(files) {
      let (set, found) = CriteriaLoader.load(path: file)
      diagnostics += found
      if let set { sets.append(set) }
    }
    diagnostics += CriteriaLinter.lint(sets)
    // Lint's findings are its output, on standard output; the engine only counts them.
    engine.emit(diagnostics, print: false)
    let errors = engine.errors
    let warnings = engine.warnings
    var output = diagnostics.map { $0.rendered(in: language) + "\n" }.joined()
    output +=
      language == .vi
      ? "\(sets.count) bộ tiêu chí hợp lệ; \(errors) lỗi, \(warnings) cảnh báo\n"
      : "\(sets.count) valid criteria sets; \(errors) errors, \(warnings) warnings\n"
    writeStandardOutput(output)
    if errors > 0 { throw ExitStatus.invalidCriteria }
    if warnings > 0 { throw ExitStatus.notAllPass }
  }
}
