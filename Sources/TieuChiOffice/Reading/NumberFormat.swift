/// Number format codes: the built-in ones Excel refers to by id only, and what a code means for reading.
enum NumberFormat {
  /// ECMA-376 Part 1, 18.8.30: the built-in formats every locale shares (ids absent here are locale-specific).
  static let builtIn: [Int: String] = [
    1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?",
    13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)",
    38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss",
    46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
  ]

  /// Built-in ids whose values are dates or times (14–22, 45–47); the date shown by a locale may differ from the
  /// code above (id 14 is `dd/mm/yyyy` in a Vietnamese Excel), the value does not.
  static func isDateID(_ id: Int) -> Bool {
    (14...22).contains(id) || (45...47).contains(id)
  }

  /// The letters of `code` that are format symbols: quoted text, `\x` escapes, `_x` and `*x` paddings and
  /// `[...]` sections (colours, locales, elapsed times) removed, in lower case.
  private static func symbols(_ code: String) -> [UInt8] {
    var result: [UInt8] = []
    var iterator = code.utf8.makeIterator()
    while let byte = iterator.next() {
      switch byte {
      case UInt8(ascii: "\""):
        while let next = iterator.next(), next != UInt8(ascii: "\"") {}
      case UInt8(ascii: "["):
        while let next = iterator.next(), next != UInt8(ascii: "]") {}
      case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"):
        _ = iterator.next()
      default:
        result.append(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0))
      }
    }
    return result
  }

  /// Whether a custom code formats dates: it has a day, month or year symbol outside quotes and brackets.
  static func isDate(_ code: String) -> Bool {
    symbols(code).contains { $0 == UInt8(ascii: "d") || $0 == UInt8(ascii: "m") || $0 == UInt8(ascii: "y") }
  }

  /// Whether `code` shows a percentage (`%` outside quotes and brackets).
  static func isPercent(_ code: String) -> Bool {
    symbols(code).contains(UInt8(ascii: "%"))
  }
}
