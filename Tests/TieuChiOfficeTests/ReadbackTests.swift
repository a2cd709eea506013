import Foundation
import Testing
import TieuChiOffice

/// Runs `readback.py` (openpyxl, python-docx) on files the writers produced: independent readers, not our own
/// assumptions about the formats.
enum PythonReaders {
  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("readback.py")

  /// Whether `python3` can import openpyxl and python-docx (`scripts/ci-python-deps.sh` installs them).
  static let available: Bool = (try? run(["-c", "import openpyxl, docx"])) != nil

  @discardableResult
  static func run(_ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Read before waiting: a full pipe would otherwise block the child forever.
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw ReadbackError(status: process.terminationStatus, stderr: String(decoding: message, as: UTF8.self))
    }
    return data
  }

  /// Writes `bytes` to a temporary file, reads it back with the script, and decodes the JSON it printed.
  static func read<T: Decodable>(_ kind: String, _ bytes: [UInt8], as type: T.Type) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tieuchi-office-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("sample.\(kind)")
    try Data(bytes).write(to: file)
    let json = try run([script.path, kind, file.path])
    return try JSONDecoder().decode(T.self, from: json)
  }

  struct ReadbackError: Error, CustomStringConvertible {
    var status: Int32
    var stderr: String
    var description: String { "python3 exited with \(status): \(stderr)" }
  }
}

/// What readback.py prints for a workbook.
struct ReadWorkbook: Decodable {
  struct Sheet: Decodable {
    var title: String
    var dimensions: String
    var freeze: String?
    var autofilter: String?
    var widths: [String: Double]
    var validations: [Validation]
    var cells: [Cell]
  }
  struct Validation: Decodable, Equatable {
    var type: String
    var `operator`: String?
    var formula1: String?
    var sqref: String
    var allowBlank: Bool
  }
  enum Value: Decodable, Equatable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case none
    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if container.decodeNil() {
        self = .none
      } else if let bool = try? container.decode(Bool.self) {
        self = .boolean(bool)
      } else if let integer = try? container.decode(Int.self) {
        self = .integer(integer)
      } else {
        self = .string(try container.decode(String.self))
      }
    }
  }
  struct Cell: Decodable {
    var ref: String
    var type: String
    var value: Value
    var format: String
    var bold: Bool
    var wrap: Bool
    var fill: String?
  }
  var sheets: [Sheet]
}

/// What readback.py prints for a document.
struct ReadDocument: Decodable {
  struct Page: Decodable, Equatable {
    var width, height, top, bottom, left, right: Int
  }
  struct Run: Decodable, Equatable {
    var text: String
    var bold: Bool?
    var italic: Bool?
    var underline: Bool?
    var size: Double?
  }
  struct Paragraph: Decodable {
    var text: String
    var style: String?
    var alignment: String?
    var runs: [Run]
  }
  struct Row: Decodable, Equatable {
    var header: Bool
    var cells: [String]
  }
  struct Table: Decodable {
    var columns: [Int?]
    var topBorder: String?
    var rows: [Row]
  }
  struct Block: Decodable {
    var paragraph: Paragraph?
    var table: Table?
  }
  var page: Page
  var normalFont: String?
  var normalSize: Double?
  var defaultFonts: [String: String]
  var language: String
  var pageBreaks: Int
  var body: [Block]
}

@Suite(
  "Office: read back with openpyxl and python-docx",
  .enabled(
    if: PythonReaders.available, "python3 with openpyxl and python-docx is missing: run scripts/ci-python-deps.sh")
)
struct ReadbackTests {
  @Test func workbookReadsBackWithOpenpyxl() throws {
    let read = try PythonReaders.read("xlsx", SpreadsheetMLWriter().data(for: Samples.workbook), as: ReadWorkbook.self)
    try #require(read.sheets.count == 2)
    let sheet = read.sheets[0]
    #expect(sheet.title == "Kết quả_ 2024_2025")
    #expect(read.sheets[1].title == "kết quả_ 2024_2025 (2)")
    #expect(sheet.dimensions == "A1:E4")
    #expect(sheet.freeze == "A2")
    #expect(sheet.autofilter == "A1:E4")
    #expect(sheet.widths["B"] == 14)
    #expect(
      sheet.validations == [
        .init(type: "list", operator: nil, formula1: "\"Đạt,Không đạt,Chưa rõ\"", sqref: "E2:E100", allowBlank: true),
        .init(type: "whole", operator: "greaterThanOrEqual", formula1: "0", sqref: "C2:C100", allowBlank: true),
      ])

    let cells = Dictionary(uniqueKeysWithValues: sheet.cells.map { ($0.ref, $0) })
    func cell(_ ref: String) throws -> ReadWorkbook.Cell { try #require(cells[ref], "no cell \(ref)") }
    #expect(try cell("A1").value == .string("Xã") && cell("A1").bold && cell("A1").wrap)
    #expect(try cell("A2").value == .string("Thị trấn Cao Thượng"))
    // Exact: 0.9973 read as the double nearest to 0.9973, whose shortest form is "0.9973".
    #expect(try cell("B2").value == .string("0.9973") && cell("B2").format == "0.00%" && cell("B2").type == "n")
    #expect(try cell("B3").value == .string("0.995") && cell("B3").format == "0.0%")
    #expect(try cell("C2").value == .integer(1234) && cell("C2").format == "General")
    #expect(try cell("C3").value == .integer(-7))
    #expect(try cell("B4").value == .string("12345678.125"))
    #expect(try cell("C4").value == .boolean(true))
    #expect(try cell("D2").value == .string(Samples.formulaLike) && cell("D2").type == "s")
    #expect(try cell("D3").value == .string(Samples.hostileCleaned) && cell("D3").wrap)
    #expect(try cell("A4").value == .string("  khoảng trắng  \nhai dòng") && cell("A4").wrap)
    #expect(try cell("E2").fill == "FFC6EFCE" && cell("E3").fill == "FFFFC7CE" && cell("E4").fill == "FFD9D9D9")
  }

  /// A sheet written in blocks of rows on several cores reads back cell for cell: each text, number, format and
  /// style where it was put, whichever block first used it.
  @Test func sheetWrittenInBlocksReadsBackCellForCell() throws {
    let read = try PythonReaders.read(
      "xlsx", SpreadsheetMLWriter().data(for: BlockSamples.workbook), as: ReadWorkbook.self)
    try #require(read.sheets.count == 2)
    let cells = Dictionary(uniqueKeysWithValues: read.sheets[1].cells.map { ($0.ref, $0) })
    var expectedCount = 0
    for row in 0..<BlockSamples.rows {
      for column in 0..<5 {
        let written = BlockSamples.cell(row: row, column: column)
        let ref = "\(["A", "B", "C", "D", "E"][column])\(row + 1)"
        if case .empty = written.value {
          #expect(cells[ref] == nil, "\(ref) should be empty")
          continue
        }
        expectedCount += 1
        let cell = try #require(cells[ref], "no cell \(ref)")
        switch written.value {
        case .text(let text):
          #expect(cell.value == .string(text) && cell.type == "s", "\(ref)")
          #expect(cell.wrap == text.contains("\n"), "\(ref)")
        case .integer(let value): #expect(cell.value == .integer(value) && cell.format == "General", "\(ref)")
        case .percent(let number, let decimals):
          #expect(cell.value == .string(number.text), "\(ref)")
          #expect(
            cell.format == "0" + (decimals == 0 ? "" : "." + String(repeating: "0", count: decimals)) + "%", "\(ref)")
        default: Issue.record("unexpected sample cell at \(ref)")
        }
        #expect(cell.bold == written.style.bold, "\(ref)")
        #expect(cell.fill == (written.style.fill == .red ? "FFFFC7CE" : nil), "\(ref)")
      }
    }
    #expect(read.sheets[1].cells.count == expectedCount)
  }

  @Test func documentReadsBackWithPythonDocx() throws {
    let read = try PythonReaders.read(
      "docx", WordprocessingMLWriter().data(for: Samples.document), as: ReadDocument.self)
    #expect(read.page == .init(width: 11906, height: 16838, top: 1134, bottom: 1134, left: 1701, right: 851))
    #expect(read.normalFont == "Times New Roman" && read.normalSize == 14)
    #expect(read.defaultFonts == ["ascii": "Times New Roman", "hAnsi": "Times New Roman", "cs": "Times New Roman"])
    #expect(read.language == "vi-VN")
    #expect(read.pageBreaks == 1)

    let tables = read.body.compactMap(\.table)
    try #require(tables.count == 2)
    #expect(tables[0].topBorder == "nil")
    #expect(
      tables[0].rows == [
        .init(
          header: false,
          cells: [
            "UBND HUYỆN TÂN YÊN\nTRUNG TÂM Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
          ])
      ])
    #expect(tables[1].topBorder == "single")
    #expect(tables[1].columns == [850, 5102, 3402])
    #expect(tables[1].rows.map(\.header) == [true, false, false])
    #expect(tables[1].rows[2].cells == ["2", Samples.hostileCleaned, ""])

    let paragraphs = read.body.compactMap(\.paragraph).filter { !$0.text.isEmpty }
    let heading = try #require(paragraphs.first { $0.text == "I. Mục đích, yêu cầu" })
    #expect(heading.style == "Heading 1")
    #expect(paragraphs.first { $0.text == "II. Nội dung" }?.style == "Heading 2")
    let body = try #require(paragraphs.first { $0.text.hasPrefix("1. Mục đích") })
    #expect(body.text == "1. Mục đích: nâng cao chất lượng trạm y tế xã.\tHết.")
    #expect(body.alignment == "JUSTIFY (3)")
    #expect(body.runs[1] == .init(text: "nâng cao", bold: nil, italic: true, underline: nil, size: nil))
    #expect(paragraphs.contains { $0.text == "- " + Samples.formulaLike })
    let title = try #require(paragraphs.first { $0.text == "KẾ HOẠCH" })
    #expect(title.alignment == "CENTER (1)" && title.runs.first?.bold == true)
  }
}
