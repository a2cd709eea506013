import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TieuChi
import TieuChiWeb

@Suite("History of a unit and comparison of two rounds")
struct HistoryTests {
  /// Uploads the CSV sample of 2024, then the YAML of 2025; returns the two round ids.
  static func twoRounds(_ browser: inout Browser) async throws -> (Int64, Int64) {
    let yaml = try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Samples/tan-yen-2025/stations.yaml"))
    _ = try await browser.get("/rounds/new")
    let first = try await browser.postMultipart("/rounds", [("criteria", "ct25-2030.yaml")], files: try tanYenFiles())
    _ = try await browser.get("/rounds/new")
    let second = try await browser.postMultipart(
      "/rounds", [("criteria", "ct25-2030.yaml")], files: [("files", "stations.yaml", [UInt8](yaml))])
    let ids = try [first, second].map { response in
      let location = try #require(response.headers[.location])
      return try #require(Int64(location.split(separator: "/").last ?? ""))
    }
    return (ids[0], ids[1])
  }

  static let unitQuery = "/history?unit=Huy%E1%BB%87n%20T%C3%A2n%20Y%C3%AAn"

  @Test("The history shows the pass rate of every round as an SVG chart, the rounds and a comparison form")
  func history() async throws {
    let app = try makeApp(directory: temporaryDataDirectory())
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.signIn("tanyen", "tan-yen-password")
      let (first, second) = try await Self.twoRounds(&browser)
      let home = String(buffer: try await browser.get("/").body)
      #expect(home.contains(#"href="/history?unit=Huy%E1%BB%87n%20T%C3%A2n%20Y%C3%AAn""#))
      let page = try await browser.get(Self.unitQuery)
      #expect(page.status == .ok)
      let html = String(buffer: page.body)
      #expect(html.contains("<svg"))
      #expect(html.components(separatedBy: "<circle").count - 1 == 2)
      // The six communes of the CSV sample: 3 pass; the rate is written, not only drawn.
      #expect(html.contains("50,0 %"))
      #expect(html.contains(#"<form method="get" action="/compare""#))
      #expect(html.contains(#"<option value="\#(first)" selected>"#))
      #expect(html.contains(#"<option value="\#(second)" selected>"#))
      #expect(!html.contains("<script"))
      // The language switch keeps the unit.
      #expect(html.contains(#"href="?unit=Huy%E1%BB%87n%20T%C3%A2n%20Y%C3%AAn&amp;lang=en""#))
    }
  }

  @Test("The home page lists a unit's 20 newest rounds and links to its history, which lists them all")
  func homePaging() async throws {
    let app = try makeApp(directory: temporaryDataDirectory())
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.signIn("tanyen", "tan-yen-password")
      for _ in 0..<21 {
        _ = try await browser.get("/rounds/new")
        let response = try await browser.postMultipart(
          "/rounds", [("criteria", "ct25-2030.yaml")], files: try tanYenFiles())
        #expect(response.status == .seeOther)
      }
      let home = String(buffer: try await browser.get("/").body)
      // Round links in the table: "#21" down to "#2"; the oldest is left to the history page.
      let listed = (1...21).filter { home.contains(#"<a href="/rounds/\#($0)">"#) }
      #expect(listed == Array(2...21))
      #expect(home.contains("1 đợt cũ hơn: "))
      let history = String(buffer: try await browser.get(Self.unitQuery).body)
      #expect((1...21).allSatisfy { history.contains(#"<a href="/rounds/\#($0)">"#) })
    }
  }

  @Test("Two rounds compared give the library's comparison, whichever order they are chosen in")
  func compare() async throws {
    let app = try makeApp(directory: temporaryDataDirectory())
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.signIn("tanyen", "tan-yen-password")
      let (first, second) = try await Self.twoRounds(&browser)
      for (from, to) in [(first, second), (second, first)] {
        let page = try await browser.get("/compare?from=\(from)&to=\(to)")
        #expect(page.status == .ok)
        let html = String(buffer: page.body)
        #expect(html.contains("So với kỳ trước"))
        #expect(html.contains("So sánh đợt #\(second) với đợt #\(first)"))
        #expect(html.contains("data-compared=\""))
      }
      let same = try await browser.get("/compare?from=\(first)&to=\(first)")
      #expect(same.status == .badRequest)
    }
  }

  @Test("Another district sees neither the history nor the comparison of Tân Yên")
  func access() async throws {
    let directory = temporaryDataDirectory()
    let app = try makeApp(directory: directory)
    try await app.application().test(.router) { client in
      var tanYen = Browser(client)
      _ = try await tanYen.signIn("tanyen", "tan-yen-password")
      let (first, second) = try await Self.twoRounds(&tanYen)
      var muongTe = Browser(client)
      _ = try await muongTe.signIn("muongte", "muong-te-password")
      let history = try await muongTe.get(Self.unitQuery)
      #expect(history.status == .notFound)
      let compare = try await muongTe.get("/compare?from=\(first)&to=\(second)")
      #expect(compare.status == .notFound)
    }
  }
}

@Suite("HEAD requests and the evaluation time limit")
struct RequestLimitTests {
  @Test("HEAD answers like GET, without a body")
  func head() async throws {
    let app = try makeApp(directory: temporaryDataDirectory())
    try await app.application().test(.router) { client in
      let health = try await client.executeRequest(uri: "/health", method: .head, headers: [:], body: nil)
      #expect(health.status == .ok)
      #expect(health.body.readableBytes == 0)
      let login = try await client.executeRequest(uri: "/login", method: .head, headers: [:], body: nil)
      #expect(login.status == .ok)
      #expect(login.headers[.contentType] == "text/html; charset=utf-8")
      #expect(login.body.readableBytes == 0)
    }
  }

  @Test("An evaluation over the time limit is not waited for: the upload is kept, failed, with the reason")
  func timeLimit() async throws {
    let directory = temporaryDataDirectory()
    let app = try makeApp(directory: directory) { $0.evaluationTimeLimit = 0 }
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.signIn("tanyen", "tan-yen-password")
      _ = try await browser.get("/rounds/new")
      let upload = try await browser.postMultipart(
        "/rounds", [("criteria", "ct25-2030.yaml")], files: try tanYenFiles())
      let location = try #require(upload.headers[.location])
      // The evaluation ran on in the background: its page shows the result once it is there, else says why.
      let page = try await browser.get(location)
      let body = String(buffer: page.body)
      #expect(page.status == .ok || (page.status == .serviceUnavailable && body.contains("lâu quá 0 giây")))
    }
    let rounds = try SQLiteStorage(directory: directory).rounds()
    #expect(rounds.count == 1)
    #expect(rounds.first?.state == .failed)
    #expect(rounds.first?.failure?.contains("lâu quá 0 giây") == true)
    #expect(try SQLiteStorage(directory: directory).files(ofRound: rounds[0].id).count == 3)
  }
}
