import Foundation

/// Everything read from the survey files of one run.
public struct SurveyBatch: Sendable {
  /// An empty batch, to be filled by `SurveyLoader`.
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

/// Reads survey files and folders (YAML, JSON, CSV, and XLSX through a `WorkbookReader`) into station records
/// for one criteria set.
///
/// Problems never stop the batch: an unreadable file, a broken record or a bad field is reported with
/// its location and everything else is still read.
public enum SurveyLoader {
  /// The file extensions `load(paths:schema:groupSchema:)` reads from a folder.
  public static let extensions = ["yaml", "yml", "json", "ndjson", "jsonl", "csv", "xlsx"]

  /// Reads survey files already in memory, each in its stated format.
  ///
  /// Files are parsed in parallel. CSV files are joined together (list files onto station files, see
  /// `TableJoin`) before their rows are read; a station-year appearing twice keeps its first record.
  public static func load(_ files: [SurveyFile], schema: InputSchema, groupSchema: InputSchema? = nil) -> SurveyBatch {
    load(files, schema: schema, groupSchema: groupSchema, workbooks: nil)
  }

  /// Reads survey files already in memory; workbooks (`.xlsx`) through `workbooks`, or reported as
  /// unsupported when it is nil. Their sheets are joined with the CSV files' tables.
  package static func load(
    _ files: [SurveyFile], schema: InputSchema, groupSchema: InputSchema? = nil, workbooks: (any WorkbookReader)?
  ) -> SurveyBatch {
    var batch = SurveyBatch()
    batch.files = files.map(\.name)
    read(files, schema: schema, groupSchema: groupSchema, workbooks: workbooks, into: &batch)
    return batch
  }

  /// Expands folders (recursively, sorted) and reads every survey file, its format given by its
  /// extension. A missing path, an empty folder, an unreadable file or an unsupported extension is
  /// reported, and the other files are still read.
  public static func load(paths: [String], schema: InputSchema, groupSchema: InputSchema? = nil) -> SurveyBatch {
    load(paths: paths, schema: schema, groupSchema: groupSchema, workbooks: nil)
  }

  /// `load(paths:schema:groupSchema:)`, reading workbooks through `workbooks`.
  package static func load(
    paths: [String], schema: InputSchema, groupSchema: InputSchema? = nil, workbooks: (any WorkbookReader)?
  ) -> SurveyBatch {
    var batch = SurveyBatch()
    var files: [String] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        batch.diagnostics.append(Messages.noSuchPath(path, nearest: nearestExistingPath(to: path)))
        continue
      }
      if isDirectory.boolValue {
        let (found, skipped) = surveyFiles(in: path)
        if found.isEmpty { batch.diagnostics.append(Messages.emptyFolder(path)) }
        // Files of other kinds in a folder are left out, and said once, so none is skipped in silence.
        if !skipped.isEmpty { batch.diagnostics.append(Messages.skippedFiles(path, skipped)) }
        files += found
      } else {
        files.append(path)
      }
    }
    let contents = files.map { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
    return load(
      files: Array(zip(files, contents)), schema: schema, groupSchema: groupSchema, workbooks: workbooks, into: batch)
  }

  /// Reads files already in memory, named by their paths, their formats given by the paths' extensions
  /// (`nil` contents: the file could not be read). Both problems are reported per file.
  public static func load(
    files: [(path: String, bytes: [UInt8]?)], schema: InputSchema, groupSchema: InputSchema? = nil,
    into batch: SurveyBatch = SurveyBatch()
  ) -> SurveyBatch {
    load(files: files, schema: schema, groupSchema: groupSchema, workbooks: nil, into: batch)
  }

  /// `load(files:schema:groupSchema:into:)`, reading workbooks through `workbooks`.
  package static func load(
    files: [(path: String, bytes: [UInt8]?)], schema: InputSchema, groupSchema: InputSchema? = nil,
    workbooks: (any WorkbookReader)?, into batch: SurveyBatch = SurveyBatch()
  ) -> SurveyBatch {
    var batch = batch
    batch.files += files.map(\.path)
    var surveyFiles: [SurveyFile] = []
    for file in files {
      guard let bytes = file.bytes else {
        // Whatever it held is lost: count one record, so the batch does not look whole.
        batch.diagnostics.append(Messages.unreadableFile(file.path))
        batch.rejected += 1
        continue
      }
      guard let format = SurveyFormat(fileExtension: (file.path as NSString).pathExtension) else {
        batch.diagnostics.append(Messages.unknownFileType(file.path))
        continue
      }
      surveyFiles.append(SurveyFile(name: file.path, format: format, bytes: bytes))
    }
    read(surveyFiles, schema: schema, groupSchema: groupSchema, workbooks: workbooks, into: &batch)
    return batch
  }

  private static func read(
    _ files: [SurveyFile], schema: InputSchema, groupSchema: InputSchema?, workbooks: (any WorkbookReader)?,
    into batch: inout SurveyBatch
  ) {
    let reader = SurveyReader(schema: schema, groupSchema: groupSchema)
    // Parse and read the files in parallel: a whole-country batch is tens of megabytes of YAML.
    var parsed = ParallelMap.map(files) { file -> Parsed in
      let parsedFile: ParsedFile
      switch file.format {
      case .yaml: parsedFile = YAMLReader.read(bytes: file.bytes, file: file.name)
      case .json: parsedFile = JSONReader.read(bytes: file.bytes, file: file.name)
      case .ndjson: parsedFile = JSONReader.readLines(bytes: file.bytes, file: file.name)
      case .csv: return .tables(WorkbookTables(tables: [CSVReader.read(bytes: file.bytes, file: file.name)]))
      case .xlsx:
        guard let workbooks else {
          // Without a reader the workbook's stations are lost: count one, so the batch does not look whole.
          return .tables(WorkbookTables(diagnostics: [Messages.workbookUnsupported(file.name)], lostRecords: 1))
        }
        return .tables(workbooks.read(file))
      }
      // A criteria file given as data: say so once, rather than a station per key it does not know.
      if let first = parsedFile.documents.first, CriteriaDocument.isCriteria(first) {
        return .records(SurveyReader.Output(diagnostics: [Messages.criteriaFileAsData(file.name)]))
      }
      // A syntax error loses the record(s) it breaks: count them, so every input record shows.
      var output = SurveyReader.Output(rejected: parsedFile.lostRecords, diagnostics: parsedFile.diagnostics)
      reader.read(documents: parsedFile.documents, into: &output)
      if output.records.isEmpty, output.groupRecords.isEmpty, output.rejected == 0,
        !output.diagnostics.contains(where: { $0.severity == .error })
      {
        output.diagnostics.append(Messages.noStation(at: SourceLocation(file: file.name)))
      }
      return .records(output)
    }
    var tables: [Table] = []
    for result in parsed {
      switch result {
      case .records(let output): batch.add(output)
      case .tables(let workbook):
        tables += workbook.tables
        batch.diagnostics += workbook.diagnostics
        batch.rejected += workbook.lostRecords
      }
    }
    // Each stage lets go of what the next no longer needs: a 100,000-station batch is gigabytes at peak.
    parsed = []
    if !tables.isEmpty {
      var output = SurveyReader.Output()
      let join = TableJoin(schema: schema, reader: reader)
      let joined = join.stations(from: tables, diagnostics: &output.diagnostics, rejected: &output.rejected)
      tables = []
      batch.add(output)
      // Stations are read on every core, in chunks, and added in their order: the same records and
      // diagnostics in the same order as one by one. Each document is built just before it is read.
      let plan = reader.plan(for: joined)
      let outputs = ParallelMap.map(ranges: joined.stations.count, size: 2048) { range in
        var output = SurveyReader.Output()
        for index in range {
          // Unknown headers were reported once, at the header: not again on every row.
          reader.read(joined: joined, station: index, plan: plan, into: &output)
        }
        return output
      }
      for output in outputs { batch.add(output) }
    }
    batch.rejectDuplicates()
  }

  private enum Parsed: Sendable {
    case records(SurveyReader.Output)
    case tables(WorkbookTables)
  }

  /// The existing file or folder whose name is closest to a path that does not exist: a typo in the last
  /// component ("tan-yen-2025x") is the usual cause.
  static func nearestExistingPath(to path: String) -> String? {
    let name = (path as NSString).lastPathComponent
    let parent = (path as NSString).deletingLastPathComponent
    guard let siblings = try? FileManager.default.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent),
      let nearest = Suggestions.closest(to: name, in: siblings.filter { !$0.hasPrefix(".") }.sorted())
    else { return nil }
    return parent.isEmpty ? nearest : (parent as NSString).appendingPathComponent(nearest)
  }

  /// The survey files under `folder` (recursively, sorted), and the other files left out (hidden files,
  /// Excel's lock files and the generators beside samples excepted: those are not data anyone meant).
  static func surveyFiles(in folder: String) -> (found: [String], skipped: [String]) {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return ([], []) }
    var found: [String] = []
    var skipped: [String] = []
    while let relative = enumerator.nextObject() as? String {
      let name = (relative as NSString).lastPathComponent
      // `~$Xã.xlsx` is the lock file Excel leaves beside a workbook it has open, not a workbook.
      guard !name.hasPrefix("."), !name.hasPrefix("~$") else { continue }
      guard SurveyFormat(fileExtension: (relative as NSString).pathExtension) != nil else {
        var isDirectory: ObjCBool = false
        let path = (folder as NSString).appendingPathComponent(relative)
        let quiet = ["md", "py", "txt"].contains((relative as NSString).pathExtension.lowercased())
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue, !quiet {
          skipped.append(relative)
        }
        continue
      }
      found.append((folder as NSString).appendingPathComponent(relative))
    }
    return (found.sorted(), skipped.sorted())
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
          SurveyLoader.Messages.duplicateStation(
            code: record.code, year: record.year, at: record.location, first: original))
      } else {
        first[key] = record.location
        kept.append(record)
      }
    }
    records = kept
  }
}
