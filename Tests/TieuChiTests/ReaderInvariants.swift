import Testing

@testable import TieuChi

/// Invariants every reader must keep on any input, however broken: checked by the fuzz-style tests.
enum ReaderInvariants {
  /// Every diagnostic, and every note, names `file` and lies inside it: a whole-file location, or a line
  /// of the input and a column from 0 (the whole line) to one past the line's last character.
  static func expectLocationsInside(
    _ diagnostics: [Diagnostic], file: String, bytes: [UInt8], yamlBreaks: Bool = false,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let lengths = LineLengths.of(bytes, yamlBreaks: yamlBreaks)
    let locations = diagnostics.flatMap { [$0.location] + $0.notes.map(\.location) }
    for (index, location) in locations.enumerated() {
      guard let location else {
        Issue.record("diagnostic without a location: \(diagnostics.map { $0.rendered(in: .en) })")
        continue
      }
      let context = "\(location) in \(bytes) (\(index))"
      #expect(location.file == file, "\(context)", sourceLocation: sourceLocation)
      if location.isWholeFile { continue }
      #expect(location.line >= 1 && location.line <= lengths.count, "\(context)", sourceLocation: sourceLocation)
      guard location.line >= 1 && location.line <= lengths.count else { continue }
      #expect(
        location.column >= 0 && location.column <= lengths[location.line - 1] + 1, "\(context)",
        sourceLocation: sourceLocation)
    }
  }

  /// `count` random pieces, drawn with `generator`.
  static func pieces<G: RandomNumberGenerator>(_ pieces: [[UInt8]], count: Int, using generator: inout G) -> [UInt8] {
    var bytes: [UInt8] = []
    for _ in 0..<count { bytes += pieces[Int(generator.next() % UInt64(pieces.count))] }
    return bytes
  }

  /// The station schema of the national criteria, for reading generated records.
  static let schema: InputSchema = {
    let (set, _) = CriteriaLoader.load(path: TestSupport.path("Criteria/ct25-2030.yaml"))
    return set!.schema
  }()
}
