/// The long table of a check — one row per commune × indicator — as the CSV report and the workbook's
/// "Chi tiết" sheet both write it: one definition of the columns, typed cells that each format writes
/// its own way (a percent is a percentage cell in a workbook, a number with the locale's decimal mark in
/// CSV).
package struct DetailTable: Sendable {
  /// A typed cell.
  package enum Cell: Equatable, Sendable {
    case text(String)
    case integer(Int)
    /// An exact number, written as is.
    case number(Rational)
    /// A measured value in its raw terms (a share 0,9973), shown in `unit` (99,73 %).
    case measure(Rational, MeasureUnit)
    case empty
  }

  package private(set) var headers: [String]
  private let frame: ReportFrame
  private let language: Language
  private let phrases: ReportPhrases
  /// Where each commune × indicator stood in the previous round, by `code|year`.
  private let previous: [String: RoundComparison.CommuneChange]?
  /// What every row of an indicator shares (its title, unit, legal basis), worked out once per indicator rather
  /// than once per commune: a national batch has 800,000 rows.
  private var indicatorCells: [IndicatorCells]

  private struct IndicatorCells {
    var id: Cell
    var title: Cell
    var unit: Cell
    var basis: Cell
    /// The "Mục tiêu" text of each of the indicator's milestones, in their order.
    var targets: [String]
  }

  package init(_ result: CheckResult, language: Language) {
    self.init(ReportFrame(result), language: language)
  }

  /// The table of a report whose communes come later (a streamed check): what the frame tells is all it needs.
  package init(_ result: ReportFrame, language: Language) {
    self.frame = result
    self.language = language
    let phrases = ReportPhrases(criteria: result.criteria, language: language)
    self.phrases = phrases
    let text = { (vi: String, en: String) in language == .vi ? vi : en }
    let groupHeader = result.groupBy.map { field in
      let name = phrases.groupingField(field)
      return name.prefix(1).uppercased() + name.dropFirst()
    }
    headers = [
      text("Mã xã", "Commune code"), text("Xã", "Commune"), groupHeader ?? text("Nhóm", "Group"), text("Năm", "Year"),
      text("Mã chỉ tiêu", "Indicator id"), text("Chỉ tiêu", "Indicator"), text("Thực tế", "Actual"),
      text("Đơn vị", "Unit"), text("Mục tiêu", "Target"), text("Kết quả", "Result"), text("Còn thiếu", "Gap"),
      text("Đơn vị còn thiếu", "Gap unit"), text("Chưa đạt (thôn, trạm…)", "Falling short (hamlets, stations…)"),
      text("Ghi chú", "Notes"), text("Căn cứ", "Legal basis"),
    ]
    // With a previous round, where each commune × indicator stood then ("So với kỳ trước").
    previous = result.comparison.map { comparison in
      Dictionary(comparison.communes.map { ("\($0.code)|\($0.year.map(String.init) ?? "")", $0) }) { first, _ in first }
    }
    if previous != nil {
      headers += [
        text("Kết quả kỳ trước", "Previous result"), text("Thực tế kỳ trước", "Previous actual"),
        text("Xã so với kỳ trước", "Commune since the previous round"),
      ]
    }
    indicatorCells = result.criteria.indicators.map { indicator in
      IndicatorCells(
        id: .text(indicator.id), title: .text(indicator.title[language]),
        unit: indicator.unit.sign.map(Cell.text)
          ?? (indicator.unit == .number ? .empty : .text(indicator.unit.suffix(language).trimmingSpaces)),
        basis: .text("\(result.criteria.source.document), " + text("mục ", "clause ") + indicator.clause),
        targets: indicator.milestones.map { Self.target($0, of: indicator, phrases: phrases, language: language) })
    }
  }

  private func text(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

  /// A copy whose texts shared by every row (titles, units, legal bases, targets) are strings of its own. Rows made
  /// on two cores from one table hold the same strings, and both cores then count references on the same memory,
  /// waiting on each other at every row: a copy per block of rows keeps each core to its own.
  package func withOwnTexts() -> DetailTable {
    func own(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }
    func own(_ cell: Cell) -> Cell { if case .text(let text) = cell { .text(own(text)) } else { cell } }
    var copy = self
    copy.indicatorCells = indicatorCells.map { cells in
      IndicatorCells(
        id: own(cells.id), title: own(cells.title), unit: own(cells.unit), basis: own(cells.basis),
        targets: cells.targets.map(own))
    }
    return copy
  }

  /// "≥ 99,5 % (mốc 2030)": the target in force and its deadline.
  private static func target(
    _ milestone: Milestone?, of indicator: Indicator, phrases: ReportPhrases, language: Language
  ) -> String {
    var target = phrases.target(milestone?.target, of: indicator)
    if let year = milestone?.year { target += language == .vi ? " (mốc \(year))" : " (by \(year))" }
    return target
  }

  /// The rows of one commune, one per indicator.
  package func rows(of commune: CommuneResult) -> [[Cell]] {
    let record = commune.record
    let group = frame.groupBy.flatMap { record.attributes[$0] }
    let movement = previous?["\(record.code)|\(commune.year.map(String.init) ?? "")"]
    let code = Cell.text(record.code)
    let name = record.name.map(Cell.text) ?? .empty
    let groupCell = group.map(Cell.text) ?? .empty
    let year = commune.year.map(Cell.integer) ?? .empty
    var rows: [[Cell]] = []
    rows.reserveCapacity(commune.indicators.count)
    // Read in place: an `Indicator` (some twenty strings and arrays) or a row's cells copied for every row was a
    // tenth of a detailed report's time.
    let indicators = frame.criteria.indicators
    for outcome in commune.indicators {
      let position = outcome.index
      let unit = indicators[position].unit
      // Worked out once per milestone, not for each of 800,000 rows (a milestone is always the indicator's own).
      let target =
        outcome.milestone.flatMap { milestone in
          indicators[position].milestones.firstIndex(of: milestone).map { indicatorCells[position].targets[$0] }
        }
        ?? Self.target(outcome.milestone, of: indicators[position], phrases: phrases, language: language)
      let actual: Cell
      switch outcome.actual {
      case .number(let value)?: actual = .measure(value, unit)
      case .boolean(let value)?: actual = .text(value ? text("có", "yes") : text("không", "no"))
      case nil: actual = .empty
      }
      var notes: [String] = []
      if let waiver = outcome.waiver {
        notes.append(text("miễn trừ: ", "waiver: ") + waiver.justification + " — " + waiver.approvedBy)
      }
      if !outcome.reasons.isEmpty { notes.append(phrases.reasons(outcome.reasons)) }
      let gap = outcome.gap
      var row: [Cell] = [
        code, name, groupCell, year, indicatorCells[position].id, indicatorCells[position].title, actual,
        indicatorCells[position].unit,
        .text(target), .text(phrases.status(outcome.status)), gap?.amount.map(Cell.number) ?? .empty,
        gap?.unit.map { .text($0[language]) } ?? .empty,
        gap.map { $0.items.isEmpty ? Cell.empty : .text($0.items.joined(separator: "; ")) } ?? .empty,
        notes.isEmpty ? .empty : .text(notes.joined(separator: "; ")), indicatorCells[position].basis,
      ]
      if previous != nil {
        let before = movement?.indicators.first { $0.indicator == outcome.id }?.previous
        var actualBefore = Cell.empty
        switch before?.actual {
        case .number(let value)?: actualBefore = .measure(value, unit)
        case .boolean(let value)?: actualBefore = .text(value ? text("có", "yes") : text("không", "no"))
        case nil: break
        }
        row += [
          before.map { .text(phrases.status($0.status)) } ?? .empty, actualBefore,
          movement.map { .text(phrases.change($0.change)) } ?? .text(text("không so sánh được", "not compared")),
        ]
      }
      rows.append(row)
    }
    return rows
  }
}
