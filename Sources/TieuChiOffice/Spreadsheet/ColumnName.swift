/// Excel column letters: 1 is `A`, 26 is `Z`, 27 is `AA`, 16,384 (the last column) is `XFD`.
///
/// Bijective base 26: there is no zero digit, which is why `Z` is followed by `AA` rather than `BA`.
public enum ColumnName {
  /// The largest column number Excel accepts (`XFD`).
  public static let maximumColumn = 16_384

  /// The letters of column `number` (1-based), or `nil` outside `1...maximumColumn`.
  public static func letters(forColumn number: Int) -> String? {
    guard (1...maximumColumn).contains(number) else { return nil }
    var rest = number
    var scalars: [UInt8] = []
    while rest > 0 {
      let digit = (rest - 1) % 26
      scalars.append(UInt8(ascii: "A") + UInt8(digit))
      rest = (rest - 1) / 26
    }
    return String(decoding: scalars.reversed(), as: UTF8.self)
  }

  /// The 1-based column number of `letters` (upper or lower case), or `nil` if they are not letters A–Z or name a
  /// column past `XFD`.
  public static func column(forLetters letters: String) -> Int? {
    guard !letters.isEmpty, letters.utf8.count <= 3 else { return nil }
    var number = 0
    for byte in letters.utf8 {
      let upper = byte & ~0x20  // ASCII upper case
      guard (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(upper) else { return nil }
      number = number * 26 + Int(upper - UInt8(ascii: "A")) + 1
    }
    return number <= maximumColumn ? number : nil
  }
}
