extension Table {
  /// A table's rows, their cells stored back to back in one buffer with a few numbers each.
  ///
  /// A CSV of 700,000 hamlets used to be 700,000 arrays of strings (about 350 bytes a row); here it is a few
  /// flat arrays, and a cell becomes a `String` only when someone reads it. Readers fill a `Builder`; the
  /// rows are immutable once built, so a `Row` is a position in them with one reference to copy.
  package struct Rows: RandomAccessCollection, Sendable {
    /// The buffers, never changed once built (so shared between threads freely, with no access checks).
    final class Storage: Sendable {
      let cells: Cells
      init(_ cells: Cells) { self.cells = cells }
    }

    /// The arrays behind the rows.
    struct Cells: Sendable {
      /// The cells' text (NFC UTF-8), back to back.
      var text: [UInt8] = []
      /// Where each cell's text ends in `text`; a cell starts where the one before it ends.
      var ends: [UInt32] = []
      /// Where each cell starts on its line (1-based, in Unicode scalars; the opening quote if quoted).
      var columns: [Int32] = []
      /// For the cells of records spanning several lines only: how many lines after the record's first
      /// line each cell starts.
      var lineOffsets: [Int32] = []
      /// Cells holding a spreadsheet error value (`#N/A`), by position in `ends`.
      var errorCells: Set<Int> = []
      var entries: [Entry] = []

      func text(ofCell cell: Int) -> String {
        let start = cell == 0 ? 0 : Int(ends[cell - 1])
        return text.withUnsafeBufferPointer { buffer in
          String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<Int(ends[cell])]), as: UTF8.self)
        }
      }
    }

    /// One row: its line, and where its cells and line offsets start.
    ///
    /// 16 bytes, not 24: a million stations' tables have some fifteen million rows. Cell numbers fit in 32 bits
    /// because a table holds fewer cells than `maxCells`.
    struct Entry: Sendable {
      var line: Int
      private var storedFirstCell: UInt32
      private var storedFirstLineOffset: Int32

      init(line: Int, firstCell: Int, firstLineOffset: Int) {
        self.line = line
        storedFirstCell = UInt32(firstCell)
        storedFirstLineOffset = Int32(firstLineOffset)
      }

      var firstCell: Int { Int(storedFirstCell) }
      /// The row's first entry in `lineOffsets`, or -1 when the row is on one line (the usual case).
      var firstLineOffset: Int { Int(storedFirstLineOffset) }
    }

    private let storage: Storage

    /// No rows.
    package init() { storage = Storage(Cells()) }

    /// The rows a builder holds.
    package init(_ builder: Builder) { storage = Storage(builder.cells) }

    package var startIndex: Int { 0 }
    package var endIndex: Int { storage.cells.entries.count }
    package subscript(position: Int) -> Row { Row(storage: storage, index: position) }

    /// The most cell text one table holds: offsets are 32-bit, which keeps a cell at 8 bytes of bookkeeping.
    package static let maxTextBytes = Int(UInt32.max)
    /// The most cells a table holds: a row's first cell, and its first line offset, are kept in 32 bits.
    static let maxCells = Int(Int32.max)
  }

  /// Rows as a reader adds them: row by row (`append`), or cell by cell (`beginRow`, `appendCell`, then
  /// `commitRow` to keep the row or `cancelRow` to drop it).
  package struct Builder: Sendable {
    fileprivate var cells = Rows.Cells()
    private var pendingFirstCell = 0
    private var pendingFirstLineOffset = 0
    private var pendingText = 0

    package init() {}

    /// Adds a row of `cells`, each starting at `cellColumns` (and `lineOffsets` lines below `line`, when the
    /// record spans several lines; empty otherwise). `errorCells`: cells holding a spreadsheet error value.
    /// False, and nothing added, when the table's text would pass `Rows.maxTextBytes` or its cells `Rows.maxCells`.
    @discardableResult
    package mutating func append(
      line: Int, cells: [String], cellColumns: [Int32], lineOffsets: [Int32] = [], errorCells: Set<Int32> = []
    ) -> Bool {
      beginRow()
      for (index, cell) in cells.enumerated() {
        var cell = cell
        let fits = cell.withUTF8 { bytes in
          appendCell(bytes, column: cellColumns[index], lineOffset: lineOffsets.isEmpty ? 0 : lineOffsets[index])
        }
        guard fits else {
          cancelRow()
          return false
        }
      }
      for index in errorCells where cells.indices.contains(Int(index)) {
        self.cells.errorCells.insert(pendingFirstCell + Int(index))
      }
      commitRow(line: line)
      return true
    }

    /// Starts a row; its cells follow with `appendCell`, then `commitRow` keeps it or `cancelRow` drops it.
    package mutating func beginRow() {
      pendingFirstCell = cells.ends.count
      pendingFirstLineOffset = cells.lineOffsets.count
      pendingText = cells.text.count
    }

    /// The cells of the row begun.
    package var pendingCells: Int { cells.ends.count - pendingFirstCell }

    /// Adds a cell of the row begun, starting at `column` on the line `lineOffset` lines below the record's
    /// first. False, and nothing added, when the text would not fit.
    package mutating func appendCell(_ bytes: UnsafeBufferPointer<UInt8>, column: Int32, lineOffset: Int32 = 0) -> Bool
    {
      guard cells.text.count + bytes.count <= Rows.maxTextBytes, cells.ends.count < Rows.maxCells else { return false }
      // An empty cell adds no text: appending none still cost a generic call (a reading of keys makes most cells empty).
      if !bytes.isEmpty { cells.text.append(contentsOf: bytes) }
      cells.ends.append(UInt32(truncatingIfNeeded: cells.text.count))
      cells.columns.append(column)
      let multiline = cells.lineOffsets.count > pendingFirstLineOffset
      if lineOffset != 0 || multiline {
        // The record has just reached a second line: the cells before this one are on its first.
        if !multiline { cells.lineOffsets.append(contentsOf: repeatElement(0, count: pendingCells - 1)) }
        cells.lineOffsets.append(lineOffset)
      }
      return true
    }

    /// The row begun so far, starting on `line`: to read its cells and their places before it is kept or
    /// dropped.
    package func pendingRow(line: Int) -> Row {
      let multiline = cells.lineOffsets.count > pendingFirstLineOffset
      return Row(
        storage: Rows.Storage(cells),
        entry: Rows.Entry(
          line: line, firstCell: pendingFirstCell, firstLineOffset: multiline ? pendingFirstLineOffset : -1),
        cellRange: pendingFirstCell..<cells.ends.count)
    }

    /// `body` given the text of cell `index` of the row begun.
    package func withPendingCell<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
      let cell = pendingFirstCell + index
      let start = cell == 0 ? 0 : Int(cells.ends[cell - 1])
      return cells.text.withUnsafeBufferPointer {
        body(UnsafeBufferPointer(rebasing: $0[start..<Int(cells.ends[cell])]))
      }
    }

    /// Whether every cell of the row begun is empty or spaces only.
    package var pendingIsBlank: Bool {
      cells.text[pendingText...].allSatisfy { $0 == 0x20 }
    }

    /// Whether the cells of the row begun from `index` on are all empty.
    package func pendingCellsAreEmpty(from index: Int) -> Bool {
      let first = pendingFirstCell + index
      return cells.text.count == (first == 0 ? 0 : Int(cells.ends[first - 1]))
    }

    /// Drops the last `count` cells of the row begun (empty cells past the last column).
    package mutating func dropPendingCells(_ count: Int) {
      let kept = cells.ends.count - count
      cells.text.removeSubrange((kept == 0 ? 0 : Int(cells.ends[kept - 1]))...)
      cells.ends.removeSubrange(kept...)
      cells.columns.removeSubrange(kept...)
      if cells.lineOffsets.count > pendingFirstLineOffset {
        cells.lineOffsets.removeSubrange((pendingFirstLineOffset + kept - pendingFirstCell)...)
      }
    }

    /// Keeps the row begun, which starts on `line`.
    package mutating func commitRow(line: Int) {
      let multiline = cells.lineOffsets.count > pendingFirstLineOffset
      cells.entries.append(
        Rows.Entry(line: line, firstCell: pendingFirstCell, firstLineOffset: multiline ? pendingFirstLineOffset : -1))
    }

    /// Drops the row begun.
    package mutating func cancelRow() {
      cells.text.removeSubrange(pendingText...)
      cells.ends.removeSubrange(pendingFirstCell...)
      cells.columns.removeSubrange(pendingFirstCell...)
      cells.lineOffsets.removeSubrange(pendingFirstLineOffset...)
      if !cells.errorCells.isEmpty { cells.errorCells = cells.errorCells.filter { $0 < pendingFirstCell } }
    }

    /// Reserves room for about `rows` rows of `cells` cells and `bytes` bytes of text.
    package mutating func reserveCapacity(rows: Int, cells count: Int, bytes: Int) {
      cells.entries.reserveCapacity(rows)
      cells.ends.reserveCapacity(count)
      cells.columns.reserveCapacity(count)
      cells.text.reserveCapacity(bytes)
    }
  }

  /// One record of the table, with exactly one cell per column once it is in `Table.rows` (but for the plain lines of
  /// a reading of a few columns, which end with the last column read: `CSVScanner.readPlainLine`).
  ///
  /// Cell positions are kept as compact numbers rather than one `SourceLocation` per cell: readers are
  /// on the hot path, and a location is only built when a message needs it.
  package struct Row: Sendable {
    private let storage: Rows.Storage
    private let entry: Rows.Entry
    private let cellRange: Range<Int>

    fileprivate init(storage: Rows.Storage, index: Int) {
      let entries = storage.cells.entries
      let entry = entries[index]
      let end = index + 1 < entries.count ? entries[index + 1].firstCell : storage.cells.ends.count
      self.init(storage: storage, entry: entry, cellRange: entry.firstCell..<end)
    }

    fileprivate init(storage: Rows.Storage, entry: Rows.Entry, cellRange: Range<Int>) {
      self.storage = storage
      self.entry = entry
      self.cellRange = cellRange
    }

    /// The line where the record starts (1-based); a quoted CSV cell may carry it onto more lines.
    package var line: Int { entry.line }

    /// How many cells the row has.
    package var cellCount: Int { cellRange.count }

    /// The text of cell `index` in NFC, otherwise exactly as written: not trimmed, line breaks kept.
    package func cell(_ index: Int) -> String { storage.cells.text(ofCell: cellRange.lowerBound + index) }

    /// Every cell's text, in column order.
    package var cells: [String] { (0..<cellCount).map(cell) }

    /// `body` applied to the bytes of cell `index` (NFC UTF-8, as `cell(_:)` has them), without making a `String`:
    /// a reader that only needs a number or a known spelling reads millions of cells this way.
    package func withCellBytes<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
      let cell = cellRange.lowerBound + index
      let ends = storage.cells.ends
      let start = cell == 0 ? 0 : Int(ends[cell - 1])
      return storage.cells.text.withUnsafeBufferPointer {
        body(UnsafeBufferPointer(rebasing: $0[start..<Int(ends[cell])]))
      }
    }

    /// Where each cell starts (1-based, in Unicode scalars): its opening quote when it is quoted.
    package var cellColumns: [Int32] { Array(storage.cells.columns[cellRange]) }

    /// For a record spanning several lines, how many lines after `line` each cell starts; empty when the
    /// whole record is on one line.
    package var lineOffsets: [Int32] {
      guard entry.firstLineOffset >= 0 else { return [] }
      return Array(storage.cells.lineOffsets[entry.firstLineOffset..<entry.firstLineOffset + cellCount])
    }

    /// Whether cell `index` holds a spreadsheet error value (`#N/A`, `#DIV/0!`): present, but not a value;
    /// its text is the error as Excel shows it.
    package func isErrorCell(_ index: Int) -> Bool {
      !storage.cells.errorCells.isEmpty && storage.cells.errorCells.contains(cellRange.lowerBound + index)
    }

    /// Where cell `index` is in `file` (and `sheet` of a workbook), for errors about its value; the row's
    /// whole line when there is no such cell.
    package func location(ofCell index: Int, file: String, sheet: String? = nil) -> SourceLocation {
      guard (0..<cellCount).contains(index) else {
        return SourceLocation(file: file, line: line, column: 0, sheet: sheet)
      }
      let offset = entry.firstLineOffset >= 0 ? Int(storage.cells.lineOffsets[entry.firstLineOffset + index]) : 0
      let column = Int(storage.cells.columns[cellRange.lowerBound + index])
      var location = SourceLocation(file: file, line: line + offset, column: column, sheet: sheet)
      // A CSV cell is also named by its column's letter, as Excel shows the file.
      if sheet == nil { location.tableColumn = index + 1 }
      return location
    }
  }
}
