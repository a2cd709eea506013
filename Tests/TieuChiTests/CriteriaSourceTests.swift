import Foundation
import Testing

@testable import TieuChi

@Suite("Loading criteria without the disk")
struct CriteriaSourceTests {
  static func source(_ relative: String) throws -> CriteriaSource {
    let path = TestSupport.path(relative)
    let data = try #require(FileManager.default.contents(atPath: path), "cannot read \(relative)")
    return CriteriaSource(name: path, bytes: [UInt8](data))
  }

  /// What a set is made of, as text in a fixed order (dictionaries and sets inside it have none): two
  /// loads agree when their fingerprints do.
  static func fingerprint(_ set: CriteriaSet?) -> String {
    guard let set else { return "nil" }
    func schema(_ schema: InputSchema) -> [String] {
      schema.inputs.map { "\($0.name) \($0.level) \($0.label) \($0.unit.map { "\($0)" } ?? "-") \($0.location)" }
    }
    var lines = ["\(set.id) \(set.title) \(set.source) \(set.file) \(set.passRule)"]
    lines += schema(set.schema) + schema(set.groupSchema)
    lines += set.rules.map { "rule \($0.id) \($0.checkText) \($0.message) \($0.inputs.sorted()) \($0.location)" }
    lines += set.groups.map { "group \($0.id) \($0.title) \($0.maxPoints.map { "\($0)" } ?? "-") \($0.location)" }
    lines += set.indicators.map {
      "indicator \($0.id) \($0.title) \($0.clause) \($0.location) \($0.level) \($0.measureText) \($0.measureType) "
        + "\($0.unit) \($0.milestones) \($0.appliesWhenText ?? "-") \($0.gap.map { "\($0)" } ?? "-") \($0.mandatory) "
        + "\($0.points.map { "\($0)" } ?? "-") \($0.grades) \($0.group ?? "-") \($0.inputs.sorted())"
    }
    lines += set.examples.map {
      "example \($0.name) \($0.location) \($0.year ?? 0) \($0.stations.count) \($0.expectations)"
    }
    return lines.joined(separator: "\n")
  }

  @Test("The strict Tân Yên set loads from memory through the resolver exactly as from disk")
  func strictFromMemory() throws {
    // Read both files up front: the resolver serves them from memory, by the name the child writes.
    let files = [
      "ct25-2030-strict.yaml": try Self.source("Criteria/ct25-2030-strict.yaml"),
      "ct25-2030.yaml": try Self.source("Criteria/ct25-2030.yaml"),
    ]
    var requests: [(reference: String, from: String)] = []
    let (set, diagnostics) = CriteriaLoader.load(try #require(files["ct25-2030-strict.yaml"])) { reference, from in
      requests.append((reference, from))
      return files[reference]
    }
    #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.rendered(in: .en) })")
    let strict = try #require(set)
    #expect(requests.map(\.reference) == ["ct25-2030.yaml"])
    #expect(requests.map(\.from) == [TestSupport.path("Criteria/ct25-2030-strict.yaml")])

    let (fromDisk, _) = CriteriaLoader.load(path: TestSupport.path("Criteria/ct25-2030-strict.yaml"))
    #expect(fromDisk != nil)
    #expect(Self.fingerprint(strict) == Self.fingerprint(fromDisk))
    #expect(
      strict.indicators.first { $0.id == "bhyt-coverage" }?.milestones.first?.target.threshold == Rational(999, 1000))
  }

  @Test("Bytes alone cannot extend another file: the reference is reported, not read from disk")
  func bytesWithExtends() throws {
    let source = MarkedSource("extends: 1️⃣ct25-2030.yaml\nid: strict\n")
    let (set, diagnostics) = CriteriaLoader.load(bytes: source.bytes, file: TestSupport.path("Criteria/x.yaml"))
    #expect(set == nil)
    expectDiagnostics(diagnostics, [ExpectedDiagnostic("criteria.extends-without-resolver", at: "1️⃣")], in: source)
  }

  @Test("A missing parent, a cycle and a bad reference are reported at the reference")
  func resolverErrors() throws {
    let files = [
      "a.yaml": MarkedSource("extends: 1️⃣b.yaml\nid: a\n"),
      "b.yaml": MarkedSource("extends: ./a.yaml\nid: b\n"),
      "orphan.yaml": MarkedSource("extends: 1️⃣missing.yaml\nid: c\n"),
      "list.yaml": MarkedSource("extends: 1️⃣[a.yaml]\nid: d\n"),
    ]
    func load(_ name: String) -> [Diagnostic] {
      CriteriaLoader.load(CriteriaSource(name: name, bytes: files[name]!.bytes)) { reference, from in
        // Names are kept as written: "./a.yaml" must still be recognised as a.yaml.
        files[reference.replacingOccurrences(of: "./", with: "")].map {
          CriteriaSource(name: reference, bytes: $0.bytes)
        }
      }.1
    }
    // The cycle is seen when b.yaml's parent turns out to be a.yaml again, at b's reference.
    let cycle = load("a.yaml")
    #expect(cycle.map(\.id) == ["criteria.extends-cycle"])
    #expect(cycle.first?.location?.file == "b.yaml")
    #expect(cycle.first?.message.en.contains("a.yaml → b.yaml → a.yaml") == true)
    expectDiagnostics(
      load("orphan.yaml"), [ExpectedDiagnostic("criteria.extends-not-found", at: "1️⃣")], in: files["orphan.yaml"]!)
    expectDiagnostics(
      load("list.yaml"), [ExpectedDiagnostic("criteria.extends-not-a-path", at: "1️⃣")], in: files["list.yaml"]!)
  }

  @Test("Loading a file that cannot be read names the whole file")
  func unreadable() {
    let (set, diagnostics) = CriteriaLoader.load(path: "/nonexistent/criteria.yaml")
    #expect(set == nil)
    #expect(diagnostics.map(\.id) == ["criteria.unreadable-file"])
    #expect(diagnostics.first?.rendered(in: .en) == "/nonexistent/criteria.yaml: error: cannot read the criteria file")
  }

  @Test("Every diagnostic of the invalid fixtures has a catalogued id", arguments: CriteriaSchemaTests.invalidFixtures)
  func fixturesClassified(_ file: String) {
    let (_, diagnostics) = CriteriaLoader.load(path: TestSupport.path(file))
    #expect(!diagnostics.isEmpty)
    for diagnostic in diagnostics {
      // domain.kebab-name, from a domain that reading a criteria file can reach.
      let parts = diagnostic.id.rawValue.split(separator: ".")
      #expect(parts.count == 2, "\(diagnostic.id)")
      #expect(["criteria", "expression", "yaml"].contains(parts.first.map(String.init) ?? ""), "\(diagnostic.id)")
      #expect(parts.last?.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } ?? false, "\(diagnostic.id)")
    }
  }
}
