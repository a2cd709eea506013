import Foundation
import Hummingbird
import TieuChi

/// The frame of every page: the head with the style sheet, the navigation, the language switch, then the
/// content; and the responses built from pages.
enum Layout {
  /// A whole page.
  static func page(
    title: String, context: WebRequestContext, status: HTTPResponse.Status = .ok, _ content: (inout HTML) -> Void
  ) -> Response {
    let language = context.language
    var html = HTML()
    html.trusted("<!DOCTYPE html>\n")
    html.open("html", ["lang": language.rawValue])
    html.open("head")
    html.void("meta", ["charset": "utf-8"])
    html.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
    html.element("title", text: title + " — tieuchi")
    html.open("style")
    html.trusted(style)
    html.close("style")
    html.close("head")
    html.open("body")
    navigation(context: context, into: &html)
    html.open("main")
    html.element("h1", text: title)
    content(&html)
    html.close("main")
    html.close("body")
    html.close("html")
    return response(html.bytes, status: status)
  }

  /// The top bar: links for a signed-in user, the sign-out form, the language switch.
  static func navigation(context: WebRequestContext, into html: inout HTML) {
    let language = context.language
    html.open("nav", ["class": "top"])
    html.element("a", ["href": "/", "class": "brand"], text: "tieuchi")
    if let login = context.login {
      html.element("a", ["href": "/"], text: language.t("Các đợt", "Rounds"))
      html.element("a", ["href": "/rounds/new"], text: language.t("Tải lên một đợt", "Upload a round"))
      html.element("a", ["href": "/assess"], text: language.t("Tự đánh giá", "Self-assessment"))
      html.element("a", ["href": "/criteria"], text: language.t("Bộ tiêu chí", "Criteria sets"))
      if login.user.role == .admin {
        html.element("a", ["href": "/admin/users"], text: language.t("Tài khoản", "Accounts"))
      }
      html.element("span", ["class": "user"], text: login.user.name)
      html.element("form", ["method": "post", "action": "/logout", "class": "inline"]) { html in
        csrfField(context, into: &html)
        html.element("button", ["type": "submit"], text: language.t("Đăng xuất", "Sign out"))
      }
    }
    let other: UILanguage = language == .vi ? .en : .vi
    // The same page in the other language: the other query parameters (the round, the unit) are kept.
    let kept = (context.query ?? "").split(separator: "&").filter { !$0.hasPrefix("lang=") && !$0.isEmpty }
    let query = (kept + ["lang=\(other.rawValue)"]).joined(separator: "&")
    html.element("a", ["href": "?" + query, "class": "lang"], text: other == .en ? "English" : "Tiếng Việt")
    html.close("nav")
  }

  /// The hidden CSRF field every form carries.
  static func csrfField(_ context: WebRequestContext, into html: inout HTML) {
    html.void("input", ["type": "hidden", "name": "csrf", "value": context.csrfToken ?? ""])
  }

  /// An HTML response with the application's security headers.
  static func response(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "text/html; charset=utf-8"
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
  }

  /// A redirect after a POST (303, so the browser follows with GET).
  static func redirect(_ location: String) -> Response {
    var headers = HTTPFields()
    headers[.location] = location
    return Response(status: .seeOther, headers: headers)
  }

  /// A short page that says what went wrong.
  static func error(_ status: HTTPResponse.Status, _ message: String, context: WebRequestContext) -> Response {
    page(title: "\(status.code) \(status.reasonPhrase)", context: context, status: status) { html in
      html.element("p", ["class": "error"], text: message)
      html.element("p") { html in
        html.element("a", ["href": "/"], text: context.language.t("Về trang chính", "Back to the home page"))
      }
    }
  }

  /// The day of `date` (UTC+7), for chart labels.
  static func day(_ date: Date) -> String {
    String(self.date(date).prefix(10))
  }

  /// `text` as one value of a URL query (everything but unreserved characters percent-encoded).
  static func queryValue(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
  }

  /// A date as the interface shows it (UTC+7, Vietnam time).
  static func date(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
    formatter.dateFormat = "dd/MM/yyyy HH:mm"
    return formatter.string(from: date)
  }

  private static let style: StaticString = """
    body{font-family:"Times New Roman","Liberation Serif",serif;margin:0;color:#1a1a1a;background:#fafafa}
    nav.top{display:flex;gap:1em;align-items:center;padding:.6em 1em;background:#0b4f6c;color:#fff;flex-wrap:wrap}
    nav.top a{color:#fff}nav.top .brand{font-weight:bold}nav.top .user{margin-left:auto}
    nav.top button{font:inherit}form.inline{display:inline}
    main{max-width:1100px;margin:0 auto;padding:1em}
    .drop{border:2px dashed #0b4f6c;border-radius:6px;padding:.8em 1em;margin:.8em 0;background:#fff}
    .drop.over{background:#e3f1f7;border-style:solid}.drop .hint{margin:.2em 0 .5em;color:#444}
    .drop ul{margin:.4em 0 0;padding-left:1.2em}
    table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:.25em .5em;text-align:left}
    th{background:#e8eef2}.num{text-align:right}
    .error{color:#a00000;font-weight:bold}.field-error{color:#a00000;display:block}
    .ok{color:#0a6a0a}.muted{color:#666}
    label{display:block;margin:.4em 0 .1em}label.inline{display:inline}svg.chart{display:block;margin:.5em 0}input[type=text],input[type=password],select{min-width:18em}
    fieldset{margin:1em 0;border:1px solid #bbb}pre{white-space:pre-wrap;background:#f0f0f0;padding:.5em}
    .toolbar{background:#eef4f7;border-bottom:1px solid #9bb;padding:.6em 1em;font-family:sans-serif}
    """
}

extension WebRequestContext {
  /// The CSRF token forms carry: the session's when signed in, else the pre-login cookie's.
  var csrfToken: String? { login?.session.csrfToken ?? anonymousCSRF }
}
