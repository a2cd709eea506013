import Hummingbird
import NIOCore
import TieuChi
import TieuChiDocuments

extension WebApp {
  func addCriteriaRoutes(to router: Router<WebRequestContext>) {
    router.get("/criteria") { _, context in try criteriaList(context: context) }
    router.get("/criteria/:name") { _, context in try criteriaPage(context: context) }
    router.get("/criteria/:name/template") { _, context in try template(context: context) }
  }

  /// The fillable XLSX form of a set (the library's survey workbook: a sheet of stations, a sheet per list,
  /// drop-down lists, instructions), as `tieuchi template --format xlsx` writes it.
  private func template(context: WebRequestContext) throws -> Response {
    _ = try context.requireLogin()
    let language = context.language
    guard let name = context.parameters.get("name"), let file = try storage.criteriaSet(named: name),
      let set = library.load(file).0
    else {
      throw HTTPError(.notFound, message: language.t("Không có bộ tiêu chí này.", "No such criteria set."))
    }
    let bytes: [UInt8]
    do {
      bytes = try SurveyWorkbookTemplate.data(set, language: language.library)
    } catch {
      throw HTTPError(.internalServerError, message: "\(error)")
    }
    // The offered name in ASCII (it goes into a header): the file's stem without other characters.
    let stem = name.split(separator: ".").first.map(String.init) ?? "bo-tieu-chi"
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
    let safe = String(stem.filter(allowed.contains))
    var headers = HTTPFields()
    headers[.contentType] = Download.xlsx.contentType
    headers[.contentDisposition] = "attachment; filename=\"phieu-so-lieu-\(safe).xlsx\""
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
  }

  private func criteriaList(context: WebRequestContext) throws -> Response {
    _ = try context.requireLogin()
    let language = context.language
    let sets = try library.sets()
    let admin = context.login?.user.role == .admin
    return Layout.page(title: language.t("Thư viện bộ tiêu chí", "Criteria library"), context: context) { html in
      if admin {
        html.element("p") { html in
          html.element("a", ["href": "/admin/criteria"], text: language.t("Thêm bộ tiêu chí", "Add a criteria set"))
        }
      }
      html.element("table") { html in
        html.element("tr") { html in
          html.element("th", text: language.t("Tệp", "File"))
          html.element("th", text: language.t("Tên", "Title"))
          html.element("th", text: language.t("Số chỉ tiêu", "Indicators"))
          html.element("th", text: language.t("Mã nội dung", "Content hash"))
          html.element("th", text: language.t("Phiếu số liệu", "Survey form"))
        }
        for (file, set) in sets {
          html.element("tr") { html in
            html.element("td") { html in html.element("a", ["href": "/criteria/\(file.name)"], text: file.name) }
            html.element("td", text: set.title[language.library])
            html.element("td", ["class": "num"], text: "\(set.indicators.count)")
            html.element("td") { html in html.element("code", text: String(file.hash.prefix(12))) }
            html.element("td") { html in
              html.element("a", ["href": "/criteria/\(file.name)/template"], text: language.t("Tải .xlsx", "Get .xlsx"))
            }
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
        html.text(" · ")
        html.element(
          "a", ["href": "/criteria/\(file.name)/template"],
          text: language.t("Phiếu số liệu Excel để điền (.xlsx)", "Fillable Excel survey form (.xlsx)"))
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
