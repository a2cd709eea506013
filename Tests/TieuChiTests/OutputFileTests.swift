import Foundation
import Testing

/// `--output` replaces a report in one step and says plainly when it cannot.
@Suite("Writing reports to files")
struct OutputFileTests {
  static let check = ["check", "--criteria", "Criteria/ct25-2030.yaml", "--as-of", "2025-06-30"]

  @Test("An existing report is replaced whole, and no temporary file is left beside it")
  func replaces() throws {
    let folder = try CLITests.scratch(["report.html": "an older report"])
    let run = try CLI.run(
      Self.check + ["--format", "html", "--output", folder + "/report.html", "Samples/tan-yen-2024"])
    #expect(run.status == 1)
    #expect(run.stdout.isEmpty, "the report goes to the file, not to standard output")
    let written = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
    #expect(written.hasPrefix("<!DOCTYPE html>"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.html"])
  }

  @Test("A report that cannot be written is an error naming the file, with exit status 74")
  func unwritable() throws {
    let run = try CLI.run(
      Self.check + ["--format", "xlsx", "--output", "/nonexistent/folder/r.xlsx", "Samples/tan-yen-2024"])
    #expect(run.status == 74)
    #expect(run.stderr.hasPrefix("/nonexistent/folder/r.xlsx: lỗi: không ghi được tệp kết quả"), "\(run.stderr)")
  }

  @Test("A workbook to a pipe is written as bytes (only a terminal is refused)")
  func binaryToPipe() throws {
    let run = try CLI.run(Self.check + ["--format", "xlsx", "Samples/tan-yen-2024"])
    #expect(run.status == 1)
    #expect(run.stdout.utf8.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a zip archive")
  }
}
