import Foundation
import Hummingbird
import Logging
import TieuChi

extension WebApp {
  func addAuthRoutes(to router: Router<WebRequestContext>) {
    router.get("/login") { _, context in
      loginPage(context: context, message: nil)
    }
    router.post("/login") { request, context in
      try await login(request, context: context)
    }
    router.post("/logout") { _, context in
      if let login = context.login { try storage.deleteSession(token: login.session.token) }
      var response = Layout.redirect("/login")
      response.setCookie(WebMiddleware(app: self).cookie(WebMiddleware.sessionCookie, "", maxAge: 0))
      return response
    }
  }

  private func login(_ request: Request, context: WebRequestContext) async throws -> Response {
    let language = context.language
    let name = context.fields["name"]?.trimmingCharacters(in: .whitespaces) ?? ""
    let password = context.fields["password"] ?? ""
    let address = clientAddress(request, context)
    let now = Date()
    guard await throttle.allows(user: name, address: address, now: now) else {
      logger.warning("login refused: too many failures", metadata: ["user": "\(name)", "address": "\(address)"])
      return loginPage(
        context: context,
        message: language.t(
          "Đăng nhập sai quá nhiều lần. Hãy thử lại sau 15 phút.",
          "Too many failed sign-ins. Try again in 15 minutes."),
        status: .tooManyRequests)
    }
    // bcrypt is slow on purpose: off the event loop.
    let user = try await Task.detached { [accounts] in try accounts.verify(name: name, password: password) }.value
    guard let user else {
      await throttle.fail(user: name, address: address, now: now)
      logger.info("login failed", metadata: ["user": "\(name)", "address": "\(address)"])
      return loginPage(
        context: context, message: language.t("Sai tên hoặc mật khẩu.", "Wrong name or password."),
        status: .unauthorized)
    }
    await throttle.succeed(user: name)
    if let old = context.login { try storage.deleteSession(token: old.session.token) }
    let session = try accounts.startSession(for: user, now: now)
    logger.info("login", metadata: ["user": "\(user.name)"])
    var response = Layout.redirect("/")
    response.setCookie(
      WebMiddleware(app: self).cookie(
        WebMiddleware.sessionCookie, session.token, maxAge: Int(configuration.sessionLifetime)))
    return response
  }

  func loginPage(context: WebRequestContext, message: String?, status: HTTPResponse.Status = .ok) -> Response {
    let language = context.language
    return Layout.page(title: language.t("Đăng nhập", "Sign in"), context: context, status: status) { html in
      if let message { html.element("p", ["class": "error", "role": "alert"], text: message) }
      html.element("form", ["method": "post", "action": "/login"]) { html in
        Layout.csrfField(context, into: &html)
        html.element("label", ["for": "name"], text: language.t("Tên đăng nhập", "User name"))
        html.void("input", ["type": "text", "id": "name", "name": "name", "autocomplete": "username", "required": ""])
        html.element("label", ["for": "password"], text: language.t("Mật khẩu", "Password"))
        html.void(
          "input",
          [
            "type": "password", "id": "password", "name": "password", "autocomplete": "current-password",
            "required": "",
          ])
        html.element("p") { html in
          html.element("button", ["type": "submit"], text: language.t("Đăng nhập", "Sign in"))
        }
      }
    }
  }
}
