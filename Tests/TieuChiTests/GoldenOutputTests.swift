import Foundation
import Testing

/// Whole outputs of the built CLI on the real samples, compared exactly with `Tests/Fixtures/expected/`.
///
/// Any change to a report shows here as a diff. When a change is deliberate, re-record with
/// `TIEUCHI_RECORD_GOLDEN=1 swift test --filter GoldenOutputTests` and commit the files with the reason.
/// Runs pin `--as-of`, so waivers do not expire with the calendar.
@Suite("Golden outputs: whole reports compared exactly")
struct GoldenOutputTests {
  struct Case: CustomTestStringConvertible, Sendable {
    /// The golden file's base name: `<name>.out` holds standard output, `<name>.err` standard error.
    var name: String
    var arguments: [String]
    var status: Int32
    var testDescription: String { name }
  }

  static let ct25 = ["--criteria", "Criteria/ct25-2030.yaml", "--as-of", "2025-06-30"]
  static let tanYen = "Samples/tan-yen-2024"

  static let cases: [Case] = [
    Case(name: "check-ct25-tan-yen-vi", arguments: ["check"] + ct25 + [tanYen], status: 1),
    Case(name: "check-ct25-tan-yen-en", arguments: ["check"] + ct25 + ["--lang", "en", tanYen], status: 1),
    Case(name: "check-ct25-tan-yen-summary-vi", arguments: ["check"] + ct25 + ["--summary", tanYen], status: 1),
    Case(
      name: "check-ct25-tan-yen-summary-en", arguments: ["check"] + ct25 + ["--summary", "--lang", "en", tanYen],
      status: 1),
    Case(name: "check-ct25-tan-yen-json", arguments: ["check"] + ct25 + ["--format", "json", tanYen], status: 1),
    Case(
      name: "check-ct25-csv-en", arguments: ["check"] + ct25 + ["--lang", "en", "Samples/tan-yen-2024-csv"], status: 1),
    Case(name: "check-ct25-kobo-vi", arguments: ["check"] + ct25 + ["Samples/kobo-json"], status: 1),
    Case(
      name: "check-ct25-self-assessment-vi",
      arguments: ["check"] + ct25 + ["Samples/self-assessment/tram-y-te-cao-thuong.yaml"], status: 1),
    Case(
      name: "check-kl111-muong-te-vi",
      arguments: ["check", "--criteria", "Criteria/kl111-2025.yaml", "--as-of", "2025-06-30", "Samples/muong-te-2025"],
      status: 1),
    Case(
      name: "check-ct05-baseline-en",
      arguments: [
        "check", "--criteria", "Criteria/ct05-2030.yaml", "--as-of", "2025-06-30", "--lang", "en",
        "--baseline", "Samples/tan-yen-2024", "Samples/ct05-tan-yen-2025",
      ], status: 1),
    Case(
      name: "check-nq20-dong-nai-json",
      arguments: [
        "check", "--criteria", "Criteria/nq20-2030.yaml", "--as-of", "2025-06-30", "--format", "json",
        "Samples/dong-nai-2025",
      ], status: 1),
    Case(
      name: "check-qd1300-muong-te-vi",
      arguments: [
        "check", "--criteria", "Criteria/qd1300-2030.yaml", "--as-of", "2025-06-30", "Samples/qd1300-muong-te-2025",
      ],
      status: 1),
    Case(
      name: "check-ct25-two-rounds-vi",
      arguments: ["check"] + ct25 + ["--baseline", tanYen, "Samples/tan-yen-2025"], status: 1),
    Case(
      name: "check-ct25-two-rounds-jsonl",
      arguments: ["check"] + ct25 + ["--format", "jsonl", "--baseline", tanYen, "Samples/tan-yen-2025"], status: 1),
    Case(
      name: "check-ct25-two-rounds-json",
      arguments: ["check"] + ct25 + ["--format", "json", "--baseline", tanYen, "Samples/tan-yen-2025"], status: 1),
    Case(
      name: "check-ct25-two-rounds-html",
      arguments: ["check"] + ct25 + [
        "--format", "html", "--issuer", "Phòng Y tế huyện Tân Yên", "--place", "Tân Yên", "--date", "2025-12-05",
        "--baseline", tanYen, "Samples/tan-yen-2025",
      ], status: 1),
    Case(
      name: "check-ct25-tan-yen-html-en",
      arguments: ["check"] + ct25 + ["--format", "html", "--lang", "en", "--date", "2025-12-05", tanYen], status: 1),
    Case(name: "check-ct25-tan-yen-csv", arguments: ["check"] + ct25 + ["--format", "csv", tanYen], status: 1),
    Case(
      name: "check-ct25-two-rounds-csv",
      arguments: ["check"] + ct25 + ["--format", "csv", "--baseline", tanYen, "Samples/tan-yen-2025"], status: 1),
    Case(
      name: "check-qd1300-scored-vi",
      arguments: [
        "check", "--criteria", "Criteria/qd1300-2030.yaml", "--as-of", "2025-06-30", "Samples/qd1300-scored-2025",
      ],
      status: 1),
    Case(
      name: "check-qd1300-muong-te-html",
      arguments: [
        "check", "--criteria", "Criteria/qd1300-2030.yaml", "--as-of", "2025-06-30", "--format", "html", "--date",
        "2025-12-05", "Samples/qd1300-muong-te-2025",
      ], status: 1),
    Case(
      name: "explain-bhyt-07303-vi",
      arguments: [
        "explain", "--criteria", "Criteria/ct25-2030.yaml", "bhyt-coverage", "--station", tanYen, "--code", "07303",
      ], status: 0),
    Case(
      name: "explain-group-ungrouped-en",
      arguments: [
        "explain", "--criteria", "Criteria/ct25-2030.yaml", "communes-national-criteria", "--station", tanYen,
        "--code", "07303", "--group-by", "region", "--lang", "en",
      ], status: 0),
  ]

  static let recording = ProcessInfo.processInfo.environment["TIEUCHI_RECORD_GOLDEN"] == "1"

  @Test(arguments: cases)
  func matchesGolden(_ golden: Case) throws {
    let run = try CLI.run(golden.arguments)
    let base = TestSupport.path("Tests/Fixtures/expected/\(golden.name)")
    if Self.recording {
      try Data(run.stdout.utf8).write(to: URL(fileURLWithPath: base + ".out"))
      if run.stderr.isEmpty {
        try? FileManager.default.removeItem(atPath: base + ".err")
      } else {
        try Data(run.stderr.utf8).write(to: URL(fileURLWithPath: base + ".err"))
      }
      #expect(run.status == golden.status, "\(golden.name): exit status \(run.status)")
      return
    }
    #expect(run.status == golden.status, "\(golden.name): exit status \(run.status)\n\(run.stderr)")
    let expectedOut = try Self.read(base + ".out")
    let expectedErr = (try? Self.read(base + ".err")) ?? ""
    #expect(run.stdout == expectedOut, "\(golden.name).out differs:\n\(Self.firstDifference(expectedOut, run.stdout))")
    #expect(run.stderr == expectedErr, "\(golden.name).err differs:\n\(Self.firstDifference(expectedErr, run.stderr))")
  }

  /// A golden file's text exactly as stored: Foundation's `String(contentsOfFile:)` drops a leading
  /// byte-order mark, which the CSV report must keep.
  static func read(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
  }

  /// The first line that differs, with its number, so a failure says where without a diff tool.
  static func firstDifference(_ expected: String, _ actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(a.count, b.count) {
      let left = index < a.count ? String(a[index]) : "(end)"
      let right = index < b.count ? String(b[index]) : "(end)"
      if left != right { return "line \(index + 1):\n  expected: \(left)\n  actual:   \(right)" }
    }
    return "(no line differs)"
  }
}
