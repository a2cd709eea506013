import Foundation

extension String {
  /// The text in Unicode NFC: Vietnamese typed on macOS may arrive decomposed (a base letter and combining marks),
  /// and would then not equal the same word typed on Windows. ASCII text is returned as is, without the cost.
  var precomposedForXLSX: String {
    guard utf8.contains(where: { $0 >= 0x80 }) else { return self }
    return precomposedStringWithCanonicalMapping
  }
}
