import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// What every request goes through: the interface language, the session, the body of a POST (collected
/// within the size limit and parsed once), the CSRF check, and the security headers of every answer.
struct WebMiddleware: RouterMiddleware {
  typealias Context = WebRequestContext
  let app: WebApp

  static let sessionCookie = "tc_session"
  static let csrfCookie = "tc_csrf"
  static let languageCookie = "tc_lang"
  /// The largest body accepted from a visitor not signed in (the sign-in form).
  static let anonymousBodyLimit = 16 * 1024

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var request = request
    var context = context
    context.maxBody = app.configuration.maxRequestBytes
    context.query = request.uri.query
    var cookies: [Cookie] = []
    if let asked = request.uri.queryParameters["lang"].flatMap({ UILanguage(rawValue: String($0)) }) {
      context.language = asked
      cookies.append(cookie(Self.languageCookie, asked.rawValue, maxAge: 365 * 86400))
    } else if let saved = request.cookies[Self.languageCookie].flatMap({ UILanguage(rawValue: $0.value) }) {
      context.language = saved
    }
    if let token = request.cookies[Self.sessionCookie]?.value {
      context.login = try app.accounts.login(token: token, now: Date())
    }
    if context.login == nil {
      if let token = request.cookies[Self.csrfCookie]?.value, token.utf8.count == 64 {
        context.anonymousCSRF = token
      } else {
        let token = Accounts.randomToken()
        context.anonymousCSRF = token
        cookies.append(cookie(Self.csrfCookie, token, maxAge: nil))
      }
    }
    var response: Response
    do {
      if request.method == .post {
        if let refusal = try await readForm(&request, context: &context) {
          response = refusal
        } else {
          response = try await next(request, context)
        }
      } else {
        response = try await next(request, context)
      }
    } catch is SignInRequired {
      response = Layout.redirect("/login")
    } catch let error as any HTTPResponseError {
      let message =
        error.status == .contentTooLarge
        ? context.language.t(
          "Yêu cầu quá lớn (tối đa \(app.configuration.maxRequestBytes / 1_000_000) MB).",
          "The request is too large (at most \(app.configuration.maxRequestBytes / 1_000_000) MB).")
        : ((error as? HTTPError)?.body ?? error.status.reasonPhrase)
      response = Layout.error(error.status, message, context: context)
    }
    for cookie in cookies { response.setCookie(cookie) }
    response.headers[Self.csp] =
      "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; "
      + "frame-ancestors 'none'; "
      + "base-uri 'none'"
    response.headers[Self.contentTypeOptions] = "nosniff"
    response.headers[Self.referrerPolicy] = "same-origin"
    if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
    return response
  }

  /// Collects and parses a POST body; a refusal page when it is too large, malformed, or lacks the CSRF token.
  private func readForm(_ request: inout Request, context: inout Context) async throws -> Response? {
    // Only the sign-in form is posted before signing in: a stranger cannot make the server hold 50 MB.
    let limit = context.login == nil ? Self.anonymousBodyLimit : app.configuration.maxRequestBytes
    let buffer = try await request.collectBody(upTo: limit)
    let bytes = [UInt8](buffer: buffer)
    let contentType = request.headers[.contentType] ?? ""
    if let boundary = MultipartBody.boundary(contentType: contentType) {
      guard let body = try? MultipartBody(bytes: bytes, boundary: boundary) else {
        return Layout.error(
          .badRequest, context.language.t("Dữ liệu gửi lên không hợp lệ.", "Malformed form data."), context: context)
      }
      context.fields = body.fields
      context.files = body.files
    } else {
      context.fields = FormFields(urlEncoded: bytes)
    }
    guard let expected = context.csrfToken, let given = context.fields["csrf"], Self.same(given, expected) else {
      return Layout.error(
        .forbidden,
        context.language.t(
          "Biểu mẫu đã hết hạn hoặc không đến từ trang này (CSRF). Hãy tải lại trang và gửi lại.",
          "The form has expired or did not come from this site (CSRF). Reload the page and submit again."),
        context: context)
    }
    return nil
  }

  /// A cookie of the application: HttpOnly, SameSite=Strict, Secure unless configured off.
  func cookie(_ name: String, _ value: String, maxAge: Int?) -> Cookie {
    Cookie(
      name: name, value: value, maxAge: maxAge, path: "/", secure: app.configuration.secureCookies, httpOnly: true,
      sameSite: .strict)
  }

  /// Compares tokens in time independent of where they differ.
  private static func same(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
  }

  private static let csp = HTTPField.Name("Content-Security-Policy")!
  private static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
  private static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
