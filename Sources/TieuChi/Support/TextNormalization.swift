import Foundation

extension String {
  /// The text in Unicode NFC, the form Vietnamese text is compared and printed in.
  ///
  /// Readers call this on every key and value: Excel on macOS and some Kobo exports write Vietnamese
  /// decomposed (NFD), and output must not mix the two forms. The scan first skips the common case,
  /// text with no combining mark, so that a whole-country batch pays almost nothing for it.
  public var nfc: String {
    var needsWork = false
    for scalar in unicodeScalars where scalar.value >= 0x300 {
      // Combining diacritics (U+0300–U+036F) only appear in decomposed text; Hangul and other
      // composable scripts are left to Foundation too.
      if (0x300...0x36F).contains(scalar.value) || (0x1100...0x11FF).contains(scalar.value) {
        needsWork = true
        break
      }
    }
    return needsWork ? precomposedStringWithCanonicalMapping : self
  }
}

extension String {
  /// The text without diacritics, lower-cased, with runs of spaces as one: "Phúc Hoà" and "Phúc Hòa"
  /// (the two tone-mark placements real data has), "PHÚC HÒA" and "phuc hoa" all give "phuc hoa".
  ///
  /// For matching what a person typed or a register spelled against a name; never for display.
  public var foldedForMatching: String {
    var scalars = String.UnicodeScalarView()
    var lastWasSpace = true
    for scalar in decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
      // Combining diacritical marks (tones, breve, circumflex, horn) are dropped; đ has no decomposition.
      if (0x300...0x36F).contains(scalar.value) { continue }
      let base: Unicode.Scalar = scalar == "đ" ? "d" : scalar
      if base.properties.isWhitespace {
        if !lastWasSpace { scalars.append(" ") }
        lastWasSpace = true
      } else {
        scalars.append(base)
        lastWasSpace = false
      }
    }
    if scalars.last == " " { scalars.removeLast() }
    return String(scalars)
  }
}
