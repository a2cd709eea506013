import Foundation
import Testing

@testable import TieuChi

/// Inputs the fuzzers of `Fuzz/` found (see Fuzz/README.md), each reduced to what it needs.
@Suite("Inputs found by fuzzing")
struct FuzzRegressionTests {
  @Test(
    "An error in an expression written over several lines points at the expression, inside the file",
    arguments: [
      "measure: >-\n      insured /\n      population: 1",
      "measure: |\n      insured\n      / population ^",
      "measure: insured\n      / population ^",
      "measure: \"insured\n      / population ^\"",
    ])
  func multilineExpressionLocation(measure: String) {
    let yaml = CriteriaLoaderTests.valid.replacingOccurrences(of: "measure: insured / population", with: measure)
    let (set, diagnostics) = TestSupport.criteria(yaml: yaml, file: "folded.yaml")
    #expect(set == nil)
    let error = diagnostics.first { $0.id.rawValue.hasPrefix("expression.") }
    #expect(
      error?.location == SourceLocation(file: "folded.yaml", line: position(of: measure, in: yaml).line, column: 14))
    ReaderInvariants.expectLocationsInside(diagnostics, file: "folded.yaml", bytes: Array(yaml.utf8), yamlBreaks: true)
  }
}
