extension CSVScanner {
  /// The key cells of a table's rows, read without the rows (`CSVRowReader.readKeyRuns`): for the first reading of a
  /// list table joined a piece at a time, which wants each run of rows of one key and where it starts.
  ///
  /// Consecutive rows whose key cells are the same bytes make one run: a station's staff or hamlets are a run, kept
  /// as its first row's place, its key's bytes and how many rows it has. (Rows with different bytes may still have
  /// the same key — spaces around a code — which the caller, making keys, finds.)
  struct KeyRuns: Sendable {
    /// A run of rows whose key cells are written alike.
    struct Run: Sendable {
      /// Where its first row's reading starts.
      var start: CSVRowReader.Checkpoint
      /// Where its code cell's and year cell's bytes end in `bytes` (each starts where the one before ends).
      var codeEnd: Int
      var yearEnd: Int
      var rows: Int
    }

    /// The columns of the code and of the year (nil: none).
    let columns: (code: Int, year: Int?)
    /// Added to each offset given to `add`: where the bytes being read start in the file.
    var base = 0
    private(set) var bytes: [UInt8] = []
    private(set) var runs: [Run] = []

    /// No run yet, the keys in `columns`.
    init(code: Int, year: Int?) {
      columns = (code, year)
    }

    /// Adds the row whose key cells are `code` and `year` (nil: the table has no year column) and whose reading starts
    /// at `offset` (from `base`) on `line`.
    mutating func add(code: UnsafeBufferPointer<UInt8>, year: UnsafeBufferPointer<UInt8>?, offset: Int, line: Int) {
      if let last = runs.indices.last, isWritten(last, code: code, year: year) {
        runs[last].rows += 1
        return
      }
      bytes.append(contentsOf: code)
      let codeEnd = bytes.count
      if let year { bytes.append(contentsOf: year) }
      runs.append(
        Run(
          start: CSVRowReader.Checkpoint(offset: base + offset, line: line), codeEnd: codeEnd, yearEnd: bytes.count,
          rows: 1))
    }

    /// `body` given run `run`'s code cell and year cell (empty without a year column).
    func withCells<Result>(
      of run: Int, _ body: (_ code: UnsafeBufferPointer<UInt8>, _ year: UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
      let start = run == 0 ? 0 : runs[run - 1].yearEnd
      return bytes.withUnsafeBufferPointer { bytes in
        body(
          UnsafeBufferPointer(rebasing: bytes[start..<runs[run].codeEnd]),
          UnsafeBufferPointer(rebasing: bytes[runs[run].codeEnd..<runs[run].yearEnd]))
      }
    }

    /// Whether run `run`'s key cells are `code` and `year`, byte for byte.
    private func isWritten(_ run: Int, code: UnsafeBufferPointer<UInt8>, year: UnsafeBufferPointer<UInt8>?) -> Bool {
      withCells(of: run) { knownCode, knownYear in
        knownCode.hasSameBytes(as: code)
          && knownYear.hasSameBytes(as: year ?? UnsafeBufferPointer(start: nil, count: 0))
      }
    }
  }
}
