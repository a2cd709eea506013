import Foundation

/// Excel's rules for sheet (tab) names, applied to arbitrary text.
public enum SheetName {
  /// Excel's limit, counted in UTF-16 code units as Excel counts them.
  public static let maximumLength = 31

  /// One valid name per input, in order, unique ignoring case:
  /// - characters Excel forbids (`[ ] : * ? / \`) and control characters become `_`;
  /// - text is put in NFC (so a decomposed Vietnamese letter counts once) and trimmed of spaces, and a leading or
  ///   trailing `'` is removed (Excel rejects it);
  /// - an empty result becomes `Sheet1`, `Sheet2`, … after its position, and `History` (reserved) becomes
  ///   `History_`;
  /// - the name is cut to 31 UTF-16 units without splitting a character;
  /// - a name already taken (ignoring case) gets ` (2)`, ` (3)`, … with the base cut so that the whole fits.
  public static func sanitized(_ names: [String]) -> [String] {
    var taken = Set<String>()
    var result: [String] = []
    for (position, name) in names.enumerated() {
      var base = clean(name)
      if base.isEmpty { base = "Sheet\(position + 1)" }
      if base.lowercased() == "history" { base += "_" }
      base = truncated(base, to: maximumLength)
      var candidate = base
      var counter = 2
      while taken.contains(candidate.lowercased()) {
        let suffix = " (\(counter))"
        candidate = truncated(base, to: maximumLength - suffix.utf16.count) + suffix
        counter += 1
      }
      taken.insert(candidate.lowercased())
      result.append(candidate)
    }
    return result
  }

  private static func clean(_ name: String) -> String {
    let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    var text = String(
      name.precomposedStringWithCanonicalMapping.map { character in
        forbidden.contains(character) || character.unicodeScalars.contains(where: isControl) ? "_" : character
      })
    text = text.trimmingCharacters(in: " ")
    while text.hasPrefix("'") { text.removeFirst() }
    while text.hasSuffix("'") { text.removeLast() }
    return text.trimmingCharacters(in: " ")
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
  }

  private static func truncated(_ text: String, to limit: Int) -> String {
    text.prefix(utf16Units: limit).trimmingCharacters(in: " ")
  }
}

extension String {
  fileprivate func trimmingCharacters(in character: Character) -> String {
    var slice = Substring(self)
    while slice.first == character { slice.removeFirst() }
    while slice.last == character { slice.removeLast() }
    return String(slice)
  }
}
