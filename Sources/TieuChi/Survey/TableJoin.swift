import Foundation

/// Assembles station documents from tables (CSV files today, spreadsheet sheets next) the way
/// KoboToolbox/ODK export repeat groups: one table of stations, and for each list input (staff,
/// hamlets) a table of records joined on `code` (and `year`, when the list table has that column).
///
/// A table is the list table of input `staff` when its name (without extension) is `staff` or ends in
/// `-staff`, `_staff`, `.staff`, or when all its columns but `code`/`year` are fields of `staff`.
/// Every other table is a station table.
struct TableJoin {
  let schema: InputSchema
  let reader: SurveyReader

  /// The station documents, each with its list inputs joined in; `rejected` counts the station rows
  /// the tables' readers lost.
  func stations(from tables: [Table], diagnostics: inout [Diagnostic], rejected: inout Int) -> [DataNode] {
    var stationTables: [Table] = []
    var listRows: [Int: [JoinKey: [DataNode]]] = [:]
    var listTables: [Int: [Table]] = [:]
    for table in tables {
      diagnostics += table.diagnostics
      if let slot = listSlot(for: table) {
        listTables[slot, default: []].append(table)
      } else {
        stationTables.append(table)
        // A row the reader had to drop is a station lost: count it.
        rejected += table.lostRows
      }
    }
    var matched: Set<JoinKey> = []
    var stations: [DataNode] = []
    var stationKeys: Set<JoinKey> = []
    for (slot, tablesForList) in listTables {
      for table in tablesForList {
        let names = table.columns.map { reader.fieldName($0.name) }
        guard let codeColumn = names.firstIndex(of: "code") else {
          diagnostics.append(
            SurveyLoader.Messages.listTableWithoutCode(
              schema.inputs[slot].name, at: SourceLocation(file: table.name, line: table.headerLine, column: 1)))
          continue
        }
        let yearColumn = names.firstIndex(of: "year")
        for row in table.rows {
          guard let key = JoinKey(row: row, codeColumn: codeColumn, yearColumn: yearColumn) else {
            diagnostics.append(SurveyLoader.Messages.listRowWithoutCode(at: table.location(of: row, cell: codeColumn)))
            continue
          }
          listRows[slot, default: [:]][key, default: []].append(node(row, table: table))
        }
      }
    }
    for table in stationTables {
      let names = table.columns.map { reader.fieldName($0.name) }
      let codeColumn = names.firstIndex(of: "code")
      let yearColumn = names.firstIndex(of: "year")
      for row in table.rows {
        var station = node(row, table: table)
        guard case .mapping(var entries) = station.content else { continue }
        if let codeColumn, let key = JoinKey(row: row, codeColumn: codeColumn, yearColumn: yearColumn) {
          stationKeys.insert(key)
          for (slot, rows) in listRows.sorted(by: { $0.key < $1.key }) {
            // A station with no rows in a given list table has an empty list, not a missing one:
            // the export simply had no repeat for it.
            let items = rows[key] ?? rows[key.withoutYear] ?? []
            if rows[key] != nil {
              matched.insert(key)
            } else if rows[key.withoutYear] != nil {
              matched.insert(key.withoutYear)
            }
            entries.removeAll { reader.fieldName($0.key) == schema.inputs[slot].name }
            entries.append(
              DataNode.Entry(
                key: schema.inputs[slot].name, keyLocation: station.location,
                value: DataNode(.sequence(items), at: items.first?.location ?? station.location)))
          }
        }
        station.content = .mapping(entries)
        stations.append(station)
      }
    }
    for (slot, rows) in listRows {
      for (key, nodes) in rows where !matched.contains(key) {
        diagnostics.append(
          SurveyLoader.Messages.unmatchedListRows(
            nodes.count, list: schema.inputs[slot].name, code: key.code, at: nodes[0].location))
      }
    }
    return stations
  }

  private func node(_ row: Table.Row, table: Table) -> DataNode {
    var entries: [DataNode.Entry] = []
    entries.reserveCapacity(table.columns.count)
    for (index, column) in table.columns.enumerated() where index < row.cells.count && !column.name.isEmpty {
      let location = table.location(of: row, cell: index)
      entries.append(
        DataNode.Entry(
          key: column.name, keyLocation: location, value: DataNode(.scalar(row.cells[index], .plain), at: location)))
    }
    return DataNode(.mapping(entries), at: SourceLocation(file: table.name, line: row.line, column: 1))
  }

  private func listSlot(for table: Table) -> Int? {
    let base = ((table.name as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
    let lists = schema.inputs.indices.compactMap { slot -> (Int, ListDefinition)? in
      if case .list(let definition) = schema.inputs[slot].type { return (slot, definition) }
      return nil
    }
    for (slot, _) in lists {
      let name = schema.inputs[slot].name
      if base == name || ["-", "_", "."].contains(where: { base.hasSuffix($0 + name) }) { return slot }
    }
    let columns = table.columns.compactMap { reader.fieldName($0.name) }
      .filter { $0 != "code" && $0 != "year" && !$0.isEmpty }
    for (slot, definition) in lists {
      let isFieldOfList = { (column: String) in definition.fields.index(of: column) != nil }
      let isStationInput = { (column: String) in schema.index(of: column) != nil }
      if !columns.isEmpty, columns.allSatisfy(isFieldOfList), columns.contains(where: { !isStationInput($0) }) {
        return slot
      }
    }
    return nil
  }
}

/// A station-year key for joining list rows to their station.
private struct JoinKey: Hashable, Comparable {
  var code: String
  var year: String?

  init?(row: Table.Row, codeColumn: Int, yearColumn: Int?) {
    guard codeColumn < row.cells.count else { return nil }
    let raw = row.cells[codeColumn].trimmingSpaces
    guard !raw.isEmpty else { return nil }
    code = SurveyReader.restoredCode(raw) ?? raw
    if let yearColumn, yearColumn < row.cells.count {
      let text = row.cells[yearColumn].trimmingSpaces
      year = text.isEmpty ? nil : text
    }
  }

  private init(code: String, year: String?) {
    self.code = code
    self.year = year
  }

  var withoutYear: JoinKey { JoinKey(code: code, year: nil) }

  static func < (lhs: JoinKey, rhs: JoinKey) -> Bool { (lhs.code, lhs.year ?? "") < (rhs.code, rhs.year ?? "") }
}
