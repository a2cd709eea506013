import Foundation

/// Assembles station documents from CSV tables the way KoboToolbox/ODK export repeat groups: one
/// table of stations, and for each list input (staff, hamlets) a table of records joined on `code`
/// (and `year`, when the list table has that column).
///
/// A table is the list table of input `staff` when its file is named `staff.csv` or ends in
/// `-staff.csv`, `_staff.csv`, `.staff.csv`, or when all its columns but `code`/`year` are fields of
/// `staff`. Every other table is a station table.
struct CSVJoin {
  let schema: InputSchema
  let reader: SurveyReader

  func stations(from tables: [CSVTable], diagnostics: inout [Diagnostic], rejected: inout Int) -> [DataNode] {
    var stationTables: [CSVTable] = []
    var listRows: [Int: [JoinKey: [DataNode]]] = [:]
    var listTables: [Int: [CSVTable]] = [:]
    for table in tables {
      diagnostics += table.diagnostics
      if let slot = listSlot(for: table) {
        listTables[slot, default: []].append(table)
      } else {
        stationTables.append(table)
        // A row the CSV reader had to drop is a station lost: count it.
        rejected += table.diagnostics.filter { $0.severity == .error && $0.location?.line != table.headerLine }.count
      }
    }
    var matched: Set<JoinKey> = []
    var stations: [DataNode] = []
    var stationKeys: Set<JoinKey> = []
    for (slot, tablesForList) in listTables {
      for table in tablesForList {
        let names = table.header.map { reader.fieldName($0) }
        guard let codeColumn = names.firstIndex(of: "code") else {
          diagnostics.append(
            Diagnostic(
              at: SourceLocation(file: table.file, line: table.headerLine, column: 1),
              LocalizedText(
                vi: "bảng \(schema.inputs[slot].name) cần cột 'code' (mã xã) để ghép với trạm",
                en: "the \(schema.inputs[slot].name) table needs a 'code' column to join it to its station")))
          continue
        }
        let yearColumn = names.firstIndex(of: "year")
        for row in table.rows {
          guard let key = JoinKey(row: row, codeColumn: codeColumn, yearColumn: yearColumn) else {
            diagnostics.append(
              Diagnostic(
                at: row.location(ofField: codeColumn, file: table.file),
                LocalizedText(vi: "dòng không có mã xã 'code'", en: "the row has no commune 'code'")))
            continue
          }
          listRows[slot, default: [:]][key, default: []].append(node(row, table: table))
        }
      }
    }
    for table in stationTables {
      let names = table.header.map { reader.fieldName($0) }
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
            if rows[key] != nil { matched.insert(key) } else if rows[key.withoutYear] != nil { matched.insert(key.withoutYear) }
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
          Diagnostic(
            at: nodes[0].location,
            LocalizedText(
              vi: "\(nodes.count) dòng \(schema.inputs[slot].name) có mã xã \(key.code) nhưng không có trạm nào mang mã này",
              en: "\(nodes.count) \(schema.inputs[slot].name) row(s) have commune code \(key.code), but no station has that code")))
      }
    }
    return stations
  }

  private func node(_ row: CSVRow, table: CSVTable) -> DataNode {
    var entries: [DataNode.Entry] = []
    entries.reserveCapacity(table.header.count)
    for (index, name) in table.header.enumerated() where index < row.fields.count && !name.isEmpty {
      let location = row.location(ofField: index, file: table.file)
      entries.append(DataNode.Entry(key: name, keyLocation: location, value: DataNode(.scalar(row.fields[index], .plain), at: location)))
    }
    return DataNode(.mapping(entries), at: SourceLocation(file: table.file, line: row.line, column: 1))
  }

  private func listSlot(for table: CSVTable) -> Int? {
    let base = ((table.file as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
    let lists = schema.inputs.indices.compactMap { slot -> (Int, ListDefinition)? in
      if case .list(let definition) = schema.inputs[slot].type { return (slot, definition) }
      return nil
    }
    for (slot, _) in lists {
      let name = schema.inputs[slot].name
      if base == name || ["-", "_", "."].contains(where: { base.hasSuffix($0 + name) }) { return slot }
    }
    let columns = table.header.compactMap { reader.fieldName($0) }.filter { $0 != "code" && $0 != "year" && !$0.isEmpty }
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

  init?(row: CSVRow, codeColumn: Int, yearColumn: Int?) {
    guard codeColumn < row.fields.count else { return nil }
    let raw = row.fields[codeColumn].trimmingSpaces
    guard !raw.isEmpty else { return nil }
    code = SurveyReader.restoredCode(raw) ?? raw
    if let yearColumn, yearColumn < row.fields.count {
      let text = row.fields[yearColumn].trimmingSpaces
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
