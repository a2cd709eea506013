import Testing

@testable import TieuChi

/// Invariants every reader must keep on any input, however broken: checked by the fuzz-style tests.
enum ReaderInvariants {
  /// The number of Unicode scalars on each line of `bytes` (lines split the way the reader counts them),
  /// counting every byte that is not a UTF-8 continuation byte as one scalar, as the readers do.
  static func lineLengths(_ bytes: [UInt8], yamlBreaks: Bool) -> [Int] {
    var lengths = [0]
    var offset = 0
    // A UTF-8 byte order mark takes no column.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte == 0x0A || byte == 0x0D {
        if byte == 0x0D, offset + 1 < bytes.count, bytes[offset + 1] == 0x0A { offset += 1 }
        lengths.append(0)
      } else if yamlBreaks, byte == 0xC2, offset + 1 < bytes.count, bytes[offset + 1] == 0x85 {
        offset += 1
        lengths.append(0)
      } else if yamlBreaks, byte == 0xE2, offset + 2 < bytes.count, bytes[offset + 1] == 0x80,
        bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9
      {
        offset += 2
        lengths.append(0)
      } else if byte & 0xC0 != 0x80 {
        lengths[lengths.count - 1] += 1
      }
      offset += 1
    }
    return lengths
  }

  /// Every diagnostic, and every note, names `file` and lies inside it: a whole-file location, or a line
  /// of the input and a column from 0 (the whole line) to one past the line's last character.
  static func expectLocationsInside(
    _ diagnostics: [Diagnostic], file: String, bytes: [UInt8], yamlBreaks: Bool = false,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let lengths = lineLengths(bytes, yamlBreaks: yamlBreaks)
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
