extension TableJoin {
  /// CSV tables joined a piece at a time: for a batch whose list tables are sorted like its station table (every
  /// export seen so far lists a station's staff together, stations in the same order), the tables are read
  /// twice, a piece at a time, instead of being held whole — about 1.4 KB a station at a million stations.
  ///
  /// The first reading (`streamed(_:window:)`, each file on its own core) keeps only the keys of the rows, and a
  /// place to read again from; matching the list rows to the stations in order then says, for each chunk of
  /// stations, which rows of each list table it takes. The second reading (`stations(of:)`) reads just those
  /// rows again for each chunk, on any core. Both give exactly what `stations(from:diagnostics:rejected:)` gives
  /// for the whole tables: the same documents, the same problems in the same order.
  ///
  /// Any batch this cannot join the same way — a list row without a code, list rows out of the stations'
  /// order or matching none, a station-year twice, KoboToolbox's index columns, years given in some list rows and
  /// not in others, a file over 1 GiB — is not streamed (`streamed` returns nil) and is read whole as before.
  struct Streamed: Sendable {
    /// The rows of one list table that one chunk of stations takes: where the first is, and how many.
    struct ListRows: Sendable {
      var start: CSVRowReader.Checkpoint
      var rows: Int
      /// Where the next part starts (or the file ends): the bytes to read again, no more.
      var end = 0
    }

    /// A chunk of consecutive stations of one station table, and the rows of each list table they take.
    struct Chunk: Sendable {
      /// The station table's source.
      var source: Int
      var start: CSVRowReader.Checkpoint
      var stations: Int
      /// Where the next chunk of the table starts (or the file ends).
      var end: Int
      /// For each station: whether it has a code (one without is given no list at all).
      var hasKey: [Bool]
      /// By list table (in `listSources` order): the rows the chunk's stations take; nil when they take none.
      var listRows: [ListRows?]
      /// For each station, then each list table: how many rows it takes.
      var taken: [UInt32]
    }

    /// The tables' headers (no rows) and the names their columns stand for: list tables first, by list, then
    /// the station tables, as `stations(from:diagnostics:rejected:)` orders them.
    let sources: [Joined.Source]
    /// Each source's reader, to read its rows again from a checkpoint.
    let readers: [CSVRowReader]
    /// The list tables (sources), in slot order.
    let listSources: [Int]
    /// The lists that have rows, in slot order: the list's name and its tables (positions in `listSources`).
    let lists: [(name: String, tables: [Int])]
    /// The chunks, in the stations' order.
    let chunks: [Chunk]
    /// By source, in order: where each record starts that the first reading did not find to be a plain line (a
    /// row kept as written, with no problem). Bytes without one are read from the bytes straight (`PlainChunk`).
    let irregular: [[Int]]
    /// What reading and joining the tables found, in the order the whole join reports it, and the station rows
    /// the readers lost.
    let diagnostics: [Diagnostic]
    let rejected: Int

    /// The joined stations of `chunk`: its station rows and the list rows they take, read again.
    func stations(of chunk: Chunk) -> Joined {
      var sources = self.sources
      // Every cell wanted: plain lines are read the quick way (`CSVScanner.readPlainLine`), the others in full.
      func everyCell(_ source: Int) -> [Bool] { Array(repeating: true, count: sources[source].table.columns.count) }
      var reader = readers[chunk.source].resumed(at: chunk.start, upTo: chunk.end)
      sources[chunk.source].table.rows = reader.read(rows: chunk.stations, only: everyCell(chunk.source))
      // The first row of each list table's part, and where each station's rows start in it.
      var next = [Int](repeating: 0, count: listSources.count)
      for (position, part) in chunk.listRows.enumerated() {
        guard let part else { continue }
        var listReader = readers[listSources[position]].resumed(at: part.start, upTo: part.end)
        sources[listSources[position]].table.rows = listReader.read(
          rows: part.rows, only: everyCell(listSources[position]))
      }
      var stations: [Joined.Station] = []
      stations.reserveCapacity(chunk.stations)
      let width = listSources.count
      for index in 0..<chunk.stations {
        let row = Joined.Row(source: chunk.source, row: index)
        guard chunk.hasKey[index] else {
          stations.append(Joined.Station(row: row, lists: nil))
          continue
        }
        var stationLists: [Joined.List] = []
        stationLists.reserveCapacity(lists.count)
        for list in lists {
          var rows: Joined.Rows?
          for position in list.tables {
            let count = Int(chunk.taken[index * width + position])
            for offset in 0..<count {
              let listRow = Joined.Row(source: listSources[position], row: next[position] + offset)
              if rows == nil { rows = Joined.Rows(listRow) } else { rows!.append(listRow) }
            }
            next[position] += count
          }
          stationLists.append(Joined.List(name: list.name, rows: rows ?? Joined.Rows()))
        }
        stations.append(Joined.Station(row: row, lists: stationLists))
      }
      return Joined(sources: sources, stations: stations)
    }
  }

  /// `files` (CSV, every one) joined a piece at a time, cut into chunks of `window.chunk` stations; nil when the
  /// batch is of a shape that must be read whole (see `Streamed`).
  func streamed(_ files: [SurveyFile], window: StreamWindow) -> Streamed? {
    let chunk = window.chunk
    guard !files.isEmpty, files.allSatisfy({ $0.format == .csv && $0.content.count <= Self.largestStreamedFile })
    else { return nil }
    let openedReaders = ParallelMap.map(files) { CSVRowReader(source: $0.content, file: $0.name, block: window.block) }
    let headers = openedReaders.map(\.header)
    // The sources in the whole join's order: list tables by slot, then station tables.
    var listTables: [Int: [Int]] = [:]
    var stationTables: [Int] = []
    for (index, header) in headers.enumerated() {
      if let slot = listSlot(for: header) {
        listTables[slot, default: []].append(index)
      } else {
        stationTables.append(index)
      }
    }
    var order: [Int] = []
    var sources: [Joined.Source] = []
    for (slot, tables) in listTables.sorted(by: { $0.key < $1.key }) {
      for index in tables {
        let names = headers[index].columns.map { reader.listFieldName($0.name, list: slot) }
        // Only lists joined on their code: KoboToolbox's parent indexes are joined whole.
        guard KeyColumns(table: headers[index], names: names).code != nil else { return nil }
        order.append(index)
        sources.append(Joined.Source(table: headers[index], names: names, listSlot: slot))
      }
    }
    let listSources = Array(sources.indices)
    for index in stationTables {
      order.append(index)
      sources.append(
        Joined.Source(
          table: headers[index], names: headers[index].columns.map { reader.fieldName($0.name) }, listSlot: nil))
    }
    let allSources = sources
    // The first reading on every core: each station table whole, each list table in parts (`TableScan.joined`), the
    // station tables first. (Each table on a core of its own left one core reading the last table alone.)
    let readers = order.map { openedReaders[$0] }
    let partStarts = sources.indices.map { position in
      sources[position].listSlot == nil
        ? [] : TableScan.partStarts(of: readers[position], count: TableScan.listParts, smallest: window.listPart)
    }
    let jobs =
      sources.indices.filter { sources[$0].listSlot == nil }.map { (source: $0, part: 0) }
      + sources.indices.flatMap { position in partStarts[position].indices.map { (source: position, part: $0) } }
    let read = ParallelMap.map(jobs) { job -> (scan: TableScan?, reader: CSVRowReader) in
      let source = allSources[job.source]
      let reader = readers[job.source]
      guard source.listSlot != nil else {
        return (TableScan(stations: reader, names: source.names, chunk: chunk), reader)
      }
      return TableScan.part(job.part, starts: partStarts[job.source], of: reader, names: source.names)
    }
    let scans = sources.indices.map { position -> TableScan? in
      let parts = jobs.indices.filter { jobs[$0].source == position }.map { read[$0] }
      return sources[position].listSlot == nil
        ? parts[0].scan : TableScan.joined(parts: parts, starts: partStarts[position], names: sources[position].names)
    }
    guard scans.allSatisfy({ $0 != nil }) else { return nil }
    let tables = scans.map { $0! }
    // Each list's keys carry years in every row or in none: then each station is matched on one key.
    var withYears: [Int: Bool] = [:]
    for position in listSources {
      guard tables[position].runs.count > 0, let slot = sources[position].listSlot else { continue }
      let years = tables[position].years
      if years.with && years.without { return nil }
      if let known = withYears[slot], known != years.with { return nil }
      withYears[slot] = years.with
    }
    let lists = withYears.keys.sorted().map { slot in
      (
        name: schema.inputs[slot].name,
        tables: listSources.filter { sources[$0].listSlot == slot && tables[$0].runs.count > 0 }
      )
    }
    // Which slot each list table's rows are matched by: with years or without.
    let matchesYear = listSources.map { withYears[sources[$0].listSlot!] ?? false }
    let checksYears = withYears.values.contains(true)
    let checksCodes = withYears.values.contains(false)

    // Match in order: each list table's next run belongs to the station with its key, or to a later one.
    var cursors = [Int](repeating: 0, count: listSources.count)
    var seenWithYear = Set<Int>()
    var seenCode = Set<Int>()
    // At their size at once: a million stations' keys grew the sets twenty times over on the core that waits.
    let stationRows = sources.indices.filter { sources[$0].listSlot == nil }.reduce(0) { $0 + tables[$1].rows }
    if checksYears { seenWithYear.reserveCapacity(stationRows) }
    if checksCodes { seenCode.reserveCapacity(stationRows) }
    var chunks: [Streamed.Chunk] = []
    for position in sources.indices where sources[position].listSlot == nil {
      let scan = tables[position]
      var start = 0
      while start < scan.rows {
        let count = min(chunk, scan.rows - start)
        let next = start / chunk + 1
        var piece = Streamed.Chunk(
          source: position, start: scan.starts[start / chunk], stations: count,
          end: next < scan.starts.count ? scan.starts[next].offset : openedReaders[order[position]].byteCount,
          hasKey: Array(scan.hasKey[start..<(start + count)]),
          listRows: [Streamed.ListRows?](repeating: nil, count: listSources.count), taken: [])
        piece.taken.reserveCapacity(count * listSources.count)
        for station in start..<(start + count) {
          guard scan.hasKey[station] else {
            piece.taken += repeatElement(0, count: listSources.count)
            continue
          }
          // A station-year twice would take its rows twice: the whole join does that, not this one.
          // (A hash seen before may be another key's: then the batch is read whole, which is never wrong.)
          if checksYears, !seenWithYear.insert(scan.keys.hash(station, withYear: true)).inserted { return nil }
          if checksCodes, !seenCode.insert(scan.keys.hash(station, withYear: false)).inserted { return nil }
          for (list, table) in listSources.enumerated() {
            // Read in place: a table's scan copied for every station and list counted references on each of its
            // arrays, a tenth of a national batch's time while one core waited.
            let run = cursors[list]
            guard run < tables[table].runs.count,
              tables[table].keys.matches(run, station: station, in: scan.keys, withYear: matchesYear[list])
            else {
              piece.taken.append(0)
              continue
            }
            let rows = Int(tables[table].runs[run])
            if let part = piece.listRows[list] {
              piece.listRows[list] = Streamed.ListRows(start: part.start, rows: part.rows + rows)
            } else {
              piece.listRows[list] = Streamed.ListRows(start: tables[table].starts[run], rows: rows)
            }
            piece.taken.append(UInt32(rows))
            cursors[list] += 1
          }
        }
        for (list, table) in listSources.enumerated() where piece.listRows[list] != nil {
          piece.listRows[list]!.end =
            cursors[list] < tables[table].runs.count
            ? tables[table].starts[cursors[list]].offset : openedReaders[order[table]].byteCount
        }
        chunks.append(piece)
        start += count
      }
    }
    // Rows no station took (no such station, or out of the stations' order): the whole join says which.
    for (list, table) in listSources.enumerated() where cursors[list] != tables[table].runs.count { return nil }

    // The problems in the whole join's order: every table's reading, then the list tables' headers, then the
    // station tables'.
    var diagnostics: [Diagnostic] = []
    var rejected = 0
    let positionOf = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
    for index in files.indices {
      let position = positionOf[index]!
      readingProblems(
        of: tables[position].table, rows: tables[position].rows, isList: sources[position].listSlot != nil,
        diagnostics: &diagnostics, rejected: &rejected)
    }
    for position in listSources {
      diagnostics += unknownListColumns(
        of: sources[position].table, names: sources[position].names, slot: sources[position].listSlot!)
    }
    let listSlots = Set(listTables.keys)
    for position in sources.indices where sources[position].listSlot == nil {
      diagnostics += stationColumnProblems(
        of: sources[position].table, names: sources[position].names, rows: tables[position].rows, listSlots: listSlots)
    }
    return Streamed(
      sources: sources,
      readers: order.map { openedReaders[$0].resumed(at: CSVRowReader.Checkpoint(offset: 0, line: 1)) },
      listSources: listSources, lists: lists, chunks: chunks, irregular: tables.map(\.irregular),
      diagnostics: diagnostics, rejected: rejected)
  }

  /// Files above this are read whole: the whole reading refuses a table of more than 4 GiB of text, which a
  /// file of a quarter of that cannot reach even when normalising its text triples it.
  static let largestStreamedFile = 1 << 30

  /// What the first reading keeps of one table.
  private struct TableScan: Sendable {
    /// The header, with every problem of every row.
    var table: Table
    /// Rows kept.
    var rows = 0
    /// Stations: each row's key. Lists: each run's key (a run: consecutive rows of one key).
    var keys = KeyList()
    /// Stations: whether each row has a code.
    var hasKey: [Bool] = []
    /// Stations: where every `chunk`-th row starts. Lists: where each run starts.
    var starts: [CSVRowReader.Checkpoint] = []
    /// Lists: each run's rows.
    var runs: [UInt32] = []
    /// Lists: whether some rows' keys carry a year, and whether some do not.
    var years = (with: false, without: false)
    /// Where each record starts that is not a plain line, in order.
    var irregular: [Int] = []

    /// Rows read at a time.
    static let piece = 4_096
    /// The parts a list table of a few megabytes or more is read in at once: for two cores to finish the first
    /// reading together whatever the tables' sizes, a part is at most about a quarter of the biggest table.
    static let listParts = 4

    /// A station table's keys, and where each chunk of `chunk` rows starts.
    init?(stations reader: consuming CSVRowReader, names: [String?], chunk: Int) {
      var reader = reader
      let header = reader.header
      let columns = KeyColumns(table: header, names: names)
      let only = columns.keyCells(of: header)
      table = header
      while !reader.isAtEnd {
        var pieceStarts: [CSVRowReader.Checkpoint] = []
        let before = rows
        let read = reader.read(rows: Self.piece, only: only) { start in
          if (before + pieceStarts.count) % chunk == 0 { starts.append(start) }
          pieceStarts.append(start)
        } irregular: {
          irregular.append($0)
        }
        for row in read {
          // Only the first key: the array of all of them was made for each of a million stations.
          guard let key = columns.stationKey(of: row) else {
            hasKey.append(false)
            keys.appendEmpty()
            continue
          }
          hasKey.append(true)
          guard keys.append(key) else { return nil }
        }
        rows += read.count
      }
      table = reader.finished()
    }

    /// A list table's runs of rows of one key, read by `reader` up to the row that starts at `end` or after; nil
    /// when a row has no key (the whole join reports it). The table's problems are `reader`'s to give.
    init?(list reader: inout CSVRowReader, names: [String?], before end: Int = .max) {
      let header = reader.header
      let columns = KeyColumns(table: header, names: names)
      guard let code = columns.code else { return nil }
      table = header
      var last: JoinKey?
      // The last run's cells as written: a run written the same way has the same key, worked out once.
      // Compared as bytes, without making strings of them: the cells are NFC, so equal text is equal bytes.
      // (Kept in the same two arrays from run to run: two arrays made for each run were a tenth of this reading's
      // allocations.)
      var lastCells: (code: [UInt8], year: [UInt8]) = ([], [])
      var hasLastCells = false
      while let next = reader.nextRow, next.offset < end {
        // The key cells only, in runs of rows written alike: a row of them kept for every line, and read back, was
        // most of this reading.
        let read = reader.readKeyRuns(rows: Self.piece, before: end, code: code, year: columns.year) {
          irregular.append($0)
        }
        for (index, run) in read.runs.enumerated() {
          rows += run.rows
          let known = read.withCells(of: index) { code, year in
            hasLastCells
              && lastCells.code.withUnsafeBufferPointer { code.hasSameBytes(as: $0) }
              && lastCells.year.withUnsafeBufferPointer { year.hasSameBytes(as: $0) }
          }
          if known {
            runs[runs.count - 1] += UInt32(run.rows)
            continue
          }
          guard
            let key = read.withCells(
              of: index,
              { code, year in
                lastCells.code.removeAll(keepingCapacity: true)
                lastCells.year.removeAll(keepingCapacity: true)
                lastCells.code.append(contentsOf: code)
                lastCells.year.append(contentsOf: year)
                return JoinKey(
                  code: String(decoding: code, as: UTF8.self),
                  year: columns.year == nil ? nil : String(decoding: year, as: UTF8.self))
              })
          else { return nil }
          hasLastCells = true
          if key == last {
            runs[runs.count - 1] += UInt32(run.rows)
            continue
          }
          if key.year == nil { years.without = true } else { years.with = true }
          guard keys.append(key) else { return nil }
          starts.append(run.start)
          runs.append(UInt32(run.rows))
          last = key
        }
      }
    }

    /// Where the parts of a list table read on several cores start (`joined(parts:…)`): `count` parts, each from
    /// the first line that starts after an even share of its bytes (the first where the rows start); fewer when
    /// a part would have fewer than `smallest` bytes.
    static func partStarts(of reader: CSVRowReader, count: Int, smallest: Int) -> [Int] {
      let first = reader.nextRow?.offset ?? reader.byteCount
      let size = reader.byteCount - first
      let count = max(1, min(count, size / smallest))
      var starts = [first]
      for part in 1..<count {
        let from = first + size * part / count
        let ahead = reader.bytes(from..<min(reader.byteCount, from + (64 << 10)))
        guard let lineFeed = ahead.firstIndex(of: 0x0A), from + lineFeed + 1 > starts.last! else { continue }
        starts.append(from + lineFeed + 1)
      }
      return starts
    }

    /// Part `part` of a list table that starts at `starts` (`partStarts(of:count:smallest:)`), read by a reader of
    /// its own (lines counted from 1 at the part's start), and that reader (without its block of bytes: eight
    /// parts' blocks held until every part is read were a tenth of a batch's peak memory).
    static func part(
      _ part: Int, starts: [Int], of reader: CSVRowReader, names: [String?]
    ) -> (scan: TableScan?, reader: CSVRowReader) {
      var partReader =
        part == 0 ? reader : reader.resumed(at: CSVRowReader.Checkpoint(offset: starts[part], line: 1))
      let scan = TableScan(
        list: &partReader, names: names, before: part + 1 < starts.count ? starts[part + 1] : .max)
      return (scan, partReader.withoutBlock())
    }

    /// A list table read in `parts` (`part(_:starts:of:names:)`, each part on a core while the others are read) as
    /// one reading reads it; nil when a row has no key.
    ///
    /// Where a part's rows are in the file is known only once the parts before it are read: it is taken as it was
    /// read when the part before ended exactly where it starts (a line that starts a record, never inside a quoted
    /// field) and it found no problem (a message names its lines, and a file's repeated problem is told once).
    /// Otherwise the rest of the table is read again from where the parts taken end, on one core, with the first
    /// part's problems (the only ones found so far): the same runs, lines and problems either way.
    static func joined(
      parts: [(scan: TableScan?, reader: CSVRowReader)], starts: [Int], names: [String?]
    ) -> TableScan? {
      guard var whole = parts[0].scan else { return nil }
      // Where the parts taken end, in the file's lines; nil: at the file's end.
      var end = parts[0].reader.nextRow
      for part in parts.indices.dropFirst() {
        guard let at = end else { break }
        let problems = parts[part].reader.finished()
        guard at.offset == starts[part], let scan = parts[part].scan, problems.diagnostics.isEmpty,
          problems.lostRows == 0
        else {
          var rest = parts[0].reader.continued(at: at)
          guard let scan = TableScan(list: &rest, names: names) else { return nil }
          whole.append(scan, movingLinesBy: 0)
          whole.table = rest.finished()
          return whole.keys.isFull ? nil : whole
        }
        whole.append(scan, movingLinesBy: at.line - 1)
        end = parts[part].reader.nextRow.map { CSVRowReader.Checkpoint(offset: $0.offset, line: $0.line + at.line - 1) }
      }
      whole.table = parts[0].reader.finished()
      return whole.keys.isFull ? nil : whole
    }

    /// `other`, a list table's rows after these, added: its lines moved by `lines`, a run of the same key across
    /// the two joined.
    private mutating func append(_ other: TableScan, movingLinesBy lines: Int) {
      var firstRun = 0
      if other.runs.count > 0, runs.count > 0, other.keys.isKey(0, equalTo: runs.count - 1, in: keys) {
        runs[runs.count - 1] += other.runs[0]
        firstRun = 1
      }
      keys.append(other.keys, from: firstRun)
      starts += other.starts[firstRun...].map { CSVRowReader.Checkpoint(offset: $0.offset, line: $0.line + lines) }
      runs += other.runs[firstRun...]
      rows += other.rows
      years.with = years.with || other.years.with
      years.without = years.without || other.years.without
      irregular += other.irregular
    }
  }

  /// Keys back to back, as bytes: each a code, then a year (empty: none). For matching rows in order, never read
  /// back as text.
  private struct KeyList: Sendable {
    private var bytes: [UInt8] = []
    /// Two per key: where its code ends, then where its year ends.
    private var ends: [UInt32] = []

    /// Adds `key`; false when the list cannot hold more.
    mutating func append(_ key: JoinKey) -> Bool {
      var code = key.code
      var year = key.year ?? ""
      code.withUTF8 { bytes += $0 }
      ends.append(UInt32(truncatingIfNeeded: bytes.count))
      year.withUTF8 { bytes += $0 }
      ends.append(UInt32(truncatingIfNeeded: bytes.count))
      return bytes.count < Int(UInt32.max)
    }

    /// Whether the list holds as many bytes as it can (`append` then says false).
    var isFull: Bool { bytes.count >= Int(UInt32.max) }

    /// Adds `other`'s keys from its key `first` on.
    mutating func append(_ other: KeyList, from first: Int) {
      guard first < other.ends.count / 2 else { return }
      let start = first == 0 ? 0 : Int(other.ends[2 * first - 1])
      let shift = UInt32(truncatingIfNeeded: bytes.count - start)
      bytes += other.bytes[start...]
      ends += other.ends[(2 * first)...].map { $0 &+ shift }
    }

    /// Whether key `key` is key `other` of `list`: the same code and year.
    func isKey(_ key: Int, equalTo other: Int, in list: KeyList) -> Bool {
      code(key).elementsEqual(list.code(other)) && year(key).elementsEqual(list.year(other))
    }

    /// Adds a key that matches nothing, for a station without a code.
    mutating func appendEmpty() {
      ends.append(UInt32(bytes.count))
      ends.append(UInt32(bytes.count))
    }

    private func code(_ key: Int) -> ArraySlice<UInt8> {
      bytes[Int(key == 0 ? 0 : ends[2 * key - 1])..<Int(ends[2 * key])]
    }

    private func year(_ key: Int) -> ArraySlice<UInt8> { bytes[Int(ends[2 * key])..<Int(ends[2 * key + 1])] }

    /// Whether run `key` of this list is station `station`'s key in `stations`: its code and year, or (for a
    /// list without years) its code.
    func matches(_ key: Int, station: Int, in stations: KeyList, withYear: Bool) -> Bool {
      guard code(key).elementsEqual(stations.code(station)) else { return false }
      return withYear ? year(key).elementsEqual(stations.year(station)) : true
    }

    /// A hash of key `key`, with its year or without.
    func hash(_ key: Int, withYear: Bool) -> Int {
      var hasher = Hasher()
      hasher.combine(code(key).count)
      // The bytes at once: byte by byte, hashing was most of the matching's time.
      code(key).withUnsafeBytes { hasher.combine(bytes: $0) }
      if withYear { year(key).withUnsafeBytes { hasher.combine(bytes: $0) } }
      return hasher.finalize()
    }
  }
}
