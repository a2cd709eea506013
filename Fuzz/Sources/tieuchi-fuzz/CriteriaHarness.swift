import TieuChi

/// A criteria file: loaded (parsed, type-checked), and when it loads, linted, its worked examples run, and its
/// blank survey form filled in by nobody and checked, so that a set the loader accepts is also evaluated.
enum CriteriaHarness {
  static func run(_ bytes: [UInt8]) {
    if Nesting.tooDeep(bytes) { return }
    let name = "criteria.yaml"
    let (set, diagnostics) = CriteriaLoader.load(bytes: bytes, file: name)
    Invariants.locationsInside(diagnostics, files: [name: bytes], yamlBreaks: true)
    guard let set else {
      guard diagnostics.contains(where: { $0.severity == .error }) else { fail("no set and no error") }
      return
    }
    Invariants.locationsInside(CriteriaLinter.lint([set]), files: [name: bytes], yamlBreaks: true)
    for outcome in ExampleRunner.run(set, asOf: asOf) {
      Invariants.locationsInside(outcome.failures, files: [name: bytes], yamlBreaks: true)
    }
    let form = Array(SurveyTemplate.yaml(set, language: .vi).utf8)
    let result = Checker(criteria: set, asOf: asOf).run([SurveyFile(name: "form.yaml", format: .yaml, bytes: form)])
    _ = TextReport(ReportOptions(language: .en)).render(result)
  }
}
