/// A stretch of text with one formatting.
///
/// A newline in `text` becomes a line break and a tab a tab stop; characters XML 1.0 forbids are dropped.
public struct Run: Sendable, Hashable {
  public var text: String
  public var bold: Bool
  public var italic: Bool
  public var underline: Bool
  /// Font size in points; `nil` for the document's (or the heading style's) size.
  public var fontSize: Double?

  public init(
    _ text: String, bold: Bool = false, italic: Bool = false, underline: Bool = false, fontSize: Double? = nil
  ) {
    self.text = text
    self.bold = bold
    self.italic = italic
    self.underline = underline
    self.fontSize = fontSize
  }
}

/// Horizontal alignment of a paragraph.
public enum ParagraphAlignment: String, Sendable, Hashable {
  case left
  case center
  case right
  /// Both edges, as administrative documents set their body text.
  case justify

  /// The `w:jc` value (`both` for justified text).
  var wordValue: StaticString {
    switch self {
    case .left: "left"
    case .center: "center"
    case .right: "right"
    case .justify: "both"
    }
  }
}

/// A paragraph of runs. Numbered or bulleted items are plain paragraphs whose first run carries the prefix
/// (`"1. "`, `"- "`), as Vietnamese administrative documents write them.
public struct Paragraph: Sendable, Hashable {
  public var runs: [Run]
  /// `nil` keeps the style's alignment (left for body text).
  public var alignment: ParagraphAlignment?
  public var spaceBefore: Length?
  public var spaceAfter: Length?
  /// Line spacing as a multiple of single spacing (1.0, 1.15, 1.5); `nil` for the style's.
  public var lineSpacing: Double?
  public var firstLineIndent: Length?
  /// Keeps the paragraph on the same page as the next one (for captions and lead-ins).
  public var keepWithNext: Bool

  public init(
    _ runs: [Run], alignment: ParagraphAlignment? = nil, spaceBefore: Length? = nil, spaceAfter: Length? = nil,
    lineSpacing: Double? = nil, firstLineIndent: Length? = nil, keepWithNext: Bool = false
  ) {
    self.runs = runs
    self.alignment = alignment
    self.spaceBefore = spaceBefore
    self.spaceAfter = spaceAfter
    self.lineSpacing = lineSpacing
    self.firstLineIndent = firstLineIndent
    self.keepWithNext = keepWithNext
  }

  /// A paragraph of one plain run.
  public init(_ text: String, alignment: ParagraphAlignment? = nil) {
    self.init([Run(text)], alignment: alignment)
  }
}

/// A heading, written with the built-in style `Heading1`…`Heading3` (Times New Roman, bold, black), so that Word's
/// navigation pane and tables of contents find it.
public struct Heading: Sendable, Hashable {
  /// 1 to 3 (clamped).
  public var level: Int
  /// The text as it should read, numbering included: `"I. Mục đích, yêu cầu"`.
  public var runs: [Run]
  public var alignment: ParagraphAlignment?

  public init(level: Int, _ runs: [Run], alignment: ParagraphAlignment? = nil) {
    self.level = level
    self.runs = runs
    self.alignment = alignment
  }

  public init(level: Int, _ text: String, alignment: ParagraphAlignment? = nil) {
    self.init(level: level, [Run(text)], alignment: alignment)
  }

  var clampedLevel: Int { min(max(level, 1), 3) }
}
