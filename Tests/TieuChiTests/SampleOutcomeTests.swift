import Testing

/// The designed outcomes of `Samples/` (the table in `Samples/README.md`), checked through the built
/// `tieuchi` end to end.
@Suite("Sample data sets give their designed outcomes")
struct SampleOutcomeTests {
  struct Expected: Sendable, CustomStringConvertible {
    var code: String
    var status: String
    var failing: [String: Int] = [:]
    var unknown: [String] = []
    var items: [String] = []
    var description: String { code }
  }

  static let district: [Expected] = [
    Expected(code: "07303", status: "fail", failing: ["village-health-worker": 1], items: ["Thôn Gò Pháo"]),
    Expected(code: "07306", status: "pass"),
    Expected(code: "07309", status: "pass"),
    Expected(code: "07312", status: "incomplete", unknown: ["ehealth-book"]),
    Expected(code: "07315", status: "fail", failing: ["doctor": 1]),
    Expected(code: "07318", status: "pass"),
    Expected(code: "07321", status: "fail", failing: ["doctor": 1]),
    Expected(code: "07324", status: "pass"),
    Expected(
      code: "07327", status: "fail", failing: ["village-health-worker": 2], items: ["Thôn Trại Ba", "Thôn Nghè"]),
    Expected(code: "07330", status: "fail", failing: ["telemedicine": 478]),
    Expected(code: "07333", status: "fail", failing: ["bhyt-coverage": 1]),
    Expected(code: "07336", status: "pass"),
    Expected(code: "07339", status: "pass"),
    Expected(code: "07342", status: "fail", failing: ["phc-bhyt": 1]),
    Expected(code: "07345", status: "fail", failing: ["bhyt-coverage": 41, "telemedicine": 356]),
    Expected(
      code: "07348", status: "incomplete", unknown: ["bhyt-coverage", "health-managed", "ehealth-book", "telemedicine"]),
    Expected(code: "07351", status: "fail", failing: ["health-managed": 246]),
    Expected(code: "07354", status: "fail", failing: ["bhyt-coverage": 96]),
    Expected(code: "07357", status: "fail", failing: ["telemedicine": 1]),
    Expected(code: "07360", status: "fail", failing: ["ehealth-book": 982]),
    Expected(code: "07363", status: "pass"),
    Expected(code: "07366", status: "fail", failing: ["phc-bhyt": 163], unknown: ["telemedicine"]),
  ]

  /// Runs `check --format json` and returns the communes by code.
  static func communes(_ data: String) throws -> (CLIRun, [String: [String: Any]]) {
    let run = try CLI.runOnce(["check", "--criteria", "Criteria/ct25-2030.yaml", "--format", "json", data])
    let communes = try #require(try run.json()["communes"] as? [[String: Any]])
    return (run, Dictionary(uniqueKeysWithValues: communes.map { ($0["code"] as? String ?? "", $0) }))
  }

  static func check(_ commune: [String: Any]?, against expected: Expected) throws {
    let commune = try #require(commune, "commune \(expected.code) missing from the output")
    #expect(commune["status"] as? String == expected.status, "\(expected.code)")
    let indicators = try #require(commune["indicators"] as? [[String: Any]])
    for indicator in indicators {
      let id = try #require(indicator["id"] as? String)
      let status = indicator["status"] as? String
      if let amount = expected.failing[id] {
        #expect(status == "fail", "\(expected.code) \(id)")
        let gap = try #require(indicator["gap"] as? [String: Any], "\(expected.code) \(id) has no gap")
        #expect(gap["amount"] as? Int == amount, "\(expected.code) \(id) gap")
        if id == "village-health-worker" { #expect(gap["items"] as? [String] == expected.items) }
      } else if expected.unknown.contains(id) {
        #expect(status == "unknown", "\(expected.code) \(id)")
        #expect(!(indicator["reasons"] as? [Any] ?? []).isEmpty, "\(expected.code) \(id) says why")
      } else {
        #expect(status == "pass", "\(expected.code) \(id)")
      }
    }
  }

  @Test("Every commune of the Tân Yên district sample", arguments: district)
  func districtSample(expected: Expected) throws {
    let (run, communes) = try Self.communes("Samples/tan-yen-2024")
    #expect(run.status == 1)
    #expect(communes.count == 22)
    try Self.check(communes[expected.code], against: expected)
  }

  @Test("The CSV export of the first six communes gives the same outcomes as the YAML")
  func csvSample() throws {
    let (run, communes) = try Self.communes("Samples/tan-yen-2024-csv")
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stderr.isEmpty)
    #expect(communes.count == 6)
    for expected in Self.district.prefix(6) { try Self.check(communes[expected.code], against: expected) }
  }

  @Test("The Excel workbook written by the project's form gives the same outcomes as the YAML, commune by commune")
  func xlsxSample() throws {
    let (run, communes) = try Self.communes("Samples/tan-yen-2024-xlsx")
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stderr.isEmpty)
    #expect(communes.count == 22)
    for expected in Self.district { try Self.check(communes[expected.code], against: expected) }
  }

  @Test("The KoboToolbox XLSX export (repeat sheets joined on _parent_index) gives the same outcomes")
  func koboXLSXSample() throws {
    let (run, communes) = try Self.communes("Samples/kobo-xlsx")
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stderr.isEmpty)
    #expect(communes.count == 3)
    for expected in Self.district.prefix(3) { try Self.check(communes[expected.code], against: expected) }
  }

  @Test("The KoboToolbox JSON export of the first three communes gives the same outcomes")
  func koboSample() throws {
    let (run, communes) = try Self.communes("Samples/kobo-json")
    #expect(run.status == 1, "\(run.stderr)")
    #expect(communes.count == 3)
    for expected in Self.district.prefix(3) { try Self.check(communes[expected.code], against: expected) }
  }

  @Test("The self-assessment station fails only BHYT, short by 37 people, said in Vietnamese")
  func selfAssessment() throws {
    let file = "Samples/self-assessment/tram-y-te-cao-thuong.yaml"
    let (_, communes) = try Self.communes(file)
    try Self.check(communes["07339"], against: Expected(code: "07339", status: "fail", failing: ["bhyt-coverage": 37]))
    let text = try CLI.run(["check", "--criteria", "Criteria/ct25-2030.yaml", file])
    #expect(text.stdout.contains("cần thêm 37 người tham gia BHYT"))
    #expect(text.stdout.contains("99,25 %"))
    #expect(text.stdout.contains("KHÔNG ĐẠT"))
  }

  @Test("Running the four ct25 samples at once reports the repeated stations as duplicates, losing none silently")
  func allCt25Samples() throws {
    let run = try CLI.run([
      "check", "--criteria", "Criteria/ct25-2030.yaml", "--format", "json", "Samples/tan-yen-2024",
      "Samples/self-assessment",
      "Samples/tan-yen-2024-csv", "Samples/kobo-json",
    ])
    #expect(run.status == 2)
    let summary = try #require(try run.json()["summary"] as? [String: Any])
    #expect(summary["records"] as? Int == 32)
    #expect(summary["evaluated"] as? Int == 23)
    #expect(summary["rejected"] as? Int == 9)
  }
}
