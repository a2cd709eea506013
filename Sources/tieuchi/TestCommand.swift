import ArgumentParser
import TieuChi

struct TestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Chạy các ví dụ trong tệp tiêu chí — run the worked examples of criteria files.",
    discussion: """
      Every example (examples: in a criteria file) is evaluated and compared with what it expects. \
      Exit status: 0 all examples pass; 1 some example fails; 3 some criteria file is invalid.
      """
  )

  @Argument(help: "Criteria files or folders (default: Criteria).")
  var paths: [String] = ["Criteria"]

  func run() throws {
    var passed = 0
    var failed = 0
    var invalid = 0
    var out = ""
    for file in CriteriaFiles.expand(paths) {
      let (loaded, diagnostics) = CriteriaLoader.load(path: file)
      guard let criteria = loaded else {
        invalid += 1
        out += "✗ \(file): invalid criteria file\n"
        out += diagnostics.map { "    " + $0.rendered(in: .en) }.joined(separator: "\n") + "\n"
        continue
      }
      let outcomes = ExampleRunner.run(criteria)
      out += "\(file) (\(criteria.id)): \(outcomes.count) example\(outcomes.count == 1 ? "" : "s")\n"
      if outcomes.isEmpty { out += "  ⚠ no examples: add some at the thresholds, one step below, and with data missing\n" }
      for outcome in outcomes {
        if outcome.passed {
          passed += 1
          out += "  ✓ \(outcome.example.name)\n"
        } else {
          failed += 1
          out += "  ✗ \(outcome.example.name)\n"
          out += outcome.failures.map { "      " + $0.rendered(in: .en) }.joined(separator: "\n") + "\n"
        }
      }
    }
    // The closing line test runners and CI recognise.
    out += "\(passed) passed, \(failed) failed\n"
    writeStandardOutput(out)
    if invalid > 0 { throw ExitStatus.invalidCriteria }
    if failed > 0 { throw ExitStatus.notAllPass }
  }
}
