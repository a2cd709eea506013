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
    case .null: Self.write("null", into: &output)
    case .bool(let value): Self.write(value ? "true" : "false", into: &output)
    case .number(var text): text.withUTF8 { output.append(contentsOf: $0) }
    case .string(let text): JSONValue.writeString(text, into: &output)
    case .array(let items):
      guard !items.isEmpty else {
        Self.write("[]", into: &output)
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
        Self.write("{}", into: &output)
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

  /// A literal's bytes, with no string made of it.
  private static func write(_ literal: StaticString, into output: inout [UInt8]) {
    output.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }

  static func newline(_ output: inout [UInt8], indent: Int, level: Int) {
    guard indent > 0 else { return }
    output.append(UInt8(ascii: "\n"))
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
  }

  static func writeString(_ text: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { utf8 in
      // Runs of bytes that need no escape (nearly all of them) are copied at once: a country-wide JSON report
      // is hundreds of megabytes of strings.
      var runStart = 0
      for (index, byte) in utf8.enumerated()
      where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
        runStart = index + 1
        switch byte {
        case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case UInt8(ascii: "\n"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case UInt8(ascii: "\r"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case UInt8(ascii: "\t"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        default:
          let hex = Array("0123456789abcdef".utf8)
          output.append(contentsOf: [
            UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)],
          ])
        }
      }
      // UTF-8 bytes of non-ASCII characters are copied as they are: JSON text is UTF-8.
      output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
    output.append(UInt8(ascii: "\""))
  }
}
