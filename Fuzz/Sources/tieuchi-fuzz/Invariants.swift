import TieuChi

/// Checks every fuzzer must make besides "no crash".
enum Invariants {
  /// The number of Unicode scalars on each line of `bytes`, lines split as the readers split them (LF, CR,
  /// CRLF; with `yamlBreaks` also NEL, LS and PS), a UTF-8 byte order mark taking no column.
  /// UTF-16 with a byte order mark is measured as the readers read it, transcoded: its lines and columns are
  /// its characters, not its bytes.
  static func lineLengths(_ bytes: [UInt8], yamlBreaks: Bool) -> [Int] {
    let bytes = transcodedUTF16(bytes) ?? bytes
    var lengths = [0]
    var offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
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

  /// The UTF-8 form of well-formed UTF-16 with a byte order mark, without the mark; nil for anything else.
  static func transcodedUTF16(_ bytes: [UInt8]) -> [UInt8]? {
    guard bytes.count >= 2, bytes.count % 2 == 0 else { return nil }
    let bigEndian: Bool
    switch (bytes[0], bytes[1]) {
    case (0xFE, 0xFF): bigEndian = true
    case (0xFF, 0xFE): bigEndian = false
    default: return nil
    }
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var offset = 2
    while offset + 1 < bytes.count {
      let high = UInt16(bytes[bigEndian ? offset : offset + 1])
      let low = UInt16(bytes[bigEndian ? offset + 1 : offset])
      units.append(high << 8 | low)
      offset += 2
    }
    return String(validating: units, as: UTF16.self).map { Array($0.utf8) }
  }

  /// Every diagnostic and note names one of `files` and lies inside it: the whole file (line 0), or a line
  /// from 1 to one past the last line, and a column from 0 (the whole line) to one past the line's end.
  /// Every message renders in both languages.
  static func locationsInside(_ diagnostics: [Diagnostic], files: [String: [UInt8]], yamlBreaks: Bool) {
    var lengths: [String: [Int]] = [:]
    for diagnostic in diagnostics {
      for language in Language.allCases { _ = diagnostic.rendered(in: language) }
      for location in [diagnostic.location] + diagnostic.notes.map(\.location) {
        guard let location else { continue }
        let where_ = "\(location) in [\(diagnostic.id)] \(diagnostic.rendered(in: .en))"
        guard let bytes = files[location.file] else { fail("location in an unknown file: \(where_)") }
        if location.line == 0 {
          if location.column != 0 { fail("whole-file location with a column: \(where_)") }
          continue
        }
        if lengths[location.file] == nil { lengths[location.file] = lineLengths(bytes, yamlBreaks: yamlBreaks) }
        let lines = lengths[location.file]!
        guard location.line >= 1, location.line <= lines.count + 1 else {
          fail("line outside the input (\(lines.count) lines): \(where_)")
        }
        let length = location.line <= lines.count ? lines[location.line - 1] : 0
        guard location.column >= 0, location.column <= length + 1 else {
          fail("column outside line \(location.line) (\(length) characters): \(where_)")
        }
      }
    }
  }

  /// Every record read is counted once, and no more records come out than the input could hold: at most one
  /// per byte for YAML and JSON (a record is at least one character, an alias or a scalar), one per line of a
  /// station table for CSV.
  static func countsConsistent(_ batch: SurveyBatch, bound: Int) {
    let records = batch.records.count
    let groups = batch.groupRecords.count
    guard batch.rejected >= 0 else { fail("negative rejected count \(batch.rejected)") }
    let total = records + groups + batch.rejected
    guard total <= bound else {
      fail("\(records) records + \(groups) group records + \(batch.rejected) rejected > \(bound) possible")
    }
    for record in batch.records + batch.groupRecords {
      guard batch.files.contains(record.location.file) else { fail("record from an unknown file: \(record.location)") }
    }
  }
}
