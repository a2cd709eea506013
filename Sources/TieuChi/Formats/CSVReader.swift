/// Reads CSV files as Excel (Vietnamese locale: `;` and decimal commas) and
/// KoboToolbox/ODK exports produce them.
///
/// A strict reader of its own, over bytes: common libraries drop leading spaces, accept malformed
/// quotes silently, or give no line numbers, and a checker must say where bad input is. Problems are
/// per record: a bad row is reported and dropped, and the other rows are still returned.
package enum CSVReader {
  /// Bounds on one record, so that a hostile file (a million columns, a gigabyte line) fails fast with a
  /// clear error instead of costing seconds per row in the layers that walk columns.
  package static let maxColumns = 1_000
  package static let maxRecordBytes = 1_048_576

  /// Reads a CSV file: UTF-8 with or without a byte order mark; CRLF, LF or lone CR line ends;
  /// RFC 4180 quoting, including line breaks inside quoted fields.
  ///
  /// The separator is detected from the header line: the most frequent of `,`, `;` and tab outside
  /// quotes, ties going to `,` then `;`. An Excel `sep=;` first line sets it explicitly.
  /// Lines whose fields are all empty or spaces are skipped. A row with more or fewer fields than the
  /// header is dropped with an error, except that extra fields which are all empty (an Excel
  /// artefact) are ignored with one warning for the file.
  ///
  /// Rows it had to drop are counted in the table's `lostRows`, once per line they took; when the
  /// header cannot be read, or an unclosed quote ends the reading, every non-blank line not read counts.
  package static func read(bytes: [UInt8], file: String) -> Table {
    // The same reader that reads a file a piece at a time (`CSVRowReader`), asked for every row at once.
    var reader = CSVRowReader(bytes: bytes, file: file)
    let rows = reader.read(rows: Int.max, reservingFor: bytes.count)
    var table = reader.finished()
    table.rows = rows
    return table
  }

  /// The separator `read(bytes:file:)` uses for these bytes: an Excel `sep=` line's, or the one
  /// detected on the header line.
  package static func separator(of bytes: [UInt8]) -> UInt8 {
    bytes.withUnsafeBufferPointer { buffer in
      var scanner = CSVScanner(bytes: buffer, file: "")
      scanner.skipPreamble()
      return scanner.separator
    }
  }
}

extension UInt8 {
  fileprivate static let tab: UInt8 = 0x09
  fileprivate static let lineFeed: UInt8 = 0x0A
  fileprivate static let carriageReturn: UInt8 = 0x0D
  fileprivate static let space: UInt8 = 0x20
  fileprivate static let quote: UInt8 = 0x22
  fileprivate static let comma: UInt8 = 0x2C
  fileprivate static let semicolon: UInt8 = 0x3B
}

/// One pass over the bytes, record by record; `CSVRowReader` keeps where it stopped between passes.
struct CSVScanner {
  enum Role {
    case header
    case row
  }

  enum Outcome {
    /// A well-formed record starting on `line`, its cells in `rows` (begun, not yet kept); `invalidText`
    /// reports invalid UTF-8 in it (a row with it is dropped).
    case record(line: Int, invalidText: Diagnostic?)
    /// A malformed record, already skipped to the end of its line; reading goes on.
    case dropped(Diagnostic)
    /// Nothing after this point can be read.
    case stopped(Diagnostic)
    /// The table cannot hold more text: this record and every one after it are lost.
    case full(Diagnostic)
    case end

    var isEnd: Bool {
      if case .end = self { true } else { false }
    }
  }

  let bytes: UnsafeBufferPointer<UInt8>
  let end: Int
  let file: String
  var separator = UInt8.comma
  var index = 0
  var position = LinePosition()
  /// Reused buffer for quoted fields with doubled quotes.
  var scratch: [UInt8] = []
  /// The rows read; `readRecord` begins a row in it, which the caller keeps or drops.
  var rows = Table.Builder()
  /// Whether a quoted field ran to the end of the bytes: when they are a block of a bigger file, the field may
  /// close in the next block, so the block must be read again with more (`CSVRowReader`).
  var reachedEndInQuote = false
  /// Set to gather only the key cells of the rows read (`readRows`), in runs, rather than rows.
  var keyRuns: KeyRuns?

  init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
    self.bytes = bytes
    self.end = bytes.count
    self.file = file
  }

  // MARK: Table

  /// Skips a byte order mark and blank lines, and settles the separator.
  mutating func skipPreamble() {
    if InputBytes.hasUTF8ByteOrderMark(bytes) {
      index = 3
      position = LinePosition(start: 3)
    }
    skipBlankLines()
    if !readSeparatorHint() { separator = detectSeparator() }
  }

  /// Reads the header into `table` (columns, header line, problems); false when no row can follow it (an empty
  /// file, a header that cannot be read, UTF-16), every line after it then counted in `table.lostRows`.
  mutating func readHeader(into table: inout Table) -> Bool {
    if InputBytes.hasUTF16ByteOrderMark(bytes) {
      table.diagnostics.append(CSVReader.Messages.utf16(file: file))
      // Each line after the header may be a station: count them (a line feed is one 16-bit unit, 0x000A).
      var lines = 0
      var offset = 2
      while offset + 1 < end {
        if (bytes[offset] == .lineFeed && bytes[offset + 1] == 0)
          || (bytes[offset] == 0 && bytes[offset + 1] == .lineFeed)
        {
          lines += 1
        }
        offset += 2
      }
      let last = end >= 2 ? (bytes[end - 2] == .lineFeed || bytes[end - 1] == .lineFeed) : true
      table.lostRows = max(1, lines + (last ? 0 : 1) - 1)
      return false
    }
    skipPreamble()

    var header: Table.Row
    findHeader: while true {
      let recordLine = position.line
      let recordStart = index
      switch readRecord(expectedFields: 16, role: .header) {
      case .end:
        table.diagnostics.append(CSVReader.Messages.emptyFile(file))
        return false
      case .dropped(let diagnostic), .stopped(let diagnostic), .full(let diagnostic):
        table.headerLine = recordLine
        table.diagnostics.append(diagnostic)
        // No row can be placed without the header: every line after it is lost.
        table.lostRows = max(1, nonBlankLines(from: recordStart) - 1)
        return false
      case .record(let line, let invalidText):
        if rows.pendingIsBlank {
          rows.cancelRow()
          continue findHeader
        }
        // A header with a garbled name is still the best guess at the columns.
        if let invalidText { table.diagnostics.append(invalidText) }
        header = rows.pendingRow(line: line)
        break findHeader
      }
    }
    table.headerLine = header.line
    table.columns = (0..<header.cellCount).map { position in
      Table.Column(name: Self.trimmed(header.cell(position)), location: header.location(ofCell: position, file: file))
    }
    rows.cancelRow()
    checkNames(table.columns, into: &table.diagnostics)
    return true
  }

  /// The first problem about extra empty fields (its place in the table's diagnostics), and how many rows had them.
  typealias IgnoredEmptyFields = (diagnostic: Int, rows: Int)

  /// Reads rows after the header into `rows` until `limit` are kept, a record would start at `stop` or after, or the
  /// bytes end, adding their problems to `table` (the header's table). `kept` is told where each row kept starts:
  /// its byte offset and line.
  ///
  /// `only`: when given (one flag per column), a row that is a plain line keeps the text of the flagged cells only,
  /// the others up to the last flagged one empty (`readPlainLine`); any other row is read in full, so the rows kept
  /// and the problems found are the same either way.
  ///
  /// `irregular` is told where each record starts that `only` was given for and that is not a plain line: every
  /// other line from where reading began is a row kept as it is written, with no problem.
  mutating func readRows(
    into table: inout Table, limit: Int, before stop: Int = .max, ignoredEmptyFields: inout IgnoredEmptyFields?,
    only: [Bool]? = nil, kept: (_ offset: Int, _ line: Int) -> Void = { _, _ in },
    irregular: (_ offset: Int) -> Void = { _ in }
  ) {
    let width = table.columns.count
    var count = 0
    readRows: while count < limit, index < stop {
      let recordStart = index
      let recordLine = position.line
      if keyRuns != nil {
        if readPlainKeys(width: width) {
          count += 1
          continue readRows
        }
      } else if let only, readPlainLine(width: width, keeping: only) {
        kept(recordStart, recordLine)
        count += 1
        continue readRows
      }
      // A dropped record counts once per line it took: a misplaced quote may have joined several rows.
      var linesTaken: Int { max(1, position.line - recordLine) }
      let outcome = readRecord(expectedFields: width, role: .row)
      // The end of the bytes is no record (and, in a block of a bigger file, the start of the next block's first).
      if only != nil || keyRuns != nil, !outcome.isEnd { irregular(recordStart) }
      switch outcome {
      case .end:
        break readRows
      case .full(let diagnostic):
        table.diagnostics.append(diagnostic)
        table.lostRows += nonBlankLines(from: recordStart)
        break readRows
      case .stopped(let diagnostic):
        // A quote that never closes swallowed the rest of the file: it cannot have meant to, so the record
        // is its own line only, and reading resumes at the next one.
        table.diagnostics.append(diagnostic)
        table.lostRows += 1
        reachedEndInQuote = true
        resume(afterLineOf: recordStart, line: recordLine)
      case .dropped(let diagnostic):
        table.diagnostics.append(diagnostic)
        if position.line > recordLine + 1 {
          // A misplaced quote joined several lines into one broken record: lose the first line only.
          table.lostRows += 1
          resume(afterLineOf: recordStart, line: recordLine)
        } else {
          table.lostRows += linesTaken
        }
      case .record(let line, let invalidText):
        if rows.pendingIsBlank {
          rows.cancelRow()
          continue readRows
        }
        if let invalidText {
          rows.cancelRow()
          table.diagnostics.append(invalidText)
          table.lostRows += linesTaken
          continue readRows
        }
        let cells = rows.pendingCells
        if cells == width {
          keepRow(line: line, startingAt: (recordStart, recordLine), kept: kept)
          count += 1
          continue readRows
        }
        if cells > width, rows.pendingCellsAreEmpty(from: width) {
          // Excel writes empty trailing cells of a once-used column as extra separators: no data
          // is lost by ignoring them, and one warning per file is enough.
          if let ignored = ignoredEmptyFields {
            ignoredEmptyFields = (ignored.diagnostic, ignored.rows + 1)
          } else {
            ignoredEmptyFields = (table.diagnostics.count, 1)
            let location = rows.pendingRow(line: line).location(ofCell: width, file: file)
            table.diagnostics.append(CSVReader.Messages.extraEmptyFields(cells, width: width, at: location))
          }
          rows.dropPendingCells(cells - width)
          keepRow(line: line, startingAt: (recordStart, recordLine), kept: kept)
          count += 1
          continue readRows
        }
        table.diagnostics.append(fieldCountError(line: line, width: width))
        rows.cancelRow()
        table.lostRows += linesTaken
      }
    }
  }

  /// Keeps the row begun, a record on `line` whose reading started at `start`: its key cells into `keyRuns` (the row
  /// itself dropped) when they are gathered, else the row into `rows`, with `start` told to `kept`.
  private mutating func keepRow(
    line: Int, startingAt start: (offset: Int, line: Int), kept: (_ offset: Int, _ line: Int) -> Void
  ) {
    guard let columns = keyRuns?.columns else {
      rows.commitRow(line: line)
      kept(start.offset, start.line)
      return
    }
    // Taken out while the row's cells are read: the two are parts of the scanner.
    var runs = keyRuns.take()!
    rows.withPendingCell(columns.code) { code in
      if let year = columns.year {
        rows.withPendingCell(year) { runs.add(code: code, year: $0, offset: start.offset, line: start.line) }
      } else {
        runs.add(code: code, year: nil, offset: start.offset, line: start.line)
      }
    }
    keyRuns = runs
    rows.cancelRow()
  }

  /// Keeps the record at `index` when it is a plain line — no quote, `width` fields, valid UTF-8, something other
  /// than spaces, a line break at its end, the flagged cells their own NFC — with the text of the flagged cells only
  /// (`keeping`, one flag per column; the other cells up to the last flagged one empty, the cells after it left out:
  /// the row is only read for its flagged cells, and a million lines' empty cells were a tenth of this reading), and
  /// moves past it; false, with nothing read, for any other record, which `readRecord` then reads in full.
  ///
  /// For the first reading of a big batch (`TableJoin.streamed`), which wants the keys of every row and the rows
  /// that have problems: a plain line is a row `readRecord` keeps as it is, with no problem, so reading it this
  /// way changes nothing but the time it takes (no cell but the keys is copied, normalised or located). The
  /// second reading flags every cell: a line is found eight bytes at a time instead of one.
  mutating func readPlainLine(width: Int, keeping: [Bool]) -> Bool {
    guard let (cursor, hasHigh) = plainLineEnd(width: width) else { return false }
    let start = index
    rows.beginRow()
    var cellStart = start
    // Each cell's column, counted on from the line's start: a cell's scalars, then its separator.
    var column = position.column(at: start, in: bytes)
    // The cells past the last one kept are left out: they need not even be found.
    let lastKept = keeping.lastIndex(of: true) ?? -1
    for field in 0..<(lastKept + 1) {
      let cellColumn = column
      var cellEnd = cellStart
      // What `nfc` would compose (`InputBytes.mayNeedComposing`), found in the same pass as the cell's end and its
      // scalars: a line of Vietnamese was read three times over.
      var composing = false
      if !hasHigh {
        while cellEnd < cursor, bytes[cellEnd] != separator { cellEnd += 1 }
        column += cellEnd - cellStart + 1
      } else {
        var scalars = 0
        while cellEnd < cursor {
          let byte = bytes[cellEnd]
          if byte == separator { break }
          if byte & 0xC0 != 0x80 { scalars += 1 }
          // A lead byte 0xE1 is followed by two continuation bytes in the line (it is valid UTF-8).
          if byte == 0xCC || byte == 0xCD || (byte == 0xE1 && (0x84...0x87).contains(bytes[cellEnd + 1])) {
            composing = true
          }
          cellEnd += 1
        }
        column += scalars + 1
      }
      let fits: Bool
      if keeping[field] {
        // Valid text (the line is) that `nfc` would leave as it is is copied as `readRecord` copies it; other text
        // is normalised there.
        guard !composing else {
          rows.cancelRow()
          return false
        }
        fits = rows.appendCell(
          UnsafeBufferPointer(rebasing: bytes[cellStart..<cellEnd]), column: Int32(truncatingIfNeeded: cellColumn))
      } else {
        fits = rows.appendCell(UnsafeBufferPointer(start: nil, count: 0), column: 0)
      }
      guard fits else {
        rows.cancelRow()
        return false
      }
      cellStart = cellEnd + 1
    }
    rows.commitRow(line: position.line)
    index = cursor + 1
    if bytes[cursor] == .carriageReturn, index < end, bytes[index] == .lineFeed { index += 1 }
    position.startLine(at: index)
    return true
  }

  /// Where the record at `index` ends (its line break) when it is a plain line — no quote, `width` fields, valid
  /// UTF-8, something other than spaces, a line break at its end, no longer than a record may be — and whether it
  /// has bytes that are not ASCII; nil for any other record. Nothing is read.
  @inline(__always)
  private func plainLineEnd(width: Int) -> (end: Int, high: Bool)? {
    let start = index
    var cursor = index
    var high: UInt8 = 0
    var separators = 0
    var blank = true
    // Where the bytes that are not ASCII lie (from the first word or byte with one, to the end of the last): only
    // they are validated, ASCII before or after them being valid whatever it is.
    var firstHigh = -1
    var highEnd = start
    // Eight bytes at a time while none ends the line or opens a quote: most of a line is letters and digits.
    if let base = UnsafeRawPointer(bytes.baseAddress) {
      let (lineFeeds, returns, quotes) = (
        Self.repeated(.lineFeed), Self.repeated(.carriageReturn), Self.repeated(.quote)
      )
      let (separatorBytes, spaces) = (Self.repeated(separator), Self.repeated(.space))
      var highBytes: UInt64 = 0
      while cursor + 8 <= end {
        let word = base.loadUnaligned(fromByteOffset: cursor, as: UInt64.self)
        if Self.zeroBytes(word ^ lineFeeds) | Self.zeroBytes(word ^ returns) | Self.zeroBytes(word ^ quotes) != 0 {
          break
        }
        let separatorMask = Self.zeroBytes(word ^ separatorBytes)
        separators += Self.topBitCount(separatorMask)
        if separatorMask | Self.zeroBytes(word ^ spaces) != Self.highBits { blank = false }
        if word & Self.highBits != 0 {
          if firstHigh < 0 { firstHigh = cursor }
          highEnd = cursor + 8
        }
        highBytes |= word
        cursor += 8
      }
      high = highBytes & Self.highBits != 0 ? 0x80 : 0
    }
    while cursor < end {
      let byte = bytes[cursor]
      if byte == .lineFeed || byte == .carriageReturn { break }
      if byte == .quote { return nil }
      if byte == separator {
        separators += 1
      } else if byte != .space {
        blank = false
      }
      if byte >= 0x80 {
        if firstHigh < 0 { firstHigh = cursor }
        highEnd = cursor + 1
      }
      high |= byte
      cursor += 1
    }
    // The record's size is checked as `readRecord` does, line break included.
    guard cursor < end, separators == width - 1, !blank, cursor + 2 - start <= CSVReader.maxRecordBytes else {
      return nil
    }
    // A sequence cut at either end of the bytes validated would have a byte outside them that is not ASCII.
    if high >= 0x80, InputBytes.firstInvalidUTF8(bytes, in: firstHigh..<min(highEnd, cursor)) != nil { return nil }
    return (cursor, high >= 0x80)
  }

  /// Reads the plain line at `index` (`plainLineEnd`) into `keyRuns`, its key cells only, as `readPlainLine` reads
  /// it keeping those cells, and moves past it; false, with nothing read, for any other record — or when a key cell
  /// is text `nfc` may change, which `readRecord` normalises.
  mutating func readPlainKeys(width: Int) -> Bool {
    guard let columns = keyRuns?.columns, let (cursor, hasHigh) = plainLineEnd(width: width) else { return false }
    let start = index
    var code = start..<start
    var year: Range<Int>?
    var cellStart = start
    for field in 0...max(columns.code, columns.year ?? 0) {
      var cellEnd = cellStart
      while cellEnd < cursor, bytes[cellEnd] != separator { cellEnd += 1 }
      if field == columns.code || field == columns.year {
        let cell = UnsafeBufferPointer(rebasing: bytes[cellStart..<cellEnd])
        if hasHigh, InputBytes.mayNeedComposing(cell) { return false }
        if field == columns.code { code = cellStart..<cellEnd } else { year = cellStart..<cellEnd }
      }
      cellStart = cellEnd + 1
    }
    keyRuns!.add(
      code: UnsafeBufferPointer(rebasing: bytes[code]), year: year.map { UnsafeBufferPointer(rebasing: bytes[$0]) },
      offset: start, line: position.line)
    index = cursor + 1
    if bytes[cursor] == .carriageReturn, index < end, bytes[index] == .lineFeed { index += 1 }
    position.startLine(at: index)
    return true
  }

  /// The offset of the first line feed or carriage return in `bytes` from `from` on, or the bytes' end: eight bytes
  /// at a time.
  static func lineBreak(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
    var cursor = from
    let end = bytes.count
    if let base = UnsafeRawPointer(bytes.baseAddress) {
      let (lineFeeds, returns) = (repeated(.lineFeed), repeated(.carriageReturn))
      while cursor + 8 <= end {
        let word = base.loadUnaligned(fromByteOffset: cursor, as: UInt64.self)
        let found = zeroBytes(word ^ lineFeeds) | zeroBytes(word ^ returns)
        // Little-endian: the first byte found is the lowest.
        if found != 0 { return cursor + found.trailingZeroBitCount / 8 }
        cursor += 8
      }
    }
    while cursor < end, bytes[cursor] != .lineFeed, bytes[cursor] != .carriageReturn { cursor += 1 }
    return cursor
  }

  /// The line of `bytes` starting at `offset`: where its text ends (at its line break, or the bytes' end) and where
  /// the next line starts (after a line feed, a carriage return, or both).
  static func line(in bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> (end: Int, next: Int) {
    let end = lineBreak(in: bytes, from: offset)
    guard end < bytes.count else { return (end, end) }
    let both = bytes[end] == .carriageReturn && end + 1 < bytes.count && bytes[end + 1] == .lineFeed
    return (end, end + (both ? 2 : 1))
  }

  /// Splits the line `range` of `bytes` (a plain line: no quote) at `separator` into `fields` cells: where each
  /// starts in `bounds`, then the line's end plus one. Whether some cell may need composing
  /// (`InputBytes.mayNeedComposing` of the whole line, which holds exactly when it holds of one of its cells: a
  /// separator is never part of what it looks for); nil when the line has another number of fields.
  ///
  /// Found in the same pass as the separators: asked of each cell read, it was a third of the lane's reading of list
  /// rows, while a line of Vietnamese in NFC almost never has one.
  static func cellBounds(
    of bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, separator: UInt8, fields: Int,
    into bounds: UnsafeMutableBufferPointer<Int>
  ) -> Bool? {
    var cursor = range.lowerBound
    let end = range.upperBound
    var field = 0
    var composes = false
    bounds[0] = cursor
    if let base = UnsafeRawPointer(bytes.baseAddress) {
      let separators = repeated(separator)
      // A combining mark's lead byte is 0xCC or 0xCD (equal but for the lowest bit); a jamo's is 0xE1.
      let (marks, oddBits, jamoLeads) = (repeated(0xCC), repeated(0xFE), repeated(0xE1))
      while cursor + 8 <= end {
        let word = base.loadUnaligned(fromByteOffset: cursor, as: UInt64.self)
        var found = zeroBytes(word ^ separators)
        while found != 0 {
          field += 1
          guard field < fields else { return nil }
          bounds[field] = cursor + found.trailingZeroBitCount / 8 + 1
          found &= found - 1
        }
        if !composes, word & highBits != 0 {
          if zeroBytes((word & oddBits) ^ marks) != 0 { composes = true }
          // 0xE1 starts most Vietnamese letters with a tone mark too: only one before 0x84–0x87 starts a jamo.
          var leads = zeroBytes(word ^ jamoLeads)
          while leads != 0, !composes {
            let next = cursor + leads.trailingZeroBitCount / 8 + 1
            if next < end, (0x84...0x87).contains(bytes[next]) { composes = true }
            leads &= leads - 1
          }
        }
        cursor += 8
      }
    }
    while cursor < end {
      let byte = bytes[cursor]
      cursor += 1
      if byte == separator {
        field += 1
        guard field < fields else { return nil }
        bounds[field] = cursor
      } else if byte == 0xCC || byte == 0xCD || (byte == 0xE1 && cursor < end && (0x84...0x87).contains(bytes[cursor]))
      {
        composes = true
      }
    }
    guard field == fields - 1 else { return nil }
    bounds[fields] = end + 1
    return composes
  }

  /// How many bytes of `mask` (top bits only, as `zeroBytes` gives) are set: each top bit moved to its byte's
  /// lowest, then every byte summed into the highest by one multiplication — `nonzeroBitCount` is a loop of its
  /// own on processors the build does not assume have a population count.
  @inline(__always)
  private static func topBitCount(_ mask: UInt64) -> Int {
    Int(((mask >> 7) &* 0x0101_0101_0101_0101) >> 56)
  }

  /// The top bit of every byte of a word.
  static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// `byte` in every byte of a word.
  static func repeated(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

  /// The top bit set in exactly the bytes of `word` that are zero (no carry crosses a byte: each is at most 0x7F
  /// before 0x7F is added).
  static func zeroBytes(_ word: UInt64) -> UInt64 {
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((word & low) &+ low) | word | low)
  }

  /// Moves the scan to the start of the line after the one that starts at `offset` (line `line`).
  mutating func resume(afterLineOf offset: Int, line: Int) {
    index = Self.line(in: bytes, from: offset).next
    position = LinePosition(start: index, line: line + 1)
  }

  /// How many lines from `offset` on hold something other than spaces and tabs: the records an error
  /// that stops the reading may have hidden. Only called on that error path.
  func nonBlankLines(from offset: Int) -> Int {
    var count = 0
    var blank = true
    var cursor = offset
    while cursor < end {
      let byte = bytes[cursor]
      if byte == .lineFeed || byte == .carriageReturn {
        if !blank { count += 1 }
        blank = true
        if byte == .carriageReturn, cursor + 1 < end, bytes[cursor + 1] == .lineFeed { cursor += 1 }
      } else if byte != .space && byte != .tab {
        blank = false
      }
      cursor += 1
    }
    return blank ? count : count + 1
  }

  /// The error for the row begun, on `line`, when it has the wrong number of cells.
  func fieldCountError(line: Int, width: Int) -> Diagnostic {
    let count = rows.pendingCells
    let location =
      count > width
      ? rows.pendingRow(line: line).location(ofCell: width, file: file)
      : SourceLocation(file: file, line: line, column: 0)
    return CSVReader.Messages.fieldCount(count, width: width, at: location, separator: separator)
  }

  /// Empty and repeated column names make values unaddressable: errors, located on the header.
  func checkNames(_ columns: [Table.Column], into diagnostics: inout [Diagnostic]) {
    var seen: [String: Int] = [:]
    seen.reserveCapacity(columns.count)
    for (position, column) in columns.enumerated() {
      if column.name.isEmpty {
        diagnostics.append(CSVReader.Messages.emptyColumnName(at: column.location, position: position))
      } else if let first = seen[column.name] {
        diagnostics.append(
          CSVReader.Messages.duplicateColumnName(
            column.name, at: column.location, first: first, firstLocation: columns[first].location))
      } else {
        seen[column.name] = position
      }
    }
  }

  static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
    return String(scalars[first...last])
  }

  // MARK: Separator

  /// Skips lines of nothing but spaces and tabs before the header.
  mutating func skipBlankLines() {
    var offset = index
    while offset < end {
      let byte = bytes[offset]
      if byte == .space || byte == .tab {
        offset += 1
      } else if position.passLineBreak(&offset, in: bytes, end: end) {
        index = offset
      } else {
        return
      }
    }
    index = offset
  }

  /// Excel's `sep=;` first line names the separator outright.
  mutating func readSeparatorHint() -> Bool {
    guard index + 5 <= end, bytes[index..<index + 4].elementsEqual("sep=".utf8) else { return false }
    let candidate = bytes[index + 4]
    guard candidate == .comma || candidate == .semicolon || candidate == .tab else { return false }
    var offset = index + 5
    if offset < end {
      guard bytes[offset] == .lineFeed || bytes[offset] == .carriageReturn else { return false }
      offset += bytes[offset] == .carriageReturn && offset + 1 < end && bytes[offset + 1] == .lineFeed ? 2 : 1
    }
    separator = candidate
    index = offset
    position.startLine(at: index)
    return true
  }

  /// Counts `,`, `;` and tabs outside quotes on the header line.
  func detectSeparator() -> UInt8 {
    var commas = 0
    var semicolons = 0
    var tabs = 0
    var quoted = false
    var offset = index
    while offset < end {
      let byte = bytes[offset]
      if byte == .quote {
        quoted.toggle()
      } else if !quoted {
        if byte == .lineFeed || byte == .carriageReturn { break }
        if byte == .comma {
          commas += 1
        } else if byte == .semicolon {
          semicolons += 1
        } else if byte == .tab {
          tabs += 1
        }
      }
      offset += 1
    }
    if commas >= semicolons && commas >= tabs { return .comma }
    return semicolons >= tabs ? .semicolon : .tab
  }

  // MARK: Records

  /// Reads the record at `index`, leaving `index` at the start of the next one.
  mutating func readRecord(expectedFields: Int, role: Role) -> Outcome {
    guard index < end else { return .end }
    let recordStart = index
    let recordLine = position.line
    let recordLineStart = position.lineStart
    rows.beginRow()
    var fields = 0
    var invalidText: Diagnostic?

    while true {
      let fieldStart = index
      if fields >= CSVReader.maxColumns || fieldStart - recordStart > CSVReader.maxRecordBytes {
        let location = SourceLocation(file: file, line: recordLine, column: 0)
        let failure =
          fields >= CSVReader.maxColumns
          ? CSVReader.Messages.tooManyColumns(CSVReader.maxColumns, at: location, isHeader: role == .header)
          : CSVReader.Messages.recordTooLong(CSVReader.maxRecordBytes, at: location, isHeader: role == .header)
        skipRestOfLine()
        rows.cancelRow()
        return .dropped(failure)
      }
      let column = Int32(truncatingIfNeeded: position.column(at: fieldStart, in: bytes))
      let lineOffset = Int32(truncatingIfNeeded: position.line - recordLine)

      var high: UInt8 = 0
      var contentStart = fieldStart
      var contentEnd: Int
      var escaped = false
      if index < end && bytes[index] == .quote {
        let openLine = position.line
        index += 1
        contentStart = index
        var segmentStart = index
        while true {
          guard index < end else {
            rows.cancelRow()
            return .stopped(
              CSVReader.Messages.unclosedQuote(
                at: SourceLocation(file: file, line: openLine, column: Int(column)), isHeader: role == .header))
          }
          let byte = bytes[index]
          if byte == .quote {
            guard index + 1 < end, bytes[index + 1] == .quote else { break }
            if !escaped {
              scratch.removeAll(keepingCapacity: true)
              escaped = true
            }
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart...index]))
            index += 2
            segmentStart = index
          } else if position.passLineBreak(&index, in: bytes, end: end) {
            continue
          } else {
            high |= byte
            index += 1
          }
        }
        contentEnd = index
        if escaped { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<index])) }
        index += 1
        if index < end {
          let byte = bytes[index]
          if byte != separator && byte != .lineFeed && byte != .carriageReturn {
            let failure = textAfterQuote(role: role)
            skipRestOfLine()
            rows.cancelRow()
            return .dropped(failure)
          }
        }
      } else {
        while index < end {
          let byte = bytes[index]
          if byte == separator || byte == .lineFeed || byte == .carriageReturn { break }
          if byte == .quote {
            let failure = strayQuote(role: role)
            skipRestOfLine()
            rows.cancelRow()
            return .dropped(failure)
          }
          high |= byte
          index += 1
        }
        contentEnd = index
      }

      // ASCII is its own NFC and is copied as it is; other text is checked, normalised, then copied.
      var fits: Bool
      if high < 0x80 {
        fits =
          escaped
          ? scratch.withUnsafeBufferPointer { rows.appendCell($0, column: column, lineOffset: lineOffset) }
          : rows.appendCell(
            UnsafeBufferPointer(rebasing: bytes[contentStart..<contentEnd]), column: column, lineOffset: lineOffset)
      } else {
        let bad = InputBytes.firstInvalidUTF8(bytes, in: contentStart..<contentEnd)
        if invalidText == nil, let bad {
          let location = locate(bad, from: recordStart, line: recordLine, lineStart: recordLineStart)
          invalidText = CSVReader.Messages.invalidUTF8(at: location, byte: bytes[bad], isHeader: role == .header)
        }
        let content = UnsafeBufferPointer(rebasing: bytes[contentStart..<contentEnd])
        if bad == nil, !escaped, !InputBytes.mayNeedComposing(content) {
          // Valid, and already composed as `nfc` would leave it (the usual Vietnamese text): copied as it is, with
          // no string made of it.
          fits = rows.appendCell(content, column: column, lineOffset: lineOffset)
        } else {
          var text = escaped ? String(decoding: scratch, as: UTF8.self) : String(decoding: content, as: UTF8.self)
          text = text.nfc
          fits = text.withUTF8 { rows.appendCell($0, column: column, lineOffset: lineOffset) }
        }
      }
      guard fits else {
        rows.cancelRow()
        index = end
        return .full(CSVReader.Messages.tableTooLarge(Table.Rows.maxTextBytes, file: file))
      }
      fields += 1

      guard index < end else { break }
      let byte = bytes[index]
      index += 1
      if byte == separator { continue }
      if byte == .carriageReturn, index < end, bytes[index] == .lineFeed { index += 1 }
      position.startLine(at: index)
      break
    }
    if index - recordStart > CSVReader.maxRecordBytes {
      let location = SourceLocation(file: file, line: recordLine, column: 0)
      rows.cancelRow()
      return .dropped(
        CSVReader.Messages.recordTooLong(CSVReader.maxRecordBytes, at: location, isHeader: role == .header))
    }
    return .record(line: recordLine, invalidText: invalidText)
  }

  mutating func skipRestOfLine() {
    while index < end {
      if position.passLineBreak(&index, in: bytes, end: end) { return }
      index += 1
    }
  }

  // MARK: Positions

  /// The position of any byte at or after `start`, whose line is known: for the rare errors that
  /// may lie on an earlier line than the scan (inside a quoted field spanning lines).
  func locate(_ offset: Int, from start: Int, line startLine: Int, lineStart startLineStart: Int) -> SourceLocation {
    var line = startLine
    var lineStart = startLineStart
    var cursor = start
    while cursor < offset {
      let byte = bytes[cursor]
      cursor += 1
      if byte == .lineFeed || byte == .carriageReturn {
        if byte == .carriageReturn, cursor < end, bytes[cursor] == .lineFeed { cursor += 1 }
        line += 1
        lineStart = cursor
      }
    }
    return SourceLocation(
      file: file, line: line, column: 1 + InputBytes.scalarCount(bytes, from: lineStart, to: offset))
  }

  // MARK: Errors

  mutating func strayQuote(role: Role) -> Diagnostic {
    CSVReader.Messages.strayQuote(
      at: SourceLocation(file: file, line: position.line, column: position.column(at: index, in: bytes)),
      isHeader: role == .header)
  }

  mutating func textAfterQuote(role: Role) -> Diagnostic {
    CSVReader.Messages.textAfterQuote(
      at: SourceLocation(file: file, line: position.line, column: position.column(at: index, in: bytes)),
      found: InputBytes.describe(bytes, at: index), separator: separator, isHeader: role == .header)
  }
}
