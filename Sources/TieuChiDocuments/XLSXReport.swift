public import TieuChi
import TieuChiOffice

/// Renders a check result as an Excel workbook: "Tổng hợp" (the summary, with percentages and the
/// group-level targets), "Chi tiết" (one row per commune × indicator, values as number cells — a share is
/// a percentage cell), "Ma trận" (communes × indicators), "Cần bổ sung" (every gap, one row per item,
/// with blank columns to assign it), "Lỗi dữ liệu" (the diagnostics), and "So với kỳ trước" when a
/// previous round was given. Sheet and column names are in the report language; every sheet has a frozen
/// header row and an autofilter. Cells from data are always strings, never formulas.
public struct XLSXReport: ReportRenderer {
  let options: ReportOptions

  /// A workbook renderer in the options' language.
  public init(_ options: ReportOptions = ReportOptions()) {
    self.options = options
  }

  private var language: Language { options.language }
  private func text(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

  /// Excel's limit is 1,048,576 rows a sheet; the header takes one.
  static let maximumDataRows = 1_048_575

  /// The workbook's bytes; fails only when the result cannot fit in a workbook.
  public func render(_ result: CheckResult) throws(RenderFailure) -> [UInt8] {
    let phrases = ReportPhrases(criteria: result.criteria, language: language)
    var sheets = [
      summary(result, phrases: phrases), details(result), matrix(result, phrases: phrases),
      todo(result, phrases: phrases), problems(result),
    ]
    if let comparison = result.comparison {
      sheets.append(self.comparison(comparison, result: result, phrases: phrases))
    }
    for sheet in sheets where sheet.rowCount - sheet.headerRowCount > Self.maximumDataRows {
      throw RenderFailure(
        LocalizedText(
          vi:
            "trang \"\(sheet.name)\" cần \(sheet.rowCount) dòng, quá giới hạn 1.048.576 dòng của Excel; dùng --format csv",
          en:
            "the sheet \"\(sheet.name)\" needs \(sheet.rowCount) rows, over Excel's limit of 1,048,576; use --format csv"
        ))
    }
    do {
      return try SpreadsheetMLWriter().data(for: Workbook(sheets: sheets))
    } catch {
      throw RenderFailure(
        LocalizedText(vi: "không tạo được tệp Excel: \(error)", en: "cannot make the workbook: \(error)"))
    }
  }

  // MARK: Cells

  private static let header = CellStyle.header
  private static let bold = CellStyle(bold: true)

  /// An exact value as a number cell; a value beyond what a decimal can carry is written as text.
  static func number(_ value: Rational, style: CellStyle = .plain) -> Cell {
    let text = NumberText.format(value, decimals: 10, style: .plain)
    return DecimalText(text).map { Cell.number($0, style: style) } ?? .text(text, style: style)
  }

  /// A share as a percentage cell (0,9973 shown as 99,73 %).
  static func percent(_ share: Rational) -> Cell {
    let text = NumberText.format(share, decimals: 10, style: .plain)
    return DecimalText(text).map { Cell.percent($0, decimals: 2) } ?? .text(text)
  }

  private static func share(_ part: Int, of whole: Int) -> Cell {
    guard whole > 0, let share = Rational(Int128(part), Int128(whole)) else { return .empty }
    return percent(share)
  }

  private static func fill(_ status: IndicatorStatus) -> CellFill? {
    switch status {
    case .pass: .green
    case .fail: .red
    case .unknown: .amber
    case .notApplicable, .waived: .grey
    }
  }

  private static func fill(_ status: CommuneStatus) -> CellFill {
    switch status {
    case .pass: .green
    case .fail: .red
    case .incomplete: .amber
    }
  }

  private func headerRow(_ titles: [String]) -> [Cell] {
    titles.map { Cell.text($0, style: Self.header) }
  }

  // MARK: Tổng hợp

  private func summary(_ result: CheckResult, phrases: ReportPhrases) -> Sheet {
    let summary = result.summary
    var rows: [[Cell]] = [headerRow([text("Nội dung", "Item"), text("Số", "Number"), text("Tỷ lệ", "Share")])]
    let line = { (label: String, count: Int, share: Cell) in rows.append([.text(label), .integer(count), share]) }
    rows.append([
      .text(text("Bộ tiêu chí", "Criteria"), style: Self.bold),
      .text("\(result.criteria.id): \(result.criteria.title[language])"),
    ])
    rows.append([
      .text(text("Năm đánh giá", "Evaluation year"), style: Self.bold),
      result.requestedYear.map { .integer($0) } ?? .text(text("theo năm của từng bản ghi", "each record's own year")),
    ])
    line(text("Bản ghi đã đọc", "Records read"), summary.records, .empty)
    line(text("Xã được đánh giá", "Communes evaluated"), summary.evaluated, .empty)
    for status in CommuneStatus.allCases {
      let count = summary.communes[status] ?? 0
      rows.append([
        Cell.text(phrases.status(status), style: CellStyle(bold: true, fill: Self.fill(status))), .integer(count),
        Self.share(count, of: summary.evaluated),
      ])
    }
    line(text("Bản ghi không đọc được", "Records that could not be read"), summary.rejected, .empty)
    line(text("Lỗi dữ liệu", "Data errors"), summary.errors, .empty)
    line(text("Cảnh báo", "Warnings"), summary.warnings, .empty)

    if let groupBy = result.groupBy, !summary.groups.isEmpty {
      rows.append([])
      rows.append(
        headerRow(
          [phrases.groupingField(groupBy).capitalizedFirst, text("Số xã", "Communes")]
            + CommuneStatus.allCases.map { phrases.status($0) } + [text("Tỷ lệ đạt", "Pass rate")]))
      for group in summary.groups {
        rows.append(
          [.text(phrases.group(group.key, field: groupBy)), .integer(group.total)]
            + CommuneStatus.allCases.map { Cell.integer(group.communes[$0] ?? 0) }
            + [Self.share(group.communes[.pass] ?? 0, of: group.total)])
      }
    }
    if !result.groups.isEmpty {
      rows.append([])
      rows.append(
        headerRow([
          text("Nhóm", "Group"), text("Năm", "Year"), text("Chỉ tiêu cấp nhóm", "Group-level target"),
          text("Thực tế", "Actual"),
          text("Mục tiêu", "Target"), text("Kết quả", "Result"), text("Còn thiếu", "Gap"),
        ]))
      for group in result.groups {
        for outcome in group.indicators {
          let indicator = result.criteria.indicators[outcome.index]
          rows.append([
            .text(phrases.group(group.key, field: group.field)), group.year.map { .integer($0) } ?? .empty,
            .text(indicator.title[language]), actual(outcome, unit: indicator.unit, phrases: phrases),
            .text(phrases.target(outcome.milestone?.target, of: indicator)),
            Cell.text(phrases.status(outcome.status), style: CellStyle(bold: true, fill: Self.fill(outcome.status))),
            outcome.gap.map { .text(phrases.gap($0)) } ?? .empty,
          ])
        }
      }
    }
    rows.append([])
    rows.append(
      headerRow(
        [text("Chỉ tiêu", "Indicator")] + IndicatorStatus.allCases.map { phrases.status($0) }
          + [text("Tỷ lệ đạt", "Pass rate"), text("Còn cần (cả nhóm)", "Still needed (all)")]))
    let totals = GapTotal.of(result.communes, criteria: result.criteria)
    for (id, counts) in summary.indicators {
      let title = result.criteria.indicators.first { $0.id == id }?.title[language] ?? id
      let judged = (counts[.pass] ?? 0) + (counts[.fail] ?? 0) + (counts[.unknown] ?? 0)
      rows.append(
        [.text(title)] + IndicatorStatus.allCases.map { Cell.integer(counts[$0] ?? 0) }
          + [
            Self.share(counts[.pass] ?? 0, of: judged),
            totals.first { $0.indicator == id }.map { .text(phrases.total($0)) } ?? .empty,
          ])
    }
    return Sheet(
      name: text("Tổng hợp", "Summary"), rows: rows, headerRowCount: 1, columnWidths: [44, 16, 14, 14, 14, 14, 30])
  }

  private func actual(_ outcome: IndicatorResult, unit: MeasureUnit, phrases: ReportPhrases) -> Cell {
    switch outcome.actual {
    case .number(let value)?: measure(value, unit)
    case .boolean(let value)?: .text(value ? text("có", "yes") : text("không", "no"))
    case nil: .empty
    }
  }

  /// A measured value: a percentage cell for a percent, the scaled number otherwise.
  private func measure(_ value: Rational, _ unit: MeasureUnit) -> Cell {
    unit == .percent ? Self.percent(value) : Self.number(value.multiplied(by: Rational(unit.scale)) ?? value)
  }

  // MARK: Chi tiết

  private func details(_ result: CheckResult) -> Sheet {
    let table = DetailTable(result, language: language)
    // 800,000 rows at 100,000 communes: made block by block while the sheet is written, on the core that writes
    // the block, rather than held as cells.
    let communes = result.communes
    let runs = ParallelMap.ranges(communes.count, size: Self.communesPerBlock)
    let blocks = RowBlocks(counts: runs.map { communes[$0].reduce(0) { $0 + $1.indicators.count } }) { index in
      let table = table.withOwnTexts()
      return communes[runs[index]].flatMap { table.rows(of: $0) }.map { row in
        row.map { cell -> Cell in
          switch cell {
          case .text(let text): .text(text)
          case .integer(let value): .integer(value)
          case .number(let value): Self.number(value)
          case .measure(let value, let unit): measure(value, unit)
          case .empty: .empty
          }
        }
      }
    }
    return Sheet(
      name: text("Chi tiết", "Details"), rows: [headerRow(table.headers)], headerRowCount: 1, autoFilter: true,
      maximumComputedWidth: 40, rowBlocks: blocks)
  }

  /// Communes whose detail rows make one block of the sheet (a block of ct25 is then 2,048 rows).
  static let communesPerBlock = 256

  // MARK: Ma trận

  private func matrix(_ result: CheckResult, phrases: ReportPhrases) -> Sheet {
    let indicators = result.criteria.indicators.filter { $0.level == .commune }
    var rows = [
      headerRow(
        [text("Mã xã", "Code"), text("Xã", "Commune"), text("Năm", "Year")] + indicators.map(\.id)
          + [text("Kết quả", "Result")])
    ]
    rows += ParallelMap.map(result.communes, chunkSize: 1024) { commune in
      [.text(commune.record.code), .text(commune.record.name ?? ""), commune.year.map { .integer($0) } ?? .empty]
        + commune.indicators.map { outcome in
          Cell.text(phrases.symbol(outcome.status), style: CellStyle(bold: true, fill: Self.fill(outcome.status)))
        }
        + [Cell.text(phrases.status(commune.status), style: CellStyle(bold: true, fill: Self.fill(commune.status)))]
    }
    return Sheet(
      name: text("Ma trận", "Matrix"), rows: rows, headerRowCount: 1, autoFilter: true,
      columnWidths: [10, 26, 8] + indicators.map { _ in 8 } + [18])
  }

  // MARK: Cần bổ sung

  /// Every gap as work to hand out: one row per hamlet or station falling short, one row per amount.
  private func todo(_ result: CheckResult, phrases: ReportPhrases) -> Sheet {
    var rows = [
      headerRow([
        text("Mã xã", "Code"), text("Xã", "Commune"), text("Năm", "Year"), text("Mã chỉ tiêu", "Indicator id"),
        text("Chỉ tiêu", "Indicator"), text("Cần bổ sung", "To do"), text("Số lượng", "Amount"), text("Đơn vị", "Unit"),
        text("Căn cứ", "Legal basis"), text("Người phụ trách", "Assigned to"), text("Hạn hoàn thành", "Due"),
      ])
    ]
    rows += ParallelMap.map(result.communes, chunkSize: 1024) { commune -> [[Cell]] in
      var rows: [[Cell]] = []
      for outcome in commune.indicators where outcome.status == .fail {
        guard let gap = outcome.gap else { continue }
        let indicator = result.criteria.indicators[outcome.index]
        let head: [Cell] = [
          .text(commune.record.code), .text(commune.record.name ?? ""), commune.year.map { .integer($0) } ?? .empty,
          .text(indicator.id), .text(indicator.title[language]),
        ]
        let basis = Cell.text("\(result.criteria.source.document), " + text("mục ", "clause ") + indicator.clause)
        let deadline = outcome.milestone?.year.map { Cell.integer($0) } ?? .empty
        if gap.itemsOnly || !gap.items.isEmpty {
          for item in gap.items {
            rows.append(
              head + [
                .text(item), .integer(1), gap.unit.map { .text($0[language]) } ?? .empty, basis, .empty, deadline,
              ])
          }
        }
        if !gap.itemsOnly {
          rows.append(
            head + [
              .text(phrases.gap(gap)), gap.amount.map { Self.number($0) } ?? .empty,
              gap.unit.map { .text($0[language]) } ?? .empty, basis, .empty, deadline,
            ])
        }
      }
      return rows
    }.flatMap { $0 }
    return Sheet(
      name: text("Cần bổ sung", "To do"), rows: rows, headerRowCount: 1, autoFilter: true, maximumComputedWidth: 45)
  }

  // MARK: Lỗi dữ liệu

  private func problems(_ result: CheckResult) -> Sheet {
    var rows = [
      headerRow([
        text("Tệp", "File"), text("Dòng", "Line"), text("Cột", "Column"), text("Mức", "Severity"), text("Mã lỗi", "Id"),
        text("Nội dung", "Problem"), text("Gợi ý", "Hint"),
      ])
    ]
    for diagnostic in result.batch.diagnostics + (result.baseline?.diagnostics ?? []) {
      let location = diagnostic.location
      rows.append([
        location.map { .text($0.file) } ?? .empty,
        location.map { $0.line > 0 ? .integer($0.line) : .empty } ?? .empty,
        location.map { $0.column > 0 ? .integer($0.column) : .empty } ?? .empty,
        .text(diagnostic.severity == .error ? text("lỗi", "error") : text("cảnh báo", "warning")),
        .text(diagnostic.id.rawValue),
        .text(
          diagnostic.message[language]
            + diagnostic.notes.map { "\n" + ($0.location.map { "\($0): " } ?? "") + $0.message[language] }.joined()),
        diagnostic.hint.map { .text($0[language]) } ?? .empty,
      ])
    }
    return Sheet(
      name: text("Lỗi dữ liệu", "Data problems"), rows: rows, headerRowCount: 1, autoFilter: true,
      maximumComputedWidth: 60)
  }

  // MARK: So với kỳ trước

  private func comparison(_ comparison: RoundComparison, result: CheckResult, phrases: ReportPhrases) -> Sheet {
    var rows = [
      headerRow([
        text("Mã xã", "Code"), text("Xã", "Commune"), text("Năm trước", "Previous year"), text("Năm", "Year"),
        text("Kỳ trước", "Before"), text("Kỳ này", "Now"), text("Thay đổi", "Change"), text("Ghi chú", "Notes"),
      ])
    ]
    for commune in comparison.communes {
      let moved = commune.indicators.compactMap { change -> String? in
        guard change.previous.status != change.current.status else { return nil }
        return
          "\(change.indicator): \(phrases.status(change.previous.status)) → \(phrases.status(change.current.status))"
      }
      rows.append([
        .text(commune.code), .text(commune.name ?? ""), commune.previousYear.map { .integer($0) } ?? .empty,
        commune.year.map { .integer($0) } ?? .empty,
        .text(phrases.status(commune.previous), style: CellStyle(fill: Self.fill(commune.previous))),
        .text(phrases.status(commune.current), style: CellStyle(fill: Self.fill(commune.current))),
        .text(phrases.change(commune.change)), moved.isEmpty ? .empty : .text(moved.joined(separator: "; ")),
      ])
    }
    for entry in comparison.unmatchedCurrent {
      let note: String
      switch entry.reason {
      case .noRecord: note = text("không có ở kỳ trước", "not in the previous round")
      case .codeReused(let other):
        note = text(
          "mã này ở kỳ trước là \(other): đơn vị khác, không so sánh",
          "this code was \(other) before: another unit, not compared")
      }
      rows.append([
        .text(entry.code), .text(entry.name ?? ""), .empty, entry.year.map { .integer($0) } ?? .empty, .empty, .empty,
        .empty, .text(note),
      ])
    }
    for entry in comparison.unmatchedPrevious {
      rows.append([
        .text(entry.code), .text(entry.name ?? ""), entry.year.map { .integer($0) } ?? .empty, .empty, .empty, .empty,
        .empty,
        .text(text("chỉ có ở kỳ trước", "only in the previous round")),
      ])
    }
    return Sheet(name: text("So với kỳ trước", "Comparison"), rows: rows, headerRowCount: 1, autoFilter: true)
  }
}

extension String {
  /// "huyện" → "Huyện": a word that starts a column header.
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
