import Foundation

@testable import TieuChi

/// A small JSON Schema (draft 2020-12) validator for the tests: just the keywords
/// `docs/criteria.schema.json` uses, applied to the `DataNode` tree the project's YAML reader
/// produces, so that no package dependency is needed.
///
/// Supported: boolean schemas, `$ref` (local `#/…` pointers) with `$defs`, `type`, `enum`, `const`,
/// `pattern`, `minLength`, `properties`, `patternProperties`, `additionalProperties`, `required`,
/// `minProperties`, `items`, `minItems`, `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`.
/// Annotations (`title`, `description`, …) are ignored; `errorMessage` and `patternErrorMessage`
/// (the VS Code extensions) replace the message of a failing keyword. Any other keyword makes `init`
/// throw, so the schema cannot silently rely on something this validator does not check.
///
/// YAML scalars are untyped text in a `DataNode`; they are typed the way YAML 1.2's core schema (and
/// so an editor's YAML language server) types them: a quoted scalar is a string; a plain one is null
/// (`~`, `null`, empty), a boolean (`true`, `false`), an integer, a number, or else a string. Mapping
/// keys are strings, as in JSON.
struct MiniJSONSchema {
  /// A JSON value, as the schema file holds it.
  indirect enum Value: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([Value])
    case object([String: Value])

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if container.decodeNil() {
        self = .null
      } else if let value = try? container.decode(Bool.self) {
        self = .bool(value)
      } else if let value = try? container.decode(Double.self) {
        self = .number(value)
      } else if let value = try? container.decode(String.self) {
        self = .string(value)
      } else if let value = try? container.decode([Value].self) {
        self = .array(value)
      } else {
        self = .object(try container.decode([String: Value].self))
      }
    }

    subscript(key: String) -> Value? {
      if case .object(let members) = self { return members[key] }
      return nil
    }

    var string: String? {
      if case .string(let text) = self { return text }
      return nil
    }

    var strings: [String] {
      switch self {
      case .string(let text): [text]
      case .array(let items): items.compactMap(\.string)
      default: []
      }
    }

    var int: Int? {
      if case .number(let number) = self, number == number.rounded() { return Int(number) }
      return nil
    }

    var rendered: String {
      switch self {
      case .null: "null"
      case .bool(let value): String(value)
      case .number(let value): value == value.rounded() ? String(Int(value)) : String(value)
      case .string(let text): "\"\(text)\""
      case .array(let items): "[" + items.map(\.rendered).joined(separator: ", ") + "]"
      case .object: "{…}"
      }
    }
  }

  /// One reason an instance does not match, at the node (or key) it is about.
  struct Failure: CustomStringConvertible {
    var location: SourceLocation
    /// JSON-pointer-like path of the instance node: `/indicators/0/target`.
    var path: String
    var message: String
    /// The node is not of the schema's `type` (used to rank the alternatives of `anyOf`/`oneOf`).
    var isTypeMismatch = false

    var description: String { "\(location): \(path.isEmpty ? "/" : path): \(message)" }
  }

  struct SchemaError: Error, CustomStringConvertible {
    var description: String
  }

  /// The kinds an instance node can have.
  enum Kind: String {
    case null, boolean, integer, number, string, array, object
  }

  let root: Value
  private let patterns: [String: NSRegularExpression]

  static let validationKeywords: Set<String> = [
    "$ref", "$defs", "type", "enum", "const", "pattern", "minLength", "properties", "patternProperties",
    "additionalProperties", "required", "minProperties", "items", "minItems", "allOf", "anyOf", "oneOf", "not", "if",
    "then", "else",
  ]
  static let annotationKeywords: Set<String> = [
    "$schema", "$id", "$comment", "title", "description", "markdownDescription", "examples", "default", "deprecated",
    "errorMessage", "patternErrorMessage",
  ]

  init(data: Data) throws {
    root = try JSONDecoder().decode(Value.self, from: data)
    var patterns: [String: NSRegularExpression] = [:]
    try Self.walk(root, path: "#", patterns: &patterns)
    self.patterns = patterns
    let missing = unresolvedReferences()
    guard missing.isEmpty else { throw SchemaError(description: "unresolved $ref: \(missing.joined(separator: ", "))") }
  }

  init(path: String) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw SchemaError(description: "cannot read the schema \(path)")
    }
    try self.init(data: data)
  }

  /// Checks that every keyword is supported and every `$ref` resolves, and compiles the patterns.
  private static func walk(_ schema: Value, path: String, patterns: inout [String: NSRegularExpression]) throws {
    if case .bool = schema { return }
    guard case .object(let members) = schema else {
      throw SchemaError(description: "\(path): a schema must be an object or a boolean")
    }
    for (keyword, value) in members {
      let here = "\(path)/\(keyword)"
      guard validationKeywords.contains(keyword) || annotationKeywords.contains(keyword) else {
        throw SchemaError(description: "\(here): keyword '\(keyword)' is not supported by MiniJSONSchema")
      }
      switch keyword {
      case "properties", "patternProperties", "$defs":
        guard case .object(let subschemas) = value else { throw SchemaError(description: "\(here) must be an object") }
        for (name, subschema) in subschemas {
          if keyword == "patternProperties" { try compile(name, at: here, into: &patterns) }
          try walk(subschema, path: "\(here)/\(name)", patterns: &patterns)
        }
      case "items", "additionalProperties", "not", "if", "then", "else":
        try walk(value, path: here, patterns: &patterns)
      case "allOf", "anyOf", "oneOf":
        guard case .array(let subschemas) = value, !subschemas.isEmpty else {
          throw SchemaError(description: "\(here) must be a non-empty array")
        }
        for (index, subschema) in subschemas.enumerated() {
          try walk(subschema, path: "\(here)/\(index)", patterns: &patterns)
        }
      case "pattern":
        guard let pattern = value.string else { throw SchemaError(description: "\(here) must be a string") }
        try compile(pattern, at: here, into: &patterns)
      case "$ref":
        guard value.string != nil else { throw SchemaError(description: "\(here) must be a string") }
      case "type":
        let known: Set<String> = ["null", "boolean", "integer", "number", "string", "array", "object"]
        guard !value.strings.isEmpty, value.strings.allSatisfy(known.contains) else {
          throw SchemaError(description: "\(here): unknown type \(value.rendered)")
        }
      default: break
      }
    }
  }

  private static func compile(_ pattern: String, at path: String, into patterns: inout [String: NSRegularExpression])
    throws
  {
    guard patterns[pattern] == nil else { return }
    do {
      patterns[pattern] = try NSRegularExpression(pattern: pattern)
    } catch {
      throw SchemaError(description: "\(path): invalid pattern \(pattern): \(error)")
    }
  }

  /// The subschema at a local reference such as `#/$defs/target`.
  static func resolve(_ reference: String, in root: Value) -> Value? {
    guard reference.hasPrefix("#") else { return nil }
    var node = root
    for token in reference.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
      let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
      switch node {
      case .object(let members):
        guard let next = members[key] else { return nil }
        node = next
      case .array(let items):
        guard let index = Int(key), items.indices.contains(index) else { return nil }
        node = items[index]
      default: return nil
      }
    }
    return node
  }

  /// Every `$ref` of the schema that does not resolve (empty when the schema is consistent).
  func unresolvedReferences() -> [String] {
    var missing: [String] = []
    func visit(_ value: Value) {
      switch value {
      case .object(let members):
        for (key, member) in members {
          if key == "$ref", let reference = member.string, Self.resolve(reference, in: root) == nil {
            missing.append(reference)
          }
          if key != "enum" && key != "const" && key != "examples" && key != "default" { visit(member) }
        }
      case .array(let items): items.forEach(visit)
      default: break
      }
    }
    visit(root)
    return missing
  }

  // MARK: Validation

  /// The reasons `node` does not match the whole schema (empty when it matches).
  func validate(_ node: DataNode) -> [Failure] {
    var failures: [Failure] = []
    check(node, against: root, path: "", into: &failures)
    return failures
  }

  /// The reasons `node` does not match the subschema at `reference` (e.g. `#/$defs/target`).
  func validate(_ node: DataNode, against reference: String) -> [Failure] {
    guard let schema = Self.resolve(reference, in: root) else {
      return [Failure(location: node.location, path: "", message: "unresolved reference \(reference)")]
    }
    var failures: [Failure] = []
    check(node, against: schema, path: "", into: &failures)
    return failures
  }

  static let integerPattern = try! NSRegularExpression(pattern: "^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
  static let numberPattern = try! NSRegularExpression(
    pattern:
      "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$")

  static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
    regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }

  /// The JSON kind of a node, the way a YAML 1.2 core-schema reader types it.
  static func kind(of node: DataNode) -> Kind {
    switch node.content {
    case .sequence: return .array
    case .mapping: return .object
    case .scalar(_, .quoted), .scalar(_, .spreadsheetError): return .string
    case .scalar(let text, .plain):
      if node.isNull { return .null }
      if ["true", "True", "TRUE", "false", "False", "FALSE"].contains(text) { return .boolean }
      if matches(integerPattern, text) { return .integer }
      if matches(numberPattern, text) { return .number }
      return .string
    }
  }

  /// The node as a JSON value, for `enum` and `const` (scalars only; collections never compare equal here).
  static func scalarValue(of node: DataNode) -> Value? {
    guard let text = node.scalarText else { return nil }
    switch kind(of: node) {
    case .null: return .null
    case .boolean: return .bool(text.lowercased() == "true")
    case .integer, .number:
      if text.hasPrefix("0x"), let value = Int(text.dropFirst(2), radix: 16) { return .number(Double(value)) }
      if text.hasPrefix("0o"), let value = Int(text.dropFirst(2), radix: 8) { return .number(Double(value)) }
      return Double(text).map(Value.number)
    default: return .string(text)
    }
  }

  private static func message(_ schema: [String: Value], _ fallback: String, pattern: Bool = false) -> String {
    (pattern ? schema["patternErrorMessage"]?.string : nil) ?? schema["errorMessage"]?.string ?? fallback
  }

  private func check(_ node: DataNode, against schema: Value, path: String, into failures: inout [Failure]) {
    switch schema {
    case .bool(true): return
    case .bool(false):
      failures.append(Failure(location: node.location, path: path, message: "no value is allowed here"))
      return
    case .object: break
    default: return
    }
    guard case .object(let s) = schema else { return }
    func fail(
      _ message: String, at location: SourceLocation? = nil, path childPath: String? = nil, typeMismatch: Bool = false
    ) {
      failures.append(
        Failure(
          location: location ?? node.location, path: childPath ?? path, message: message, isTypeMismatch: typeMismatch))
    }
    let kind = Self.kind(of: node)

    if let reference = s["$ref"]?.string {
      if let target = Self.resolve(reference, in: root) {
        check(node, against: target, path: path, into: &failures)
      } else {
        fail("unresolved reference \(reference)")
      }
    }

    if let types = s["type"]?.strings, !types.isEmpty {
      let ok = types.contains(kind.rawValue) || (kind == .integer && types.contains("number"))
      if !ok {
        fail(
          Self.message(s, "expected \(types.joined(separator: " or ")), found \(kind.rawValue) \(Self.describe(node))"),
          typeMismatch: true)
        return  // the other keywords would only echo the type error
      }
    }
    if case .array(let allowed) = s["enum"] {
      if !allowed.contains(where: { Self.scalarValue(of: node) == $0 }) {
        let hint =
          node.scalarText.flatMap { Suggestions.hint(for: $0, in: allowed.compactMap(\.string)) }.map { " (\($0.en))" }
          ?? ""
        // A list or mapping where scalars are listed is as wrong as a type mismatch (ranks `oneOf` branches).
        fail(
          Self.message(
            s, "\(Self.describe(node)) is not one of \(allowed.map(\.rendered).joined(separator: ", "))\(hint)"),
          typeMismatch: node.scalarText == nil)
      }
    }
    if let constant = s["const"], Self.scalarValue(of: node) != constant {
      fail(Self.message(s, "\(Self.describe(node)) must be \(constant.rendered)"), typeMismatch: node.scalarText == nil)
    }
    if kind == .string, let text = node.scalarText {
      if let pattern = s["pattern"]?.string, let regex = patterns[pattern], !Self.matches(regex, text) {
        fail(Self.message(s, "\(Self.describe(node)) does not match the pattern \(pattern)", pattern: true))
      }
      if let minimum = s["minLength"]?.int, text.unicodeScalars.count < minimum {
        fail(Self.message(s, "\(Self.describe(node)) is shorter than \(minimum) characters"))
      }
    }

    if kind == .object, let entries = node.entries {
      let properties: [String: Value] = if case .object(let p) = s["properties"] { p } else { [:] }
      let patternProperties: [String: Value] = if case .object(let p) = s["patternProperties"] { p } else { [:] }
      for entry in entries {
        let childPath = "\(path)/\(Self.escape(entry.key))"
        var matched = false
        if let subschema = properties[entry.key] {
          matched = true
          if case .bool(false) = subschema {
            fail(Self.message(s, "key '\(entry.key)' is not allowed here"), at: entry.keyLocation, path: childPath)
          } else {
            check(entry.value, against: subschema, path: childPath, into: &failures)
          }
        }
        for (pattern, subschema) in patternProperties
        where patterns[pattern].map({ Self.matches($0, entry.key) }) == true {
          matched = true
          check(entry.value, against: subschema, path: childPath, into: &failures)
        }
        if !matched, let additional = s["additionalProperties"] {
          if case .bool(false) = additional {
            var message = "unknown key '\(entry.key)'"
            if !properties.isEmpty {
              message += "; expected one of: \(properties.keys.sorted().joined(separator: ", "))"
              if let hint = Suggestions.hint(for: entry.key, in: properties.keys.sorted()) {
                message += " (\(hint.en))"
              }
            } else if !patternProperties.isEmpty {
              message += "; keys must match \(patternProperties.keys.sorted().joined(separator: " or "))"
            }
            fail(message, at: entry.keyLocation, path: childPath)
          } else {
            check(entry.value, against: additional, path: childPath, into: &failures)
          }
        }
      }
      for key in s["required"]?.strings ?? [] where !entries.contains(where: { $0.key == key }) {
        fail(Self.message(s, "missing the required key '\(key)'"))
      }
      if let minimum = s["minProperties"]?.int, entries.count < minimum {
        fail(Self.message(s, "needs at least \(minimum) key(s)"))
      }
    }

    if kind == .array, let items = node.items {
      if let itemSchema = s["items"] {
        for (index, item) in items.enumerated() {
          check(item, against: itemSchema, path: "\(path)/\(index)", into: &failures)
        }
      }
      if let minimum = s["minItems"]?.int, items.count < minimum {
        fail(Self.message(s, "needs at least \(minimum) item(s), found \(items.count)"))
      }
    }

    if case .array(let subschemas) = s["allOf"] {
      for subschema in subschemas { check(node, against: subschema, path: path, into: &failures) }
    }
    if case .array(let subschemas) = s["anyOf"] {
      let outcomes = subschemas.map { attempt(node, $0, path: path) }
      if !outcomes.contains(where: \.isEmpty) { failures += closest(outcomes, path: path) }
    }
    if case .array(let subschemas) = s["oneOf"] {
      let outcomes = subschemas.map { attempt(node, $0, path: path) }
      let passing = outcomes.filter(\.isEmpty).count
      if passing == 0 {
        failures += closest(outcomes, path: path)
      } else if passing > 1 {
        fail(Self.message(s, "matches \(passing) of the alternatives where exactly one is expected"))
      }
    }
    if let negated = s["not"], attempt(node, negated, path: path).isEmpty {
      fail(Self.message(s, "must not match \(negated["description"]?.string ?? "the excluded form")"))
    }
    if let condition = s["if"] {
      if attempt(node, condition, path: path).isEmpty {
        if let then = s["then"] { check(node, against: then, path: path, into: &failures) }
      } else if let otherwise = s["else"] {
        check(node, against: otherwise, path: path, into: &failures)
      }
    }
  }

  private func attempt(_ node: DataNode, _ schema: Value, path: String) -> [Failure] {
    var failures: [Failure] = []
    check(node, against: schema, path: path, into: &failures)
    return failures
  }

  /// The failures of the alternative that came closest: one whose `type` fits the node, with the
  /// fewest failures (so `population: integer` is told about the type names, not "expected an object").
  private func closest(_ outcomes: [[Failure]], path: String) -> [Failure] {
    let ranked = outcomes.map { failures -> (Int, [Failure]) in
      let typeMismatch = failures.contains { $0.isTypeMismatch && $0.path == path }
      return ((typeMismatch ? 1000 : 0) + failures.count, failures)
    }
    return ranked.min { $0.0 < $1.0 }?.1 ?? []
  }

  static func escape(_ key: String) -> String {
    key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
  }

  static func describe(_ node: DataNode) -> String {
    switch node.content {
    case .scalar(let text, _): node.isNull ? "null" : "'\(text)'"
    case .sequence: "a list"
    case .mapping: "a mapping"
    }
  }
}
