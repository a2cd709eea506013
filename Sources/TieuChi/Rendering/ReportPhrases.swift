/// The words and number formats reports use, in one place for the text and JSON renderers.
public struct ReportPhrases: Sendable {
  public let criteria: CriteriaSet
  public let language: Language

  /// The phrases of reports about `criteria` in `language`.
  public init(criteria: CriteriaSet, language: Language) {
    self.criteria = criteria
    self.language = language
  }

  private var style: NumberText.Style { .for(language) }

  private func text(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

  // MARK: Statuses

  /// A commune's status in capitals: "ĐẠT", "KHÔNG ĐẠT", "CHƯA ĐỦ DỮ LIỆU".
  public func status(_ status: CommuneStatus) -> String {
    switch status {
    case .pass: text("ĐẠT", "PASS")
    case .fail: text("KHÔNG ĐẠT", "FAIL")
    case .incomplete: text("CHƯA ĐỦ DỮ LIỆU", "INCOMPLETE")
    }
  }

  /// An indicator's status: "Đạt", "Không đạt", "Chưa rõ", "Không áp dụng", "Miễn trừ".
  public func status(_ status: IndicatorStatus) -> String {
    switch status {
    case .pass: text("Đạt", "Pass")
    case .fail: text("Không đạt", "Fail")
    case .unknown: text("Chưa rõ", "Unknown")
    case .notApplicable: text("Không áp dụng", "N/A")
    case .waived: text("Miễn trừ", "Waived")
    }
  }

  /// The symbol that stands for a status where colour cannot be relied on: ✓ ✗ ? – ≈.
  public func symbol(_ status: IndicatorStatus) -> String {
    switch status {
    case .pass: "✓"
    case .fail: "✗"
    case .unknown: "?"
    case .notApplicable: "–"
    case .waived: "≈"
    }
  }

  /// "huyện" for district, "tỉnh" for province: how a grouping field is named in words.
  public func groupingField(_ field: String?) -> String {
    Self.groupingField(field, language)
  }

  static func groupingField(_ field: String?, _ language: Language) -> String {
    let vi = language == .vi
    switch field {
    case "district": return vi ? "huyện" : "district"
    case "province": return vi ? "tỉnh" : "province"
    case nil: return vi ? "toàn bộ" : "whole batch"
    case let other?: return other
    }
  }

  /// A group by its key: "Huyện Tân Yên"; "(không rõ)" for the communes without the grouping field;
  /// "Toàn bộ dữ liệu" when nothing is grouped.
  public func group(_ key: String?, field: String?) -> String {
    key ?? (field == nil ? text("Toàn bộ dữ liệu", "All the data") : text("(không rõ)", "(none)"))
  }

  // MARK: Values and targets

  /// A measured value in the indicator's unit: "99,69 %", "1", "có".
  public func actual(_ actual: IndicatorResult.Actual?, of indicator: Indicator, target: Target?) -> String {
    switch actual {
    case nil: return "—"
    case .boolean(let value): return value ? text("có", "yes") : text("không", "no")
    case .number(let value):
      let scaled = value.multiplied(by: Rational(indicator.unit.scale)) ?? value
      let threshold = target.flatMap { $0.threshold.multiplied(by: Rational(indicator.unit.scale)) }
      let decimals = indicator.unit == .number && scaled.isInteger ? 0 : 2
      // Rates keep two decimals ("96,30 %") so a column of them lines up and reads alike.
      let minDecimals = indicator.unit == .number ? 0 : 2
      return NumberText.format(
        scaled, distinctFrom: threshold, decimals: decimals, minDecimals: minDecimals, style: style)
        + indicator.unit.suffix(language)
    }
  }

  /// A target in the report's notation: "> 99,5 %", "≥ 1".
  public func target(_ target: Target?, of indicator: Indicator) -> String {
    guard let target else {
      if case .aggregate(let aggregate) = indicator.measure {
        if aggregate.kind == .all { return text("tất cả", "all") }
        if aggregate.kind == .any { return text("ít nhất một", "at least one") }
      }
      return text("đúng", "true")
    }
    let scaled = target.threshold.multiplied(by: Rational(indicator.unit.scale)) ?? target.threshold
    return
      "\(target.comparator.symbol) \(NumberText.format(scaled, decimals: 6, style: style))\(indicator.unit.suffix(language))"
  }

  /// A number in the language's style, rounded to `decimals` places: "1.245", "99,69".
  public func number(_ value: Rational, decimals: Int = 2) -> String {
    NumberText.format(value, decimals: decimals, style: style)
  }

  /// A whole number in the language's style: "12.850".
  public func count(_ value: Int) -> String {
    NumberText.format(Rational(value), decimals: 0, style: style)
  }

  /// Said under an entered score, so no one takes it for the tool's computation.
  public func enteredPointsNote(_ onlyCheck: Bool) -> String {
    onlyCheck
      ? text(
        "điểm do đoàn đánh giá chấm, chỉ để đối chiếu: điểm tính từ các chỉ tiêu của tiêu chí được dùng",
        "points entered from the assessors' sheet, for comparison only: the points computed from the criterion's indicators count"
      )
      : text(
        "điểm do đoàn đánh giá chấm trên phiếu chấm điểm và nhập vào, không do công cụ tính",
        "points awarded by the assessors on the scoring sheet and entered, not computed by the tool")
  }

  // MARK: Why an outcome is not final

  /// The sentences that say why a commune's outcome is not final, from the reasons the evaluator
  /// stored: the data to supply, or the criteria set that cannot certify anyone yet; for a failing
  /// commune, the data still missing. Empty when there is nothing to say.
  public func incompleteness(_ commune: CommuneResult) -> [String] {
    let describe = { (inputs: [String]) in inputs.map { self.describe(FieldPath(input: $0)) }.joined(separator: "; ") }
    var missing: [String] = []
    var criteriaIncomplete = false
    for reason in commune.incompleteReasons {
      switch reason {
      case .missingData(let inputs): missing = inputs
      case .incompleteCriteria: criteriaIncomplete = true
      case .invalidData, .inconsistentData, .undetermined, .numberTooLarge: break
      }
    }
    if commune.status == .incomplete && criteriaIncomplete && missing.isEmpty {
      return [
        text(
          "Chưa thể kết luận: bộ tiêu chí còn thiếu chỉ tiêu (xem cảnh báo ở đầu báo cáo).",
          "No verdict possible: the criteria set still lacks indicators (see the warning at the top).")
      ]
    }
    if commune.status == .incomplete {
      var lines: [String] = []
      // A total too large to compute is not a matter of data: say only that when it is the sole reason.
      if commune.incompleteReasons != [.numberTooLarge] {
        let change = text(
          "Kết quả có thể thay đổi khi bổ sung hoặc sửa dữ liệu",
          "The outcome can still change once data is supplied or corrected")
        lines.append(change + (missing.isEmpty ? "." : text(": cần bổ sung ", ": supply ") + describe(missing) + "."))
      }
      if commune.incompleteReasons.contains(.numberTooLarge) {
        lines.append(
          text(
            "Tổng điểm hoặc tổng số quá lớn để tính chính xác.",
            "A points total or sum is too large to compute exactly."))
      }
      return lines
    }
    if commune.status == .fail && !commune.missingInputs.isEmpty {
      return [text("Còn thiếu dữ liệu: ", "Data still missing: ") + describe(commune.missingInputs)]
    }
    return []
  }

  // MARK: Comparison with the previous round

  /// A commune's movement since the previous round: "mới đạt", "vẫn không đạt".
  public func change(_ change: RoundComparison.Change) -> String {
    switch change {
    case .newlyPassing: text("mới đạt", "newly passing")
    case .newlyFailing: text("mới không đạt", "newly failing")
    case .stillPassing: text("vẫn đạt", "still passing")
    case .stillFailing: text("vẫn không đạt", "still failing")
    case .undetermined: text("chưa xác định", "undetermined")
    }
  }

  /// "7/22 (31,82 %)": passing communes of a total, with the share.
  public func passRate(_ passing: Int, of total: Int) -> String {
    guard total > 0, let share = Rational(Int128(passing) * 100, Int128(total)) else {
      return "\(count(passing))/\(count(total))"
    }
    return "\(count(passing))/\(count(total)) (\(number(share)) %)"
  }

  /// A group's total gap for one indicator: "1.245 người tham gia BHYT", "7 thôn …", or, for rates,
  /// "3 xã chưa đạt".
  public func total(_ total: GapTotal) -> String {
    if let amount = total.amount {
      let least = total.atLeast ? text("ít nhất ", "at least ") : ""
      return least + number(amount) + (total.unit.map { " " + $0[language] } ?? "")
    }
    if total.tooLarge { return text("số quá lớn để cộng chính xác", "a total too large to compute exactly") }
    return text("\(count(total.communes)) xã chưa đạt", "\(count(total.communes)) communes short")
  }

  // MARK: Gaps and reasons

  /// "cần thêm 96 người tham gia BHYT", or "2 thôn chưa có …: Thôn A, Thôn B".
  public func gap(_ gap: Gap) -> String {
    let unit = gap.unit.map { " " + $0[language] } ?? ""
    guard let amount = gap.amount.map({ number($0) }) else {
      return gap.direction == .increase
        ? text("cần tăng một lượng quá lớn để tính chính xác", "an increase too large to compute exactly is needed")
        : text("cần giảm một lượng quá lớn để tính chính xác", "a decrease too large to compute exactly is needed")
    }
    let least = gap.strictly ? text("hơn ", "more than ") : gap.atLeast ? text("ít nhất ", "at least ") : ""
    let sentence: String
    switch gap.direction {
    case .increase: sentence = text("cần thêm \(least)\(amount)\(unit)", "\(least)\(amount) more\(unit) needed")
    case .decrease: sentence = text("cần giảm \(least)\(amount)\(unit)", "\(least)\(amount) fewer\(unit) needed")
    }
    guard !gap.items.isEmpty else { return sentence }
    // A yes/no measure over a list names the records that fall short; a share adds them to the count.
    if gap.itemsOnly {
      return "\(amount)\(unit): \(gap.items.joined(separator: ", "))"
    }
    return sentence + text(" (chưa đạt: ", " (not yet: ") + gap.items.joined(separator: ", ") + ")"
  }

  /// "thiếu dữ liệu: ehealth_book (Số người có sổ khám chữa bệnh điện tử)".
  public func reason(_ reason: UnknownReason) -> String {
    switch reason {
    case .missing(let path): return text("thiếu dữ liệu: ", "missing data: ") + describe(path)
    case .invalid(let path): return text("dữ liệu không hợp lệ: ", "unusable data: ") + describe(path)
    case .inconsistent(let rule):
      let message = criteria.rule(rule)?.message[language] ?? rule
      return text("dữ liệu mâu thuẫn (\(rule)): \(message)", "inconsistent data (\(rule)): \(message)")
    case .divisionByZero: return text("mẫu số bằng 0", "division by zero (the denominator is 0)")
    case .overflow: return text("số quá lớn để tính chính xác", "a number too large to compute exactly")
    case .noBaseline:
      return text(
        "không có số liệu kỳ trước (--baseline) của xã hoặc nhóm này",
        "no previous-round record (--baseline) for this commune or group")
    }
  }

  /// A field path with its label: "hamlets[Thôn Đồng Lạc].trained_health_workers".
  public func describe(_ path: FieldPath) -> String {
    guard let input = criteria.schema[path.input] ?? criteria.groupSchema[path.input] else { return path.description }
    var label = input.label[language]
    if let field = path.field, case .list(let definition) = input.type, let fieldInput = definition.fields[field] {
      label = fieldInput.label[language]
    }
    return label == path.field || label == path.input ? path.description : "\(path.description) (\(label))"
  }

  /// Reasons joined for one line, at most `limit` of them ("… and 12 more").
  public func reasons(_ reasons: [UnknownReason], limit: Int = 5) -> String {
    var parts = reasons.prefix(limit).map(reason)
    if reasons.count > limit {
      parts.append(text("và \(reasons.count - limit) lý do khác", "and \(reasons.count - limit) more"))
    }
    return parts.joined(separator: "; ")
  }
}
