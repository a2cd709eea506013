import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TieuChi
import TieuChiWeb

@Suite("Web application")
struct WebAppTests {
  @Test("GET /health answers ok without signing in")
  func health() async throws {
    let app = try makeApp(directory: temporaryDataDirectory())
    try await app.application().test(.router) { client in
      let response = try await client.executeRequest(uri: "/health", method: .get, headers: [:], body: nil)
      #expect(response.status == .ok)
      #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
    }
  }

  @Test("Pages need a sign-in; the sign-in page carries the security headers")
  func signInRequired() async throws {
    let app = try makeApp(directory: temporaryDataDirectory())
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      let home = try await browser.get("/")
      #expect(home.status == .seeOther)
      #expect(home.headers[.location] == "/login")
      let login = try await browser.get("/login")
      #expect(login.status == .ok)
      let csp = login.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
      #expect(csp.contains("default-src 'none'"))
      #expect(csp.contains("form-action 'self'"))
      // The first answer set the pre-login CSRF cookie.
      let setCookie = home.headers[values: .setCookie].joined(separator: "\n")
      #expect(setCookie.contains("HttpOnly"))
      #expect(setCookie.contains("SameSite=Strict"))
    }
  }

  @Test("Sign-in succeeds with the right password and fails with a wrong one")
  func signIn() async throws {
    let app = try makeApp(directory: temporaryDataDirectory())
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      let wrong = try await browser.signIn("tanyen", "not-the-password")
      #expect(wrong.status == .unauthorized)
      #expect(browser.cookies["tc_session"] == nil)
      let right = try await browser.signIn("tanyen", "tan-yen-password")
      #expect(right.status == .seeOther)
      #expect(browser.cookies["tc_session"] != nil)
      let home = try await browser.get("/")
      #expect(home.status == .ok)
      #expect(String(buffer: home.body).contains("Huyện Tân Yên"))
      let out = try await browser.post("/logout", [])
      #expect(out.status == .seeOther)
      let status1 = try await browser.get("/").status
      #expect(status1 == .seeOther)
    }
  }

  @Test("Failed sign-ins are limited per user, even with the right password afterwards")
  func rateLimit() async throws {
    let app = try makeApp(directory: temporaryDataDirectory()) { $0.maxLoginFailures = 3 }
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      for _ in 0..<3 {
        let status = try await browser.signIn("tanyen", "wrong").status
        #expect(status == .unauthorized)
      }
      let status2 = try await browser.signIn("tanyen", "tan-yen-password").status
      #expect(status2 == .tooManyRequests)
      #expect(browser.cookies["tc_session"] == nil)
      // Per address too: another name from the same address is refused.
      let status3 = try await browser.signIn("muongte", "muong-te-password").status
      #expect(status3 == .tooManyRequests)
    }
  }

  @Test("A POST without the right CSRF token is refused")
  func csrf() async throws {
    let app = try makeApp(directory: temporaryDataDirectory())
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.get("/login")
      let forged = try await browser.post(
        "/login", [("name", "tanyen"), ("password", "tan-yen-password")], csrf: "forged")
      #expect(forged.status == .forbidden)
      #expect(browser.cookies["tc_session"] == nil)
      let status4 = try await browser.signIn("tanyen", "tan-yen-password").status
      #expect(status4 == .seeOther)
      let logout = try await browser.post("/logout", [], csrf: "")
      #expect(logout.status == .forbidden)
      let status5 = try await browser.get("/").status
      #expect(status5 == .ok)
    }
  }

  @Test("Uploading the Tân Yên CSV sample shows its communes with the pass count of the library")
  func uploadRound() async throws {
    let app = try makeApp(directory: temporaryDataDirectory())
    let expected = try checkTanYenDirectly()
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.signIn("tanyen", "tan-yen-password")
      _ = try await browser.get("/rounds/new")
      let upload = try await browser.postMultipart(
        "/rounds", [("criteria", "ct25-2030.yaml"), ("year", ""), ("group_by", ""), ("baseline", "")],
        files: try tanYenFiles())
      #expect(upload.status == .seeOther)
      let location = try #require(upload.headers[.location])
      let page = try await browser.get(location)
      #expect(page.status == .ok)
      let html = String(buffer: page.body)
      #expect(html.contains("data-pass=\"\(expected.pass)\""))
      #expect(html.contains("data-communes=\"\(expected.communes.count)\""))
      for name in expected.communes { #expect(html.contains(name)) }
      #expect(!html.contains("<script"))
      let home = String(buffer: try await browser.get("/").body)
      #expect(home.contains(location))
    }
  }

  @Test("Every download has its content type and starts with the right bytes")
  func downloads() async throws {
    let app = try makeApp(directory: temporaryDataDirectory())
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.signIn("tanyen", "tan-yen-password")
      _ = try await browser.get("/rounds/new")
      let upload = try await browser.postMultipart(
        "/rounds", [("criteria", "ct25-2030.yaml")], files: try tanYenFiles())
      let location = try #require(upload.headers[.location])
      let cases: [(String, String, [UInt8])] = [
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Array("PK".utf8)),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Array("PK".utf8)),
        ("json", "application/json", Array("{".utf8)),
        ("csv", "text/csv; charset=utf-8", [0xEF, 0xBB, 0xBF]),
        ("html", "text/html; charset=utf-8", Array("<!DOCTYPE html>".utf8)),
      ]
      for (format, type, start) in cases {
        let response = try await browser.get(location + "/download/" + format)
        #expect(response.status == .ok, "\(format)")
        #expect(response.headers[.contentType] == type, "\(format)")
        #expect(Array(response.body.readableBytesView.prefix(start.count)) == start, "\(format)")
        #expect(response.headers[.contentDisposition]?.hasPrefix("attachment") == true, "\(format)")
      }
    }
  }

  @Test("A district user cannot open another district's round by guessing its id")
  func otherDistrict() async throws {
    let app = try makeApp(directory: temporaryDataDirectory())
    try await app.application().test(.router) { client in
      var tanYen = Browser(client)
      _ = try await tanYen.signIn("tanyen", "tan-yen-password")
      _ = try await tanYen.get("/rounds/new")
      let upload = try await tanYen.postMultipart(
        "/rounds", [("criteria", "ct25-2030.yaml")], files: try tanYenFiles())
      let location = try #require(upload.headers[.location])
      var muongTe = Browser(client)
      _ = try await muongTe.signIn("muongte", "muong-te-password")
      let status6 = try await muongTe.get(location).status
      #expect(status6 == .notFound)
      let status7 = try await muongTe.get(location + "/download/json").status
      #expect(status7 == .notFound)
      let status8 = try await muongTe.get("/rounds/999999").status
      #expect(status8 == .notFound)
      let home9 = String(buffer: try await muongTe.get("/").body)
      #expect(!home9.contains(location))
      let status10 = try await tanYen.get(location).status
      #expect(status10 == .ok)
    }
  }

  @Test("Storage survives a restart: the same data folder opened twice")
  func restart() async throws {
    let directory = temporaryDataDirectory()
    let first = try makeApp(directory: directory)
    let location: String = try await first.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.signIn("tanyen", "tan-yen-password")
      _ = try await browser.get("/rounds/new")
      let upload = try await browser.postMultipart(
        "/rounds", [("criteria", "ct25-2030.yaml")], files: try tanYenFiles())
      return try #require(upload.headers[.location])
    }
    let second = try makeApp(directory: directory)
    try await second.application().test(.router) { client in
      var browser = Browser(client)
      let status11 = try await browser.signIn("tanyen", "tan-yen-password").status
      #expect(status11 == .seeOther)
      let page = try await browser.get(location)
      #expect(page.status == .ok)
      #expect(String(buffer: page.body).contains("data-pass="))
    }
    #expect(try SQLiteStorage(directory: directory).users().map(\.name).sorted() == ["admin", "muongte", "tanyen"])
  }

  @Test("Migrations run on an empty database")
  func migrations() throws {
    let storage = try SQLiteStorage(directory: temporaryDataDirectory())
    #expect(try storage.appliedMigrations() == ["v1"])
    #expect(try storage.userCount() == 0)
    #expect(try storage.rounds().isEmpty)
  }

  @Test("The first start creates the admin account")
  func firstAdmin() throws {
    let directory = temporaryDataDirectory()
    _ = try makeApp(directory: directory)
    let admin = try #require(try SQLiteStorage(directory: directory).user(named: "admin"))
    #expect(admin.role == .admin)
    #expect(admin.passwordHash.hasPrefix("$2"))
  }

  @Test("The criteria library lists the sets and shows an indicator's definition")
  func criteriaLibrary() async throws {
    let app = try makeApp(directory: temporaryDataDirectory())
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.signIn("tanyen", "tan-yen-password")
      let list = String(buffer: try await browser.get("/criteria").body)
      #expect(list.contains("ct25-2030.yaml"))
      let page = try await browser.get("/criteria/ct25-2030.yaml")
      #expect(page.status == .ok)
      #expect(String(buffer: page.body).contains("bhyt-coverage"))
      let status12 = try await browser.get("/criteria/nothing.yaml").status
      #expect(status12 == .notFound)
    }
  }

  /// The communes and pass count of the CSV sample, by the library directly.
  private func checkTanYenDirectly() throws -> (pass: Int, communes: [String]) {
    let (criteria, _) = CriteriaLoader.load(path: packageRoot + "/Criteria/ct25-2030.yaml")
    let files = try tanYenFiles().map { SurveyFile(name: $0.name, format: .csv, bytes: $0.bytes) }
    let result = Checker(criteria: try #require(criteria), asOf: testDay).run(files)
    return (result.summary.communes[.pass] ?? 0, result.communes.compactMap(\.record.name))
  }
}
