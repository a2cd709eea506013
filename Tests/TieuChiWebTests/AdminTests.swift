import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TieuChi
import TieuChiWeb

@Suite("Administration: accounts, criteria files, survey forms")
struct AdminTests {
  /// An application with an administrator `root` besides the test accounts.
  static func appWithAdmin() throws -> (WebApp, String) {
    let directory = temporaryDataDirectory()
    let app = try makeApp(directory: directory)
    try app.createUser(name: "root", password: "root-password", role: .admin, units: [])
    return (app, directory)
  }

  @Test("An admin lists the accounts and creates a unit account, whose one-time password signs in")
  func createAccount() async throws {
    let (app, _) = try Self.appWithAdmin()
    try await app.application().test(.router) { client in
      var admin = Browser(client)
      _ = try await admin.signIn("root", "root-password")
      let list = String(buffer: try await admin.get("/admin/users").body)
      #expect(list.contains("tanyen"))
      #expect(list.contains("Huyện Mường Tè"))
      let created = try await admin.post(
        "/admin/users", [("name", "syt-bacgiang"), ("role", "unit"), ("units", "Tỉnh Bắc Giang\r\n")])
      #expect(created.status == .ok)
      let html = String(buffer: created.body)
      let password = try #require(
        html.range(of: #"<code class="password">"#).map { String(html[$0.upperBound...].prefix { $0 != "<" }) })
      #expect(password.count == 16)
      var user = Browser(client)
      let signIn = try await user.signIn("syt-bacgiang", password)
      #expect(signIn.status == .seeOther)
      #expect(String(buffer: try await user.get("/").body).contains("Tỉnh Bắc Giang"))
      let duplicate = try await admin.post("/admin/users", [("name", "syt-bacgiang"), ("units", "X")])
      #expect(duplicate.status == .badRequest)
      let noUnit = try await admin.post("/admin/users", [("name", "other"), ("role", "unit"), ("units", "")])
      #expect(noUnit.status == .badRequest)
    }
  }

  @Test("A unit user cannot reach the administration pages")
  func unitRefused() async throws {
    let (app, _) = try Self.appWithAdmin()
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.signIn("tanyen", "tan-yen-password")
      #expect(try await browser.get("/admin/users").status == .forbidden)
      #expect(try await browser.get("/admin/criteria").status == .forbidden)
      let post = try await browser.post("/admin/users", [("name", "x"), ("role", "admin")])
      #expect(post.status == .forbidden)
    }
  }

  @Test("A criteria file with a broken line is refused, with the line and column of the error")
  func criteriaRefused() async throws {
    let (app, _) = try Self.appWithAdmin()
    let broken = Array("id: broken\ntitle: {vi: \"Thử\", en: \"Test\"\nindicators: []\n".utf8)
    try await app.application().test(.router) { client in
      var admin = Browser(client)
      _ = try await admin.signIn("root", "root-password")
      _ = try await admin.get("/admin/criteria")
      let response = try await admin.postMultipart("/admin/criteria", [], files: [("file", "broken.yaml", broken)])
      #expect(response.status == .unprocessableContent)
      let html = String(buffer: response.body)
      #expect(html.contains(#"data-refused="broken.yaml""#))
      #expect(html.range(of: #"<code>\d+:\d+</code>"#, options: .regularExpression) != nil)
      let list = String(buffer: try await admin.get("/criteria").body)
      #expect(!list.contains("broken.yaml"))
    }
  }

  @Test("A criteria file whose example is wrong is refused; the library's file is accepted and listed")
  func criteriaExamples() async throws {
    let (app, _) = try Self.appWithAdmin()
    let original = try String(contentsOfFile: packageRoot + "/Criteria/ct25-2030.yaml", encoding: .utf8)
    try await app.application().test(.router) { client in
      var admin = Browser(client)
      _ = try await admin.signIn("root", "root-password")
      _ = try await admin.get("/admin/criteria")
      let accepted = try await admin.postMultipart(
        "/admin/criteria", [], files: [("file", "ct25-copy.yaml", Array(original.utf8))])
      #expect(accepted.status == .ok)
      #expect(String(buffer: accepted.body).contains(#"data-accepted="ct25-copy.yaml""#))
      #expect(String(buffer: try await admin.get("/criteria").body).contains("ct25-copy.yaml"))
      // The same file with one expected outcome turned around: its example now fails.
      let wrong = try #require(Self.flipFirstExpectation(original))
      _ = try await admin.get("/admin/criteria")
      let refused = try await admin.postMultipart(
        "/admin/criteria", [], files: [("file", "ct25-wrong.yaml", Array(wrong.utf8))])
      #expect(refused.status == .unprocessableContent)
      #expect(String(buffer: refused.body).contains(#"data-refused="ct25-wrong.yaml""#))
    }
  }

  /// The criteria text with the first `: pass` of its examples' expectations turned into `: fail`.
  static func flipFirstExpectation(_ text: String) -> String? {
    guard let examples = text.range(of: "\nexamples:"),
      let first = text.range(of: ": pass", range: examples.upperBound..<text.endIndex)
    else { return nil }
    return text.replacingCharacters(in: first, with: ": fail")
  }

  @Test("The fillable XLSX form of a set downloads as a workbook")
  func template() async throws {
    let (app, _) = try Self.appWithAdmin()
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.signIn("tanyen", "tan-yen-password")
      let response = try await browser.get("/criteria/ct25-2030.yaml/template")
      #expect(response.status == .ok)
      #expect(response.headers[.contentDisposition] == "attachment; filename=\"phieu-so-lieu-ct25-2030.xlsx\"")
      let bytes = [UInt8](buffer: response.body)
      #expect(bytes.starts(with: Array("PK".utf8)))
      #expect(bytes.count > 5000)
    }
  }
}
