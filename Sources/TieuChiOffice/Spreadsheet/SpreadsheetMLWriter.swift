/// Writes a `Workbook` as an XLSX file: SpreadsheetML written by hand, zipped by `ZipWriter`.
///
/// The same workbook always gives the same bytes. Text is escaped and stripped of characters XML 1.0 forbids, so
/// hostile input can neither break the file nor inject markup, and text starting with `=` stays text (there is no
/// formula support). Sheet names are sanitised (see `SheetName.sanitized(_:)`).
public struct SpreadsheetMLWriter: Sendable {
  public init() {}

  /// The bytes of the `.xlsx` file.
  public func data(for workbook: Workbook) throws(SpreadsheetError) -> [UInt8] {
    let parts = try parts(for: workbook, deflating: true)
    do {
      return try ZipWriter.archive(parts)
    } catch {
      throw .zip(error)
    }
  }

  /// The package parts before zipping, in archive order (for tests and for callers that add parts).
  public func parts(for workbook: Workbook) throws(SpreadsheetError) -> [ZipEntry] {
    try parts(for: workbook, deflating: false)
  }

  /// The parts; with `deflating`, the worksheets' rows come deflated by the cores that wrote them, so that the
  /// XML of a big sheet is never all in memory at once.
  private func parts(for workbook: Workbook, deflating: Bool) throws(SpreadsheetError) -> [ZipEntry] {
    guard !workbook.sheets.isEmpty else { throw .noSheets }
    let names = workbook.sanitizedSheetNames
    var styles = SpreadsheetStyles()
    var strings = SharedStrings()
    var sheetParts: [ZipEntry] = []
    var filters: [(sheetIndex: Int, range: CellRange)] = []
    for (index, sheet) in workbook.sheets.enumerated() {
      let writer = try WorksheetWriter(sheet: sheet, isFirstSheet: index == 0)
      let written = try writer.xml(styles: &styles, strings: &strings, deflating: deflating)
      sheetParts.append(ZipEntry(path: "xl/worksheets/sheet\(index + 1).xml", pieces: written.parts))
      if let range = written.autoFilterRange { filters.append((index, range)) }
    }

    let sheetCount = workbook.sheets.count
    var overrides: [(partName: String, contentType: String)] = [
      ("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
    ]
    for index in 1...sheetCount {
      overrides.append(
        (
          "/xl/worksheets/sheet\(index).xml",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
        ))
    }
    overrides.append(("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"))
    overrides.append(
      ("/xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"))

    let relationshipBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    var workbookRelationships = (1...sheetCount).map {
      (type: relationshipBase + "worksheet", target: "worksheets/sheet\($0).xml")
    }
    workbookRelationships.append((relationshipBase + "styles", "styles.xml"))
    // LibreOffice shows every text cell empty when this relationship is missing (openpyxl does not mind).
    workbookRelationships.append((relationshipBase + "sharedStrings", "sharedStrings.xml"))

    return [
      PackageParts.contentTypes(overrides: overrides),
      PackageParts.relationships(
        path: "_rels/.rels", [(PackageParts.officeDocumentRelationship, "xl/workbook.xml")]),
      ZipEntry(path: "xl/workbook.xml", bytes: workbookXML(names: names, filters: filters)),
      PackageParts.relationships(path: "xl/_rels/workbook.xml.rels", workbookRelationships),
      ZipEntry(path: "xl/styles.xml", bytes: styles.xml()),
      ZipEntry(path: "xl/sharedStrings.xml", bytes: strings.xml()),
    ] + sheetParts
  }

  private func workbookXML(names: [String], filters: [(sheetIndex: Int, range: CellRange)]) -> [UInt8] {
    var xml = XMLBuffer()
    xml.raw(PackageParts.xmlDeclaration)
    xml.raw(#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#)
    xml.raw(#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
    xml.raw(#"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#)
    for (index, name) in names.enumerated() {
      xml.raw(#"<sheet name=""#)
      xml.attribute(name)
      xml.raw(#"" sheetId=""#)
      xml.int(index + 1)
      xml.raw(#"" r:id="rId"#)
      xml.int(index + 1)
      xml.raw(#""/>"#)
    }
    xml.raw("</sheets>")
    // Excel itself names every filter range so; without the name it still opens, but rewrites the file on save.
    if !filters.isEmpty {
      xml.raw("<definedNames>")
      for filter in filters {
        xml.raw(#"<definedName name="_xlnm._FilterDatabase" localSheetId=""#)
        xml.int(filter.sheetIndex)
        xml.raw(#"" hidden="1">"#)
        xml.text("'" + String(names[filter.sheetIndex].flatMap { $0 == "'" ? ["'", "'"] : [$0] }) + "'!")
        xml.raw(filter.range.absoluteDescription)
        xml.raw("</definedName>")
      }
      xml.raw("</definedNames>")
    }
    xml.raw("</workbook>")
    return xml.bytes
  }
}
