import TieuChi

/// Survey files in one format, read and checked against two criteria sets of the repository: ct25-2030
/// (lists, a group-level indicator) and qd1300-2030 (numbers, points, a pass rule).
enum SurveyHarness {
  static let sets = [repositoryCriteria("Criteria/ct25-2030.yaml"), repositoryCriteria("Criteria/qd1300-2030.yaml")]

  static func run(_ bytes: [UInt8], format: SurveyFormat) {
    let name = "survey.\(format.rawValue)"
    let bound = format == .csv ? lineCount(bytes) : max(bytes.count, 1)
    check([SurveyFile(name: name, format: format, bytes: bytes)], bound: bound, yamlBreaks: format == .yaml)
  }

  /// CSV files to be joined: the input split at each 0x1E (record separator) byte into a station table and
  /// list tables named for ct25's lists (`stations.csv`, `staff.csv`, `hamlets.csv`, then `extra-N.csv`).
  static func runJoined(_ bytes: [UInt8]) {
    let parts = bytes.split(separator: 0x1E, omittingEmptySubsequences: false).map(Array.init)
    let names = ["stations.csv", "staff.csv", "hamlets.csv"]
    var files: [SurveyFile] = []
    for (index, part) in parts.enumerated() {
      let name = index < names.count ? names[index] : "extra-\(index).csv"
      files.append(SurveyFile(name: name, format: .csv, bytes: part))
    }
    check(files, bound: parts.map(lineCount).reduce(0, +), yamlBreaks: false)
  }

  static func check(_ files: [SurveyFile], bound: Int, yamlBreaks: Bool) {
    let contents = Dictionary(files.map { ($0.name, $0.bytes) }, uniquingKeysWith: { first, _ in first })
    let set = sets[files.map(\.bytes.count).reduce(0, +) % sets.count]
    let checker = Checker(criteria: set, asOf: asOf)
    let result = checker.run(files)
    let batch = result.batch
    if verbose {
      print("\(batch.records.count) records, \(batch.groupRecords.count) group records, \(batch.rejected) rejected")
      for diagnostic in batch.diagnostics { print(diagnostic.rendered(in: .en)) }
    }
    Invariants.countsConsistent(batch, bound: bound)
    let recordProblems = (batch.records + batch.groupRecords).flatMap(\.problems)
    Invariants.locationsInside(batch.diagnostics + recordProblems, files: contents, yamlBreaks: yamlBreaks)
    guard result.communes.count <= batch.records.count else {
      fail("\(result.communes.count) communes from \(batch.records.count) records")
    }
    _ = TextReport(ReportOptions(language: .vi)).render(result)
  }

  /// Lines a CSV reader can find in `bytes`: one more than its line breaks.
  static func lineCount(_ bytes: [UInt8]) -> Int {
    var count = 1
    var previous: UInt8 = 0
    for byte in bytes {
      if byte == 0x0A && previous != 0x0D || byte == 0x0D { count += 1 }
      previous = byte
    }
    return count
  }
}
