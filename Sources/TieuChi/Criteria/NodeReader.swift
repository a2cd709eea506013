/// Reads typed values out of a `DataNode` mapping, collecting diagnostics instead of stopping, so one
/// pass over a criteria file reports every problem in it.
struct NodeReader {
  private(set) var diagnostics: [Diagnostic] = []

  mutating func error(_ location: SourceLocation?, _ message: LocalizedText, hint: LocalizedText? = nil) {
    diagnostics.append(Diagnostic(at: location, message, hint: hint))
  }

  mutating func warning(_ location: SourceLocation?, _ message: LocalizedText, hint: LocalizedText? = nil) {
    diagnostics.append(Diagnostic(.warning, at: location, message, hint: hint))
  }

  /// The entries of a mapping, reporting keys outside `allowed` with a "did you mean".
  mutating func mapping(_ node: DataNode, what: LocalizedText, allowed: [String]) -> [String: DataNode.Entry]? {
    guard let entries = node.entries else {
      error(
        node.location,
        LocalizedText(
          vi: "\(what.vi) phải là một bảng khóa–giá trị, nhưng gặp \(node.kindName.vi)",
          en: "\(what.en) must be a mapping, found \(node.kindName.en)"))
      return nil
    }
    var result: [String: DataNode.Entry] = [:]
    for entry in entries {
      if allowed.contains(entry.key) {
        result[entry.key] = entry
      } else {
        error(
          entry.keyLocation,
          LocalizedText(
            vi: "khóa '\(entry.key)' không có trong \(what.vi); các khóa hợp lệ: \(allowed.joined(separator: ", "))",
            en: "unknown key '\(entry.key)' in \(what.en); expected one of: \(allowed.joined(separator: ", "))"),
          hint: Suggestions.hint(for: entry.key, in: allowed))
      }
    }
    return result
  }

  /// Reports a required key that is absent.
  mutating func require(_ key: String, in entries: [String: DataNode.Entry], of node: DataNode, what: LocalizedText) -> DataNode? {
    guard let value = entries[key]?.value else {
      error(
        node.location,
        LocalizedText(vi: "\(what.vi) thiếu khóa bắt buộc '\(key)'", en: "\(what.en) is missing the required key '\(key)'"))
      return nil
    }
    return value
  }

  mutating func string(_ node: DataNode, what: String) -> String? {
    guard let text = node.scalarText, !node.isNull else {
      error(
        node.location,
        LocalizedText(
          vi: "'\(what)' phải là một chuỗi, nhưng gặp \(node.kindName.vi)", en: "'\(what)' must be a string, found \(node.kindName.en)"))
      return nil
    }
    return text
  }

  mutating func identifier(_ node: DataNode, what: String) -> String? {
    guard let text = string(node, what: what) else { return nil }
    let valid =
      !text.isEmpty
      && text.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_" || $0 == "." }
      && text.unicodeScalars.first.map { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") } == true
    guard valid else {
      error(
        node.location,
        LocalizedText(
          vi: "'\(what)' chỉ gồm chữ thường không dấu, số, '-', '_' hoặc '.', gặp '\(text)'",
          en: "'\(what)' may only contain lower-case ASCII letters, digits, '-', '_' and '.', found '\(text)'"))
      return nil
    }
    return text
  }

  mutating func boolean(_ node: DataNode, what: String) -> Bool? {
    switch node.scalarText {
    case "true" where !node.isQuoted: return true
    case "false" where !node.isQuoted: return false
    default:
      error(
        node.location,
        LocalizedText(vi: "'\(what)' phải là true hoặc false", en: "'\(what)' must be true or false"))
      return nil
    }
  }

  mutating func number(_ node: DataNode, what: String) -> Rational? {
    guard let text = node.scalarText, !node.isNull, !node.isQuoted, case .success(let value) = NumberText.parseDecimal(text)
    else {
      error(node.location, LocalizedText(vi: "'\(what)' phải là một số", en: "'\(what)' must be a number"))
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
      error(
        node.location,
        LocalizedText(
          vi: "'\(what)' phải là một danh sách, nhưng gặp \(node.kindName.vi)", en: "'\(what)' must be a list, found \(node.kindName.en)"))
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
