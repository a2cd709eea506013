/// A remediation plan phrased in one language, in the shape of the plans districts write (the Ninh Sơn
/// plan of 20/6/2023, `tb470-ninh-son`): I. Mục đích, yêu cầu; II. Nhiệm vụ, giải pháp; III. Tổ chức
/// thực hiện — as neutral blocks that the Word and Markdown renderers lay out each their own way.
package struct PlanDocument {
  /// A run of text and its emphasis.
  package struct Span: Equatable {
    package var text: String
    package var bold = false
    package var italic = false
  }

  package enum Block: Equatable {
    /// "KẾ HOẠCH": the document's kind, centred, in capitals.
    case title(String)
    /// The line that says what the plan is about, centred, bold.
    case subtitle(String)
    /// "I. MỤC ĐÍCH, YÊU CẦU".
    case section(String)
    /// "1. Xã Tân Trung (07309): không đạt".
    case subsection(String)
    /// Body text, justified.
    case paragraph([Span])
    /// An item of a list: "a) …", "- …".
    case item(marker: String, [Span])
  }

  package let header: DocumentHeader
  package let blocks: [Block]
  /// "Nơi nhận" lines.
  package let recipients: [String]
  /// The signature: the title and its note.
  package let signature: (title: String, note: String)

  package init(_ plan: RemediationPlan, header: DocumentHeader) {
    self.header = header
    let language = header.language
    let text = { (vi: String, en: String) in language == .vi ? vi : en }
    let phrases = ReportPhrases(criteria: plan.criteria, language: language)
    let criteria = plan.criteria
    let source = criteria.source.title?[language] ?? criteria.source.document
    var blocks: [Block] = [
      .title(text("KẾ HOẠCH", "PLAN")),
      .subtitle(
        text(
          "Khắc phục các chỉ tiêu chưa đạt theo bộ tiêu chí \(criteria.id): \(criteria.title[language])",
          "Remedying the indicators not met under \(criteria.id): \(criteria.title[language])")),
    ]
    let communes = plan.sections.filter { if case .commune = $0.subject { true } else { false } }
    let groups = plan.sections.count - communes.count
    let failing = communes.filter { $0.status == .fail }.count
    let incomplete = communes.count - failing
    blocks.append(
      .paragraph([
        Span(
          text: text(
            "Căn cứ \(source); căn cứ kết quả đánh giá \(phrases.count(plan.communesEvaluated)) trạm y tế xã theo bộ tiêu chí trên: \(phrases.count(failing)) xã chưa đạt, \(phrases.count(incomplete)) xã chưa đủ dữ liệu để kết luận\(groups > 0 ? ", \(phrases.count(groups)) nhóm (huyện, tỉnh) chưa đạt chỉ tiêu chung" : ""), kế hoạch khắc phục như sau:",
            "Under \(source), and given the review of \(phrases.count(plan.communesEvaluated)) commune health stations against the set: \(phrases.count(failing)) communes do not meet it, \(phrases.count(incomplete)) lack the data for a verdict\(groups > 0 ? ", \(phrases.count(groups)) groups (district, province) miss a common target" : ""), the remediation plan is as follows:"
          ))
      ]))

    blocks.append(.section(text("I. MỤC ĐÍCH, YÊU CẦU", "I. PURPOSE AND REQUIREMENTS")))
    blocks.append(
      .paragraph([
        Span(
          text: text(
            "1. Khắc phục các chỉ tiêu chưa đạt của từng xã và của cả nhóm theo bộ tiêu chí, bảo đảm đạt mục tiêu đúng mốc thời gian đã đề ra.",
            "1. Remedy every indicator not met, commune by commune and for the group, so that each target is met by its deadline."
          ))
      ]))
    blocks.append(
      .paragraph([
        Span(
          text: text(
            "2. Mỗi nhiệm vụ nêu rõ phần còn thiếu bằng số cụ thể, căn cứ, thời hạn và đơn vị chủ trì; các xã chưa đủ dữ liệu bổ sung số liệu để có căn cứ đánh giá.",
            "2. Each task states the shortfall in real units, its legal basis, its deadline and who leads it; communes lacking data supply it so that a verdict can be given."
          ))
      ]))

    blocks.append(.section(text("II. NHIỆM VỤ, GIẢI PHÁP", "II. TASKS AND MEASURES")))
    if plan.sections.isEmpty {
      blocks.append(
        .paragraph([
          Span(
            text: text(
              "Mọi xã và mọi nhóm đều đạt: không có nhiệm vụ khắc phục.",
              "Every commune and group passes: nothing to remedy."))
        ]))
    }
    for (number, section) in plan.sections.enumerated() {
      var heading = "\(number + 1). " + Self.name(section.subject, phrases: phrases, language: language)
      if let year = section.year { heading += text(" (năm \(year))", " (\(year))") }
      heading += ": " + phrases.status(section.status).lowercased()
      blocks.append(.subsection(heading))
      if let score = section.score {
        blocks.append(
          .paragraph([
            Span(
              text: text("Điểm hiện đạt: ", "Points now: ")
                + "\(phrases.number(score.earned))/\(phrases.number(score.available))"
                + (section.tasks.contains(where: \.cheapest)
                  ? text(
                    "; các chỉ tiêu đánh dấu (*) là ít nhất cần cải thiện để đạt, làm trước.",
                    "; the indicators marked (*) are the fewest to improve to pass: do them first.") : "."))
          ]))
      }
      for (index, task) in section.tasks.enumerated() {
        blocks.append(.item(marker: Self.letter(index) + ")", Self.task(task, phrases: phrases, language: language)))
      }
    }

    blocks.append(.section(text("III. TỔ CHỨC THỰC HIỆN", "III. IMPLEMENTATION")))
    for (number, entry) in plan.byResponsible.enumerated() {
      let unit =
        entry.unit?[language] ?? text("Đơn vị chưa được bộ tiêu chí xác định", "Units the criteria do not name")
      blocks.append(.subsection("\(number + 1). \(unit)"))
      let lead =
        entry.unit == nil
        ? text("Các đơn vị liên quan chủ trì, phối hợp thực hiện:", "The units concerned lead and carry out:")
        : text("Chủ trì, phối hợp thực hiện:", "Leads and carries out:")
      blocks.append(.paragraph([Span(text: lead)]))
      for task in entry.tasks {
        blocks.append(
          .item(
            marker: "-",
            [
              Span(text: Self.name(task.subject, phrases: phrases, language: language) + ": ", bold: true),
              Span(
                text: task.indicator.title[language] + " — "
                  + Self.shortfall(task, phrases: phrases, language: language)),
              Span(text: " (" + Self.deadline(task.deadline, language: language) + ")", italic: true),
            ]))
      }
    }
    let follow =
      header.issuer.map { issuer in
        text(
          "\(issuer) theo dõi, đôn đốc việc thực hiện Kế hoạch này; định kỳ tổng hợp, báo cáo kết quả khắc phục.",
          "\(issuer) follows up this plan and reports on the remedies periodically.")
      }
      ?? text(
        "Đơn vị ban hành theo dõi, đôn đốc việc thực hiện Kế hoạch này; định kỳ tổng hợp, báo cáo kết quả khắc phục.",
        "The issuing unit follows up this plan and reports on the remedies periodically.")
    blocks.append(.subsection("\(plan.byResponsible.count + 1). " + text("Theo dõi, báo cáo", "Follow-up")))
    blocks.append(.paragraph([Span(text: follow)]))
    self.blocks = blocks
    recipients =
      language == .vi
      ? ["- Như mục III;", "- Lưu: VT."] : ["- As in section III;", "- Archive."]
    signature =
      language == .vi
      ? ("THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên, đóng dấu)") : ("HEAD OF THE UNIT", "(Signature, full name and seal)")
  }

  static func name(_ subject: RemediationPlan.Subject, phrases: ReportPhrases, language: Language) -> String {
    switch subject {
    case .commune(let code, let name): (name ?? code) + " (\(code))"
    case .group(let field, let key): phrases.group(key, field: field)
    }
  }

  /// The task's line: what is short, the legal basis, the deadline, who leads.
  static func task(_ task: RemediationPlan.Task, phrases: ReportPhrases, language: Language) -> [Span] {
    let text = { (vi: String, en: String) in language == .vi ? vi : en }
    var spans = [
      Span(text: task.indicator.title[language] + (task.cheapest ? " (*)" : ""), bold: true),
      Span(text: ": " + shortfall(task, phrases: phrases, language: language) + ". "),
      Span(
        text: text("Căn cứ: ", "Legal basis: ") + "\(phrases.criteria.source.document), " + text("mục ", "clause ")
          + task.indicator.clause + ". "),
      Span(text: text("Thời hạn: ", "Deadline: ") + deadline(task.deadline, language: language) + ".", italic: true),
    ]
    if let unit = task.indicator.responsible {
      spans.append(Span(text: " " + text("Chủ trì: ", "Lead: ") + unit[language] + "."))
    }
    return spans
  }

  /// "cần thêm 96 người tham gia BHYT", or, for an unknown, the data to supply.
  static func shortfall(_ task: RemediationPlan.Task, phrases: ReportPhrases, language: Language) -> String {
    let text = { (vi: String, en: String) in language == .vi ? vi : en }
    let target = phrases.target(task.outcome.milestone?.target, of: task.indicator)
    let actual = phrases.actual(task.outcome.actual, of: task.indicator, target: task.outcome.milestone?.target)
    if task.outcome.status == .unknown {
      return text("chưa đủ dữ liệu để đánh giá — ", "not enough data to judge — ")
        + phrases.reasons(task.outcome.reasons)
    }
    // A yes/no measure's gap already says what falls short ("Thôn Nghè"); a number's adds where it stands.
    guard case .number? = task.outcome.actual else { return task.outcome.gap.map { phrases.gap($0) } ?? actual }
    let now = text("hiện đạt \(actual), mục tiêu \(target)", "now \(actual), target \(target)")
    return task.outcome.gap.map { phrases.gap($0) + " (" + now + ")" } ?? now
  }

  static func deadline(_ deadline: RemediationPlan.Deadline, language: Language) -> String {
    switch (deadline, language) {
    case (.milestone(let year), .vi): "năm \(year)"
    case (.milestone(let year), .en): "by \(year)"
    case (.date(let date), .vi):
      "trước ngày \(date.day < 10 ? "0" : "")\(date.day)/\(date.month < 10 ? "0" : "")\(date.month)/\(date.year)"
    case (.date(let date), .en): "by \(date)"
    case (.none, .vi): "theo kế hoạch của đơn vị"
    case (.none, .en): "as the unit schedules"
    }
  }

  /// a, b, …, z, aa, ab…: the markers of tasks within a section.
  static func letter(_ index: Int) -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    return index < 26 ? String(letters[index]) : letter(index / 26 - 1) + String(letters[index % 26])
  }
}
