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
    /// The chunk.
    let chunk: Chunk
    /// The parts' bytes back to back: the chunk's station rows, then the rows of each list table it takes.
    fileprivate let bytes: [UInt8]
    /// Each part's lines' starts in `bytes`, part after part, each part's followed by where the part ends.
    fileprivate let starts: [Int32]
    /// By source: where its part is (nil: the chunk takes no row of it).
    fileprivate let parts: [Part?]
    /// For each station, then each list table (in `listSources` order): its first row in that table's part.
    fileprivate let firstRows: [Int32]
    /// By source: its separator and how many fields a row has.
    fileprivate let separators: [UInt8]
    fileprivate let widths: [Int]
    fileprivate let tables: [Table]
    fileprivate let listSlots: [Int?]
    fileprivate let listSources: [Int]
    fileprivate let lists: [(name: String, tables: [Int])]

    fileprivate struct Part: Sendable {
      /// Its first line's entry in `starts`.
      var firstStart: Int
      /// Where it starts in `bytes`, and in its file (with the line it starts on).
      var base: Int
      var start: CSVRowReader.Checkpoint
    }

    /// `body` given the chunk's stations to read, valid only while it runs.
    func withStations<Result>(_ body: (PlainStations) -> Result) -> Result {
      let widest = widths.max() ?? 0
      return bytes.withUnsafeBufferPointer { bytes in
        starts.withUnsafeBufferPointer { starts in
          firstRows.withUnsafeBufferPointer { firstRows in
            chunk.taken.withUnsafeBufferPointer { taken in
              withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (widest + 1)) { bounds in
                body(
                  PlainStations(
                    chunk: self, bytes: bytes, starts: starts, firstRows: firstRows, taken: taken,
                    stationBounds: UnsafeMutableBufferPointer(rebasing: bounds[..<(widest + 1)]),
                    listBounds: UnsafeMutableBufferPointer(rebasing: bounds[(widest + 1)...])))
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
          offset: part.start.offset + Int(starts[part.firstStart + line]) - part.base, line: part.start.line + line)
      }
      let width = listSources.count
      var listRows: [ListRows?] = []
      for (position, source) in listSources.enumerated() {
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
    var bytes: [UInt8] = []
    var starts: [Int32] = []
    var parts = [PlainChunk.Part?](repeating: nil, count: sources.count)
    for part in wanted {
      let read = readers[part.source].bytes(part.start.offset..<part.end)
      guard read.count == part.end - part.start.offset, bytes.count + read.count < Int(Int32.max) else { return nil }
      let base = bytes.count
      bytes += read
      parts[part.source] = PlainChunk.Part(firstStart: starts.count, base: base, start: part.start)
      let lines = bytes.withUnsafeBufferPointer { Self.appendLineStarts($0, from: base, to: &starts) }
      guard lines == part.lines else { return nil }
      starts.append(Int32(bytes.count))
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
      chunk: chunk, bytes: bytes, starts: starts, parts: parts, firstRows: firstRows,
      separators: readers.map(\.separator), widths: sources.map(\.table.columns.count), tables: sources.map(\.table),
      listSlots: sources.map(\.listSlot), listSources: listSources, lists: lists)
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

  /// Appends the start of each line of `bytes` from `from` to their end (which ends a line) to `starts`; how many.
  private static func appendLineStarts(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to starts: inout [Int32])
    -> Int
  {
    var count = 0
    var cursor = from
    let end = bytes.count
    while cursor < end {
      starts.append(Int32(cursor))
      count += 1
      cursor = CSVScanner.lineBreak(in: bytes, from: cursor)
      guard cursor < end else { break }
      // A line feed, a carriage return, or both: one line break.
      cursor +=
        bytes[cursor] == UInt8(ascii: "\r") && cursor + 1 < end && bytes[cursor + 1] == UInt8(ascii: "\n") ? 2 : 1
    }
    return count
  }

  /// A plain chunk's stations, read from its bytes (`PlainChunk.withStations`).
  struct PlainStations {
    fileprivate let chunk: PlainChunk
    fileprivate let bytes: UnsafeBufferPointer<UInt8>
    fileprivate let starts: UnsafeBufferPointer<Int32>
    fileprivate let firstRows: UnsafeBufferPointer<Int32>
    fileprivate let taken: UnsafeBufferPointer<UInt32>
    /// Room for the cells' bounds of the station's row, and of one list row.
    fileprivate let stationBounds: UnsafeMutableBufferPointer<Int>
    fileprivate let listBounds: UnsafeMutableBufferPointer<Int>

    /// How many stations the chunk has.
    var count: Int { chunk.chunk.stations }

    /// By source: the list each fills (nil: a station table), as `TableJoin.Joined.Source.listSlot`.
    var listSlots: [Int?] { chunk.listSlots }

    /// Whether every list table the chunk takes rows of is planned (as `readTyped(joined:…)` requires of each).
    func listsArePlanned(_ plan: SurveyReader.TablePlan) -> Bool {
      chunk.listSources.allSatisfy { chunk.parts[$0] == nil || plan.columns[$0] != nil }
    }

    /// Station `index`.
    func station(_ index: Int) -> PlainStation { PlainStation(stations: self, index: index) }

    /// Line `line` of source `source`'s part split into its cells in `bounds`; nil when it does not have the
    /// table's number of fields (never, for a line found plain, unless the file changed).
    fileprivate func row(_ source: Int, line: Int, bounds: UnsafeMutableBufferPointer<Int>) -> PlainRow? {
      let part = chunk.parts[source]!
      let start = Int(starts[part.firstStart + line])
      var end = Int(starts[part.firstStart + line + 1]) - 1
      // The line break: a line feed, a carriage return, or both.
      if bytes[end] == UInt8(ascii: "\n"), end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
      let width = chunk.widths[source]
      guard
        let ascii = CSVScanner.cellBounds(
          of: bytes, start..<end, separator: chunk.separators[source], fields: width, into: bounds)
      else { return nil }
      return PlainRow(bytes: bytes, bounds: UnsafeBufferPointer(bounds), ascii: ascii)
    }
  }

  /// One station of a plain chunk.
  struct PlainStation: TypedStationRows {
    fileprivate let stations: PlainStations
    fileprivate let index: Int

    var source: Int { stations.chunk.chunk.source }
    var row: PlainRow? { stations.row(source, line: index, bounds: stations.stationBounds) }
    var hasLists: Bool { stations.chunk.chunk.hasKey[index] }
    var listCount: Int { stations.chunk.lists.count }
    func listName(_ list: Int) -> String { stations.chunk.lists[list].name }

    func forEachRow(ofList list: Int, _ body: (Int, PlainRow) -> Bool) -> Bool {
      let width = stations.chunk.listSources.count
      for position in stations.chunk.lists[list].tables {
        let source = stations.chunk.listSources[position]
        let first = Int(stations.firstRows[index * width + position])
        for line in first..<(first + Int(stations.taken[index * width + position])) {
          guard let row = stations.row(source, line: line, bounds: stations.listBounds), body(source, row) else {
            return false
          }
        }
      }
      return true
    }

    var location: SourceLocation {
      let part = stations.chunk.parts[source]!
      return TableJoin.Joined.rowLocation(line: part.start.line + index, table: stations.chunk.tables[source])
    }
  }

  /// A plain line's cells: their bytes, composed to NFC (as the reading composes a cell) where they need it.
  struct PlainRow: TypedCells {
    fileprivate let bytes: UnsafeBufferPointer<UInt8>
    /// Where each cell starts, then where the line ends plus one: cell `i` ends a byte before cell `i + 1` starts.
    fileprivate let bounds: UnsafeBufferPointer<Int>
    /// Whether the line is ASCII, which needs no composing.
    fileprivate let ascii: Bool

    private func raw(_ index: Int) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: bytes[bounds[index]..<(bounds[index + 1] - 1)])
    }

    func isErrorCell(_ index: Int) -> Bool { false }

    func withCellBytes<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
      let cell = raw(index)
      guard !ascii, InputBytes.mayNeedComposing(cell) else { return body(cell) }
      var text = String(decoding: cell, as: UTF8.self).nfc
      return text.withUTF8(body)
    }

    func cell(_ index: Int) -> String {
      let cell = raw(index)
      let text = String(decoding: cell, as: UTF8.self)
      return !ascii && InputBytes.mayNeedComposing(cell) ? text.nfc : text
    }
  }
}
