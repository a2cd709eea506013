/// Reading stations straight from joined table rows, without building each station's `DataNode` tree.
///
/// The result is exactly that of `read(document: joined.document(index), …, reportsUnknownFields: false)`
/// — the same records, values, attributes and diagnostics in the same order — since the values go through
/// the same `convert(scalar:…)`; only the walk differs. The keys a table's headers stand for are resolved
/// once per table instead of once per cell, and a cell's location is built only for a message. Tables whose
/// columns need what only the tree walk does (group records, waivers, a list given as a column) are read
/// through their documents.
extension SurveyReader {
  /// What each column of the joined tables is read as, worked out once per table.
  struct TablePlan: Sendable {
    /// One column: the key it stands for, and the input slot it fills (nil: an attribute or nothing).
    struct Column {
      var index: Int
      var key: String
      var slot: Int?
      /// The name the join gave the column, which a list of the same name replaces.
      var joinedName: String
    }

    /// Per source table: its columns in order, or nil when its stations are read through their documents.
    var columns: [[Column]?]
  }

  /// The plan for reading `joined`'s stations with `read(joined:station:plan:into:)`.
  func plan(for joined: TableJoin.Joined) -> TablePlan {
    TablePlan(
      columns: joined.sources.map { source in
        // A list table's columns are fields of the list, read by the list's reader.
        let reader = source.listSlot.flatMap { listReaders[$0] } ?? self
        var columns: [TablePlan.Column] = []
        for (index, column) in source.table.columns.enumerated() where !column.name.isEmpty {
          guard let joinedName = source.names[index] else { continue }
          // `level` makes a group record and `waivers` a list of mappings: read through the document.
          if source.listSlot == nil && joinedName == "level" { return nil }
          guard let key = reader.fieldName(joinedName) else { continue }
          let slot = reader.schema.index(of: key)
          if source.listSlot == nil && key == "waivers" { return nil }
          // A list given as a cell (or a list inside a list's record) is refused by the tree walk, in its words.
          if let slot, case .list = reader.schema.inputs[slot].type { return nil }
          columns.append(TablePlan.Column(index: index, key: key, slot: slot, joinedName: joinedName))
        }
        return columns
      })
  }

  /// Reads station `index` of `joined`, as `read(document: joined.document(index), into: &output,
  /// reportsUnknownFields: false)` does.
  func read(joined: TableJoin.Joined, station index: Int, plan: TablePlan, into output: inout Output) {
    let station = joined.stations[index]
    guard let lists = station.lists, let columns = plan.columns[station.row.source],
      lists.allSatisfy({ list in list.rows.allSatisfy { plan.columns[$0.source] != nil } })
    else {
      read(document: joined.document(index), into: &output, reportsUnknownFields: false)
      return
    }
    let source = joined.sources[station.row.source]
    let table = source.table
    let row = table.rows[station.row.row]
    let firstProblem = output.diagnostics.count
    var values = [InputValue](repeating: .missing, count: schema.inputs.count)
    var attributes: [String: String] = [:]
    var code: (text: String?, column: Int)?
    var name: String?
    var year: Int?
    for column in columns {
      // A list's rows take the place of a column of the same name.
      if lists.contains(where: { $0.name == column.joinedName }) { continue }
      let text = row.cell(column.index)
      let style: DataNode.ScalarStyle = row.isErrorCell(column.index) ? .spreadsheetError : .plain
      let isNull = style == .plain && Self.isNullText(text)
      if !isNull, !Self.isNumeric(column.slot.map { schema.inputs[$0].type }) {
        attributes[column.key] = text.trimmingSpaces
      }
      switch column.key {
      case "code": code = (isNull ? nil : text, column.index)
      case "name": name = isNull ? nil : text.trimmingSpaces
      case "year":
        if !isNull, case .success(let y) = NumberText.parseCount(text), (1900...2200).contains(y) {
          year = y
        } else if !isNull {
          output.diagnostics.append(Messages.invalidYear(at: table.location(of: row, cell: column.index)))
        }
      default: break
      }
      if let slot = column.slot {
        values[slot] =
          isNull
          ? .missing
          : convert(
            scalar: text, style: style, slot: slot, at: table.location(of: row, cell: column.index),
            field: column.key, diagnostics: &output.diagnostics)
      }
    }
    let rowLocation = TableJoin.Joined.rowLocation(row, table: table)
    for list in lists {
      guard let key = fieldName(list.name), let slot = schema.index(of: key), let reader = listReaders[slot] else {
        continue
      }
      values[slot] = reader.readItems(
        list.rows, of: joined, plan: plan, field: list.name, diagnostics: &output.diagnostics)
    }
    let codeLocation = code.map { table.location(of: row, cell: $0.column) } ?? rowLocation
    guard let code = stationCode(code?.text, at: codeLocation, diagnostics: &output.diagnostics) else {
      output.rejected += 1
      return
    }
    attributes["code"] = code
    var record = StationRecord(
      location: rowLocation, code: code, name: name, year: year, attributes: attributes, values: values)
    record.problems = Array(output.diagnostics[firstProblem...])
    output.records.append(record)
  }

  /// A list's records from its joined rows; `self` reads the list's fields.
  private func readItems(
    _ rows: TableJoin.Joined.Rows, of joined: TableJoin.Joined, plan: TablePlan, field: String,
    diagnostics: inout [Diagnostic]
  ) -> InputValue {
    var items: [ListItem] = []
    items.reserveCapacity(rows.count)
    for (position, reference) in rows.enumerated() {
      let table = joined.sources[reference.source].table
      let row = table.rows[reference.row]
      var values = [InputValue](repeating: .missing, count: schema.inputs.count)
      for column in plan.columns[reference.source] ?? [] {
        guard let slot = column.slot else { continue }
        let text = row.cell(column.index)
        let style: DataNode.ScalarStyle = row.isErrorCell(column.index) ? .spreadsheetError : .plain
        if style == .plain && Self.isNullText(text) {
          values[slot] = .missing
          continue
        }
        values[slot] = convert(
          scalar: text, style: style, slot: slot, at: table.location(of: row, cell: column.index),
          field: "\(field)[\(position + 1)].\(column.key)", diagnostics: &diagnostics)
      }
      items.append(ListItem(location: TableJoin.Joined.rowLocation(row, table: table), values: values))
    }
    return .list(items)
  }

  /// Whether a plain scalar's text means "no value" (`DataNode.isNull`).
  static func isNullText(_ text: String) -> Bool {
    var text = text
    return text.withUTF8(isNull)
  }

  /// `isNullText` on a text's bytes (a cell read without making a string of it).
  static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    // By length and bytes: `==` on text that is not ASCII (most names and labels) goes through Unicode
    // comparison, and no other spelling is canonically equivalent to these ASCII words.
    switch bytes.count {
    case 0: return true
    case 1: return bytes[0] == UInt8(ascii: "~")
    case 4:
      // Most four-byte cells are numbers: the first byte rules them out.
      guard bytes[0] | 0x20 == UInt8(ascii: "n") else { return false }
      return bytes.elementsEqual("null".utf8) || bytes.elementsEqual("Null".utf8) || bytes.elementsEqual("NULL".utf8)
    default: return false
    }
  }
}
