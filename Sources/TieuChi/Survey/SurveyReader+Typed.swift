/// Reading a station of joined tables straight into a `TypedRecord`, for a check that needs only each commune's
/// verdicts (`SummaryLane`): no `StationRecord`, `ListItem` or `String` per cell is made.
///
/// It gives up (nil) wherever `read(joined:station:plan:into:)` would say anything — a field it cannot read, a code
/// it repairs, a year it refuses — so the caller reads that station the usual way and every message stays the
/// same. Cells spelled the usual way (plain digits, TRUE/FALSE) are read from their bytes; any other spelling goes
/// through the same `convert(scalar:…)` as the usual reading.
extension SurveyReader {
  /// A station's identity and place, read with its values.
  struct TypedStation: Sendable {
    var location: SourceLocation
    var code: String
    var name: String?
    var year: Int?
    /// The attributes among the fields asked for (`keeping`), as the usual record has them.
    var attributes: [String: String]
    /// The names of every attribute the usual record has (`StationRecord.attributes`' keys).
    var fields: [String]
  }

  /// Which values a `readTyped` caller uses: text is made only for these (a staff member's name is a `String`
  /// the verdicts never read); values of other types are always read, since an unreadable one must be reported.
  struct TypedNeeds: Sendable {
    /// Text inputs used, by top-level slot.
    var inputs: Set<Int> = []
    /// Text fields used, by list slot and field slot.
    var fields: [Int: Set<Int>] = [:]

    init() {}
  }

  /// What `readTyped` works out once for a chunk's tables rather than once per station: what each column is read as,
  /// and the tables' rows. One plan serves the stations of one `TableJoin.Joined`.
  ///
  /// Everything read for each cell is plain data (no string, array or enum payload): copying a column's plan or an
  /// input's type for every cell counted references that were a measurable part of the lane.
  struct TypedPlan {
    /// What a column's key is to the station.
    enum Role {
      case code, name, year, other
    }

    struct Column {
      var index: Int
      var slot: Int?
      var role: Role
      /// How its input's cells are read (for a column with a slot).
      var kind: CellKind
      /// The value is made text (an attribute kept, or `code`, `name`, `year`).
      var asText: Bool
      var kept: Bool
      /// No column before it stands for the same key.
      var firstOfKey: Bool
      /// Its input is a count or a number: never an attribute.
      var numeric: Bool
      /// Its input (or, in a list table, its list's field) is text the caller uses.
      var textNeeded: Bool
    }

    /// How an input's cells are read the quick way; anything else goes through `convert`.
    enum CellKind {
      /// A count or a number: plain digits.
      case number
      /// TRUE or FALSE.
      case boolean
      /// Text: never unreadable (only absent).
      case text
      /// One of an enum's ids spelled exactly (`Choices` at this position).
      case choice(Int)
      case other
    }

    /// An enum's ids that are read back as themselves (`EnumDefinition.resolve(id) == id`), with their bytes.
    struct Choices {
      var ids: [(bytes: [UInt8], id: String)]

      /// The position in `ids` of the id `bytes` spell exactly, if any.
      func position(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        ids.firstIndex { $0.bytes.withUnsafeBufferPointer { $0.hasSameBytes(as: bytes) } }
      }
    }

    fileprivate var columns: [[Column]?]
    /// By source: how many of its columns are attributes kept (room for them made at once).
    fileprivate let keptCounts: [Int]
    /// By source, then column: the key each column stands for.
    fileprivate let keys: [[String]?]
    /// By source, then column: the name the join gave it, which a list of the same name replaces.
    fileprivate let joinedNames: [[String]?]
    fileprivate let choices: [Choices]
    fileprivate let keepsCode: Bool
    /// The list names of the last station read, the input slot each fills (nil: none), and per source which
    /// columns they replace: the same for nearly every station.
    fileprivate var listNames: [String]? = nil
    fileprivate var listSlots: [Int?] = []
    fileprivate var replaced: [[Bool]?] = []
    /// The rows of the chunk's tables, by source.
    fileprivate var rows: [Table.Rows] = []
    /// The names of a station's attributes, as they are found (room for the next station's), and the last
    /// station's: the next one's, when equal, share its array, which `BatchFacts` then recognises without looking
    /// at each name. (An array of them made for every station grew four times.)
    fileprivate var fields: [String] = []
    fileprivate var lastFields: [String] = []

    /// The plan for `reader` reading tables planned as `plan` (the list each fills, by source: `listSlots`),
    /// keeping the attributes in `keeping` and making text only of the text inputs in `needs`.
    init(_ plan: TablePlan, listSlots: [Int?], reader: SurveyReader, keeping: Set<String>, needs: TypedNeeds) {
      keepsCode = keeping.contains("code")
      var choices: [Choices] = []
      func kind(of type: InputType) -> CellKind {
        switch type {
        case .count, .number: return .number
        case .boolean: return .boolean
        case .text: return .text
        case .enumeration(let definition):
          choices.append(
            Choices(
              ids: definition.values.map(\.id).filter {
                !$0.isEmpty && $0 == $0.trimmingSpaces && definition.resolve($0) == $0
              }
              .map { (bytes: Array($0.utf8), id: $0) }))
          return .choice(choices.count - 1)
        case .list: return .other
        }
      }
      columns = zip(plan.columns, listSlots).map { columns, listSlot in
        // A list table's column slots are its list's fields.
        let schema = listSlot.flatMap { reader.listReaders[$0]?.schema } ?? reader.schema
        return columns.map { columns in
          columns.enumerated().map { position, column in
            let role: Role =
              switch column.key {
              case "code": .code
              case "name": .name
              case "year": .year
              default: .other
              }
            let kept = keeping.contains(column.key)
            return Column(
              index: column.index, slot: column.slot, role: role,
              kind: column.slot.map { kind(of: schema.inputs[$0].type) } ?? .other,
              asText: role != .other || kept, kept: kept,
              firstOfKey: !columns[..<position].contains { $0.key == column.key },
              numeric: SurveyReader.isNumeric(column.slot.map { schema.inputs[$0].type }),
              textNeeded: column.slot.map { slot in
                listSlot.map { needs.fields[$0]?.contains(slot) ?? false } ?? needs.inputs.contains(slot)
              } ?? false)
          }
        }
      }
      keptCounts = columns.map { $0?.count(where: \.kept) ?? 0 }
      keys = plan.columns.map { $0?.map(\.key) }
      joinedNames = plan.columns.map { $0?.map(\.joinedName) }
      self.choices = choices
    }

    /// Made ready for a station with `count` lists, list `i` named `name(i)`.
    fileprivate mutating func lists(count: Int, name: (Int) -> String, reader: SurveyReader) {
      // Compared in place: an array of the names made for every station was a measurable part of reading it.
      if let listNames, listNames.count == count, listNames.indices.allSatisfy({ listNames[$0] == name($0) }) {
        return
      }
      let names = (0..<count).map(name)
      listNames = names
      listSlots = names.map { name in
        reader.fieldName(name).flatMap { reader.schema.index(of: $0) }.flatMap {
          reader.listReaders[$0] == nil ? nil : $0
        }
      }
      replaced = joinedNames.map { columns in columns.map { $0.map { names.contains($0) } } }
    }
  }

  /// Reads station `index` of `joined` into `record` (emptied first) as `read(joined:station:plan:into:)` reads it,
  /// with the attributes `typed` keeps; nil when that reading would report anything, when the station is read
  /// through its document, or when a cell is a spreadsheet error.
  func readTyped(
    joined: TableJoin.Joined, station index: Int, plan: TablePlan, typed: inout TypedPlan,
    into record: inout TypedRecord
  ) -> TypedStation? {
    let station = joined.stations[index]
    guard let lists = station.lists,
      lists.allSatisfy({ list in list.rows.allSatisfy { plan.columns[$0.source] != nil } })
    else { return nil }
    // Each table's rows taken once: a `Table` copied for every row read is a dozen references counted.
    if typed.rows.count != joined.sources.count { typed.rows = joined.sources.map(\.table.rows) }
    return readTyped(
      JoinedStation(station: station, lists: lists, rows: typed.rows, sources: joined.sources), typed: &typed,
      into: &record)
  }

  /// Reads station `index` of a chunk's plain lines into `record` as `readTyped(joined:…)` reads it from the
  /// chunk's tables.
  func readTyped(
    plain stations: TableJoin.Streamed.PlainStations, station index: Int, plan: TablePlan, typed: inout TypedPlan,
    into record: inout TypedRecord
  ) -> TypedStation? {
    guard stations.listsArePlanned(plan) else { return nil }
    return readTyped(stations.station(index), typed: &typed, into: &record)
  }

  /// `readTyped(joined:…)` for a station's rows wherever they are.
  private func readTyped<Station: TypedStationRows>(
    _ station: Station, typed: inout TypedPlan, into record: inout TypedRecord
  ) -> TypedStation? {
    guard station.hasLists, let columns = typed.columns[station.source], let keys = typed.keys[station.source],
      let row = station.row
    else { return nil }
    typed.lists(count: station.listCount, name: station.listName, reader: self)
    let replaced = typed.replaced[station.source] ?? []
    record.reset()
    var attributes = [String: String](minimumCapacity: typed.keptCounts[station.source])
    typed.fields.removeAll(keepingCapacity: true)
    var code: String?
    var name: String?
    var year: Int?
    for position in columns.indices {
      if replaced[position] { continue }
      let column = columns[position]
      if row.isErrorCell(column.index) { return nil }
      let isNull = row.withCellBytes(column.index, Self.isNull)
      let isAttribute = !isNull && !column.numeric
      let text = isNull || !column.asText ? nil : row.cell(column.index)
      if isAttribute {
        if column.firstOfKey || !typed.fields.contains(keys[position]) { typed.fields.append(keys[position]) }
        if column.kept { attributes[keys[position]] = text?.trimmingSpaces }
      }
      switch column.role {
      case .code: code = text
      case .name: name = text?.trimmingSpaces
      case .year:
        // An empty year cell leaves a year read from an earlier column, as the usual reading does.
        guard let text else { break }
        guard case .success(let y) = NumberText.parseCount(text), (1900...2200).contains(y) else { return nil }
        year = y
      case .other: break
      }
      if let slot = column.slot {
        guard
          let cell = TypedPlan.value(
            row, column.index, kind: column.kind, text: column.textNeeded, choices: typed.choices,
            slow: {
              typedValue(row, column.index, slot: slot)
            })
        else { return nil }
        record.values[slot] = cell.kept(in: &record.texts)
      }
    }
    for (list, slot) in typed.listSlots.enumerated() {
      guard let slot else { continue }
      record.hasList[slot] = true
      let width = record.fieldCounts[slot]
      // The list's values taken out of the record, made at their size at once and written in place: appended and
      // set one by one in the record's array of arrays, each value was two checks that neither array is shared.
      var values: [TypedRecord.Value] = []
      swap(&values, &record.lists[slot])
      values.removeAll(keepingCapacity: true)
      values.append(contentsOf: repeatElement(.missing, count: station.rowCount(ofList: list) * width))
      // A list's rows are nearly always of one table: its columns are taken once.
      var source = -1
      var listColumns: [TypedPlan.Column] = []
      let choices = typed.choices
      let read = values.withUnsafeMutableBufferPointer { buffer in
        var start = 0
        return station.forEachRow(ofList: list) { rowSource, listRow in
          if rowSource != source {
            source = rowSource
            listColumns = typed.columns[source] ?? []
          }
          defer { start += width }
          for column in listColumns {
            guard let field = column.slot else { continue }
            if listRow.isErrorCell(column.index) { return false }
            guard
              let cell = TypedPlan.value(
                listRow, column.index, kind: column.kind, text: column.textNeeded, choices: choices,
                slow: {
                  listReaders[slot]?.typedValue(listRow, column.index, slot: field)
                })
            else { return false }
            buffer[start + field] = cell.kept(in: &record.texts)
          }
          return true
        }
      }
      swap(&values, &record.lists[slot])
      guard read else { return nil }
    }
    var problems: [Diagnostic] = []
    let location = station.location
    guard let code = stationCode(code, at: location, diagnostics: &problems), problems.isEmpty else { return nil }
    if !typed.fields.contains("code") { typed.fields.append("code") }
    if typed.fields != typed.lastFields { typed.lastFields = typed.fields }
    let fields = typed.lastFields
    if typed.keepsCode { attributes["code"] = code }
    return TypedStation(location: location, code: code, name: name, year: year, attributes: attributes, fields: fields)
  }

  /// Cell `index`'s value for input `slot` of this reader's schema, read as `convert` reads it: missing, a number,
  /// yes/no or text; nil when reading it would report a problem. For the cells `TypedPlan.value` cannot read from
  /// their bytes.
  fileprivate func typedValue(_ row: some TypedCells, _ index: Int, slot: Int) -> InputValue? {
    var problems: [Diagnostic] = []
    let value = convert(
      scalar: row.cell(index), style: .plain, slot: slot, at: SourceLocation(file: ""), field: "",
      diagnostics: &problems)
    guard problems.isEmpty else { return nil }
    switch value {
    case .missing, .number, .boolean, .text: return value
    case .invalid, .list: return nil
    }
  }

  /// TRUE and FALSE in any case, as spreadsheets write them (`booleanSpellings` has both); nil for any other text,
  /// which `convert` then reads.
  fileprivate static func plainBoolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    func spells(_ word: StaticString) -> Bool {
      guard bytes.count == word.utf8CodeUnitCount else { return false }
      let letters = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
      return zip(bytes, letters).allSatisfy { $0 | 0x20 == $1 }
    }
    if spells("true") { return true }
    if spells("false") { return false }
    return nil
  }
}

extension SurveyReader.TypedPlan {
  /// A cell's value as `value(…)` reads it: a text apart, since a record holds its texts apart.
  fileprivate enum TypedCell {
    case value(TypedRecord.Value)
    case text(String)

    /// The value as `record` holds it, its text kept in `texts`.
    func kept(in texts: inout [String]) -> TypedRecord.Value {
      switch self {
      case .value(let value): value
      case .text(let text): TypedRecord.text(text, in: &texts)
      }
    }
  }

  /// What a cell's bytes say of its value (`value(…)`): plain data, so that reading the bytes makes no text.
  private enum QuickCell {
    case value(TypedRecord.Value)
    /// The id at `id` in the enum's `Choices` at `choices`.
    case choice(choices: Int, id: Int)
    /// Read by `convert`.
    case slow
  }

  /// Cell `index`'s value for an input read as `kind` (text only when `text`), from its bytes where they are spelled
  /// the usual way, or else by `slow` (the reader's `convert`); nil when reading it would report a problem.
  ///
  /// Static, given the plan's `choices`, and a text given as such for the caller to keep in its record's texts: a
  /// method of the plan, the plan was copied for every cell read of a list.
  fileprivate static func value(
    _ row: some TypedCells, _ index: Int, kind: CellKind, text: Bool, choices: [Choices], slow: () -> InputValue?
  ) -> TypedCell? {
    let quick: QuickCell = row.withCellBytes(index) { bytes in
      if SurveyReader.isNull(bytes) { return .value(.missing) }
      switch kind {
      case .number:
        return NumberText.plainDigits(bytes).map { .value(.number(Rational($0))) } ?? .slow
      case .boolean:
        return SurveyReader.plainBoolean(bytes).map { .value(.boolean($0)) } ?? .slow
      case .text where !text:
        // Never read, and text is never unreadable: only its absence would matter, and `isNull` saw to that.
        return .value(.missing)
      case .choice(let position):
        // An id spelled exactly is read as itself (`EnumDefinition.resolve`'s first lookup).
        return choices[position].position(bytes).map { .choice(choices: position, id: $0) } ?? .slow
      case .text, .other:
        return .slow
      }
    }
    switch quick {
    case .value(let value): return .value(value)
    case .choice(let position, let id): return .text(choices[position].ids[id].id)
    case .slow: break
    }
    switch slow() {
    case .missing?: return .value(.missing)
    case .number(let n)?: return .value(.number(n))
    case .boolean(let b)?: return .value(.boolean(b))
    case .text(let t)?: return .text(t)
    case .invalid?, .list?, nil: return nil
    }
  }
}

/// A row's cells as `SurveyReader.readTyped` reads them: a table's row, or a plain line's bytes
/// (`TableJoin.Streamed.PlainRow`), the same text either way.
protocol TypedCells {
  /// Whether cell `index` holds a spreadsheet error value.
  func isErrorCell(_ index: Int) -> Bool
  /// `body` applied to cell `index`'s text as NFC UTF-8.
  func withCellBytes<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result
  /// Cell `index`'s text, in NFC.
  func cell(_ index: Int) -> String
}

extension Table.Row: TypedCells {}

/// A station's rows as `SurveyReader.readTyped` reads them: its row in a station table and the rows of each list
/// joined to it, in the order `TableJoin` joins them.
protocol TypedStationRows {
  associatedtype Cells: TypedCells
  /// The station table (a source of the join).
  var source: Int { get }
  /// The station's row; nil when it cannot be read here.
  var row: Cells? { get }
  /// Whether the station has lists joined to it at all (not when its row has no code to join on).
  var hasLists: Bool { get }
  var listCount: Int { get }
  func listName(_ list: Int) -> String
  /// How many rows `forEachRow(ofList:_:)` gives list `list`, when it gives them all.
  func rowCount(ofList list: Int) -> Int
  /// `body` given each row of list `list` in order, with its source, until it returns false; false then, or when a
  /// row cannot be read here.
  func forEachRow(ofList list: Int, _ body: (_ source: Int, _ row: Cells) -> Bool) -> Bool
  /// Where the station's row is, as `TableJoin.Joined.rowLocation` says.
  var location: SourceLocation { get }
}

/// A station of joined tables, its rows read into tables.
private struct JoinedStation: TypedStationRows {
  let station: TableJoin.Joined.Station
  let lists: [TableJoin.Joined.List]
  let rows: [Table.Rows]
  let sources: [TableJoin.Joined.Source]

  var source: Int { station.row.source }
  var row: Table.Row? { rows[station.row.source][station.row.row] }
  var hasLists: Bool { true }
  var listCount: Int { lists.count }
  func listName(_ list: Int) -> String { lists[list].name }
  func rowCount(ofList list: Int) -> Int { lists[list].rows.count }

  func forEachRow(ofList list: Int, _ body: (Int, Table.Row) -> Bool) -> Bool {
    for reference in lists[list].rows where !body(reference.source, rows[reference.source][reference.row]) {
      return false
    }
    return true
  }

  var location: SourceLocation {
    TableJoin.Joined.rowLocation(rows[station.row.source][station.row.row], table: sources[station.row.source].table)
  }
}
