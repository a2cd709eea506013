import ArgumentParser
import TieuChi

struct TestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: cli("Chạy các ví dụ trong tệp tiêu chí.", "Run the worked examples of criteria files."),
    discussion: cli(
      "Mỗi ví dụ (examples: trong tệp tiêu chí) được đánh giá và so với kết quả mong đợi. Dòng cuối \"N passed, M failed\" giữ nguyên tiếng Anh để CI đọc. Mã thoát: 0 mọi ví dụ đúng; 1 có ví dụ sai; 3 có tệp tiêu chí không hợp lệ.",
      "Every example (examples: in a criteria file) is evaluated and compared with what it expects. The closing line \"N passed, M failed\" is the same in both languages, for CI. Exit status: 0 all examples pass; 1 some example fails; 3 some criteria file is invalid."
    )
  )

  @Argument(
    help: help("Tệp hoặc thư mục tiêu chí (mặc định: Criteria).", "Criteria files or folders (default: Criteria)."))
  var paths: [String] = ["Criteria"]

  @OptionGroup var languageOptions: LanguageOptions

  @Option(
    name: .customLong("as-of"),
    help: help(
      "Ngày dùng để xét hạn miễn trừ trong ví dụ (mặc định: hôm nay theo giờ Việt Nam).",
      "The day waivers in examples are checked against (default: today in Vietnam)."))
  var asOf: String?

  func validate() throws {
    if let asOf, CalendarDate(asOf) == nil {
      throw usageError(
        "--as-of phải là một ngày, ví dụ 2025-12-31, không phải \(Diagnostic.quoted(asOf))",
        "--as-of must be a date such as 2025-12-31, not \(Diagnostic.quoted(asOf))")
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
