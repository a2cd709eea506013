import Foundation
import Testing

/// `tieuchi plan`: the remediation plan read back by python-docx, an independent reader, with every task
/// of the check in it; and its Markdown form compared whole with a golden file.
@Suite("The remediation plan (tieuchi plan)")
struct PlanTests {
  static let base = [
    "plan", "--criteria", "Criteria/ct25-2030.yaml", "--as-of", "2025-06-30", "--issuer", "Phòng Y tế huyện Tân Yên",
    "--place", "Tân Yên", "--date", "2025-12-05",
  ]

  struct WordText: Decodable {
    struct Paragraph: Decodable {
      var style: String
      var text: String
    }
    struct Page: Decodable {
      var width: Int?
      var height: Int?
      var left: Int?
    }
    var paragraphs: [Paragraph]
    var tables: [[[String]]]
    var page: Page
    var font: String?
    var size: Double?
  }

  @Test(
    "Every failed or unknown indicator of every commune and group is a task, with its shortfall, in a Word file",
    .enabled(if: ExternalTools.officeReaders, "needs python3 with python-docx (scripts/ci-python-deps.sh)"))
  func word() throws {
    let folder = try CLITests.scratch([:])
    let run = try CLI.run(Self.base + ["--output", folder + "/plan.docx", "Samples/tan-yen-2025"])
    #expect(run.status == 1, "\(run.stderr)")
    let (status, output) = try ExternalTools.python("Tests/readback/docx_text.py", [folder + "/plan.docx"])
    #expect(status == 0)
    let word = try JSONDecoder().decode(WordText.self, from: output)
    #expect(word.page.width == 11906 && word.page.height == 16838, "A4")
    #expect(word.font == "Times New Roman")
    #expect(word.tables.first?.first?.joined(separator: " | ").contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == true)
    let text = word.paragraphs.map(\.text)
    #expect(
      word.paragraphs.filter { $0.style == "Heading 1" }.map(\.text) == [
        "I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ, GIẢI PHÁP", "III. TỔ CHỨC THỰC HIỆN",
      ])

    // The tasks expected, from the JSON report of the same check.
    let json = try CLI.run([
      "check", "--criteria", "Criteria/ct25-2030.yaml", "--as-of", "2025-06-30", "--format", "json",
      "Samples/tan-yen-2025",
    ]).json()
    let communes = try #require(json["communes"] as? [[String: Any]])
    var tasks = 0
    for commune in communes where commune["status"] as? String != "pass" {
      let name = try #require(commune["name"] as? String)
      let code = try #require(commune["code"] as? String)
      let heading = try #require(text.firstIndex { $0.contains("\(name) (\(code))") && $0.contains(": không đạt") })
      for indicator in try #require(commune["indicators"] as? [[String: Any]]) {
        guard let status = indicator["status"] as? String, status == "fail" || status == "unknown" else { continue }
        tasks += 1
        let title = try #require(indicator["title"] as? String)
        let gap = (indicator["gap"] as? [String: Any])?["text"] as? String ?? ""
        let line = text[heading...].first { $0.contains(title) && $0.contains(gap) }
        #expect(line != nil, "no task for \(name): \(title) (\(gap))")
      }
    }
    #expect(tasks == 9)
    #expect(text.contains { $0.contains("Huyện Tân Yên (năm 2025): không đạt") }, "the district's own target")
  }

  @Test("The Markdown plan, whole")
  func markdown() throws {
    let run = try CLI.run(Self.base + ["--format", "markdown", "Samples/tan-yen-2025"])
    #expect(run.status == 1)
    let golden = TestSupport.path("Tests/Fixtures/expected/plan-ct25-tan-yen-2025.md")
    if GoldenOutputTests.recording { try Data(run.stdout.utf8).write(to: URL(fileURLWithPath: golden)) }
    #expect(run.stdout == (try String(contentsOfFile: golden, encoding: .utf8)))
  }

  @Test("A plan with a single deadline, in English")
  func deadlineEnglish() throws {
    let run = try CLI.run(
      Self.base + ["--format", "markdown", "--lang", "en", "--deadline", "2025-12-31", "Samples/tan-yen-2025"])
    #expect(run.stdout.contains("# PLAN"))
    #expect(run.stdout.contains("*Deadline: by 2025-12-31.*"))
    #expect(!run.stdout.contains("Thời hạn"))
  }
}
