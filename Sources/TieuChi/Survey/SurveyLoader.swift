import Foundation

/// Everything read from the survey files of one run.
public struct SurveyBatch: Sendable {
  public init() {}

  /// Readable station records, in file order.
  public var records: [StationRecord] = []
  /// Records that could not be evaluated at all (broken YAML document, no code, duplicate…).
  public var rejected = 0
  /// Groups' own records (`level: group`): district or province figures for group-level indicators.
  public var groupRecords: [StationRecord] = []
  /// Every problem found, files and records and fields, errors and warnings.
  public var diagnostics: [Diagnostic] = []
  /// The files read, in order.
  public var files: [String] = []
}

/// Reads survey files and folders (YAML, JSON, CSV) into station records for one criteria set.
///
/// Problems never stop the batch: an unreadable file, a broken record or a bad field is reported with
/// its location and everything else is still read.
public enum SurveyLoader {
  public static let extensions = ["yaml", "yml", "json", "csv"]

  /// Expands folders (recursively, sorted) and reads every survey file.
  public static func load(paths: [String], schema: InputSchema, groupSchema: InputSchema? = nil) -> SurveyBatch {
    var batch = SurveyBatch()
    var files: [String] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        batch.diagnostics.append(fileError(path, LocalizedText(vi: "không có tệp hoặc thư mục này", en: "no such file or folder")))
        continue
      }
      if isDirectory.boolValue {
        let found = surveyFiles(in: path)
        if found.isEmpty {
          batch.diagnostics.append(
            Diagnostic(
              .warning, at: SourceLocation(file: path, line: 0, column: 0),
              LocalizedText(vi: "thư mục không có tệp .yaml, .json hay .csv nào", en: "the folder holds no .yaml, .json or .csv file")))
        }
        files += found
      } else {
        files.append(path)
      }
    }
    batch.files = files
    let contents = files.map { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
    return load(files: Array(zip(files, contents)), schema: schema, groupSchema: groupSchema, into: batch)
  }

  /// Reads files already in memory (`nil` contents: the file could not be read).
  public static func load(
    files: [(path: String, bytes: [UInt8]?)], schema: InputSchema, groupSchema: InputSchema? = nil,
    into batch: SurveyBatch = SurveyBatch()
  ) -> SurveyBatch {
    var batch = batch
    let reader = SurveyReader(schema: schema, groupSchema: groupSchema)
    var tables: [CSVTable] = []
    // Parse and read the files in parallel: a whole-country batch is tens of megabytes of YAML.
    let parsed = ParallelMap.map(files) { file -> Parsed in
      guard let bytes = file.bytes else { return .unreadable }
      let parsedFile: ParsedFile
      switch (file.path as NSString).pathExtension.lowercased() {
      case "yaml", "yml": parsedFile = YAMLReader.read(bytes: bytes, file: file.path)
      case "json": parsedFile = JSONReader.read(bytes: bytes, file: file.path)
      case "csv": return .table(CSVReader.read(bytes: bytes, file: file.path))
      default: return .unsupported
      }
      // A syntax error loses the record(s) it breaks: count them, so every input record shows.
      var output = SurveyReader.Output(rejected: parsedFile.lostRecords, diagnostics: parsedFile.diagnostics)
      for document in parsedFile.documents { reader.read(document: document, into: &output) }
      return .records(output)
    }
    for (file, result) in zip(files, parsed) {
      switch result {
      case .unreadable:
        batch.diagnostics.append(fileError(file.path, LocalizedText(vi: "không đọc được tệp", en: "cannot read the file")))
      case .unsupported:
        batch.diagnostics.append(
          fileError(
            file.path,
            LocalizedText(
              vi: "không biết đọc loại tệp này; dùng .yaml, .yml, .json hoặc .csv",
              en: "unsupported file type; use .yaml, .yml, .json or .csv")))
      case .records(let output):
        batch.add(output)
      case .table(let table):
        tables.append(table)
      }
    }
    if !tables.isEmpty {
      var output = SurveyReader.Output()
      for document in CSVJoin(schema: schema, reader: reader).stations(from: tables, diagnostics: &output.diagnostics, rejected: &output.rejected) {
        reader.read(document: document, into: &output)
      }
      batch.add(output)
    }
    batch.rejectDuplicates()
    return batch
  }

  private enum Parsed: Sendable {
    case unreadable
    case unsupported
    case records(SurveyReader.Output)
    case table(CSVTable)
  }

  static func surveyFiles(in folder: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    var found: [String] = []
    while let relative = enumerator.nextObject() as? String {
      let name = (relative as NSString).lastPathComponent
      guard !name.hasPrefix("."), extensions.contains((relative as NSString).pathExtension.lowercased()) else { continue }
      found.append((folder as NSString).appendingPathComponent(relative))
    }
    return found.sorted()
  }

  static func fileError(_ path: String, _ message: LocalizedText) -> Diagnostic {
    Diagnostic(at: SourceLocation(file: path, line: 0, column: 0), message)
  }
}

extension SurveyBatch {
  mutating func add(_ output: SurveyReader.Output) {
    records += output.records
    groupRecords += output.groupRecords
    rejected += output.rejected
    diagnostics += output.diagnostics
  }

  /// A station-year may appear once: later copies are rejected, naming the first.
  mutating func rejectDuplicates() {
    var first: [String: SourceLocation] = [:]
    var kept: [StationRecord] = []
    kept.reserveCapacity(records.count)
    for record in records {
      let key = "\(record.code)|\(record.year.map(String.init) ?? "")"
      if let original = first[key] {
        rejected += 1
        diagnostics.append(
          Diagnostic(
            at: record.location,
            LocalizedText(
              vi: "mã xã \(record.code)\(record.year.map { " năm \($0)" } ?? "") đã có ở \(original); bản ghi này bị bỏ qua",
              en: "commune code \(record.code)\(record.year.map { " for \($0)" } ?? "") already appears at \(original); this record is skipped")))
      } else {
        first[key] = record.location
        kept.append(record)
      }
    }
    records = kept
  }
}
