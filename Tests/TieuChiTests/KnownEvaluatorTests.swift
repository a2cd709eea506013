import Testing

@testable import TieuChi

/// The compiled evaluator of the summary lane (`KnownEvaluator`) must give, wherever it gives anything, exactly the
/// value `ExpressionEvaluator` gives on the same record, and step aside (give nothing) where it is not certain: a
/// value missing, a division by zero, operands of different kinds.
@Suite("The lane's compiled expressions give the usual evaluator's values")
struct KnownEvaluatorTests {
  static let expressions = [
    "insured / population",
    "insured * 1000 / population >= 995",
    "-insured + population",
    "population - insured == 0",
    "count(staff where role == \"doctor\" and permanent)",
    "count(staff where not permanent or role != \"nurse\")",
    "count(staff where \"doctor\" == role)",
    "all(hamlets, trained_health_workers >= 1)",
    "any(hamlets, trained_health_workers > 2)",
    "sum(hamlets.trained_health_workers)",
    "sum(hamlets.trained_health_workers where trained_health_workers >= 2) / count(hamlets)",
    "meets_national_criteria and insured <= population",
    "meets_national_criteria or insured > population",
    "not meets_national_criteria",
    "count(hamlets where trained_health_workers == 1) == count(hamlets)",
  ]

  /// Stations of every shape the lane meets: all known, values missing, a zero to divide by, empty lists, a list
  /// row with a value missing.
  static let stations = [
    station("00001", [:]),
    station("00002", ["population": "0", "insured": "0"]),
    station("00003", ["population": "~"]),
    station("00004", ["meets_national_criteria": "~"]),
    station("00005", ["staff": "[]", "hamlets": "[]"]),
    station(
      "00006",
      [
        "staff": "[{name: A, role: doctor, permanent: false}, {name: B, role: nurse}, {name: C, permanent: true}]",
        "hamlets": "[{name: X, trained_health_workers: 3}, {name: Y}]",
      ]),
    station(
      "00007",
      [
        "staff": "[{name: A, role: nurse, permanent: true}, {name: B, role: doctor, permanent: true}]",
        "hamlets": "[{name: X, trained_health_workers: 2}, {name: Y, trained_health_workers: 0}]",
        "meets_national_criteria": "false", "insured": "24700",
      ]),
  ]

  static func station(_ code: String, _ values: [String: String]) -> String {
    var fields: [String: String] = [
      "population": "24627", "insured": "24550",
      "staff": "[{name: A, role: doctor, permanent: true}, {name: B, role: nurse, permanent: false}]",
      "hamlets": "[{name: X, trained_health_workers: 1}, {name: Y, trained_health_workers: 1}]",
      "meets_national_criteria": "true",
    ]
    fields.merge(values) { $1 }
    return "---\ncode: \"\(code)\"\nyear: 2025\n"
      + fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)\n" }.joined()
  }

  /// `record`'s values as the lane reads them.
  static func typed(_ record: StationRecord, schema: InputSchema) -> TypedRecord {
    var typed = TypedRecord(schema: schema)
    func value(_ input: InputValue) -> TypedRecord.Value {
      switch input {
      case .missing: return .missing
      case .number(let n): return .number(n)
      case .boolean(let b): return .boolean(b)
      case .text(let t): return TypedRecord.text(t, in: &typed.texts)
      case .invalid, .list:
        Issue.record("not a plain value: \(input)")
        return .missing
      }
    }
    for (slot, input) in record.values.enumerated() {
      if case .list(let items) = input {
        typed.hasList[slot] = true
        for item in items {
          let values = item.values.map(value)
          typed.lists[slot] += values
        }
      } else {
        let known = value(input)
        typed.values[slot] = known
      }
    }
    return typed
  }

  static func describe(_ value: KnownEvaluator.Known?) -> String {
    switch value {
    case .number(let n)?: "number \(n)"
    case .boolean(let b)?: "boolean \(b)"
    case .text(let t)?: "text \(t)"
    case nil: "nothing"
    }
  }

  static func describe(_ value: Value) -> String {
    switch value {
    case .number(let n): "number \(n)"
    case .boolean(let b): "boolean \(b)"
    case .text(let t): "text \(t)"
    case .unknown: "nothing"
    }
  }

  @Test("Every expression on every station: the same value, or nothing where the usual value is unknown")
  func sameValues() throws {
    let criteria = try TestSupport.criteria()
    let schema = criteria.schema
    let batch = TestSupport.batch(Self.stations.joined(), schema: schema)
    #expect(batch.diagnostics.isEmpty, "\(batch.diagnostics.map { $0.rendered(in: .en) })")
    try #require(batch.records.count == Self.stations.count)
    var given = 0
    for text in Self.expressions {
      let source = ExpressionParser.Source(text: text, origin: SourceLocation(file: "test"), quoted: false)
      let expression = try ExpressionParser.parse(source, schema: schema).0
      let compiled = try #require(KnownEvaluator(expression))
      // The copy for another core evaluates the same.
      let copy = KnownEvaluator(copying: compiled)
      for record in batch.records {
        let usual = Self.describe(ExpressionEvaluator(schema: schema, record: record).evaluate(expression))
        let typed = Self.typed(record, schema: schema)
        let known = compiled.evaluate(typed)
        #expect(Self.describe(copy.evaluate(typed)) == Self.describe(known))
        // Asked for a number or a yes/no, the same value when it is one, and nothing otherwise.
        if case .number(let n)? = known {
          #expect(compiled.number(typed) == n)
        } else {
          #expect(compiled.number(typed) == nil)
        }
        if case .boolean(let b)? = known {
          #expect(compiled.boolean(typed) == b)
        } else {
          #expect(compiled.boolean(typed) == nil)
        }
        if known == nil {
          // Stepping aside is never wrong, but from a station whose every value is known it is only a cost.
          #expect(!["00001", "00007"].contains(record.code), "\(text) on \(record.code): nothing, usually \(usual)")
        } else {
          given += 1
          #expect(Self.describe(known) == usual, "\(text) on \(record.code)")
        }
      }
    }
    #expect(given >= Self.expressions.count * 3)
  }

  @Test("Operands of different kinds compare to nothing, as a text compared with a number")
  func differentKinds() throws {
    let schema = try TestSupport.criteria().schema
    let text = try #require(schema.index(of: "population"))
    let flag = try #require(schema.index(of: "meets_national_criteria"))
    var record = TypedRecord(schema: schema)
    record.values[text] = TypedRecord.text("24627", in: &record.texts)
    record.values[flag] = .number(Rational(1))
    let population = ExpressionParser.Source(text: "population >= 1", origin: SourceLocation(file: "t"), quoted: false)
    let national = ExpressionParser.Source(
      text: "not meets_national_criteria", origin: SourceLocation(file: "t"), quoted: false)
    for source in [population, national] {
      let compiled = try #require(KnownEvaluator(try ExpressionParser.parse(source, schema: schema).0))
      #expect(compiled.evaluate(record) == nil, "\(source.text)")
    }
  }
}
