import Foundation
import Testing

@testable import TieuChi

/// CSV tables read a piece at a time (`TableJoin.Streamed`) must give exactly what the whole tables give: the same
/// records, list rows, values and problems in the same order, the same stations lost; and a batch they cannot join
/// that way must be read whole, never joined differently.
@Suite("CSV tables read a piece at a time, as read whole")
struct TablesInPiecesTests {
  typealias Files = [(name: String, text: String)]

  /// A batch sorted as exports are: `count` stations, each followed in staff.csv and hamlets.csv by its own rows
  /// (none for some), with Vietnamese names, a quoted name spanning two lines now and then, and CRLF line ends
  /// when asked.
  static func sortedBatch(stations count: Int, seed: UInt64 = 7, lineEnd: String = "\n") -> Files {
    var random = SplitMix64(seed: seed)
    var stations = "code;name;type;district;year;population;insured;phc_users;phc_users_insured" + lineEnd
    var staff = "code;name;role;permanent" + lineEnd
    var hamlets = "code;name;trained_health_workers" + lineEnd
    let roles = ["doctor", "nurse", "midwife", "assistant_doctor", "pharmacist"]
    for index in 0..<count {
      let code = String(format: "%05d", 10_000 + index)
      let population = Int.random(in: 1_000...30_000, using: &random)
      let insured = population - Int.random(in: 0...200, using: &random)
      let name = index % 97 == 5 ? "\"Xã \"\"Mới\"\"\nsố \(index)\"" : "Xã Đồng Lạc \(index)"
      stations +=
        "\(code);\(name);xã;Huyện \(index % 9);2025;\(population);\(insured);\(population / 3);\(population / 3 - 5)"
        + lineEnd
      for member in 0..<Int.random(in: 0...4, using: &random) {
        staff += "\(code);Nguyễn Văn \(member);\(roles[(index + member) % roles.count]);TRUE" + lineEnd
      }
      for hamlet in 0..<Int.random(in: 0...5, using: &random) {
        hamlets += "\(code);Thôn Phúc Hòa \(hamlet);\(hamlet % 3 == 0 ? "0" : "1")" + lineEnd
      }
    }
    return [("stations.csv", stations), ("staff.csv", staff), ("hamlets.csv", hamlets)]
  }

  /// `files` read both ways through `SurveyLoader.stream`, each described in full (the station fields it said the
  /// input can carry, then the records with their list rows, then every problem); and whether it was read in
  /// pieces. `onDisk`: the pieces are read from files on disk, `window.block` bytes at a time, the whole from
  /// memory.
  static func bothWays(
    _ files: Files, criteria: CriteriaSet, window: StreamWindow = StreamWindow(), onDisk: Bool = false
  ) throws -> (pieces: String, whole: String, inPieces: Bool) {
    let inMemory = files.map { SurveyFile(name: $0.name, format: .csv, bytes: Array($0.text.utf8)) }
    var surveyFiles = inMemory
    if onDisk {
      let folder = try CLITests.scratch(Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.text) }))
      surveyFiles = try files.map { file in
        let content = try #require(ByteSource.file(at: folder + "/" + file.name))
        let stillOnDisk = if case .file = content { true } else { false }
        try #require(stillOnDisk, "\(file.name) was read into memory")
        return SurveyFile(name: file.name, format: .csv, content: content)
      }
    }
    let groupSchema = criteria.hasGroupIndicators ? criteria.groupSchema : nil
    func read(inPieces: Bool) -> String {
      let surveyFiles = inPieces ? surveyFiles : inMemory
      var batch = SurveyBatch()
      var records: [StationRecord] = []
      var fields: Set<String>?
      SurveyLoader.stream(
        surveyFiles, schema: criteria.schema, groupSchema: groupSchema, workbooks: nil, into: &batch, window: window,
        tablesInPieces: inPieces, begin: { fields = $0 }, transform: { $0 },
        consume: { for part in $0 { records += part } })
      var output = SurveyReader.Output(records: records, rejected: batch.rejected, diagnostics: batch.diagnostics)
      output.groupRecords = batch.groupRecords
      return "fields \(fields.map { $0.sorted() } ?? [])\n" + TableReadingTests.describe(output)
    }
    let reader = SurveyReader(schema: criteria.schema, groupSchema: groupSchema)
    let streamed = TableJoin(schema: criteria.schema, reader: reader).streamed(surveyFiles, window: window)
    return (read(inPieces: true), read(inPieces: false), streamed != nil)
  }

  /// `files` with the file `name`'s text changed by `change`.
  static func changing(_ files: Files, _ name: String, _ change: (String) -> String) -> Files {
    files.map { $0.name == name ? ($0.name, change($0.text)) : $0 }
  }

  /// The first reading keeps the code and year of a plain line only (`CSVScanner.readPlainLine`) and reads any
  /// other line in full: the same rows, key cells (normalised, located) and problems as a reading of every cell.
  /// (A plain line's row has no cells past the year's.)
  @Test func plainLinesKeepTheKeysAFullReadingFinds() {
    var bytes = Array("code;name;year;x\n".utf8)
    let lines = [
      "10001;Xã Đồng Lạc;2025;1", "10002;\"Xã; quoted\";2025;2", "Xa\u{0301}03;NFD code;2025;3",
      "10004;Xã Tân Yên;2025;4;;", "10005;short;2025", ";;;", " ; ;  ;", "\t;;;", " 10006 ;spaced;2025 ;5",
      "10007;tab\tinside;2025;6", "10008;;;", "10009;\"a\"b;2025;7", "10010;x\"y;2025;8",
      "10011;" + String(repeating: "ở", count: 10) + ";2026;9",
      // Longer than a word of eight bytes, read eight at a time: a quote far into a line ended by a carriage return
      // alone, a blank line of spaces and separators, Vietnamese text.
      "10014;Xã Phúc Hòa thêm một tên dài;2025;\"12\"", "      ;       ;        ;      ",
      "10015;Thôn Đồng Lạc số mười lăm;2025;13",
    ]
    for (index, line) in lines.enumerated() {
      bytes += Array(line.utf8) + (index % 3 == 0 ? [0x0D, 0x0A] : index % 3 == 1 ? [0x0A] : [0x0D])
    }
    // Invalid UTF-8 in a name, then a last line without a line break.
    bytes += Array("10012;X".utf8) + [0xFF, 0xC3] + Array(";2025;10\n10013;end;2025;11".utf8)
    var whole = CSVRowReader(bytes: bytes, file: "t.csv")
    var keys = CSVRowReader(bytes: bytes, file: "t.csv")
    var wholeStarts: [CSVRowReader.Checkpoint] = []
    var keyStarts: [CSVRowReader.Checkpoint] = []
    let all = whole.read(rows: .max) { wholeStarts.append($0) }
    var irregular: Set<Int> = []
    let some = keys.read(rows: .max, only: [true, false, true, false]) {
      keyStarts.append($0)
    } irregular: {
      irregular.insert($0)
    }
    #expect(all.count == 12)
    #expect(some.count == all.count)
    #expect(keyStarts == wholeStarts)
    for (index, (full, plain)) in zip(all, some).enumerated() {
      #expect(plain.line == full.line)
      // A plain line's row ends with the last column flagged (the year's); a line read in full has every column.
      let readInFull = irregular.contains(keyStarts[index].offset)
      #expect(full.cellCount == 4)
      #expect(plain.cellCount == (readInFull ? 4 : 3), "line \(full.line)")
      for column in [0, 2] {
        // Bytes, not strings: Swift's == holds for text normalised differently.
        #expect(Array(plain.cell(column).utf8) == Array(full.cell(column).utf8))
        #expect(plain.location(ofCell: column, file: "t.csv") == full.location(ofCell: column, file: "t.csv"))
      }
    }
    #expect(all.map { Array($0.cell(0).utf8) }.contains(Array("X\u{E1}03".utf8)))
    let problems = whole.finished().diagnostics
    #expect(problems.count == 5)
    #expect(keys.finished().diagnostics == problems)
  }

  /// Invalid UTF-8 anywhere in a line — before, among or after its text that is not ASCII, within a word of eight
  /// bytes or across two — has the line read in full and its problem told as a full reading tells it: a plain line
  /// validates only from its first byte that is not ASCII to its last.
  @Test func plainLinesFindInvalidTextWhereverItIs() {
    let pieces: [[UInt8]] = [
      Array("Xã".utf8), Array("Đồng Lạc".utf8), Array("0123456789".utf8), Array("ab".utf8), Array("ế".utf8), [0xFF],
      [0xC3], [0xE1, 0xBA], [0x80], [0xED, 0xA0, 0x80],
    ]
    var generator = SystemRandomNumberGenerator()
    var invalid = 0
    for _ in 0..<300 {
      var bytes = Array("code;name;year;x\n".utf8)
      for line in 0..<8 {
        func text() -> [UInt8] {
          (0..<Int.random(in: 0...6, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
        }
        // The code sometimes after text that is not ASCII, so that a key is found on either side of it.
        let code = line % 2 == 0 ? Array("1000\(line)".utf8) : text() + Array("\(line)".utf8)
        bytes += code + [0x3B] + text() + Array(";2025;".utf8) + text() + [0x0A]
      }
      var whole = CSVRowReader(bytes: bytes, file: "t.csv")
      var keys = CSVRowReader(bytes: bytes, file: "t.csv")
      let all = whole.read(rows: .max)
      let some = keys.read(rows: .max, only: [true, false, true, false])
      #expect(some.count == all.count)
      // The keys and where they are, wherever the text that is not ASCII begins.
      for (full, plain) in zip(all, some) {
        for column in [0, 2] {
          #expect(Array(plain.cell(column).utf8) == Array(full.cell(column).utf8))
          #expect(plain.location(ofCell: column, file: "t.csv") == full.location(ofCell: column, file: "t.csv"))
        }
      }
      let problems = whole.finished().diagnostics
      #expect(keys.finished().diagnostics == problems)
      invalid += problems.isEmpty ? 0 : 1
    }
    // Most batches have a broken line somewhere: the comparison is about them.
    #expect(invalid > 200)
  }

  /// The first reading of a list table keeps only its rows' key cells, in runs of rows written alike
  /// (`CSVRowReader.readKeyRuns`): the same runs, starts, irregular records and problems as the rows read with those
  /// cells flagged and gathered into runs — whatever the lines hold (quotes, decomposed text, spaces, broken UTF-8,
  /// missing fields, CRLF, blank lines), from memory and from disk in blocks that cut lines and quoted fields.
  @Test func keyRunsAreTheRowsKeysInRuns() throws {
    let codes = ["00001", "00001", " 00001", "00002", "\"00002\"", "00003", "0000\u{301}4", "", "00005"]
    let others: [String] = [
      "Thôn Đồng Lạc", "Tho\u{302}n A", "x", "\"a;b\"", "\"dòng\nhai\"", "\u{FF}", "", "ab\"c", "\"never closes",
    ]
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("key-runs-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var generator = SystemRandomNumberGenerator()
    var irregularSeen = 0
    for round in 0..<200 {
      var text = "code;name;year\n"
      for _ in 0..<Int.random(in: 0...40, using: &generator) {
        let code = codes.randomElement(using: &generator)!
        let name = others.randomElement(using: &generator)!
        let year = ["2025", "2030", "", " 2025"].randomElement(using: &generator)!
        switch Int.random(in: 0..<20, using: &generator) {
        case 0: text += "\n"
        case 1: text += "\(code);\(name)\n"
        case 2: text += "\(code);\(name);\(year);extra\r\n"
        default: text += "\(code);\(name);\(year)" + (Bool.random(using: &generator) ? "\n" : "\r\n")
        }
      }
      var bytes = Array(text.utf8)
      if round % 5 == 0, bytes.count > 16 {
        bytes.insert(0xC3, at: Int.random(in: 16...bytes.count, using: &generator))
      }
      let path = folder + "/\(round).csv"
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let sources: [(ByteSource, Int)] = [
        (.memory(bytes), CSVRowReader.block), (try #require(ByteSource.file(at: path)), 16 + round % 40),
      ]
      for (source, block) in sources {
        var rowReader = CSVRowReader(source: source, file: "t.csv", block: block)
        var runReader = CSVRowReader(source: source, file: "t.csv", block: block)
        var starts: [CSVRowReader.Checkpoint] = []
        var irregular: [Int] = []
        let rows = rowReader.read(
          rows: .max, only: [true, false, true], kept: { starts.append($0) }, irregular: { irregular.append($0) })
        // The rows gathered into runs of the same code and year cells, byte for byte.
        var expected: [(start: CSVRowReader.Checkpoint, code: [UInt8], year: [UInt8], rows: Int)] = []
        for (index, row) in rows.enumerated() {
          let code = row.withCellBytes(0) { Array($0) }
          let year = row.withCellBytes(2) { Array($0) }
          if let last = expected.last, last.code == code, last.year == year {
            expected[expected.count - 1].rows += 1
          } else {
            expected.append((starts[index], code, year, 1))
          }
        }
        var runIrregular: [Int] = []
        var runs: [(start: CSVRowReader.Checkpoint, code: [UInt8], year: [UInt8], rows: Int)] = []
        // Read in pieces of a few rows, as the first reading reads 4,096 at a time.
        while !runReader.isAtEnd {
          let read = runReader.readKeyRuns(rows: 3, code: 0, year: 2) { runIrregular.append($0) }
          for (index, run) in read.runs.enumerated() {
            let (code, year) = read.withCells(of: index) { (Array($0), Array($1)) }
            if let last = runs.last, last.code == code, last.year == year {
              runs[runs.count - 1].rows += run.rows
            } else {
              runs.append((run.start, code, year, run.rows))
            }
          }
        }
        #expect(runs.map(\.start) == expected.map(\.start), "\(text.debugDescription)")
        #expect(runs.map(\.code) == expected.map(\.code))
        #expect(runs.map(\.year) == expected.map(\.year))
        #expect(runs.map(\.rows) == expected.map(\.rows))
        #expect(runIrregular == irregular)
        #expect(runReader.finished().diagnostics == rowReader.finished().diagnostics)
        irregularSeen += irregular.isEmpty ? 0 : 1
      }
    }
    // Most tables have a record that is not a plain line: the comparison is about them.
    #expect(irregularSeen > 200)
  }

  @Test func theCSVSample() throws {
    let folder = TestSupport.path("Samples/tan-yen-2024-csv")
    let files = try ["stations.csv", "staff.csv", "hamlets.csv"].map { name in
      (name: name, text: try String(contentsOfFile: folder + "/" + name, encoding: .utf8))
    }
    for criteria in ["Criteria/ct25-2030.yaml", "Criteria/qd1300-2030.yaml", "Criteria/nq20-2030.yaml"] {
      for (window, onDisk) in [
        (StreamWindow(), false), (StreamWindow(chunk: 2, chunks: 3), false), (StreamWindow(), true),
        (StreamWindow(chunk: 2, chunks: 3, block: 64), true),
      ] {
        let (pieces, whole, inPieces) = try Self.bothWays(
          files, criteria: try TestSupport.criteria(criteria), window: window, onDisk: onDisk)
        #expect(inPieces, "\(criteria)")
        #expect(pieces == whole, "\(criteria)")
        #expect(pieces.contains("07303"))
      }
    }
  }

  /// More rows than one piece of the first reading (4,096), over many chunks, with LF, CRLF and CR alone (old Mac
  /// exports), from memory and from disk in blocks that cut lines anywhere.
  @Test func aBigSortedBatch() throws {
    let criteria = try TestSupport.criteria()
    for lineEnd in ["\n", "\r\n", "\r"] {
      let files = Self.sortedBatch(stations: 3_000, lineEnd: lineEnd)
      for (window, onDisk) in [
        (StreamWindow(), false), (StreamWindow(chunk: 97, chunks: 3), false),
        (StreamWindow(chunk: 97, chunks: 3, block: 4_096), true),
        // List tables read in four parts at once, cut anywhere.
        (StreamWindow(chunk: 97, chunks: 3, listPart: 500), false),
        (StreamWindow(chunk: 97, chunks: 3, block: 4_096, listPart: 333), true),
      ] {
        let (pieces, whole, inPieces) = try Self.bothWays(files, criteria: criteria, window: window, onDisk: onDisk)
        #expect(inPieces)
        #expect(pieces == whole)
      }
    }
  }

  /// Shapes the pieces join as the whole join does: broken rows in every table (dropped and counted, an extra
  /// empty field on rows far apart, invalid UTF-8, a quote left open at the end), blank lines, a station without
  /// a code, lists split over two files, a list with years, stations split over two files, a list table without
  /// rows, a group's own row.
  @Test func shapesReadInPieces() throws {
    let criteria = try TestSupport.criteria()
    let base = Self.sortedBatch(stations: 1_500)
    func lines(_ text: String) -> [String] {
      text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
    func edit(_ text: String, _ change: (inout [String]) -> Void) -> String {
      var all = lines(text)
      change(&all)
      return all.joined(separator: "\n")
    }
    let staffLines = lines(base[1].text)
    let split = staffLines.count / 2
    let cases: [(String, Files)] = [
      (
        "broken rows",
        Self.changing(
          Self.changing(base, "staff.csv") { text in
            edit(text) {
              $0[3] += ";;"
              $0[$0.count - 10] += ";;"
              $0[10] = "10002;Lê \"Bá\";nurse;TRUE"
              $0[20].append(";extra")
              $0.insert("", at: 30)
              $0.insert("  ", at: 31)
              // Lines of separators and spaces only: blank rows, skipped, though they have every field.
              $0.insert(";;;", at: 32)
              $0.insert(" ; ;;  ", at: 33)
            }
          }, "stations.csv"
        ) { text in
          edit(text) {
            $0[5] = $0[5].replacingOccurrences(of: "Đồng", with: "\u{FF}ồng")
            $0[7] += ";;"
            $0[800] += ";;"
            $0.insert(";;;;; ;;;", at: 9)
            $0.insert("10007;\"Xã mở ngoặc;xã;Huyện 1;2025;10;10;1;1", at: $0.count - 1)
          }
        }
      ),
      (
        "station without a code",
        Self.changing(base, "stations.csv") { text in
          edit(text) { $0.insert(";Xã không mã;xã;Huyện 1;2025;100;99;1;1", at: 12) }
        }
      ),
      (
        "lists over two files",
        Self.changing(base, "staff.csv") { _ in staffLines[..<split].joined(separator: "\n") + "\n" }
          + [("b-staff.csv", ([staffLines[0]] + staffLines[split...]).joined(separator: "\n"))]
      ),
      (
        "a list with years",
        Self.changing(base, "hamlets.csv") { text in
          edit(text) { all in
            for index in all.indices where !all[index].isEmpty { all[index] += index == 0 ? ";year" : ";2025" }
          }
        }
      ),
      (
        "stations over two files",
        {
          let stations = lines(base[0].text)
          return [
            ("a-stations.csv", stations[..<700].joined(separator: "\n") + "\n"),
            ("b-stations.csv", ([stations[0]] + stations[700...]).joined(separator: "\n")),
          ] + base.dropFirst()
        }()
      ),
      ("a list without rows", Self.changing(base, "hamlets.csv") { _ in "code;name;trained_health_workers\n" }),
      (
        // A part of a list table read on a core of its own may start inside a quoted field, or in the middle of a
        // station's rows.
        "names on two lines in a list",
        Self.changing(base, "hamlets.csv") { text in
          edit(text) { all in
            for index in stride(from: 1, to: all.count, by: 3) where !all[index].isEmpty {
              let cells = all[index].split(separator: ";", omittingEmptySubsequences: false)
              all[index] = "\(cells[0]);\"Thôn\nĐồng Lạc \(index)\";\(cells[2])"
            }
          }
        }
      ),
      (
        "no station at all",
        [("stations.csv", lines(base[0].text)[0] + "\n"), ("staff.csv", "code;name;role;permanent\n")]
      ),
      (
        "a group's own row",
        Self.changing(base, "stations.csv") { text in
          edit(text) {
            $0[0] += ";level"
            for index in 1..<$0.count where !$0[index].isEmpty { $0[index] += ";" }
          }
            + ";Huyện 1;xã;Huyện 1;2025;100;99;1;1;group\n"
        }
      ),
    ]
    for (name, files) in cases {
      for (window, onDisk) in [
        (StreamWindow(), false), (StreamWindow(chunk: 5, chunks: 2), false),
        (StreamWindow(chunk: 5, chunks: 2, block: 50), true),
        // List tables read in four parts at once: a part taken as read, or read again after a problem in it.
        (StreamWindow(chunk: 5, chunks: 2, listPart: 40), false),
        (StreamWindow(chunk: 5, chunks: 2, block: 50, listPart: 211), true),
      ] {
        let (pieces, whole, inPieces) = try Self.bothWays(files, criteria: criteria, window: window, onDisk: onDisk)
        #expect(inPieces, "\(name)")
        #expect(pieces == whole, "\(name)")
      }
    }
  }

  /// Shapes the pieces cannot join as the whole join does: each is read whole, with the whole join's messages.
  @Test func shapesReadWhole() throws {
    let criteria = try TestSupport.criteria()
    let base = Self.sortedBatch(stations: 300)
    func edit(_ text: String, _ change: (inout [String]) -> Void) -> String {
      var all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      change(&all)
      return all.joined(separator: "\n")
    }
    let firstStaff = base[1].text.split(separator: "\n")[1]
    let cases: [(String, Files, DiagnosticID?)] = [
      ("a list out of order", Self.changing(base, "staff.csv") { $0 + firstStaff + "\n" }, nil),
      (
        "rows of no station",
        Self.changing(base, "staff.csv") { $0 + "99999;Người lạ;nurse;TRUE\n" }, .surveyUnmatchedListRows
      ),
      ("a list row without a code", Self.changing(base, "staff.csv") { $0 + ";Không mã;nurse;TRUE\n" }, nil),
      (
        "a station twice",
        Self.changing(base, "stations.csv") { text in edit(text) { $0.insert($0[3], at: 40) } }, nil
      ),
      (
        "years in some list rows only",
        Self.changing(base, "hamlets.csv") { text in
          edit(text) { all in
            for index in all.indices where !all[index].isEmpty {
              all[index] += index == 0 ? ";year" : (index == 9 ? ";" : ";2025")
            }
          }
        }, nil
      ),
      (
        "KoboToolbox parent indexes",
        [
          ("stations.csv", "_index;code;name;population\n1;07303;Xã A;10\n2;07306;Xã B;20\n"),
          ("staff.csv", "_parent_index;name;role\n1;A1;doctor\n2;B1;nurse\n"),
        ], nil
      ),
    ]
    for (name, files, id) in cases {
      // List tables read in one part, and in four at once (a list row without a code in any part).
      for listPart in [1 << 20, 97] {
        let (pieces, whole, inPieces) = try Self.bothWays(
          files, criteria: criteria, window: StreamWindow(chunk: 7, chunks: 2, block: 100, listPart: listPart),
          onDisk: true)
        #expect(!inPieces, "\(name)")
        #expect(pieces == whole, "\(name)")
        if let id { #expect(whole.contains(id.rawValue), "\(name)") }
      }
    }
  }
}
