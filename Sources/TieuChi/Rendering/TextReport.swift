/// Renders a check result as text for people: each commune's indicators with actual value, target
/// and gap, then one line per commune and the totals. Vietnamese unless asked otherwise.
public struct TextReport: ReportRenderer {
  public var language: Language
  /// Only the one-line-per-commune table and the totals (for large batches).
  public var summaryOnly: Bool

  /// A text renderer with these options.
  public init(_ options: ReportOptions = ReportOptions()) {
    self.language = options.language
    self.summaryOnly = options.summaryOnly
  }

  private func text(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

  /// The report as UTF-8 bytes.
  public func render(_ result: CheckResult) -> [UInt8] {
    // Names and values come from data: no control character of theirs reaches a terminal.
    Array(text(result).escapingControlCharacters(keepingLineBreaks: true).utf8)
  }

  /// The summary (`summaryOnly`) in its three parts, the same bytes as `render`; the full report in one.
  public func renderParts(_ result: CheckResult) -> [[UInt8]] {
    summaryOnly ? streamedParts(result) : [render(result)]
  }

  /// The report as one string.
  public func text(_ report: CheckResult) -> String {
    let phrases = ReportPhrases(criteria: report.criteria, language: language)
    var out = headText(ReportFrame(report), phrases: phrases)
    let criteria = report.criteria
    if !summaryOnly {
      for commune in report.communes {
        out += "\n"
        out += communeSection(commune, criteria: criteria, phrases: phrases)
      }
    }
    for group in report.groups where !summaryOnly {
      out += "\n" + groupSection(group, criteria: criteria, phrases: phrases)
    }
    let rows =
      report.communes.count > 1 || (summaryOnly && !report.communes.isEmpty)
      ? ParallelMap.map(ranges: report.communes.count, size: Self.chunk) { range in
        var rows = SummaryRows()
        for commune in report.communes[range] { rows.append(summaryRow(commune, phrases: phrases)) }
        return rows
      }.reduce(into: SummaryRows()) { $0.append(contentsOf: $1) }
      : nil
    return out + tailText(report, rows: rows, phrases: phrases)
  }

  /// What comes before the communes: the criteria set, its source, the evaluation year, a warning when the set
  /// lacks points.
  private func headText(_ frame: ReportFrame, phrases: ReportPhrases) -> String {
    var out = ""
    let criteria = frame.criteria
    out += text("Bộ tiêu chí", "Criteria") + ": \(criteria.id) — \(criteria.title[language])\n"
    out += text("Căn cứ", "Source") + ": \(criteria.source.title?[language] ?? criteria.source.document)"
    out += criteria.source.title == nil ? "\n" : " [\(criteria.source.document)]\n"
    let yearText = frame.requestedYear.map(String.init) ?? text("theo năm của từng bản ghi", "each record's own year")
    out += text("Năm đánh giá", "Evaluation year") + ": \(yearText)\n"
    let missing = criteria.missingPoints
    if !missing.isEmpty {
      let total = missing.reduce(Rational.zero) { $0.adding($1.missing) ?? $0 }
      let list = missing.map { "\($0.group.id) \(phrases.number($0.missing))" }.joined(separator: ", ")
      out += text(
        "⚠ Bộ tiêu chí chưa đầy đủ: còn \(phrases.number(total)) điểm chưa có chỉ tiêu (\(list)). Không xã nào có thể được công nhận đạt theo bộ này; chỉ có thể kết luận không đạt hoặc chưa đủ căn cứ.\n",
        "⚠ Incomplete criteria set: \(phrases.number(total)) points have no indicator yet (\(list)). No commune can be certified with this set; it can only show a failure or an incomplete result.\n"
      )
    }
    return out
  }

  /// What comes after the communes' sections: the summary table (of `rows`, in chunks; none when empty), the
  /// groups' table, the totals and the comparison with the previous round.
  private func tailText(_ report: CheckResult, rows: SummaryRows?, phrases: ReportPhrases) -> String {
    var out = ""
    if let rows, rows.count > 0 {
      out += "\n" + summaryTable(rows)
    }
    return out + afterSummaryTable(report, phrases: phrases)
  }

  /// What follows the summary table: the groups' table, the totals and the comparison with the previous round.
  private func afterSummaryTable(_ report: CheckResult, phrases: ReportPhrases) -> String {
    var out = ""
    if summaryOnly && !report.groups.isEmpty {
      out += "\n" + groupTable(report, phrases: phrases)
    }
    out += "\n" + totals(report, phrases: phrases)
    if let comparison = report.comparison {
      out += "\n" + comparisonSection(comparison, report: report, phrases: phrases)
    }
    return out
  }

  // MARK: Comparison with the previous round

  /// "So với kỳ trước": the movement of each commune and group since the previous round.
  func comparisonSection(_ comparison: RoundComparison, report: CheckResult, phrases: ReportPhrases) -> String {
    var out = text("So với kỳ trước (--baseline)", "Compared with the previous round (--baseline)") + ":\n"
    let counts = RoundComparison.Change.allCases.compactMap { change -> String? in
      let n = comparison.communes.filter { $0.change == change }.count
      return n == 0 ? nil : "\(phrases.count(n)) \(phrases.change(change))"
    }
    out += "  " + text("Xã so sánh được: ", "Communes compared: ") + phrases.count(comparison.communes.count)
    out += counts.isEmpty ? "\n" : " — " + counts.joined(separator: ", ") + "\n"
    for unmatched in comparison.unmatchedCurrent {
      out += "  " + text("Không so sánh: ", "Not compared: ") + "\(unmatched.code) \(unmatched.name ?? "")"
      switch unmatched.reason {
      case .noRecord: out += text(" (không có ở kỳ trước)", " (not in the previous round)") + "\n"
      case .codeReused(let other):
        out +=
          text(" (mã này ở kỳ trước là \(other): đơn vị khác)", " (this code was \(other) before: another unit)") + "\n"
      }
    }
    for gone in comparison.unmatchedPrevious {
      out += "  " + text("Chỉ có ở kỳ trước: ", "Only in the previous round: ") + "\(gone.code) \(gone.name ?? "")"
      out += gone.year.map { " (\($0))" } ?? ""
      out += "\n"
    }
    if !summaryOnly {
      for commune in comparison.communes {
        out +=
          "  \(commune.code) \(commune.name ?? ""): \(phrases.status(commune.previous)) → \(phrases.status(commune.current))"
        out += " (\(phrases.change(commune.change)))\n"
        for change in commune.indicators {
          let moved = change.valueChange.map { $0 != .zero } ?? false
          let gapMoved = change.gapChange.map { $0 != .zero } ?? false
          let statusMoved = change.previous.status != change.current.status
          guard moved || gapMoved || statusMoved else { continue }
          let indicator = report.criteria.indicators[change.current.index]
          let before = phrases.actual(change.previous.actual, of: indicator, target: change.previous.milestone?.target)
          let now = phrases.actual(change.current.actual, of: indicator, target: change.current.milestone?.target)
          out += "    \(change.indicator): \(before) → \(now)"
          if statusMoved {
            out += " (\(phrases.status(change.previous.status)) → \(phrases.status(change.current.status)))"
          }
          if gapMoved, let previousGap = change.previous.gap?.amount, let gap = change.current.gap?.amount {
            out += text("; khoảng thiếu ", "; gap ") + phrases.number(previousGap) + " → " + phrases.number(gap)
          }
          out += "\n"
        }
      }
    }
    for group in comparison.groups {
      out += "  " + phrases.group(group.key, field: report.groupBy) + ": "
      out += text("đạt ", "passing ") + phrases.passRate(group.previousPassing, of: group.previousTotal)
      out += " → " + phrases.passRate(group.currentPassing, of: group.currentTotal) + "\n"
      for gap in group.gaps {
        out += "    \(gap.indicator): "
        out += (gap.previous.map { phrases.total($0) } ?? text("đạt", "met")) + " → "
        out += (gap.current.map { phrases.total($0) } ?? text("đạt", "met")) + "\n"
      }
    }
    return out
  }

  // MARK: One commune

  func communeSection(_ commune: CommuneResult, criteria: CriteriaSet, phrases: ReportPhrases) -> String {
    var out = ""
    let record = commune.record
    var heading = record.name.map { "\(record.code) \($0)" } ?? record.code
    if let district = record.attributes["district"] ?? record.attributes["province"] { heading += " · \(district)" }
    if let year = commune.year { heading += " · " + text("năm \(year)", "year \(year)") }
    out += "■ \(heading): \(phrases.status(commune.status))\n"
    out += "  " + text("Nguồn dữ liệu", "Data") + ": \(record.location)\n"

    out += indicatorTable(commune.indicators, criteria: criteria, phrases: phrases)
    if let score = commune.score {
      out += "  " + text("Điểm", "Points") + ": \(phrases.number(score.earned))/\(phrases.number(score.available))"
      if score.possible != score.earned {
        out += text(
          " (tối đa có thể \(phrases.number(score.possible)))", " (at most \(phrases.number(score.possible)) possible)")
      }
      let groups = score.groups.filter { $0.available > .zero }
      if !groups.isEmpty {
        out +=
          " — "
          + groups.map { group in
            "\(group.id) \(phrases.number(group.earned))/\(phrases.number(group.available))"
              + (group.shortfall.map {
                $0 > .zero ? text(" (thiếu \(phrases.number($0)))", " (\(phrases.number($0)) short)") : ""
              } ?? "")
          }.joined(separator: ", ")
      }
      out += "\n"
      if let shortfall = score.shortfall, shortfall > .zero {
        out +=
          "  "
          + text(
            "Còn thiếu \(phrases.number(shortfall)) điểm để đạt mức điểm tối thiểu của bộ tiêu chí.\n",
            "\(phrases.number(shortfall)) points short of the set's minimum.\n")
      }
    }
    if let fix = commune.cheapestFix, !fix.isEmpty {
      out +=
        "  " + text("Để đạt, cần cải thiện ít nhất: ", "To pass, improve at least: ") + fix.joined(separator: ", ")
        + "\n"
    }
    for violation in commune.violations {
      out +=
        "  ⚠ " + text("Dữ liệu mâu thuẫn", "Inconsistent data")
        + " (\(violation.rule)): \(violation.message[language])\n"
    }
    for problem in commune.record.problems where problem.severity == .error {
      out += "  ⚠ " + problem.rendered(in: language) + "\n"
    }
    out += incompleteness(commune, phrases: phrases)
    return out
  }

  /// Why the outcome is not final, as the evaluator found it, one indented line per sentence.
  func incompleteness(_ commune: CommuneResult, phrases: ReportPhrases) -> String {
    phrases.incompleteness(commune).map { "  " + $0 + "\n" }.joined()
  }

  /// One row per indicator (result, title, actual, target), with the gap or the reason under it.
  func indicatorTable(_ results: IndicatorResults, criteria: CriteriaSet, phrases: ReportPhrases) -> String {
    var out = ""
    let rows = results.map { result -> [String] in
      let indicator = criteria.indicators[result.index]
      var targetText = phrases.target(result.milestone?.target, of: indicator)
      if let year = result.milestone?.year { targetText += text(" (mốc \(year))", " (by \(year))") }
      return [
        "\(phrases.symbol(result.status)) \(phrases.status(result.status))",
        indicator.title[language],
        phrases.actual(result.actual, of: indicator, target: result.milestone?.target),
        targetText,
      ]
    }
    let header = [
      text("Kết quả", "Result"), text("Chỉ tiêu", "Indicator"), text("Thực tế", "Actual"), text("Mục tiêu", "Target"),
    ]
    let widths = (0..<header.count).map { column in
      ([header] + rows).map { $0[column].count }.max() ?? 0
    }
    out += "  " + line(header, widths) + "\n"
    for (result, row) in zip(results, rows) {
      out += "  " + line(row, widths) + "\n"
      let indent = "  " + String(repeating: " ", count: widths[0] + 2) + "↳ "
      if let waiver = result.waiver {
        out += indent + text("miễn trừ: ", "waiver: ") + waiver.justification + " — " + waiver.approvedBy
        out += text(", hiệu lực đến \(waiver.expires)", ", valid until \(waiver.expires)") + "\n"
      }
      if let gap = result.gap { out += indent + phrases.gap(gap) + "\n" }
      // Reasons also under a verdict that bounds settled despite missing data: say what was missing.
      if !result.reasons.isEmpty {
        out += indent + phrases.reasons(result.reasons) + "\n"
      }
      if criteria.indicators[result.index].enteredPoints {
        out +=
          indent + phrases.enteredPointsNote(criteria.enteredPointsOnlyCheck(criteria.indicators[result.index])) + "\n"
      }
      if result.status == .notApplicable, let condition = criteria.indicators[result.index].appliesWhenText {
        out += indent + text("chỉ áp dụng khi \(condition)", "applies only when \(condition)") + "\n"
      }
    }
    return out
  }

  /// Cells padded to their columns' widths, two spaces between columns.
  private func line(_ cells: [String], _ widths: [Int]) -> String {
    var out = ""
    for (index, cell) in cells.enumerated() {
      out += cell
      if index < cells.count - 1 { out += String(repeating: " ", count: widths[index] - cell.count + 2) }
    }
    return out
  }

  func groupSection(_ group: GroupResult, criteria: CriteriaSet, phrases: ReportPhrases) -> String {
    var heading = phrases.group(group.key, field: group.field)
    if let year = group.year { heading += " · " + text("năm \(year)", "year \(year)") }
    heading +=
      group.field == nil
      ? text(" · chỉ tiêu cấp nhóm", " · group-level targets")
      : text(" · chỉ tiêu cấp \(fieldName(group.field))", " · \(fieldName(group.field))-level targets")
    var out = "■ \(heading): \(phrases.status(group.status))\n"
    out += "  " + text("\(phrases.count(group.communes)) xã", "\(phrases.count(group.communes)) communes")
    if let record = group.record {
      out += text("; số liệu cấp nhóm: \(record.location)", "; group data: \(record.location)")
    }
    out += "\n"
    out += indicatorTable(group.indicators, criteria: criteria, phrases: phrases)
    for violation in group.violations {
      out +=
        "  ⚠ " + text("Dữ liệu mâu thuẫn", "Inconsistent data")
        + " (\(violation.rule)): \(violation.message[language])\n"
    }
    return out
  }

  /// "huyện" for district, "tỉnh" for province: how the grouping field is named in words.
  func fieldName(_ field: String?) -> String {
    ReportPhrases.groupingField(field, language)
  }

  // MARK: Batch

  /// The table of one line per commune, from its rows: the columns as wide as their widest cell.
  func summaryTable(_ rows: SummaryRows) -> String {
    var out = summaryTableTitle
    summaryLines(rows) { out += String(decoding: $0, as: UTF8.self) }
    return out
  }

  /// The table's lines, a chunk of rows at a time, in order: made on every core a few chunks a core at a time (a
  /// national batch has 100,000 of them, read back from a temporary file) and given to `write` as they are made.
  /// `finish` is applied to each part on the core that made it (escaping, for a terminal).
  private func summaryLines(
    _ rows: SummaryRows, finish: @Sendable ([UInt8]) -> [UInt8] = { $0 }, write: ([UInt8]) -> Void
  ) {
    rows.forEachWindow(chunk: Self.chunk, chunks: 8) { chunks in
      for part in ParallelMap.map(chunks, { finish($0.lines(widths: rows.widths)) }) { write(part) }
    }
  }

  private var summaryTableTitle: String { text("Tổng hợp theo xã", "Communes") + ":\n" }

  /// Communes per chunk of the summary table made on one core.
  static let chunk = 2_048

  /// One commune's row of the summary table: code, name, year, status, and what fails or is unknown, written
  /// straight into the row's bytes.
  func summaryRow(_ commune: CommuneResult, phrases: ReportPhrases) -> SummaryRows.Row {
    let indicators = commune.indicators
    // Phrased before the notes are written: the phrases captured by the notes' writing were copied for every row.
    let shortfall = commune.score?.shortfall.flatMap { shortfall in
      shortfall > .zero
        ? text("thiếu \(phrases.number(shortfall)) điểm tổng", "\(phrases.number(shortfall)) points short in total")
        : nil
    }
    var row = SummaryRows.Row()
    row.cell(commune.record.code)
    row.cell(commune.record.name ?? "")
    row.cell { bytes in
      if let year = commune.year { Self.appendDigits(year, to: &bytes) }
    }
    row.cell(phrases.status(commune.status))
    // The notes written in place, reading statuses and ids without making results: the lists of ids and their
    // joined texts were most of the cost of a row, made for every commune of a national batch.
    row.cell { notes in
      // The row's bytes: this cell's text starts here.
      let start = notes.count
      func note(_ label: StaticString, _ status: IndicatorStatus) {
        var first = true
        for position in indicators.indices where indicators.status(at: position) == status {
          if first {
            if notes.count > start { notes.append(contentsOf: "; ".utf8) }
            notes.append(contentsOf: UnsafeBufferPointer(start: label.utf8Start, count: label.utf8CodeUnitCount))
            first = false
          } else {
            notes.append(contentsOf: ", ".utf8)
          }
          var id = indicators.id(at: position)
          id.withUTF8 { notes.append(contentsOf: $0) }
        }
      }
      note(language == .vi ? "không đạt: " : "failing: ", .fail)
      note(language == .vi ? "chưa rõ: " : "unknown: ", .unknown)
      if let shortfall {
        if notes.count > start { notes.append(contentsOf: "; ".utf8) }
        notes.append(contentsOf: shortfall.utf8)
      }
    }
    return row
  }

  /// `value`'s decimal digits (`String(value)`), appended without making a string.
  private static func appendDigits(_ value: Int, to bytes: inout [UInt8]) {
    guard value > 0 else {
      bytes.append(contentsOf: String(value).utf8)
      return
    }
    var digits = 1
    var power = 10
    // Int.max has 19 digits: the power stops there, before it would overflow.
    while digits < 19 && power <= value {
      digits += 1
      power &*= 10
    }
    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
    var position = bytes.count - 1
    var rest = value
    while rest > 0 {
      bytes[position] = UInt8(ascii: "0") + UInt8(rest % 10)
      position -= 1
      rest /= 10
    }
  }

  /// One line per group: its status and the group indicators that fail or are unknown.
  func groupTable(_ report: CheckResult, phrases: ReportPhrases) -> String {
    let field = fieldName(report.groupBy)
    var out = text("Chỉ tiêu cấp \(field)", field.prefix(1).uppercased() + field.dropFirst() + "-level targets") + ":\n"
    for group in report.groups {
      let ids = { (status: IndicatorStatus) in
        group.indicators.filter { $0.status == status }.map(\.id)
      }
      var line = "  \(group.key ?? text("(không rõ)", "(none)"))"
      if let year = group.year { line += " · \(year)" }
      line += ": \(phrases.status(group.status))"
      if !ids(.fail).isEmpty { line += text(" — không đạt: ", " — failing: ") + ids(.fail).joined(separator: ", ") }
      if !ids(.unknown).isEmpty { line += text("; chưa rõ: ", "; unknown: ") + ids(.unknown).joined(separator: ", ") }
      out += line + "\n"
    }
    return out
  }

  func totals(_ report: CheckResult, phrases: ReportPhrases) -> String {
    let summary = report.summary
    let n = { (status: CommuneStatus) in phrases.count(summary.communes[status] ?? 0) }
    var out = text("Tổng", "Total") + ": "
    out += text(
      "\(phrases.count(summary.records)) bản ghi · \(phrases.count(summary.evaluated)) xã được đánh giá: \(n(.pass)) đạt, \(n(.fail)) không đạt, \(n(.incomplete)) chưa đủ dữ liệu",
      "\(phrases.count(summary.records)) records · \(phrases.count(summary.evaluated)) communes evaluated: \(n(.pass)) pass, \(n(.fail)) fail, \(n(.incomplete)) incomplete"
    )
    if summary.groupRecords > 0 {
      out += text(
        " · \(phrases.count(summary.groupRecords)) bản ghi cấp nhóm",
        " · \(phrases.count(summary.groupRecords)) group records")
    }
    if summary.rejected > 0 {
      out += text(
        " · \(phrases.count(summary.rejected)) bản ghi không đọc được",
        " · \(phrases.count(summary.rejected)) records could not be read")
    }
    out += "\n"
    if summary.errors > 0 || summary.warnings > 0 {
      out += text(
        "Lỗi dữ liệu: \(phrases.count(summary.errors)), cảnh báo: \(phrases.count(summary.warnings)) (chi tiết ở trên hoặc trong luồng lỗi)\n",
        "Data errors: \(phrases.count(summary.errors)), warnings: \(phrases.count(summary.warnings)) (details above or on standard error)\n"
      )
    }
    if let groupBy = report.groupBy, summary.groups.count > 0, summary.evaluated > 1 {
      out += text("Theo \(fieldName(groupBy))", "By \(fieldName(groupBy))") + ":\n"
      for group in summary.groups {
        let c = { (status: CommuneStatus) in phrases.count(group.communes[status] ?? 0) }
        out += "  \(group.key ?? text("(không rõ)", "(none)")): "
        out += text(
          "\(phrases.count(group.total)) xã — \(c(.pass)) đạt, \(c(.fail)) không đạt, \(c(.incomplete)) chưa đủ dữ liệu\n",
          "\(phrases.count(group.total)) communes — \(c(.pass)) pass, \(c(.fail)) fail, \(c(.incomplete)) incomplete\n")
      }
    }
    if summary.evaluated > 1 {
      out += text("Theo chỉ tiêu", "By indicator") + ":\n"
      let width = summary.indicators.map(\.id.count).max() ?? 0
      for (id, counts) in summary.indicators {
        let c = { (status: IndicatorStatus) in phrases.count(counts[status] ?? 0) }
        out += "  " + id + String(repeating: " ", count: width - id.count + 2)
        out += text(
          "\(c(.pass)) đạt, \(c(.fail)) không đạt, \(c(.unknown)) chưa rõ",
          "\(c(.pass)) pass, \(c(.fail)) fail, \(c(.unknown)) unknown")
        if let na = counts[.notApplicable], na > 0 { out += text(", \(na) không áp dụng", ", \(na) not applicable") }
        if let waived = counts[.waived], waived > 0 { out += text(", \(waived) miễn trừ", ", \(waived) waived") }
        out += "\n"
      }
    }
    return out
  }
}

extension String {
  var trimmingTrailingSpaces: String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}

extension TextReport: CommuneStreamRenderer {
  /// Only the summary: the full report has each commune's section before the groups', and the summary table
  /// after both.
  package var streams: Bool { summaryOnly }
  package var needsGrouping: Bool { false }
  /// The summary's row of a commune is its code, name, year, status and the indicators that fail or are unknown,
  /// all of which its summary keeps (a score's shortfall too, but a set scored on points is never summarized early).
  package var writesFromSummaries: Bool { summaryOnly }

  /// Nothing: the summary is written whole at the end, after the problems found are printed, as when nothing is
  /// streamed.
  package func head(_ frame: ReportFrame) -> [UInt8] { [] }

  package func writer(_ frame: ReportFrame) -> ReportPhrases {
    ReportPhrases(criteria: frame.criteria, language: language)
  }

  package func write(_ commune: CommuneResult, with phrases: ReportPhrases, into bytes: inout [UInt8])
    -> SummaryRows.Row
  {
    summaryRow(commune, phrases: phrases)
  }

  /// The head, the summary table a window of chunks of rows at a time, and what follows it: the same bytes as the
  /// table in one text, which for a million communes was that text several times over (joined, escaped, made
  /// bytes) at once. (Escaping goes scalar by scalar, so escaping each part is escaping the whole.)
  package func tail(_ result: CheckResult, kept rows: SummaryRows, write: ([UInt8]) -> Void) {
    let phrases = ReportPhrases(criteria: result.criteria, language: language)
    let head = headText(ReportFrame(result), phrases: phrases)
    guard result.summary.evaluated > 0, rows.count > 0 else {
      write(escaped(head + afterSummaryTable(result, phrases: phrases)))
      return
    }
    write(escaped(head + "\n" + summaryTableTitle))
    summaryLines(rows, finish: escaped, write: write)
    write(escaped(afterSummaryTable(result, phrases: phrases)))
  }

  /// Names and values come from data: no control character of theirs reaches a terminal.
  private func escaped(_ bytes: [UInt8]) -> [UInt8] {
    // Looked at as bytes first: nearly always there is nothing to escape, and a national batch's table made into
    // text and back was a second of the report's end.
    guard bytes.withUnsafeBufferPointer({ String.needsEscaping($0, keepingLineBreaks: true) }) else { return bytes }
    return escaped(String(decoding: bytes, as: UTF8.self))
  }

  /// Names and values come from data: no control character of theirs reaches a terminal.
  private func escaped(_ text: String) -> [UInt8] {
    Array(text.escapingControlCharacters(keepingLineBreaks: true).utf8)
  }
}
