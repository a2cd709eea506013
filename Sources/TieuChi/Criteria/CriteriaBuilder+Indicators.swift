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
    let title = reader.require("title", in: entries, of: node, what: what).flatMap {
      reader.localized($0, what: "title")
    }
    let clause = entries["source"].flatMap { reader.string($0.value, what: "source") } ?? defaultClause
    if clause == nil {
      reader.report(.missingClause(id, at: node.location))
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
        reader.report(.unknownUnit(name, expected: MeasureUnit.allCases.map(\.rawValue), at: unitNode.location))
      }
    }
    let milestones = unit.flatMap { targets(entries, node: node, unit: $0, measureType: measure?.1) }
    let applies = entries["applies_when"].flatMap { entry -> (Expression, ExpressionType, String)? in
      guard let parsed = expression(entry.value, what: "applies_when", schema: schema) else { return nil }
      guard parsed.1 == .boolean else {
        reader.report(.appliesWhenNotACondition(at: entry.value.location))
        return nil
      }
      return parsed
    }
    let gap = entries["gap"].flatMap { gapSpec($0.value) }
    let level = entries["level"].flatMap { self.level($0.value) } ?? .commune
    let mandatory = entries["mandatory"].flatMap { reader.boolean($0.value, what: "mandatory") } ?? false
    var points: Rational?
    var grades: [PointGrade] = []
    var enteredPoints = false
    if let pointsNode = entries["points"]?.value {
      if pointsNode.items != nil {
        grades = pointGrades(pointsNode, unit: unit ?? .number, measureType: measure?.1)
        points = grades.map(\.points).max()
      } else if pointsNode.scalarText == "entered" {
        // The points the assessors awarded on the official scoring sheet, read as data: the
        // indicator carries its criterion's maximum and earns the entered value (bounded by it).
        enteredPoints = true
      } else {
        points = reader.number(pointsNode, what: "points")
      }
    }
    var group: String?
    if let groupNode = entries["group"]?.value, let name = reader.string(groupNode, what: "group") {
      if !groups.contains(where: { $0.id == name }) {
        reader.report(.unknownGroup(name, declared: groups.map(\.id), at: groupNode.location))
      }
      group = name
    }
    if enteredPoints, let pointsNode = entries["points"]?.value {
      // Entered points need a criterion with a maximum to bound them, and a single numeric input to
      // read them from (the cell of the scoring sheet).
      let maximum = groups.first { $0.id == group }?.maxPoints
      var singleInput = false
      if case .input(let slot)? = measure?.0 {
        switch schema.inputs[slot].type {
        case .count, .number: singleInput = true
        default: break
        }
      }
      if maximum == nil || !singleInput {
        reader.report(.enteredPointsNeedGroupAndInput(at: pointsNode.location))
      }
      points = maximum
    }
    let responsible = entries["responsible"].flatMap { self.responsible($0.value) }
    guard let id, let title, let clause, let measure, let milestones, let unit else { return nil }
    return Indicator(
      id: id, title: title, clause: clause, location: node.location, level: level, measure: measure.0,
      measureType: measure.1,
      measureText: measure.2, unit: unit, milestones: milestones, appliesWhen: applies?.0, appliesWhenText: applies?.2,
      gap: gap, mandatory: mandatory, points: points, grades: grades, group: group, enteredPoints: enteredPoints,
      inputs: measure.0.inputSlots.union(applies?.0.inputSlots ?? []), responsible: responsible)
  }

  mutating func targets(
    _ entries: [String: DataNode.Entry], node: DataNode, unit: MeasureUnit, measureType: ExpressionType?
  ) -> [Milestone]? {
    let single = entries["target"]?.value
    let byYear = entries["targets"]?.value
    if single != nil && byYear != nil {
      reader.report(.targetAndTargets(at: entries["targets"]!.keyLocation))
      return nil
    }
    if measureType == .boolean {
      if let given = single ?? byYear {
        reader.report(.targetOnCondition(at: given.location))
        return nil
      }
      return []
    }
    guard measureType != nil else { return nil }
    guard case .number = measureType else {
      reader.report(.measureNotANumber(at: node.location))
      return nil
    }
    if let single {
      return target(single, unit: unit).map { [Milestone(year: nil, target: $0)] }
    }
    guard let byYear else {
      reader.report(.missingTarget(at: node.location))
      return nil
    }
    guard let yearEntries = byYear.entries, !yearEntries.isEmpty else {
      reader.report(.targetsNotAMapping(at: byYear.location))
      return nil
    }
    var milestones: [Milestone] = []
    var firstOfYear: [Int: SourceLocation] = [:]
    for entry in yearEntries {
      guard let year = Int(entry.key), (1900...2200).contains(year) else {
        reader.report(.notAYear(entry.key, at: entry.keyLocation))
        continue
      }
      // `2025` and `02025` are different YAML keys but the same year.
      if let first = firstOfYear[year] {
        reader.report(.duplicateDeclaration(.milestoneYear, String(year), at: entry.keyLocation, first: first))
        continue
      }
      firstOfYear[year] = entry.keyLocation
      if let target = target(entry.value, unit: unit) { milestones.append(Milestone(year: year, target: target)) }
    }
    let years = milestones.compactMap(\.year)
    if years != years.sorted() {
      reader.report(.milestonesOutOfOrder(years, at: byYear.location))
    }
    return milestones.sorted { ($0.year ?? 0) < ($1.year ?? 0) }
  }

  mutating func target(_ node: DataNode, unit: MeasureUnit) -> Target? {
    guard let text = reader.string(node, what: "target") else { return nil }
    switch Target.parse(text, unit: unit) {
    case .success(let target): return target
    case .failure(.noComparator):
      reader.report(.targetWithoutComparator(text, at: node.location))
    case .failure(.badNumber(let number)):
      reader.report(.targetNotANumber(text, number: number, at: node.location))
    case .failure(.unitMismatch(let written, let expected)):
      reader.report(.targetUnitMismatch(text, written: written, expected: expected.rawValue, at: node.location))
    }
    return nil
  }

  /// `points: [{target: ">= 95%", points: 2}, {target: ">= 90%", points: 1}]`: the first grade met
  /// gives its points.
  mutating func pointGrades(_ node: DataNode, unit: MeasureUnit, measureType: ExpressionType?) -> [PointGrade] {
    guard case .number? = measureType else {
      reader.report(.gradedPointsNeedNumber(at: node.location))
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

  /// `responsible:` who acts on a shortfall, a label as the plan words it; it changes no outcome, the
  /// remediation plan groups its tasks by it.
  mutating func responsible(_ node: DataNode) -> LocalizedText? {
    guard node.entries != nil || (node.scalarText != nil && !node.isNull) else {
      reader.report(.responsibleNotALabel(found: node.kindName, at: node.location))
      return nil
    }
    guard let label = reader.localized(node, what: "responsible") else { return nil }
    if label.vi.allSatisfy(\.isWhitespace) || label.en.allSatisfy(\.isWhitespace) {
      reader.report(.responsibleEmpty(at: node.location))
      return nil
    }
    return label
  }

  mutating func gapSpec(_ node: DataNode) -> GapSpec? {
    let what = LocalizedText(vi: "'gap'", en: "'gap'")
    guard let entries = reader.mapping(node, what: what, allowed: ["unit"]),
      let unitNode = reader.require("unit", in: entries, of: node, what: what)
    else { return nil }
    if let name = unitNode.scalarText, !unitNode.isQuoted || Self.gapUnits[name] != nil {
      if let unit = Self.gapUnits[name] { return GapSpec(unit: unit) }
      reader.report(.unknownGapUnit(name, known: Self.gapUnits.keys.sorted(), at: unitNode.location))
      return nil
    }
    return reader.localized(unitNode, what: "gap.unit").map(GapSpec.init)
  }
}
