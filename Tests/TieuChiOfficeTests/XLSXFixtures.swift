import Foundation
import TieuChiOffice

/// Hand-made workbooks for XLSXReaderTests: minimal parts, each test changing the one it is about.
enum XLSXFixtures {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationshipBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  static func workbookXML(sheets: String = #"<sheet name="Sheet1" sheetId="1" r:id="rId1"/>"#, date1904: Bool = false)
    -> String
  {
    #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\#(main)" xmlns:r="\#(relationshipBase)">"#
      + (date1904 ? #"<workbookPr date1904="1"/>"# : "") + "<sheets>\(sheets)</sheets></workbook>"
  }

  static func sheetXML(_ sheetData: String, after: String = "", before: String = "") -> String {
    #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\#(main)">\#(before)<sheetData>\#(sheetData)"#
      + "</sheetData>\(after)</worksheet>"
  }

  static let stylesXML =
    #"<styleSheet xmlns="\#(main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>"#
    + #"<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs>"#
    + "</styleSheet>"

  /// The parts of a one-sheet workbook (more sheets through `extraSheets`, named `xl/worksheets/sheetN.xml`).
  static func parts(
    sheet: String, strings: [String] = [], workbook: String = workbookXML(), extraSheets: [String] = []
  ) -> [ZipEntry] {
    let items = strings.map { "<si><t xml:space=\"preserve\">\($0)</t></si>" }.joined()
    var relationships = [
      #"<Relationship Id="rId1" Type="\#(relationshipBase)/worksheet" Target="worksheets/sheet1.xml"/>"#
    ]
    for index in extraSheets.indices {
      relationships.append(
        #"<Relationship Id="rId\#(index + 2)" Type="\#(relationshipBase)/worksheet" "#
          + #"Target="/xl/worksheets/sheet\#(index + 2).xml"/>"#)
    }
    relationships.append(#"<Relationship Id="rS" Type="\#(relationshipBase)/styles" Target="styles.xml"/>"#)
    relationships.append(
      #"<Relationship Id="rT" Type="\#(relationshipBase)/sharedStrings" Target="sharedStrings.xml"/>"#)
    let rels =
      #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
      + relationships.joined() + "</Relationships>"
    var entries = [
      ZipEntry(path: "xl/workbook.xml", bytes: Array(workbook.utf8)),
      ZipEntry(path: "xl/_rels/workbook.xml.rels", bytes: Array(rels.utf8)),
      ZipEntry(path: "xl/styles.xml", bytes: Array(stylesXML.utf8)),
      ZipEntry(
        path: "xl/sharedStrings.xml",
        bytes: Array(#"<sst xmlns="\#(main)" count="\#(strings.count)">\#(items)</sst>"#.utf8)),
      ZipEntry(path: "xl/worksheets/sheet1.xml", bytes: Array(sheet.utf8)),
    ]
    for (index, extra) in extraSheets.enumerated() {
      entries.append(ZipEntry(path: "xl/worksheets/sheet\(index + 2).xml", bytes: Array(extra.utf8)))
    }
    return entries
  }

  static func xlsx(
    sheet: String, strings: [String] = [], workbook: String = workbookXML(), extraSheets: [String] = []
  ) throws -> [UInt8] {
    try ZipWriter.archive(parts(sheet: sheet, strings: strings, workbook: workbook, extraSheets: extraSheets))
  }

  /// `bytes` with every occurrence of `old` replaced by `new` (same length): to forge names and sizes in a zip.
  static func replacing(_ old: [UInt8], with new: [UInt8], in bytes: [UInt8]) -> [UInt8] {
    precondition(old.count == new.count)
    var result = bytes
    var index = 0
    while index + old.count <= result.count {
      if result[index..<(index + old.count)].elementsEqual(old) {
        result.replaceSubrange(index..<(index + old.count), with: new)
        index += old.count
      } else {
        index += 1
      }
    }
    return result
  }

  /// Sets the declared uncompressed size of the entry named `name` to `size`, in its local header and in the central
  /// directory, leaving its data alone: a zip that lies about its sizes.
  static func forgingUncompressedSize(of name: String, to size: UInt32, in bytes: [UInt8]) -> [UInt8] {
    var result = bytes
    let nameBytes = Array(name.utf8)
    var index = 0
    while index + 46 <= result.count {
      let signature = result[index..<(index + 4)]
      if signature.elementsEqual([0x50, 0x4B, 3, 4]) || signature.elementsEqual([0x50, 0x4B, 1, 2]) {
        let isLocal = signature.last == 4
        let nameOffset = index + (isLocal ? 30 : 46)
        let sizeOffset = index + (isLocal ? 22 : 24)
        if result.count >= nameOffset + nameBytes.count,
          result[nameOffset..<(nameOffset + nameBytes.count)].elementsEqual(nameBytes)
        {
          for byte in 0..<4 { result[sizeOffset + byte] = UInt8(truncatingIfNeeded: size >> (8 * UInt32(byte))) }
        }
      }
      index += 1
    }
    return result
  }
}

/// A seeded generator (SplitMix64), so that fuzzing runs the same every time.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
