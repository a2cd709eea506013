import Testing

@testable import TieuChi

/// A YAML stream of many documents and a JSON Lines file of many lines are parsed in runs on every core; what
/// comes out must be what one pass gives: the documents in file order, each error where it is in the file, and
/// every lost record counted. The oracle for an error's position is the broken piece read on its own, shifted
/// by the lines before it.
@Suite("Parsing in runs on every core")
struct ParallelParseTests {
  /// Broken pieces in the first run, in the middle of later runs, and at the very end.
  static let broken: Set<Int> = [5, 300, 301, 650, 699]
  static let count = 700

  static func yamlDocument(_ index: Int) -> String {
    Self.broken.contains(index)
      ? "---\ncode: \"C\(index)\"\nvalue: [1, 2\n" : "---\ncode: \"C\(index)\"\nvalue: \(index)\n"
  }

  static func jsonLine(_ index: Int) -> String {
    Self.broken.contains(index) ? #"{"code": "C\#(index)", "value": }"# : #"{"code": "C\#(index)", "value": \#(index)}"#
  }

  @Test func yamlDocumentsInRunsKeepFileOrderAndPositions() throws {
    let documents = (0..<Self.count).map(Self.yamlDocument)
    let parsed = YAMLReader.read(bytes: Array(documents.joined().utf8), file: "t.yaml")
    try Self.expect(
      parsed, file: "t.yaml", line: { 3 * $0 + 1 },
      alone: { YAMLReader.read(bytes: Array(Self.yamlDocument($0).utf8), file: "t.yaml") })
  }

  @Test func jsonLinesInRunsKeepFileOrderAndPositions() throws {
    let lines = (0..<Self.count).map(Self.jsonLine)
    // A blank line and CRLF endings: line numbers count every line, blank or not.
    let text = lines[0..<10].joined(separator: "\n") + "\n\n" + lines[10...].joined(separator: "\r\n") + "\n"
    let parsed = JSONReader.readLines(bytes: Array(text.utf8), file: "t.jsonl")
    try Self.expect(
      parsed, file: "t.jsonl", line: { $0 < 10 ? $0 + 1 : $0 + 2 },
      alone: { JSONReader.readLines(bytes: Array(Self.jsonLine($0).utf8), file: "t.jsonl") })
  }

  /// The good pieces' codes in order, every broken one counted as lost, and each error where the broken piece read
  /// alone puts it, shifted to the line the piece starts on in the file (`line(index)`, 1-based).
  static func expect(
    _ parsed: ParsedFile, file: String, line: (Int) -> Int, alone: (Int) -> ParsedFile
  ) throws {
    #expect(
      parsed.documents.map { $0["code"]?.scalarText }
        == (0..<Self.count).filter { !Self.broken.contains($0) }.map { "C\($0)" })
    #expect(parsed.lostRecords == Self.broken.count)
    var expected: [TieuChi.SourceLocation?] = []
    for index in Self.broken.sorted() {
      let location = try #require(alone(index).diagnostics.first?.location)
      expected.append(
        TieuChi.SourceLocation(file: file, line: location.line + line(index) - 1, column: location.column))
    }
    #expect(parsed.diagnostics.map(\.location) == expected)
  }
}
