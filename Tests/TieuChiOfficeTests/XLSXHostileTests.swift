import Foundation
import Testing
import TieuChiOffice

/// Hostile and broken files: each refused with the right error, quickly, never a crash or a hang.
@Suite("Office: XLSX reader against hostile files")
struct XLSXHostileTests {
  typealias F = XLSXFixtures

  /// Reads `bytes`, expecting `expected`, in well under a second.
  func expectRefused(
    _ bytes: [UInt8], _ expected: XLSXReadError, limits: XLSXLimits = .default,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      #expect(throws: expected, sourceLocation: sourceLocation) { try XLSXReader(limits: limits).read(bytes) }
    }
    #expect(elapsed < .milliseconds(500), "took \(elapsed)", sourceLocation: sourceLocation)
  }

  static let validSheet = F.sheetXML(#"<row r="1"><c r="A1"><v>1</v></c></row>"#)

  @Test func refusesWhatIsNotAnXLSX() throws {
    expectRefused([], .emptyFile)
    expectRefused(
      [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600),
      .passwordProtectedOrLegacyFormat)
    var generator = SeededGenerator(state: 42)
    expectRefused((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }, .notAZip)
    expectRefused(Array("PK but not really a zip file".utf8), .notAZip)
    expectRefused(try ZipWriter.archive([]), .notAWorkbook)
    expectRefused(
      try ZipWriter.archive([ZipEntry(path: "word/document.xml", bytes: Array("<w/>".utf8))]), .notAWorkbook)
    expectRefused(try F.xlsx(sheet: Self.validSheet, workbook: F.workbookXML(sheets: "")), .noSheets)
  }

  @Test func refusesZipBombs() throws {
    let zeros = [UInt8](repeating: 0x20, count: 20_000_000)
    var parts = F.parts(sheet: Self.validSheet)
    parts[4].bytes = zeros
    let bomb = try ZipWriter.archive(parts)
    #expect(bomb.count < 200_000)
    expectRefused(bomb, .compressionRatioTooHigh(part: "xl/worksheets/sheet1.xml", limit: 200))
    // The same bomb declaring a small size: stopped at the first byte past it.
    expectRefused(
      F.forgingUncompressedSize(of: "xl/worksheets/sheet1.xml", to: 1000, in: bomb),
      .sizeMismatch(part: "xl/worksheets/sheet1.xml", declared: 1000))
    // Declared honestly beyond the part limit: refused before inflating anything.
    let small = XLSXLimits(maximumPartSize: 1_000_000, maximumCompressionRatio: 1_000_000)
    expectRefused(bomb, .partTooLarge(part: "xl/worksheets/sheet1.xml", limit: 1_000_000), limits: small)
    let total = XLSXLimits(maximumTotalSize: 10_000_000, maximumCompressionRatio: 1_000_000)
    expectRefused(bomb, .totalSizeTooLarge(limit: 10_000_000), limits: total)
    // A size that lies the other way (more declared than there is).
    let valid = try F.xlsx(sheet: Self.validSheet)
    expectRefused(
      F.forgingUncompressedSize(of: "xl/workbook.xml", to: 100_000, in: valid),
      .sizeMismatch(part: "xl/workbook.xml", declared: 100_000))
    expectRefused(
      try F.xlsx(sheet: Self.validSheet), .fileTooLarge(size: valid.count, limit: 100),
      limits: XLSXLimits(maximumFileSize: 100))
  }

  @Test func refusesUnsafeEntryNames() throws {
    let valid = try ZipWriter.archive(
      F.parts(sheet: Self.validSheet) + [ZipEntry(path: "aa/evil", bytes: [1]), ZipEntry(path: "a_b", bytes: [2])])
    expectRefused(
      F.replacing(Array("aa/evil".utf8), with: Array("../evil".utf8), in: valid), .unsafeEntryName("../evil"))
    expectRefused(
      F.replacing(Array("aa/evil".utf8), with: Array("/a/evil".utf8), in: valid), .unsafeEntryName("/a/evil"))
    expectRefused(F.replacing(Array("a_b".utf8), with: Array("a\\b".utf8), in: valid), .unsafeEntryName("a\\b"))
    // The same part twice, differing in case only: readers could disagree on which one counts.
    let twice = try ZipWriter.archive(
      F.parts(sheet: Self.validSheet) + [ZipEntry(path: "XL/Workbook.xml", bytes: Array("<x/>".utf8))])
    expectRefused(twice, .duplicateEntry("XL/Workbook.xml"))
    // A relationship that climbs out of the package.
    var parts = F.parts(sheet: Self.validSheet)
    parts[1].bytes = Array(
      String(decoding: parts[1].bytes, as: UTF8.self)
        .replacingOccurrences(of: "worksheets/sheet1.xml", with: "../../../etc/passwd").utf8)
    expectRefused(try ZipWriter.archive(parts), .invalidRelationshipTarget("../../../etc/passwd"))
  }

  @Test func refusesDTDsAndBrokenXML() throws {
    let laughs = """
      <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>
      <worksheet xmlns="\(F.main)"><sheetData><row r="1"><c r="A1" t="str"><v>&lol2;</v></c></row></sheetData></worksheet>
      """
    expectRefused(try F.xlsx(sheet: laughs), .doctypeForbidden(part: "xl/worksheets/sheet1.xml"))
    let external = #"<!DOCTYPE x SYSTEM "file:///etc/passwd"><workbook/>"#
    expectRefused(try F.xlsx(sheet: Self.validSheet, workbook: external), .doctypeForbidden(part: "xl/workbook.xml"))
    expectRefused(
      try F.xlsx(sheet: F.sheetXML(#"<row r="1"><c r="A1"><v>1</v></row>"#)),
      .malformedXML(part: "xl/worksheets/sheet1.xml", line: 1, detail: "unexpected end tag </row>"))
    expectRefused(
      try F.xlsx(sheet: F.sheetXML(#"<row r="1"><c r="A1" t="str"><v>&bogus;</v></c></row>"#)),
      .malformedXML(part: "xl/worksheets/sheet1.xml", line: 1, detail: "undefined entity &bogus;"))
    let deep = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
    expectRefused(try F.xlsx(sheet: F.sheetXML(deep)), .xmlTooDeep(part: "xl/worksheets/sheet1.xml", limit: 64))
    let utf16: [UInt8] = [0xFF, 0xFE] + Array(Self.validSheet.utf8).flatMap { [$0, 0] }
    var parts = F.parts(sheet: "")
    parts[4].bytes = utf16
    expectRefused(
      try ZipWriter.archive(parts), .unsupportedEncoding(part: "xl/worksheets/sheet1.xml", encoding: "UTF-16"))
  }

  @Test func refusesAbsurdCells() throws {
    expectRefused(
      try F.xlsx(sheet: F.sheetXML(#"<row r="1"><c r="XFE1"><v>1</v></c></row>"#)),
      .invalidCellReference(sheet: "Sheet1", reference: "XFE1"))
    expectRefused(
      try F.xlsx(sheet: F.sheetXML(#"<row r="1048577"><c><v>1</v></c></row>"#)),
      .invalidCellReference(sheet: "Sheet1", reference: "1048577"))
    expectRefused(
      try F.xlsx(sheet: F.sheetXML(#"<row r="1"><c r="A1" t="s"><v>999999</v></c></row>"#), strings: ["a"]),
      .sharedStringIndexOutOfRange(sheet: "Sheet1", reference: "A1", index: "999999"))
    expectRefused(
      try F.xlsx(sheet: F.sheetXML(#"<row r="1"><c r="B1"><v>1,5</v></c></row>"#)),
      .invalidCellValue(sheet: "Sheet1", reference: "B1", value: "1,5"))
    expectRefused(
      try F.xlsx(sheet: F.sheetXML(#"<row r="1"><c r="A1" t="b"><v>2</v></c></row>"#)),
      .invalidCellValue(sheet: "Sheet1", reference: "A1", value: "2"))
    expectRefused(
      try F.xlsx(sheet: F.sheetXML("", after: #"<mergeCells><mergeCell ref="A1:XFE2"/></mergeCells>"#)),
      .invalidCellReference(sheet: "Sheet1", reference: "A1:XFE2"))
    let cells = (1...101).map { #"<c r="A\#($0)"><v>\#($0)</v></c>"# }.joined()
    expectRefused(
      try F.xlsx(sheet: F.sheetXML("<row>" + cells + "</row>")), .tooManyCells(limit: 100),
      limits: XLSXLimits(maximumCellCount: 100))
  }

  /// Flipped and truncated bytes, at seeded random places, in the zip and in the XML before zipping: the reader
  /// must always either read or throw.
  @Test func survivesDamage() throws {
    let valid = try SpreadsheetMLWriter().data(for: Samples.workbook)
    let parts = try SpreadsheetMLWriter().parts(for: Samples.workbook)
    var generator = SeededGenerator(state: 2024)
    var outcomes: [String: Int] = [:]
    let clock = ContinuousClock()
    let elapsed = try clock.measure {
      for round in 0..<600 {
        var bytes: [UInt8]
        if round % 2 == 0 {
          bytes = valid
          if round % 10 == 0 {
            bytes.removeSubrange(Int.random(in: 0..<bytes.count, using: &generator)...)
          } else {
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
              bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
          }
        } else {
          var damaged = parts
          let index = Int.random(in: 0..<damaged.count, using: &generator)
          for _ in 0..<Int.random(in: 1...3, using: &generator) where !damaged[index].bytes.isEmpty {
            let position = Int.random(in: 0..<damaged[index].bytes.count, using: &generator)
            damaged[index].bytes[position] = Array("<>&\"'/=x0;#".utf8).randomElement(using: &generator)!
          }
          bytes = try ZipWriter.archive(damaged)
        }
        do {
          _ = try XLSXReader().read(bytes)
          outcomes["read", default: 0] += 1
        } catch {
          outcomes[String(describing: error).prefix(20).description, default: 0] += 1
        }
      }
    }
    #expect(outcomes.values.reduce(0, +) == 600)
    #expect(elapsed < .seconds(20), "took \(elapsed)")
    print("XLSX fuzz outcomes:", outcomes.sorted { $0.key < $1.key })
  }
}
