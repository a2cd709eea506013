/// Every diagnostic the criteria loader can produce (ids `criteria.*`), in both languages.
///
/// Ids are stable: tests, scripts and the JSON output rely on them whatever the wording. A problem that
/// refers to an earlier declaration carries that place as a note, so editors can jump to it.
extension Diagnostic {
  /// `points: entered` without a criterion that has `max_points`, or with a measure that is not a
  /// single numeric input.
  static func enteredPointsNeedGroupAndInput(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.entered-points-need-group-and-input", at: location,
      LocalizedText(
        vi:
          "'points: entered' (điểm do đoàn chấm, nhập vào) cần 'group:' là một tiêu chí có max_points và 'measure:' là một đầu vào dạng số (ô điểm trên phiếu chấm)",
        en:
          "'points: entered' (points the assessors awarded) needs 'group:' naming a criterion with max_points and 'measure:' a single numeric input (the score's cell on the sheet)"
      ))
  }

  /// A survey file given where a criteria file was expected.
  static func surveyDataAsCriteria(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.survey-data-given", at: location,
      LocalizedText(
        vi:
          "đây là tệp số liệu khảo sát (có mã xã 'code'), không phải tệp tiêu chí: đưa nó làm DỮ LIỆU và chọn bộ tiêu chí bằng --criteria, ví dụ --criteria Criteria/ct25-2030.yaml",
        en:
          "this is a survey data file (it has a commune 'code'), not a criteria file: give it as DATA and the criteria with --criteria, e.g. --criteria Criteria/ct25-2030.yaml"
      ))
  }

  // MARK: Files and documents

  static func criteriaUnreadableFile(_ file: String) -> Diagnostic {
    Diagnostic(
      "criteria.unreadable-file", at: SourceLocation(file: file),
      LocalizedText(vi: "không đọc được tệp tiêu chí", en: "cannot read the criteria file"))
  }

  static func criteriaEmptyFile(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.empty-file", at: location, LocalizedText(vi: "tệp tiêu chí rỗng", en: "the criteria file is empty"))
  }

  static func criteriaSeveralDocuments(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.several-documents", at: location,
      LocalizedText(
        vi: "tệp tiêu chí chỉ được có một tài liệu YAML", en: "a criteria file holds exactly one YAML document"))
  }

  // MARK: extends

  static func extendsNotAPath(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.extends-not-a-path", at: location,
      LocalizedText(
        vi: "'extends' là đường dẫn tới bộ tiêu chí gốc, ví dụ ct25-2030.yaml",
        en: "'extends' is the path of the parent criteria file, e.g. ct25-2030.yaml"))
  }

  static func extendsCycle(_ chain: [String], at location: SourceLocation) -> Diagnostic {
    let path = chain.joined(separator: " → ")
    return Diagnostic(
      "criteria.extends-cycle", at: location,
      LocalizedText(
        vi: "'extends' tạo thành vòng lặp hoặc chuỗi quá dài: \(path)",
        en: "'extends' forms a cycle or too long a chain: \(path)"))
  }

  static func extendsNotFound(_ reference: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.extends-not-found", at: location,
      LocalizedText(
        vi: "không đọc được bộ tiêu chí gốc \(Diagnostic.quoted(reference))",
        en: "cannot read the parent criteria file \(Diagnostic.quoted(reference))"))
  }

  /// The file was given as bytes alone, with no way to read the file it extends.
  static func extendsWithoutResolver(_ reference: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.extends-without-resolver", at: location,
      LocalizedText(
        vi: "tệp này mở rộng \(Diagnostic.quoted(reference)) nhưng được nạp mà không có cách đọc tệp khác",
        en: "this file extends \(Diagnostic.quoted(reference)) but was loaded with no way to read other files"),
      hint: LocalizedText(
        vi: "nạp bằng CriteriaLoader.load(path:) hoặc load(_:resolve:)",
        en: "load it with CriteriaLoader.load(path:) or load(_:resolve:)"))
  }

  // MARK: Shapes and values (NodeReader)

  static func criteriaNotAMapping(_ what: LocalizedText, found kind: LocalizedText, at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      "criteria.not-a-mapping", at: location,
      LocalizedText(
        vi: "\(what.vi) phải là một bảng khóa–giá trị, nhưng gặp \(kind.vi)",
        en: "\(what.en) must be a mapping, found \(kind.en)"))
  }

  static func criteriaUnknownKey(_ key: String, in what: LocalizedText, expected: [String], at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      "criteria.unknown-key", at: location,
      LocalizedText(
        vi:
          "khóa \(Diagnostic.quoted(key)) không có trong \(what.vi); các khóa hợp lệ: \(expected.joined(separator: ", "))",
        en: "unknown key \(Diagnostic.quoted(key)) in \(what.en); expected one of: \(expected.joined(separator: ", "))"),
      hint: Suggestions.hint(for: key, in: expected))
  }

  static func criteriaMissingKey(_ key: String, in what: LocalizedText, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.missing-key", at: location,
      LocalizedText(
        vi: "\(what.vi) thiếu khóa bắt buộc \(Diagnostic.quoted(key))",
        en: "\(what.en) is missing the required key \(Diagnostic.quoted(key))"))
  }

  static func criteriaNotAString(_ what: String, found kind: LocalizedText, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.not-a-string", at: location,
      LocalizedText(
        vi: "\(Diagnostic.quoted(what)) phải là một chuỗi, nhưng gặp \(kind.vi)",
        en: "\(Diagnostic.quoted(what)) must be a string, found \(kind.en)"))
  }

  static func criteriaInvalidIdentifier(_ what: String, _ text: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.invalid-id", at: location,
      LocalizedText(
        vi:
          "\(Diagnostic.quoted(what)) chỉ gồm chữ thường không dấu, số, '-', '_' hoặc '.', gặp \(Diagnostic.quoted(text))",
        en:
          "\(Diagnostic.quoted(what)) may only contain lower-case ASCII letters, digits, '-', '_' and '.', found \(Diagnostic.quoted(text))"
      ))
  }

  static func criteriaNotABoolean(_ what: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.not-a-boolean", at: location,
      LocalizedText(
        vi: "\(Diagnostic.quoted(what)) phải là true hoặc false", en: "\(Diagnostic.quoted(what)) must be true or false"
      ))
  }

  static func criteriaNotANumber(_ what: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.not-a-number", at: location,
      LocalizedText(vi: "\(Diagnostic.quoted(what)) phải là một số", en: "\(Diagnostic.quoted(what)) must be a number"))
  }

  static func criteriaNotAList(_ what: String, found kind: LocalizedText, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.not-a-list", at: location,
      LocalizedText(
        vi: "\(Diagnostic.quoted(what)) phải là một danh sách, nhưng gặp \(kind.vi)",
        en: "\(Diagnostic.quoted(what)) must be a list, found \(kind.en)"))
  }

  // MARK: Duplicates

  /// A second declaration with the same id (or name); the note points at the first.
  static func duplicateDeclaration(
    _ kind: DuplicateKind, _ id: String, at location: SourceLocation, first: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      kind.id, at: location,
      LocalizedText(
        vi: "\(kind.vi) \(Diagnostic.quoted(id)) bị khai báo hai lần",
        en: "\(kind.en) \(Diagnostic.quoted(id)) is declared twice"),
      notes: [Diagnostic.Note(at: first, LocalizedText(vi: "khai báo lần đầu ở đây", en: "first declared here"))])
  }

  /// What a duplicate declaration declares, each with its own id.
  enum DuplicateKind {
    case indicator, group, rule, enumValue, example, milestoneYear

    var id: DiagnosticID {
      switch self {
      case .indicator: "criteria.duplicate-indicator-id"
      case .group: "criteria.duplicate-group-id"
      case .rule: "criteria.duplicate-rule-id"
      case .enumValue: "criteria.duplicate-enum-value"
      case .example: "criteria.duplicate-example-name"
      case .milestoneYear: "criteria.duplicate-milestone-year"
      }
    }

    var vi: String {
      switch self {
      case .indicator: "chỉ tiêu"
      case .group: "nhóm tiêu chí"
      case .rule: "quy tắc"
      case .enumValue: "giá trị liệt kê"
      case .example: "ví dụ"
      case .milestoneYear: "mốc năm"
      }
    }

    var en: String {
      switch self {
      case .indicator: "indicator"
      case .group: "group"
      case .rule: "rule"
      case .enumValue: "enum value"
      case .example: "example"
      case .milestoneYear: "milestone year"
      }
    }
  }

  // MARK: Inputs

  static func inputsNotAMapping(_ context: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.inputs-not-a-mapping", at: location,
      LocalizedText(
        vi: "\(Diagnostic.quoted(context)) phải là một bảng: tên_đầu_vào: {type: …}",
        en: "\(Diagnostic.quoted(context)) must be a mapping of input names to declarations"))
  }

  static func invalidInputName(_ name: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.invalid-input-name", at: location,
      LocalizedText(
        vi: "tên đầu vào \(Diagnostic.quoted(name)) chỉ gồm chữ thường không dấu, số và '_', bắt đầu bằng chữ",
        en:
          "input name \(Diagnostic.quoted(name)) must be lower-case ASCII letters, digits and '_', starting with a letter"
      ))
  }

  static func unknownItemName(_ name: String, list: String, fields: [String], at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      "criteria.unknown-item-name", at: location,
      LocalizedText(
        vi: "item_name \(Diagnostic.quoted(name)) không phải là một trường của \(Diagnostic.quoted(list))",
        en: "item_name \(Diagnostic.quoted(name)) is not a field of \(Diagnostic.quoted(list))"),
      hint: Suggestions.hint(for: name, in: fields))
  }

  static func nestedList(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.nested-list", at: location,
      LocalizedText(
        vi: "trường của một danh sách không thể là danh sách", en: "a list's fields cannot be lists themselves"))
  }

  static func unknownInputType(_ name: String, expected: [String], at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.unknown-input-type", at: location,
      LocalizedText(
        vi: "kiểu \(Diagnostic.quoted(name)) không hợp lệ; dùng một trong: \(expected.joined(separator: ", "))",
        en: "unknown type \(Diagnostic.quoted(name)); expected one of: \(expected.joined(separator: ", "))"),
      hint: Suggestions.hint(for: name, in: expected))
  }

  static func keyNotForType(_ key: String, type: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.key-not-for-type", at: location,
      LocalizedText(
        vi: "\(Diagnostic.quoted(key)) không dùng cho kiểu \(Diagnostic.quoted(type))",
        en: "\(Diagnostic.quoted(key)) does not apply to type \(Diagnostic.quoted(type))"))
  }

  static func levelOnListField(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.level-on-list-field", at: location,
      LocalizedText(vi: "trường của danh sách không có 'level'", en: "a list's fields take no 'level'"))
  }

  static func groupLevelList(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.group-level-list", at: location,
      LocalizedText(
        vi: "đầu vào cấp nhóm phải là một giá trị đơn, không phải danh sách",
        en: "a group-level input is a single value, not a list"))
  }

  static func unknownLevel(_ text: String, expected: [String], at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.unknown-level", at: location,
      LocalizedText(
        vi: "'level' là commune hoặc group, không phải \(Diagnostic.quoted(text))",
        en: "'level' is commune or group, not \(Diagnostic.quoted(text))"),
      hint: Suggestions.hint(for: text, in: expected))
  }

  static func emptyEnum(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.empty-enum", at: location,
      LocalizedText(vi: "danh sách giá trị rỗng", en: "the list of values is empty"))
  }

  // MARK: Expressions and rules

  static func expressionNotAString(_ what: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.expression-not-a-string", at: location,
      LocalizedText(
        vi: "\(Diagnostic.quoted(what)) phải là một biểu thức",
        en: "\(Diagnostic.quoted(what)) must be an expression (a string)"))
  }

  static func checkNotACondition(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.check-not-a-condition", at: location,
      LocalizedText(vi: "'check' phải là một điều kiện đúng/sai", en: "'check' must be a condition (true or false)"))
  }

  static func appliesWhenNotACondition(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.applies-when-not-a-condition", at: location,
      LocalizedText(vi: "'applies_when' phải là một điều kiện đúng/sai", en: "'applies_when' must be a condition"))
  }

  // MARK: Indicators

  static func noIndicators(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.no-indicators", at: location,
      LocalizedText(vi: "bộ tiêu chí không có chỉ tiêu nào", en: "the set has no indicators"))
  }

  static func missingClause(_ id: String?, at location: SourceLocation) -> Diagnostic {
    let named = id.map { "\(Diagnostic.quoted($0)) " } ?? ""
    return Diagnostic(
      "criteria.missing-clause", at: location,
      LocalizedText(
        vi: "chỉ tiêu \(named)thiếu 'source' (điều, mục của văn bản mà chỉ tiêu dựa vào)",
        en: "indicator \(named)has no 'source' (the clause of the document it comes from)"))
  }

  static func unknownUnit(_ name: String, expected: [String], at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.unknown-unit", at: location,
      LocalizedText(
        vi: "đơn vị \(Diagnostic.quoted(name)) không hợp lệ; dùng một trong: \(expected.joined(separator: ", "))",
        en: "unknown unit \(Diagnostic.quoted(name)); expected one of: \(expected.joined(separator: ", "))"),
      hint: Suggestions.hint(for: name, in: expected))
  }

  static func unknownGroup(_ name: String, declared: [String], at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.unknown-group", at: location,
      LocalizedText(
        vi: "nhóm \(Diagnostic.quoted(name)) chưa được khai báo trong 'groups'",
        en: "group \(Diagnostic.quoted(name)) is not declared in 'groups'"),
      hint: Suggestions.hint(for: name, in: declared))
  }

  static func targetAndTargets(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.target-and-targets", at: location,
      LocalizedText(
        vi: "chỉ dùng một trong 'target' (một mục tiêu) và 'targets' (các mốc theo năm)",
        en: "use either 'target' (one target) or 'targets' (milestones by year), not both"))
  }

  static func targetOnCondition(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.target-on-condition", at: location,
      LocalizedText(
        vi: "thước đo là một điều kiện đúng/sai: chỉ tiêu đạt khi điều kiện đúng, không cần 'target'",
        en: "the measure is a yes/no condition: the indicator passes when it holds, so it takes no target"))
  }

  static func measureNotANumber(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.measure-not-a-number", at: location,
      LocalizedText(
        vi: "thước đo phải là một số (so với mục tiêu) hoặc một điều kiện đúng/sai",
        en: "the measure must be a number (compared with a target) or a yes/no condition"))
  }

  static func missingTarget(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.missing-target", at: location,
      LocalizedText(
        vi: "chỉ tiêu thiếu 'target' (ví dụ \"trên 99,5%\") hoặc 'targets' theo năm",
        en: "the indicator needs a 'target' (e.g. \"> 99.5%\") or 'targets' by year"))
  }

  static func targetsNotAMapping(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.targets-not-a-mapping", at: location,
      LocalizedText(
        vi: "'targets' là một bảng năm: mục tiêu, ví dụ {2025: \"≥ 90%\", 2030: \"> 99,5%\"}",
        en: "'targets' maps years to targets, e.g. {2025: \">= 90%\", 2030: \"> 99.5%\"}"))
  }

  static func notAYear(_ text: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.not-a-year", at: location,
      LocalizedText(
        vi: "\(Diagnostic.quoted(text)) không phải là một năm", en: "\(Diagnostic.quoted(text)) is not a year"))
  }

  static func milestonesOutOfOrder(_ years: [Int], at location: SourceLocation) -> Diagnostic {
    let list = years.map(String.init).joined(separator: ", ")
    return Diagnostic(
      "criteria.milestones-out-of-order", .warning, at: location,
      LocalizedText(
        vi: "các mốc năm không theo thứ tự (\(list)); nên viết từ năm sớm đến năm muộn",
        en: "the milestones are not in year order (\(list)); write them earliest first"))
  }

  static func targetWithoutComparator(_ text: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.target-without-comparator", at: location,
      LocalizedText(
        vi:
          "mục tiêu \(Diagnostic.quoted(text)) thiếu phép so sánh: viết như văn bản, ví dụ \"trên 99,5%\" (>), \"đạt 95%\" (≥), "
          + "\"dưới 5%\" (<), \"không vượt quá 10\" (≤)",
        en:
          "target \(Diagnostic.quoted(text)) has no comparator: write it as the law does, e.g. \"> 99.5%\", \">= 95%\", \"< 5%\", "
          + "\"<= 10\""))
  }

  static func targetNotANumber(_ text: String, number: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.target-not-a-number", at: location,
      LocalizedText(
        vi: "mục tiêu \(Diagnostic.quoted(text)): \(Diagnostic.quoted(number)) không phải là một số",
        en: "target \(Diagnostic.quoted(text)): \(Diagnostic.quoted(number)) is not a number")
    )
  }

  static func targetUnitMismatch(_ text: String, written: String, expected: String, at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      "criteria.target-unit-mismatch", at: location,
      LocalizedText(
        vi:
          "mục tiêu \(Diagnostic.quoted(text)) viết bằng \(Diagnostic.quoted(written)) nhưng đơn vị của chỉ tiêu là \(Diagnostic.quoted(expected))",
        en:
          "target \(Diagnostic.quoted(text)) is written in \(Diagnostic.quoted(written)) but the indicator's unit is \(Diagnostic.quoted(expected))"
      ),
      hint: LocalizedText(vi: "thêm 'unit: percent' cho chỉ tiêu", en: "add 'unit: percent' to the indicator"))
  }

  static func gradedPointsNeedNumber(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.graded-points-need-number", at: location,
      LocalizedText(vi: "điểm theo mức chỉ dùng cho thước đo là số", en: "graded points need a numeric measure"))
  }

  static func unknownGapUnit(_ name: String, known: [String], at location: SourceLocation) -> Diagnostic {
    let list = known.joined(separator: ", ")
    return Diagnostic(
      "criteria.unknown-gap-unit", at: location,
      LocalizedText(
        vi: "đơn vị khoảng thiếu \(Diagnostic.quoted(name)) không có sẵn; dùng \(list) hoặc {vi: …, en: …}",
        en: "unknown gap unit \(Diagnostic.quoted(name)); use one of \(list) or {vi: …, en: …}"),
      hint: Suggestions.hint(for: name, in: known))
  }

  /// `responsible:` names who acts on a shortfall; a list would be several units with no way to tell
  /// which acts first, so the plan's own wording goes in one label ("UBND xã; Bảo hiểm xã hội huyện").
  static func responsibleNotALabel(found kind: LocalizedText, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.responsible-not-a-label", at: location,
      LocalizedText(
        vi: "'responsible' là đơn vị chịu trách nhiệm, một chuỗi hoặc {vi: …, en: …}, nhưng gặp \(kind.vi)",
        en: "'responsible' is the unit responsible, a string or {vi: …, en: …}, found \(kind.en)"),
      hint: LocalizedText(
        vi: "nhiều đơn vị thì viết trong một chuỗi: \"UBND xã; Bảo hiểm xã hội huyện\"",
        en: "write several units in one string: \"UBND xã; Bảo hiểm xã hội huyện\""))
  }

  /// An empty name would file the indicator's tasks under no one in the remediation plan.
  static func responsibleEmpty(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.responsible-empty", at: location,
      LocalizedText(
        vi: "'responsible' rỗng; bỏ khóa này nếu kế hoạch không nêu đơn vị nào",
        en: "'responsible' is empty; leave the key out when the plan names no unit"))
  }

  // MARK: Pass rule

  static func allIndicatorsWithPoints(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.all-indicators-with-points", at: location,
      LocalizedText(
        vi: "'all_indicators' không dùng cùng với điểm", en: "'all_indicators' cannot be combined with points"))
  }

  static func pointsRuleWithoutPoints(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.points-rule-without-points", at: location,
      LocalizedText(
        vi: "quy tắc tính điểm cần các chỉ tiêu có 'points'", en: "a points rule needs indicators with 'points'"))
  }

  // MARK: Examples

  static func exampleWithoutStation(_ name: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.example-without-station", at: location,
      LocalizedText(
        vi: "ví dụ \(Diagnostic.quoted(name)) cần 'station' hoặc 'stations'",
        en: "example \(Diagnostic.quoted(name)) needs 'station' or 'stations'"))
  }

  static func unknownCommuneStatus(_ text: String, expected: [String], at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.unknown-commune-status", at: location,
      LocalizedText(
        vi: "'commune' là pass, fail hoặc incomplete, không phải \(Diagnostic.quoted(text))",
        en: "'commune' is pass, fail or incomplete, not \(Diagnostic.quoted(text))"),
      hint: Suggestions.hint(for: text, in: expected))
  }

  static func expectNotAMapping(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.expect-not-a-mapping", at: location,
      LocalizedText(vi: "'expect' là một bảng: id chỉ tiêu: kết quả", en: "'expect' maps indicator ids to outcomes"))
  }

  static func exampleUnknownIndicator(_ id: String, known: [String], at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.example-unknown-indicator", at: location,
      LocalizedText(
        vi: "không có chỉ tiêu \(Diagnostic.quoted(id)) trong bộ tiêu chí",
        en: "there is no indicator \(Diagnostic.quoted(id)) in the set"),
      hint: Suggestions.hint(for: id, in: known))
  }

  static func unknownOutcome(_ text: String?, expected: [String], at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "criteria.unknown-outcome", at: location,
      LocalizedText(
        vi: "kết quả phải là một trong: \(expected.joined(separator: ", "))",
        en: "the outcome must be one of: \(expected.joined(separator: ", "))"),
      hint: text.flatMap { Suggestions.hint(for: $0, in: expected) })
  }
}
