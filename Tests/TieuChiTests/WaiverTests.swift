import Foundation
import Testing

@testable import TieuChi

@Suite("Waivers in the data")
struct WaiverTests {
  let criteria: CriteriaSet

  init() throws {
    criteria = try TestSupport.criteria()
  }

  static let waiver = """

      - indicator: doctor
        justification: "Bác sĩ duy nhất đi học chuyên khoa I; có bác sĩ biệt phái thay thế"
        approved_by: "Phòng Y tế huyện Tân Yên, văn bản số 12/PYT"
        expires: 2025-12-31
    """

  func check(_ yaml: String, asOf: String) throws -> CheckResult {
    CheckResult(
      criteria: criteria, batch: TestSupport.batch(yaml, schema: criteria.schema), year: nil,
      asOf: try #require(CalendarDate(asOf)))
  }

  @Test("A valid waiver reports the indicator as waived, not pass, and the commune is not blocked by it")
  func valid() throws {
    let yaml = passingStation(set: [
      "staff": "\n  - {name: \"Y sĩ A\", role: assistant_doctor, permanent: true}", "waivers": Self.waiver,
    ])
    let report = try check(yaml, asOf: "2025-06-30")
    let commune = try #require(report.communes.first)
    let doctor = try #require(commune.indicator("doctor", in: criteria))
    #expect(doctor.status == .waived)
    #expect(doctor.waiver?.approvedBy == "Phòng Y tế huyện Tân Yên, văn bản số 12/PYT")
    #expect(commune.status == .pass)
    #expect(report.summary.indicators.first { $0.id == "doctor" }?.counts[.waived] == 1)
    #expect(report.batch.diagnostics.isEmpty)
  }

  @Test("An expired waiver is ignored with a warning, so the failure shows")
  func expired() throws {
    let yaml = passingStation(set: [
      "staff": "\n  - {name: \"Y sĩ A\", role: assistant_doctor, permanent: true}", "waivers": Self.waiver,
    ])
    let report = try check(yaml, asOf: "2026-01-01")
    let commune = try #require(report.communes.first)
    #expect(commune.indicator("doctor", in: criteria)?.status == .fail)
    #expect(commune.status == .fail)
    let warning = try #require(report.batch.diagnostics.first)
    #expect(warning.severity == .warning)
    #expect(warning.message.en.contains("expired on 2025-12-31"))
  }

  @Test("A waiver for an unknown indicator, or without approval, is reported and not applied")
  func malformed() throws {
    let typo = Self.waiver.replacingOccurrences(of: "indicator: doctor", with: "indicator: docter")
    let report = try check(passingStation(set: ["waivers": typo]), asOf: "2025-01-01")
    #expect(report.batch.diagnostics.first?.hint?.en == "did you mean 'doctor'?")
    let unapproved = Self.waiver.replacingOccurrences(of: "approved_by", with: "approved")
    let second = try check(passingStation(set: ["waivers": unapproved]), asOf: "2025-01-01")
    #expect(second.batch.diagnostics.contains { $0.message.en.contains("lacks approved_by") })
    #expect(second.communes.first?.record.waivers.isEmpty == true)
  }

  @Test("Dates are read in ISO and Vietnamese order, and impossible dates are refused")
  func dates() {
    #expect(CalendarDate("2025-12-31") == CalendarDate(year: 2025, month: 12, day: 31))
    #expect(CalendarDate("31/12/2025") == CalendarDate(year: 2025, month: 12, day: 31))
    #expect(CalendarDate("2025-02-29") == nil)
    #expect(CalendarDate("2024-02-29") != nil)
    #expect(CalendarDate("12/31/2025") == nil)
  }
}
