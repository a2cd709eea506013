/// Reads typed values out of a `DataNode` mapping, collecting diagnostics instead of stopping, so one
/// pass over a criteria file reports every problem in it.
struct NodeReader {
  private(set) var diagnostics: [Diagnostic] = []
  /// For each mapping (by its location), the allowed keys that a misspelt key was probably meant to be:
  /// `mesure:` is reported once, as a misspelling, not again as a missing `measure`.
  private var misspelt: [SourceLocation: Set<String>] = [:]

  /// Records a problem from the catalogue (`CriteriaLoader+Messages.swift`).
  mutating func report(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
  }

  /// Reports each declaration whose id repeats an earlier one's, with a note at the first: ids name
  /// things across the file (`group: g1`, `expect: {bhyt: …}`), so a repeated one is ambiguous.
  mutating func reportDuplicates(
    _ declarations: [(id: String, location: SourceLocation)], kind: Diagnostic.DuplicateKind
  ) {
    var first: [String: SourceLocation] = [:]
    for (id, location) in declarations {
      if let earlier = first[id] {
        report(.duplicateDeclaration(kind, id, at: location, first: earlier))
      } else {
        first[id] = location
      }
    }
  }

  /// The text and position of `key` in each mapping item that has it as a scalar.
  static func declarations(in items: [DataNode], key: String = "id") -> [(id: String, location: SourceLocation)] {
    items.compactMap { item in
      guard let node = item[key], let text = node.scalarText, !node.isNull else { return nil }
      return (text, node.location)
    }
  }

  /// The entries of a mapping, reporting keys outside `allowed` with a "did you mean".
  mutating func mapping(_ node: DataNode, what: LocalizedText, allowed: [String]) -> [String: DataNode.Entry]? {
    guard let entries = node.entries else {
      report(.criteriaNotAMapping(what, found: node.kindName, at: node.location))
      return nil
    }
    var result: [String: DataNode.Entry] = [:]
    for entry in entries {
      if allowed.contains(entry.key) {
        result[entry.key] = entry
      } else {
        report(.criteriaUnknownKey(entry.key, in: what, expected: allowed, at: entry.keyLocation))
        if let meant = Suggestions.closest(to: entry.key, in: allowed) {
          misspelt[node.location, default: []].insert(meant)
        }
      }
    }
    return result
  }

  /// Reports a required key that is absent.
  mutating func require(_ key: String, in entries: [String: DataNode.Entry], of node: DataNode, what: LocalizedText)
    -> DataNode?
  {
    guard let value = entries[key]?.value else {
      if misspelt[node.location]?.contains(key) != true {
        report(.criteriaMissingKey(key, in: what, at: node.location))
      }
      return nil
    }
    return value
  }

  mutating func string(_ node: DataNode, what: String) -> String? {
    guard let text = node.scalarText, !node.isNull else {
      report(.criteriaNotAString(what, found: node.kindName, at: node.location))
      return nil
    }
    return text
  }

  mutating func identifier(_ node: DataNode, what: String) -> String? {
    guard let text = string(node, what: what) else { return nil }
    let valid =
      !text.isEmpty
      && text.unicodeScalars.allSatisfy {
        ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_" || $0 == "."
      }
      && text.unicodeScalars.first.map { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") } == true
    guard valid else {
      report(.criteriaInvalidIdentifier(what, text, at: node.location))
      return nil
    }
    return text
  }

  mutating func boolean(_ node: DataNode, what: String) -> Bool? {
    switch node.scalarText {
    case "true" where !node.isQuoted: return true
    case "false" where !node.isQuoted: return false
    default:
      report(.criteriaNotABoolean(what, at: node.location))
      return nil
    }
  }

  mutating func number(_ node: DataNode, what: String) -> Rational? {
    guard let text = node.scalarText, !node.isNull, !node.isQuoted,
      case .success(let value) = NumberText.parseDecimal(text)
    else {
      report(.criteriaNotANumber(what, at: node.location))
      return nil
    }
    return value
  }

  /// `{vi: …, en: …}`, or a plain string used for both languages.
  mutating func localized(_ node: DataNode, what: String) -> LocalizedText? {
    if node.scalarText != nil {
      return string(node, what: what).map { LocalizedText($0) }
    }
    let whatText = LocalizedText(vi: "'\(what)'", en: "'\(what)'")
    guard let entries = mapping(node, what: whatText, allowed: ["vi", "en"]) else { return nil }
    guard let viNode = require("vi", in: entries, of: node, what: whatText), let vi = string(viNode, what: "\(what).vi")
    else { return nil }
    let en = entries["en"].flatMap { string($0.value, what: "\(what).en") } ?? vi
    return LocalizedText(vi: vi, en: en)
  }

  /// The items of a sequence.
  mutating func sequence(_ node: DataNode, what: String) -> [DataNode]? {
    guard let items = node.items else {
      report(.criteriaNotAList(what, found: node.kindName, at: node.location))
      return nil
    }
    return items
  }
}

extension DataNode {
  var isQuoted: Bool {
    if case .scalar(_, .quoted) = content { return true }
    return false
  }
}
