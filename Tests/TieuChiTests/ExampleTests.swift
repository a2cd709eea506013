import Foundation
import Testing

@testable import TieuChi

@Suite("Worked examples in criteria files (tieuchi test)")
struct ExampleTests {
  @Test("Every shipped criteria file carries examples, and every example holds")
  func shippedExamples() throws {
    for file in try FileManagerShim.yamlFiles(in: TestSupport.path("Criteria")) {
      let (set, diagnostics) = CriteriaLoader.load(path: file)
      let criteria = try #require(set, "\(diagnostics.map { $0.rendered(in: .en) })")
      #expect(criteria.examples.count >= 2, "\(file) needs examples at its thresholds")
      for outcome in ExampleRunner.run(criteria, asOf: TestSupport.asOf) {
        let failures = outcome.failures.map { $0.rendered(in: .en) }
        #expect(failures.isEmpty, "\(file): \(outcome.example.name)")
      }
    }
  }

  static let yaml = """
    id: example-demo
    title: "Example demo"
    source: {document: ct25-tan-yen, clause: "I.3"}
    inputs: {population: count, insured: count}
    indicators:
      - {id: bhyt, title: "BHYT", measure: insured / population, unit: percent, target: "> 99.5%"}
    examples:
      - name: "wrong on purpose"
        station: {population: 200, insured: 199}
        expect: {bhyt: {status: pass, gap: 3}}
    """

  @Test("A wrong expectation fails, saying expected and actual at the expectation's line")
  func failingExample() throws {
    let (set, _) = TestSupport.criteria(yaml: Self.yaml)
    let criteria = try #require(set)
    let outcome = try #require(ExampleRunner.run(criteria, asOf: TestSupport.asOf).first)
    #expect(!outcome.passed)
    let messages = outcome.failures.map(\.message.en)
    #expect(messages == ["bhyt: expected pass, got fail", "bhyt: expected a gap of 3, got 1"])
    #expect(outcome.failures.first?.location?.line == 10)
  }

  @Test("A misspelt indicator id or status in an example is a load error with a suggestion")
  func typos() throws {
    let indicator = MarkedSource(Self.yaml.replacingOccurrences(of: "expect: {bhyt:", with: "expect: {1️⃣bhty:"))
    let (set, diagnostics) = TestSupport.criteria(yaml: indicator.text)
    #expect(set == nil)
    expectDiagnostics(diagnostics, [ExpectedDiagnostic("criteria.example-unknown-indicator", at: "1️⃣")], in: indicator)
    #expect(diagnostics.first?.hint?.en == "did you mean 'bhyt'?")
    let status = MarkedSource(Self.yaml.replacingOccurrences(of: "status: pass", with: "status: 1️⃣passed"))
    let (set2, diagnostics2) = TestSupport.criteria(yaml: status.text)
    #expect(set2 == nil)
    expectDiagnostics(diagnostics2, [ExpectedDiagnostic("criteria.unknown-outcome", at: "1️⃣")], in: status)
    #expect(diagnostics2.first?.hint?.en == "did you mean 'pass'?")
  }

  @Test("tieuchi test reports like a test runner and exits non-zero on a failing example")
  func command() throws {
    let ok = try CLI.run(["test", "Criteria/ct25-2030.yaml"])
    #expect(ok.status == 0)
    #expect(ok.stdout.hasSuffix(" passed, 0 failed\n"))
    #expect(ok.stdout.contains(" ví dụ\n"))
    // English words with --lang en; the closing line is the one test runners read, in both.
    let english = try CLI.run(["test", "--lang", "en", "Criteria/ct25-2030.yaml"])
    #expect(english.status == 0)
    #expect(english.stdout.contains(" examples\n"))
    #expect(english.stdout.hasSuffix(" passed, 0 failed\n"))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tieuchi-test-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try Data(Self.yaml.utf8).write(to: URL(fileURLWithPath: folder + "/demo.yaml"))
    let failing = try CLI.run(["test", folder])
    #expect(failing.status == 1)
    #expect(failing.stdout.contains("✗ wrong on purpose"))
    #expect(failing.stdout.contains("demo.yaml:10:"))
    #expect(failing.stdout.hasSuffix("0 passed, 1 failed\n"))
  }
}
