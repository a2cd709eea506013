/// A CSV file read a piece at a time: the header once, then rows in pieces of any size, each piece a table of its
/// own with the file's columns; and a reader can start again at any kept row it has seen (`Checkpoint`).
///
/// `CSVReader.read(bytes:file:)` is this reader asked for every row at once, so a file read in pieces gives the
/// same rows, lines, columns and problems as read whole. That lets a big batch hold a few thousand rows at a
/// time instead of the whole table (`TableJoin.stream`).
package struct CSVRowReader: Sendable {
  /// Where a kept row starts: reading again from it gives that row, then the ones after it, exactly as the first
  /// reading did (a record always starts a line, so its offset and line say all the scanner needs).
  package struct Checkpoint: Sendable, Equatable {
    package var offset: Int
    package var line: Int
  }

  /// The file's bytes as UTF-8 (UTF-16 transcoded).
  private let bytes: [UInt8]
  /// The header's columns and line, and every problem found so far (the header's, then the rows').
  private var table: Table
  private var separator: UInt8
  /// Where the next row is looked for; nil once the bytes end (or the header left nothing to read).
  private var next: Checkpoint?
  private var ignoredEmptyFields: CSVScanner.IgnoredEmptyFields?

  /// A reader of `bytes` (the file named `file`), its header read.
  package init(bytes: [UInt8], file: String) {
    self.bytes = InputBytes.utf8(bytes)
    var table = Table(name: file)
    var next: Checkpoint?
    var separator = UInt8(ascii: ",")
    self.bytes.withUnsafeBufferPointer { buffer in
      var scanner = CSVScanner(bytes: buffer, file: file)
      if scanner.readHeader(into: &table) {
        next = Checkpoint(offset: scanner.index, line: scanner.position.line)
      }
      separator = scanner.separator
    }
    self.table = table
    self.next = next
    self.separator = separator
  }

  /// A reader that goes on from `checkpoint`, a row another reader of the same file kept; its problems start
  /// empty (the first reader has them).
  package func resumed(at checkpoint: Checkpoint) -> CSVRowReader {
    var copy = self
    copy.table.diagnostics = []
    copy.table.lostRows = 0
    copy.ignoredEmptyFields = nil
    copy.next = checkpoint
    return copy
  }

  /// The header: the table's name, columns and header line, without rows (its problems are `finished()`'s).
  package var header: Table {
    var header = table
    header.diagnostics = []
    header.lostRows = 0
    return header
  }

  /// Whether every row has been read.
  package var isAtEnd: Bool { next == nil }

  /// The next rows, up to `limit` kept ones (fewer at the end of the file); their problems are kept for
  /// `finished()`. `kept` is told where each row kept starts, to read from there again.
  ///
  /// - Parameter reservingFor: how many bytes of text the rows may hold, to size the buffers once.
  package mutating func read(
    rows limit: Int, reservingFor expected: Int = 0, kept: (Checkpoint) -> Void = { _ in }
  ) -> Table.Rows {
    guard let start = next else { return Table.Rows() }
    var builder = Table.Builder()
    let width = max(1, table.columns.count)
    let reserve = min(expected, bytes.count - start.offset)
    builder.reserveCapacity(rows: reserve / (8 * width), cells: reserve / 8, bytes: reserve)
    bytes.withUnsafeBufferPointer { buffer in
      var scanner = CSVScanner(bytes: buffer, file: table.name)
      scanner.separator = separator
      scanner.index = start.offset
      scanner.position = LinePosition(start: start.offset, line: start.line)
      scanner.rows = builder
      builder = Table.Builder()
      scanner.readRows(into: &table, limit: limit, ignoredEmptyFields: &ignoredEmptyFields) { offset, line in
        kept(Checkpoint(offset: offset, line: line))
      }
      next = scanner.index < scanner.end ? Checkpoint(offset: scanner.index, line: scanner.position.line) : nil
      builder = scanner.rows
    }
    return Table.Rows(builder)
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
