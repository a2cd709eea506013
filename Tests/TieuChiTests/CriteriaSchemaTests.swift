import Foundation
import Testing

@testable import TieuChi

/// `docs/criteria.schema.json` — the JSON Schema editors use for criteria files — accepts every criteria
/// set of the repository, rejects every file of `Tests/Fixtures/invalid-criteria` (which the loader
/// rejects too), and stays in step with the loader's keys, types, units and comparators.
@Suite("Criteria JSON Schema")
struct CriteriaSchemaTests {
  static let schemaPath = TestSupport.path("docs/criteria.schema.json")

  static func schema() throws -> MiniJSONSchema {
    try MiniJSONSchema(path: schemaPath)
  }

  /// The `.yaml`/`.yml` files of a repository folder, sorted, as paths relative to the repository.
  static func yamlFiles(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.path(folder))) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { "\(folder)/\($0)" }
  }

  static let criteriaFiles = yamlFiles(in: "Criteria")
  static let invalidFixtures = yamlFiles(in: "Tests/Fixtures/invalid-criteria")

  /// The single YAML document of a file, read by the project's own reader.
  static func document(_ relative: String) throws -> DataNode {
    let data = try #require(FileManager.default.contents(atPath: TestSupport.path(relative)), "cannot read \(relative)")
    let parsed = YAMLReader.read(bytes: [UInt8](data), file: relative)
    #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map { $0.rendered(in: .en) })")
    #expect(parsed.documents.count == 1, "\(relative) should hold exactly one YAML document")
    return try #require(parsed.documents.first)
  }

  @Test("the schema is well-formed: only supported keywords, every $ref resolves")
  func schemaLoads() throws {
    let schema = try Self.schema()
    #expect(schema.root["$schema"]?.string == "https://json-schema.org/draft/2020-12/schema")
    #expect(schema.unresolvedReferences().isEmpty)
  }

  @Test("there are criteria files and 6–10 invalid fixtures")
  func filesExist() {
    #expect(!Self.criteriaFiles.isEmpty, "no criteria files under \(TestSupport.path("Criteria"))")
    #expect((6...10).contains(Self.invalidFixtures.count), "\(Self.invalidFixtures)")
  }

  @Test("the schema accepts every criteria file", arguments: criteriaFiles)
  func acceptsCriteria(_ file: String) throws {
    let failures = try Self.schema().validate(Self.document(file))
    #expect(
      failures.isEmpty,
      "\(file) does not match docs/criteria.schema.json:\n\(failures.map(\.description).joined(separator: "\n"))")
  }

  @Test(
    "an invalid fixture is rejected by both the schema and the loader, at the same place", arguments: invalidFixtures)
  func rejectsInvalid(_ file: String) throws {
    let failures = try Self.schema().validate(Self.document(file))
    #expect(!failures.isEmpty, "the schema accepts \(file)")

    let (set, diagnostics) = CriteriaLoader.load(path: TestSupport.path(file))
    let errors = diagnostics.filter { $0.severity == .error }
    #expect(set == nil, "the loader accepts \(file)")
    #expect(!errors.isEmpty, "the loader reports no error for \(file)")
    for error in errors {
      let location = try #require(error.location, "an error without a location: \(error.rendered(in: .en))")
      #expect(location.line > 0 && location.column > 0, "\(error.rendered(in: .en))")
      #expect(location.file.hasSuffix(file), "\(error.rendered(in: .en)) should point into \(file)")
    }

    // Each fixture is invalid for one reason: the schema and the loader flag the same line.
    let schemaLines = Set(failures.map(\.location.line))
    let loaderLines = Set(errors.compactMap { $0.location?.line })
    #expect(
      !schemaLines.isDisjoint(with: loaderLines),
      """
      \(file): the schema and the loader flag different lines
      schema: \(failures.map(\.description).joined(separator: "\n        "))
      loader: \(errors.map { $0.rendered(in: .en) }.joined(separator: "\n        "))
      """)
  }

  // MARK: In step with the loader

  /// A small valid set without examples.
  static let base = """
    id: demo
    title: {vi: "Bộ thử", en: "Demo"}
    source: {document: demo, clause: "1"}
    inputs:
      population: {type: count}
      insured: count
      zone: {type: enum, values: [{id: "1"}]}
    rules:
      - {check: "insured <= population"}
    groups:
      - {id: g, title: "G"}
    indicators:
      - id: bhyt
        title: "BHYT"
        measure: insured / population
        unit: percent
        target: "trên 95%"
        gap: {unit: people}
    pass_rule: {all_indicators: true}

    """

  /// A small valid set; each check below breaks one place of it.
  static let valid =
    base + """
      examples:
        - name: "đạt"
          station: {population: 100, insured: 96}
          commune: pass
          expect: {bhyt: pass}
        - name: "thiếu 1 người"
          station: {population: 100, insured: 95}
          expect: {bhyt: {status: fail, gap: 1}}

      """

  @Test("the valid base set loads and matches the schema")
  func validBase() throws {
    let (set, diagnostics) = TestSupport.criteria(yaml: Self.valid)
    #expect(set != nil, "\(diagnostics.map { $0.rendered(in: .en) })")
    let parsed = YAMLReader.read(bytes: Array(Self.valid.utf8), file: "inline.yaml")
    let failures = try Self.schema().validate(try #require(parsed.documents.first))
    #expect(failures.isEmpty, "\(failures.map(\.description))")
  }

  /// The list after "expected one of: " in the loader's (English) error for the changed set.
  static func loaderList(replacing old: String, with new: String) throws -> [String] {
    #expect(valid.contains(old), "'\(old)' is not in the base set")
    let (_, diagnostics) = TestSupport.criteria(yaml: valid.replacingOccurrences(of: old, with: new))
    let messages = diagnostics.filter { $0.severity == .error }.map(\.message.en)
    let message = try #require(messages.first { $0.contains("expected one of: ") }, "\(messages)")
    let list = try #require(message.components(separatedBy: "expected one of: ").last)
    return list.components(separatedBy: ", ")
  }

  /// The property names of the object schema at `reference`.
  static func schemaKeys(_ reference: String) throws -> Set<String> {
    let schema = try Self.schema()
    let object = try #require(MiniJSONSchema.resolve(reference, in: schema.root), "no \(reference) in the schema")
    guard case .object(let properties) = object["properties"] else {
      Issue.record("\(reference) has no properties")
      return []
    }
    return Set(properties.keys)
  }

  @Test(
    "the schema's keys are the loader's",
    arguments: [
      // (where, base text, broken text, schema object)
      ("top level", "pass_rule: {all_indicators: true}\n", "pass_rule: {all_indicators: true}\nbogus_key: 1\n", "#"),
      ("source", "clause: \"1\"}", "clause: \"1\", bogus_key: 1}", "#/$defs/sourceDocument"),
      ("input", "{type: count}", "{type: count, bogus_key: 1}", "#/$defs/inputObject"),
      ("enum value", "{id: \"1\"}", "{id: \"1\", bogus_key: 1}", "#/$defs/enumValue/oneOf/1"),
      ("rule", "population\"}", "population\", bogus_key: 1}", "#/$defs/rule"),
      ("group", "title: \"G\"}", "title: \"G\", bogus_key: 1}", "#/$defs/group"),
      ("indicator", "    title: \"BHYT\"\n", "    title: \"BHYT\"\n    bogus_key: 1\n", "#/$defs/indicatorPatch"),
      ("gap", "{unit: people}", "{unit: people, bogus_key: 1}", "#/$defs/gap"),
      ("pass rule", "{all_indicators: true}", "{all_indicators: true, bogus_key: 1}", "#/$defs/passRule"),
      ("label", "en: \"Demo\"}", "en: \"Demo\", bogus_key: 1}", "#/$defs/localizedObject"),
      ("example", "commune: pass", "commune: pass\n    bogus_key: 1", "#/$defs/example"),
      (
        "expected outcome", "{status: fail, gap: 1}", "{status: fail, gap: 1, bogus_key: 1}",
        "#/$defs/expectation/oneOf/1"
      ),
    ])
  func keys(_ place: String, _ old: String, _ new: String, _ reference: String) throws {
    let loader = Set(try Self.loaderList(replacing: old, with: new))
    let schema = try Self.schemaKeys(reference)
    #expect(
      loader.subtracting(schema).isEmpty,
      "\(place): keys the loader accepts but the schema lacks: \(loader.subtracting(schema).sorted())")
    let extra = schema.subtracting(loader)
    #expect(extra.isEmpty, "\(place): keys the schema allows but the loader rejects: \(extra.sorted())")
  }

  static func schemaEnum(_ reference: String) throws -> [String] {
    let schema = try Self.schema()
    let node = try #require(MiniJSONSchema.resolve(reference, in: schema.root), "no \(reference) in the schema")
    guard case .array(let values) = node["enum"] else {
      Issue.record("\(reference) has no enum")
      return []
    }
    return values.compactMap(\.string)
  }

  @Test("input types, units and levels are the loader's")
  func enums() throws {
    let types = try Self.loaderList(replacing: "insured: count", with: "insured: bogus")
    #expect(try Self.schemaEnum("#/$defs/inputObject/properties/type") == types)
    #expect(try Self.schemaEnum("#/$defs/scalarTypeName") == types.filter { $0 != "enum" && $0 != "list" })
    #expect(try Self.schemaEnum("#/$defs/fieldObject/properties/type") == types.filter { $0 != "list" })

    let units = try Self.loaderList(replacing: "unit: percent", with: "unit: bogus")
    #expect(units == MeasureUnit.allCases.map(\.rawValue))
    #expect(try Self.schemaEnum("#/$defs/indicatorPatch/properties/unit") == units)

    #expect(try Self.schemaEnum("#/$defs/level") == Level.allCases.map(\.rawValue))

    #expect(try Self.schemaEnum("#/$defs/example/properties/commune") == CommuneStatus.allCases.map(\.rawValue))
    let statuses = Set(try Self.schemaEnum("#/$defs/status"))
    let loaderStatuses = Set(IndicatorStatus.allCases.map(\.rawValue))
    #expect(
      loaderStatuses.subtracting(statuses).isEmpty, "statuses the schema lacks: \(loaderStatuses.subtracting(statuses))"
    )
    // `waived` is being added to the evaluator; the schema already allows it.
    #expect(statuses.subtracting(loaderStatuses).subtracting(["waived"]).isEmpty)

    let gapUnits = try Self.schemaEnum("#/$defs/gap/properties/unit/anyOf/0")
    let loaderGapUnits = try Self.loaderGapUnits()
    #expect(Set(gapUnits) == Set(loaderGapUnits))
  }

  /// The built-in gap units, from the loader's error for an unknown one.
  static func loaderGapUnits() throws -> [String] {
    let (_, diagnostics) = TestSupport.criteria(
      yaml: valid.replacingOccurrences(of: "{unit: people}", with: "{unit: bogus}"))
    let message = try #require(diagnostics.first { $0.message.en.contains("unknown gap unit") }?.message.en)
    // "unknown gap unit 'bogus'; use one of beds, children, … or {vi: …, en: …}"
    let list = try #require(message.components(separatedBy: "use one of ").last?.components(separatedBy: " or {").first)
    return list.components(separatedBy: ", ")
  }

  static func schemaAccepts(target text: String, schema: MiniJSONSchema) -> Bool {
    let node = DataNode(.scalar(text, .quoted), at: SourceLocation(file: "target", line: 1, column: 1))
    return schema.validate(node, against: "#/$defs/target").isEmpty
  }

  @Test("every comparator of Target.phrases is accepted by the target pattern")
  func comparators() throws {
    let schema = try Self.schema()
    for (phrase, _) in Target.phrases {
      let capitalized = phrase.prefix(1).uppercased() + phrase.dropFirst()
      for text in ["\(phrase) 5", "\(phrase) 99,5%", "\(phrase) 99.5 %", "\(capitalized) 10", "  \(phrase)1  "] {
        let parsed = if case .success = Target.parse(text, unit: .percent) { true } else { false }
        #expect(parsed, "the loader refuses '\(text)'")
        #expect(Self.schemaAccepts(target: text, schema: schema), "the schema refuses '\(text)'")
      }
    }
    #expect(Self.schemaAccepts(target: "dưới 10‰", schema: schema))
  }

  @Test(
    "targets without a comparator or a number are refused by both",
    arguments: [
      "95%", "khoảng 75", "", "trên", "trên 99,5 người", "đạt trên mức 95%", "approximately 5", "5 trên", "trên 99,",
    ])
  func badTargets(_ text: String) throws {
    let parsed = if case .success = Target.parse(text, unit: .percent) { true } else { false }
    #expect(!parsed, "the loader accepts '\(text)'")
    #expect(try !Self.schemaAccepts(target: text, schema: Self.schema()), "the schema accepts '\(text)'")
  }

  @Test("extends: a child set gives only what it changes")
  func extendsChild() throws {
    let child = """
      extends: ct25-2030.yaml
      id: child
      indicators:
        - id: bhyt-coverage
          targets: {2030: "trên 99,9%"}

      """
    let parsed = YAMLReader.read(bytes: Array(child.utf8), file: "child.yaml")
    let schema = try Self.schema()
    #expect(schema.validate(try #require(parsed.documents.first)).isEmpty)
    // Without extends the same file lacks title, source, inputs and the indicator's title and measure,
    // and its target's % needs the indicator's `unit: percent`, inherited no more.
    let alone = YAMLReader.read(
      bytes: Array(child.replacingOccurrences(of: "extends: ct25-2030.yaml\n", with: "").utf8), file: "alone.yaml")
    let failures = schema.validate(try #require(alone.documents.first))
    #expect(failures.count == 6, "\(failures.map(\.description))")
  }

  @Test("examples: worked cases with expected outcomes")
  func examples() throws {
    let withExamples =
      Self.base + """
        examples:
          - name: "đạt: BHYT 96%"
            year: 2025
            station: {code: "00001", population: 100, insured: 96}
            expect: {bhyt: pass}
            commune: pass
          - name: "thiếu 1 người"
            stations: [{code: "00002", population: 100, insured: 95}]
            expect:
              bhyt: {status: fail, gap: 1, items: []}

        """
    let schema = try Self.schema()
    let good = YAMLReader.read(bytes: Array(withExamples.utf8), file: "examples.yaml")
    let goodFailures = schema.validate(try #require(good.documents.first))
    #expect(goodFailures.isEmpty, "\(goodFailures.map(\.description))")
    let (set, diagnostics) = TestSupport.criteria(yaml: withExamples)
    #expect(set?.examples.count == 2, "\(diagnostics.map { $0.rendered(in: .en) })")

    for (old, new) in [
      ("expect: {bhyt: pass}", "expect: {bhyt: passed}"),  // not a status
      ("expect: {bhyt: pass}", "expect: {BHYT: pass}"),  // not an indicator id
      ("commune: pass", "commune: unknown"),  // commune status is pass, fail or incomplete
      ("year: 2025", "year: 2025.5"),
      ("    expect: {bhyt: pass}\n", ""),  // expect is required
      ("{status: fail, gap: 1, items: []}", "{status: fail, gap: many}"),
      ("{status: fail, gap: 1, items: []}", "{status: fail, gaps: 1}"),
      ("station: {code: \"00001\", population: 100, insured: 96}", "station: [1, 2]"),  // a station is a record
    ] {
      #expect(withExamples.contains(old), "\(old)")
      let text = withExamples.replacingOccurrences(of: old, with: new)
      let bad = YAMLReader.read(bytes: Array(text.utf8), file: "examples.yaml")
      #expect(bad.diagnostics.isEmpty, "\(new): \(bad.diagnostics.map { $0.rendered(in: .en) })")
      let document = try #require(bad.documents.first)
      #expect(!schema.validate(document).isEmpty, "the schema accepts \(new)")
    }
  }

  @Test("YAML scalars are typed as a YAML 1.2 language server types them")
  func scalarKinds() {
    func kind(_ text: String, _ style: DataNode.ScalarStyle = .plain) -> MiniJSONSchema.Kind {
      MiniJSONSchema.kind(of: DataNode(.scalar(text, style), at: SourceLocation(file: "k", line: 1, column: 1)))
    }
    #expect(kind("2030") == .integer)
    #expect(kind("-3") == .integer)
    #expect(kind("99.5") == .number)
    #expect(kind("1e3") == .number)
    #expect(kind("99,5") == .string)
    #expect(kind("2030", .quoted) == .string)
    #expect(kind("true") == .boolean)
    #expect(kind("yes") == .string)
    #expect(kind("~") == .null)
    #expect(kind("") == .null)
    #expect(kind("trên 95%") == .string)
  }
}
