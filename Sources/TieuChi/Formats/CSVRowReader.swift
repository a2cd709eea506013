/// A CSV file read a piece at a time: the header once, then rows in pieces of any size, each piece a table of its
/// own with the file's columns; and a reader can start again at any kept row it has seen (`Checkpoint`).
///
/// `CSVReader.read(bytes:file:)` is this reader asked for every row at once, so a file read in pieces gives the
/// same rows, lines, columns and problems as read whole. That lets a big batch hold a few thousand rows at a
/// time instead of the whole table (`TableJoin.streamed`), and, for a file on disk, a block of its bytes instead
/// of the whole file.
package struct CSVRowReader: Sendable {
  /// Where a kept row starts: reading again from it gives that row, then the ones after it, exactly as the first
  /// reading did (a record always starts a line, so its offset and line say all the scanner needs).
  package struct Checkpoint: Sendable, Equatable {
    package var offset: Int
    package var line: Int
  }

  /// Where the bytes are: in memory (UTF-16 already transcoded), or in a file read a block at a time.
  private let source: ByteSource
  /// The bytes read from `source` now: those from offset `base` on, up to the end of a line (or of the source).
  private var buffer: [UInt8]
  private var base: Int
  /// The header's columns and line, and every problem found so far (the header's, then the rows').
  private var table: Table
  /// The separator between fields, found in the header.
  package private(set) var separator: UInt8
  /// Where the next row is looked for; nil once the bytes end (or the header left nothing to read).
  private var next: Checkpoint?
  private var ignoredEmptyFields: CSVScanner.IgnoredEmptyFields?

  /// The bytes read from a file at a time (more up to the end of a line); a record that does not end in them is
  /// read again with twice as many.
  private let blockSize: Int

  /// `blockSize` unless told otherwise: a few thousand rows, few enough to hold one per table and core.
  package static let block = 4 << 20
  /// The most bytes read first, for the header: a batch opens all its files at once, and holds this much of each.
  static let headerBlock = 64 << 10

  /// A reader of `bytes` (the file named `file`), its header read.
  package init(bytes: [UInt8], file: String) {
    self.init(source: .memory(bytes), file: file)
  }

  /// A reader of `source` (the file named `file`), its header read; a file on disk is read `block` bytes at a
  /// time (tests use small blocks to cut records everywhere).
  package init(source: ByteSource, file: String, block: Int = CSVRowReader.block) {
    var source = source
    var buffer: [UInt8]
    switch source {
    case .memory(let bytes):
      buffer = InputBytes.utf8(bytes)
      source = .memory(buffer)
    case .file:
      buffer = Self.block(of: source, from: 0, size: min(block, Self.headerBlock))
      // UTF-16 is transcoded whole, and a header that cannot be read counts every line after it: both read all.
      if InputBytes.utf16ByteOrder(buffer) != nil {
        buffer = InputBytes.utf8(source.all)
        source = .memory(buffer)
      }
    }
    var table = Table(name: file)
    var next: Checkpoint?
    var separator = UInt8(ascii: ",")
    while true {
      var header = Table(name: file)
      var read = false
      buffer.withUnsafeBufferPointer { bytes in
        var scanner = CSVScanner(bytes: bytes, file: file)
        read = scanner.readHeader(into: &header)
        if read { next = Checkpoint(offset: scanner.index, line: scanner.position.line) }
        separator = scanner.separator
      }
      table = header
      if read || buffer.count == source.count { break }
      buffer = source.all
      source = .memory(buffer)
    }
    self.source = source
    self.blockSize = max(1, block)
    self.buffer = buffer
    self.base = 0
    self.table = table
    self.next = next
    self.separator = separator
  }

  /// The bytes of `source` from `offset`, at least `size` of them (all there are near the end) and up to the end of
  /// a line: no record is cut inside a line, and one cut inside a quoted field is seen (`reachedEndInQuote`).
  private static func block(of source: ByteSource, from offset: Int, size: Int) -> [UInt8] {
    var size = size
    while true {
      var bytes = source.read(offset..<(offset + size))
      if offset + bytes.count >= source.count || bytes.count < size { return bytes }
      // The last line end: a line feed, or a carriage return alone (old Mac exports), never one whose line feed
      // may be the next byte — a CRLF cut in two would count as two lines.
      var lineEnd = bytes.count - 1
      while lineEnd >= 0, bytes[lineEnd] != 0x0A,
        bytes[lineEnd] != 0x0D || lineEnd + 1 == bytes.count
          || bytes[lineEnd + 1] == 0x0A
      {
        lineEnd -= 1
      }
      if lineEnd >= 0 {
        bytes.removeSubrange((lineEnd + 1)...)
        return bytes
      }
      size *= 2
    }
  }

  /// A reader that goes on from `checkpoint`, a row another reader of the same file kept; its problems start
  /// empty (the first reader has them). `end`: where the rows wanted end, when known, to read no more.
  package func resumed(at checkpoint: Checkpoint, upTo end: Int? = nil) -> CSVRowReader {
    var copy = continued(at: checkpoint)
    copy.table.diagnostics = []
    copy.table.lostRows = 0
    copy.ignoredEmptyFields = nil
    if case .file = source, let end {
      copy.buffer = Self.block(of: source, from: checkpoint.offset, size: max(1, end - checkpoint.offset))
    }
    return copy
  }

  /// The same reader, its problems kept, going on from `checkpoint`: where another reader of the same file found
  /// a row to start (so that the problems of the rows on are counted as this reader counts them). A file's bytes
  /// are read again when rows are asked for.
  package func continued(at checkpoint: Checkpoint) -> CSVRowReader {
    var copy = self
    copy.next = checkpoint
    if case .file = source {
      copy.base = checkpoint.offset
      copy.buffer = []
    }
    return copy
  }

  /// The same reader without the block of a file's bytes it holds (read again when rows are asked for): for a
  /// reader kept for where it is and the problems it found.
  package func withoutBlock() -> CSVRowReader {
    if let next { return continued(at: next) }
    guard case .file = source else { return self }
    var copy = self
    copy.buffer = []
    return copy
  }

  /// The header: the table's name, columns and header line, without rows (its problems are `finished()`'s).
  package var header: Table {
    var header = table
    header.diagnostics = []
    header.lostRows = 0
    return header
  }

  /// The file's bytes in `range` (as UTF-8, when it was UTF-16); fewer when it has shrunk since it was listed.
  package func bytes(_ range: Range<Int>) -> [UInt8] { source.read(range) }

  /// How many bytes the file has (as UTF-8, when it was UTF-16).
  package var byteCount: Int { source.count }

  /// Whether every row has been read.
  package var isAtEnd: Bool { next == nil }

  /// Where the next row is looked for; nil once every row has been read.
  package var nextRow: Checkpoint? { next }

  /// The next rows, up to `limit` kept ones (fewer at the end of the file); their problems are kept for
  /// `finished()`. `kept` is told where each row kept starts, to read from there again.
  ///
  /// - Parameter before: no row is read that starts at this offset or after (the next row starts there, or later).
  /// - Parameter reservingFor: how many bytes of text the rows may hold, to size the buffers once.
  /// - Parameter only: when given (a flag per column), the rows that are plain lines hold the flagged cells' text
  ///   only, the others before the last flagged one empty and those after it left out (`CSVScanner.readPlainLine`):
  ///   the same rows and problems, for a reading that wants a few columns of every row.
  /// - Parameter irregular: with `only`, told the offset of each record that is not a plain line (in order): a
  ///   range of the file without one is plain lines only, each a row kept as written (`TableJoin.Streamed`).
  package mutating func read(
    rows limit: Int, before end: Int = .max, reservingFor expected: Int = 0, only: [Bool]? = nil,
    kept: (Checkpoint) -> Void = { _ in }, irregular: (Int) -> Void = { _ in }
  ) -> Table.Rows {
    read(rows: limit, before: end, reservingFor: expected, only: only, keys: nil, kept: kept, irregular: irregular).rows
  }

  /// The key cells of the next rows, up to `limit` (fewer at the end of the file), in runs of rows written alike
  /// (`CSVScanner.KeyRuns`), the code's in column `code` and the year's in `year`: the same rows and problems as
  /// `read(rows:before:only:…)` flagging those two columns, without the rows. `irregular` as there.
  mutating func readKeyRuns(
    rows limit: Int, before end: Int = .max, code: Int, year: Int?, irregular: (Int) -> Void = { _ in }
  ) -> CSVScanner.KeyRuns {
    read(
      rows: limit, before: end, reservingFor: 0, only: nil, keys: (code, year), kept: { _ in }, irregular: irregular
    ).keys ?? CSVScanner.KeyRuns(code: code, year: year)
  }

  /// `read(rows:…)`, or with `keys` the rows' key cells in runs (`readKeyRuns`).
  private mutating func read(
    rows limit: Int, before end: Int, reservingFor expected: Int, only: [Bool]?, keys: (code: Int, year: Int?)?,
    kept: (Checkpoint) -> Void, irregular: (Int) -> Void
  ) -> (rows: Table.Rows, keys: CSVScanner.KeyRuns?) {
    guard next != nil else { return (Table.Rows(), nil) }
    var runs = keys.map { CSVScanner.KeyRuns(code: $0.code, year: $0.year) }
    // Read again from here, with a bigger block, when a quoted field runs past the block.
    let before = self
    var size = blockSize
    var builder = Table.Builder()
    var starts: [Checkpoint] = []
    var irregulars: [Int] = []
    // Rows read so far: rows kept, or the rows of the runs.
    var count: Int { starts.count + (runs?.runs.reduce(0) { $0 + $1.rows } ?? 0) }
    while let start = next, count < limit, start.offset < end {
      if start.offset < base || start.offset >= base + buffer.count {
        buffer = Self.block(of: source, from: start.offset, size: size)
        base = start.offset
      }
      // No bytes where some were expected: the file has shrunk since it was listed, and ends here.
      let atSourceEnd = buffer.isEmpty || base + buffer.count >= source.count
      let reserve = min(expected, buffer.count - (start.offset - base))
      builder.reserveCapacity(rows: reserve / (8 * max(1, table.columns.count)), cells: reserve / 8, bytes: reserve)
      var cut = false
      buffer.withUnsafeBufferPointer { bytes in
        var scanner = CSVScanner(bytes: bytes, file: table.name)
        scanner.separator = separator
        scanner.index = start.offset - base
        scanner.position = LinePosition(start: start.offset - base, line: start.line)
        scanner.rows = builder
        builder = Table.Builder()
        runs?.base = base
        scanner.keyRuns = runs.take()
        scanner.readRows(
          into: &table, limit: limit - count, before: end == .max ? .max : end - base,
          ignoredEmptyFields: &ignoredEmptyFields, only: only
        ) {
          offset, line in
          starts.append(Checkpoint(offset: base + offset, line: line))
        } irregular: {
          irregulars.append(base + $0)
        }
        cut = scanner.reachedEndInQuote && !atSourceEnd
        next =
          scanner.index < scanner.end || !atSourceEnd
          ? Checkpoint(offset: base + scanner.index, line: scanner.position.line) : nil
        builder = scanner.rows
        runs = scanner.keyRuns.take()
      }
      if cut {
        // Everything this call read, again, from where it began, with twice the bytes.
        self = before
        size *= 2
        buffer = Self.block(of: source, from: before.next!.offset, size: size)
        base = before.next!.offset
        builder = Table.Builder()
        starts = []
        irregulars = []
        runs = keys.map { CSVScanner.KeyRuns(code: $0.code, year: $0.year) }
        continue
      }
      if next != nil && next!.offset < base + buffer.count { break }
    }
    for start in starts { kept(start) }
    for offset in irregulars { irregular(offset) }
    return (Table.Rows(builder), runs)
  }

  /// The table without its rows: the header, with every problem of the rows read (the rows this reader skipped
  /// counted in `lostRows`).
  package consuming func finished() -> Table {
    if let ignored = ignoredEmptyFields, ignored.rows > 1 {
      CSVReader.Messages.alsoOnOtherRows(&table.diagnostics[ignored.diagnostic], others: ignored.rows - 1)
    }
    return table
  }
}
