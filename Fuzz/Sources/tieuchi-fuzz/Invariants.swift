import TieuChi

/// Checks every fuzzer must make besides "no crash".
enum Invariants {
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
        if lengths[location.file] == nil { lengths[location.file] = LineLengths.of(bytes, yamlBreaks: yamlBreaks) }
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
