/// A piece of a document's body, in reading order.
public enum Block: Sendable, Hashable {
  case paragraph(Paragraph)
  case heading(Heading)
  case table(Table)
  case pageBreak
}

/// Page size and margins.
public struct PageSetup: Sendable, Hashable {
  public var width: Length
  public var height: Length
  public var top: Length
  public var bottom: Length
  public var left: Length
  public var right: Length

  public init(width: Length, height: Length, top: Length, bottom: Length, left: Length, right: Length) {
    self.width = width
    self.height = height
    self.top = top
    self.bottom = bottom
    self.left = left
    self.right = right
  }

  /// A4 portrait with the margins of Nghị định 30/2020/NĐ-CP, at the low end of its ranges: top and bottom 20 mm,
  /// left 30 mm, right 15 mm. Rounded up to whole twips (15 mm is 850.4 twips; 850 would be just under the minimum).
  public static let administrativeA4 = PageSetup(
    width: Length(twips: 11906), height: Length(twips: 16838), top: Length(twips: 1134), bottom: Length(twips: 1134),
    left: Length(twips: 1701), right: Length(twips: 851))
}

/// A Word document: body blocks plus page setup and base font. Write it with `WordprocessingMLWriter`.
public struct WordDocument: Sendable, Hashable {
  public var blocks: [Block]
  public var page: PageSetup
  /// Base font for body text, headings and tables (`w:rFonts` ascii, hAnsi and cs).
  public var fontName: String
  /// Base size in points (Nghị định 30/2020 asks 13–14 pt for body text).
  public var fontSize: Double
  /// BCP 47 language of the text, for spelling and hyphenation.
  public var language: String

  public init(
    blocks: [Block], page: PageSetup = .administrativeA4, fontName: String = "Times New Roman", fontSize: Double = 14,
    language: String = "vi-VN"
  ) {
    self.blocks = blocks
    self.page = page
    self.fontName = fontName
    self.fontSize = fontSize
    self.language = language
  }
}
