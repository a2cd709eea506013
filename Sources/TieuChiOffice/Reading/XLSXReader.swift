/// Reads `.xlsx` workbooks (from Excel, LibreOffice, openpyxl, …) into plain values, refusing hostile files.
///
/// Generic on purpose: it knows SpreadsheetML, not surveys. Numbers stay their exact stored text, text is NFC,
/// dates are converted from serial numbers using the cell's number format and the workbook's date system.
///
/// Safety: every limit in `XLSXLimits` is checked while reading (sizes while inflating, not as declared), XML with a
/// DTD is refused, references beyond `XFD1048576` are refused, and nothing is written to disk. Only the parts a
/// workbook's data needs are inflated (workbook, relationships, styles, shared strings, worksheets); images,
/// charts and macros are never touched.
public struct XLSXReader: Sendable {
  public var limits: XLSXLimits

  public init(limits: XLSXLimits = .default) {
    self.limits = limits
  }

  /// The sheets of the `.xlsx` file `bytes`.
  public func read(_ bytes: [UInt8]) throws(XLSXReadError) -> ReadWorkbook {
    guard !bytes.isEmpty else { throw .emptyFile }
    // An OLE compound file: Excel stores password-protected workbooks this way, and .xls files are OLE too.
    if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      throw .passwordProtectedOrLegacyFormat
    }
    guard bytes.starts(with: [0x50, 0x4B]) else { throw .notAZip }
    guard bytes.count <= limits.maximumFileSize else {
      throw .fileTooLarge(size: bytes.count, limit: limits.maximumFileSize)
    }
    var zip = try ZipReader(bytes: bytes, limits: limits)

    // The workbook part is named by the package relationships; `xl/workbook.xml` is only the usual name.
    var workbookPath = "xl/workbook.xml"
    if let rootBytes = try zip.read("_rels/.rels") {
      let root = try Relationships(rootBytes, part: "_rels/.rels", source: "", limits: limits)
      if let target = root.target(ofKind: "officeDocument") { workbookPath = target }
    }
    guard let workbookBytes = try zip.read(workbookPath) else { throw .notAWorkbook }
    let workbook = try WorkbookPart(workbookBytes, part: workbookPath, limits: limits)
    let relationshipsPath = PackagePath.relationships(of: workbookPath)
    guard let relationshipsBytes = try zip.read(relationshipsPath) else { throw .missingPart(relationshipsPath) }
    let relationships = try Relationships(
      relationshipsBytes, part: relationshipsPath, source: workbookPath, limits: limits)

    var styles = StylesPart()
    if let path = relationships.target(ofKind: "styles"), let stylesBytes = try zip.read(path) {
      styles = try StylesPart(stylesBytes, part: path, limits: limits)
    }
    var strings = SharedStringsPart()
    if let path = relationships.target(ofKind: "sharedStrings"), let stringsBytes = try zip.read(path) {
      strings = try SharedStringsPart(stringsBytes, part: path, limits: limits)
    }

    var sheets: [ReadSheet] = []
    var cellCount = 0
    for entry in workbook.sheets {
      // Chart sheets, dialog sheets and macro sheets hold no table.
      guard let relationship = relationships.byID[entry.relationshipID],
        relationship.type.hasSuffix("/worksheet")
      else { continue }
      guard let sheetBytes = try zip.read(relationship.target) else { throw .missingPart(relationship.target) }
      let context = WorksheetPart.Context(
        sheetName: entry.name, strings: strings.strings, styles: styles, uses1904Dates: workbook.uses1904Dates,
        limits: limits)
      var sheet = try WorksheetPart(sheetBytes, part: relationship.target, context: context, cellCount: &cellCount)
        .sheet
      sheet.isHidden = entry.isHidden
      sheets.append(sheet)
    }
    guard !sheets.isEmpty else { throw .noSheets }
    return ReadWorkbook(sheets: sheets, uses1904Dates: workbook.uses1904Dates)
  }
}
