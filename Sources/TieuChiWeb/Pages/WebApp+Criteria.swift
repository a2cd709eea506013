import Hummingbird
import TieuChi

extension WebApp {
  func addCriteriaRoutes(to router: Router<WebRequestContext>) {
    router.get("/criteria") { _, context in try criteriaList(context: context) }
    router.get("/criteria/:name") { _, context in try criteriaPage(context: context) }
  }

  private func criteriaList(context: WebRequestContext) throws -> Response {
    _ = try context.requireLogin()
    let language = context.language
    let sets = try library.sets()
    return Layout.page(title: language.t("Thư viện bộ tiêu chí", "Criteria library"), context: context) { html in
      html.element("table") { html in
        html.element("tr") { html in
          html.element("th", text: language.t("Tệp", "File"))
          html.element("th", text: language.t("Tên", "Title"))
          html.element("th", text: language.t("Số chỉ tiêu", "Indicators"))
          html.element("th", text: language.t("Mã nội dung", "Content hash"))
        }
        for (file, set) in sets {
          html.element("tr") { html in
            html.element("td") { html in html.element("a", ["href": "/criteria/\(file.name)"], text: file.name) }
            html.element("td", text: set.title[language.library])
            html.element("td", ["class": "num"], text: "\(set.indicators.count)")
            html.element("td") { html in html.element("code", text: String(file.hash.prefix(12))) }
          }
        }
      }
    }
  }

  private func criteriaPage(context: WebRequestContext) throws -> Response {
    _ = try context.requireLogin()
    let language = context.language
    guard let name = context.parameters.get("name"), let file = try storage.criteriaSet(named: name) else {
      throw HTTPError(.notFound, message: language.t("Không có bộ tiêu chí này.", "No such criteria set."))
    }
    let (set, diagnostics) = library.load(file)
    guard let set else {
      return Layout.page(title: file.name, context: context) { html in
        html.element("p", ["class": "error"], text: language.t("Bộ tiêu chí có lỗi:", "The criteria set has errors:"))
        html.element("pre", text: diagnostics.map { $0.rendered(in: language.library) }.joined(separator: "\n"))
      }
    }
    let explanation = Explanation(criteria: set, language: language.library)
    return Layout.page(title: set.title[language.library], context: context) { html in
      html.element("p") { html in
        html.text("\(file.name) · " + (set.source.title?[language.library] ?? set.source.document))
        html.text(" · ")
        html.element(
          "a", ["href": "/assess?criteria=\(file.name)"],
          text: language.t("Tự đánh giá theo bộ này", "Self-assess with this set"))
      }
      for indicator in set.indicators {
        html.element("section", ["id": indicator.id]) { html in
          html.element("h2", text: indicator.title[language.library])
          html.element("pre", text: explanation.definition(of: indicator))
        }
      }
    }
  }
}
