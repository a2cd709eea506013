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
    var (files, batch) = surveyFiles(paths: paths)
    read(files, schema: schema, groupSchema: groupSchema, workbooks: workbooks, into: &batch)
    return batch
  }

  /// The survey files `paths` name (folders expanded, recursively, sorted), read into memory (CSV files opened,
  /// to be read when needed), each with its format; and a batch with what could not be: a missing path, an
  /// empty folder, an unreadable file or an unsupported extension, each reported, and every file's name.
  package static func surveyFiles(paths: [String]) -> (files: [SurveyFile], batch: SurveyBatch) {
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
    // A CSV file stays on disk until read: a batch of them may be read a piece at a time.
    let contents = files.map { path -> ByteSource? in
      if SurveyFormat(fileExtension: (path as NSString).pathExtension) == .csv { return ByteSource.file(at: path) }
      return FileManager.default.contents(atPath: path).map { .memory([UInt8]($0)) }
    }
    return surveyFiles(Array(zip(files, contents)), into: batch)
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
    var (surveyFiles, batch) = surveyFiles(files.map { ($0.path, $0.bytes.map(ByteSource.memory)) }, into: batch)
    read(surveyFiles, schema: schema, groupSchema: groupSchema, workbooks: workbooks, into: &batch)
    return batch
  }

  /// Files in memory or still on disk as survey files, their formats given by their paths' extensions; `batch`
  /// with their names and what could not be taken (`nil` contents: unreadable; an unknown extension).
  static func surveyFiles(
    _ files: [(path: String, bytes: ByteSource?)], into batch: SurveyBatch
  ) -> (files: [SurveyFile], batch: SurveyBatch) {
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
      surveyFiles.append(SurveyFile(name: file.path, format: format, content: bytes))
    }
    return (surveyFiles, batch)
  }

  private static func read(
    _ files: [SurveyFile], schema: InputSchema, groupSchema: InputSchema?, workbooks: (any WorkbookReader)?,
    into batch: inout SurveyBatch
  ) {
    var records: [StationRecord] = []
    stream(
      files, schema: schema, groupSchema: groupSchema, workbooks: workbooks, into: &batch,
      transform: { $0 }, consume: { for part in $0 { records += part } })
    batch.records += records
    batch.rejectDuplicates()
  }

  /// Reads `files` as `load` does, but hands their station records on in chunks instead of keeping them: each
  /// chunk goes through `transform` on any core, and the results reach `consume` in input order, a window of
  /// chunks at a time, so that a batch need never be held whole. Everything else read (diagnostics, group
  /// records, what was rejected) goes into `batch`, in the order `load` puts it there.
  ///
  /// Duplicate station-years are not rejected here: that takes every record in order (`DuplicateFilter`).
  ///
  /// - Parameter begin: called once before the first chunk with the station fields the input can carry at all:
  ///   those of the station tables' columns, or nil when a document (YAML, JSON) may carry any.
  /// - Parameter tablesInPieces: whether CSV tables may be read a piece at a time (`TableJoin.Streamed`) rather
  ///   than whole; the result is the same either way (tests compare the two).
  package static func stream<T: Sendable>(
    _ files: consuming [SurveyFile], schema: InputSchema, groupSchema: InputSchema?, workbooks: (any WorkbookReader)?,
    into batch: inout SurveyBatch, window: StreamWindow = StreamWindow(), tablesInPieces: Bool = true,
    begin: (_ possibleFields: Set<String>?) -> Void = { _ in }, transform: @escaping @Sendable ([StationRecord]) -> T,
    consume: ([T]) -> Void
  ) {
    stream(
      files, schema: schema, groupSchema: groupSchema, workbooks: workbooks, into: &batch, window: window,
      tablesInPieces: tablesInPieces, begin: begin, shortcut: Shortcut<Never>?.none,
      transform: { stations in
        transform(
          stations.map { if case .record(let record) = $0 { record } else { preconditionFailure("no shortcut") } })
      }, consume: consume)
  }

  /// A way to read a station of joined tables the caller has (`stream`'s `shortcut`): called once per chunk, on
  /// the core that reads it, it gives the function that reads one station — or gives nil, and the station is read
  /// the usual way. A shortcut must say nothing: anything the usual reading would report is for the usual reading.
  struct Shortcut<Quick: Sendable>: Sendable {
    /// Called once per chunk, on the core that reads it.
    var reader: @Sendable () -> (TableJoin.Joined, Int, SurveyReader, SurveyReader.TablePlan) -> Quick?
    /// The same for a chunk of plain lines read from their bytes (`TableJoin.Streamed.PlainChunk`); nil: every
    /// chunk is read into tables first.
    var plainReader:
      (@Sendable () -> (TableJoin.Streamed.PlainStations, Int, SurveyReader, SurveyReader.TablePlan) -> Quick?)? =
        nil
  }

  /// A station as `stream` hands it on: read the usual way, or by the caller's shortcut.
  enum ReadStation<Quick: Sendable>: Sendable {
    case record(StationRecord)
    case quick(Quick)
  }

  /// `stream(_:schema:…transform:consume:)`, the stations of joined tables first offered to `shortcut`.
  static func stream<T: Sendable, Quick: Sendable>(
    _ files: consuming [SurveyFile], schema: InputSchema, groupSchema: InputSchema?, workbooks: (any WorkbookReader)?,
    into batch: inout SurveyBatch, window: StreamWindow = StreamWindow(), tablesInPieces: Bool = true,
    begin: (_ possibleFields: Set<String>?) -> Void = { _ in }, shortcut: Shortcut<Quick>?,
    transform: @escaping @Sendable ([ReadStation<Quick>]) -> T, consume: ([T]) -> Void
  ) {
    let reader = SurveyReader(schema: schema, groupSchema: groupSchema)
    // CSV tables sorted alike are read a piece at a time, not held whole: a million stations' tables are gigabytes.
    if tablesInPieces, let streamed = TableJoin(schema: schema, reader: reader).streamed(files, window: window) {
      files = []
      stream(
        streamed, reader: reader, into: &batch, window: window, begin: begin, shortcut: shortcut, transform: transform,
        consume: consume)
      return
    }
    // Parse and read the files in parallel: a whole-country batch is tens of megabytes of YAML.
    let onlyTables = files.allSatisfy { $0.format == .csv || $0.format == .xlsx }
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
    // The files' bytes are parsed: let them go (a tenth of the peak memory at 100,000 stations) when the caller
    // handed them over.
    files = []
    var tables: [Table] = []
    var documentRecords: [StationRecord] = []
    for result in parsed {
      switch result {
      case .records(var output):
        documentRecords += output.records
        output.records = []
        batch.add(output)
      case .tables(let workbook):
        tables += workbook.tables
        batch.diagnostics += workbook.diagnostics
        batch.rejected += workbook.lostRecords
      }
    }
    // Each stage lets go of what the next no longer needs: a 100,000-station batch is gigabytes at peak.
    parsed = []
    var joined: TableJoin.Joined?
    if !tables.isEmpty {
      var output = SurveyReader.Output()
      joined = TableJoin(schema: schema, reader: reader).stations(
        from: tables, diagnostics: &output.diagnostics, rejected: &output.rejected)
      tables = []
      batch.add(output)
    }
    if !onlyTables {
      begin(nil)
    } else {
      // Stations from tables carry only what their columns name.
      let stationColumns = (joined?.sources ?? []).filter { $0.listSlot == nil }.flatMap(\.names)
      begin(Set(stationColumns.compactMap { $0.flatMap(reader.fieldName) }))
    }
    // Documents' records, already read, go through in chunks like the tables' stations.
    let documents = documentRecords
    documentRecords = []
    inWindows(documents.count, window, chunk: { transform(documents[$0].map(ReadStation.record)) }, consume: consume)
    guard let joined else { return }
    // Stations are read on every core, in chunks, and handed on in their order: the same records and
    // diagnostics in the same order as one by one. Each document is built just before it is read.
    let plan = reader.plan(for: joined)
    inWindows(joined.stations.count, window) { stations in
      read(stations, of: joined, reader: reader, plan: plan, shortcut: shortcut, transform: transform)
    } consume: {
      handOn($0, to: &batch, consume)
    }
  }

  /// `0..<count` a window of `window.stations` at a time: the window's chunks of `window.chunk` made by `chunk` (given
  /// their ranges in `0..<count`) on every core, then handed to `consume` in order while the next window is made.
  private static func inWindows<R: Sendable>(
    _ count: Int, _ window: StreamWindow, chunk: @escaping @Sendable (Range<Int>) -> R, consume: ([R]) -> Void
  ) {
    let windows = ParallelMap.ranges(count, size: window.stations)
    ParallelMap.pipelined(
      windows.count,
      produce: { [size = window.chunk] index in
        let offset = windows[index].lowerBound
        return ParallelMap.map(ranges: windows[index].count, size: size) { range in
          chunk((offset + range.lowerBound)..<(offset + range.upperBound))
        }
      }, consume: consume)
  }

  /// Stations `indices` of `joined` read into records, with what reading them found, and the records transformed.
  private static func read<T, Quick>(
    _ indices: some Sequence<Int>, of joined: TableJoin.Joined, reader: SurveyReader, plan: SurveyReader.TablePlan,
    shortcut: Shortcut<Quick>?, transform: ([ReadStation<Quick>]) -> T
  ) -> (SurveyReader.Output, T) {
    var output = SurveyReader.Output()
    var stations: [ReadStation<Quick>] = []
    let quick = shortcut?.reader()
    for index in indices {
      if let quick, let station = quick(joined, index, reader, plan) {
        stations.append(.quick(station))
        continue
      }
      // Unknown headers were reported once, at the header: not again on every row.
      reader.read(joined: joined, station: index, plan: plan, into: &output)
      // A station's row makes one record at most (none: rejected, or a group's own record).
      if let record = output.records.popLast() { stations.append(.record(record)) }
    }
    return (output, transform(stations))
  }

  /// The stations of a chunk of plain lines: each read from its bytes by `quick`, or, where it gives nothing, the
  /// usual way from tables — the chunk's, when `quick` left many of its stations, or else the station's own rows
  /// read again — so that the records, problems and their order are those `read(_:of:…)` gives for the chunk.
  private static func read<T, Quick>(
    _ plain: TableJoin.Streamed.PlainChunk, of streamed: TableJoin.Streamed, reader: SurveyReader,
    plan: SurveyReader.TablePlan,
    quick: (TableJoin.Streamed.PlainStations, Int, SurveyReader, SurveyReader.TablePlan) -> Quick?,
    transform: ([ReadStation<Quick>]) -> T
  ) -> (SurveyReader.Output, T) {
    var quicks = plain.withStations { stations in (0..<stations.count).map { quick(stations, $0, reader, plan) } }
    var output = SurveyReader.Output()
    var stations: [ReadStation<Quick>] = []
    stations.reserveCapacity(quicks.count)
    // Counted by position: a lazy filter went through generic witnesses that copied each summary to look at it.
    var left = 0
    for index in quicks.indices {
      if case .none = quicks[index] { left += 1 }
    }
    // Each station read again on its own opens a reader on every table it takes rows of: past one in eight (a rough
    // balance, not a measured one), the chunk is read into tables once instead.
    let whole = left > quicks.count / 8 ? streamed.stations(of: plain.chunk) : nil
    for index in quicks.indices {
      // Moved out, not copied: a summary's copy counted references on each of its parts, and so did freeing both.
      if let station = quicks[index].take() {
        stations.append(.quick(station))
        continue
      }
      if let whole {
        reader.read(joined: whole, station: index, plan: plan, into: &output)
      } else {
        reader.read(joined: streamed.stations(of: plain.station(index)), station: 0, plan: plan, into: &output)
      }
      if let record = output.records.popLast() { stations.append(.record(record)) }
    }
    return (output, transform(stations))
  }

  /// A window's chunks handed on in order: what reading them found to `batch`, their transformed records to
  /// `consume`.
  private static func handOn<T>(
    _ parts: [(SurveyReader.Output, T)], to batch: inout SurveyBatch, _ consume: ([T]) -> Void
  ) {
    for (output, _) in parts { batch.add(output) }
    consume(parts.map(\.1))
  }

  /// `stream`'s reading of CSV tables joined a piece at a time: each chunk's rows read again and its stations read
  /// on any core, handed on a window at a time in their order.
  private static func stream<T: Sendable, Quick: Sendable>(
    _ streamed: TableJoin.Streamed, reader: SurveyReader, into batch: inout SurveyBatch, window: StreamWindow,
    begin: (_ possibleFields: Set<String>?) -> Void, shortcut: Shortcut<Quick>?,
    transform: @escaping @Sendable ([ReadStation<Quick>]) -> T, consume: ([T]) -> Void
  ) {
    batch.add(SurveyReader.Output(rejected: streamed.rejected, diagnostics: streamed.diagnostics))
    // Stations from tables carry only what their columns name.
    let stationColumns = streamed.sources.filter { $0.listSlot == nil }.flatMap(\.names)
    begin(Set(stationColumns.compactMap { $0.flatMap(reader.fieldName) }))
    let plan = reader.plan(for: TableJoin.Joined(sources: streamed.sources, stations: []))
    let windows = ParallelMap.ranges(streamed.chunks.count, size: window.chunks)
    ParallelMap.pipelined(
      windows.count,
      produce: { index in
        ParallelMap.map(Array(streamed.chunks[windows[index]])) { chunk in
          if let plainReader = shortcut?.plainReader, let plain = streamed.plainChunk(of: chunk) {
            return read(plain, of: streamed, reader: reader, plan: plan, quick: plainReader(), transform: transform)
          }
          let joined = streamed.stations(of: chunk)
          return read(
            joined.stations.indices, of: joined, reader: reader, plan: plan, shortcut: shortcut, transform: transform)
        }
      },
      consume: { handOn($0, to: &batch, consume) })
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
    var filter = DuplicateFilter()
    var kept: [StationRecord] = []
    kept.reserveCapacity(records.count)
    for record in records {
      if let duplicate = filter.duplicate(record) {
        rejected += 1
        diagnostics.append(duplicate)
      } else {
        kept.append(record)
      }
    }
    records = kept
  }
}

/// How `SurveyLoader.stream` cuts a batch: chunks of stations, each read and transformed by one core, and windows of
/// chunks, read on every core and then handed on in input order before the next is read.
package struct StreamWindow: Sendable {
  /// Stations per chunk.
  package var chunk: Int
  /// Chunks per window.
  package var chunks: Int
  /// Bytes read at a time from a CSV file on disk (`CSVRowReader`).
  package var block: Int
  /// The fewest bytes of a list table's part read on a core of its own in the first reading (a megabyte: a smaller
  /// part is not worth the core's start-up). Tests use a few dozen, to cut tables everywhere.
  package var listPart: Int

  /// Stations per window.
  package var stations: Int { chunk * chunks }

  /// Chunks of 256 stations, 32 a window: the stations of a window, read and evaluated, are a few tens of
  /// megabytes, and a chunk's records (a few kilobytes a station) stay in its core's cache while they are read,
  /// evaluated and written — chunks of 1,024 took a tenth more time and CPU at 100,000 stations. Tests use smaller
  /// ones (and smaller blocks) to cross many windows with few stations.
  package init(chunk: Int = 256, chunks: Int = 32, block: Int = CSVRowReader.block, listPart: Int = 1 << 20) {
    self.chunk = chunk
    self.chunks = chunks
    self.block = block
    self.listPart = max(1, listPart)
  }
}
