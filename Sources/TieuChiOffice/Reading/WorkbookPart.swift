/// `xl/workbook.xml`: the sheets in tab order and the date system.
struct WorkbookPart {
  struct SheetEntry {
    var name: String
    var isHidden: Bool
    var relationshipID: String
  }

  private(set) var sheets: [SheetEntry] = []
  private(set) var uses1904Dates = false

  init(_ bytes: [UInt8], part: String, limits: XLSXLimits) throws(XLSXReadError) {
    var scanner = try XMLScanner(bytes, part: part, maximumDepth: limits.maximumXMLDepth)
    while let event = try scanner.next() {
      switch event {
      case .start("workbookPr"):
        let value = scanner.attribute("date1904")
        uses1904Dates = value == "1" || value == "true"
      case .start("sheet"):
        // The relationship id is `r:id` whatever the prefix: the only prefixed attribute named `id`.
        let id = scanner.attributes.first { $0.name.hasSuffix(":id") }?.value
        guard let name = scanner.attribute("name"), let id else { continue }
        let state = scanner.attribute("state")
        sheets.append(
          SheetEntry(
            name: name.precomposedForXLSX, isHidden: state == "hidden" || state == "veryHidden", relationshipID: id))
      default:
        continue
      }
    }
  }
}
