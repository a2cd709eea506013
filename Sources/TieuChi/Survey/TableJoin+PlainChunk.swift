extension TableJoin.Streamed {
  /// A chunk's rows as they are written, for a reader that takes a few cells of each row from their bytes
  /// (`SurveyReader.readTyped(plain:…)`) rather than from the rows read into tables (`stations(of:)`, a sixth of a
  /// summary's time): the bytes of the chunk's station rows and of the list rows they take, and where each line
  /// starts.
  ///
  /// Only for a chunk whose every line the first reading found plain (`CSVScanner.readPlainLine`: one record on one
  /// line, no quote, the header's number of fields, valid UTF-8, a line break at its end) — a row kept as written,
  /// with no problem — so that its lines are exactly its rows and a cell's text is exactly its bytes (composed to
  /// NFC where they need it, as the reading composes them). Any other chunk is read into tables.
  struct PlainChunk: Sendable {
    /// The chunk, and the tables it is of.
    let chunk: Chunk
    fileprivate let streamed: TableJoin.Streamed
    /// The parts' bytes back to back: the chunk's station rows, then the rows of each list table it takes.
    fileprivate let bytes: [UInt8]
    /// Each part's lines in `bytes`, part after part, each part's followed by an empty line where the part ends.
    fileprivate let lines: [Line]
    /// By source: where its part is (nil: the chunk takes no row of it).
    fileprivate let parts: [Part?]
    /// For each station, then each list table (in `listSources` order): its first row in that table's part.
    fileprivate let firstRows: [Int32]
    /// By source: its separator and how many fields a row has (looked up for every row).
    fileprivate let separators: [UInt8]
    fileprivate let widths: [Int]

    /// A line: where it starts in `bytes`, and where its text ends (before its line break).
    fileprivate struct Line: Sendable {
      var start: Int32
      var end: Int32
    }

    fileprivate struct Part: Sendable {
      /// Its first line's entry in `lines`.
      var firstStart: Int
      /// Where it starts in `bytes`, and in its file (with the line it starts on).
      var base: Int
      var start: CSVRowReader.Checkpoint
    }

    /// `body` given the chunk's stations to read, valid only while it runs.
    func withStations<Result>(_ body: (PlainStations) -> Result) -> Result {
      let widest = widths.max() ?? 0
      let lists = streamed.lists
      let listNames = lists.map(\.name)
      var listTableStarts = [0]
      for list in lists { listTableStarts.append(listTableStarts.last! + list.tables.count) }
      // `Layout`'s numbers, in its order: the room they are copied into is their total, not a count kept beside them.
      let numbers = [
        parts.map { $0?.firstStart ?? -1 }, widths, separators.map(Int.init),
        streamed.sources.map { $0.listSlot ?? -1 },
        streamed.listSources, listTableStarts, lists.flatMap(\.tables),
      ]
      let layoutSize = numbers.reduce(0) { $0 + $1.count }
      let stationTable = streamed.sources[chunk.source].table
      return bytes.withUnsafeBufferPointer { bytes in
        lines.withUnsafeBufferPointer { lines in
          firstRows.withUnsafeBufferPointer { firstRows in
            chunk.taken.withUnsafeBufferPointer { taken in
              chunk.hasKey.withUnsafeBufferPointer { hasKey in
                listNames.withUnsafeBufferPointer { listNames in
                  withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (widest + 1) + layoutSize) { room in
                    // What a station's reading looks up, as plain numbers in room of their own.
                    var next = 2 * (widest + 1)
                    let placed = numbers.map { values -> UnsafeBufferPointer<Int> in
                      let start = next
                      for value in values {
                        room[next] = value
                        next += 1
                      }
                      return UnsafeBufferPointer(rebasing: room[start..<next])
                    }
                    let layout = PlainStations.Layout(
                      partFirstLines: placed[0], widths: placed[1], separators: placed[2], listSlots: placed[3],
                      listSources: placed[4], listTableStarts: placed[5], listTablePositions: placed[6])
                    return body(
                      PlainStations(
                        bytes: bytes, lines: lines, firstRows: firstRows, taken: taken, hasKey: hasKey,
                        listNames: listNames, layout: layout,
                        stationBounds: UnsafeMutableBufferPointer(rebasing: room[..<(widest + 1)]),
                        listBounds: UnsafeMutableBufferPointer(rebasing: room[(widest + 1)..<(2 * (widest + 1))]),
                        count: chunk.stations, source: chunk.source, stationLine: parts[chunk.source]!.start.line,
                        file: stationTable.name, sheet: stationTable.sheet))
                  }
                }
              }
            }
          }
        }
      }
    }

    /// Station `index` alone, as a chunk of its own: to read it into tables when it cannot be read from its bytes.
    func station(_ index: Int) -> Chunk {
      let stationPart = parts[chunk.source]!
      func checkpoint(_ part: Part, line: Int) -> CSVRowReader.Checkpoint {
        CSVRowReader.Checkpoint(
          offset: part.start.offset + Int(lines[part.firstStart + line].start) - part.base, line: part.start.line + line
        )
      }
      let width = streamed.listSources.count
      var listRows: [ListRows?] = []
      for (position, source) in streamed.listSources.enumerated() {
        let rows = Int(chunk.taken[index * width + position])
        guard rows > 0, let part = parts[source] else {
          listRows.append(nil)
          continue
        }
        let first = Int(firstRows[index * width + position])
        listRows.append(
          ListRows(
            start: checkpoint(part, line: first), rows: rows, end: checkpoint(part, line: first + rows).offset))
      }
      return Chunk(
        source: chunk.source, start: checkpoint(stationPart, line: index), stations: 1,
        end: checkpoint(stationPart, line: index + 1).offset, hasKey: [chunk.hasKey[index]], listRows: listRows,
        taken: Array(chunk.taken[(index * width)..<((index + 1) * width)]))
    }
  }

  /// `chunk`'s plain lines; nil when some line in it is not plain (or the file changed since the first reading).
  func plainChunk(of chunk: Chunk) -> PlainChunk? {
    var wanted = [(source: chunk.source, start: chunk.start, end: chunk.end, lines: chunk.stations)]
    for (position, part) in chunk.listRows.enumerated() {
      guard let part else { continue }
      wanted.append((listSources[position], part.start, part.end, part.rows))
    }
    for part in wanted where hasIrregularLine(part.source, in: part.start.offset..<part.end) { return nil }
    // At their size at once: grown part by part, the bytes were copied again at each part.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(wanted.reduce(0) { $0 + $1.end - $1.start.offset })
    var lines: [PlainChunk.Line] = []
    lines.reserveCapacity(wanted.reduce(0) { $0 + $1.lines + 1 })
    var parts = [PlainChunk.Part?](repeating: nil, count: sources.count)
    for part in wanted {
      let read = readers[part.source].bytes(part.start.offset..<part.end)
      guard read.count == part.end - part.start.offset, bytes.count + read.count < Int(Int32.max) else { return nil }
      let base = bytes.count
      bytes += read
      parts[part.source] = PlainChunk.Part(firstStart: lines.count, base: base, start: part.start)
      let found = bytes.withUnsafeBufferPointer { Self.appendLines($0, from: base, to: &lines) }
      guard found == part.lines else { return nil }
      lines.append(PlainChunk.Line(start: Int32(bytes.count), end: Int32(bytes.count)))
    }
    let width = listSources.count
    var firstRows: [Int32] = []
    firstRows.reserveCapacity(chunk.taken.count)
    var next = [Int32](repeating: 0, count: width)
    for station in 0..<chunk.stations {
      for position in 0..<width {
        firstRows.append(next[position])
        next[position] += Int32(chunk.taken[station * width + position])
      }
    }
    return PlainChunk(
      chunk: chunk, streamed: self, bytes: bytes, lines: lines, parts: parts, firstRows: firstRows,
      separators: readers.map(\.separator), widths: sources.map(\.table.columns.count))
  }

  /// Whether the first reading found a record in `range` of source `source` that is not a plain line.
  private func hasIrregularLine(_ source: Int, in range: Range<Int>) -> Bool {
    let offsets = irregular[source]
    // The first at or after the range's start.
    var low = 0
    var high = offsets.count
    while low < high {
      let middle = (low + high) / 2
      if offsets[middle] < range.lowerBound { low = middle + 1 } else { high = middle }
    }
    return low < offsets.count && offsets[low] < range.upperBound
  }

  /// Appends each line of `bytes` from `from` to their end (which ends a line) to `lines`; how many.
  private static func appendLines(
    _ bytes: UnsafeBufferPointer<UInt8>, from: Int, to lines: inout [PlainChunk.Line]
  ) -> Int {
    var count = 0
    var cursor = from
    while cursor < bytes.count {
      let line = CSVScanner.line(in: bytes, from: cursor)
      lines.append(PlainChunk.Line(start: Int32(cursor), end: Int32(line.end)))
      count += 1
      cursor = line.next
    }
    return count
  }

  /// A plain chunk's stations, read from its bytes (`PlainChunk.withStations`).
  ///
  /// Pointers and plain numbers only (and the station table's name): copied for each station, and each list of it,
  /// the chunk and the join it held were some thirty arrays whose references were counted, on two cores at once.
  struct PlainStations {
    fileprivate let bytes: UnsafeBufferPointer<UInt8>
    fileprivate let lines: UnsafeBufferPointer<PlainChunk.Line>
    fileprivate let firstRows: UnsafeBufferPointer<Int32>
    fileprivate let taken: UnsafeBufferPointer<UInt32>
    /// For each station: whether it has a code (`Chunk.hasKey`).
    fileprivate let hasKey: UnsafeBufferPointer<Bool>
    /// The lists that have rows (`Streamed.lists`), their names.
    fileprivate let listNames: UnsafeBufferPointer<String>
    fileprivate let layout: Layout
    /// Room for the cells' bounds of the station's row, and of one list row.
    fileprivate let stationBounds: UnsafeMutableBufferPointer<Int>
    fileprivate let listBounds: UnsafeMutableBufferPointer<Int>
    /// How many stations the chunk has.
    let count: Int
    /// The station table's source, the line of its file its part starts on, the file (and sheet).
    fileprivate let source: Int
    fileprivate let stationLine: Int
    fileprivate let file: String
    fileprivate let sheet: String?

    /// The chunk's tables as a station's reading looks them up.
    fileprivate struct Layout {
      /// By source: its part's first line in `lines` (-1: the chunk takes no row of it), its number of fields, its
      /// separator, and the list it fills (-1: a station table).
      let partFirstLines: UnsafeBufferPointer<Int>
      let widths: UnsafeBufferPointer<Int>
      let separators: UnsafeBufferPointer<Int>
      let listSlots: UnsafeBufferPointer<Int>
      /// The list tables' sources (`Streamed.listSources`).
      let listSources: UnsafeBufferPointer<Int>
      /// By list: where its tables' positions among `listSources` start in `listTablePositions`, then the end.
      let listTableStarts: UnsafeBufferPointer<Int>
      let listTablePositions: UnsafeBufferPointer<Int>
    }

    /// By source: the list each fills (nil: a station table), as `TableJoin.Joined.Source.listSlot`.
    var listSlots: [Int?] { layout.listSlots.map { $0 < 0 ? nil : $0 } }

    /// Whether every list table the chunk takes rows of is planned (as `readTyped(joined:…)` requires of each).
    func listsArePlanned(_ plan: SurveyReader.TablePlan) -> Bool {
      layout.listSources.allSatisfy { layout.partFirstLines[$0] < 0 || plan.columns[$0] != nil }
    }

    /// Station `index`.
    func station(_ index: Int) -> PlainStation { PlainStation(stations: self, index: index) }

    /// Line `line` of source `source`'s part split into its cells in `bounds`; nil when it does not have the
    /// table's number of fields (never, for a line found plain, unless the file changed).
    fileprivate func row(_ source: Int, line: Int, bounds: UnsafeMutableBufferPointer<Int>) -> PlainRow? {
      let first = layout.partFirstLines[source]
      let start = Int(lines[first + line].start)
      let end = Int(lines[first + line].end)
      guard
        let composes = CSVScanner.cellBounds(
          of: bytes, start..<end, separator: UInt8(truncatingIfNeeded: layout.separators[source]),
          fields: layout.widths[source], into: bounds)
      else { return nil }
      return PlainRow(bytes: bytes, bounds: UnsafeBufferPointer(bounds), composes: composes)
    }
  }

  /// One station of a plain chunk.
  struct PlainStation: TypedStationRows {
    fileprivate let stations: PlainStations
    fileprivate let index: Int

    var source: Int { stations.source }
    var row: PlainRow? { stations.row(source, line: index, bounds: stations.stationBounds) }
    var hasLists: Bool { stations.hasKey[index] }
    var listCount: Int { stations.listNames.count }
    func listName(_ list: Int) -> String { stations.listNames[list] }

    func rowCount(ofList list: Int) -> Int {
      var rows = 0
      forEachTable(ofList: list) { _, _, count in rows += count }
      return rows
    }

    /// Each table of list `list` the station takes rows of: its source, the station's first row in its part, and
    /// how many rows.
    private func forEachTable(ofList list: Int, _ body: (_ source: Int, _ first: Int, _ count: Int) -> Void) {
      let layout = stations.layout
      let width = layout.listSources.count
      for table in layout.listTableStarts[list]..<layout.listTableStarts[list + 1] {
        let position = layout.listTablePositions[table]
        body(
          layout.listSources[position], Int(stations.firstRows[index * width + position]),
          Int(stations.taken[index * width + position]))
      }
    }

    func forEachRow(ofList list: Int, _ body: (Int, PlainRow) -> Bool) -> Bool {
      var read = true
      forEachTable(ofList: list) { source, first, count in
        for line in first..<(first + count) where read {
          guard let row = stations.row(source, line: line, bounds: stations.listBounds), body(source, row) else {
            read = false
            return
          }
        }
      }
      return read
    }

    var location: SourceLocation {
      // As `TableJoin.Joined.rowLocation(line:table:)` makes it.
      SourceLocation(file: stations.file, line: stations.stationLine + index, column: 1, sheet: stations.sheet)
    }
  }

  /// A plain line's cells: their bytes, composed to NFC (as the reading composes a cell) where they need it.
  struct PlainRow: TypedCells {
    fileprivate let bytes: UnsafeBufferPointer<UInt8>
    /// Where each cell starts, then where the line ends plus one: cell `i` ends a byte before cell `i + 1` starts.
    fileprivate let bounds: UnsafeBufferPointer<Int>
    /// Whether some cell of the line may need composing (`CSVScanner.cellBounds`): most lines need none.
    fileprivate let composes: Bool

    private func raw(_ index: Int) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: bytes[bounds[index]..<(bounds[index + 1] - 1)])
    }

    func isErrorCell(_ index: Int) -> Bool { false }

    func withCellBytes<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
      let cell = raw(index)
      guard composes, InputBytes.mayNeedComposing(cell) else { return body(cell) }
      var text = String(decoding: cell, as: UTF8.self).nfc
      return text.withUTF8(body)
    }

    func cell(_ index: Int) -> String {
      let cell = raw(index)
      let text = String(decoding: cell, as: UTF8.self)
      return composes && InputBytes.mayNeedComposing(cell) ? text.nfc : text
    }
  }
}
