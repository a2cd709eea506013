import Foundation
import Hummingbird
import Logging
import TieuChi

extension WebApp {
  func addAdminRoutes(to router: Router<WebRequestContext>) {
    router.get("/admin/users") { _, context in
      try usersPage(context: context, created: nil, message: nil)
    }
    router.post("/admin/users") { _, context in try await createUser(context: context) }
    router.get("/admin/criteria") { _, context in
      _ = try requireAdmin(context)
      return criteriaUploadPage(context: context, findings: nil)
    }
    router.post("/admin/criteria") { _, context in try addCriteria(context: context) }
  }

  /// The signed-in administrator; anyone else is refused.
  func requireAdmin(_ context: WebRequestContext) throws -> Login {
    let login = try context.requireLogin()
    guard login.user.role == .admin else {
      throw HTTPError(
        .forbidden, message: context.language.t("Chỉ quản trị viên mới làm được.", "Administrators only."))
    }
    return login
  }

  // MARK: Accounts

  private func usersPage(
    context: WebRequestContext, created: (name: String, password: String)?, message: String?,
    status: HTTPResponse.Status = .ok
  ) throws -> Response {
    _ = try requireAdmin(context)
    let language = context.language
    let users = try storage.users()
    return Layout.page(title: language.t("Tài khoản", "Accounts"), context: context, status: status) { html in
      if let created {
        html.element("p", ["class": "ok", "role": "status"]) { html in
          html.text(language.t("Đã tạo tài khoản ", "Created the account ") + created.name + ". ")
          html.text(language.t("Mật khẩu dùng một lần: ", "One-time password: "))
          html.element("code", ["class": "password"], text: created.password)
          html.text(
            language.t(
              " — chỉ hiện lần này; hãy chuyển cho người dùng.",
              " — shown only this once; give it to the person."))
        }
      }
      if let message { html.element("p", ["class": "error", "role": "alert"], text: message) }
      html.element("table", ["class": "users"]) { html in
        html.element("tr") { html in
          html.element("th", text: language.t("Tên đăng nhập", "User name"))
          html.element("th", text: language.t("Vai trò", "Role"))
          html.element("th", text: language.t("Đơn vị", "Units"))
        }
        for user in users {
          html.element("tr") { html in
            html.element("td", text: user.name)
            html.element(
              "td", text: user.role == .admin ? language.t("quản trị", "administrator") : language.t("đơn vị", "unit"))
            html.element("td", text: user.units.joined(separator: "; "))
          }
        }
      }
      html.element("h2", text: language.t("Tạo tài khoản", "Create an account"))
      html.element("form", ["method": "post", "action": "/admin/users"]) { html in
        Layout.csrfField(context, into: &html)
        html.element("label", ["for": "name"], text: language.t("Tên đăng nhập", "User name"))
        html.void(
          "input",
          ["type": "text", "id": "name", "name": "name", "required": "", "pattern": "[A-Za-z0-9._\\-]{1,64}"])
        html.element("label", ["for": "role"], text: language.t("Vai trò", "Role"))
        html.element("select", ["id": "role", "name": "role"]) { html in
          html.element(
            "option", ["value": "unit"], text: language.t("đơn vị (huyện, tỉnh)", "unit (district, province)"))
          html.element("option", ["value": "admin"], text: language.t("quản trị", "administrator"))
        }
        html.element(
          "label", ["for": "units"],
          text: language.t(
            "Đơn vị, mỗi dòng một đơn vị, viết như số liệu ghi (ví dụ: Huyện Tân Yên)",
            "Units, one per line, written as the data writes them (e.g. Huyện Tân Yên)"))
        html.element("textarea", ["id": "units", "name": "units", "rows": "3", "cols": "40"], text: "")
        html.element("p") { html in
          html.element("button", ["type": "submit"], text: language.t("Tạo", "Create"))
        }
      }
    }
  }

  private func createUser(context: WebRequestContext) async throws -> Response {
    let login = try requireAdmin(context)
    let language = context.language
    let name = context.fields["name"]?.trimmed ?? ""
    let units = (context.fields["units"] ?? "").split(whereSeparator: \.isNewline).map { String($0).trimmed }
      .filter { !$0.isEmpty }
    let role = Role(rawValue: context.fields["role"] ?? "") ?? .unit
    let refuse = { (message: String) in
      try usersPage(context: context, created: nil, message: message, status: .badRequest)
    }
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
    guard (1...64).contains(name.count), name.allSatisfy(allowed.contains) else {
      return try refuse(
        language.t(
          "Tên đăng nhập: 1–64 chữ cái không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang.",
          "User name: 1 to 64 letters without accents, digits, dots, underscores or hyphens."))
    }
    guard try storage.user(named: name) == nil else {
      return try refuse(language.t("Đã có tài khoản \(name).", "An account named \(name) exists already."))
    }
    guard role == .admin || !units.isEmpty else {
      return try refuse(
        language.t("Tài khoản đơn vị cần ít nhất một đơn vị.", "A unit account needs at least one unit."))
    }
    let password = Self.randomPassword()
    // bcrypt is slow on purpose: off the event loop.
    _ = try await Task.detached { [accounts] in
      try accounts.create(name: name, password: password, role: role, units: role == .admin ? [] : units)
    }.value
    logger.notice(
      "account created", metadata: ["by": "\(login.user.name)", "user": "\(name)", "role": "\(role.rawValue)"])
    return try usersPage(context: context, created: (name, password), message: nil)
  }

  // MARK: Criteria files

  /// What checking an uploaded criteria file found: the loader's errors, the linter's findings, the
  /// examples that failed; and whether it was accepted.
  struct CriteriaFindings {
    var name: String
    var accepted: Bool
    var problems: [Diagnostic]
    var examples: (run: Int, failed: Int)
  }

  private func criteriaUploadPage(
    context: WebRequestContext, findings: CriteriaFindings?, status: HTTPResponse.Status = .ok
  ) -> Response {
    let language = context.language
    return Layout.page(title: language.t("Thêm bộ tiêu chí", "Add a criteria set"), context: context, status: status) {
      html in
      if let findings { report(findings, language: language, into: &html) }
      html.element(
        "p",
        text: language.t(
          "Tệp YAML của bộ tiêu chí được đọc, kiểm tra (lint) và chạy các ví dụ của nó trước khi được nhận; "
            + "một tệp trùng tên với bộ đã có được lưu thành phiên bản mới, các phiên bản cũ vẫn được giữ.",
          "The criteria file (YAML) is loaded, linted and its examples run before it is accepted; a file with "
            + "the name of a stored set becomes its new version, and earlier versions are kept."))
      html.element("form", ["method": "post", "action": "/admin/criteria", "enctype": "multipart/form-data"]) {
        html in
        Layout.csrfField(context, into: &html)
        html.element("label", ["for": "file"], text: language.t("Tệp tiêu chí (.yaml)", "Criteria file (.yaml)"))
        html.void("input", ["type": "file", "id": "file", "name": "file", "required": "", "accept": ".yaml,.yml"])
        html.element("p") { html in
          html.element("button", ["type": "submit"], text: language.t("Kiểm tra và thêm", "Check and add"))
        }
      }
    }
  }

  private func report(_ findings: CriteriaFindings, language: UILanguage, into html: inout HTML) {
    if findings.accepted {
      html.element("p", ["class": "ok", "role": "status", "data-accepted": findings.name]) { html in
        html.text(language.t("Đã thêm ", "Added "))
        html.element("a", ["href": "/criteria/\(findings.name)"], text: findings.name)
        html.text(
          language.t(
            " (\(findings.examples.run) ví dụ đều đúng).", " (all \(findings.examples.run) examples pass)."))
      }
    } else {
      html.element(
        "p", ["class": "error", "role": "alert", "data-refused": findings.name],
        text: language.t(
          "Chưa nhận \(findings.name): hãy sửa các lỗi dưới đây rồi tải lên lại.",
          "\(findings.name) was not accepted: correct the errors below and upload it again."))
    }
    if findings.examples.failed > 0 {
      html.element(
        "p", ["class": "error"],
        text: language.t(
          "\(findings.examples.failed)/\(findings.examples.run) ví dụ không cho kết quả như tệp ghi.",
          "\(findings.examples.failed) of \(findings.examples.run) examples do not give what the file expects."))
    }
    guard !findings.problems.isEmpty else { return }
    html.element("table", ["class": "findings"]) { html in
      html.element("tr") { html in
        html.element("th", text: language.t("Dòng:cột", "Line:column"))
        html.element("th", text: language.t("Mức", "Severity"))
        html.element("th", text: language.t("Nội dung", "Message"))
      }
      for problem in findings.problems.prefix(200) {
        html.element("tr", ["class": problem.severity == .error ? "error" : nil]) { html in
          html.element("td") { html in
            html.element("code", text: problem.location.map { "\($0.line):\($0.column)" } ?? "")
          }
          html.element(
            "td",
            text: problem.severity == .error ? language.t("lỗi", "error") : language.t("cảnh báo", "warning"))
          html.element("td", text: problem.message[language.library])
        }
      }
    }
  }

  /// Loads, lints and runs the examples of an uploaded criteria file; stores it only when it loads, has no
  /// error and every example gives what it expects. Warnings are shown and do not refuse it.
  private func addCriteria(context: WebRequestContext) throws -> Response {
    let login = try requireAdmin(context)
    guard let upload = context.files.first(where: { $0.field == "file" }) else {
      return criteriaUploadPage(context: context, findings: nil, status: .badRequest)
    }
    let name = Self.displayName(upload.filename)
    guard name.hasSuffix(".yaml") || name.hasSuffix(".yml"), !name.hasPrefix(".") else {
      let problem = Diagnostic.invalidCriteriaFileName(name)
      return criteriaUploadPage(
        context: context,
        findings: CriteriaFindings(name: name, accepted: false, problems: [problem], examples: (0, 0)),
        status: .unprocessableContent)
    }
    let (set, loading) = library.load(name: name, bytes: upload.bytes)
    var findings = CriteriaFindings(name: name, accepted: false, problems: loading, examples: (0, 0))
    if let set {
      findings.problems += CriteriaLinter.lint([set])
      let outcomes = ExampleRunner.run(set, asOf: today())
      findings.examples = (outcomes.count, outcomes.filter { !$0.passed }.count)
      findings.problems += outcomes.flatMap(\.failures)
    }
    findings.problems.sort {
      ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0)
    }
    findings.accepted =
      set != nil && findings.examples.failed == 0 && !findings.problems.contains { $0.severity == .error }
    guard findings.accepted else {
      return criteriaUploadPage(context: context, findings: findings, status: .unprocessableContent)
    }
    let file = try library.add(name: name, bytes: upload.bytes, now: Date())
    logger.notice(
      "criteria set added",
      metadata: ["by": "\(login.user.name)", "name": "\(name)", "hash": "\(file.hash.prefix(12))"])
    return criteriaUploadPage(context: context, findings: findings)
  }
}

extension Diagnostic {
  /// A criteria file whose name does not end in .yaml or .yml (the library reads criteria as YAML).
  fileprivate static func invalidCriteriaFileName(_ name: String) -> Diagnostic {
    Diagnostic(
      "web.criteria-file-name", .error, at: nil,
      LocalizedText(
        vi: "Tệp tiêu chí phải là tệp YAML (.yaml hoặc .yml): \(name)",
        en: "A criteria file must be a YAML file (.yaml or .yml): \(name)"))
  }
}
