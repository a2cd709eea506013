import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TieuChi
import TieuChiWeb

@Suite("Uploads: limits, bad files, comparison, language")
struct UploadTests {
  @Test("More files than allowed are refused with a message, and nothing is stored")
  func tooManyFiles() async throws {
    let directory = temporaryDataDirectory()
    let app = try makeApp(directory: directory) { $0.maxFilesPerUpload = 2 }
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.signIn("tanyen", "tan-yen-password")
      _ = try await browser.get("/rounds/new")
      let response = try await browser.postMultipart(
        "/rounds", [("criteria", "ct25-2030.yaml")], files: try tanYenFiles())
      #expect(response.status == .badRequest)
      let html = String(buffer: response.body)
      #expect(html.contains("Nhiều nhất 2 tệp"))
    }
    #expect(try SQLiteStorage(directory: directory).rounds().isEmpty)
  }

  @Test("A request over the size limit is refused with 413")
  func tooLarge() async throws {
    let app = try makeApp(directory: temporaryDataDirectory()) { $0.maxRequestBytes = 4096 }
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.signIn("tanyen", "tan-yen-password")
      _ = try await browser.get("/rounds/new")
      let big = [UInt8](repeating: UInt8(ascii: "a"), count: 10_000)
      let response = try await browser.postMultipart(
        "/rounds", [("criteria", "ct25-2030.yaml")], files: [("files", "big.csv", big)])
      #expect(response.status == .contentTooLarge)
    }
  }

  @Test("A workbook that is not one is kept, under a generated name, and said plainly; a real one is evaluated")
  func workbooks() async throws {
    let directory = temporaryDataDirectory()
    let app = try makeApp(directory: directory)
    let sample = try [UInt8](
      Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Samples/tan-yen-2024-xlsx/tan-yen-2024.xlsx")))
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.signIn("tanyen", "tan-yen-password")
      _ = try await browser.get("/rounds/new")
      let upload = try await browser.postMultipart(
        "/rounds", [("criteria", "ct25-2030.yaml")],
        files: [("files", "../../etc/passwd.xlsx", Array("PK\u{3}\u{4}".utf8))])
      let location = try #require(upload.headers[.location])
      let page = try await browser.get(location)
      #expect(page.status == .ok)
      let html = String(buffer: page.body)
      #expect(html.contains("passwd.xlsx"))
      let id = try #require(Int64(location.split(separator: "/").last ?? ""))
      let storage = try SQLiteStorage(directory: directory)
      #expect(try storage.files(ofRound: id).map(\.name) == ["passwd.xlsx"])

      _ = try await browser.get("/rounds/new")
      let real = try await browser.postMultipart(
        "/rounds", [("criteria", "ct25-2030.yaml")], files: [("files", "tan-yen-2024.xlsx", sample)])
      let realPage = try await browser.get(try #require(real.headers[.location]))
      let realHTML = String(buffer: realPage.body)
      #expect(realHTML.contains("Xã Quế Nham"), "the workbook's communes are in the report")
    }
  }

  @Test("Problems in an uploaded file are listed at their file and line; the rest is evaluated")
  func dataProblems() async throws {
    let app = try makeApp(directory: temporaryDataDirectory())
    let csv = Array(
      """
      code;name;district;province;year;population;insured
      07303;Xã Lan Giới;Huyện Tân Yên;Tỉnh Bắc Giang;2024;-4150;4139
      07306;Thị trấn Nhã Nam;Huyện Tân Yên;Tỉnh Bắc Giang;2024;8562;8551

      """.utf8)
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.signIn("tanyen", "tan-yen-password")
      _ = try await browser.get("/rounds/new")
      let upload = try await browser.postMultipart(
        "/rounds", [("criteria", "ct25-2030.yaml")], files: [("files", "stations.csv", csv)])
      let page = try await browser.get(try #require(upload.headers[.location]))
      let html = String(buffer: page.body)
      #expect(html.contains("<code>stations.csv:2:"))
      #expect(html.contains("data-communes=\"2\""))
    }
  }

  @Test("A round compared with an earlier one shows the comparison of the library")
  func comparison() async throws {
    let app = try makeApp(directory: temporaryDataDirectory())
    let data = try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Samples/tan-yen-2025/stations.yaml"))
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.signIn("tanyen", "tan-yen-password")
      _ = try await browser.get("/rounds/new")
      let first = try await browser.postMultipart(
        "/rounds", [("criteria", "ct25-2030.yaml")], files: try tanYenFiles())
      let firstID = String(try #require(first.headers[.location]).split(separator: "/").last ?? "")
      _ = try await browser.get("/rounds/new")
      let second = try await browser.postMultipart(
        "/rounds", [("criteria", "ct25-2030.yaml"), ("baseline", firstID)],
        files: [("files", "stations.yaml", [UInt8](data))])
      let page = try await browser.get(try #require(second.headers[.location]))
      let html = String(buffer: page.body)
      #expect(html.contains("So với kỳ trước"))
      #expect(html.contains("/rounds/\(firstID)"))
    }
  }

  @Test("?lang=en switches the interface and the report to English, and a cookie remembers it")
  func english() async throws {
    let app = try makeApp(directory: temporaryDataDirectory())
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      let login = String(buffer: try await browser.get("/login?lang=en").body)
      #expect(login.contains("Sign in"))
      #expect(browser.cookies["tc_lang"] == "en")
      _ = try await browser.signIn("tanyen", "tan-yen-password")
      let home = String(buffer: try await browser.get("/").body)
      #expect(home.contains("Evaluation rounds"))
    }
  }
}

@Suite("Escaping of what users upload")
struct UploadEscapingTests {
  @Test("A file name and a commune name with markup are shown as text")
  func markupInData() async throws {
    let app = try makeApp(directory: temporaryDataDirectory())
    let csv = Array(
      """
      code;name;district;province;year;population;insured
      07303;<script>alert(1)</script>;Huyện Tân Yên;Tỉnh Bắc Giang;2024;4150;4139

      """.utf8)
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.signIn("tanyen", "tan-yen-password")
      _ = try await browser.get("/rounds/new")
      let upload = try await browser.postMultipart(
        "/rounds", [("criteria", "ct25-2030.yaml")], files: [("files", "<img src=x>.csv", csv)])
      let page = try await browser.get(try #require(upload.headers[.location]))
      let html = String(buffer: page.body)
      let raw = html.contains("<script") || html.contains("<img")
      #expect(!raw)
      #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
      #expect(html.contains("&lt;img src=x&gt;.csv"))
    }
  }
}

@Suite("Requests from visitors not signed in")
struct AnonymousTests {
  @Test("An upload without a session is refused before its body is held: 413 over 16 KiB")
  func anonymousUpload() async throws {
    let app = try makeApp(directory: temporaryDataDirectory())
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.get("/login")
      let big = [UInt8](repeating: UInt8(ascii: "a"), count: 100_000)
      let response = try await browser.postMultipart("/rounds", [], files: [("files", "a.csv", big)])
      #expect(response.status == .contentTooLarge)
      let small = try await browser.postMultipart("/rounds", [], files: [("files", "a.csv", Array("x".utf8))])
      #expect(small.status == .seeOther)
      #expect(small.headers[.location] == "/login")
    }
  }
}
