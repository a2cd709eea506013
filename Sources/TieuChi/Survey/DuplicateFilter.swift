/// Finds later copies of a station-year, in input order: the first is kept, each later one is rejected with a
/// message naming the first.
///
/// A streamed batch keeps one entry per station until its end, so an entry is small: the station-year's bytes in
/// one buffer, its first location packed in a few numbers, and a slot in an open-addressed table of 32-bit
/// numbers — about 50 bytes a station, where a dictionary of strings to locations took some 170 (170 MB for a
/// million stations), and grew on the one thread that admits communes in order.
package struct DuplicateFilter {
  /// The station-years seen, back to back: the code's UTF-8, then 0xFF (never in UTF-8, so where the code ends is
  /// never in doubt), then the year's digits (none without a year).
  private var keys: [UInt8] = []
  /// Where each key ends in `keys`. (Grown a segment at a time, as `locations`: a doubled array holds up to twice
  /// what it needs.)
  private var ends = SegmentedArray<UInt32>()
  /// Each key's first location.
  private var locations = SegmentedArray<PackedLocation>()
  /// The files and sheets those locations name, each once.
  private var names: [String] = []
  private var nameNumbers: [String: UInt32] = [:]
  /// The name numbered last, and its number.
  private var lastName: (name: String, number: UInt32)?
  /// The rare locations that do not pack (a line past 2³² or a column past 2³¹), by key.
  private var unpacked: [Int: SourceLocation] = [:]
  /// Open addressing: each slot holds a key's number + 1, or 0 when free; a power of two long, at most half full.
  private var slots = [UInt32](repeating: 0, count: 1_024)

  /// An empty filter: nothing seen yet.
  package init() {}

  /// The message rejecting `record` when its station-year was seen before; nil when it is the first (it is
  /// then remembered).
  package mutating func duplicate(_ record: StationRecord) -> Diagnostic? {
    let start = keys.count
    var code = record.code
    code.withUTF8 { keys.append(contentsOf: $0) }
    keys.append(0xFF)
    if let year = record.year { keys.append(contentsOf: String(year).utf8) }
    let hash = keys.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[start...])) }
    let mask = slots.count - 1
    var slot = hash & mask
    while slots[slot] != 0 {
      let other = Int(slots[slot]) - 1
      if equal(other, toKeyFrom: start) {
        keys.removeSubrange(start...)
        return SurveyLoader.Messages.duplicateStation(
          code: record.code, year: record.year, at: record.location, first: location(of: other))
      }
      slot = (slot + 1) & mask
    }
    guard ends.count < Int(UInt32.max) - 1, keys.count <= Int(UInt32.max) else {
      // Past four billion stations or bytes of codes: not remembered (never reached by a real batch).
      keys.removeSubrange(start...)
      return nil
    }
    slots[slot] = UInt32(ends.count + 1)
    ends.append(UInt32(keys.count))
    remember(record.location, of: ends.count - 1)
    if ends.count * 2 > slots.count { grow() }
    return nil
  }

  /// Where key `key` is in `keys`.
  private func range(of key: Int) -> Range<Int> {
    (key == 0 ? 0 : Int(ends[key - 1]))..<Int(ends[key])
  }

  private func equal(_ key: Int, toKeyFrom start: Int) -> Bool {
    let known = range(of: key)
    guard known.count == keys.count - start else { return false }
    return keys.withUnsafeBufferPointer { $0[known].elementsEqual($0[start...]) }
  }

  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var hasher = Hasher()
    hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
    return hasher.finalize()
  }

  /// Twice the slots, every key placed again.
  private mutating func grow() {
    var larger = [UInt32](repeating: 0, count: slots.count * 2)
    let mask = larger.count - 1
    keys.withUnsafeBufferPointer { bytes in
      for key in 0..<ends.count {
        var slot = Self.hash(UnsafeBufferPointer(rebasing: bytes[range(of: key)])) & mask
        while larger[slot] != 0 { slot = (slot + 1) & mask }
        larger[slot] = UInt32(key + 1)
      }
    }
    slots = larger
  }

  // MARK: Locations

  /// A location in 20 bytes: its file and sheet by number, its line, column and table column.
  private struct PackedLocation: Sendable {
    var line: UInt32
    var column: Int32
    /// The table column + 1 (0: none).
    var tableColumn: UInt32
    var file: UInt32
    /// The sheet's number + 1 (0: none).
    var sheet: UInt32
  }

  private mutating func remember(_ location: SourceLocation, of key: Int) {
    let tableColumn = location.tableColumn.map { $0 >= 0 && $0 < Int(UInt32.max) ? UInt32($0 + 1) : nil } ?? 0
    guard let line = UInt32(exactly: location.line), let column = Int32(exactly: location.column),
      let tableColumn
    else {
      locations.append(PackedLocation(line: 0, column: 0, tableColumn: 0, file: 0, sheet: 0))
      unpacked[key] = location
      return
    }
    locations.append(
      PackedLocation(
        line: line, column: column, tableColumn: tableColumn, file: number(of: location.file),
        sheet: location.sheet.map { number(of: $0) + 1 } ?? 0))
  }

  private func location(of key: Int) -> SourceLocation {
    if let location = unpacked[key] { return location }
    let packed = locations[key]
    var location = SourceLocation(
      file: names[Int(packed.file)], line: Int(packed.line), column: Int(packed.column),
      sheet: packed.sheet == 0 ? nil : names[Int(packed.sheet) - 1])
    location.tableColumn = packed.tableColumn == 0 ? nil : Int(packed.tableColumn) - 1
    return location
  }

  private mutating func number(of name: String) -> UInt32 {
    // Nearly every station names the file the one before it named: compared, not hashed.
    if let last = lastName, last.name == name { return last.number }
    let number: UInt32
    if let known = nameNumbers[name] {
      number = known
    } else {
      number = UInt32(names.count)
      names.append(name)
      nameNumbers[name] = number
    }
    lastName = (name, number)
    return number
  }
}
