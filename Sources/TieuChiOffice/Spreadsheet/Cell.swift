/// What a cell holds.
///
/// There is no formula case on purpose: the writer has no formula support at all, so text beginning with `=` (from
/// survey data, say) is always written as a string and never evaluated.
public enum CellValue: Sendable, Hashable {
  /// No value (the cell is written only if it has a style).
  case empty
  /// Text, written to the shared-string table.
  case text(String)
  /// A number written exactly as its decimal text, with the General format.
  case number(DecimalText)
  /// An integer, with the General format.
  case integer(Int)
  /// A fraction shown as a percentage: `.percent(DecimalText("0.9973")!, decimals: 2)` stores 0.9973 with the format
  /// `0.00%`, which a Vietnamese Excel shows as `99,73%`. `decimals` is clamped to `0...10`.
  case percent(DecimalText, decimals: Int)
  /// `TRUE` or `FALSE`.
  case boolean(Bool)
}

/// A background colour for status cells, from a small fixed palette (Excel's Good / Bad / Neutral tints).
public enum CellFill: String, Sendable, Hashable, CaseIterable {
  case green
  case red
  case amber
  case grey

  /// ARGB as SpreadsheetML writes it.
  var argb: StaticString {
    switch self {
    case .green: "FFC6EFCE"
    case .red: "FFFFC7CE"
    case .amber: "FFFFEB9C"
    case .grey: "FFD9D9D9"
    }
  }
}

/// How a cell looks: a deliberately small set of choices, so that every workbook uses the same few styles.
public struct CellStyle: Sendable, Hashable {
  public var bold: Bool
  /// Wraps long text inside the column width (and aligns it to the top, so wrapped rows read from the top). Text
  /// with a line break is always wrapped, as Excel does when one types Alt+Enter.
  public var wrapText: Bool
  public var fill: CellFill?

  public init(bold: Bool = false, wrapText: Bool = false, fill: CellFill? = nil) {
    self.bold = bold
    self.wrapText = wrapText
    self.fill = fill
  }

  /// No formatting.
  public static let plain = CellStyle()
  /// Bold and wrapped, for header rows.
  public static let header = CellStyle(bold: true, wrapText: true)
}

/// A value and its style.
public struct Cell: Sendable, Hashable {
  public var value: CellValue
  public var style: CellStyle

  public init(_ value: CellValue, style: CellStyle = .plain) {
    self.value = value
    self.style = style
  }

  public static let empty = Cell(.empty)

  public static func text(_ text: String, style: CellStyle = .plain) -> Cell { Cell(.text(text), style: style) }
  public static func integer(_ value: Int, style: CellStyle = .plain) -> Cell { Cell(.integer(value), style: style) }
  public static func number(_ value: DecimalText, style: CellStyle = .plain) -> Cell {
    Cell(.number(value), style: style)
  }
  public static func percent(_ value: DecimalText, decimals: Int, style: CellStyle = .plain) -> Cell {
    Cell(.percent(value, decimals: decimals), style: style)
  }
  public static func boolean(_ value: Bool, style: CellStyle = .plain) -> Cell { Cell(.boolean(value), style: style) }
}
