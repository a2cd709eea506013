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

  /// A whole number.
  public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

  /// Writes the value; `indent` > 0 pretty-prints with that many spaces per level.
  public func serialized(indent: Int = 2) -> String {
    String(decoding: bytes(indent: indent), as: UTF8.self)
  }

  /// The value as UTF-8 JSON text.
  public func bytes(indent: Int = 2, level: Int = 0) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(1024)
    write(into: &output, indent: indent, level: level)
    return output
  }

  func write(into output: inout [UInt8], indent: Int, level: Int) {
    switch self {
    case .null: output.append(contentsOf: "null".utf8)
    case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
    case .number(let text): output.append(contentsOf: text.utf8)
    case .string(let text): JSONValue.writeString(text, into: &output)
    case .array(let items):
      guard !items.isEmpty else {
        output.append(contentsOf: "[]".utf8)
        return
      }
      output.append(UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        JSONValue.newline(&output, indent: indent, level: level + 1)
        item.write(into: &output, indent: indent, level: level + 1)
      }
      JSONValue.newline(&output, indent: indent, level: level)
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      guard !members.isEmpty else {
        output.append(contentsOf: "{}".utf8)
        return
      }
      output.append(UInt8(ascii: "{"))
      for (index, (key, value)) in members.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        JSONValue.newline(&output, indent: indent, level: level + 1)
        JSONValue.writeString(key, into: &output)
        output.append(UInt8(ascii: ":"))
        if indent > 0 { output.append(UInt8(ascii: " ")) }
        value.write(into: &output, indent: indent, level: level + 1)
      }
      JSONValue.newline(&output, indent: indent, level: level)
      output.append(UInt8(ascii: "}"))
    }
  }

  static func newline(_ output: inout [UInt8], indent: Int, level: Int) {
    guard indent > 0 else { return }
    output.append(UInt8(ascii: "\n"))
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
  }

  static func writeString(_ text: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
      case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case UInt8(ascii: "\n"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case UInt8(ascii: "\r"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case UInt8(ascii: "\t"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        output.append(contentsOf: [
          UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)],
        ])
      default:
        // UTF-8 bytes of non-ASCII characters are copied as they are: JSON text is UTF-8.
        output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}
