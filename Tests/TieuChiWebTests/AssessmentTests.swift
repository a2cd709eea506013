import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TieuChi
import TieuChiWeb

@Suite("Self-assessment form")
struct AssessmentTests {
  /// The station of `Samples/self-assessment`, as the form's fields.
  static let caoThuong: [(String, String)] = {
    var fields: [(String, String)] = [
      ("criteria", "ct25-2030.yaml"), ("a.code", "07339"), ("a.name", "Thị trấn Cao Thượng"), ("a.type", "thị trấn"),
      ("a.district", "Huyện Tân Yên"), ("a.province", "Tỉnh Bắc Giang"), ("a.year", "2025"),
      ("f.population", "14182"), ("f.insured", "14075"), ("f.phc_users", "6215"), ("f.phc_users_insured", "6031"),
      ("f.health_managed", "13702"), ("f.ehealth_book", "11596"), ("f.telemedicine_users", "6480"),
    ]
    let staff = [
      ("Chu Ngọc Hạnh", "doctor", "yes"), ("Hà Quang Khánh", "assistant_doctor", "yes"),
      ("Nguyễn Thanh Chi", "nurse", "yes"), ("Nguyễn Thị Tâm", "midwife", "yes"),
      ("Nguyễn Bích Nhung", "pharmacist", "yes"), ("Vi Thị Hạnh", "nurse", "yes"),
      ("Nguyễn Đức Hùng", "assistant_doctor", "yes"), ("Lê Phương Hoa", "nurse", "no"),
    ]
    for (row, (name, role, permanent)) in staff.enumerated() {
      fields += [("l.staff.\(row).name", name), ("l.staff.\(row).role", role), ("l.staff.\(row).permanent", permanent)]
    }
    let hamlets = [
      "Hòa Bình", "Ngọc Sơn", "Đình Cả", "Nam Sơn", "Phố Hoa", "Trại Mới", "Trung Tâm", "Đoàn Kết", "Tân Sơn",
      "Cầu Đất", "Bắc Hoa", "Tiền Phong", "Đông Hoa", "Hấu", "Trường Sơn", "Đồng Lạc",
    ]
    for (row, name) in hamlets.enumerated() {
      fields += [
        ("l.hamlets.\(row).name", "Tổ dân phố \(name)"),
        ("l.hamlets.\(row).trained_health_workers", name == "Tân Sơn" ? "2" : "1"),
      ]
    }
    return fields
  }()

  @Test("The form is generated from the set's inputs: labels, enum labels, yes/no, list rows")
  func form() async throws {
    let app = try makeApp(directory: temporaryDataDirectory())
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.signIn("tanyen", "tan-yen-password")
      let page = try await browser.get("/assess?criteria=ct25-2030.yaml")
      #expect(page.status == .ok)
      let html = String(buffer: page.body)
      #expect(html.contains(#"name="f.population""#))
      #expect(html.contains(#"name="l.staff.7.role""#))
      #expect(html.contains(#"<option value="assistant_doctor">Y sĩ</option>"#))
      #expect(html.contains(#"name="l.staff.0.permanent""#))
      #expect(!html.contains("<script"))
    }
  }

  @Test("A station posted through the form gets the report card the library gives its YAML file")
  func roundTrip() async throws {
    let app = try makeApp(directory: temporaryDataDirectory())
    let (criteria, _) = CriteriaLoader.load(path: packageRoot + "/Criteria/ct25-2030.yaml")
    let data = try Data(
      contentsOf: URL(fileURLWithPath: packageRoot + "/Samples/self-assessment/tram-y-te-cao-thuong.yaml"))
    let direct = Checker(criteria: try #require(criteria), year: 2025, asOf: testDay).run([
      SurveyFile(name: "cao-thuong.yaml", format: .yaml, bytes: [UInt8](data))
    ])
    let expected = try #require(direct.communes.first)
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.signIn("tanyen", "tan-yen-password")
      _ = try await browser.get("/assess?criteria=ct25-2030.yaml")
      let response = try await browser.post("/assess", Self.caoThuong)
      #expect(response.status == .ok)
      let html = String(buffer: response.body)
      let status = html.contains("data-status=\"\(expected.status.rawValue)\"")
      #expect(status, "the station's status is the library's")
      let refused = html.contains(#"class="field-error""#)
      #expect(!refused, "no value is refused")
      // The form below the card keeps every value.
      let kept = html.contains(#"value="Tổ dân phố Đồng Lạc""#)
      #expect(kept)
    }
  }

  @Test("A refused value is shown again as typed, with the library's message at its field")
  func refusedValue() async throws {
    let app = try makeApp(directory: temporaryDataDirectory())
    try await app.application().test(.router) { client in
      var browser = Browser(client)
      _ = try await browser.signIn("tanyen", "tan-yen-password")
      _ = try await browser.get("/assess?criteria=ct25-2030.yaml")
      var fields = Self.caoThuong.filter { $0.0 != "f.insured" && $0.0 != "l.staff.0.role" }
      fields += [("f.insured", "nhiều lắm"), ("l.staff.0.role", "docter")]
      let response = try await browser.post("/assess", fields)
      let html = String(buffer: response.body)
      let kept = html.contains(#"value="nhiều lắm""#)
      #expect(kept)
      for field in ["f.insured", "l.staff.0.role"] {
        let start = try #require(html.range(of: #"name="\#(field)""#))
        let after = html[start.upperBound...]
        let nextField = after.range(of: "name=\"")?.lowerBound ?? after.endIndex
        let atField = after[..<nextField].contains(#"class="field-error""#)
        #expect(atField, "no message at \(field)")
      }
    }
  }
}
