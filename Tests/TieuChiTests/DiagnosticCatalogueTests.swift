import Foundation
import Testing

/// The diagnostic ids are the stable contract scripts and tests rely on: each is written once, in its
/// domain's catalogue, as `domain.kebab-name`.
@Suite("Diagnostic catalogue")
struct DiagnosticCatalogueTests {
  static let domains = [
    "criteria", "expression", "lint", "yaml", "json", "csv", "survey", "evaluation", "example",
    "template", "cli", "workbook",
  ]

  /// Every id literal in the sources, with the files it appears in.
  static func idLiterals() throws -> [String: [String]] {
    let pattern = try NSRegularExpression(pattern: "\"(\(domains.joined(separator: "|")))\\.[a-z0-9-]+\"")
    var found: [String: [String]] = [:]
    let root = TestSupport.path("Sources")
    let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
    for file in files where file.hasSuffix(".swift") {
      let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
      for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        guard let range = Range(match.range, in: text) else { continue }
        found[String(text[range].dropFirst().dropLast()), default: []].append(file)
      }
    }
    return found
  }

  @Test("Each id is declared once, in a catalogue file")
  func declaredOnce() throws {
    let ids = try Self.idLiterals()
    #expect(ids.count > 100, "the catalogues hold \(ids.count) ids")
    for (id, files) in ids {
      #expect(files.count == 1, "\(id) is written in \(files)")
      #expect(files.allSatisfy { $0.hasSuffix("+Messages.swift") }, "\(id) is declared outside a catalogue: \(files)")
    }
  }
}
