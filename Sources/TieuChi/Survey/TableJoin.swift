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
    var listRows: [Int: [JoinKey: [Joined.Row]]] = [:]
    var sources: [Joined.Source] = []
    var listTables: [Int: [Table]] = [:]
    for table in tables {
      diagnostics += table.diagnostics
      if let slot = listSlot(for: table) {
        listTables[slot, default: []].append(table)
      } else {
        stationTables.append(table)
        // A row the reader had to drop is a station lost: count it.
        rejected += table.lostRows
        if table.rows.isEmpty, table.lostRows == 0, !table.diagnostics.contains(where: { $0.severity == .error }) {
          diagnostics.append(
            SurveyLoader.Messages.noStation(
              at: table.sheet.map { SourceLocation(file: table.name, sheet: $0) } ?? SourceLocation(file: table.name)))
        }
      }
    }
    var matched: Set<JoinKey> = []
    var stations: [Joined.Station] = []
    for (slot, tablesForList) in listTables.sorted(by: { $0.key < $1.key }) {
      for table in tablesForList {
        let names = table.columns.map { reader.listFieldName($0.name, list: slot) }
        let source = sources.count
        sources.append(Joined.Source(table: table, names: names, listSlot: slot))
        guard case .list(let definition) = schema.inputs[slot].type else { continue }
        diagnostics += unknownColumns(
          of: table, names: names, candidates: definition.fields,
          known: { name in definition.fields.index(of: name) != nil || name == "code" || name == "year" })
        let raw = table.columns.map(\.name)
        let codeColumn = names.firstIndex(of: "code")
        let yearColumn = names.firstIndex(of: "year")
        let parentIndexColumn = raw.firstIndex(of: "_parent_index")
        let submissionColumn = raw.firstIndex(of: "_submission__uuid")
        guard codeColumn != nil || parentIndexColumn != nil || submissionColumn != nil else {
          diagnostics.append(
            SurveyLoader.Messages.listTableWithoutCode(schema.inputs[slot].name, at: table.headerLocation))
          continue
        }
        for (rowIndex, row) in table.rows.enumerated() {
          let key: JoinKey?
          if let codeColumn {
            key = JoinKey(row: row, codeColumn: codeColumn, yearColumn: yearColumn)
          } else if let parentIndexColumn {
            key = JoinKey.kobo(row: row, column: parentIndexColumn, scope: Self.koboScope(table), field: "_index")
          } else {
            key = submissionColumn.flatMap { JoinKey.kobo(row: row, column: $0, scope: "", field: "_uuid") }
          }
          guard let key else {
            let column = codeColumn ?? parentIndexColumn ?? submissionColumn ?? 0
            diagnostics.append(SurveyLoader.Messages.listRowWithoutCode(at: table.location(of: row, cell: column)))
            continue
          }
          listRows[slot, default: [:]][key, default: []].append(Joined.Row(source: source, row: rowIndex))
        }
      }
    }
    // In slot order, once: the station loop below visits every list for every station.
    let lists = listRows.sorted(by: { $0.key < $1.key })
    for table in stationTables {
      let names = table.columns.map { reader.fieldName($0.name) }
      let source = sources.count
      sources.append(Joined.Source(table: table, names: names, listSlot: nil))
      diagnostics += unknownColumns(of: table, names: names, candidates: schema, known: isStationField)
      if !table.rows.isEmpty, let missing = notProvided(by: names, lists: Set(listTables.keys)) {
        diagnostics.append(
          SurveyLoader.Messages.inputsNotProvided(
            missing.map { schema.inputs[$0] },
            at: table.sheet.map { SourceLocation(file: table.name, sheet: $0) } ?? SourceLocation(file: table.name)))
      }
      let raw = table.columns.map(\.name)
      let codeColumn = names.firstIndex(of: "code")
      let yearColumn = names.firstIndex(of: "year")
      let indexColumn = raw.firstIndex(of: "_index")
      let uuidColumn = raw.firstIndex(of: "_uuid")
      for (rowIndex, row) in table.rows.enumerated() {
        var station = Joined.Station(row: Joined.Row(source: source, row: rowIndex), lists: nil)
        if let codeColumn, let key = JoinKey(row: row, codeColumn: codeColumn, yearColumn: yearColumn) {
          let keys = [
            key, key.withoutYear,
            indexColumn.flatMap { JoinKey.kobo(row: row, column: $0, scope: Self.koboScope(table), field: "_index") },
            uuidColumn.flatMap { JoinKey.kobo(row: row, column: $0, scope: "", field: "_uuid") },
          ].compactMap { $0 }
          station.lists = lists.map { slot, rows in
            // A station with no rows in a given list table has an empty list, not a missing one:
            // the export simply had no repeat for it.
            let found = keys.first { rows[$0] != nil }
            if let found { matched.insert(found) }
            return Joined.List(name: schema.inputs[slot].name, rows: found.flatMap { rows[$0] } ?? [])
          }
        }
        stations.append(station)
      }
    }
    for (slot, rows) in lists {
      // Only the keys no station claimed are sorted (for a stable report): usually none of 100,000.
      for (key, refs) in rows.filter({ !matched.contains($0.key) }).sorted(by: { $0.key < $1.key }) {
        let first = sources[refs[0].source]
        diagnostics.append(
          SurveyLoader.Messages.unmatchedListRows(
            refs.count, list: schema.inputs[slot].name, code: key.display,
            at: Joined.rowLocation(first.table.rows[refs[0].row], table: first.table)))
      }
    }
    return Joined(sources: sources, stations: stations)
  }

  /// KoboToolbox's `_index` numbers rows within one export: a sheet's indexes join only within its workbook.
  private static func koboScope(_ table: Table) -> String { table.sheet == nil ? "" : table.name }

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

  private func listSlot(for table: Table) -> Int? {
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

extension SourceLocation {
  fileprivate func withColumn(_ column: Int) -> SourceLocation {
    var copy = self
    copy.column = column
    return copy
  }
}

/// A key joining list rows to their station: a station-year, or a KoboToolbox row index or submission.
private struct JoinKey: Hashable, Comparable {
  var code: String
  var year: String?
  /// For KoboToolbox joins: the workbook the index belongs to and the parent's field (`_index`, `_uuid`).
  var kobo: String?

  init?(row: Table.Row, codeColumn: Int, yearColumn: Int?) {
    guard codeColumn < row.cellCount else { return nil }
    let raw = row.cell(codeColumn).trimmingSpaces
    guard !raw.isEmpty else { return nil }
    code = SurveyReader.restoredCode(raw) ?? raw
    if let yearColumn, yearColumn < row.cellCount {
      let text = row.cell(yearColumn).trimmingSpaces
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
    struct List: Sendable {
      var name: String
      var rows: [Row]
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
      table.location(of: row, cell: -1).withColumn(1)
    }
  }
}
