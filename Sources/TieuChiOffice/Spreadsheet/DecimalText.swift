/// A number kept as the exact decimal text to write into a cell, so that no floating point is involved.
///
/// `0.9973` is written as `<v>0.9973</v>`, digit for digit. Only the canonical form is accepted: an optional `-`,
/// digits, and optionally `.` followed by digits (no exponent, no `+`, no grouping, no decimal comma — `99,5` is
/// rejected rather than misread, unlike `Decimal(string:)`, which reads it as 99). Spreadsheet programs read
/// the value as a binary double (about 15 significant digits), which is their limit, not the file's.
public struct DecimalText: Sendable, Hashable, CustomStringConvertible {
  /// The canonical text, e.g. `-12.50`.
  public let text: String

  /// `nil` unless `text` is canonical decimal text.
  public init?(_ text: String) {
    var bytes = Substring(text).utf8[...]
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
    let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }) else { return nil }
    self.text = text
  }

  /// The decimal text of an integer.
  public init(_ value: Int) {
    self.text = String(value)
  }

  public var description: String { text }
}
