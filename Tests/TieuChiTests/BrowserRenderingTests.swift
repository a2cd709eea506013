import Foundation
import Testing

/// The HTML report as a person sees it: rendered by headless Chromium to a PDF on A4 and a screenshot,
/// read back with pdftotext. CI installs Chromium, poppler-utils and Pillow (`.ci/run`); without them
/// the suite is skipped visibly, never passed.
@Suite(
  "The HTML report in a real browser",
  .enabled(
    if: ExternalTools.browser, "needs chromium, pdfinfo/pdftotext and python3 with Pillow (.ci/run installs them)"))
struct BrowserRenderingTests {
  struct Rendered: Decodable {
    var pages: Int
    var text: String
    var nonwhite: Double
  }

  static func render(_ arguments: [String], status: Int32 = 1) throws -> (Rendered, folder: String) {
    let folder = try CLITests.scratch([:])
    let html = folder + "/report.html"
    let run = try CLI.run(arguments + ["--output", html])
    #expect(run.status == status, "\(run.stderr)")
    let (status, data) = try ExternalTools.python("Tests/browser/check_html_report.py", [html, folder])
    #expect(status == 0)
    return (try JSONDecoder().decode(Rendered.self, from: data), folder)
  }

  @Test("The two rounds of Tân Yên print on A4: every commune by name with its diacritics, the header, page numbers")
  func twoRounds() throws {
    let (rendered, folder) = try Self.render([
      "check", "--criteria", "Criteria/ct25-2030.yaml", "--as-of", "2025-06-30", "--format", "html", "--issuer",
      "Phòng Y tế huyện Tân Yên", "--place", "Tân Yên", "--date", "2025-12-05", "--baseline", "Samples/tan-yen-2024",
      "Samples/tan-yen-2025",
    ])
    // 8 pages of summary, charts, matrix, comparison and signatures, then one page per commune card (19):
    // a change of layout that makes a card spill over shows here.
    #expect(rendered.pages == 28, "pages: \(rendered.pages)")
    let text = rendered.text
    let names = try String(contentsOfFile: TestSupport.path("Samples/tan-yen-2025/stations.yaml"), encoding: .utf8)
      .split(separator: "\n").filter { $0.hasPrefix("name: ") }
      .map { $0.dropFirst("name: ".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    #expect(names.count == 19)
    for name in names { #expect(text.contains(name), "\(name) is not in the PDF") }
    for line in [
      "PHÒNG Y TẾ HUYỆN TÂN YÊN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "Tân Yên, ngày 05 tháng 12 năm 2025", "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "So với kỳ trước", "Xã Quang Tiến",
    ] {
      #expect(text.contains(line), "\(line) is not in the PDF")
    }
    #expect(text.contains("1 / \(rendered.pages)"), "page numbers")
    #expect(rendered.nonwhite > 0.03, "the first screen is blank: \(rendered.nonwhite)")
    // The picture the README shows, refreshed when asked (TIEUCHI_RECORD_GOLDEN=1).
    if GoldenOutputTests.recording {
      let picture = TestSupport.path("docs/report-html-page1.png")
      try? FileManager.default.removeItem(atPath: picture)
      try FileManager.default.copyItem(atPath: folder + "/page1.png", toPath: picture)
    }
  }

  @Test("Data cannot become markup: a commune named <script> shows as text")
  func hostileNames() throws {
    let station = passingStation(set: ["name": "\"<script>alert(1)</script> & <b>x</b>\""])
    let folder = try CLITests.scratch(["hostile.yaml": station])
    let arguments = [
      "check", "--criteria", "Criteria/ct25-2030.yaml", "--as-of", "2025-06-30", "--format", "html",
      folder + "/hostile.yaml",
    ]
    let html = try CLI.run(arguments).stdout
    #expect(!html.contains("<script>alert"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;x&lt;/b&gt;"))
    let (rendered, _) = try Self.render(arguments, status: CLI.run(arguments).status)
    #expect(rendered.text.contains("<script>alert(1)</script> & <b>x</b>"))
  }
}
