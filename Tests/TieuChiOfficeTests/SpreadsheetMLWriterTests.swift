import Foundation
import Testing
import TieuChiOffice

/// The XML of a part, for assertions about structure.
func part(_ path: String, in parts: [ZipEntry]) throws -> String {
  let entry = try #require(parts.first { $0.path == path }, "no part \(path)")
  return String(decoding: entry.bytes, as: UTF8.self)
}

@Suite("Office: SpreadsheetML writer")
struct SpreadsheetMLWriterTests {
  let parts: [ZipEntry]

  init() throws {
    parts = try SpreadsheetMLWriter().parts(for: Samples.workbook)
  }

  @Test func writesTheRequiredParts() {
    #expect(
      parts.map(\.path) == [
        "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
        "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
      ])
  }

  @Test func relatesSharedStringsAndStyles() throws {
    let rels = try part("xl/_rels/workbook.xml.rels", in: parts)
    #expect(rels.contains(#"relationships/sharedStrings" Target="sharedStrings.xml""#))
    #expect(rels.contains(#"relationships/styles" Target="styles.xml""#))
    let types = try part("[Content_Types].xml", in: parts)
    #expect(types.contains(#"<Override PartName="/xl/worksheets/sheet2.xml""#))
  }

  @Test func keepsWorksheetElementsInSchemaOrder() throws {
    let sheet = try part("xl/worksheets/sheet1.xml", in: parts)
    let order = [
      "<dimension", "<sheetViews", "<sheetFormatPr", "<cols", "<sheetData", "<autoFilter", "<dataValidations",
      "<pageMargins",
    ]
    let positions = try order.map { try #require(sheet.range(of: $0), "\($0) missing").lowerBound }
    #expect(positions == positions.sorted())
    #expect(sheet.contains(#"<dimension ref="A1:E4"/>"#))
    #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
    #expect(sheet.contains(#"<autoFilter ref="A1:E4"/>"#))
  }

  @Test func writesNumbersExactlyAndTextNeverAsFormula() throws {
    let sheet = try part("xl/worksheets/sheet1.xml", in: parts)
    #expect(sheet.contains("<v>0.9973</v>"))
    #expect(sheet.contains("<v>12345678.125</v>"))
    #expect(sheet.contains("<v>-7</v>"))
    #expect(!sheet.contains("<f>") && !sheet.contains("<f "))
    let strings = try part("xl/sharedStrings.xml", in: parts)
    #expect(strings.contains("<t xml:space=\"preserve\">=HYPERLINK(\"http://example.invalid\",\"bấm\")</t>"))
    #expect(strings.contains("&lt;script&gt;") && !strings.contains("<script>"))
    #expect(!strings.contains("\u{0}") && !strings.contains("\u{1}") && !strings.contains("\u{FFFE}"))
  }

  @Test func stylesStartWithTheRequiredFillsAndUsePercentFormats() throws {
    let styles = try part("xl/styles.xml", in: parts)
    #expect(
      styles.contains(
        #"<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#))
    #expect(styles.contains(#"<xf numFmtId="10" "#))  // 0.00%
    #expect(styles.contains(#"<numFmt numFmtId="164" formatCode="0.0%"/>"#))
  }

  @Test func sanitisesSheetNamesAndNamesTheFilter() throws {
    let workbook = try part("xl/workbook.xml", in: parts)
    #expect(workbook.contains(#"<sheet name="Kết quả_ 2024_2025" sheetId="1" r:id="rId1"/>"#))
    #expect(workbook.contains(#"<sheet name="kết quả_ 2024_2025 (2)" sheetId="2" r:id="rId2"/>"#))
    #expect(workbook.contains(#"localSheetId="0" hidden="1">'Kết quả_ 2024_2025'!$A$1:$E$4</definedName>"#))
  }

  @Test func writesValidations() throws {
    let sheet = try part("xl/worksheets/sheet1.xml", in: parts)
    #expect(sheet.contains(#"<formula1>"Đạt,Không đạt,Chưa rõ"</formula1>"#))
    #expect(
      sheet.contains(
        #"<dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" "#
          + #"sqref="C2:C100"><formula1>0</formula1>"#
      ))
  }

  @Test func rejectsListsExcelCannotHold() {
    let range = CellRange(firstRow: 1, firstColumn: 1, lastRow: 1, lastColumn: 1)!
    func workbook(_ items: [String]) -> Workbook {
      Workbook(sheets: [Sheet(name: "s", rows: [], dataValidations: [DataValidation(range: range, rule: .list(items))])]
      )
    }
    #expect(throws: SpreadsheetError.invalidListItem(sheet: "s", item: "a,b")) {
      try SpreadsheetMLWriter().data(for: workbook(["a,b"]))
    }
    #expect(throws: SpreadsheetError.invalidListLength(sheet: "s", range: "A1")) {
      try SpreadsheetMLWriter().data(for: workbook([String(repeating: "x", count: 256)]))
    }
    #expect(throws: SpreadsheetError.noSheets) { try SpreadsheetMLWriter().data(for: Workbook(sheets: [])) }
  }

  @Test func computesWidthsFromTheLongestLineInCharacters() throws {
    let decomposed = "Vie\u{0323}\u{0302}t Nam"  // 8 characters, 12 scalars
    let workbook = Workbook(sheets: [
      Sheet(
        name: "w",
        rows: [
          [.text(decomposed), .text("ngắn\nmột dòng dài hơn"), .text(String(repeating: "x", count: 500)), .integer(5)]
        ],
        columnWidths: [nil, nil, nil, 30])
    ])
    let sheet = try part("xl/worksheets/sheet1.xml", in: SpreadsheetMLWriter().parts(for: workbook))
    #expect(
      sheet.contains(
        #"<cols><col min="1" max="1" width="10" customWidth="1"/><col min="2" max="2" width="18" customWidth="1"/>"#
          + #"<col min="3" max="3" width="60" customWidth="1"/>"#
          + #"<col min="4" max="4" width="30" customWidth="1"/></cols>"#
      ))
  }

  @Test func sameWorkbookGivesSameBytes() throws {
    let writer = SpreadsheetMLWriter()
    #expect(try writer.data(for: Samples.workbook) == writer.data(for: Samples.workbook))
  }
}

/// A sheet long enough to be written in several blocks of rows on several cores, with texts, styles and number
/// formats first used in later blocks, so that the workbook's tables must still come out in order of first use.
enum BlockSamples {
  static let rows = 2 * 2048 + 900

  /// The same text in NFC (row 5) and NFD (row 3000, another block): one entry of the shared-string table.
  static let composed = "Thôn Đồng Lạc"
  static let decomposed = "Tho\u{0302}n \u{0110}o\u{0302}\u{0300}ng La\u{0323}c"

  /// Cell (row, column), 0-based, as a pure function, so that a reader's view can be checked cell by cell.
  static func cell(row: Int, column: Int) -> Cell {
    switch column {
    case 0: return .text("Xã \(row / 8)")  // repeated down the column, as a commune's code is
    case 1: return .text(row == 5 ? composed : row == 3000 ? decomposed : "Chỉ tiêu \(row % 8)")
    case 2:
      // A percentage with 3 decimals first appears in the second block, one with 1 decimal in the first.
      return row == 2100
        ? .percent(DecimalText("0.9973")!, decimals: 3)
        : .percent(DecimalText("0.5")!, decimals: row % 2 == 0 ? 1 : 2)
    case 3:
      // A bold red cell first appears in the third block.
      return row >= 4200 && row % 50 == 0 ? .text("Không đạt", style: CellStyle(bold: true, fill: .red)) : .integer(row)
    default: return row % 97 == 0 ? .text("dòng\n\(row)") : .empty
    }
  }

  static var workbook: Workbook {
    Workbook(sheets: [
      Sheet(name: "Ngắn", rows: [[.text("Xã 3"), .text("chỉ ở trang đầu")]]),
      Sheet(name: "Dài", rows: (0..<rows).map { row in (0..<5).map { cell(row: row, column: $0) } }),
    ])
  }
}

@Suite("Office: a sheet written in blocks")
struct SheetBlocksTests {
  @Test func sharedStringsAreInOrderOfFirstUseAcrossBlocks() throws {
    let parts = try SpreadsheetMLWriter().parts(for: BlockSamples.workbook)
    // The order one pass over every cell, sheet by sheet, would give: a text equal to an earlier one (as Swift
    // compares text, so NFD equals NFC) is not added again.
    var expected: [String] = []
    for sheet in BlockSamples.workbook.sheets {
      for row in sheet.rows {
        for cell in row {
          if case .text(let text) = cell.value, !expected.contains(text) { expected.append(text) }
        }
      }
    }
    let table = try part("xl/sharedStrings.xml", in: parts)
    let items = table.components(separatedBy: #"<si><t xml:space="preserve">"#).dropFirst().map {
      String($0.prefix { $0 != "<" })
    }
    #expect(items.count == expected.count)
    #expect(items == expected)
    #expect(items.filter { $0 == BlockSamples.composed }.count == 1)
    // Compared as bytes: `String.contains` would find the NFC text equal to the NFD one.
    #expect(Data(table.utf8).range(of: Data(BlockSamples.decomposed.utf8)) == nil)
    let referenceCount = BlockSamples.workbook.sheets.flatMap(\.rows).joined().filter {
      if case .text = $0.value { true } else { false }
    }.count
    #expect(table.contains(#"count="\#(referenceCount)" uniqueCount="\#(expected.count)""#))

    // The NFD spelling in the second block refers to the NFC entry; custom formats are numbered as first met.
    let sheet = try part("xl/worksheets/sheet2.xml", in: parts)
    let index = try #require(expected.firstIndex(of: BlockSamples.composed))
    #expect(sheet.contains(#"<c r="B3001" t="s"><v>\#(index)</v></c>"#))
    let styles = try part("xl/styles.xml", in: parts)
    #expect(styles.contains(#"<numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="0.000%"/>"#))
  }

  /// The same rows, held as cells or made block by block (uneven blocks, an empty one, trailing empty rows and a
  /// styled empty cell), give the same file.
  @Test func rowsMadeInBlocksGiveTheSameBytesAsRowsHeld() throws {
    var held = BlockSamples.workbook
    held.sheets[1].rows += [[.empty, Cell(.empty, style: CellStyle(fill: .grey))], [], [.empty, .empty]]
    let rows = held.sheets[1].rows
    let counts = [1, 0, 2047, 2048, 700, rows.count - 2 - 2047 - 2048 - 700]
    let starts = counts.indices.map { 1 + counts[..<$0].reduce(0, +) }
    var made = held
    made.sheets[1].rows = [rows[0]]
    made.sheets[1].rowBlocks = RowBlocks(counts: counts) { Array(rows[starts[$0]..<(starts[$0] + counts[$0])]) }
    #expect(made.sheets[1].rowCount == rows.count)
    let writer = SpreadsheetMLWriter()
    let heldParts = try writer.parts(for: held)
    let madeParts = try writer.parts(for: made)
    #expect(heldParts.map(\.path) == madeParts.map(\.path))
    for (a, b) in zip(heldParts, madeParts) { #expect(a.bytes == b.bytes, "\(a.path)") }
    #expect(try part("xl/worksheets/sheet2.xml", in: madeParts).contains(#"<dimension ref="A1:E\#(rows.count - 2)"/>"#))
  }

  @Test func madeRowsAreCheckedLikeHeldOnes() {
    let wide = Array(repeating: Cell.integer(1), count: ColumnName.maximumColumn + 1)
    var sheet = Sheet(name: "s", rows: [[.text("đầu")]])
    sheet.rowBlocks = RowBlocks(counts: [3, 2]) { $0 == 0 ? [[], [], []] : [[.integer(1)], wide] }
    #expect(throws: SpreadsheetError.tooManyColumns(sheet: "s", row: 6)) {
      try SpreadsheetMLWriter().data(for: Workbook(sheets: [sheet]))
    }
    sheet.rowBlocks = RowBlocks(counts: [CellRange.maximumRow]) { _ in [] }
    #expect(throws: SpreadsheetError.tooManyRows(sheet: "s")) {
      try SpreadsheetMLWriter().data(for: Workbook(sheets: [sheet]))
    }
  }

  @Test func blocksGiveTheSameBytesEveryTime() throws {
    let writer = SpreadsheetMLWriter()
    #expect(try writer.data(for: BlockSamples.workbook) == writer.data(for: BlockSamples.workbook))
  }
}
