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

  @Option(name: .customLong("lang"), help: "Message language: vi (default) or en.")
  var language: Language = .vi

  @Argument(help: "Criteria files (.yaml) or folders of them.")
  var files: [String] = []

  func validate() throws {
    guard !files.isEmpty else { throw ValidationError("give at least one criteria file or folder, e.g. Criteria") }
  }

  func run() throws {
    var diagnostics: [Diagnostic] = []
    var sets: [CriteriaSet] = []
    for file in CriteriaFiles.expand(files) {
      let (set, found) = CriteriaLoader.load(path: file)
      diagnostics += found
      if let set { sets.append(set) }
    }
    diagnostics += CriteriaLinter.lint(sets)
    var output = diagnostics.map { $0.rendered(in: language) }.joined(separator: "\n")
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    output += output.isEmpty ? "" : "\n"
    output +=
      language == .vi
      ? "\(sets.count) bộ tiêu chí hợp lệ; \(errors) lỗi, \(warnings) cảnh báo\n"
      : "\(sets.count) valid criteria sets; \(errors) errors, \(warnings) warnings\n"
    writeStandardOutput(output)
    if errors > 0 { throw ExitStatus.invalidCriteria }
    if warnings > 0 { throw ExitStatus.notAllPass }
  }
}
