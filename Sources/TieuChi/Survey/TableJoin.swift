import Foundation

/// Assembles station documents from tables (CSV files, and the sheets of workbooks) the way
/// KoboToolbox/ODK export repeat groups: one table of stations, and for each list input (staff,
/// hamlets) a table of records joined on `code` (and `year`, when the list table has that column).
///
/// A table is the list table of input `staff` when its name — the sheet's name for a sheet, the file name
/// without extension otherwise — is `staff` or the list's label ("Nhân lực của trạm y tế", with or without
/// diacritics), or ends in `-staff`, `_staff`, `.staff`; or when its columns (by name or label) include a field
/// of `staff` that is no station input and no station input that is not a field of `staff` (columns naming
/// nothing are tolerated: a misspelt header must not turn a list into stations). Every other table is a station
/// table.
///
/// KoboToolbox workbook exports have no `code` in their repeat sheets: their rows are joined to the main
/// sheet's row on `_parent_index` = `_index` (within one workbook), or `_submission__uuid` = `_uuid`.
///
/// Headers are read once per table: an unknown column is reported once, at its header, with the input it
/// might be; the inputs a station table does not provide at all are listed in one warning.
struct TableJoin {
  let schema: InputSchema
  let reader: SurveyReader

  /// Column names KoboToolbox and ODK add to every export besides `_`-prefixed metadata: not survey data,
  /// and not worth a warning.
  static let exportMetadata: Set<String> = [
    "start", "end", "today", "deviceid", "simserial", "phonenumber", "subscriberid", "username", "audit",
    "__version__", "instanceID",
  ]

  /// The station rows with their list inputs joined in (`Joined.document(_:)` builds each one's document);
  /// `rejected` counts the station rows the tables' readers lost.
  func stations(from tables: [Table], diagnostics: inout [Diagnostic], rejected: inout Int) -> Joined {
    var stationTables: [Table] = []
    var sources: [Joined.Source] = []
    var listTables: [Int: [Table]] = [:]
    for table in tables {
      let slot = listSlot(for: table)
      readingProblems(
        of: table, rows: table.rows.count, isList: slot != nil, diagnostics: &diagnostics, rejected: &rejected)
      if let slot {
        listTables[slot, default: []].append(table)
      } else {
        stationTables.append(table)
      }
    }
    // The keys of every list row, table by table on all cores (making a key makes strings); then the rows of
    // each key gathered in order, one group per key.
    var listSources: [(slot: Int, source: Int, columns: KeyColumns)] = []
    for (slot, tablesForList) in listTables.sorted(by: { $0.key < $1.key }) {
      for table in tablesForList {
        let names = table.columns.map { reader.listFieldName($0.name, list: slot) }
        listSources.append((slot, sources.count, KeyColumns(table: table, names: names)))
        sources.append(Joined.Source(table: table, names: names, listSlot: slot))
      }
    }
    let allSources = sources
    let listKeys = ParallelMap.map(listSources) { list in
      let table = allSources[list.source].table
      return list.columns.hasKey ? table.rows.map { list.columns.listKey(of: $0, table: table) } : []
    }
    var groupsBySlot: [Int: Groups] = [:]
    for (list, keys) in zip(listSources, listKeys) {
      let source = sources[list.source]
      let table = source.table
      diagnostics += unknownListColumns(of: table, names: source.names, slot: list.slot)
      guard list.columns.hasKey else {
        diagnostics.append(
          SurveyLoader.Messages.listTableWithoutCode(schema.inputs[list.slot].name, at: table.headerLocation))
        continue
      }
      var groups = groupsBySlot[list.slot] ?? Groups()
      for (rowIndex, key) in keys.enumerated() {
        guard let key else {
          let column = list.columns.code ?? list.columns.parentIndex ?? list.columns.submission ?? 0
          diagnostics.append(
            SurveyLoader.Messages.listRowWithoutCode(at: table.location(of: table.rows[rowIndex], cell: column)))
          continue
        }
        groups.add(Joined.Row(source: list.source, row: rowIndex), key: key)
      }
      // A list whose tables hold no row is not given at all (missing), rather than given empty.
      if !groups.keys.isEmpty { groupsBySlot[list.slot] = groups }
    }
    // In slot order, once: every station looks up every list.
    let lists = groupsBySlot.sorted(by: { $0.key < $1.key }).map { (slot: $0.key, groups: $0.value) }
    var stationSources: [Int] = []
    for table in stationTables {
      let names = table.columns.map { reader.fieldName($0.name) }
      stationSources.append(sources.count)
      sources.append(Joined.Source(table: table, names: names, listSlot: nil))
      diagnostics += stationColumnProblems(
        of: table, names: names, rows: table.rows.count, listSlots: Set(listTables.keys))
    }
    // Stations find their lists' rows on all cores, in chunks; which groups they claimed is noted after.
    let listNames = lists.map { schema.inputs[$0.slot].name }
    let stationSourcesCopy = sources
    let chunks = stationSources.flatMap { source in
      let count = stationSourcesCopy[source].table.rows.count
      return stride(from: 0, to: count, by: Self.stationChunk).map { (source: source, start: $0) }
    }
    let found = ParallelMap.map(chunks) { chunk -> (stations: [Joined.Station], claimed: [[Int]]) in
      let source = stationSourcesCopy[chunk.source]
      let table = source.table
      let columns = KeyColumns(table: table, names: source.names)
      var stations: [Joined.Station] = []
      var claimed = [[Int]](repeating: [], count: lists.count)
      for rowIndex in chunk.start..<min(table.rows.count, chunk.start + Self.stationChunk) {
        var station = Joined.Station(row: Joined.Row(source: chunk.source, row: rowIndex), lists: nil)
        let row = table.rows[rowIndex]
        if let keys = columns.stationKeys(of: row, table: table) {
          var stationLists: [Joined.List] = []
          stationLists.reserveCapacity(lists.count)
          for (position, list) in lists.enumerated() {
            // A station with no rows in a given list table has an empty list, not a missing one: the export
            // simply had no repeat for it.
            let group = keys.lazy.compactMap { list.groups.index[$0] }.first
            if let group { claimed[position].append(group) }
            stationLists.append(
              Joined.List(name: listNames[position], rows: group.map { list.groups.rows[$0] } ?? Joined.Rows()))
          }
          station.lists = stationLists
        }
        stations.append(station)
      }
      return (stations, claimed)
    }
    var stations: [Joined.Station] = []
    stations.reserveCapacity(found.reduce(0) { $0 + $1.stations.count })
    var matched = lists.map { [Bool](repeating: false, count: $0.groups.rows.count) }
    for chunk in found {
      stations += chunk.stations
      for (position, groups) in chunk.claimed.enumerated() {
        for group in groups { matched[position][group] = true }
      }
    }
    for (position, list) in lists.enumerated() {
      // Only the keys no station claimed are sorted (for a stable report): usually none of 100,000.
      let unclaimed = list.groups.keys.indices.filter { !matched[position][$0] }
      for group in unclaimed.sorted(by: { list.groups.keys[$0] < list.groups.keys[$1] }) {
        let refs = list.groups.rows[group]
        let first = sources[refs[0].source]
        diagnostics.append(
          SurveyLoader.Messages.unmatchedListRows(
            refs.count, list: schema.inputs[list.slot].name, code: list.groups.keys[group].display,
            at: Joined.rowLocation(first.table.rows[refs[0].row], table: first.table)))
      }
    }
    return Joined(sources: sources, stations: stations)
  }

  /// What reading `table` (of `rows` rows) found, reported as the join takes it: its reader's problems, and for
  /// a station table the rows it lost, or that it holds no station at all.
  func readingProblems(of table: Table, rows: Int, isList: Bool, diagnostics: inout [Diagnostic], rejected: inout Int) {
    diagnostics += table.diagnostics
    guard !isList else { return }
    // A row the reader had to drop is a station lost: count it.
    rejected += table.lostRows
    if rows == 0, table.lostRows == 0, !table.diagnostics.contains(where: { $0.severity == .error }) {
      diagnostics.append(
        SurveyLoader.Messages.noStation(
          at: table.sheet.map { SourceLocation(file: table.name, sheet: $0) } ?? SourceLocation(file: table.name)))
    }
  }

  /// The columns of list `slot`'s table that name nothing the list reads, each reported once at its header.
  func unknownListColumns(of table: Table, names: [String?], slot: Int) -> [Diagnostic] {
    guard case .list(let definition) = schema.inputs[slot].type else { return [] }
    return unknownColumns(
      of: table, names: names, candidates: definition.fields,
      known: { name in definition.fields.index(of: name) != nil || name == "code" || name == "year" })
  }

  /// A station table's unknown columns, and (when it has rows) the inputs it gives no column for, the lists
  /// that have tables (`listSlots`) counted as given.
  func stationColumnProblems(of table: Table, names: [String?], rows: Int, listSlots: Set<Int>) -> [Diagnostic] {
    var found = unknownColumns(of: table, names: names, candidates: schema, known: isStationField)
    if rows > 0, let missing = notProvided(by: names, lists: listSlots) {
      found.append(
        SurveyLoader.Messages.inputsNotProvided(
          missing.map { schema.inputs[$0] },
          at: table.sheet.map { SourceLocation(file: table.name, sheet: $0) } ?? SourceLocation(file: table.name)))
    }
    return found
  }

  /// Stations per chunk when their lists are looked up on all cores.
  private static let stationChunk = 4096

  /// The columns a table's rows are joined on, found once per table.
  struct KeyColumns: Sendable {
    var code: Int?
    var year: Int?
    /// KoboToolbox's columns: `_parent_index` and `_submission__uuid` in repeat tables, `_index` and `_uuid`
    /// in the main one.
    var parentIndex: Int?
    var submission: Int?
    var index: Int?
    var uuid: Int?

    init(table: Table, names: [String?]) {
      let raw = table.columns.map(\.name)
      code = names.firstIndex(of: "code")
      year = names.firstIndex(of: "year")
      parentIndex = raw.firstIndex(of: "_parent_index")
      submission = raw.firstIndex(of: "_submission__uuid")
      index = raw.firstIndex(of: "_index")
      uuid = raw.firstIndex(of: "_uuid")
    }

    /// One flag per column of `table`: whether it holds the code or the year, the cells the first reading of a
    /// batch read a piece at a time keeps (`TableJoin.streamed`).
    func keyCells(of table: Table) -> [Bool] {
      table.columns.indices.map { $0 == code || $0 == year }
    }

    /// Whether a list table has a column to join on.
    var hasKey: Bool { code != nil || parentIndex != nil || submission != nil }

    /// The key a list row joins on: its station's code (and year), else its KoboToolbox parent; nil when
    /// the cell is empty.
    func listKey(of row: Table.Row, table: Table) -> JoinKey? {
      if let code { return JoinKey(row: row, codeColumn: code, yearColumn: year) }
      if let parentIndex {
        return JoinKey.kobo(row: row, column: parentIndex, scope: TableJoin.koboScope(table), field: "_index")
      }
      return submission.flatMap { JoinKey.kobo(row: row, column: $0, scope: "", field: "_uuid") }
    }

    /// The most specific key a station row is found by (`stationKeys(of:table:)`'s first), without the others.
    func stationKey(of row: Table.Row) -> JoinKey? {
      code.flatMap { JoinKey(row: row, codeColumn: $0, yearColumn: year) }
    }

    /// The keys a station row is found by, most specific first; nil when it has no code to join on.
    func stationKeys(of row: Table.Row, table: Table) -> [JoinKey]? {
      guard let key = stationKey(of: row) else { return nil }
      var keys = [key, key.withoutYear]
      if let index, let kobo = JoinKey.kobo(row: row, column: index, scope: TableJoin.koboScope(table), field: "_index")
      {
        keys.append(kobo)
      }
      if let uuid, let kobo = JoinKey.kobo(row: row, column: uuid, scope: "", field: "_uuid") { keys.append(kobo) }
      return keys
    }
  }

  /// A list's rows gathered by key, keys in the order first seen.
  private struct Groups: Sendable {
    var index: [JoinKey: Int] = [:]
    var keys: [JoinKey] = []
    var rows: [Joined.Rows] = []

    mutating func add(_ row: Joined.Row, key: JoinKey) {
      if let group = index[key] {
        rows[group].append(row)
      } else {
        index[key] = keys.count
        keys.append(key)
        rows.append(Joined.Rows(row))
      }
    }
  }

  /// KoboToolbox's `_index` numbers rows within one export: a sheet's indexes join only within its workbook.
  fileprivate static func koboScope(_ table: Table) -> String { table.sheet == nil ? "" : table.name }

  /// Whether a station table's column (by the name it stands for) is read: an input, an attribute, waivers.
  private func isStationField(_ name: String) -> Bool {
    schema.index(of: name) != nil || InputSchema.stationAttributes.contains(name) || name == "waivers"
      || name == "level"
  }

  /// Each column whose header names nothing the set reads, reported once at the header with the closest input.
  private func unknownColumns(
    of table: Table, names: [String?], candidates: InputSchema, known: (String) -> Bool
  ) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for (index, column) in table.columns.enumerated() {
      guard let name = names[index], !column.name.isEmpty, !known(name), !Self.exportMetadata.contains(name) else {
        continue
      }
      let letters = SourceLocation.columnLetters(table.sheet == nil ? index + 1 : column.location.column)
      found.append(
        SurveyLoader.Messages.unknownColumn(
          column.name.split(separator: "\n").first.map(String.init) ?? column.name, letter: letters,
          closest: closestInput(to: column.name, in: candidates), at: column.location))
    }
    return found
  }

  /// The input (or attribute) a misspelt header most likely means: by edit distance over ids and labels
  /// folded without diacritics, case or extra spaces, else the label that contains the header's words.
  private func closestInput(to header: String, in inputs: InputSchema) -> (name: String, label: LocalizedText)? {
    let folded = (header.split(separator: "\n").first.map(String.init) ?? header).foldedForMatching
    guard !folded.isEmpty else { return nil }
    var candidates: [(key: String, name: String, label: LocalizedText)] = []
    for input in inputs.inputs where StationAttribute(field: input.name) == nil {
      for spelling in [input.name, input.label.vi, input.label.en] {
        candidates.append((spelling.foldedForMatching, input.name, input.label))
      }
    }
    for attribute in StationAttribute.allCases {
      for spelling in [attribute.rawValue, attribute.label.vi, attribute.label.en] {
        candidates.append((spelling.foldedForMatching, attribute.rawValue, attribute.label))
      }
    }
    if let key = Suggestions.closest(to: folded, in: candidates.map(\.key)),
      let match = candidates.first(where: { $0.key == key })
    {
      return (match.name, match.label)
    }
    guard folded.count >= 4 else { return nil }
    let containing = candidates.filter { $0.key.contains(folded) || ($0.key.count >= 4 && folded.contains($0.key)) }
    guard let best = containing.min(by: { $0.key.count < $1.key.count }) else { return nil }
    return (best.name, best.label)
  }

  /// The slots of the commune-level inputs a station table gives no column for (lists: no list table at all),
  /// or nil when it provides them all.
  private func notProvided(by names: [String?], lists: Set<Int>) -> [Int]? {
    let provided = Set(names.compactMap { $0 })
    let missing = schema.inputs.indices.filter { slot in
      let input = schema.inputs[slot]
      guard input.level == .commune, StationAttribute(field: input.name) == nil, !provided.contains(input.name)
      else { return false }
      if case .list = input.type { return !lists.contains(slot) }
      return true
    }
    return missing.isEmpty ? nil : missing
  }

  func listSlot(for table: Table) -> Int? {
    let base = table.sheet ?? ((table.name as NSString).lastPathComponent as NSString).deletingPathExtension
    let folded = base.foldedForMatching
    let lists = schema.inputs.indices.compactMap { slot -> (Int, ListDefinition)? in
      if case .list(let definition) = schema.inputs[slot].type { return (slot, definition) }
      return nil
    }
    for (slot, _) in lists {
      let input = schema.inputs[slot]
      let name = input.name.foldedForMatching
      if folded == name || ["-", "_", "."].contains(where: { folded.hasSuffix($0 + name) }) { return slot }
      for label in [input.label.vi, input.label.en].map(\.foldedForMatching) {
        // Excel cuts tab names at 31 characters: a long label may arrive truncated.
        if folded == label || (base.utf16.count == 31 && label.hasPrefix(folded)) { return slot }
      }
    }
    // By columns: some column is a field of the list and no station input, and no column is a station input
    // only — unknown columns (a misspelt header) do not hide a list; the list matching most columns wins.
    var best: (slot: Int, fields: Int)?
    for (slot, definition) in lists {
      let columns = table.columns.compactMap { reader.listFieldName($0.name, list: slot) }
        .filter { $0 != "code" && $0 != "year" && !$0.isEmpty }
      let fields = columns.filter { definition.fields.index(of: $0) != nil }
      let stationOnly = table.columns.compactMap { reader.fieldName($0.name) }.filter { name in
        name != "code" && name != "year" && isStationField(name) && !fields.contains(name)
      }
      guard fields.contains(where: { schema.index(of: $0) == nil && StationAttribute(field: $0) == nil }),
        stationOnly.isEmpty, fields.count > (best?.fields ?? 0)
      else { continue }
      best = (slot, fields.count)
    }
    if let best { return best.slot }
    return nil
  }
}

/// A key joining list rows to their station: a station-year, or a KoboToolbox row index or submission.
struct JoinKey: Hashable, Comparable, Sendable {
  var code: String
  var year: String?
  /// For KoboToolbox joins: the workbook the index belongs to and the parent's field (`_index`, `_uuid`).
  var kobo: String?

  init?(row: Table.Row, codeColumn: Int, yearColumn: Int?) {
    guard codeColumn < row.cellCount else { return nil }
    self.init(
      code: row.cell(codeColumn),
      year: yearColumn.flatMap { $0 < row.cellCount ? row.cell($0) : nil })
  }

  /// The key of a row whose code cell is `code` and year cell `year` (nil: none), as written; nil when the code is
  /// empty.
  init?(code cell: String, year yearCell: String?) {
    let raw = cell.trimmingSpaces
    guard !raw.isEmpty else { return nil }
    code = SurveyReader.restoredCode(raw) ?? raw
    if let yearCell {
      let text = yearCell.trimmingSpaces
      year = text.isEmpty ? nil : text
    }
  }

  private init(code: String, year: String?, kobo: String?) {
    self.code = code
    self.year = year
    self.kobo = kobo
  }

  /// The KoboToolbox key of `row`'s cell `column` (an `_index` or a submission uuid) within `scope`.
  static func kobo(row: Table.Row, column: Int, scope: String, field: String) -> JoinKey? {
    guard column < row.cellCount else { return nil }
    var value = row.cell(column).trimmingSpaces
    // Excel may store the index as a number cell: 3 and 3.0 are the same row.
    if value.hasSuffix(".0") { value.removeLast(2) }
    guard !value.isEmpty else { return nil }
    return JoinKey(code: value, year: nil, kobo: scope + "|" + field)
  }

  var withoutYear: JoinKey { JoinKey(code: code, year: nil, kobo: kobo) }

  /// How a message names the key: the code, or `_parent_index 3`.
  var display: String {
    guard let kobo else { return code }
    return (kobo.hasSuffix("_uuid") ? "_submission__uuid " : "_parent_index ") + code
  }

  static func < (lhs: JoinKey, rhs: JoinKey) -> Bool {
    (lhs.kobo ?? "", lhs.code, lhs.year ?? "") < (rhs.kobo ?? "", rhs.code, rhs.year ?? "")
  }
}

extension TableJoin {
  /// The joined tables: every station row with the list rows that belong to it, pointing into the tables.
  ///
  /// A station's document is built only when it is read (`document(_:)`), on whichever core reads it, and
  /// dropped right after: a batch never holds every station's tree at once, which at 100,000 stations was
  /// most of its memory.
  struct Joined: Sendable {
    /// A table and the input name each of its columns stands for (nil: none).
    struct Source: Sendable {
      var table: Table
      var names: [String?]
      /// The list input whose records the table holds; nil for a table of stations.
      var listSlot: Int?
    }

    /// A row of one of the tables.
    struct Row: Sendable {
      var source: Int
      var row: Int
    }

    /// One list input of a station and the rows joined to it.
    /// The rows of one list for one station: mostly neighbours in one table (an export lists a station's staff
    /// together), kept then as a range rather than a row reference each, which at a million stations is a
    /// quarter of a gigabyte.
    struct Rows: RandomAccessCollection, Sendable {
      private enum Storage: Sendable {
        case run(source: Int, rows: Range<Int>)
        case scattered([Row])
      }

      private var storage: Storage

      init() { storage = .scattered([]) }

      init(_ row: Row) { storage = .run(source: row.source, rows: row.row..<(row.row + 1)) }

      mutating func append(_ row: Row) {
        switch storage {
        case .run(let source, let rows) where source == row.source && rows.upperBound == row.row:
          storage = .run(source: source, rows: rows.lowerBound..<(row.row + 1))
        case .run(let source, let rows):
          storage = .scattered(rows.map { Row(source: source, row: $0) } + [row])
        case .scattered(var rows):
          storage = .scattered([])
          rows.append(row)
          storage = .scattered(rows)
        }
      }

      var startIndex: Int { 0 }
      var endIndex: Int {
        switch storage {
        case .run(_, let rows): rows.count
        case .scattered(let rows): rows.count
        }
      }

      subscript(position: Int) -> Row {
        switch storage {
        case .run(let source, let rows): Row(source: source, row: rows.lowerBound + position)
        case .scattered(let rows): rows[position]
        }
      }
    }

    struct List: Sendable {
      var name: String
      var rows: Rows
    }

    /// A station row and its lists, in slot order; nil when the row has no usable code to join on.
    struct Station: Sendable {
      var row: Row
      var lists: [List]?
    }

    var sources: [Source]
    var stations: [Station]

    /// Station `index`'s document: its row as a mapping, with each list input's rows as a sequence in place
    /// of any column of the same name.
    func document(_ index: Int) -> DataNode {
      let station = stations[index]
      var node = Self.node(station.row, in: sources)
      guard let lists = station.lists, case .mapping(var entries) = node.content else { return node }
      for list in lists {
        let items = list.rows.map { Self.node($0, in: sources) }
        entries.removeAll { $0.key == list.name }
        entries.append(
          DataNode.Entry(
            key: list.name, keyLocation: node.location,
            value: DataNode(.sequence(items), at: items.first?.location ?? node.location)))
      }
      node.content = .mapping(entries)
      return node
    }

    /// A row as a mapping, its keys the names the headers stand for (read once per table, not once per
    /// row); columns of export metadata are left out, unknown ones kept as written.
    private static func node(_ reference: Row, in sources: [Source]) -> DataNode {
      let source = sources[reference.source]
      let table = source.table
      let row = table.rows[reference.row]
      var entries: [DataNode.Entry] = []
      entries.reserveCapacity(table.columns.count)
      for (index, column) in table.columns.enumerated() where index < row.cellCount && !column.name.isEmpty {
        guard let name = source.names[index] else { continue }
        let location = table.location(of: row, cell: index)
        let style: DataNode.ScalarStyle = row.isErrorCell(index) ? .spreadsheetError : .plain
        entries.append(
          DataNode.Entry(
            key: name, keyLocation: location, value: DataNode(.scalar(row.cell(index), style), at: location)))
      }
      return DataNode(.mapping(entries), at: rowLocation(row, table: table))
    }

    /// Where a row starts, for the record it holds.
    static func rowLocation(_ row: Table.Row, table: Table) -> SourceLocation {
      rowLocation(line: row.line, table: table)
    }

    /// `rowLocation` of a row on line `line`.
    static func rowLocation(line: Int, table: Table) -> SourceLocation {
      SourceLocation(file: table.name, line: line, column: 1, sheet: table.sheet)
    }
  }
}
