/// Turns parsed survey documents into station records, reading every field through the criteria
/// set's input schema.
///
/// A field that cannot be read makes only that field invalid (and is reported); the station is still
/// evaluated. Only a record without a usable `code` is rejected whole.
package struct SurveyReader: Sendable {
  /// The inputs records are read for.
  package let schema: InputSchema
  /// Input names by their Vietnamese and English labels, so spreadsheet headers such as "Dân số" work.
  private let nameByLabel: [String: String]
  /// Input names by their labels and ids folded for matching ("dan so cua xa"), for headers typed without
  /// accents or in capitals; a folded spelling two inputs share is left out.
  private let nameByFoldedLabel: [String: String]
  /// Readers for the records of each list input, built once rather than per station.
  let listReaders: [Int: SurveyReader]
  /// Keys that are already input or attribute names: one lookup instead of the prefix rules.
  private let plainNames: Set<String>

  /// Reads records marked `level: group` (a district's or province's own figures), if the set has
  /// group-level indicators.
  private let groupReader: [SurveyReader]

  /// A reader for `schema`'s inputs, and for group records through `groupSchema` if given.
  package init(schema: InputSchema, groupSchema: InputSchema? = nil) {
    self.schema = schema
    self.groupReader = groupSchema.map { [SurveyReader(schema: $0)] } ?? []
    var nameByLabel: [String: String] = [:]
    var folded: [String: String?] = [:]
    var listReaders: [Int: SurveyReader] = [:]
    func add(_ name: String, _ spellings: [String]) {
      for spelling in spellings {
        nameByLabel[SurveyReader.labelKey(spelling)] = name
        let key = spelling.foldedForMatching
        if let existing = folded[key], existing != name { folded[key] = .some(nil) } else { folded[key] = name }
      }
    }
    for (slot, input) in schema.inputs.enumerated() {
      add(input.name, [input.label.vi, input.label.en])
      if case .list(let definition) = input.type { listReaders[slot] = SurveyReader(schema: definition.fields) }
    }
    // The form headers of `tieuchi template` read back: "Mã xã" is `code`, "Năm" is `year`.
    for attribute in StationAttribute.allCases {
      add(attribute.rawValue, [attribute.label.vi, attribute.label.en])
    }
    for name in schema.inputs.map(\.name) + InputSchema.stationAttributes {
      let key = name.foldedForMatching
      if folded[key] == nil { folded[key] = name }
    }
    self.nameByLabel = nameByLabel
    self.nameByFoldedLabel = folded.compactMapValues { $0 }
    self.listReaders = listReaders
    self.plainNames = Set(schema.inputs.map(\.name) + InputSchema.stationAttributes)
  }

  private static func labelKey(_ text: String) -> String { text.nfc.lowercased().trimmingSpaces }

  /// The result of reading one document: records, and diagnostics about records and fields.
  package struct Output: Sendable {
    /// The stations read, in document order.
    package var records: [StationRecord] = []
    /// Records that could not be used at all (counted in the batch's "rejected").
    package var rejected = 0
    /// Problems with records and fields, in document order.
    package var diagnostics: [Diagnostic] = []
    /// Records of groups (`level: group`), read through the group schema.
    package var groupRecords: [StationRecord] = []

    /// Adds what a later chunk of the same input read.
    package mutating func append(_ part: Output) {
      records += part.records
      groupRecords += part.groupRecords
      rejected += part.rejected
      diagnostics += part.diagnostics
    }

    /// An output to read documents into, possibly carrying a reader's own counts.
    package init(records: [StationRecord] = [], rejected: Int = 0, diagnostics: [Diagnostic] = []) {
      self.records = records
      self.rejected = rejected
      self.diagnostics = diagnostics
    }
  }

  /// Reads a document that is one station (a mapping) or a list of stations.
  ///
  /// `reportsUnknownFields: false` leaves near-miss field names unreported, for tables whose unknown headers
  /// were already reported once at the header rather than on every row.
  package func read(document: DataNode, into output: inout Output, reportsUnknownFields: Bool = true) {
    switch document.content {
    case .mapping:
      read(station: document, into: &output, reportsUnknownFields: reportsUnknownFields)
    case .sequence(let items):
      for item in items { read(station: item, into: &output, reportsUnknownFields: reportsUnknownFields) }
    case .scalar:
      if document.isNull { return }
      output.rejected += 1
      output.diagnostics.append(Messages.notAStationOrList(found: document.kindName, at: document.location))
    }
  }

  /// Reads `documents` as `read(document:into:)` would one after another, the stations of a long list on
  /// every core: in chunks whose records and diagnostics are put together in their order, so the output is the
  /// same as one by one.
  package func read(documents: [DataNode], into output: inout Output) {
    enum Unit: Sendable {
      case document(DataNode)
      case station(DataNode)
    }
    var units: [Unit] = []
    for document in documents {
      if case .sequence(let items) = document.content {
        units += items.map(Unit.station)
      } else {
        units.append(.document(document))
      }
    }
    let all = units
    let outputs = ParallelMap.map(ranges: all.count, size: 2_048) { range in
      var part = Output()
      for index in range {
        switch all[index] {
        case .document(let node): read(document: node, into: &part)
        case .station(let node): read(station: node, into: &part, reportsUnknownFields: true)
        }
      }
      return part
    }
    for part in outputs { output.append(part) }
  }

  /// The key a survey field stands for: Kobo/ODK group prefixes (`ttc/population`) are dropped, and a
  /// label ("Dân số") maps to its input. `nil` for export metadata (`_id`, `meta/instanceID`).
  ///
  /// A header cell of a form may carry the unit and type on further lines ("Dân số\n(người; số nguyên ≥ 0)"):
  /// its first line names the input. Labels are matched with and without diacritics, ignoring case.
  package func fieldName(_ key: String) -> String? {
    if plainNames.contains(key) { return key }
    if key.utf8.contains(UInt8(ascii: "\n")) {
      // A label wrapped onto several lines reads as one; otherwise the first line names the input.
      let lines = key.split(whereSeparator: \.isNewline).map { String($0).trimmingSpaces }
      if let name = label(lines.joined(separator: " ")) { return name }
      return fieldName(lines.first ?? "")
    }
    if key.hasPrefix("'"), let next = key.unicodeScalars.dropFirst().first, "=+-@".unicodeScalars.contains(next) {
      // A header neutralised against formulas (`'=…`), as the CSV form and report write it.
      return fieldName(String(key.dropFirst()))
    }
    if key.hasPrefix("_") || key.hasPrefix("meta/") || key.hasPrefix("formhub/") { return nil }
    // A label may itself contain "/" ("… (QĐ 1300/QĐ-BYT)"): the whole header is tried as a label before the
    // KoboToolbox group-prefix rule cuts it.
    if let name = label(key) { return name }
    guard let slash = key.utf8.lastIndex(of: UInt8(ascii: "/")) else { return key }
    let last = String(key[key.utf8.index(after: slash)...])
    if last.hasPrefix("_") { return nil }
    if schema.index(of: last) != nil || InputSchema.stationAttributes.contains(last) { return last }
    return label(last) ?? last
  }

  /// The input a label or id written loosely stands for: exactly (ignoring case), then without diacritics.
  private func label(_ text: String) -> String? {
    nameByLabel[SurveyReader.labelKey(text)] ?? nameByFoldedLabel[text.foldedForMatching]
  }

  /// The name of a field of list input `list` that a column header stands for, as `fieldName` does for inputs.
  package func listFieldName(_ key: String, list slot: Int) -> String? {
    listReaders[slot]?.fieldName(key)
  }

  private func read(station node: DataNode, into output: inout Output, reportsUnknownFields: Bool) {
    if let level = node["level"], level.scalarText == Level.group.rawValue {
      readGroup(node, into: &output)
      return
    }
    guard let entries = node.entries else {
      output.rejected += 1
      output.diagnostics.append(Messages.notAStation(found: node.kindName, at: node.location))
      return
    }
    let firstProblem = output.diagnostics.count
    var values = [InputValue](repeating: .missing, count: schema.inputs.count)
    var attributes: [String: String] = [:]
    var codeNode: DataNode?
    var name: String?
    var year: Int?
    var waivers: [Waiver] = []
    for entry in entries {
      guard let key = fieldName(entry.key) else { continue }
      if key == "waivers" {
        waivers = self.waivers(entry.value, diagnostics: &output.diagnostics)
        continue
      }
      let value = entry.value
      let slot = schema.index(of: key)
      if let text = value.scalarText, !value.isNull, !Self.isNumeric(slot.map { schema.inputs[$0].type }) {
        // Kept for --group-by and reports; numeric inputs are never a grouping, so they are skipped.
        attributes[key] = text.trimmingSpaces
      }
      switch key {
      case "code": codeNode = value
      case "name": name = value.isNull ? nil : value.scalarText?.trimmingSpaces
      case "year":
        if !value.isNull, let text = value.scalarText, case .success(let y) = NumberText.parseCount(text),
          (1900...2200).contains(y)
        {
          year = y
        } else if !value.isNull {
          output.diagnostics.append(Messages.invalidYear(at: value.location))
        }
      default: break
      }
      if let slot {
        values[slot] = convert(
          value, slot: slot, field: key, reportsUnknownFields: reportsUnknownFields, diagnostics: &output.diagnostics)
      } else if reportsUnknownFields, !InputSchema.stationAttributes.contains(key),
        let hint = Suggestions.hint(for: key, in: schema.inputs.map(\.name))
      {
        // Unknown keys are normal (surveys carry more than one set needs); near-misses are typos.
        output.diagnostics.append(Messages.unusedField(entry.key, hint: hint, at: entry.keyLocation))
      }
    }
    guard let code = stationCode(codeNode, station: node, diagnostics: &output.diagnostics) else {
      output.rejected += 1
      return
    }
    attributes["code"] = code
    var record = StationRecord(
      location: node.location, code: code, name: name, year: year, attributes: attributes, values: values)
    record.problems = Array(output.diagnostics[firstProblem...])
    record.waivers = waivers
    output.records.append(record)
  }

  /// A group's own record: no commune code; identified by its grouping field (`district: …`).
  private func readGroup(_ node: DataNode, into output: inout Output) {
    guard let reader = groupReader.first else {
      output.diagnostics.append(Messages.groupRecordIgnored(at: node.location))
      return
    }
    let firstProblem = output.diagnostics.count
    var values = [InputValue](repeating: .missing, count: reader.schema.inputs.count)
    var attributes: [String: String] = [:]
    var year: Int?
    for entry in node.entries ?? [] {
      guard let key = reader.fieldName(entry.key), key != "level" else { continue }
      if let text = entry.value.scalarText, !entry.value.isNull { attributes[key] = text.trimmingSpaces }
      if key == "year", let text = entry.value.scalarText, case .success(let y) = NumberText.parseCount(text) {
        year = y
      }
      if let slot = reader.schema.index(of: key), key != GroupRecordFields.communesList {
        values[slot] = reader.convert(entry.value, slot: slot, field: key, diagnostics: &output.diagnostics)
      }
    }
    var record = StationRecord(
      location: node.location, code: "", name: attributes["name"], year: year, attributes: attributes, values: values)
    record.problems = Array(output.diagnostics[firstProblem...])
    output.groupRecords.append(record)
  }

  private func stationCode(_ node: DataNode?, station: DataNode, diagnostics: inout [Diagnostic]) -> String? {
    stationCode(
      node?.isNull == false ? node?.scalarText : nil, at: node?.location ?? station.location,
      diagnostics: &diagnostics)
  }

  /// The station's code from the text of its `code` field (nil: absent or null), at `location`; nil, and said,
  /// when there is none. A code Excel stripped of its leading zeros is restored, and said.
  func stationCode(_ text: String?, at location: SourceLocation, diagnostics: inout [Diagnostic]) -> String? {
    guard let raw = text?.trimmingSpaces, !raw.isEmpty else {
      diagnostics.append(Messages.missingCode(at: location))
      return nil
    }
    if let padded = Self.restoredCode(raw) {
      diagnostics.append(Messages.codeLostLeadingZeros(raw, padded: padded, at: location))
      return padded
    }
    return raw
  }

  static func isNumeric(_ type: InputType?) -> Bool {
    switch type {
    case .count?, .number?: true
    default: false
    }
  }

  /// `"07339"` for `7339`: Excel and unquoted YAML drop the leading zeros of GSO commune codes,
  /// which always have five digits. `nil` when the code needs no repair.
  static func restoredCode(_ raw: String) -> String? {
    // On the bytes: counting characters was a measurable part of reading every station's and list row's key. (Text
    // of ASCII digits has as many characters as bytes; any other text is no code to repair.)
    guard raw.utf8.count < 5, !raw.isEmpty, raw.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
    return String(repeating: "0", count: 5 - raw.utf8.count) + raw
  }

  // MARK: Values

  /// `field` names the value in a message ("hamlets[3].trained_health_workers"): built only when there is
  /// a problem to report, since a batch converts millions of values and nearly all of them are fine.
  func convert(
    _ node: DataNode, slot: Int, field: @autoclosure () -> String, reportsUnknownFields: Bool = true,
    diagnostics: inout [Diagnostic]
  ) -> InputValue {
    let type = schema.inputs[slot].type
    if node.isNull { return .missing }
    if case .list = type, let reader = listReaders[slot] {
      return reader.convertItems(
        node, field: field(), reportsUnknownFields: reportsUnknownFields, diagnostics: &diagnostics)
    }
    guard case .scalar(let raw, let style) = node.content else {
      return invalid(Messages.notASingleValue(found: node.kindName, at: node.location), field: field(), &diagnostics)
    }
    return convert(scalar: raw, style: style, slot: slot, at: node.location, field: field(), diagnostics: &diagnostics)
  }

  /// A scalar's value for input `slot` (not a list), as `convert(_:slot:…)` reads it; `location` is asked only
  /// for a message, so that a table's cells need not build one each.
  func convert(
    scalar raw: String, style: DataNode.ScalarStyle, slot: Int, at location: @autoclosure () -> SourceLocation,
    field: @autoclosure () -> String, diagnostics: inout [Diagnostic]
  ) -> InputValue {
    if style == .spreadsheetError {
      return invalid(Messages.spreadsheetError(raw, at: location()), field: field(), &diagnostics)
    }
    let text = raw.trimmingSpaces
    if text.isEmpty { return .missing }
    switch schema.inputs[slot].type {
    case .count:
      switch NumberText.parseCount(text) {
      case .success(let n): return .number(Rational(n))
      case .failure(let failure):
        return invalid(Messages.count(failure, text, at: location()), field: field(), &diagnostics)
      }
    case .number:
      switch NumberText.parseDecimal(text) {
      case .success(let n): return .number(n)
      case .failure:
        return invalid(Messages.notANumber(text, at: location()), field: field(), &diagnostics)
      }
    case .boolean:
      if let value = Self.booleanSpellings[text.lowercased()] ?? Self.booleanSpellings[text.foldedForMatching] {
        return .boolean(value)
      }
      return invalid(Messages.notABoolean(text, at: location()), field: field(), &diagnostics)
    case .text:
      return .text(text)
    case .enumeration(let definition):
      if let id = definition.resolve(text) { return .text(id) }
      return invalid(
        Messages.unknownEnumValue(text, allowed: definition.values.map(\.label), at: location()), field: field(),
        &diagnostics)
    case .list:
      return invalid(
        Messages.notAList(found: Self.scalarKind(raw, style), at: location()), field: field(), &diagnostics)
    }
  }

  /// How `kindName` names a scalar node: null or a single value.
  static func scalarKind(_ text: String, _ style: DataNode.ScalarStyle) -> LocalizedText {
    DataNode(.scalar(text, style), at: SourceLocation(file: "")).kindName
  }

  static let booleanSpellings: [String: Bool] = [
    "true": true, "false": false, "yes": true, "no": false, "1": true, "0": false,
    "có": true, "không": false, "đúng": true, "sai": false, "x": true,
    // The same without diacritics, as typed on a keyboard without Vietnamese input (looked up folded).
    "co": true, "khong": false, "dung": true, "c": true, "k": false, "y": true, "n": false,
  ]

  /// Reports a field's problem under the field's name, and keeps the bare problem as the value's reason.
  func invalid(
    _ diagnostic: Diagnostic, field: @autoclosure () -> String, _ diagnostics: inout [Diagnostic]
  ) -> InputValue {
    let field = field()
    let reason = diagnostic.message
    var diagnostic = diagnostic
    diagnostic.message = LocalizedText(vi: "\(field): \(reason.vi)", en: "\(field): \(reason.en)")
    diagnostics.append(diagnostic)
    return .invalid(reason)
  }

  /// Reads a list input's records; `self` reads the list's fields.
  private func convertItems(
    _ node: DataNode, field: String, reportsUnknownFields: Bool, diagnostics: inout [Diagnostic]
  ) -> InputValue {
    guard let items = node.items else {
      return invalid(Messages.notAList(found: node.kindName, at: node.location), field: field, &diagnostics)
    }
    var result: [ListItem] = []
    result.reserveCapacity(items.count)
    for (index, item) in items.enumerated() {
      var values = [InputValue](repeating: .missing, count: schema.inputs.count)
      guard let entries = item.entries else {
        // Keep the record, unusable: dropping it would silently change counts.
        values = values.map { _ in .invalid(Messages.unusableRecord) }
        diagnostics.append(Messages.listItemNotAMapping(field, index: index, found: item.kindName, at: item.location))
        result.append(ListItem(location: item.location, values: values))
        continue
      }
      for entry in entries {
        guard let key = fieldName(entry.key) else { continue }
        if let slot = schema.index(of: key) {
          values[slot] = convert(
            entry.value, slot: slot, field: "\(field)[\(index + 1)].\(key)", diagnostics: &diagnostics)
        } else if reportsUnknownFields, key != "code",
          let hint = Suggestions.hint(for: key, in: schema.inputs.map(\.name))
        {
          diagnostics.append(Messages.unusedListField(entry.key, of: field, hint: hint, at: entry.keyLocation))
        }
      }
      result.append(ListItem(location: item.location, values: values))
    }
    return .list(result)
  }
}
