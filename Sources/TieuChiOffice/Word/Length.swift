/// A length on the page, kept in twentieths of a point (twips), WordprocessingML's unit for page and indent sizes.
public struct Length: Sendable, Hashable, Comparable {
  public var twips: Int

  public init(twips: Int) {
    self.twips = twips
  }

  /// 1 pt = 20 twips.
  public static func points(_ points: Double) -> Length { Length(twips: Int((points * 20).rounded())) }
  /// 1 mm = 1440 / 25.4 twips, rounded to the nearest twip (20 mm is 1134).
  public static func millimetres(_ millimetres: Double) -> Length {
    Length(twips: Int((millimetres * 1440 / 25.4).rounded()))
  }
  public static func centimetres(_ centimetres: Double) -> Length { millimetres(centimetres * 10) }

  public static func < (lhs: Length, rhs: Length) -> Bool { lhs.twips < rhs.twips }
}
