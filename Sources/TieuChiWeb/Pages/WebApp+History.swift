import Foundation
import Hummingbird
import TieuChi

extension WebApp {
  func addHistoryRoutes(to router: Router<WebRequestContext>) {
    router.get("/history") { request, context in
      try history(unit: request.uri.queryParameters["unit"].map(String.init) ?? "", context: context)
    }
    router.get("/compare") { request, context in
      let query = request.uri.queryParameters
      return try await compare(
        from: query["from"].flatMap { Int64(String($0)) }, to: query["to"].flatMap { Int64(String($0)) },
        context: context)
    }
  }

  /// The rounds of `unit` among `rounds`: those with a commune in the unit, as district or province.
  static func rounds(_ rounds: [Round], of unit: String) -> [Round] {
    rounds.filter { round in round.units.contains { $0.district == unit || $0.province == unit } }
  }

  /// The history of a unit: per criteria set, the pass rate over the rounds, the rounds, and a form to
  /// compare two of them.
  private func history(unit: String, context: WebRequestContext) throws -> Response {
    let login = try context.requireLogin()
    let language = context.language
    let ofUnit = Self.rounds(try visibleRounds(login.user), of: unit)
    guard !unit.isEmpty, !ofUnit.isEmpty || login.user.units.contains(unit) else {
      throw HTTPError(.notFound, message: language.t("Không có đơn vị này.", "No such unit."))
    }
    return Layout.page(title: language.t("Lịch sử: ", "History: ") + unit, context: context) { html in
      if ofUnit.isEmpty {
        html.element("p", ["class": "muted"], text: language.t("Chưa có đợt nào.", "No round yet."))
      }
      let names = Array(Set(ofUnit.map(\.criteriaName))).sorted()
      for name in names {
        let rounds = ofUnit.filter { $0.criteriaName == name }
        html.element("section", ["class": "history", "data-criteria": name]) { html in
          html.element("h2", text: name)
          let evaluated = rounds.filter { $0.counts != nil }.sorted { $0.id < $1.id }
          if !evaluated.isEmpty {
            PassRateChart(
              points: evaluated.map {
                .init(
                  roundID: $0.id, label: Layout.day($0.createdAt), pass: $0.counts?.pass ?? 0,
                  communes: $0.counts?.communes ?? 0)
              }, language: language
            ).render(into: &html)
          }
          roundTable(rounds, language: language, into: &html)
          if evaluated.count >= 2 {
            compareForm(evaluated, language: language, into: &html)
          }
        }
      }
    }
  }

  /// A GET form choosing two rounds of the same criteria set: the earlier is the baseline.
  private func compareForm(_ rounds: [Round], language: UILanguage, into html: inout HTML) {
    html.element("form", ["method": "get", "action": "/compare", "class": "compare"]) { html in
      html.element("strong", text: language.t("So sánh hai đợt: ", "Compare two rounds: "))
      for (field, label, chosen) in [
        ("from", language.t("đợt trước", "earlier round"), rounds[rounds.count - 2].id),
        ("to", language.t("đợt sau", "later round"), rounds[rounds.count - 1].id),
      ] {
        html.element("label", ["class": "inline"]) { html in
          html.text(label + " ")
          html.element("select", ["name": field]) { html in
            for round in rounds.reversed() {
              html.element(
                "option", ["value": "\(round.id)", "selected": round.id == chosen ? "" : nil],
                text: "#\(round.id) — \(Layout.date(round.createdAt)) — \(round.fileNames.joined(separator: ", "))")
            }
          }
        }
        html.text(" ")
      }
      html.element("button", ["type": "submit"], text: language.t("So sánh", "Compare"))
    }
  }

  /// Two rounds of the same criteria set compared: the later one's files evaluated with the earlier one's as
  /// the previous round — the library's comparison ("So với kỳ trước") in its report.
  private func compare(from: Int64?, to: Int64?, context: WebRequestContext) async throws -> Response {
    let login = try context.requireLogin()
    let language = context.language
    let notFound = HTTPError(.notFound, message: language.t("Không có đợt này.", "No such round."))
    guard let from, let to, let first = try storage.round(id: from), let second = try storage.round(id: to),
      canSee(first, user: login.user), canSee(second, user: login.user)
    else { throw notFound }
    guard first.id != second.id, first.criteriaName == second.criteriaName else {
      throw HTTPError(
        .badRequest,
        message: language.t(
          "Chỉ so sánh được hai đợt khác nhau của cùng một bộ tiêu chí.",
          "Only two different rounds of the same criteria set can be compared."))
    }
    // The earlier round is the baseline whichever order they were chosen in.
    let (baseline, current) = first.id < second.id ? (first, second) : (second, first)
    let evaluator = RoundEvaluator(storage: storage, library: library, cache: results)
    let evaluation =
      if let cached = evaluator.cached(current, baselineID: .some(baseline.id)) {
        cached
      } else {
        try await limited(context) { signal in
          evaluator.evaluate(current, language: language.library, baselineID: .some(baseline.id), signal: signal)
        }
      }
    guard let result = evaluation.result else {
      throw HTTPError(
        .conflict,
        message: language.t("Đợt #\(current.id) chưa đánh giá được.", "Round #\(current.id) was not evaluated."))
    }
    var toolbar = HTML()
    Layout.navigation(context: context, into: &toolbar)
    toolbar.element("div", ["class": "toolbar"]) { html in
      html.element(
        "h1",
        text: language.t(
          "So sánh đợt #\(current.id) với đợt #\(baseline.id)", "Round #\(current.id) compared with #\(baseline.id)"))
      html.element("p") { html in
        html.element("a", ["href": "/rounds/\(baseline.id)"], text: "#\(baseline.id)")
        html.text(" (\(Layout.date(baseline.createdAt))) → ")
        html.element("a", ["href": "/rounds/\(current.id)"], text: "#\(current.id)")
        html.text(" (\(Layout.date(current.createdAt))) · \(current.criteriaName)")
      }
      if let comparison = result.comparison {
        html.element(
          "p", ["class": "counts", "data-compared": "\(comparison.communes.count)"],
          text: language.t(
            "\(comparison.communes.count) xã được so sánh.", "\(comparison.communes.count) communes compared."))
      }
    }
    let report = try Download.html.render(result, options: reportOptions(current, language: language))
    return Layout.response(ReportPage.splice(report: report, toolbar: toolbar.bytes))
  }
}
