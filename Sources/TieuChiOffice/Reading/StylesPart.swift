/// `xl/styles.xml`, reduced to what reading needs: the number format of each cell format (`s=` index).
struct StylesPart {
  /// Format code by cell format index; `nil` for General.
  private(set) var formatCodes: [String?] = []
  /// Whether each cell format shows a date.
  private(set) var isDate: [Bool] = []

  init() {}

  init(_ bytes: [UInt8], part: String, limits: XLSXLimits) throws(XLSXReadError) {
    var scanner = try XMLScanner(bytes, part: part, maximumDepth: limits.maximumXMLDepth)
    var custom: [Int: String] = [:]
    var formatIDs: [Int] = []
    var inNumberFormats = false
    var inCellFormats = false
    while let event = try scanner.next() {
      switch event {
      case .start("numFmts"): inNumberFormats = true
      case .end("numFmts"): inNumberFormats = false
      case .start("cellXfs"): inCellFormats = true
      case .end("cellXfs"): inCellFormats = false
      case .start("numFmt") where inNumberFormats:
        if let id = scanner.attribute("numFmtId").flatMap({ Int($0) }), let code = scanner.attribute("formatCode") {
          custom[id] = code
        }
      case .start("xf") where inCellFormats:
        formatIDs.append(scanner.attribute("numFmtId").flatMap { Int($0) } ?? 0)
      default:
        continue
      }
    }
    for id in formatIDs {
      // A custom definition overrides a built-in id (some writers redefine 14 as `dd/mm/yyyy`).
      let code = custom[id] ?? NumberFormat.builtIn[id]
      formatCodes.append(id == 0 && custom[0] == nil ? nil : code)
      isDate.append(custom[id].map(NumberFormat.isDate) ?? NumberFormat.isDateID(id))
    }
  }
}
