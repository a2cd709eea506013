import Foundation
import Testing

@testable import TieuChi

@Suite("Criteria sets that extend another")
struct ExtendsTests {
  @Test("The strict Tân Yên variant changes only the BHYT target, citing II.2.4.1")
  func strictVariant() throws {
    let base = try TestSupport.criteria()
    let strict = try TestSupport.criteria("Criteria/ct25-2030-strict.yaml")
    #expect(strict.id == "ct25-2030-strict")
    #expect(strict.indicators.map(\.id) == base.indicators.map(\.id))
    #expect(strict.rules.map(\.id) == base.rules.map(\.id))
    let bhyt = try #require(strict.indicators.first { $0.id == "bhyt-coverage" })
    #expect(bhyt.milestones.map(\.target.threshold) == [try #require(Rational(999, 1000))])
    #expect(bhyt.milestones.first?.target.comparator == .greater)
    #expect(bhyt.clause.hasPrefix("II.2.4.1"))
    #expect(bhyt.measureText == "insured / population")
    // Inherited indicators keep the parent file's positions, so errors would point there.
    #expect(strict.indicators[0].location.file.hasSuffix("ct25-2030.yaml"))

    // 9980 of 10000 = 99.8 %: passes 99.5 %, fails 99.9 %, short by 11 people.
    let station = passingStation(set: ["insured": "9980"])
    #expect(try TestSupport.evaluate(station, criteria: base).status == .pass)
    let strictResult = try TestSupport.evaluate(station, criteria: strict)
    #expect(strictResult.status == .fail)
    #expect(strictResult.indicator("bhyt-coverage", in: strict)?.gap?.amount == Rational(11))
  }

  @Test("A child inherits each indicator's `responsible`, keeps it when changing a target, and may replace it")
  func responsibleInherited() throws {
    let base = try TestSupport.criteria()
    let strict = try TestSupport.criteria("Criteria/ct25-2030-strict.yaml")
    #expect(base.indicators.contains { $0.responsible != nil })
    #expect(strict.indicators.map(\.responsible) == base.indicators.map(\.responsible))

    let folder = try Self.folder([
      "parent.yaml": """
      id: parent
      title: "Parent"
      source: {document: ct25-tan-yen, clause: "I.3"}
      inputs: {population: count, insured: count, doctors: count}
      indicators:
        - id: bhyt
          title: "BHYT"
          measure: insured / population
          unit: percent
          target: "> 99.5%"
          responsible: {vi: "Bảo hiểm xã hội huyện", en: "District Social Insurance"}
        - id: doctor
          title: "Doctor"
          measure: doctors
          target: ">= 1"
          responsible: {vi: "Trung tâm Y tế huyện", en: "District health centre"}
      """,
      "child.yaml": """
      extends: parent.yaml
      id: child
      indicators:
        - {id: bhyt, target: "> 99.9%"}
        - {id: doctor, responsible: "UBND xã"}
      """,
    ])
    let (child, diagnostics) = CriteriaLoader.load(path: folder + "/child.yaml")
    #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.rendered(in: .en) })")
    let set = try #require(child)
    #expect(set.indicators.map(\.responsible?.en) == ["District Social Insurance", "UBND xã"])
    #expect(set.indicators[0].milestones.first?.target.threshold == Rational(999, 1000))
  }

  static func folder(_ files: [String: String]) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tieuchi-extends-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
    return folder
  }

  @Test("A cycle, a missing parent and an error in the child are reported at their positions")
  func errors() throws {
    let folder = try Self.folder([
      "a.yaml": "extends: b.yaml\nid: a\n",
      "b.yaml": "extends: a.yaml\nid: b\n",
      "child.yaml": "extends: missing.yaml\nid: c\n",
      "typo.yaml":
        "extends: \(TestSupport.path("Criteria/ct25-2030.yaml"))\nid: typo\n"
        + "indicators:\n  - id: doctor\n    target: \"> 1\"\n    mesure: staff\n",
    ])
    let (cycle, cycleDiagnostics) = CriteriaLoader.load(path: folder + "/a.yaml")
    #expect(cycle == nil)
    #expect(cycleDiagnostics.map(\.id) == ["criteria.extends-cycle"])

    let (missing, missingDiagnostics) = CriteriaLoader.load(path: folder + "/child.yaml")
    #expect(missing == nil)
    #expect(missingDiagnostics.map(\.id) == ["criteria.extends-not-found"])
    #expect(missingDiagnostics.first?.location == SourceLocation(file: folder + "/child.yaml", line: 1, column: 10))

    let (typo, typoDiagnostics) = CriteriaLoader.load(path: folder + "/typo.yaml")
    #expect(typo == nil)
    let error = try #require(typoDiagnostics.first { $0.id == "criteria.unknown-key" })
    #expect(error.location == SourceLocation(file: folder + "/typo.yaml", line: 6, column: 5))
    #expect(error.hint?.en == "did you mean 'measure'?")
  }
}
