import Hummingbird
import TieuChi

extension WebApp {
  func addAssessmentRoutes(to router: Router<WebRequestContext>) {
    router.get("/assess") { request, context in
      _ = try context.requireLogin()
      let name = request.uri.queryParameters["criteria"].map(String.init)
      return try assessPage(criteriaName: name, values: FormFields(), context: context)
    }
    router.post("/assess") { _, context in
      _ = try context.requireLogin()
      return try await assess(context: context)
    }
  }

  /// The set named `name` (or the first of the library), loaded.
  private func assessmentCriteria(_ name: String?) throws -> (CriteriaFile, CriteriaSet)? {
    let sets = try library.sets()
    if let name { return sets.first { $0.file.name == name } }
    return sets.first { $0.file.name == "ct25-2030.yaml" } ?? sets.first
  }

  private func assessPage(criteriaName: String?, values: FormFields, context: WebRequestContext) throws -> Response {
    let language = context.language
    guard let (file, set) = try assessmentCriteria(criteriaName) else {
      throw HTTPError(.notFound, message: language.t("Không có bộ tiêu chí này.", "No such criteria set."))
    }
    let form = AssessmentForm(criteria: set, language: language)
    return Layout.page(title: language.t("Phiếu tự đánh giá", "Self-assessment"), context: context) { html in
      chooser(current: file.name, context: context, into: &html)
      html.element("h2", text: set.title[language.library])
      form.render(
        criteriaName: file.name, values: values, errors: [:], rows: form.rowCount(values), context: context, into: &html
      )
    }
  }

  /// A small GET form to switch criteria sets.
  private func chooser(current: String, context: WebRequestContext, into html: inout HTML) {
    let language = context.language
    guard let sets = try? library.sets() else { return }
    html.element("form", ["method": "get", "action": "/assess"]) { html in
      html.element("label", ["for": "criteria"], text: language.t("Bộ tiêu chí", "Criteria set"))
      html.element("select", ["id": "criteria", "name": "criteria"]) { html in
        for (file, set) in sets {
          html.element(
            "option", ["value": file.name, "selected": file.name == current ? "" : nil],
            text: "\(set.title[language.library]) (\(file.name))")
        }
      }
      html.text(" ")
      html.element("button", ["type": "submit"], text: language.t("Chọn", "Choose"))
    }
  }

  private func assess(context: WebRequestContext) async throws -> Response {
    let language = context.language
    let values = context.fields
    guard let (file, set) = try assessmentCriteria(values["criteria"]) else {
      throw HTTPError(.notFound, message: language.t("Không có bộ tiêu chí này.", "No such criteria set."))
    }
    let form = AssessmentForm(criteria: set, language: language)
    let rows = form.rowCount(values)
    let (survey, fieldAtLine) = form.surveyFile(values, rows: rows)
    let year = Int(values["a.year"]?.trimmed ?? "")
    let asOf = today()
    let result = try await limited(context) { Checker(criteria: set, year: year, asOf: asOf).run([survey]) }
    // Each problem at the form field its line holds; the others above the form.
    var errors: [String: [String]] = [:]
    var general: [String] = []
    for diagnostic in result.batch.diagnostics {
      let message = diagnostic.message[language.library]
      if let line = diagnostic.location?.line, let field = fieldAtLine[line] {
        errors[field, default: []].append(message)
      } else {
        general.append(message)
      }
    }
    var formHTML = HTML()
    form.render(
      criteriaName: file.name, values: values, errors: errors, rows: rows, context: context, into: &formHTML)
    var toolbar = HTML()
    Layout.navigation(context: context, into: &toolbar)
    toolbar.element("div", ["class": "toolbar"]) { html in
      html.element("h1", text: language.t("Phiếu tự đánh giá", "Self-assessment"))
      if !errors.isEmpty || !general.isEmpty {
        html.element(
          "p", ["class": "error", "role": "alert"],
          text: language.t(
            "Có giá trị chưa dùng được; xem thông báo ở từng ô của biểu mẫu bên dưới.",
            "Some values could not be used; see the message at each field of the form below."))
        for message in general { html.element("p", ["class": "error"], text: message) }
      }
      if let commune = result.communes.first {
        html.element("p", ["class": "status", "data-status": commune.status.rawValue]) { html in
          html.element("a", ["href": "#form"], text: language.t("Sửa số liệu", "Edit the data"))
        }
      }
    }
    guard !result.communes.isEmpty else {
      return Layout.page(
        title: language.t("Phiếu tự đánh giá", "Self-assessment"), context: context, status: .unprocessableContent
      ) {
        html in
        for message in general { html.element("p", ["class": "error", "role": "alert"], text: message) }
        html.element(
          "p", ["class": "error"],
          text: language.t(
            "Chưa đánh giá được: xem thông báo ở từng ô.", "Not evaluated: see the message at each field."))
        html.append(formHTML.bytes)
      }
    }
    let report = try Download.html.render(result, options: ReportOptions(language: language.library, date: asOf))
    return Layout.response(ReportPage.splice(report: report, toolbar: toolbar.bytes, after: formHTML.bytes))
  }
}

extension AssessmentForm {
  /// The rows each list shows for these values (the most any list needs).
  func rowCount(_ values: FormFields) -> Int {
    let asked = Int(values["rows"] ?? "") ?? 0
    let needed = inputs.map { rows(of: $0.name, values: values, minimum: 8) }.max() ?? 8
    return min(max(asked, needed), 500)
  }
}
