/// Renders a check report as JSON for scripts. The shape is documented in README.md ("JSON output")
/// and stable: keys are only ever added.
public struct JSONReport: ReportRenderer {
  public var language: Language

  /// A JSON renderer in the options' language.
  public init(_ options: ReportOptions = ReportOptions()) {
    self.language = options.language
  }

  /// The report as pretty-printed UTF-8 JSON, ending with a newline.
  ///
  /// Communes are built and written in parallel, then spliced into the document in order: a
  /// whole-country batch has a hundred thousand of them.
  public func render(_ report: CheckResult) -> [UInt8] { renderParts(report).joinedBytes }

  /// The document in order: the frame up to the communes' list, the communes in chunks, the rest of the frame
  /// (`CommuneStreamRenderer`: the same parts a streamed check writes).
  public func renderParts(_ report: CheckResult) -> [[UInt8]] { streamedParts(report) }

  /// Where the communes' list goes in the frame, which is written with this text in its place and cut there.
  private static let placeholder = "\u{0}communes\u{0}"

  /// The frame written with the placeholder for the communes, cut around it.
  private static func cut(_ frame: JSONValue) -> (before: ArraySlice<UInt8>, after: ArraySlice<UInt8>) {
    let bytes = frame.bytes(indent: 2)
    var marker: [UInt8] = []
    JSONValue.writeString(placeholder, into: &marker)
    let range = bytes.firstRange(of: marker) ?? bytes.endIndex..<bytes.endIndex
    return (bytes[..<range.lowerBound], bytes[range.upperBound...])
  }

  /// The whole report as one JSON value (for callers that want to inspect it rather than print it).
  public func value(_ report: CheckResult) -> JSONValue {
    let phrases = ReportPhrases(criteria: report.criteria, language: language)
    let statics = IndicatorStatics(criteria: report.criteria, report: self)
    return value(
      report,
      communes: .array(
        report.communes.map { commune($0, criteria: report.criteria, phrases: phrases, statics: statics) }),
      phrases: phrases, statics: statics)
  }

  private func value(
    _ report: CheckResult, communes: JSONValue, phrases: ReportPhrases, statics: IndicatorStatics
  ) -> JSONValue {
    let errors = report.batch.diagnostics.filter { $0.severity == .error }
    let warnings = report.batch.diagnostics.filter { $0.severity == .warning }
    return .object(
      head(ReportFrame(report)) + [
        ("communes", communes),
        (
          "groups",
          .array(report.groups.map { group($0, criteria: report.criteria, phrases: phrases, statics: statics) })
        ),
        ("errors", .array(errors.map(diagnostic))),
        ("warnings", .array(warnings.map(diagnostic))),
        ("summary", summary(report.summary)),
        ("comparison", report.comparison.map { comparison($0, phrases: phrases) } ?? .null),
      ])
  }

  /// The members that say what the report is: the tool, the criteria set, the year, the language.
  func head(_ frame: ReportFrame) -> [(String, JSONValue)] {
    let report = frame
    return [
      ("tool", .string("tieuchi")),
      ("format_version", .int(1)),
      ("criteria", .string(report.criteria.id)),
      ("criteria_title", .string(report.criteria.title[language])),
      ("source_document", .string(report.criteria.source.document)),
      (
        "missing_points",
        decimal(report.criteria.missingPoints.reduce(Rational.zero) { $0.adding($1.missing) ?? $0 })
      ),
      ("year", report.requestedYear.map(JSONValue.int) ?? .null),
      ("lang", .string(language.rawValue)),
      ("group_by", report.groupBy.map(JSONValue.string) ?? .null),
    ]
  }

  /// "So với kỳ trước": per commune the status change, per indicator the change of value and gap, per
  /// group the pass rates and total gaps in both rounds.
  func comparison(_ comparison: RoundComparison, phrases: ReportPhrases) -> JSONValue {
    let unmatched = { (entry: RoundComparison.Unmatched) -> JSONValue in
      var members: [(String, JSONValue)] = [
        ("code", .string(entry.code)), ("name", entry.name.map(JSONValue.string) ?? .null),
        ("year", entry.year.map(JSONValue.int) ?? .null),
      ]
      switch entry.reason {
      case .noRecord:
        members += [("reason", .string("no_record")), ("other_name", .null)]
      case .codeReused(let other):
        members += [("reason", .string("code_reused")), ("other_name", .string(other))]
      }
      return .object(members)
    }
    let total = { (total: GapTotal?) -> JSONValue in
      guard let total else { return .null }
      return .object([
        ("amount", total.amount.map { decimal($0) } ?? .null),
        ("unit", total.unit.map { .string($0[language]) } ?? .null),
        ("communes", .int(total.communes)), ("items", .int(total.items)), ("at_least", .bool(total.atLeast)),
        ("text", .string(phrases.total(total))),
      ])
    }
    return .object([
      (
        "communes",
        .array(
          comparison.communes.map { commune in
            .object([
              ("code", .string(commune.code)), ("name", commune.name.map(JSONValue.string) ?? .null),
              ("previous_year", commune.previousYear.map(JSONValue.int) ?? .null),
              ("year", commune.year.map(JSONValue.int) ?? .null),
              ("previous_status", .string(commune.previous.rawValue)), ("status", .string(commune.current.rawValue)),
              ("change", .string(commune.change.rawValue)),
              (
                "indicators",
                .array(
                  commune.indicators.map { change in
                    .object([
                      ("id", .string(change.indicator)),
                      ("previous_status", .string(change.previous.status.rawValue)),
                      ("status", .string(change.current.status.rawValue)),
                      ("value_change", change.valueChange.map { .string($0.description) } ?? .null),
                      ("previous_gap", change.previous.gap?.amount.map { decimal($0) } ?? .null),
                      ("gap", change.current.gap?.amount.map { decimal($0) } ?? .null),
                    ])
                  })
              ),
            ])
          })
      ),
      ("unmatched", .array(comparison.unmatchedCurrent.map(unmatched))),
      ("only_previous", .array(comparison.unmatchedPrevious.map(unmatched))),
      (
        "groups",
        .array(
          comparison.groups.map { group in
            .object([
              ("key", group.key.map(JSONValue.string) ?? .null),
              ("previous_pass", .int(group.previousPassing)), ("previous_total", .int(group.previousTotal)),
              ("pass", .int(group.currentPassing)), ("total", .int(group.currentTotal)),
              (
                "gaps",
                .array(
                  group.gaps.map { gap in
                    .object([
                      ("id", .string(gap.indicator)), ("previous", total(gap.previous)),
                      ("current", total(gap.current)),
                    ])
                  })
              ),
            ])
          })
      ),
    ])
  }

  func commune(_ commune: CommuneResult, criteria: CriteriaSet, phrases: ReportPhrases, statics: IndicatorStatics)
    -> JSONValue
  {
    let record = commune.record
    var members: [(String, JSONValue)] = [
      ("code", .string(record.code)),
      ("name", record.name.map(JSONValue.string) ?? .null),
      ("district", record.attributes["district"].map(JSONValue.string) ?? .null),
      ("province", record.attributes["province"].map(JSONValue.string) ?? .null),
      ("year", commune.year.map(JSONValue.int) ?? .null),
      ("file", .string(record.location.file)),
      ("line", .int(record.location.line)),
      ("status", .string(commune.status.rawValue)),
      (
        "indicators",
        .array(commune.indicators.map { indicator($0, criteria: criteria, phrases: phrases, statics: statics) })
      ),
      (
        "violations",
        .array(
          commune.violations.map {
            .object([("rule", .string($0.rule)), ("message", .string($0.message[language]))])
          })
      ),
      ("missing_inputs", .array(commune.missingInputs.map(JSONValue.string))),
      ("incomplete_because", .array(commune.incompleteReasons.map(incompleteReason))),
      ("problems", .array(record.problems.map(diagnostic))),
    ]
    if let score = commune.score {
      members.append(("cheapest_fix", commune.cheapestFix.map { .array($0.map(JSONValue.string)) } ?? .null))
      members.append(
        (
          "score",
          .object([
            ("earned", decimal(score.earned)),
            ("available", decimal(score.available)),
            ("possible", decimal(score.possible)),
            ("shortfall", score.shortfall.map { decimal($0) } ?? .null),
            (
              "groups",
              .array(
                score.groups.map {
                  .object([
                    ("id", .string($0.id)), ("earned", decimal($0.earned)), ("available", decimal($0.available)),
                    ("shortfall", $0.shortfall.map { decimal($0) } ?? .null),
                  ])
                })
            ),
          ])
        ))
    }
    return .object(members)
  }

  /// A group's results: its key, the communes it has, and its group-level indicators.
  func group(_ group: GroupResult, criteria: CriteriaSet, phrases: ReportPhrases, statics: IndicatorStatics)
    -> JSONValue
  {
    .object([
      ("field", group.field.map(JSONValue.string) ?? .null),
      ("key", group.key.map(JSONValue.string) ?? .null),
      ("year", group.year.map(JSONValue.int) ?? .null),
      ("status", .string(group.status.rawValue)),
      ("communes", .int(group.communes)),
      ("file", group.record.map { .string($0.location.file) } ?? .null),
      ("line", group.record.map { .int($0.location.line) } ?? .null),
      (
        "indicators",
        .array(group.indicators.map { indicator($0, criteria: criteria, phrases: phrases, statics: statics) })
      ),
      (
        "violations",
        .array(
          group.violations.map { .object([("rule", .string($0.rule)), ("message", .string($0.message[language]))]) })
      ),
    ])
  }

  func indicator(_ result: IndicatorResult, criteria: CriteriaSet, phrases: ReportPhrases, statics: IndicatorStatics)
    -> JSONValue
  {
    // Its fields read in place: the whole indicator copied for each commune's is some twenty references counted.
    let unit = criteria.indicators[result.index].unit
    let actual: JSONValue
    let exact: JSONValue
    switch result.actual {
    case .none:
      actual = .null
      exact = .null
    case .boolean(let value):
      actual = .bool(value)
      exact = .null
    case .number(let value):
      actual = decimal(value.multiplied(by: Rational(unit.scale)) ?? value, places: 6)
      exact = .string(value.description)
    }
    var members = statics.head[result.index]
    members.append(("status", .string(result.status.rawValue)))
    members.append(("unit", .string(unit.rawValue)))
    members.append(("actual", actual))
    members.append(("actual_exact", exact))
    members += statics.target(result.index, result.milestone)
    members += [
      ("milestone", result.milestone?.year.map(JSONValue.int) ?? .null),
      ("reason", result.reasons.isEmpty ? .null : .string(phrases.reasons(result.reasons, limit: 20))),
      ("reasons", .array(result.reasons.map(reason))),
      ("gap", result.gap.map { gap($0, phrases: phrases) } ?? .null),
      (
        "waiver",
        result.waiver.map { waiver in
          .object([
            ("justification", .string(waiver.justification)),
            ("approved_by", .string(waiver.approvedBy)),
            ("expires", .string(waiver.expires.description)),
          ])
        } ?? .null
      ),
    ]
    if let points = result.points { members.append(("points", decimal(points))) }
    if criteria.indicators[result.index].enteredPoints { members.append(("points_entered", .bool(true))) }
    return .object(members)
  }

  /// The parts of an indicator's JSON that are the same for every commune, written once per report.
  struct IndicatorStatics: Sendable {
    var head: [[(String, JSONValue)]]
    /// target, comparator, threshold for each indicator's milestones, keyed by milestone year.
    private var targets: [[Int: [(String, JSONValue)]]]

    init(criteria: CriteriaSet, report: JSONReport) {
      head = criteria.indicators.map { indicator in
        [
          ("id", .string(indicator.id)),
          ("title", .string(indicator.title[report.language])),
          ("clause", .string(indicator.clause)),
        ]
      }
      targets = criteria.indicators.map { indicator in
        var byYear: [Int: [(String, JSONValue)]] = [:]
        for milestone in indicator.milestones {
          let target = milestone.target
          let scaled = target.threshold.multiplied(by: Rational(indicator.unit.scale)) ?? target.threshold
          byYear[milestone.year ?? Int.min] = [
            ("target", .string(report.machineTarget(target, unit: indicator.unit))),
            ("comparator", .string(target.comparator.rawValue)),
            ("threshold", report.decimal(scaled, places: 10)),
          ]
        }
        return byYear
      }
    }

    func target(_ index: Int, _ milestone: Milestone?) -> [(String, JSONValue)] {
      guard let milestone, let members = targets[index][milestone.year ?? Int.min] else {
        return [("target", .null), ("comparator", .null), ("threshold", .null)]
      }
      return members
    }
  }

  /// "> 99.5%": ASCII comparator, plain decimal, the unit's sign.
  func machineTarget(_ target: Target, unit: MeasureUnit) -> String {
    let scaled = target.threshold.multiplied(by: Rational(unit.scale)) ?? target.threshold
    return "\(target.comparator.rawValue) \(NumberText.format(scaled, decimals: 10, style: .plain))\(unit.sign ?? "")"
  }

  func gap(_ gap: Gap, phrases: ReportPhrases) -> JSONValue {
    .object([
      ("amount", gap.amount.map { decimal($0) } ?? .null),
      ("unit", gap.unit.map { .string($0[language]) } ?? .null),
      ("direction", .string(gap.direction.rawValue)),
      ("items", .array(gap.items.map(JSONValue.string))),
      ("at_least", .bool(gap.atLeast)),
      ("strictly", .bool(gap.strictly)),
      ("text", .string(phrases.gap(gap))),
    ])
  }

  func reason(_ reason: UnknownReason) -> JSONValue {
    switch reason {
    case .missing(let path): .object([("kind", .string("missing")), ("field", .string(path.description))])
    case .invalid(let path): .object([("kind", .string("invalid")), ("field", .string(path.description))])
    case .inconsistent(let rule): .object([("kind", .string("inconsistent")), ("rule", .string(rule))])
    case .divisionByZero: .object([("kind", .string("division_by_zero"))])
    case .overflow: .object([("kind", .string("overflow"))])
    case .noBaseline: .object([("kind", .string("no_baseline"))])
    }
  }

  /// Why a commune is incomplete: `{"kind": "missing_data", "inputs": [...]}` and the like.
  func incompleteReason(_ reason: IncompleteReason) -> JSONValue {
    switch reason {
    case .missingData(let inputs):
      .object([("kind", .string("missing_data")), ("inputs", .array(inputs.map(JSONValue.string)))])
    case .invalidData(let inputs):
      .object([("kind", .string("invalid_data")), ("inputs", .array(inputs.map(JSONValue.string)))])
    case .inconsistentData(let rules):
      .object([("kind", .string("inconsistent_data")), ("rules", .array(rules.map(JSONValue.string)))])
    case .incompleteCriteria(let points):
      .object([("kind", .string("incomplete_criteria")), ("missing_points", decimal(points))])
    case .undetermined(let indicators):
      .object([("kind", .string("undetermined")), ("indicators", .array(indicators.map(JSONValue.string)))])
    case .numberTooLarge:
      .object([("kind", .string("number_too_large"))])
    }
  }

  func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
    var position: [(String, JSONValue)] = [
      ("id", .string(diagnostic.id.rawValue)),
      ("file", diagnostic.location.map { .string($0.file) } ?? .null),
      ("line", diagnostic.location.map { .int($0.line) } ?? .null),
      ("column", diagnostic.location.map { .int($0.column) } ?? .null),
    ]
    // In a workbook, the sheet and the cell a person finds in Excel (line and column are its row and column).
    if let sheet = diagnostic.location?.sheet { position.append(("sheet", .string(sheet))) }
    if let cell = diagnostic.location?.cell { position.append(("cell", .string(cell))) }
    return .object(
      position + [
        ("severity", .string(diagnostic.severity.rawValue)),
        ("message", .string(diagnostic.message[language])),
        ("hint", diagnostic.hint.map { .string($0[language]) } ?? .null),
        (
          "notes",
          .array(
            diagnostic.notes.map { note in
              .object([
                ("file", note.location.map { .string($0.file) } ?? .null),
                ("line", note.location.map { .int($0.line) } ?? .null),
                ("column", note.location.map { .int($0.column) } ?? .null),
                ("message", .string(note.message[language])),
              ])
            })
        ),
      ])
  }

  func summary(_ summary: Summary) -> JSONValue {
    let communeCounts = { (counts: [CommuneStatus: Int]) -> [(String, JSONValue)] in
      CommuneStatus.allCases.map { ($0.rawValue, .int(counts[$0] ?? 0)) }
    }
    return .object([
      ("records", .int(summary.records)),
      ("group_records", .int(summary.groupRecords)),
      ("evaluated", .int(summary.evaluated)),
      ("rejected", .int(summary.rejected)),
      ("errors", .int(summary.errors)),
      ("warnings", .int(summary.warnings)),
      ("communes", .object(communeCounts(summary.communes))),
      (
        "indicators",
        .object(
          summary.indicators.map { id, counts in
            (id, .object(IndicatorStatus.allCases.map { ($0.rawValue, .int(counts[$0] ?? 0)) }))
          })
      ),
      (
        "groups",
        .array(
          summary.groups.map { group in
            .object(
              [("key", group.key.map(JSONValue.string) ?? .null), ("total", .int(group.total))]
                + communeCounts(group.communes))
          })
      ),
    ])
  }

  /// An exact value as a JSON number with at most `places` decimals (rounded half away from zero).
  func decimal(_ value: Rational, places: Int = 6) -> JSONValue {
    .number(NumberText.format(value, decimals: places, style: .plain))
  }
}

extension JSONReport: CommuneStreamRenderer {
  package var streams: Bool { true }
  /// The head names the grouping field.
  package var needsGrouping: Bool { true }

  /// The members before the communes, and the list's opening bracket.
  package func head(_ frame: ReportFrame) -> [UInt8] {
    Array(Self.cut(.object(head(frame) + [("communes", .string(Self.placeholder))])).before) + [UInt8(ascii: "[")]
  }

  package struct Writer {
    let json: JSONReport
    let criteria: CriteriaSet
    let phrases: ReportPhrases
    let statics: IndicatorStatics
  }

  package func writer(_ frame: ReportFrame) -> Writer {
    Writer(
      json: self, criteria: frame.criteria, phrases: ReportPhrases(criteria: frame.criteria, language: language),
      statics: IndicatorStatics(criteria: frame.criteria, report: self))
  }

  package var separator: [UInt8] { [UInt8(ascii: ",")] }

  /// A commune as an element of the list, on its own line.
  package func write(_ commune: CommuneResult, with writer: Writer, into bytes: inout [UInt8]) {
    bytes += "\n    ".utf8
    writer.json.commune(commune, criteria: writer.criteria, phrases: writer.phrases, statics: writer.statics)
      .write(into: &bytes, indent: 2, level: 2)
  }

  /// The list's closing bracket, then the groups, the problems found, the totals and the comparison.
  package func tail(_ result: CheckResult, kept: NothingKept, write: ([UInt8]) -> Void) {
    let phrases = ReportPhrases(criteria: result.criteria, language: language)
    let statics = IndicatorStatics(criteria: result.criteria, report: self)
    let after = Self.cut(value(result, communes: .string(Self.placeholder), phrases: phrases, statics: statics)).after
    var tail: [UInt8] = Array((result.summary.evaluated == 0 ? "]" : "\n  ]").utf8)
    tail += after
    tail.append(UInt8(ascii: "\n"))
    write(tail)
  }
}
