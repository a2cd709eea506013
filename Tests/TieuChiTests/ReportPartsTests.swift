import Foundation
import Testing

@testable import TieuChi

/// The CLI writes a report piece by piece (`renderParts`) so that a big batch's document is never copied into
/// one buffer; the library's `render` gives the whole. The two must be the same bytes, with and without a
/// previous round, for every format that splits its document — and for 1,320 communes, more than one chunk.
@Suite("A report written in pieces is the report")
struct ReportPartsTests {
  static func result(baseline: Bool, copies: Int = 1) throws -> CheckResult {
    let criteria = try TestSupport.criteria()
    let current = SurveyLoader.load(paths: [TestSupport.path("Samples/tan-yen-2025")], schema: criteria.schema)
    var batch = current
    if copies > 1 {
      // The same communes under other codes: a batch large enough to span several chunks.
      batch.records = (0..<copies).flatMap { copy in
        current.records.map { record in
          var record = record
          record.code = String(format: "%05d", copy * 100 + (Int(record.code) ?? 0) % 100)
          return record
        }
      }
    }
    let previous =
      baseline
      ? SurveyLoader.load(paths: [TestSupport.path("Samples/tan-yen-2024")], schema: criteria.schema) : nil
    return CheckResult(criteria: criteria, batch: batch, year: 2025, asOf: TestSupport.asOf, baseline: previous)
  }

  static let renderers: [(String, any ReportRenderer)] = [
    ("json", JSONReport(ReportOptions())), ("jsonl", JSONLinesReport(ReportOptions())),
    ("csv", CSVReport(ReportOptions())), ("html", HTMLReport(ReportOptions())), ("text", TextReport(ReportOptions())),
  ]

  @Test(arguments: [(false, 1), (true, 1), (false, 60)])
  func piecesJoinedAreTheDocument(baseline: Bool, copies: Int) throws {
    let result = try Self.result(baseline: baseline, copies: copies)
    for (name, renderer) in Self.renderers {
      let whole = try renderer.render(result)
      let parts = try renderer.renderParts(result)
      #expect(parts.flatMap { $0 } == whole, "\(name)")
      #expect(!whole.isEmpty, "\(name)")
      if copies > 1 && name != "text" { #expect(parts.count > 2, "\(name): \(parts.count) parts") }
    }
  }
}
