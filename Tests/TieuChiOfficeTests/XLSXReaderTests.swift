import Foundation
import Testing
import TieuChiOffice

@Suite("Office: XLSX reader")
struct XLSXReaderTests {
  typealias F = XLSXFixtures

  @Test func roundTripsTheWriter() throws {
    var workbook = Samples.workbook
    // Decomposed Vietnamese, as macOS may produce it: read back in NFC.
    workbook.sheets[0].rows.append([.text("Tra\u{0323}m y te\u{0302}\u{0301}"), .boolean(false)])
    let read = try XLSXReader().read(try SpreadsheetMLWriter().data(for: workbook))
    let sheet = try #require(read.sheets.first)
    #expect(read.sheets.map(\.name) == workbook.sanitizedSheetNames)
    #expect(sheet.value(row: 1, column: 1) == .text("Xã"))
    #expect(sheet.value(row: 2, column: 1) == .text("Thị trấn Cao Thượng"))
    let percent = try #require(sheet.cells.first { $0.reference == "B2" })
    #expect(percent.value == .number("0.9973"))
    #expect(percent.numberFormat == "0.00%")
    #expect(percent.isPercent)
    #expect(sheet.value(row: 2, column: 3) == .number("1234"))
    #expect(sheet.value(row: 2, column: 4) == .text(Samples.formulaLike))
    #expect(sheet.value(row: 3, column: 3) == .number("-7"))
    #expect(sheet.value(row: 3, column: 4) == .text(Samples.hostileCleaned))
    #expect(sheet.value(row: 4, column: 1) == .text("  khoảng trắng  \nhai dòng"))
    #expect(sheet.value(row: 4, column: 2) == .number("12345678.125"))
    #expect(sheet.value(row: 4, column: 3) == .boolean(true))
    #expect(sheet.value(row: 4, column: 4) == nil)
    #expect(sheet.value(row: 5, column: 1) == .text("Trạm y tế"))
    #expect(sheet.value(row: 5, column: 2) == .boolean(false))
    #expect(sheet.cells.first { $0.reference == "C2" }?.numberFormat == nil)
    #expect(sheet.rows.map(\.row) == [1, 2, 3, 4, 5])
  }

  @Test func readsHandWrittenCellKinds() throws {
    let sheet = F.sheetXML(
      #"<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="inlineStr"><is><t>nội</t></is></c>"#
        + #"<c r="D2" t="str"><f>A2&amp;"x"</f><v>Trạmx</v></c><c r="E2"><f>1+1</f><v>2</v></c>"#
        + #"<c r="F2"><f t="shared" si="0"/></c><c r="G2" t="e"><v>#DIV/0!</v></c><c r="H2" t="d"><v>2024-02-29T00:00:00</v></c>"#
        + #"<c r="I2" s="2"><v>45352.75</v></c><c r="J2" s="3"><v>61</v></c><c r="K2" s="1"><v>1E-3</v></c></row>"#
        // Rows and cells without `r`, as some tools write them.
        + #"<row><c><v>1</v></c><c t="b"><v>0</v></c></row><row><c t="s"><v>2</v></c></row>"#
        + #"<row r="9" hidden="1"><c r="B9"><v>9</v></c><c r="A9"><v>8</v></c></row>"#,
      after: #"<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>"#,
      before: #"<cols><col min="2" max="3" hidden="1"/><col min="16000" max="99999" hidden="true"/></cols>"#)
    let bytes = try F.xlsx(
      sheet: sheet,
      strings: ["Trạm", "<r><t>Đậm</t></r><r><t xml:space=\"preserve\"> nhạt</t></r>", "a_x000D_b"]
        .map { $0.hasPrefix("<r>") ? "</t>" + $0 + "<t>" : $0 })
    let read = try XLSXReader().read(bytes)
    let cells = try #require(read.sheets.first).cells
    let values = Dictionary(uniqueKeysWithValues: cells.map { ($0.reference, $0.value) })
    #expect(values["A2"] == .text("Trạm"))
    #expect(values["B2"] == .text("Đậm nhạt"))
    #expect(values["C2"] == .text("nội"))
    #expect(values["D2"] == .text("Trạmx"))
    #expect(values["E2"] == .number("2"))
    #expect(values["F2"] == .formulaWithoutValue(""))
    #expect(values["G2"] == .error("#DIV/0!"))
    #expect(values["H2"] == .date(year: 2024, month: 2, day: 29))
    #expect(values["I2"] == .date(year: 2024, month: 3, day: 1))
    #expect(values["J2"] == .date(year: 1900, month: 3, day: 1))
    #expect(values["K2"] == .number("1E-3"))
    #expect(values["A3"] == .number("1"))
    #expect(values["B3"] == .boolean(false))
    #expect(values["A4"] == .text("a\rb"))
    #expect(cells.map(\.reference).suffix(2) == ["A9", "B9"])
    let sheetRead = read.sheets[0]
    #expect(sheetRead.hiddenRows == [9])
    #expect(sheetRead.hiddenColumns == Set([2, 3]).union(16000...16384))
    #expect(sheetRead.mergedRanges.map(\.description) == ["A1:C1"])
    #expect(cells.first { $0.reference == "I2" }?.numberFormat == "dd/mm/yyyy")
  }

  @Test func readsThe1904DateSystemAndSheetStates() throws {
    let sheets = #"<sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" state="hidden" r:id="rId2"/>"#
    let bytes = try F.xlsx(
      sheet: F.sheetXML(#"<row r="1"><c r="A1" s="2"><v>0</v></c><c r="B1" s="2"><v>43890</v></c></row>"#),
      workbook: F.workbookXML(sheets: sheets, date1904: true), extraSheets: [F.sheetXML("")])
    let read = try XLSXReader().read(bytes)
    #expect(read.uses1904Dates)
    #expect(read.sheets.map(\.isHidden) == [false, true])
    #expect(read.sheets[0].value(row: 1, column: 1) == .date(year: 1904, month: 1, day: 1))
    #expect(read.sheets[0].value(row: 1, column: 2) == .date(year: 2024, month: 3, day: 1))
  }

  // MARK: Files written by another program

  static let openpyxlAvailable = (try? PythonReaders.run(["-c", "import openpyxl"])) != nil

  static func openpyxlFixtures() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tieuchi-xlsx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let script = PythonReaders.script.deletingLastPathComponent().appendingPathComponent("make_fixtures.py")
    try PythonReaders.run([script.path, folder.path])
    return folder
  }

  @Test(.enabled(if: openpyxlAvailable, "python3 with openpyxl is needed to write the fixtures"))
  func readsWorkbooksWrittenByOpenpyxl() throws {
    let folder = try Self.openpyxlFixtures()
    defer { try? FileManager.default.removeItem(at: folder) }
    let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("other-program.xlsx")))
    let read = try XLSXReader().read(bytes)
    #expect(read.sheets.map(\.name) == ["Trạm y tế", "Danh sách ẩn", "Rất ẩn"])
    #expect(read.sheets.map(\.isHidden) == [false, true, true])
    let sheet = read.sheets[0]
    #expect(sheet.value(row: 1, column: 1) == .text("Báo cáo trạm y tế xã năm 2024"))  // NFD in the file
    #expect(sheet.mergedRanges == [CellRange(firstRow: 1, firstColumn: 1, lastRow: 1, lastColumn: 5)!])
    #expect(
      sheet.rows.first { $0.row == 2 }?.cells.map(\.value)
        == ["Xã", "Tỷ lệ BHYT", "Ngày khảo sát", "Tổng", "Ghi chú"].map { .text($0) })
    let percent = try #require(sheet.cells.first { $0.reference == "B3" })
    #expect(percent.value == .number("0.9973") && percent.isPercent)
    #expect(sheet.value(row: 3, column: 3) == .date(year: 2024, month: 3, day: 1))
    #expect(sheet.value(row: 3, column: 4) == .formulaWithoutValue("B3*100"))
    #expect(sheet.value(row: 3, column: 5) == .boolean(true))
    #expect(sheet.value(row: 4, column: 3) == .date(year: 1900, month: 1, day: 1))
    #expect(sheet.value(row: 4, column: 4) == .error("#N/A"))
    #expect(sheet.value(row: 5, column: 2) == .number("60"))  // the fictitious 1900-02-29
    #expect(sheet.value(row: 5, column: 3) == .number("12.5"))
    #expect(sheet.value(row: 6, column: 1) == .text("Đậm và thường"))
    #expect(sheet.value(row: 6, column: 2) == .number("0.001"))
    #expect(sheet.value(row: 6, column: 3) == .number("123456789012345"))
    #expect(sheet.value(row: 6, column: 4) == .formulaWithoutValue(#"IF(A3="x","có","không")"#))
    #expect(sheet.hiddenRows == [5])
    #expect(sheet.hiddenColumns == [5])
    #expect(read.sheets[1].value(row: 2, column: 2) == .number("120"))

    let mac = try XLSXReader().read([UInt8](try Data(contentsOf: folder.appendingPathComponent("dates-1904.xlsx"))))
    #expect(mac.uses1904Dates)
    #expect(mac.sheets[0].value(row: 1, column: 1) == .date(year: 2024, month: 3, day: 1))
    #expect(mac.sheets[0].value(row: 2, column: 1) == .date(year: 1904, month: 1, day: 1))
  }
}
