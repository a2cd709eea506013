import Foundation
import Testing

@Suite("tieuchi explain")
struct ExplainTests {
  @Test("Without data: the definition, legal basis and target in words")
  func definition() throws {
    let run = try CLI.run(["explain", "--criteria", "Criteria/ct25-2030.yaml", "bhyt-coverage"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("mục I.3, đến năm 2030, ý 1"))
    #expect(run.stdout.contains("Mục tiêu (mốc 2030): > 99,5 % — trên 99,5 %"))
    #expect(run.stdout.contains("Thước đo: insured / population"))
  }

  @Test("With a station: every sub-expression's value, the target in force, the verdict and the gap")
  func trace() throws {
    let run = try CLI.run([
      "explain", "--criteria", "Criteria/ct25-2030.yaml", "bhyt-coverage", "--station", "Samples/tan-yen-2024",
      "--code", "07354",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Đánh giá cho 07354 Xã Việt Lập, năm 2024:"))
    #expect(run.stdout.contains("insured               = 10.526"))
    #expect(run.stdout.contains("insured / population  = 0,986042 (10526/10675)"))
    #expect(run.stdout.contains("Kết quả: Không đạt"))
    #expect(run.stdout.contains("cần thêm 96 người tham gia BHYT"))

    let list = try CLI.run([
      "explain", "--criteria", "Criteria/ct25-2030.yaml", "village-health-worker", "--station", "Samples/tan-yen-2024",
      "--code", "07303", "--lang", "en",
    ])
    #expect(list.stdout.contains("hamlets[Thôn Gò Pháo]: trained_health_workers >= 1"))
    #expect(list.stdout.contains("Result: Fail"))
  }

  @Test("A group-level indicator is traced for the commune's group")
  func groupTrace() throws {
    let run = try CLI.run([
      "explain", "--criteria", "Criteria/ct25-2030.yaml", "communes-national-criteria", "--station",
      "Samples/tan-yen-2024",
      "--code", "07321",
    ])
    #expect(run.stdout.contains("Đánh giá cho Huyện Tân Yên, năm 2024:"))
    #expect(run.stdout.contains("count(communes)"))
    #expect(run.stdout.contains("cần thêm ít nhất 5 xã"))
  }

  @Test("An unknown indicator or code is refused with a suggestion")
  func errors() throws {
    let typo = try CLI.run(["explain", "--criteria", "Criteria/ct25-2030.yaml", "bhyt-coverag"])
    #expect(typo.status == 64)
    #expect(typo.stderr.contains("'bhyt-coverage'"))
    let missing = try CLI.run([
      "explain", "--criteria", "Criteria/ct25-2030.yaml", "doctor", "--station", "Samples/tan-yen-2024", "--code",
      "07399",
    ])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("07399"))
  }

  @Test("A target about change is traced against the previous round given with --baseline")
  func baselineTrace() throws {
    let sample = try String(
      contentsOfFile: TestSupport.path("Samples/ct05-tan-yen-2025/district.yaml"), encoding: .utf8)
    // The same district a year earlier, with the same births: the sex ratio did not fall at all.
    let folder = try CLITests.scratch([
      "previous.yaml": sample.replacingOccurrences(of: "\nyear: 2025", with: "\nyear: 2024")
    ])
    let arguments = [
      "explain", "--criteria", "Criteria/ct05-2030.yaml", "sex-ratio-yearly-fall", "--station",
      "Samples/ct05-tan-yen-2025",
      "--code", "07303", "--lang", "en",
    ]
    let without = try CLI.run(arguments)
    #expect(without.status == 0, "\(without.stderr)")
    #expect(without.stdout.contains("Result: Unknown"))
    let with = try CLI.run(arguments + ["--baseline", folder + "/previous.yaml"])
    #expect(with.status == 0, "\(with.stderr)")
    #expect(with.stdout.contains("Evaluation for Huyện Tân Yên, year 2025:"))
    #expect(with.stdout.contains("Result: Fail"))
    #expect(with.stdout.contains("0.2 more points needed"))
  }
}
