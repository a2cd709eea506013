extension Table {
  /// A table's rows, their cells stored back to back in one buffer with a few numbers each.
  ///
  /// A CSV of 700,000 hamlets used to be 700,000 arrays of strings (about 350 bytes a row); here it is flat
  /// arrays the reader appends to, and a cell becomes a `String` only when someone reads it. A value type
  /// with copy-on-write storage: a `Row` is a position in it, one reference to copy.
  package struct Rows: RandomAccessCollection, Sendable {
    /// The buffers. Mutated only through `Rows`, after `isKnownUniquelyReferenced` (copy on write), so
    /// that sharing it between threads is safe.
    final class Storage: @unchecked Sendable {
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

      init() {}

      func copy() -> Storage {
        let copy = Storage()
        copy.text = text
        copy.ends = ends
        copy.columns = columns
        copy.lineOffsets = lineOffsets
        copy.errorCells = errorCells
        copy.entries = entries
        return copy
      }
    }

    /// One row: its line, and where its cells and line offsets start.
    struct Entry {
      var line: Int
      var firstCell: Int
      /// The row's first entry in `lineOffsets`, or -1 when the row is on one line (the usual case).
      var firstLineOffset: Int
    }

    private var storage = Storage()

    package init() {}

    package var startIndex: Int { 0 }
    package var endIndex: Int { storage.entries.count }
    package subscript(position: Int) -> Row { Row(storage: storage, index: position) }

    /// The number of bytes of cell text held, which `append` keeps within `maxTextBytes`.
    package var textBytes: Int { storage.text.count }
    /// The most cell text one table holds: offsets are 32-bit, which keeps a cell at 8 bytes of bookkeeping.
    package static let maxTextBytes = Int(UInt32.max)

    private mutating func unique() {
      if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// Adds a row of `cells`, each starting at `cellColumns` (and `lineOffsets` lines below `line`, when the
    /// record spans several lines; empty otherwise). `errorCells`: cells holding a spreadsheet error value.
    /// False, and nothing added, when the table's text would pass `maxTextBytes`.
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
        storage.errorCells.insert(pendingFirstCell + Int(index))
      }
      commitRow(line: line)
      return true
    }

    // MARK: Building, cell by cell (for readers that scan bytes)

    private var pendingFirstCell = 0
    private var pendingFirstLineOffset = 0
    private var pendingText = 0

    /// Starts a row; its cells follow with `appendCell`, then `commitRow` keeps it or `cancelRow` drops it.
    package mutating func beginRow() {
      unique()
      pendingFirstCell = storage.ends.count
      pendingFirstLineOffset = storage.lineOffsets.count
      pendingText = storage.text.count
    }

    /// The cells of the row begun so far.
    package var pendingCells: Int { storage.ends.count - pendingFirstCell }

    /// Adds a cell of the row begun, starting at `column` on the line `lineOffset` lines below the record's
    /// first. False, and nothing added, when the text would not fit.
    package mutating func appendCell(_ bytes: UnsafeBufferPointer<UInt8>, column: Int32, lineOffset: Int32 = 0) -> Bool
    {
      unique()
      guard storage.text.count + bytes.count <= Self.maxTextBytes else { return false }
      storage.text.append(contentsOf: bytes)
      storage.ends.append(UInt32(truncatingIfNeeded: storage.text.count))
      storage.columns.append(column)
      let multiline = storage.lineOffsets.count > pendingFirstLineOffset
      if lineOffset != 0 || multiline {
        // The record has just reached a second line: the cells before this one are on its first.
        if !multiline { storage.lineOffsets.append(contentsOf: repeatElement(0, count: pendingCells - 1)) }
        storage.lineOffsets.append(lineOffset)
      }
      return true
    }

    /// The row begun so far, starting on `line`: to read its cells and their places before it is kept or
    /// dropped. Let it go before the next change, or that change copies the table.
    package func pendingRow(line: Int) -> Row {
      let multiline = storage.lineOffsets.count > pendingFirstLineOffset
      return Row(
        storage: storage,
        entry: Entry(line: line, firstCell: pendingFirstCell, firstLineOffset: multiline ? pendingFirstLineOffset : -1),
        cellRange: pendingFirstCell..<storage.ends.count)
    }

    /// Whether every cell of the row begun is empty or spaces only.
    package var pendingIsBlank: Bool {
      storage.text[pendingText...].allSatisfy { $0 == 0x20 }
    }

    /// Whether the cells of the row begun from `index` on are all empty.
    package func pendingCellsAreEmpty(from index: Int) -> Bool {
      let first = pendingFirstCell + index
      let start = first == 0 ? 0 : Int(storage.ends[first - 1])
      return storage.text.count == start
    }

    /// Drops the last `count` cells of the row begun (empty cells past the last column).
    package mutating func dropPendingCells(_ count: Int) {
      unique()
      let kept = storage.ends.count - count
      storage.text.removeSubrange((kept == 0 ? 0 : Int(storage.ends[kept - 1]))...)
      storage.ends.removeSubrange(kept...)
      storage.columns.removeSubrange(kept...)
      if storage.lineOffsets.count > pendingFirstLineOffset {
        storage.lineOffsets.removeSubrange((pendingFirstLineOffset + kept - pendingFirstCell)...)
      }
    }

    /// Keeps the row begun, which starts on `line`.
    package mutating func commitRow(line: Int) {
      unique()
      let multiline = storage.lineOffsets.count > pendingFirstLineOffset
      storage.entries.append(
        Entry(line: line, firstCell: pendingFirstCell, firstLineOffset: multiline ? pendingFirstLineOffset : -1))
    }

    /// Drops the row begun.
    package mutating func cancelRow() {
      unique()
      storage.text.removeSubrange(pendingText...)
      storage.ends.removeSubrange(pendingFirstCell...)
      storage.columns.removeSubrange(pendingFirstCell...)
      storage.lineOffsets.removeSubrange(pendingFirstLineOffset...)
      storage.errorCells = storage.errorCells.filter { $0 < pendingFirstCell }
    }

    /// Reserves room for about `rows` rows of `cells` cells and `bytes` bytes of text.
    package mutating func reserveCapacity(rows: Int, cells: Int, bytes: Int) {
      unique()
      storage.entries.reserveCapacity(rows)
      storage.ends.reserveCapacity(cells)
      storage.columns.reserveCapacity(cells)
      storage.text.reserveCapacity(bytes)
    }

    fileprivate static func text(_ storage: Storage, cell: Int) -> String {
      let start = cell == 0 ? 0 : Int(storage.ends[cell - 1])
      let end = Int(storage.ends[cell])
      return storage.text.withUnsafeBufferPointer { buffer in
        String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
      }
    }
  }

  /// One record of the table, with exactly one cell per column once it is in `Table.rows`.
  ///
  /// Cell positions are kept as compact numbers rather than one `SourceLocation` per cell: readers are
  /// on the hot path, and a location is only built when a message needs it.
  package struct Row: Sendable {
    private let storage: Rows.Storage
    private let entry: Rows.Entry
    private let cellRange: Range<Int>

    fileprivate init(storage: Rows.Storage, index: Int) {
      let entry = storage.entries[index]
      let end = index + 1 < storage.entries.count ? storage.entries[index + 1].firstCell : storage.ends.count
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
    package func cell(_ index: Int) -> String { Rows.text(storage, cell: cellRange.lowerBound + index) }

    /// Every cell's text, in column order.
    package var cells: [String] { (0..<cellCount).map(cell) }

    /// Where each cell starts (1-based, in Unicode scalars): its opening quote when it is quoted.
    package var cellColumns: [Int32] { Array(storage.columns[cellRange]) }

    /// For a record spanning several lines, how many lines after `line` each cell starts; empty when the
    /// whole record is on one line.
    package var lineOffsets: [Int32] {
      guard entry.firstLineOffset >= 0 else { return [] }
      return Array(storage.lineOffsets[entry.firstLineOffset..<entry.firstLineOffset + cellCount])
    }

    /// Whether cell `index` holds a spreadsheet error value (`#N/A`, `#DIV/0!`): present, but not a value;
    /// its text is the error as Excel shows it.
    package func isErrorCell(_ index: Int) -> Bool {
      !storage.errorCells.isEmpty && storage.errorCells.contains(cellRange.lowerBound + index)
    }

    /// Where cell `index` is in `file` (and `sheet` of a workbook), for errors about its value; the row's
    /// whole line when there is no such cell.
    package func location(ofCell index: Int, file: String, sheet: String? = nil) -> SourceLocation {
      guard (0..<cellCount).contains(index) else {
        return SourceLocation(file: file, line: line, column: 0, sheet: sheet)
      }
      let offset = entry.firstLineOffset >= 0 ? Int(storage.lineOffsets[entry.firstLineOffset + index]) : 0
      let column = Int(storage.columns[cellRange.lowerBound + index])
      var location = SourceLocation(file: file, line: line + offset, column: column, sheet: sheet)
      // A CSV cell is also named by its column's letter, as Excel shows the file.
      if sheet == nil { location.tableColumn = index + 1 }
      return location
    }
  }
}
