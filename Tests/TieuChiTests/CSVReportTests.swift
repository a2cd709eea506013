import Foundation
import Testing

/// The CSV report as Excel in a Vietnamese locale opens it: `;` between fields, decimal commas, a BOM,
/// and no formula from data.
@Suite("The CSV report")
struct CSVReportTests {
  static let base = ["check", "--criteria", "Criteria/ct25-2030.yaml", "--as-of", "2025-06-30", "--format", "csv"]

  @Test("A name that Excel would take for a formula is neutralised; numbers stay numbers")
  func formulas() throws {
    let station = passingStation(set: ["name": "\"=cmd|' /C calc'!A0\"", "insured": "9900"])
    let folder = try CLITests.scratch(["formula.yaml": station])
    let run = try CLI.run(Self.base + [folder + "/formula.yaml"])
    #expect(run.stdout.hasPrefix("\u{FEFF}Mã xã;"))
    let lines = run.stdout.split(separator: "\r\n")
    #expect(lines.count == 1 + 8)
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("07339;'=cmd|' /C calc'!A0;") }, "\(lines[1])")
    // 9900 of 10000 insured: 99 %, with the decimal comma and no thousands grouping.
    let coverage = try #require(lines.first { $0.contains(";bhyt-coverage;") })
    #expect(coverage.contains(";99;%;"))
    #expect(coverage.contains(";Không đạt;51;"))
  }

  @Test("Control characters from a name reach no terminal: ESC and BEL are written as \\u{1B}, \\u{7}")
  func controlCharacters() throws {
    let station = passingStation(set: ["name": "\"\\e[31mXã\\a\\e[2J\""])
    let folder = try CLITests.scratch(["control.yaml": station])
    let run = try CLI.run(Self.base + [folder + "/control.yaml"])
    #expect(!run.stdout.utf8.contains(0x1B) && !run.stdout.utf8.contains(0x07))
    let line = try #require(run.stdout.split(separator: "\r\n").dropFirst().first)
    #expect(line.hasPrefix("07339;\\u{1B}[31mXã\\u{7}\\u{1B}[2J;"), "\(line)")
  }

  @Test("With ',' as the separator, numbers take the decimal point")
  func commaSeparator() throws {
    let run = try CLI.run(Self.base + ["--csv-separator", ",", "Samples/tan-yen-2024"])
    let line = try #require(
      run.stdout.split(separator: "\r\n").first { $0.contains(",bhyt-coverage,") && $0.hasPrefix("07303") })
    #expect(line.contains(",99.73494,%,"))
    let bad = try CLI.run(Self.base + ["--csv-separator", "|", "Samples/tan-yen-2024"])
    #expect(bad.status == 64)
  }
}
