/// Renders a check result as one self-contained HTML file to print, archive or send up: the header of
/// an administrative document (Nghị định 30/2020/NĐ-CP), the summary for the group with what it still
/// needs in real units, charts, a matrix of communes × indicators, a report card per commune, the
/// comparison with the previous round, the data problems, and a signature block.
///
/// No script and no external file: the style and the charts (SVG) are inline. Every datum is escaped
/// by `HTMLWriter`.
public struct HTMLReport: ReportRenderer {
  let options: ReportOptions

  /// An HTML renderer with these options (language, and the issuer, place and date of the header).
  public init(_ options: ReportOptions = ReportOptions()) {
    self.options = options
  }

  private var language: Language { options.language }
  private func text(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

  /// The whole document, UTF-8.
  public func render(_ result: CheckResult) -> [UInt8] { page(result).bytes }

  /// The page in pieces: the report's sections, with the communes' matrix rows and cards in chunks.
  public func renderParts(_ result: CheckResult) -> [[UInt8]] { page(result).parts }

  private func page(_ result: CheckResult) -> HTMLWriter {
    let phrases = ReportPhrases(criteria: result.criteria, language: language)
    var html = HTMLWriter(capacity: 32 * 1024 + result.communes.count * 6 * 1024)
    html.trusted("<!DOCTYPE html>\n")
    html.open("html", ["lang": language.rawValue])
    html.open("head")
    html.void("meta", ["charset": "utf-8"])
    html.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
    html.element("title", text: title(result))
    html.open("style")
    html.trusted(HTMLReportStyle.css)
    html.close("style")
    html.close("head")
    html.newline()
    html.open("body")
    header(result, into: &html)
    summary(result, phrases: phrases, into: &html)
    charts(result, phrases: phrases, into: &html)
    matrix(result, phrases: phrases, into: &html)
    if let comparison = result.comparison { self.comparison(comparison, result: result, phrases: phrases, into: &html) }
    problems(result, into: &html)
    signatures(into: &html)
    if !result.communes.isEmpty {
      html.element(
        "h2", ["class": "page annex"],
        text: text("Phụ lục: Phiếu kết quả từng xã", "Annex: report card of each commune"))
    }
    // The cards, most of a big report, are written on every core in chunks put together in order.
    for part in Self.inChunks(
      result.communes, { commune, html in card(commune, result: result, phrases: phrases, into: &html) })
    {
      html.appendPart(part)
    }
    html.close("body")
    html.close("html")
    html.newline()
    return html
  }

  /// `write` applied to every commune on every core, in chunks, each chunk's markup in order.
  private static func inChunks(
    _ communes: [CommuneResult], _ write: @Sendable (CommuneResult, inout HTMLWriter) -> Void
  ) -> [[UInt8]] {
    let chunk = 512
    return ParallelMap.map(ranges: communes.count, size: chunk) { range in
      var html = HTMLWriter(capacity: chunk * 4 * 1024)
      for index in range { write(communes[index], &html) }
      return html.bytes
    }
  }

  private func title(_ result: CheckResult) -> String {
    text("Báo cáo kết quả đánh giá trạm y tế xã — ", "Report on the commune health stations — ")
      + result.criteria.title[language]
  }

  // MARK: Header (Nghị định 30/2020/NĐ-CP)

  private func header(_ result: CheckResult, into html: inout HTMLWriter) {
    let header = options.header
    html.element("header", ["class": "nd30"]) { html in
      html.element("div", ["class": "issuer"]) { html in
        // Without --issuer the place stays blank: the report never names a unit that did not issue it.
        if let issuer = header.issuerLine {
          html.text(issuer)
          html.void("span", ["class": "rule"])
          html.close("span")
          html.element("div", ["class": "number"], text: text("Số: ……/BC-……", "No.: ……"))
        }
      }
      html.element("div", ["class": "motto"]) { html in
        html.element("div", ["class": "name"], text: header.nationalName)
        html.element("div", ["class": "words"], text: header.motto)
        html.void("span", ["class": "rule"])
        html.close("span")
      }
    }
    html.element("p", ["class": "date"], text: header.placeAndDate)
    html.element("h1", text: text("BÁO CÁO", "REPORT"))
    html.element(
      "p", ["class": "subtitle"],
      text: text("Kết quả đánh giá trạm y tế xã theo bộ tiêu chí ", "Results of the commune health stations against ")
        + "\(result.criteria.id): " + result.criteria.title[language])
    let source = result.criteria.source
    html.element(
      "p", ["class": "basis"],
      text: text("Căn cứ: ", "Legal basis: ") + (source.title?[language] ?? source.document)
        + (source.title == nil ? "" : " [\(source.document)]"))
    html.element(
      "p", ["class": "basis"],
      text: text("Năm đánh giá: ", "Evaluation year: ")
        + (result.requestedYear.map(String.init) ?? text("theo năm của từng bản ghi", "each record's own year")))
    let missing = result.criteria.missingPoints
    if let total = Rational.sum(missing.map(\.missing)), !missing.isEmpty {
      let phrases = ReportPhrases(criteria: result.criteria, language: language)
      html.element(
        "p", ["class": "warning"],
        text: text(
          "Bộ tiêu chí chưa đầy đủ: còn \(phrases.number(total)) điểm chưa có chỉ tiêu. Không xã nào có thể được công nhận đạt theo bộ này; chỉ có thể kết luận không đạt hoặc chưa đủ căn cứ.",
          "Incomplete criteria set: \(phrases.number(total)) points have no indicator yet. No commune can be certified with this set; it can only show a failure or an incomplete result."
        ))
    }
  }

  // MARK: I. Summary

  private func summary(_ result: CheckResult, phrases: ReportPhrases, into html: inout HTMLWriter) {
    let summary = result.summary
    html.element("h2", text: text("I. Tổng hợp", "I. Summary"))
    let share = { (n: Int) -> String in
      guard summary.evaluated > 0, let value = Rational(Int128(n) * 100, Int128(summary.evaluated)) else { return "—" }
      return phrases.number(value) + " %"
    }
    let rows: [(label: String, count: Int, style: String?)] = [
      (text("Được đánh giá", "Evaluated"), summary.evaluated, nil),
      (phrases.status(CommuneStatus.pass), summary.communes[.pass] ?? 0, "pass"),
      (phrases.status(CommuneStatus.fail), summary.communes[.fail] ?? 0, "fail"),
      (phrases.status(.incomplete), summary.communes[.incomplete] ?? 0, "incomplete"),
    ]
    html.open("table", ["class": "totals"])
    html.open("thead")
    html.open("tr")
    html.element("th", text: "")
    html.element("th", ["class": "num"], text: text("Số xã", "Communes"))
    html.element("th", ["class": "num"], text: text("Tỷ lệ", "Share"))
    html.close("tr")
    html.close("thead")
    html.open("tbody")
    for row in rows {
      html.open("tr")
      html.element("td", ["class": row.style.map { "status " + $0 }], text: row.label)
      html.element("td", ["class": "num"], text: phrases.count(row.count))
      html.element("td", ["class": "num"], text: row.style == nil ? "" : share(row.count))
      html.close("tr")
    }
    html.close("tbody")
    html.close("table")
    var accounted = text(
      "\(phrases.count(summary.records)) bản ghi đã đọc: \(phrases.count(summary.evaluated)) xã được đánh giá",
      "\(phrases.count(summary.records)) records read: \(phrases.count(summary.evaluated)) communes evaluated")
    if summary.groupRecords > 0 {
      accounted += text(
        ", \(phrases.count(summary.groupRecords)) bản ghi cấp nhóm",
        ", \(phrases.count(summary.groupRecords)) group records")
    }
    if summary.rejected > 0 {
      accounted += text(
        ", \(phrases.count(summary.rejected)) bản ghi không đọc được (xem mục Lỗi dữ liệu)",
        ", \(phrases.count(summary.rejected)) records could not be read (see Data problems)")
    }
    html.element("p", ["class": "note"], text: accounted + ".")

    if let groupBy = result.groupBy, summary.groups.count > 1 {
      html.element("h3", text: text("Theo \(phrases.groupingField(groupBy))", "By \(phrases.groupingField(groupBy))"))
      html.element("table") { html in
        html.element("thead") { html in
          html.element("tr") { html in
            for heading in [phrases.groupingField(groupBy), text("Số xã", "Communes")] {
              html.element("th", text: heading)
            }
            for status in CommuneStatus.allCases { html.element("th", ["class": "num"], text: phrases.status(status)) }
            html.element("th", ["class": "num"], text: text("Tỷ lệ đạt", "Pass rate"))
          }
        }
        html.element("tbody") { html in
          for group in summary.groups {
            html.element("tr") { html in
              html.element("td", text: phrases.group(group.key, field: groupBy))
              html.element("td", ["class": "num"], text: phrases.count(group.total))
              for status in CommuneStatus.allCases {
                html.element("td", ["class": "num"], text: phrases.count(group.communes[status] ?? 0))
              }
              html.element("td", ["class": "num"], text: phrases.passRate(group.communes[.pass] ?? 0, of: group.total))
            }
          }
        }
      }
    }

    if !result.groups.isEmpty {
      html.element("h3", text: text("Chỉ tiêu cấp nhóm", "Group-level targets"))
      for group in result.groups {
        var heading = phrases.group(group.key, field: group.field)
        if let year = group.year { heading += " · " + text("năm \(year)", "year \(year)") }
        html.element("p") { html in
          html.text(heading + ": ")
          html.element("span", ["class": "status \(group.status.rawValue)"], text: phrases.status(group.status))
        }
        indicatorTable(group.indicators, criteria: result.criteria, phrases: phrases, into: &html)
        for violation in group.violations {
          html.element(
            "p", ["class": "warning"],
            text: text("Dữ liệu mâu thuẫn", "Inconsistent data")
              + " (\(violation.rule)): \(violation.message[language])")
        }
      }
    }

    needs(result, phrases: phrases, into: &html)
    passRates(result, phrases: phrases, into: &html)
  }

  /// "Toàn huyện còn cần": the failed indicators' gaps added up per group, in real units.
  private func needs(_ result: CheckResult, phrases: ReportPhrases, into html: inout HTMLWriter) {
    var sets: [(String, [CommuneResult])] = result.communesByGroup().map { group in
      (phrases.group(group.key, field: result.groupBy), group.communes)
    }
    if sets.count > 1 { sets.append((text("Toàn bộ", "All"), result.communes)) }
    let titles = Dictionary(result.criteria.indicators.map { ($0.id, $0.title[language]) }) { first, _ in first }
    // Each group's totals on every core: a province-wide batch adds up 100,000 communes' gaps twice over.
    let criteria = result.criteria
    let totalsBySet = ParallelMap.map(sets.map(\.1)) { GapTotal.of($0, criteria: criteria) }
    for ((name, _), totals) in zip(sets, totalsBySet) {
      guard !totals.isEmpty else { continue }
      html.element("h3", text: text("\(name) còn cần", "What \(name) still needs"))
      html.element("ul", ["class": "needs"]) { html in
        for total in totals {
          html.element("li") { html in
            html.element("b", text: phrases.total(total))
            html.text(
              " — " + (titles[total.indicator] ?? total.indicator)
                + text(" (\(phrases.count(total.communes)) xã)", " (\(phrases.count(total.communes)) communes)"))
          }
        }
      }
    }
  }

  /// Pass rate per indicator, as a table.
  private func passRates(_ result: CheckResult, phrases: ReportPhrases, into html: inout HTMLWriter) {
    guard !result.communes.isEmpty else { return }
    html.element("h3", text: text("Tỷ lệ đạt theo chỉ tiêu", "Pass rate by indicator"))
    html.element("table") { html in
      html.element("thead") { html in
        html.element("tr") { html in
          html.element("th", text: text("Chỉ tiêu", "Indicator"))
          for status in IndicatorStatus.allCases { html.element("th", ["class": "num"], text: phrases.status(status)) }
          html.element("th", ["class": "num"], text: text("Tỷ lệ đạt", "Pass rate"))
        }
      }
      html.element("tbody") { html in
        for (id, counts) in result.summary.indicators {
          let title = result.criteria.indicators.first { $0.id == id }?.title[language] ?? id
          html.element("tr") { html in
            html.element("td", text: title)
            for status in IndicatorStatus.allCases {
              html.element("td", ["class": "num"], text: phrases.count(counts[status] ?? 0))
            }
            html.element("td", ["class": "num"], text: phrases.passRate(counts[.pass] ?? 0, of: Self.judged(counts)))
          }
        }
      }
    }
  }

  /// Communes for which an indicator's pass rate is counted: those it applies to and does not waive.
  private static func judged(_ counts: [IndicatorStatus: Int]) -> Int {
    (counts[.pass] ?? 0) + (counts[.fail] ?? 0) + (counts[.unknown] ?? 0)
  }

  // MARK: Charts

  private func charts(_ result: CheckResult, phrases: ReportPhrases, into html: inout HTMLWriter) {
    guard !result.communes.isEmpty else { return }
    html.element("h2", text: text("II. Biểu đồ", "II. Charts"))
    let bars = result.summary.indicators.map { id, counts -> SVGCharts.Bar in
      let judged = Self.judged(counts)
      let share = judged == 0 ? Rational.zero : Rational(Int128(counts[.pass] ?? 0), Int128(judged)) ?? .zero
      return SVGCharts.Bar(label: id, share: share, text: phrases.passRate(counts[.pass] ?? 0, of: judged))
    }
    let chartTitle = text("Tỷ lệ xã đạt theo chỉ tiêu", "Share of communes passing each indicator")
    SVGCharts.shares(
      bars, title: chartTitle,
      description: bars.map { "\($0.label): \($0.text)" }.joined(separator: "; "), into: &html)
    if let groupBy = result.groupBy, result.summary.groups.count > 1 {
      let groups = result.summary.groups.map { group -> SVGCharts.Bar in
        let passing = group.communes[.pass] ?? 0
        let share = group.total == 0 ? Rational.zero : Rational(Int128(passing), Int128(group.total)) ?? .zero
        return SVGCharts.Bar(
          label: phrases.group(group.key, field: groupBy), share: share,
          text: phrases.passRate(passing, of: group.total))
      }
      SVGCharts.shares(
        groups,
        title: text(
          "Tỷ lệ xã đạt theo \(phrases.groupingField(groupBy))", "Pass rate by \(phrases.groupingField(groupBy))"),
        description: groups.map { "\($0.label): \($0.text)" }.joined(separator: "; "), into: &html)
    }
    // A ratio against a threshold is where "who is just short" matters; a count (≥ 1 doctor) is not.
    for indicator in result.criteria.indicators where indicator.level == .commune {
      if case .arithmetic(.divide, _, _) = indicator.measure {
        thresholdChart(indicator, result: result, phrases: phrases, into: &html)
      }
    }
  }

  /// The communes' values of one indicator against its threshold; for large batches, the communes
  /// nearest the threshold on either side.
  private func thresholdChart(
    _ indicator: Indicator, result: CheckResult, phrases: ReportPhrases, into html: inout HTMLWriter
  ) {
    let scale = Rational(indicator.unit.scale)
    // Every commune's value, but words only for the ones drawn: a national batch has 100,000 and the chart 50.
    var candidates: [(value: Rational, passes: Bool, commune: Int, target: Target)] = []
    var threshold: (Rational, Target)?
    for (position, commune) in result.communes.enumerated() {
      guard let outcome = commune[indicator.id], case .number(let value)? = outcome.actual,
        let target = outcome.milestone?.target, outcome.status == .pass || outcome.status == .fail,
        let scaled = value.multiplied(by: scale), let line = target.threshold.multiplied(by: scale)
      else { continue }
      threshold = threshold ?? (line, target)
      candidates.append((scaled, outcome.status == .pass, position, target))
    }
    guard let (line, target) = threshold, !candidates.isEmpty else { return }
    let limit = 50
    var caption =
      indicator.title[language] + text(": giá trị của từng xã so với mục tiêu", ": each commune against the target")
    let nearest = candidates.count > limit
    if nearest {
      let below = candidates.filter { !$0.passes }.first(limit / 2, sortedBy: { $0.value > $1.value })
      let above = candidates.filter(\.passes).first(limit - below.count, sortedBy: { $0.value < $1.value })
      candidates = Array(below) + Array(above)
    }
    let points = candidates.map { candidate in
      let commune = result.communes[candidate.commune]
      return SVGCharts.Point(
        label: commune.record.name ?? commune.record.code, value: candidate.value, passes: candidate.passes,
        text: phrases.actual(commune[indicator.id]?.actual, of: indicator, target: candidate.target))
    }
    if nearest {
      caption += text(
        " (\(phrases.count(points.count)) xã gần ngưỡng nhất)",
        " (the \(phrases.count(points.count)) communes nearest the threshold)")
    }
    let short = points.filter { !$0.passes }.sorted { $0.value > $1.value }.prefix(5).map(\.label)
    let description =
      caption + ". "
      + (short.isEmpty
        ? text("Mọi xã đều đạt.", "Every commune passes.")
        : text("Gần đạt nhất: ", "Just short: ") + short.joined(separator: ", ") + ".")
    SVGCharts.threshold(
      points, threshold: line, thresholdText: phrases.target(target, of: indicator),
      axisText: { phrases.number($0) + indicator.unit.suffix(language) }, title: caption, description: description,
      into: &html)
  }

  // MARK: III. Matrix

  private func matrix(_ result: CheckResult, phrases: ReportPhrases, into html: inout HTMLWriter) {
    guard !result.communes.isEmpty else { return }
    let indicators = result.criteria.indicators.filter { $0.level == .commune }
    html.element("h2", ["class": "page"], text: text("III. Ma trận xã × chỉ tiêu", "III. Communes × indicators"))
    html.element("p", ["class": "legend"]) { html in
      for status in IndicatorStatus.allCases {
        html.element("span", ["class": status.rawValue], text: "\(phrases.symbol(status)) \(phrases.status(status))")
      }
    }
    html.element("table", ["class": "matrix"]) { html in
      html.element("colgroup") { html in
        html.void("col", ["class": "code"])
        html.void("col", ["class": "name"])
        for _ in indicators { html.void("col") }
        html.void("col", ["class": "result"])
      }
      html.element("thead") { html in
        html.element("tr") { html in
          html.element("th", text: text("Mã", "Code"))
          html.element("th", text: text("Xã", "Commune"))
          for indicator in indicators {
            html.element("th", ["class": "indicator", "title": indicator.title[language]], text: indicator.id)
          }
          html.element("th", text: text("Kết quả", "Result"))
        }
      }
      html.element("tbody") { html in
        let rows = Self.inChunks(result.communes) { commune, html in
          html.element("tr") { html in
            html.element("td", text: commune.record.code)
            html.element("td", text: commune.record.name ?? "")
            for outcome in commune.indicators {
              html.element(
                "td", ["class": "cell \(outcome.status.rawValue)", "title": phrases.status(outcome.status)],
                text: phrases.symbol(outcome.status))
            }
            html.element("td", ["class": "status \(commune.status.rawValue)"], text: phrases.status(commune.status))
          }
        }
        for part in rows { html.appendPart(part) }
      }
    }
  }

  // MARK: IV. Comparison

  private func comparison(
    _ comparison: RoundComparison, result: CheckResult, phrases: ReportPhrases, into html: inout HTMLWriter
  ) {
    html.element("h2", text: text("IV. So với kỳ trước", "IV. Compared with the previous round"))
    for group in comparison.groups {
      html.element("h3", text: phrases.group(group.key, field: result.groupBy))
      html.element(
        "p",
        text: text("Tỷ lệ xã đạt: ", "Communes passing: ")
          + phrases.passRate(group.previousPassing, of: group.previousTotal)
          + " → " + phrases.passRate(group.currentPassing, of: group.currentTotal))
      if !group.gaps.isEmpty {
        html.element("table") { html in
          html.element("thead") { html in
            html.element("tr") { html in
              html.element("th", text: text("Chỉ tiêu", "Indicator"))
              html.element("th", text: text("Còn cần, kỳ trước", "Still needed before"))
              html.element("th", text: text("Còn cần, kỳ này", "Still needed now"))
            }
          }
          html.element("tbody") { html in
            for gap in group.gaps {
              html.element("tr") { html in
                html.element("td", text: gap.indicator)
                html.element("td", text: gap.previous.map { phrases.total($0) } ?? text("đạt", "met"))
                html.element("td", text: gap.current.map { phrases.total($0) } ?? text("đạt", "met"))
              }
            }
          }
        }
      }
    }
    html.element("table") { html in
      html.element("thead") { html in
        html.element("tr") { html in
          for heading in [
            text("Mã", "Code"), text("Xã", "Commune"), text("Kỳ trước", "Before"), text("Kỳ này", "Now"),
            text("Thay đổi", "Change"),
          ] {
            html.element("th", text: heading)
          }
        }
      }
      html.element("tbody") { html in
        for commune in comparison.communes {
          html.element("tr") { html in
            html.element("td", text: commune.code)
            html.element("td", text: commune.name ?? "")
            html.element("td", ["class": "status \(commune.previous.rawValue)"], text: phrases.status(commune.previous))
            html.element("td", ["class": "status \(commune.current.rawValue)"], text: phrases.status(commune.current))
            html.element("td", text: phrases.change(commune.change))
          }
        }
      }
    }
    let unmatched = comparison.unmatchedCurrent.map { entry -> String in
      switch entry.reason {
      case .noRecord: "\(entry.code) \(entry.name ?? ""): " + text("không có ở kỳ trước", "not in the previous round")
      case .codeReused(let other):
        "\(entry.code) \(entry.name ?? ""): "
          + text(
            "mã này ở kỳ trước là \(other) — đơn vị khác, không so sánh",
            "this code was \(other) before — another unit, not compared")
      }
    }
    let gone = comparison.unmatchedPrevious.map { "\($0.code) \($0.name ?? "")" }
    if !unmatched.isEmpty || !gone.isEmpty {
      html.element("ul") { html in
        for line in unmatched { html.element("li", text: line) }
        if !gone.isEmpty {
          html.element(
            "li", text: text("Chỉ có ở kỳ trước: ", "Only in the previous round: ") + gone.joined(separator: ", "))
        }
      }
    }
  }

  // MARK: V. Data problems

  private func problems(_ result: CheckResult, into html: inout HTMLWriter) {
    let diagnostics = result.batch.diagnostics + (result.baseline?.diagnostics ?? [])
    html.element("h2", text: text("V. Lỗi dữ liệu", "V. Data problems"))
    guard !diagnostics.isEmpty else {
      html.element(
        "p", text: text("Mọi tệp, bản ghi và trường đều đọc được.", "Every file, record and field was read."))
      return
    }
    html.element("table") { html in
      html.element("thead") { html in
        html.element("tr") { html in
          for heading in [
            text("Vị trí", "Where"), text("Mức", "Severity"), text("Mã lỗi", "Id"), text("Nội dung", "Problem"),
          ] {
            html.element("th", text: heading)
          }
        }
      }
      html.element("tbody") { html in
        for diagnostic in diagnostics {
          html.element("tr") { html in
            html.element("td", text: diagnostic.location.map(String.init(describing:)) ?? "")
            html.element(
              "td", ["class": diagnostic.severity == .error ? "status fail" : "status unknown"],
              text: diagnostic.severity == .error ? text("lỗi", "error") : text("cảnh báo", "warning"))
            html.element("td", text: diagnostic.id.rawValue)
            html.element("td") { html in
              html.text(diagnostic.message[language])
              if let hint = diagnostic.hint { html.text(" (" + hint[language] + ")") }
              for note in diagnostic.notes {
                html.void("br")
                html.text((note.location.map { "\($0): " } ?? "") + note.message[language])
              }
            }
          }
        }
      }
    }
  }

  // MARK: Signatures

  private func signatures(into html: inout HTMLWriter) {
    html.element("div", ["class": "signatures"]) { html in
      for (title, note) in options.header.signatures {
        html.element("div") { html in
          html.element("div", ["class": "title"], text: title)
          html.element("div", ["class": "note"], text: note)
          html.element("div", ["class": "space"], text: "")
        }
      }
    }
  }

  // MARK: Report cards

  private func card(_ commune: CommuneResult, result: CheckResult, phrases: ReportPhrases, into html: inout HTMLWriter)
  {
    let record = commune.record
    var heading = record.name.map { "\(record.code) \($0)" } ?? record.code
    if let group = result.groupBy.flatMap({ record.attributes[$0] }) { heading += " · \(group)" }
    if let year = commune.year { heading += " · " + text("năm \(year)", "year \(year)") }
    html.element("section", ["class": "commune", "id": "xa-\(record.code)"]) { html in
      html.element("h3") { html in
        html.text(heading + ": ")
        html.element("span", ["class": "status \(commune.status.rawValue)"], text: phrases.status(commune.status))
      }
      html.element("p", ["class": "note"], text: text("Nguồn dữ liệu: ", "Data: ") + record.location.description)
      indicatorTable(commune.indicators, criteria: result.criteria, phrases: phrases, into: &html)
      if let score = commune.score {
        var line = text("Điểm: ", "Points: ") + "\(phrases.number(score.earned))/\(phrases.number(score.available))"
        if score.possible != score.earned {
          line += text(
            " (tối đa có thể \(phrases.number(score.possible)))",
            " (at most \(phrases.number(score.possible)) possible)")
        }
        if let shortfall = score.shortfall, shortfall > .zero {
          line += text(
            " — còn thiếu \(phrases.number(shortfall)) điểm để đạt mức tối thiểu",
            " — \(phrases.number(shortfall)) points short of the minimum")
        }
        html.element("p", text: line)
        let groups = score.groups.filter { $0.available > .zero }
        if !groups.isEmpty {
          html.element("table") { html in
            html.element("thead") { html in
              html.element("tr") { html in
                html.element("th", text: text("Tiêu chí", "Criterion"))
                html.element("th", ["class": "num"], text: text("Điểm đạt", "Earned"))
                html.element("th", ["class": "num"], text: text("Điểm tối đa", "Available"))
                html.element("th", ["class": "num"], text: text("Còn thiếu", "Short"))
              }
            }
            html.element("tbody") { html in
              for group in groups {
                let title = result.criteria.groups.first { $0.id == group.id }?.title[language] ?? group.id
                html.element("tr") { html in
                  html.element("td", text: title)
                  html.element("td", ["class": "num"], text: phrases.number(group.earned))
                  html.element("td", ["class": "num"], text: phrases.number(group.available))
                  html.element("td", ["class": "num"], text: group.shortfall.map { phrases.number($0) } ?? "")
                }
              }
            }
          }
        }
      }
      if let fix = commune.cheapestFix, !fix.isEmpty {
        html.element(
          "p",
          text: text("Để đạt, cần cải thiện ít nhất: ", "To pass, improve at least: ") + fix.joined(separator: ", "))
      }
      for violation in commune.violations {
        html.element(
          "p", ["class": "warning"],
          text: text("Dữ liệu mâu thuẫn", "Inconsistent data") + " (\(violation.rule)): \(violation.message[language])")
      }
      for problem in record.problems where problem.severity == .error {
        html.element("p", ["class": "warning"], text: problem.rendered(in: language))
      }
      for line in phrases.incompleteness(commune) { html.element("p", ["class": "note"], text: line) }
    }
  }

  /// One row per indicator: title, actual, target in force, verdict, gap or reasons, legal basis.
  private func indicatorTable(
    _ outcomes: IndicatorResults, criteria: CriteriaSet, phrases: ReportPhrases, into html: inout HTMLWriter
  ) {
    html.element("table", ["class": "card"]) { html in
      html.element("colgroup") { html in
        for name in ["title", "actual", "target", "result", "gap"] { html.void("col", ["class": name]) }
      }
      html.element("thead") { html in
        html.element("tr") { html in
          for heading in [
            text("Chỉ tiêu (căn cứ)", "Indicator (legal basis)"), text("Thực tế", "Actual"),
            text("Mục tiêu", "Target"), text("Kết quả", "Result"), text("Còn thiếu / ghi chú", "Gap / notes"),
          ] {
            html.element("th", text: heading)
          }
        }
      }
      html.element("tbody") { html in
        for outcome in outcomes {
          let indicator = criteria.indicators[outcome.index]
          var target = phrases.target(outcome.milestone?.target, of: indicator)
          if let year = outcome.milestone?.year { target += text(" (mốc \(year))", " (by \(year))") }
          html.element("tr") { html in
            html.element("td") { html in
              html.text(indicator.title[language])
              html.element(
                "div", ["class": "basis-note"],
                text: "\(criteria.source.document), " + text("mục ", "clause ") + indicator.clause)
            }
            html.element(
              "td", ["class": "num"],
              text: phrases.actual(outcome.actual, of: indicator, target: outcome.milestone?.target))
            html.element("td", ["class": "right"], text: target)
            html.element(
              "td", ["class": "status \(outcome.status.rawValue)"],
              text: "\(phrases.symbol(outcome.status)) \(phrases.status(outcome.status))")
            html.element("td") { html in
              var notes: [String] = []
              if let waiver = outcome.waiver {
                notes.append(
                  text("miễn trừ: ", "waiver: ") + waiver.justification + " — " + waiver.approvedBy
                    + text(", hiệu lực đến \(waiver.expires)", ", valid until \(waiver.expires)"))
              }
              if let gap = outcome.gap { notes.append(phrases.gap(gap)) }
              if !outcome.reasons.isEmpty {
                notes.append(phrases.reasons(outcome.reasons))
                // Bounds settled the verdict despite missing data, or it is unknown: say whether it can change.
                notes.append(
                  outcome.status == .unknown
                    ? text(
                      "kết quả có thể thay đổi khi bổ sung dữ liệu", "the verdict can change once data is supplied")
                    : text("kết quả không đổi dù bổ sung dữ liệu", "the verdict stands whatever the missing data"))
              }
              if indicator.enteredPoints {
                notes.append(phrases.enteredPointsNote(criteria.enteredPointsOnlyCheck(indicator)))
              }
              if outcome.status == .notApplicable, let condition = indicator.appliesWhenText {
                notes.append(text("chỉ áp dụng khi \(condition)", "applies only when \(condition)"))
              }
              for (index, note) in notes.enumerated() {
                if index > 0 { html.void("br") }
                html.text(note)
              }
            }
          }
        }
      }
    }
  }
}
