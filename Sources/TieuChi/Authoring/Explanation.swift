/// Explains an indicator: its definition and legal basis, the target in words, and — for a station —
/// how the verdict comes about, sub-expression by sub-expression.
public struct Explanation: Sendable {
  public let criteria: CriteriaSet
  public let language: Language

  /// Explanations of `criteria`'s indicators in `language`.
  public init(criteria: CriteriaSet, language: Language) {
    self.criteria = criteria
    self.language = language
  }

  private func text(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

  /// The definition, without data.
  public func definition(of indicator: Indicator) -> String {
    let phrases = ReportPhrases(criteria: criteria, language: language)
    var out = "\(indicator.id): \(indicator.title[language])\n"
    out +=
      text("  Cấp: ", "  Level: ")
      + (indicator.level == .commune
        ? text("xã (từng trạm)", "commune (each station)")
        : text("nhóm xã (huyện, tỉnh…)", "group of communes (district, province…)")) + "\n"
    out += text("  Căn cứ: ", "  Legal basis: ") + (criteria.source.title?[language] ?? criteria.source.document)
    out += text(", mục ", ", clause ") + indicator.clause + "\n"
    out += text("  Thước đo: ", "  Measure: ") + indicator.measureText
    if indicator.unit != .number { out += " (\(indicator.unit.rawValue))" }
    out += "\n"
    if indicator.milestones.isEmpty {
      out += text("  Đạt khi: điều kiện trên đúng\n", "  Passes when: the condition holds\n")
    }
    for milestone in indicator.milestones {
      let target = milestone.target
      out += text("  Mục tiêu", "  Target")
      if let year = milestone.year { out += text(" (mốc \(year))", " (by \(year))") }
      out += ": \(phrases.target(target, of: indicator)) — " + target.comparator.words[language] + " "
      out += phrases.target(target, of: indicator).split(separator: " ", maxSplits: 1).last.map(String.init) ?? ""
      out += text(" (như văn bản viết: \"\(target.text)\")", " (as written: \"\(target.text)\")") + "\n"
    }
    if let condition = indicator.appliesWhenText {
      out += text("  Chỉ áp dụng khi: ", "  Applies only when: ") + condition + "\n"
    }
    if let gap = indicator.gap {
      out += text("  Khoảng thiếu tính bằng: ", "  Gap counted in: ") + gap.unit[language] + "\n"
    }
    if indicator.mandatory { out += text("  Chỉ tiêu điểm liệt\n", "  Knock-out indicator\n") }
    if let points = indicator.points { out += text("  Điểm: ", "  Points: ") + phrases.number(points) + "\n" }
    return out
  }

  /// How a commune's (or group's) verdict on `indicator` comes about.
  /// "Đánh giá cho 07303 Xã Phúc Hòa, năm 2024:": whose verdict the trace below shows.
  public func heading(_ trace: CheckTrace.Trace) -> String {
    let subject: String
    switch trace.subject {
    case .commune(let code, let name): subject = "\(code) \(name ?? "")"
    case .group(let field, let key):
      subject = ReportPhrases(criteria: criteria, language: language).group(key, field: field)
    }
    return text("Đánh giá cho ", "Evaluation for ") + subject
      + (trace.year.map { text(", năm \($0)", ", year \($0)") } ?? "") + ":"
  }

  /// Every sub-expression's value for the traced commune or group, the target in force, the verdict and
  /// the gap.
  public func trace(of indicator: Indicator, _ trace: CheckTrace.Trace) -> String {
    self.trace(of: indicator, result: trace.result, evaluator: trace.evaluator)
  }

  func trace(of indicator: Indicator, result: IndicatorResult, evaluator: ExpressionEvaluator) -> String {
    let phrases = ReportPhrases(criteria: criteria, language: language)
    let printer = ExpressionPrinter(schema: evaluator.schema)
    var out = ""
    var steps: [(String, String)] = []
    collect(indicator.measure, printer: printer, evaluator: evaluator, phrases: phrases, into: &steps)
    let width = steps.map(\.0.count).max() ?? 0
    for (expression, value) in steps {
      out += "  " + expression + String(repeating: " ", count: width - expression.count) + "  = " + value + "\n"
    }
    if let milestone = result.milestone {
      out += text("  Mục tiêu áp dụng", "  Target in force")
      out += milestone.year.map { text(" (mốc \($0))", " (by \($0))") } ?? ""
      out += ": " + phrases.target(milestone.target, of: indicator) + "\n"
    }
    out +=
      text("  Thực tế: ", "  Actual: ") + phrases.actual(result.actual, of: indicator, target: result.milestone?.target)
      + "\n"
    out += text("  Kết quả: ", "  Result: ") + phrases.status(result.status) + "\n"
    if !result.reasons.isEmpty { out += "  ↳ " + phrases.reasons(result.reasons, limit: 10) + "\n" }
    if let gap = result.gap { out += "  ↳ " + phrases.gap(gap) + "\n" }
    return out
  }

  /// Sub-expressions in evaluation order (operands before the operation), skipping literals.
  private func collect(
    _ expression: Expression, printer: ExpressionPrinter, evaluator: ExpressionEvaluator, phrases: ReportPhrases,
    into steps: inout [(String, String)]
  ) {
    switch expression {
    case .number, .text, .boolean, .field, .yearsSinceBaseline: return
    case .negate(let e), .not(let e):
      collect(e, printer: printer, evaluator: evaluator, phrases: phrases, into: &steps)
    case .baseline:
      break
    case .arithmetic(_, let l, let r), .comparison(_, let l, let r), .and(let l, let r), .or(let l, let r):
      collect(l, printer: printer, evaluator: evaluator, phrases: phrases, into: &steps)
      collect(r, printer: printer, evaluator: evaluator, phrases: phrases, into: &steps)
    case .input, .aggregate:
      break
    }
    steps.append((printer.text(expression), describe(evaluator.evaluate(expression), phrases: phrases)))
    if case .aggregate(let aggregate) = expression, let condition = aggregate.condition,
      case .list(let items) = evaluator.record.values[aggregate.list],
      case .list(let definition) = evaluator.schema.inputs[aggregate.list].type
    {
      for (index, item) in items.enumerated().prefix(50) {
        let scope = ExpressionEvaluator.Scope(list: aggregate.list, index: index, item: item)
        let name = evaluator.itemName(item, definition) ?? "#\(index + 1)"
        steps.append(
          (
            "    " + "\(evaluator.schema.inputs[aggregate.list].name)[\(name)]: "
              + printer.text(condition, list: aggregate.list),
            describe(evaluator.evaluate(condition, in: scope), phrases: phrases)
          ))
      }
      if items.count > 50 { steps.append(("    …", text("\(items.count - 50) mục khác", "\(items.count - 50) more"))) }
    }
  }

  private func describe(_ value: Value, phrases: ReportPhrases) -> String {
    switch value {
    case .number(let n):
      let plain = n.isInteger ? phrases.number(n, decimals: 0) : phrases.number(n, decimals: 6)
      return n.isInteger ? plain : plain + " (\(n))"
    case .boolean(let b): return b ? text("đúng", "true") : text("sai", "false")
    case .text(let t): return "\"\(t)\""
    case .unknown(let u):
      var bounds = ""
      if u.lower != nil || u.upper != nil {
        bounds =
          " [" + (u.lower.map { phrases.number($0, decimals: 6) } ?? "…") + " … "
          + (u.upper.map { phrases.number($0, decimals: 6) } ?? "…") + "]"
      }
      return text("chưa rõ", "unknown") + bounds
        + (u.reasons.isEmpty ? "" : " — " + phrases.reasons(u.reasons, limit: 3))
    }
  }
}
