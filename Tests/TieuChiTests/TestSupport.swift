import Foundation
import Testing

@testable import TieuChi

/// Paths and loaders shared by the tests, which use the real files under `Criteria/` and `Samples/`.
enum TestSupport {
  static let root: String = {
    // Tests/TieuChiTests/TestSupport.swift → repository root.
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .path
  }()

  static func path(_ relative: String) -> String { root + "/" + relative }

  /// The day tests check waivers against: fixed, so that no test changes with the calendar.
  static let asOf = CalendarDate(year: 2025, month: 6, day: 30)!

  /// Loads a criteria file of the repository, failing the test with its diagnostics if it is invalid.
  static func criteria(_ relative: String = "Criteria/ct25-2030.yaml") throws -> CriteriaSet {
    let (set, diagnostics) = CriteriaLoader.load(path: path(relative))
    let rendered = diagnostics.map { $0.rendered(in: .en) }.joined(separator: "\n")
    return try #require(set, "criteria failed to load:\n\(rendered)")
  }

  /// Loads criteria from inline YAML.
  static func criteria(yaml: String, file: String = "inline-criteria.yaml") -> (CriteriaSet?, [Diagnostic]) {
    CriteriaLoader.load(bytes: Array(yaml.utf8), file: file)
  }

  /// Reads inline survey text as if it were a file of the given name.
  static func batch(_ text: String, file: String = "survey.yaml", schema: InputSchema) -> SurveyBatch {
    let format = SurveyFormat(fileExtension: (file as NSString).pathExtension) ?? .yaml
    return SurveyLoader.load([SurveyFile(name: file, format: format, bytes: Array(text.utf8))], schema: schema)
  }

  /// Evaluates inline survey YAML against a criteria set and returns the only commune's result.
  static func evaluate(
    _ yaml: String, criteria: CriteriaSet, year: Int? = nil, asOf: CalendarDate = TestSupport.asOf
  ) throws -> CommuneResult {
    let batch = batch(yaml, schema: criteria.schema)
    let report = CheckResult(criteria: criteria, batch: batch, year: year, asOf: asOf)
    #expect(report.communes.count == 1, "diagnostics: \(batch.diagnostics.map { $0.rendered(in: .en) })")
    return try #require(report.communes.first)
  }
}

extension CommuneResult {
  /// The result of the indicator with this id.
  func indicator(_ id: String, in criteria: CriteriaSet) -> IndicatorResult? {
    self[id]
  }
}

/// A station of the Tân Yên shape that passes every ct25-2030 indicator, as YAML; `set` replaces
/// a field's YAML value (or adds the field), `remove` drops fields.
func passingStation(set overrides: KeyValuePairs<String, String> = [:], remove: Set<String> = []) -> String {
  let defaults: [(String, String)] = [
    ("code", "\"07339\""),
    ("name", "\"Thị trấn Cao Thượng\""),
    ("district", "\"Huyện Tân Yên\""),
    ("province", "\"Tỉnh Bắc Giang\""),
    ("year", "2024"),
    ("population", "10000"),
    ("insured", "9990"),
    (
      "staff",
      """

        - {name: "Nguyễn Văn An", role: doctor, permanent: true}
        - {name: "Trần Thị Bình", role: midwife, permanent: true}
      """
    ),
    (
      "hamlets",
      """

        - {name: "Thôn Đồng Lạc", trained_health_workers: 1}
        - {name: "Tổ dân phố Hòa Bình", trained_health_workers: 2}
      """
    ),
    ("phc_users", "4000"),
    ("phc_users_insured", "3900"),
    ("health_managed", "9600"),
    ("ehealth_book", "7600"),
    ("telemedicine_users", "4100"),
    ("high_risk_people", "500"),
    ("high_risk_checked", "500"),
    ("ehealth_records", "9700"),
    ("meets_national_criteria", "true"),
  ]
  var fields = defaults.filter { !remove.contains($0.0) }
  for (key, value) in overrides {
    if let index = fields.firstIndex(where: { $0.0 == key }) {
      fields[index].1 = value
    } else {
      fields.append((key, value))
    }
  }
  return fields.map { "\($0.0): \($0.1)" }.joined(separator: "\n") + "\n"
}
