import Foundation
import Testing

/// End-to-end: the built `tieuchi` on the real criteria and samples, and on broken input.
@Suite("tieuchi check, end to end")
struct CLITests {
  static let criteria = "Criteria/ct25-2030.yaml"

  /// A scratch folder for generated inputs, removed afterwards by the OS's tmp cleaning.
  static func scratch(_ files: [String: String]) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tieuchi-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (name, content) in files {
      try Data(content.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }
    return folder
  }

  @Test("The README's main run: the sample district, in Vietnamese, exit 1 because some communes fail")
  func sampleDistrictText() throws {
    let run = try CLI.run(["check", "--criteria", Self.criteria, "Samples/tan-yen-2024"])
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stderr.isEmpty)
    #expect(run.stdout.contains("Bộ tiêu chí: ct25-2030"))
    #expect(run.stdout.contains("KHÔNG ĐẠT"))
    #expect(run.stdout.contains("cần thêm"))
    #expect(run.stdout.contains("> 99,5 %"))
    #expect(run.stdout.contains("Tổng: 22 bản ghi · 22 xã được đánh giá"))
    #expect(run.stdout.contains("Huyện Tân Yên: 22 xã"))
  }

  @Test("English reports use English words and number style")
  func english() throws {
    let run = try CLI.run(["check", "--criteria", Self.criteria, "--lang", "en", "--summary", "Samples/tan-yen-2024"])
    #expect(run.status == 1)
    #expect(run.stdout.contains("Total: 22 records · 22 communes evaluated"))
    #expect(!run.stdout.contains("KHÔNG ĐẠT"))
  }

  @Test("JSON output has the documented shape and counts every record")
  func jsonShape() throws {
    let run = try CLI.run(["check", "--criteria", Self.criteria, "--format", "json", "Samples/tan-yen-2024"])
    #expect(run.status == 1)
    let json = try run.json()
    #expect(json["criteria"] as? String == "ct25-2030")
    let communes = try #require(json["communes"] as? [[String: Any]])
    #expect(communes.count == 22)
    let summary = try #require(json["summary"] as? [String: Any])
    #expect(summary["records"] as? Int == 22)
    #expect(summary["rejected"] as? Int == 0)
    for commune in communes {
      #expect(["pass", "fail", "incomplete"].contains(commune["status"] as? String ?? ""))
      let indicators = try #require(commune["indicators"] as? [[String: Any]])
      #expect(
        indicators.map { $0["id"] as? String ?? "" } == [
          "doctor", "village-health-worker", "bhyt-coverage", "phc-bhyt", "health-managed", "ehealth-book",
          "telemedicine", "high-risk-checked",
        ])
      for indicator in indicators where indicator["status"] as? String == "fail" {
        #expect(indicator["gap"] is [String: Any], "a failed indicator has a gap: \(indicator)")
      }
    }
  }

  @Test("A broken record in a batch is reported with file and line; every other record is evaluated")
  func brokenRecordInBatch() throws {
    var good = ""
    for index in 0..<5 {
      good += "---\n" + passingStation(set: ["code": "\"0730\(index)\""])
    }
    let broken = passingStation(set: ["code": "\"07399\"", "staff": "[{name: \"A\", role: doctor"])
    let folder = try Self.scratch([
      "a.yaml": good,
      "b.yaml": "---\n" + passingStation(set: ["code": "\"07400\""]) + "---\n" + broken + "---\n"
        + passingStation(set: ["code": "\"07401\""]),
    ])
    let run = try CLI.run(["check", "--criteria", Self.criteria, "--format", "json", folder])
    #expect(run.status == 2, "unreadable input wins over failures")
    let json = try run.json()
    let communes = try #require(json["communes"] as? [[String: Any]])
    #expect(communes.count == 7)
    #expect(communes.allSatisfy { $0["status"] as? String == "pass" })
    let errors = try #require(json["errors"] as? [[String: Any]])
    #expect(errors.count == 1)
    #expect((errors.first?["file"] as? String)?.hasSuffix("b.yaml") == true)
    #expect((errors.first?["line"] as? Int ?? 0) > 17)
    let summary = try #require(json["summary"] as? [String: Any])
    #expect(summary["records"] as? Int == 8)
    #expect(summary["rejected"] as? Int == 1)
  }

  @Test("An invalid criteria file exits 3 with file:line:column on standard error and nothing evaluated")
  func invalidCriteria() throws {
    let folder = try Self.scratch([
      "bad.yaml": """
      id: bad
      title: "Bad"
      source: {document: x, clause: "1"}
      inputs:
        population: count
      indicators:
        - id: a
          title: "A"
          mesure: population
          target: "> 1"
      """
    ])
    let run = try CLI.run(["check", "--criteria", folder + "/bad.yaml", "Samples/tan-yen-2024"])
    #expect(run.status == 3)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("bad.yaml:9:5: lỗi: khóa 'mesure'"))
    #expect(run.stderr.contains("có phải ý bạn là 'measure'?"))
  }

  @Test("Usage errors exit 64; a missing data file exits 2 and says which")
  func usageAndMissingFiles() throws {
    #expect(try CLI.run(["check", "--criteria", Self.criteria]).status == 64)
    #expect(try CLI.run(["check", "--criteria", Self.criteria, "--lang", "fr", "Samples"]).status == 64)
    let missing = try CLI.run(["check", "--criteria", Self.criteria, "no/such/file.yaml"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("no/such/file.yaml"))
  }

  @Test("Hostile input never crashes or hangs: alias bombs, deep nesting, binary junk")
  func hostileInput() throws {
    var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1..<12 {
      bomb +=
        "l\(level): &l\(level) ["
        + Array(repeating: "*\(level == 1 ? "a" : "l\(level - 1)")", count: 10).joined(separator: ", ") + "]\n"
    }
    let folder = try Self.scratch([
      "bomb.yaml": "code: \"07339\"\n" + bomb,
      "deep.yaml": String(repeating: "[", count: 100_000),
      "deep.json": String(repeating: "[", count: 100_000),
      "junk.csv": String(decoding: (0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }, as: UTF8.self),
      "empty.json": "",
    ])
    let run = try CLI.run(["check", "--criteria", Self.criteria, "--format", "json", folder])
    #expect(run.status == 2)
    let json = try run.json()
    let errors = try #require(json["errors"] as? [[String: Any]])
    #expect(errors.count >= 4)
  }

  @Test("Decomposed (NFD) Vietnamese in the data comes out composed (NFC)")
  func nfdInput() throws {
    let name = "Thị trấn Cao Thượng"
    let folder = try Self.scratch([
      "nfd.yaml": passingStation(set: ["name": "\"\(name.decomposedStringWithCanonicalMapping)\""])
    ])
    let run = try CLI.run(["check", "--criteria", Self.criteria, "--format", "json", folder])
    #expect(run.status == 0, "\(run.stderr)")
    let communes = try #require(try run.json()["communes"] as? [[String: Any]])
    let written = try #require(communes.first?["name"] as? String)
    #expect(Array(written.unicodeScalars) == Array(name.precomposedStringWithCanonicalMapping.unicodeScalars))
  }
}

extension CLITests {
  @Test("Grouping is chosen on the command line; a field no record has is warned about with a suggestion")
  func grouping() throws {
    let byProvince = try CLI.run([
      "check", "--criteria", Self.criteria, "--group-by", "province", "--summary",
      "Samples/tan-yen-2024",
    ])
    #expect(byProvince.stdout.contains("Theo tỉnh:\n  Tỉnh Bắc Giang: 22 xã — 7 đạt, 13 không đạt, 2 chưa đủ dữ liệu"))
    let typo = try CLI.run([
      "check", "--criteria", Self.criteria, "--group-by", "provnce", "--summary",
      "Samples/tan-yen-2024",
    ])
    #expect(typo.status == 1, "a warning does not make input unreadable")
    #expect(typo.stderr.contains("cảnh báo: không bản ghi nào có trường 'provnce'"))
    #expect(typo.stderr.contains("'province'"))
  }
}

/// Mistakes on the command line, said plainly.
@Suite("Command-line mistakes")
struct CommandLineMistakeTests {
  @Test("Survey data given as --criteria is one plain error")
  func dataAsCriteria() throws {
    let run = try CLI.run(["check", "--criteria", "Samples/tan-yen-2024/stations.yaml", "Samples/tan-yen-2024"])
    #expect(run.status == 3)
    let lines = run.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(run.stderr)")
    #expect(lines.first?.hasPrefix("Samples/tan-yen-2024/stations.yaml: lỗi: đây là tệp số liệu khảo sát") == true)
  }

  @Test("A criteria file given as data is one plain error; other files in a folder are named once")
  func criteriaAsData() throws {
    let run = try CLI.run(["check", "--criteria", "Criteria/ct25-2030.yaml", "--summary", "Criteria/ct05-2030.yaml"])
    #expect(run.status == 2)
    #expect(
      run.stderr
        == "Criteria/ct05-2030.yaml: lỗi: đây là tệp tiêu chí, không phải số liệu khảo sát: dùng nó với --criteria\n")
    let folder = try CLITests.scratch(["notes.pdf": "x", "photo.jpg": "y"])
    try FileManager.default.copyItem(
      atPath: TestSupport.path("Samples/tan-yen-2024/stations.yaml"), toPath: folder + "/stations.yaml")
    let mixed = try CLI.run(["check", "--criteria", "Criteria/ct25-2030.yaml", "--summary", folder])
    #expect(mixed.status == 1, "warnings do not change the exit status")
    #expect(
      mixed.stderr.contains(
        "cảnh báo: bỏ qua 2 tệp không phải số liệu (.xlsx, .csv, .json, .yaml): notes.pdf, photo.jpg"))
  }

  @Test("A CSV cell is named by its line and by the column letter Excel shows, besides the header")
  func csvColumnLetter() throws {
    let folder = try CLITests.scratch(["stations.csv": "code;population;insured\n07339;12a;100\n"])
    let run = try CLI.run(["check", "--criteria", "Criteria/ct25-2030.yaml", "--summary", folder + "/stations.csv"])
    #expect(run.stderr.contains(folder + "/stations.csv:2:7 [B]: lỗi: population: "), "\(run.stderr)")
  }

  @Test("A missing criteria file lists the sets there are, the nearest suggested")
  func missingCriteria() throws {
    let run = try CLI.run(["check", "--criteria", "Criteria/ct25-2300.yaml", "Samples/tan-yen-2024"])
    #expect(run.status == 3)
    #expect(run.stderr.contains("Criteria/ct25-2300.yaml: lỗi: không có tệp tiêu chí này; các bộ tiêu chí có sẵn: "))
    #expect(run.stderr.contains("Criteria/qd1300-2030.yaml"))
    #expect(run.stderr.contains("(có phải ý bạn là 'Criteria/ct25-2030.yaml'?)"))
  }

  @Test("A --year far from the data's years is a warning naming both")
  func farYear() throws {
    let run = try CLI.run([
      "check", "--criteria", "Criteria/ct25-2030.yaml", "--year", "2052", "--summary", "Samples/tan-yen-2024",
    ])
    #expect(run.stderr.contains("cảnh báo: năm đánh giá 2052 (--year) cách xa năm của số liệu (2024)"), "\(run.stderr)")
    #expect(run.stdout.contains("Năm đánh giá: 2052"))
    let near = try CLI.run([
      "check", "--criteria", "Criteria/ct25-2030.yaml", "--year", "2026", "--summary", "Samples/tan-yen-2024",
    ])
    #expect(!near.stderr.contains("--year"))
  }
}

/// The command line speaks Vietnamese by default — help, usage errors, validation — and English with
/// `--lang en`.
@Suite("The command line's own language")
struct CommandLineLanguageTests {
  @Test("A usage error in Vietnamese, exit 64; in English with --lang en")
  func usageErrors() throws {
    let vi = try CLI.run(["check", "--year", "abc", "--criteria", "Criteria/ct25-2030.yaml", "Samples/tan-yen-2024"])
    #expect(vi.status == 64)
    #expect(vi.stderr.hasPrefix("Lỗi: giá trị 'abc' không hợp lệ cho '--year <year>'"), "\(vi.stderr)")
    let en = try CLI.run(["check", "--year", "abc", "--lang", "en", "--criteria", "Criteria/ct25-2030.yaml", "x"])
    #expect(en.status == 64)
    #expect(en.stderr.hasPrefix("Error: The value 'abc' is invalid for '--year <year>'"), "\(en.stderr)")
    let missing = try CLI.run(["check", "--criteria", "Criteria/ct25-2030.yaml"])
    #expect(missing.stderr.hasPrefix("Lỗi: hãy đưa ít nhất một tệp hoặc thư mục số liệu"), "\(missing.stderr)")
  }

  @Test("Help in Vietnamese by default, every option explained in it")
  func helpText() throws {
    let vi = try CLI.run(["check", "--help"])
    #expect(vi.status == 0)
    #expect(vi.stdout.contains("TÙY CHỌN:"))
    #expect(vi.stdout.contains("Tệp bộ tiêu chí (YAML)"))
    #expect(!vi.stdout.contains("OPTIONS:"))
    let en = try CLI.run(["check", "--help", "--lang", "en"])
    #expect(en.stdout.contains("OPTIONS:"))
    #expect(en.stdout.contains("The criteria file (YAML)"))
  }
}
