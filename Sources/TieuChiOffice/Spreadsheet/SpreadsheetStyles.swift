/// The style table of one workbook (`xl/styles.xml`): fonts, fills and number formats are fixed small lists; cell
/// formats (`cellXfs`) are the combinations actually used, numbered in order of first use so that output is
/// deterministic.
struct SpreadsheetStyles {
  /// A cell format: a `CellStyle` plus the number format its value needs.
  struct Format: Hashable {
    var style: CellStyle
    var numberFormatID: Int
  }

  /// Built-in number format ids (ECMA-376 Part 1, 18.8.30): General, `0%`, `0.00%`.
  static let general = 0
  static let percentNoDecimals = 9
  static let percentTwoDecimals = 10
  /// Custom number formats start here.
  static let firstCustomNumberFormatID = 164

  /// Fill ids: 0 and 1 are the two fills Excel requires first (`none`, `gray125`); the palette follows.
  static func fillID(_ fill: CellFill?) -> Int {
    guard let fill else { return 0 }
    return 2 + CellFill.allCases.firstIndex(of: fill)!
  }

  private(set) var formats: [Format] = [Format(style: .plain, numberFormatID: 0)]
  private var indexByFormat: [Format: Int] = [Format(style: .plain, numberFormatID: 0): 0]
  /// Custom percent formats by number of decimals.
  private(set) var customPercentFormats: [(id: Int, decimals: Int)] = []

  /// What decides a cell's format: its style, and for a percentage its number of decimals (clamped).
  struct Key: Hashable, Sendable {
    var style: CellStyle
    var percentDecimals: Int?

    init(style: CellStyle, value: CellValue) {
      self.style = style
      if case .percent(_, let decimals) = value { percentDecimals = SpreadsheetStyles.clampedDecimals(decimals) }
    }
  }

  /// The `s=` index for cells of `key`, added in order of first use.
  mutating func index(_ key: Key) -> Int {
    let format = Format(style: key.style, numberFormatID: numberFormatID(percentDecimals: key.percentDecimals))
    if let index = indexByFormat[format] { return index }
    formats.append(format)
    indexByFormat[format] = formats.count - 1
    return formats.count - 1
  }

  private mutating func numberFormatID(percentDecimals: Int?) -> Int {
    guard let percentDecimals else { return Self.general }
    switch percentDecimals {
    case 0: return Self.percentNoDecimals
    case 2: return Self.percentTwoDecimals
    case let decimals:
      if let existing = customPercentFormats.first(where: { $0.decimals == decimals }) { return existing.id }
      let id = Self.firstCustomNumberFormatID + customPercentFormats.count
      customPercentFormats.append((id, decimals))
      return id
    }
  }

  static func clampedDecimals(_ decimals: Int) -> Int { min(max(decimals, 0), 10) }

  /// `xl/styles.xml`.
  func xml() -> [UInt8] {
    var xml = XMLBuffer()
    xml.raw(PackageParts.xmlDeclaration)
    xml.raw(#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#)
    if !customPercentFormats.isEmpty {
      xml.raw(#"<numFmts count=""#)
      xml.int(customPercentFormats.count)
      xml.raw(#"">"#)
      for format in customPercentFormats {
        xml.raw(#"<numFmt numFmtId=""#)
        xml.int(format.id)
        xml.raw(#"" formatCode="0."# + String(repeating: "0", count: format.decimals) + #"%"/>"#)
      }
      xml.raw("</numFmts>")
    }
    xml.raw(#"<fonts count="2">"#)
    xml.raw(#"<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#)
    xml.raw(#"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#)
    xml.raw("</fonts>")
    xml.raw(#"<fills count=""#)
    xml.int(2 + CellFill.allCases.count)
    xml.raw(#"">"#)
    xml.raw(#"<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#)
    for fill in CellFill.allCases {
      xml.raw(#"<fill><patternFill patternType="solid"><fgColor rgb=""#)
      xml.raw(fill.argb)
      xml.raw(#""/><bgColor indexed="64"/></patternFill></fill>"#)
    }
    xml.raw("</fills>")
    xml.raw(#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#)
    xml.raw(#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#)
    xml.raw(#"<cellXfs count=""#)
    xml.int(formats.count)
    xml.raw(#"">"#)
    for format in formats {
      xml.raw(#"<xf numFmtId=""#)
      xml.int(format.numberFormatID)
      xml.raw(#"" fontId=""#)
      xml.int(format.style.bold ? 1 : 0)
      xml.raw(#"" fillId=""#)
      xml.int(Self.fillID(format.style.fill))
      xml.raw(#"" borderId="0" xfId="0""#)
      if format.numberFormatID != Self.general { xml.raw(#" applyNumberFormat="1""#) }
      if format.style.bold { xml.raw(#" applyFont="1""#) }
      if format.style.fill != nil { xml.raw(#" applyFill="1""#) }
      if format.style.wrapText {
        xml.raw(#" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#)
      } else {
        xml.raw("/>")
      }
    }
    xml.raw("</cellXfs>")
    xml.raw(#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#)
    xml.raw("</styleSheet>")
    return xml.bytes
  }
}
