import Foundation
public import TieuChi
public import TieuChiOffice

/// Reads `.xlsx` survey workbooks: each visible sheet that holds a table becomes a `Table`, joined with the
/// others (and with CSV files) like CSV files are — one sheet of stations, one per list.
///
/// What a sheet's cells become: text as written; numbers as their exact stored text (a percent cell keeps its
/// stored fraction, `0.9973`); booleans `TRUE`/`FALSE`; dates as ISO text (`2025-12-31`); an error value
/// (`#N/A`) is present but unusable — invalid data at its cell; a formula without a cached value is missing,
/// with a warning at its cell; an empty cell is missing, never zero.
///
/// Forms often put a title above the header: the header row is the first row with at least two text cells.
/// Merged cells in the header row are reported at their range (each column needs its own header); hidden rows
/// are read, with one warning per sheet naming them; hidden sheets are left out, with a warning naming them. A
/// workbook that cannot be read at all (not a workbook, password-protected, a zip bomb) is one error with the
/// reader's explanation, and counts as one record lost.
///
/// Package-level like the protocol it conforms to; clients outside the package use `Checker.readingWorkbooks()`.
package struct XLSXSurveyReader: WorkbookReader {
  /// The limits hostile workbooks are refused by.
  package var limits: XLSXLimits

  /// A reader refusing workbooks beyond `limits`.
  package init(limits: XLSXLimits = .default) {
    self.limits = limits
  }

  /// Sheet names that hold instructions for the people filling a form, not data: left out without a word.
  static let instructionSheetNames: Set<String> = ["hướng dẫn", "instructions"]

  package func read(_ file: SurveyFile) -> WorkbookTables {
    let workbook: ReadWorkbook
    do {
      workbook = try XLSXReader(limits: limits).read(file.bytes)
    } catch {
      return WorkbookTables(diagnostics: [Messages.unreadable(file.name, error.message)], lostRecords: 1)
    }
    var result = WorkbookTables()
    for sheet in workbook.sheets {
      if sheet.isHidden {
        result.diagnostics.append(Messages.hiddenSheet(at: SourceLocation(file: file.name, sheet: sheet.name)))
        continue
      }
      if Self.instructionSheetNames.contains(sheet.name.lowercased()) || sheet.cells.isEmpty { continue }
      if let table = Self.table(of: sheet, file: file.name) {
        result.tables.append(table)
      } else {
        result.diagnostics.append(Messages.noHeaderRow(at: SourceLocation(file: file.name, sheet: sheet.name)))
      }
    }
    if result.tables.isEmpty {
      result.diagnostics.append(Messages.noTable(file.name))
      result.lostRecords = 1
    }
    return result
  }

  /// The sheet as a table, or nil when no row looks like a header.
  static func table(of sheet: ReadSheet, file: String) -> TieuChi.Table? {
    let rows = sheet.rows
    func isText(_ cell: ReadCell) -> Bool {
      if case .text(let text) = cell.value { return !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
      return false
    }
    // A title above the header (often one merged cell) has fewer than two text cells.
    guard let headerIndex = rows.firstIndex(where: { $0.cells.count(where: isText) >= 2 }) else { return nil }
    let headerRow = rows[headerIndex].row
    var table = TieuChi.Table(name: file, sheet: sheet.name, headerLine: headerRow)
    let location = { (row: Int, column: Int) in SourceLocation(file: file, line: row, column: column, sheet: sheet.name)
    }

    let headerCells = rows[headerIndex].cells
    let width = headerCells.map(\.column).max() ?? 0
    var names = [String](repeating: "", count: width)
    for cell in headerCells { names[cell.column - 1] = text(of: cell.value).trimmingCharacters(in: .whitespaces) }
    table.columns = names.enumerated().map { index, name in
      TieuChi.Table.Column(name: name, location: location(headerRow, index + 1))
    }
    for range in sheet.mergedRanges
    where range.firstRow <= headerRow && headerRow <= range.lastRow && range.firstColumn < range.lastColumn {
      table.diagnostics.append(
        Messages.mergedHeader(range.description, at: location(range.firstRow, range.firstColumn)))
    }

    // A value merged down a column below the header (a code spanning a station's staff rows) belongs to each row.
    var filled: [Int: [Int: ReadCellValue]] = [:]
    var filledRanges: [String] = []
    for range in sheet.mergedRanges
    where range.firstRow > headerRow && range.firstColumn == range.lastColumn && range.lastRow > range.firstRow {
      guard let value = sheet.value(row: range.firstRow, column: range.firstColumn) else { continue }
      for row in range.firstRow + 1...range.lastRow { filled[row, default: [:]][range.firstColumn] = value }
      filledRanges.append(range.description)
    }
    if !filledRanges.isEmpty {
      table.diagnostics.append(
        Messages.mergedCellsFilled(filledRanges, at: SourceLocation(file: file, sheet: sheet.name)))
    }

    var hiddenRows: [Int] = []
    var unnamedColumns: [Int: Int] = [:]
    var dataRows = rows[(headerIndex + 1)...].map { ($0.row, Array($0.cells)) }
    // Rows holding only a filled-down merged value have no cells of their own.
    let present = Set(dataRows.map(\.0))
    for row in filled.keys.sorted() where row > headerRow && !present.contains(row) { dataRows.append((row, [])) }
    dataRows.sort { $0.0 < $1.0 }
    var builder = TieuChi.Table.Builder()
    for (position, (rowNumber, cells)) in dataRows.enumerated() {
      var values = [String](repeating: "", count: width)
      var errorCells: Set<Int32> = []
      var hasValue = false
      var byColumn = filled[rowNumber] ?? [:]
      for cell in cells { byColumn[cell.column] = cell.value }
      for (column, value) in byColumn {
        guard column <= width, !names[column - 1].isEmpty else {
          if unnamedColumns[column] == nil { unnamedColumns[column] = rowNumber }
          continue
        }
        switch value {
        case .formulaWithoutValue:
          table.diagnostics.append(Messages.formulaWithoutValue(at: location(rowNumber, column)))
        case .error(let text):
          values[column - 1] = text
          errorCells.insert(Int32(column - 1))
          hasValue = true
        default:
          let text = text(of: value)
          values[column - 1] = text
          if !text.trimmingCharacters(in: .whitespaces).isEmpty { hasValue = true }
        }
      }
      guard hasValue else { continue }
      if sheet.hiddenRows.contains(rowNumber) { hiddenRows.append(rowNumber) }
      let added = builder.append(
        line: rowNumber, cells: values, cellColumns: (1...max(1, width)).prefix(width).map { Int32($0) },
        errorCells: errorCells)
      guard added else {
        // Over 4 GB of cell text (a hostile file repeating one long shared string): the rest is lost, and said.
        table.lostRows += dataRows.count - position
        table.diagnostics.append(Messages.sheetTooLarge(at: location(rowNumber, 0)))
        break
      }
    }
    table.rows = TieuChi.Table.Rows(builder)
    for (column, row) in unnamedColumns.sorted(by: { $0.key < $1.key }) {
      table.diagnostics.append(Messages.dataWithoutHeader(at: location(row, column)))
    }
    if !hiddenRows.isEmpty {
      table.diagnostics.append(Messages.hiddenRows(hiddenRows, at: SourceLocation(file: file, sheet: sheet.name)))
    }
    return table
  }

  /// The text a cell's value stands for in a table.
  static func text(of value: ReadCellValue) -> String {
    switch value {
    case .text(let text): text
    case .number(let text): plainDecimal(text)
    case .boolean(let value): value ? "TRUE" : "FALSE"
    case .date(let year, let month, let day):
      String(format: "%04d-%02d-%02d", year, month, day)
    case .error(let text): text
    case .formulaWithoutValue: ""
    }
  }

  /// `1.5E-3` as `0.0015` and `1E+20` as `100000000000000000000`: the survey reader takes plain decimals.
  static func plainDecimal(_ text: String) -> String {
    guard let e = text.firstIndex(where: { $0 == "E" || $0 == "e" }), let exponent = Int(text[text.index(after: e)...])
    else { return text }
    var mantissa = String(text[..<e])
    let negative = mantissa.hasPrefix("-")
    if negative || mantissa.hasPrefix("+") { mantissa.removeFirst() }
    let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    var digits = String(parts[0]) + (parts.count > 1 ? String(parts[1]) : "")
    var point = parts[0].count + exponent
    if point <= 0 {
      digits = String(repeating: "0", count: 1 - point) + digits
      point = 1
    }
    if point > digits.count { digits += String(repeating: "0", count: point - digits.count) }
    var integer = String(digits.prefix(point))
    var fraction = String(digits.dropFirst(point))
    while fraction.hasSuffix("0") { fraction.removeLast() }
    while integer.count > 1 && integer.hasPrefix("0") { integer.removeFirst() }
    return (negative ? "-" : "") + integer + (fraction.isEmpty ? "" : "." + fraction)
  }
}

extension Checker {
  /// This check, reading `.xlsx` survey files with `XLSXSurveyReader` (the core library reads none itself).
  public func readingWorkbooks(limits: XLSXLimits = .default) -> Checker {
    var checker = self
    checker.workbooks = XLSXSurveyReader(limits: limits)
    return checker
  }
}
