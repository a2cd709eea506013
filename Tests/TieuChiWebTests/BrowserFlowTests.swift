import Foundation
import Testing

/// What the browser flow needs on the machine: Debian's Chromium and its WebDriver, Python with selenium
/// (PyPI) and openpyxl. `.ci/run` installs them; without them the test is skipped, and says so.
enum BrowserTools {
  static let chromium = "/usr/bin/chromium"
  static let chromedriver = "/usr/bin/chromedriver"

  static var available: Bool {
    FileManager.default.isExecutableFile(atPath: chromium)
      && FileManager.default.isExecutableFile(atPath: chromedriver) && python(imports: "selenium, openpyxl")
  }

  /// Whether `python3 -c "import …"` succeeds.
  static func python(imports modules: String) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import \(modules)"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }

  /// The `tieuchi-web` binary built beside this test bundle (`swift test` builds every product).
  static var serverBinary: String {
    let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let beside = folder.appendingPathComponent("tieuchi-web").path
    if FileManager.default.isExecutableFile(atPath: beside) { return beside }
    return packageRoot + "/.build/debug/tieuchi-web"
  }
}

@Suite("In a real browser")
struct BrowserFlowTests {
  @Test(
    "Sign in, self-assess, upload the Tân Yên workbook, download the XLSX, history and comparison — in Chromium",
    .enabled(
      if: BrowserTools.available,
      "needs chromium, chromium-driver and python3 with selenium and openpyxl (.ci/run installs them)"),
    .timeLimit(.minutes(10)))
  func browserFlow() throws {
    let binary = BrowserTools.serverBinary
    #expect(FileManager.default.isExecutableFile(atPath: binary), "build tieuchi-web first: \(binary)")
    // TIEUCHI_WEB_SCREENSHOTS keeps the screenshots (e.g. to update docs/); otherwise a temporary folder.
    let screenshots =
      ProcessInfo.processInfo.environment["TIEUCHI_WEB_SCREENSHOTS"]
      ?? NSTemporaryDirectory() + "tieuchi-web-screenshots-" + UUID().uuidString
    let log = NSTemporaryDirectory() + "tieuchi-web-flow-\(UUID().uuidString).log"
    _ = FileManager.default.createFile(atPath: log, contents: nil)
    let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", packageRoot + "/Tests/browser/web_flow.py", binary, screenshots, "--root", packageRoot,
    ]
    process.standardOutput = output
    process.standardError = output
    try process.run()
    process.waitUntilExit()
    try output.close()
    let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    try? FileManager.default.removeItem(atPath: log)
    #expect(process.terminationStatus == 0, "the browser flow failed:\n\(text)")
    #expect(text.contains("browser flow passed"))
    let shots = (try? FileManager.default.contentsOfDirectory(atPath: screenshots)) ?? []
    #expect(shots.filter { $0.hasSuffix(".png") }.count >= 8, "screenshots: \(shots)")
  }
}
