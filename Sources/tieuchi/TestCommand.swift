import ArgumentParser
import TieuChi

struct TestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Chạy các ví dụ trong tệp tiêu chí — run the worked examples of criteria files.",
    discussion: """
      Every example (examples: in a criteria file) is evaluated and compared with what it expects. \
      The closing line is "N passed, M failed" in either language, as test runners and CI read it. \
      Exit status: 0 all examples pass; 1 some example fails; 3 some criteria file is invalid.
      """
  )

  @Argument(help: "Criteria files or folders (default: Criteria).")
  var paths: [String] = ["Criteria"]

  @OptionGroup var languageOptions: LanguageOptions

  @Option(
    name: .customLong("as-of"), help: "The day waivers in examples are checked against (default: today in Vietnam).")
  var asOf: String?

  func validate() throws {
    if let asOf, CalendarDate(asOf) == nil {
      throw ValidationError("--as-of must be a date such as 2025-12-31, not \(Diagnostic.quoted(asOf))")
    }
  }

  func run() throws {
    let language = languageOptions.language
    let text = { (vi: String, en: String) in language == .vi ? vi : en }
    let engine = DiagnosticsEngine(language: language, limit: .max)
    let asOf = asOf.flatMap(CalendarDate.init) ?? .today
    var passed = 0
    var failed = 0
    var out = ""
    for file in CriteriaFiles.expand(paths) {
      let (loaded, diagnostics) = CriteriaLoader.load(path: file)
      engine.emit(diagnostics, print: false)
      guard let criteria = loaded else {
        out += "✗ \(file): " + text("tệp tiêu chí không hợp lệ", "invalid criteria file") + "\n"
        out += diagnostics.map { "    " + $0.rendered(in: language) }.joined(separator: "\n") + "\n"
        continue
      }
      let outcomes = ExampleRunner.run(criteria, asOf: asOf)
      out += "\(file) (\(criteria.id)): "
      out += text("\(outcomes.count) ví dụ", "\(outcomes.count) example\(outcomes.count == 1 ? "" : "s")") + "\n"
      if outcomes.isEmpty {
        out += "  ⚠ "
        out +=
          text(
            "không có ví dụ: hãy thêm ví dụ đúng ngưỡng, dưới ngưỡng một bước và khi thiếu dữ liệu",
            "no examples: add some at the thresholds, one step below, and with data missing") + "\n"
      }
      for outcome in outcomes {
        if outcome.passed {
          passed += 1
          out += "  ✓ \(outcome.example.name)\n"
        } else {
          failed += 1
          out += "  ✗ \(outcome.example.name)\n"
          out += outcome.failures.map { "      " + $0.rendered(in: language) }.joined(separator: "\n") + "\n"
        }
      }
    }
    // The closing line test runners and CI recognise, in English whatever the language.
    out += "\(passed) passed, \(failed) failed\n"
    writeStandardOutput(out)
    if engine.errors > 0 { throw ExitStatus.invalidCriteria }
    if failed > 0 { throw ExitStatus.notAllPass }
  }
}
