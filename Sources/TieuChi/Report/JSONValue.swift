/// A JSON value with ordered object keys, written without Foundation so that output is stable
/// byte for byte (key order, number formatting) and fast for whole-country batches.
public indirect enum JSONValue: Sendable {
  case null
  case bool(Bool)
  /// A number already written as JSON text (exact decimals, never a Double's rounding).
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

  /// Writes the value; `indent` > 0 pretty-prints with that many spaces per level.
  public func serialized(indent: Int = 2) -> String {
    var output = ""
    output.reserveCapacity(4096)
    write(into: &output, indent: indent, level: 0)
    return output
  }

  private func write(into output: inout String, indent: Int, level: Int) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .number(let text): output += text
    case .string(let text): JSONValue.writeString(text, into: &output)
    case .array(let items):
      guard !items.isEmpty else {
        output += "[]"
        return
      }
      output += "["
      for (index, item) in items.enumerated() {
        if index > 0 { output += "," }
        newline(&output, indent: indent, level: level + 1)
        item.write(into: &output, indent: indent, level: level + 1)
      }
      newline(&output, indent: indent, level: level)
      output += "]"
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}"
        return
      }
      output += "{"
      for (index, (key, value)) in members.enumerated() {
        if index > 0 { output += "," }
        newline(&output, indent: indent, level: level + 1)
        JSONValue.writeString(key, into: &output)
        output += indent > 0 ? ": " : ":"
        value.write(into: &output, indent: indent, level: level + 1)
      }
      newline(&output, indent: indent, level: level)
      output += "}"
    }
  }

  private func newline(_ output: inout String, indent: Int, level: Int) {
    guard indent > 0 else { return }
    output += "\n"
    output += String(repeating: " ", count: indent * level)
  }

  static func writeString(_ text: String, into output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
