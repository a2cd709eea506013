import Testing

@testable import TieuChi

/// Inline input with position markers (1️⃣, 2️⃣, …) where diagnostics are expected, in the manner of
/// swift-syntax's parser tests: the markers are removed, and each remembers its line and column
/// (1-based, columns in Unicode scalars, as `SourceLocation` counts them).
struct MarkedSource {
  static let markerSymbols = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"]

  /// The input without its markers.
  let text: String
  /// Marker → its position in `text`.
  let positions: [String: (line: Int, column: Int)]

  init(_ marked: String) {
    var text = ""
    var positions: [String: (line: Int, column: Int)] = [:]
    var line = 1
    var column = 1
    var rest = Substring(marked)
    scan: while let first = rest.first {
      for marker in Self.markerSymbols where rest.hasPrefix(marker) {
        positions[marker] = (line, column)
        rest = rest.dropFirst(marker.count)
        continue scan
      }
      text.append(first)
      if first == "\n" {
        line += 1
        column = 1
      } else {
        column += first.unicodeScalars.count
      }
      rest = rest.dropFirst()
    }
    self.text = text
    self.positions = positions
  }

  var bytes: [UInt8] { Array(text.utf8) }
}

/// One expected diagnostic: its id, and the marker it must be at (nil: anywhere, or no location).
struct ExpectedDiagnostic: CustomStringConvertible {
  var id: DiagnosticID
  var marker: String?
  var severity: Diagnostic.Severity?

  init(_ id: DiagnosticID, at marker: String? = nil, severity: Diagnostic.Severity? = nil) {
    self.id = id
    self.marker = marker
    self.severity = severity
  }

  var description: String { "\(id)" + (marker.map { " at \($0)" } ?? "") }
}

/// Checks that `diagnostics` are exactly `expected` (in order), each at its marker's line and column.
func expectDiagnostics(
  _ diagnostics: [Diagnostic], _ expected: [ExpectedDiagnostic], in source: MarkedSource,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  let rendered = diagnostics.map { "\($0.id) \($0.rendered(in: .en))" }.joined(separator: "\n")
  #expect(
    diagnostics.map(\.id) == expected.map(\.id), "expected \(expected), got:\n\(rendered)",
    sourceLocation: sourceLocation)
  for (diagnostic, expectation) in zip(diagnostics, expected) {
    if let severity = expectation.severity {
      #expect(diagnostic.severity == severity, "\(diagnostic.id)", sourceLocation: sourceLocation)
    }
    guard let marker = expectation.marker else { continue }
    guard let position = source.positions[marker] else {
      Issue.record("no marker \(marker) in the source", sourceLocation: sourceLocation)
      continue
    }
    #expect(
      diagnostic.location?.line == position.line && diagnostic.location?.column == position.column,
      "\(diagnostic.id) at \(diagnostic.location.map(String.init(describing:)) ?? "nil"), expected \(marker) \(position.line):\(position.column)",
      sourceLocation: sourceLocation)
  }
}
