/// One worksheet part (`xl/worksheets/sheet1.xml`) read into a `ReadSheet`.
struct WorksheetPart {
  /// What the cells of one sheet are read against.
  struct Context {
    var sheetName: String
    var strings: [String]
    var styles: StylesPart
    var uses1904Dates: Bool
    var limits: XLSXLimits
  }

  private(set) var sheet: ReadSheet
  private let context: Context

  /// Reads the part; `cellCount` is the workbook's running count of cells, for `XLSXLimits.maximumCellCount`.
  init(_ bytes: [UInt8], part: String, context: Context, cellCount: inout Int) throws(XLSXReadError) {
    self.context = context
    sheet = ReadSheet(
      name: context.sheetName, isHidden: false, cells: [], mergedRanges: [], hiddenRows: [],
      hiddenColumns: [])
    var scanner = try XMLScanner(bytes, part: part, maximumDepth: context.limits.maximumXMLDepth)
    var row = 0
    var column = 0
    var cell = PendingCell()
    var inCell = false
    var capturing: WritableKeyPath<PendingCell, String?>?
    var inlineText = RichTextReader()
    var isSorted = true
    while let event = try scanner.next() {
      switch event {
      case .start("row"):
        if let text = scanner.attribute("r") {
          guard let number = Int(text), (1...CellRange.maximumRow).contains(number) else {
            throw .invalidCellReference(sheet: context.sheetName, reference: text)
          }
          row = number
        } else {
          row += 1  // rows without `r` follow the previous one
          guard row <= CellRange.maximumRow else {
            throw .invalidCellReference(sheet: context.sheetName, reference: "row \(row)")
          }
        }
        column = 0
        if Self.isTrue(scanner.attribute("hidden")) { sheet.hiddenRows.insert(row) }
      case .start("c"):
        inCell = true
        cell = PendingCell()
        if let reference = scanner.attribute("r") {
          guard let position = CellReference.parse(Substring(reference)) else {
            throw .invalidCellReference(sheet: context.sheetName, reference: reference)
          }
          (cell.row, cell.column) = position
          if row == 0 { row = position.row }
        } else {
          // Cells without `r` follow the previous cell of the row (Excel always writes `r`; other tools may not).
          cell.row = max(row, 1)
          cell.column = column + 1
          guard cell.column <= ColumnName.maximumColumn else {
            throw .invalidCellReference(sheet: context.sheetName, reference: "row \(cell.row), column \(cell.column)")
          }
        }
        column = cell.column
        cell.type = scanner.attribute("t")
        cell.style = scanner.attribute("s").flatMap { Int($0) } ?? 0
      case .start("v") where inCell:
        capturing = \.value
        cell.value = cell.value ?? ""
        scanner.capturesText = true
      case .start("f") where inCell:
        capturing = \.formula
        cell.formula = cell.formula ?? ""
        scanner.capturesText = true
      case .end("v"), .end("f"):
        capturing = nil
        scanner.capturesText = false
      case .start("is") where inCell:
        inlineText = RichTextReader()
        inlineText.isActive = true
      case .end("is") where inCell:
        cell.inlineText = inlineText.text
        inlineText.isActive = false
      case .text(let text):
        if let capturing {
          cell[keyPath: capturing]! += text
        } else {
          inlineText.handle(event, scanner: &scanner)
        }
      case .end("c"):
        inCell = false
        guard let read = try value(of: cell) else { continue }
        cellCount += 1
        guard cellCount <= context.limits.maximumCellCount else {
          throw .tooManyCells(limit: context.limits.maximumCellCount)
        }
        if let last = sheet.cells.last, (last.row, last.column) >= (read.row, read.column) { isSorted = false }
        sheet.cells.append(read)
      case .start("mergeCell"):
        let reference = scanner.attribute("ref") ?? ""
        guard let range = CellReference.parseRange(reference) else {
          throw .invalidCellReference(sheet: context.sheetName, reference: reference)
        }
        sheet.mergedRanges.append(range)
      case .start("col"):
        guard Self.isTrue(scanner.attribute("hidden")),
          let first = scanner.attribute("min").flatMap({ Int($0) }),
          let last = scanner.attribute("max").flatMap({ Int($0) })
        else { continue }
        // Clamped: some writers say max="16384" for "all the rest"; nothing beyond XFD exists.
        let low = max(first, 1)
        let high = min(last, ColumnName.maximumColumn)
        if low <= high { sheet.hiddenColumns.formUnion(low...high) }
      default:
        inlineText.handle(event, scanner: &scanner)
      }
    }
    if !isSorted { sheet.cells = Self.sortedKeepingLast(sheet.cells) }
  }

  private static func isTrue(_ value: String?) -> Bool {
    value == "1" || value == "true"
  }

  /// Cells in row-major order; of two cells at the same place, the later one in the file.
  private static func sortedKeepingLast(_ cells: [ReadCell]) -> [ReadCell] {
    let sorted = cells.enumerated().sorted {
      ($0.element.row, $0.element.column, $0.offset) < ($1.element.row, $1.element.column, $1.offset)
    }.map(\.element)
    var result: [ReadCell] = []
    result.reserveCapacity(sorted.count)
    for cell in sorted {
      if let last = result.last, last.row == cell.row, last.column == cell.column {
        result[result.count - 1] = cell
      } else {
        result.append(cell)
      }
    }
    return result
  }

  /// What one `<c>` element held.
  struct PendingCell {
    var row = 0
    var column = 0
    var type: String?
    var style = 0
    var value: String?
    var formula: String?
    var inlineText: String?
  }

  private func value(of cell: PendingCell) throws(XLSXReadError) -> ReadCell? {
    let styles = context.styles
    let hasStyle = cell.style >= 0 && cell.style < styles.formatCodes.count
    let format = hasStyle ? styles.formatCodes[cell.style] : nil
    func make(_ value: ReadCellValue) -> ReadCell {
      ReadCell(row: cell.row, column: cell.column, value: value, numberFormat: format)
    }
    let reference = CellRange.reference(row: cell.row, column: cell.column)
    let invalid = { (text: String) in
      XLSXReadError.invalidCellValue(sheet: context.sheetName, reference: reference, value: String(text.prefix(40)))
    }
    let type = cell.type ?? "n"
    if type == "inlineStr" {
      if let text = cell.inlineText ?? cell.value { return make(.text(text.precomposedForXLSX)) }
      return cell.formula.map { make(.formulaWithoutValue($0)) }
    }
    // A formula whose cached value is missing (or empty, as some writers leave it) has no value to report.
    guard let value = cell.value, !(value.isEmpty && type != "str") else {
      return cell.formula.map { make(.formulaWithoutValue($0)) }
    }
    switch type {
    case "s":
      guard let index = Int(value), index >= 0 else { throw invalid(value) }
      guard index < context.strings.count else {
        throw .sharedStringIndexOutOfRange(sheet: context.sheetName, reference: reference, index: value)
      }
      return make(.text(context.strings[index]))
    case "str":
      return make(.text(RichTextReader.unescaped(value).precomposedForXLSX))
    case "b":
      switch value {
      case "1", "true": return make(.boolean(true))
      case "0", "false": return make(.boolean(false))
      default: throw invalid(value)
      }
    case "e":
      return make(.error(value))
    case "d":
      guard let date = ExcelDate.isoDate(value) else { throw invalid(value) }
      return make(.date(year: date.year, month: date.month, day: date.day))
    case "n":
      guard Self.isNumber(value) else { throw invalid(value) }
      if hasStyle, styles.isDate[cell.style],
        let date = ExcelDate.day(serial: value, uses1904: context.uses1904Dates)
      {
        return make(.date(year: date.year, month: date.month, day: date.day))
      }
      return make(.number(value))
    default:
      throw invalid("t=\"\(type)\"")
    }
  }

  /// Whether `text` is a number as SpreadsheetML stores it: sign, digits with at most one point, an exponent.
  static func isNumber(_ text: String) -> Bool {
    var utf8 = Substring(text).utf8[...]
    if utf8.first == UInt8(ascii: "-") || utf8.first == UInt8(ascii: "+") { utf8 = utf8.dropFirst() }
    let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    var digits = 0
    var sawPoint = false
    while let byte = utf8.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
      if byte == UInt8(ascii: ".") {
        guard !sawPoint else { return false }
        sawPoint = true
      } else {
        guard isDigit(byte) else { return false }
        digits += 1
      }
      utf8 = utf8.dropFirst()
    }
    guard digits > 0 else { return false }
    guard !utf8.isEmpty else { return true }
    utf8 = utf8.dropFirst()
    if utf8.first == UInt8(ascii: "-") || utf8.first == UInt8(ascii: "+") { utf8 = utf8.dropFirst() }
    return !utf8.isEmpty && utf8.count <= 4 && utf8.allSatisfy(isDigit)
  }
}
