/// Writes one `xl/worksheets/sheetN.xml`, registering its strings and styles in the workbook's tables.
///
/// Element order is fixed by the schema (CT_Worksheet) and Excel refuses files that break it: dimension, sheetViews,
/// sheetFormatPr, cols, sheetData, autoFilter, dataValidations, pageMargins.
struct WorksheetWriter {
  let sheet: Sheet
  /// The sanitised name, used in error messages only through `sheet.name`.
  let isFirstSheet: Bool

  /// A written worksheet: its bytes, in pieces (what comes before the cells, the cells in blocks of rows, what
  /// comes after), and its filter range (the workbook also names it `_xlnm._FilterDatabase`).
  struct Written {
    var parts: [ZipEntry.Part]
    var autoFilterRange: CellRange?
  }

  init(sheet: Sheet, isFirstSheet: Bool) throws(SpreadsheetError) {
    self.sheet = sheet
    self.isFirstSheet = isFirstSheet
    guard sheet.rowCount <= CellRange.maximumRow else { throw .tooManyRows(sheet: sheet.name) }
  }

  /// With `deflating`, the blocks of rows come deflated by the cores that wrote them (for a file, not for a look).
  func xml(
    styles: inout SpreadsheetStyles, strings: inout SharedStrings, deflating: Bool
  ) throws(SpreadsheetError) -> Written {
    // Cells are written first: the dimension and <cols> come before <sheetData> but depend on it.
    var widths = ColumnWidths()
    let data = try SheetDataWriter(sheet: sheet).xml(
      styles: &styles, strings: &strings, widths: &widths, deflating: deflating)
    guard !data.failed else { throw .zip(.archiveFailed("deflate")) }
    let (lastRow, lastColumn) = (data.lastRow, data.lastColumn)
    let headerRow = min(max(sheet.headerRowCount, 1), CellRange.maximumRow)
    let autoFilterRange =
      sheet.autoFilter
      ? CellRange(firstRow: headerRow, firstColumn: 1, lastRow: max(lastRow, headerRow), lastColumn: max(lastColumn, 1))
      : nil
    var xml = XMLBuffer(capacity: 4096)
    xml.raw(PackageParts.xmlDeclaration)
    xml.raw(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#)
    xml.raw(#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
    xml.raw(#"<dimension ref=""#)
    xml.raw(
      lastRow == 0
        ? "A1" : CellRange(firstRow: 1, firstColumn: 1, lastRow: lastRow, lastColumn: lastColumn)!.description)
    xml.raw(#""/>"#)
    writeSheetView(into: &xml)
    xml.raw(#"<sheetFormatPr defaultRowHeight="15"/>"#)
    writeColumns(widths, into: &xml)
    let head = xml.bytes
    xml = XMLBuffer(capacity: 1024)
    if let autoFilterRange {
      xml.raw(#"<autoFilter ref=""#)
      xml.raw(autoFilterRange.description)
      xml.raw(#""/>"#)
    }
    try writeDataValidations(into: &xml)
    xml.raw(#"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#)
    xml.raw("</worksheet>")
    return Written(parts: [.bytes(head)] + data.parts + [.bytes(xml.bytes)], autoFilterRange: autoFilterRange)
  }

  private func writeSheetView(into xml: inout XMLBuffer) {
    // Only the first tab is selected: several selected tabs would open as a group, and edits would hit them all.
    xml.raw(
      isFirstSheet
        ? #"<sheetViews><sheetView tabSelected="1" workbookViewId="0""# : #"<sheetViews><sheetView workbookViewId="0""#)
    let frozen = min(max(sheet.headerRowCount, 0), CellRange.maximumRow - 1)
    guard frozen > 0 else {
      xml.raw("/></sheetViews>")
      return
    }
    let topLeft = "A" + String(frozen + 1)
    xml.raw(#"><pane ySplit=""#)
    xml.int(frozen)
    xml.raw(#"" topLeftCell=""#)
    xml.raw(topLeft)
    xml.raw(#"" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell=""#)
    xml.raw(topLeft)
    xml.raw(#"" sqref=""#)
    xml.raw(topLeft)
    xml.raw(#""/></sheetView></sheetViews>"#)
  }

  private func writeColumns(_ widths: ColumnWidths, into xml: inout XMLBuffer) {
    let count = max(widths.characters.count, sheet.columnWidths.count)
    var opened = false
    for column in 0..<min(count, ColumnName.maximumColumn) {
      guard let width = widths.width(column: column, given: sheet.columnWidths, cap: sheet.maximumComputedWidth),
        width.isFinite, width > 0
      else { continue }
      if !opened {
        xml.raw("<cols>")
        opened = true
      }
      xml.raw(#"<col min=""#)
      xml.int(column + 1)
      xml.raw(#"" max=""#)
      xml.int(column + 1)
      xml.raw(#"" width=""#)
      xml.raw(Self.decimal(min(width, 255)))
      xml.raw(#"" customWidth="1"/>"#)
    }
    if opened { xml.raw("</cols>") }
  }

  /// `width` with at most two decimals and no exponent, so that output does not depend on Double's printing.
  static func decimal(_ width: Double) -> String {
    let hundredths = Int((width * 100).rounded())
    let fraction = hundredths % 100
    return String(hundredths / 100) + (fraction == 0 ? "" : "." + (fraction < 10 ? "0" : "") + String(fraction))
  }

  private func writeDataValidations(into xml: inout XMLBuffer) throws(SpreadsheetError) {
    guard !sheet.dataValidations.isEmpty else { return }
    xml.raw(#"<dataValidations count=""#)
    xml.int(sheet.dataValidations.count)
    xml.raw(#"">"#)
    for validation in sheet.dataValidations {
      switch validation.rule {
      case .list(let items):
        xml.raw(#"<dataValidation type="list""#)
        let formula = try Self.listFormula(items, sheet: sheet.name, range: validation.range)
        writeValidationAttributes(validation, into: &xml)
        xml.raw("<formula1>")
        xml.text(formula)
        xml.raw("</formula1></dataValidation>")
      case .wholeNumber(let minimum):
        xml.raw(#"<dataValidation type="whole" operator="greaterThanOrEqual""#)
        writeValidationAttributes(validation, into: &xml)
        xml.raw("<formula1>")
        xml.int(minimum)
        xml.raw("</formula1></dataValidation>")
      }
    }
    xml.raw("</dataValidations>")
  }

  private func writeValidationAttributes(_ validation: DataValidation, into xml: inout XMLBuffer) {
    if validation.allowBlank { xml.raw(#" allowBlank="1""#) }
    xml.raw(#" showErrorMessage="1""#)
    if let message = validation.errorMessage {
      xml.raw(#" error=""#)
      xml.attribute(message.prefix(utf16Units: 255))
      xml.raw("\"")
    }
    xml.raw(#" sqref=""#)
    xml.raw(validation.range.description)
    xml.raw(#"">"#)
  }

  /// `"Đạt,Không đạt"`: Excel's inline list, a quoted string of comma-separated items.
  static func listFormula(_ items: [String], sheet: String, range: CellRange) throws(SpreadsheetError) -> String {
    let cleaned = items.map(XMLEscaping.removingForbiddenCharacters)
    if let bad = cleaned.first(where: { $0.contains(",") || $0.contains("\"") }) {
      throw .invalidListItem(sheet: sheet, item: bad)
    }
    let joined = cleaned.joined(separator: ",")
    guard !cleaned.isEmpty, joined.utf16.count <= 255 else {
      throw .invalidListLength(sheet: sheet, range: range.description)
    }
    return "\"" + joined + "\""
  }
}
