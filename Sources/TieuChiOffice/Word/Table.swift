/// A table with fixed column widths.
///
/// With `borders: false` it is a layout grid: the national-document header (issuing unit on the left,
/// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc" on the right) is a two-column table without
/// borders whose cells hold centred paragraphs.
public struct Table: Sendable, Hashable {
  /// One width per grid column; the table is as wide as their sum.
  public var columnWidths: [Length]
  public var rows: [TableRow]
  /// Single thin lines around and between all cells.
  public var borders: Bool
  /// How many rows at the top repeat on every page the table spans (`w:tblHeader`).
  public var headerRowCount: Int

  public init(columnWidths: [Length], rows: [TableRow], borders: Bool = true, headerRowCount: Int = 0) {
    self.columnWidths = columnWidths
    self.rows = rows
    self.borders = borders
    self.headerRowCount = headerRowCount
  }
}

/// A row of cells.
public struct TableRow: Sendable, Hashable {
  public var cells: [TableCell]
  /// Keeps the row from breaking across pages.
  public var cantSplit: Bool

  public init(_ cells: [TableCell], cantSplit: Bool = false) {
    self.cells = cells
    self.cantSplit = cantSplit
  }
}

/// Vertical alignment of a cell's content.
public enum CellVerticalAlignment: String, Sendable, Hashable {
  case top
  case center
  case bottom
}

/// A cell: paragraphs (an empty cell still gets one empty paragraph, which Word requires).
public struct TableCell: Sendable, Hashable {
  public var paragraphs: [Paragraph]
  /// How many grid columns the cell covers (≥ 1).
  public var columnSpan: Int
  /// Background as six hex digits (`"D9D9D9"`); anything else is ignored.
  public var shading: String?
  public var verticalAlignment: CellVerticalAlignment?

  public init(
    _ paragraphs: [Paragraph], columnSpan: Int = 1, shading: String? = nil,
    verticalAlignment: CellVerticalAlignment? = nil
  ) {
    self.paragraphs = paragraphs
    self.columnSpan = columnSpan
    self.shading = shading
    self.verticalAlignment = verticalAlignment
  }

  /// A cell of one paragraph of one run.
  public init(_ text: String, bold: Bool = false, alignment: ParagraphAlignment? = nil, shading: String? = nil) {
    self.init([Paragraph([Run(text, bold: bold)], alignment: alignment)], shading: shading)
  }
}
