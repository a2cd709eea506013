import ArgumentParser
import TieuChi

struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: cli(
      "Kiểm tra tệp tiêu chí: lỗi và những chỗ có thể nhầm.", "Check criteria files for errors and likely mistakes."),
    discussion: cli(
      "Báo mọi lỗi khi nạp tệp, cùng điểm không khớp, ngưỡng không thể đạt, mốc lỏng dần, đầu vào không dùng, mục tiêu mâu thuẫn giữa các tệp. Mã thoát: 0 sạch; 1 chỉ có cảnh báo; 3 có tệp không hợp lệ.",
      "Reports everything the loader rejects, plus points that do not add up, thresholds that can never be met, milestones that loosen, unused inputs and contradictory targets across files. Exit status: 0 clean; 1 warnings only; 3 some file is invalid."
    )
  )

  @OptionGroup var languageOptions: LanguageOptions

  @Argument(help: help("Tệp tiêu chí (.yaml) hoặc thư mục chứa chúng.", "Criteria files (.yaml) or folders of them."))
  var files: [String] = []

  func validate() throws {
    guard !files.isEmpty else {
      throw usageError(
        "hãy đưa ít nhất một tệp hoặc thư mục tiêu chí, ví dụ Criteria",
        "give at least one criteria file or folder, e.g. Criteria")
    }
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
