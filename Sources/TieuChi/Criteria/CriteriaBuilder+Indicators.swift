/// `indicators:`: measures, targets and milestones, points and gaps.
extension CriteriaBuilder {
  static let gapUnits: [String: LocalizedText] = [
    "people": LocalizedText(vi: "người", en: "people"),
    "staff": LocalizedText(vi: "nhân viên", en: "staff"),
    "doctors": LocalizedText(vi: "bác sĩ", en: "doctors"),
    "hamlets": LocalizedText(vi: "thôn, tổ dân phố", en: "hamlets"),
    "stations": LocalizedText(vi: "trạm y tế", en: "stations"),
    "communes": LocalizedText(vi: "xã", en: "communes"),
    "children": LocalizedText(vi: "trẻ", en: "children"),
    "women": LocalizedText(vi: "phụ nữ", en: "women"),
    "beds": LocalizedText(vi: "giường bệnh", en: "beds"),
  ]

  mutating func indicator(
    _ node: DataNode, schema: InputSchema, groups: [IndicatorGroup], defaultClause: String?
  ) -> Indicator? {
    let what = LocalizedText(vi: "một chỉ tiêu", en: "an indicator")
    guard let entries = reader.mapping(node, what: what, allowed: Self.indicatorKeys) else { return nil }
    let id = reader.require("id", in: entries, of: node, what: what).flatMap { reader.identifier($0, what: "id") }
    let title = reader.require("title", in: entries, of: node, what: what).flatMap { reader.localized($0, what: "title") }
    let clause = entries["source"].flatMap { reader.string($0.value, what: "source") } ?? defaultClause
    if clause == nil {
      reader.error(
        node.location,
        LocalizedText(
          vi: "chỉ tiêu \(id.map { "'\($0)' " } ?? "")thiếu 'source' (điều, mục của văn bản mà chỉ tiêu dựa vào)",
          en: "indicator \(id.map { "'\($0)' " } ?? "")has no 'source' (the clause of the document it comes from)"))
    }
    let measure = reader.require("measure", in: entries, of: node, what: what).flatMap {
      expression($0, what: "measure", schema: schema)
    }
    var unit: MeasureUnit? = .number
    if let unitNode = entries["unit"]?.value, let name = reader.string(unitNode, what: "unit") {
      if let parsed = MeasureUnit(rawValue: name) {
        unit = parsed
      } else {
        unit = nil  // targets cannot be read without their unit; the unit error says enough
        let names = MeasureUnit.allCases.map(\.rawValue)
        reader.error(
          unitNode.location,
          LocalizedText(
            vi: "đơn vị '\(name)' không hợp lệ; dùng một trong: \(names.joined(separator: ", "))",
            en: "unknown unit '\(name)'; expected one of: \(names.joined(separator: ", "))"),
          hint: Suggestions.hint(for: name, in: names))
      }
    }
    let milestones = unit.flatMap { targets(entries, node: node, unit: $0, measureType: measure?.1) }
    let applies = entries["applies_when"].flatMap { entry -> (Expression, ExpressionType, String)? in
      guard let parsed = expression(entry.value, what: "applies_when", schema: schema) else { return nil }
      guard parsed.1 == .boolean else {
        reader.error(
          entry.value.location,
          LocalizedText(vi: "'applies_when' phải là một điều kiện đúng/sai", en: "'applies_when' must be a condition"))
        return nil
      }
      return parsed
    }
    let gap = entries["gap"].flatMap { gapSpec($0.value) }
    let level = entries["level"].flatMap { self.level($0.value) } ?? .commune
    let mandatory = entries["mandatory"].flatMap { reader.boolean($0.value, what: "mandatory") } ?? false
    var points: Rational?
    var grades: [PointGrade] = []
    if let pointsNode = entries["points"]?.value {
      if pointsNode.items != nil {
        grades = pointGrades(pointsNode, unit: unit ?? .number, measureType: measure?.1)
        points = grades.map(\.points).max()
      } else {
        points = reader.number(pointsNode, what: "points")
      }
    }
    var group: String?
    if let groupNode = entries["group"]?.value, let name = reader.string(groupNode, what: "group") {
      if !groups.contains(where: { $0.id == name }) {
        reader.error(
          groupNode.location,
          LocalizedText(vi: "nhóm '\(name)' chưa được khai báo trong 'groups'", en: "group '\(name)' is not declared in 'groups'"),
          hint: Suggestions.hint(for: name, in: groups.map(\.id)))
      }
      group = name
    }
    guard let id, let title, let clause, let measure, let milestones, let unit else { return nil }
    return Indicator(
      id: id, title: title, clause: clause, location: node.location, level: level, measure: measure.0, measureType: measure.1,
      measureText: measure.2, unit: unit, milestones: milestones, appliesWhen: applies?.0, appliesWhenText: applies?.2,
      gap: gap, mandatory: mandatory, points: points, grades: grades, group: group,
      inputs: measure.0.inputSlots.union(applies?.0.inputSlots ?? []))
  }

  mutating func targets(
    _ entries: [String: DataNode.Entry], node: DataNode, unit: MeasureUnit, measureType: ExpressionType?
  ) -> [Milestone]? {
    let single = entries["target"]?.value
    let byYear = entries["targets"]?.value
    if single != nil && byYear != nil {
      reader.error(
        entries["targets"]!.keyLocation,
        LocalizedText(
          vi: "chỉ dùng một trong 'target' (một mục tiêu) và 'targets' (các mốc theo năm)",
          en: "use either 'target' (one target) or 'targets' (milestones by year), not both"))
      return nil
    }
    if measureType == .boolean {
      if let given = single ?? byYear {
        reader.error(
          given.location,
          LocalizedText(
            vi: "thước đo là một điều kiện đúng/sai: chỉ tiêu đạt khi điều kiện đúng, không cần 'target'",
            en: "the measure is a yes/no condition: the indicator passes when it holds, so it takes no target"))
        return nil
      }
      return []
    }
    guard measureType != nil else { return nil }
    guard case .number = measureType else {
      reader.error(
        node.location,
        LocalizedText(
          vi: "thước đo phải là một số (so với mục tiêu) hoặc một điều kiện đúng/sai",
          en: "the measure must be a number (compared with a target) or a yes/no condition"))
      return nil
    }
    if let single {
      return target(single, unit: unit).map { [Milestone(year: nil, target: $0)] }
    }
    guard let byYear else {
      reader.error(
        node.location,
        LocalizedText(
          vi: "chỉ tiêu thiếu 'target' (ví dụ \"trên 99,5%\") hoặc 'targets' theo năm",
          en: "the indicator needs a 'target' (e.g. \"> 99.5%\") or 'targets' by year"))
      return nil
    }
    guard let yearEntries = byYear.entries, !yearEntries.isEmpty else {
      reader.error(
        byYear.location,
        LocalizedText(
          vi: "'targets' là một bảng năm: mục tiêu, ví dụ {2025: \"≥ 90%\", 2030: \"> 99,5%\"}",
          en: "'targets' maps years to targets, e.g. {2025: \">= 90%\", 2030: \"> 99.5%\"}"))
      return nil
    }
    var milestones: [Milestone] = []
    for entry in yearEntries {
      guard let year = Int(entry.key), (1900...2200).contains(year) else {
        reader.error(
          entry.keyLocation,
          LocalizedText(vi: "'\(entry.key)' không phải là một năm", en: "'\(entry.key)' is not a year"))
        continue
      }
      if let target = target(entry.value, unit: unit) { milestones.append(Milestone(year: year, target: target)) }
    }
    let years = milestones.compactMap(\.year)
    if years != years.sorted() {
      reader.warning(
        byYear.location,
        LocalizedText(
          vi: "các mốc năm không theo thứ tự (\(years.map(String.init).joined(separator: ", "))); nên viết từ năm sớm đến năm muộn",
          en: "the milestones are not in year order (\(years.map(String.init).joined(separator: ", "))); write them earliest first"))
    }
    if Set(years).count != years.count {
      reader.error(
        byYear.location, LocalizedText(vi: "một năm có hai mục tiêu", en: "a year has two targets"))
    }
    return milestones.sorted { ($0.year ?? 0) < ($1.year ?? 0) }
  }

  mutating func target(_ node: DataNode, unit: MeasureUnit) -> Target? {
    guard let text = reader.string(node, what: "target") else { return nil }
    switch Target.parse(text, unit: unit) {
    case .success(let target): return target
    case .failure(.noComparator):
      reader.error(
        node.location,
        LocalizedText(
          vi: "mục tiêu '\(text)' thiếu phép so sánh: viết như văn bản, ví dụ \"trên 99,5%\" (>), \"đạt 95%\" (≥), \"dưới 5%\" (<), \"không vượt quá 10\" (≤)",
          en: "target '\(text)' has no comparator: write it as the law does, e.g. \"> 99.5%\", \">= 95%\", \"< 5%\", \"<= 10\""))
    case .failure(.badNumber(let number)):
      reader.error(
        node.location,
        LocalizedText(vi: "mục tiêu '\(text)': '\(number)' không phải là một số", en: "target '\(text)': '\(number)' is not a number"))
    case .failure(.unitMismatch(let written, let expected)):
      reader.error(
        node.location,
        LocalizedText(
          vi: "mục tiêu '\(text)' viết bằng '\(written)' nhưng đơn vị của chỉ tiêu là '\(expected.rawValue)'",
          en: "target '\(text)' is written in '\(written)' but the indicator's unit is '\(expected.rawValue)'"),
        hint: LocalizedText(vi: "thêm 'unit: percent' cho chỉ tiêu", en: "add 'unit: percent' to the indicator"))
    }
    return nil
  }

  /// `points: [{target: ">= 95%", points: 2}, {target: ">= 90%", points: 1}]`: the first grade met
  /// gives its points.
  mutating func pointGrades(_ node: DataNode, unit: MeasureUnit, measureType: ExpressionType?) -> [PointGrade] {
    guard case .number? = measureType else {
      reader.error(
        node.location,
        LocalizedText(
          vi: "điểm theo mức chỉ dùng cho thước đo là số", en: "graded points need a numeric measure"))
      return []
    }
    return (reader.sequence(node, what: "points") ?? []).compactMap { item in
      let what = LocalizedText(vi: "một mức điểm", en: "a points grade")
      guard let entries = reader.mapping(item, what: what, allowed: ["target", "points"]),
        let targetNode = reader.require("target", in: entries, of: item, what: what),
        let pointsNode = reader.require("points", in: entries, of: item, what: what),
        let target = target(targetNode, unit: unit),
        let points = reader.number(pointsNode, what: "points")
      else { return nil }
      return PointGrade(target: target, points: points)
    }
  }

  mutating func gapSpec(_ node: DataNode) -> GapSpec? {
    let what = LocalizedText(vi: "'gap'", en: "'gap'")
    guard let entries = reader.mapping(node, what: what, allowed: ["unit"]),
      let unitNode = reader.require("unit", in: entries, of: node, what: what)
    else { return nil }
    if let name = unitNode.scalarText, !unitNode.isQuoted || Self.gapUnits[name] != nil {
      if let unit = Self.gapUnits[name] { return GapSpec(unit: unit) }
      reader.error(
        unitNode.location,
        LocalizedText(
          vi: "đơn vị khoảng thiếu '\(name)' không có sẵn; dùng \(Self.gapUnits.keys.sorted().joined(separator: ", ")) hoặc {vi: …, en: …}",
          en: "unknown gap unit '\(name)'; use one of \(Self.gapUnits.keys.sorted().joined(separator: ", ")) or {vi: …, en: …}"),
        hint: Suggestions.hint(for: name, in: Self.gapUnits.keys))
      return nil
    }
    return reader.localized(unitNode, what: "gap.unit").map(GapSpec.init)
  }
}
