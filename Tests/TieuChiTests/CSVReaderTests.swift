import Testing

@testable import TieuChi

@Suite struct CSVReaderTests {
  func read(_ text: String) -> Table {
    CSVReader.read(bytes: Array(text.utf8), file: "t.csv")
  }

  func separator(_ text: String) -> UInt8 {
    CSVReader.separator(of: Array(text.utf8))
  }

  func at(_ line: Int, _ column: Int) -> TieuChi.SourceLocation {
    SourceLocation(file: "t.csv", line: line, column: column)
  }

  func scalars(_ texts: [String]) -> [[Unicode.Scalar]] {
    texts.map { Array($0.unicodeScalars) }
  }

  /// Reads an input that must give exactly one error, at its marker, whose English text contains
  /// `message`; returns the table for further checks.
  @discardableResult
  func expectError(
    _ source: String, _ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> Table {
    let input = MarkedInput(source, sourceLocation: sourceLocation)
    let table = CSVReader.read(bytes: input.bytes, file: "t.csv")
    #expect(table.diagnostics.count == 1, "\(table.diagnostics.map(\.message.en))", sourceLocation: sourceLocation)
    guard let diagnostic = table.diagnostics.first else { return table }
    #expect(diagnostic.severity == .error, sourceLocation: sourceLocation)
    #expect(
      diagnostic.location == at(input.line, input.column), "\(diagnostic.message.en)", sourceLocation: sourceLocation)
    #expect(diagnostic.message.en.contains(message), "\(diagnostic.message.en)", sourceLocation: sourceLocation)
    #expect(
      !diagnostic.message.vi.isEmpty && diagnostic.message.vi != diagnostic.message.en, sourceLocation: sourceLocation)
    return table
  }

  // MARK: Reading

  @Test func fieldsAreKeptAsWrittenWithTheirColumns() throws {
    let table = read(" code , name ,beds\n07306,Nhã Nam, 5 \n")
    #expect(table.diagnostics.isEmpty)
    #expect(separator(" code , name ,beds\n07306,Nhã Nam, 5 \n") == UInt8(ascii: ","))
    #expect(table.columnNames == ["code", "name", "beds"])
    #expect(table.headerLine == 1)
    #expect(table.columns.map(\.location.column) == [1, 8, 15])
    #expect(table.location(ofColumn: 2) == at(1, 15))
    let row = try #require(table.rows.first)
    #expect(table.rows.count == 1)
    #expect(row.line == 2)
    #expect(row.cells == ["07306", "Nhã Nam", " 5 "])
    #expect(row.cellColumns == [1, 7, 15])
    #expect(row.location(ofCell: 2, file: "t.csv") == at(2, 15))
    #expect(row.location(ofCell: 9, file: "t.csv") == at(2, 0))
  }

  @Test func byteOrderMarkAndCRLF() {
    let table = CSVReader.read(bytes: [0xEF, 0xBB, 0xBF] + Array("a;b\r\n1;2\r\n3;4\r\n".utf8), file: "t.csv")
    #expect(table.diagnostics.isEmpty)
    #expect(table.columnNames == ["a", "b"])
    #expect(table.columns.map(\.location.column) == [1, 3])
    #expect(table.rows.map(\.line) == [2, 3])
    #expect(table.rows.map(\.cells) == [["1", "2"], ["3", "4"]])
  }

  @Test func loneCarriageReturnsAndNoFinalLineBreak() {
    let table = read("a,b\r1,2\r3,4")
    #expect(table.rows.map(\.line) == [2, 3])
    #expect(table.rows.map(\.cells) == [["1", "2"], ["3", "4"]])
  }

  @Test func semicolonsWithDecimalCommas() {
    let table = read("mã;tỉ lệ;ghi chú\n07306;99,5;\"a;b\"\n07309;100;\n")
    #expect(table.diagnostics.isEmpty)
    #expect(separator("mã;tỉ lệ;ghi chú\n07306;99,5;\"a;b\"\n") == UInt8(ascii: ";"))
    #expect(table.columnNames == ["mã", "tỉ lệ", "ghi chú"])
    #expect(table.rows.map(\.cells) == [["07306", "99,5", "a;b"], ["07309", "100", ""]])
  }

  @Test func tabs() {
    let table = read("a\tb,c\td\n1\t2,5\t\n")
    #expect(separator("a\tb,c\td\n1\t2,5\t\n") == UInt8(ascii: "\t"))
    #expect(table.rows.first?.cells == ["1", "2,5", ""])
  }

  @Test(arguments: [
    ("a,b;c\n", UInt8(ascii: ",")),
    ("a;b\tc\n", UInt8(ascii: ";")),
    ("a\tb\tc;d,e\n", UInt8(ascii: "\t")),
    ("\"x,y,z\";b\n", UInt8(ascii: ";")),
    ("single\n", UInt8(ascii: ",")),
  ])
  func separatorDetection(header: String, separator: UInt8) {
    #expect(self.separator(header) == separator)
  }

  @Test func excelSeparatorHint() {
    let table = read("sep=;\r\na,b;c\r\n1,2;3\r\n")
    #expect(separator("sep=;\r\na,b;c\r\n1,2;3\r\n") == UInt8(ascii: ";"))
    #expect(table.headerLine == 2)
    #expect(table.columnNames == ["a,b", "c"])
    #expect(table.rows.first?.cells == ["1,2", "3"])
    #expect(table.rows.first?.line == 3)
  }

  @Test func quotedSeparatorsLineBreaksAndQuotes() throws {
    let table = read("id,note,after\r\n1,\"line one\r\nline \"\"two\"\"\",x\r\n2,\"\",y\r\n3,\"a,b\r\n,c\",\r\n")
    #expect(table.diagnostics.isEmpty)
    #expect(table.rows.count == 3)
    let first = table.rows[0]
    #expect(first.line == 2)
    #expect(first.cells == ["1", "line one\r\nline \"two\"", "x"])
    #expect(first.cellColumns == [1, 3, 15])
    #expect(first.lineOffsets == [0, 0, 1])
    #expect(first.location(ofCell: 1, file: "t.csv") == at(2, 3))
    #expect(first.location(ofCell: 2, file: "t.csv") == at(3, 15))
    #expect(table.rows[1].line == 4)
    #expect(table.rows[1].cells == ["2", "", "y"])
    #expect(table.rows[1].lineOffsets.isEmpty)
    #expect(table.rows[2].line == 5)
    #expect(table.rows[2].cells == ["3", "a,b\r\n,c", ""])
    #expect(table.rows[2].location(ofCell: 2, file: "t.csv") == at(6, 5))
  }

  @Test func headerNamesSpanningLines() {
    let table = read("code,\"tên\ntrạm\",x\n1,2,3\n")
    #expect(table.columnNames == ["code", "tên\ntrạm", "x"])
    #expect(table.location(ofColumn: 1) == at(1, 6))
    #expect(table.location(ofColumn: 2) == at(2, 7))
    #expect(table.location(ofColumn: 3) == at(1, 0))
    #expect(table.rows.first?.line == 3)
  }

  @Test func decomposedTextBecomesNFC() {
    let table = read("Ho\u{300}a,x\n\"Ho\u{300}a\",Ho\u{300}a\n")
    #expect(scalars(table.columnNames) == scalars(["H\u{F2}a", "x"]))
    #expect(scalars(table.rows.first?.cells ?? []) == scalars(["H\u{F2}a", "H\u{F2}a"]))
  }

  /// Cells that are already NFC are copied without being made strings; the check that decides it must find every
  /// text `nfc` would change (combining marks, Hangul jamo) and pass composed Vietnamese as it is.
  @Test func composedTextIsCopiedAndOnlyDecomposedTextIsComposed() {
    let texts = [
      "Xã Đồng Lạc", "Thôn Phúc Hòa", "Nguyễn Văn Hùng", "ở ữ ỹ", "Ho\u{300}a", "a\u{301}", "e\u{323}\u{302}",
      "\u{1100}\u{1161}", "\u{1112}\u{1161}\u{11AB}", "한글", "Tỉnh Điện Biên", "ñ", "日本",
    ]
    for text in texts {
      let needs = Array(text.utf8).withUnsafeBufferPointer { InputBytes.mayNeedComposing($0) }
      // Text the check lets through must be its own NFC, byte for byte.
      if !needs { #expect(Array(text.nfc.utf8) == Array(text.utf8), "\(text.unicodeScalars.map(\.value))") }
      let table = read("a;b\nx;\(text)\n")
      #expect(Array((table.rows.first?.cell(1) ?? "").utf8) == Array(text.nfc.utf8))
    }
    #expect(Array("Ho\u{300}a".utf8).withUnsafeBufferPointer { InputBytes.mayNeedComposing($0) })
    #expect(Array("\u{1100}\u{1161}".utf8).withUnsafeBufferPointer { InputBytes.mayNeedComposing($0) })
    #expect(!Array("Xã Đồng Lạc".utf8).withUnsafeBufferPointer { InputBytes.mayNeedComposing($0) })
  }

  /// A plain line's cells are found with whether any of them may need composing: exactly when one does, wherever
  /// in a word of eight bytes its mark or jamo falls (or a jamo's lead byte ends a word and its second byte starts
  /// the next), and the cells' bounds are those a split at the separator gives.
  @Test func cellBoundsSayWhetherACellMayNeedComposing() {
    let pieces = [
      "Xã Đồng Lạc", "Thôn Phúc Hòa", "ế", "ệ", "00000", "doctor", "TRUE", "", "Ho\u{300}a", "a\u{301}",
      "\u{1100}\u{1161}",
      "한글", "日本", "x",
    ]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      let fields = Int.random(in: 1...6, using: &generator)
      let cells = (0..<fields).map { _ in
        (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
      }
      let line = Array(cells.joined(separator: ";").utf8)
      let expected = cells.contains { Array($0.utf8).withUnsafeBufferPointer { InputBytes.mayNeedComposing($0) } }
      var starts: [Int] = []
      var start = 0
      for cell in cells {
        starts.append(start)
        start += cell.utf8.count + 1
      }
      var bounds = [Int](repeating: -1, count: fields + 1)
      let composes = line.withUnsafeBufferPointer { bytes in
        bounds.withUnsafeMutableBufferPointer {
          CSVScanner.cellBounds(of: bytes, 0..<bytes.count, separator: UInt8(ascii: ";"), fields: fields, into: $0)
        }
      }
      #expect(composes == expected, "\(cells)")
      #expect(bounds == starts + [line.count + 1], "\(cells)")
      let other = line.withUnsafeBufferPointer { bytes in
        bounds.withUnsafeMutableBufferPointer {
          CSVScanner.cellBounds(of: bytes, 0..<bytes.count, separator: UInt8(ascii: ";"), fields: fields + 1, into: $0)
        }
      }
      #expect(other == nil, "\(cells): one field too many")
    }
  }

  /// The first invalid byte is found exactly where Swift's own decoder stops: in valid Vietnamese, stray and
  /// truncated sequences, overlong forms, surrogates, values past U+10FFFF, and sequences cut by the range's end.
  @Test func invalidUTF8IsFoundWhereTheDecoderFindsIt() {
    /// Where decoding `bytes[range]` first fails, by the standard library.
    func reference(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
      var offset = range.lowerBound
      var iterator = bytes[range].makeIterator()
      var decoder = UTF8()
      while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): offset += UTF8.width(scalar)
        case .emptyInput: return nil
        case .error: return offset
        }
      }
    }
    let pieces: [[UInt8]] = [
      Array("Thôn Phúc Hòa".utf8), Array("Đặc khu".utf8), Array("00000;".utf8), Array("code;name;province;year;".utf8),
      Array("日本".utf8), Array("𝄞".utf8),
      [0x80], [0xC0, 0x80], [0xC3], [0xE1, 0xBA], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
      [0xF0, 0x9F, 0x98], [0xFF], [0xE1, 0x41, 0x80], [0xC3, 0xC3, 0xA0],
    ]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      let bytes = (0..<Int.random(in: 1...8, using: &generator)).flatMap { _ in
        pieces.randomElement(using: &generator)!
      }
      let lower = Int.random(in: 0...(bytes.count / 2), using: &generator)
      let upper = Int.random(in: lower...bytes.count, using: &generator)
      let found = bytes.withUnsafeBufferPointer { InputBytes.firstInvalidUTF8($0, in: lower..<upper) }
      #expect(found == reference(bytes, lower..<upper), "\(bytes) in \(lower)..<\(upper)")
    }
  }

  @Test func blankLinesAreSkipped() {
    let table = read("\n  \n\r\na,b\n\n1,2\n,\n  , \n\"\",\"\"\n;\n3,4\n\n")
    #expect(table.headerLine == 4)
    #expect(table.diagnostics.count == 1)  // `;` is a one-field row, not blank
    #expect(table.rows.map(\.line) == [6, 11])
  }

  @Test func headerOnly() {
    let table = read("code,name\r\n")
    #expect(table.diagnostics.isEmpty)
    #expect(table.columnNames == ["code", "name"])
    #expect(table.rows.isEmpty)
  }

  @Test(arguments: ["", "\u{FEFF}", "\n\n", " \r\n\t\n", ",,\n , \n"])
  func emptyFile(_ text: String) {
    let table = read(text)
    #expect(table.columnNames.isEmpty)
    #expect(table.rows.isEmpty)
    #expect(table.diagnostics.count == 1)
    #expect(table.diagnostics.first?.id == "csv.empty-file")
    #expect(table.diagnostics.first?.location == SourceLocation(file: "t.csv"))
    #expect(table.headerLine == 1)
  }

  @Test("UTF-16 with a byte order mark (Excel's \"Unicode text\", tab-separated) is read; malformed UTF-16 is refused")
  func utf16() {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "code\tname\n07303\tXã Lan Giới\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let table = CSVReader.read(bytes: bytes, file: "t.csv")
    #expect(table.diagnostics.isEmpty)
    #expect(table.columnNames == ["code", "name"])
    #expect(table.rows.first?.cells == ["07303", "Xã Lan Giới"])
    #expect(table.rows.first?.line == 2)
    // Columns count characters, as an editor shows the file, not UTF-16 bytes.
    #expect(table.columns.map(\.location.column) == [1, 6])
    #expect(table.rows.first?.cellColumns == [1, 7])
    let broken = CSVReader.read(bytes: [0xFF, 0xFE, 0x61, 0x00, 0x00], file: "t.csv")
    #expect(broken.rows.isEmpty)
    #expect(broken.diagnostics.first?.id == "csv.utf16")
  }

  @Test func longFileIsReadWhole() {
    let rows = (0..<20_000).map { "\($0);Trạm \($0);\"ghi; chú\";99,5" }
    let table = read("code;name;note;rate\n" + rows.joined(separator: "\n"))
    #expect(table.diagnostics.isEmpty)
    #expect(table.rows.count == 20_000)
    #expect(table.rows.last?.line == 20_001)
    #expect(table.rows.last?.cells == ["19999", "Trạm 19999", "ghi; chú", "99,5"])
  }

  // MARK: Errors

  @Test func moreFieldsThanTheHeader() {
    let table = expectError(
      "code,rate\n07306,99,‸5\n07309,98\n", "the row has 3 fields but the header has 2; the row was skipped")
    #expect(table.rows.map(\.cells) == [["07309", "98"]])
    #expect(table.diagnostics.first?.hint?.en.contains("decimal comma") == true)
  }

  @Test func fewerFieldsThanTheHeader() throws {
    let table = read("a;b;c\n1;2\n3;4;5\n")
    #expect(table.rows.map(\.line) == [3])
    let diagnostic = try #require(table.diagnostics.first)
    #expect(table.diagnostics.count == 1)
    #expect(diagnostic.location == at(2, 0))
    #expect(diagnostic.message.en == "the row has 2 fields but the header has 3; the row was skipped")
    #expect(diagnostic.message.vi == "dòng có 2 trường nhưng dòng tiêu đề có 3; dòng này bị bỏ qua")
  }

  @Test func emptyExtraFieldsAreIgnoredWithOneWarning() throws {
    let table = read("a;b\n1;2;;\n3;4;\n5;6\n")
    #expect(table.rows.map(\.cells) == [["1", "2"], ["3", "4"], ["5", "6"]])
    #expect(table.rows.allSatisfy { $0.cellColumns.count == 2 })
    let warning = try #require(table.diagnostics.first)
    #expect(table.diagnostics.count == 1)
    #expect(warning.severity == .warning)
    #expect(warning.location == at(2, 5))
    #expect(warning.message.en.hasSuffix("(also on 1 other row)"))
  }

  @Test func quoteInsideAnUnquotedField() {
    let table = expectError("a,b\n1,x‸\"y,2\n3,4\n", "a '\"' inside a field that does not start with '\"'")
    #expect(table.rows.map(\.cells) == [["3", "4"]])
    #expect(table.rows.first?.line == 3)
  }

  @Test func textAfterAClosingQuote() {
    let table = expectError(
      "a,b\n\"Hà\"‸Nội,2\n3,4\n",
      "expected the separator ',' or the end of the line after the closing '\"', found 'N'")
    #expect(table.rows.map(\.line) == [3])
    expectError(
      "a;b\n\"x\"‸ ;2\n", "expected the separator ';' or the end of the line after the closing '\"', found a space")
    // A broken record over several lines costs its first line; the next is read again (here: broken too).
    let multiline = CSVReader.read(bytes: Array("a;b\n1;\"multi\nline\"x\n".utf8), file: "t.csv")
    #expect(multiline.diagnostics.map(\.id) == ["csv.text-after-quote", "csv.stray-quote"])
    #expect(multiline.lostRows == 2)
  }

  @Test func unterminatedQuoteCostsItsLineOnly() {
    let table = expectError(
      "a,b\n1,2\n3,‸\"abc\n4,5\n6,7\n",
      "the quoted field opened here has no closing '\"'; line 3 was skipped, reading resumed at the next line")
    #expect(table.rows.map(\.cells) == [["1", "2"], ["4", "5"], ["6", "7"]])
    #expect(table.lostRows == 1)
  }

  @Test func invalidUTF8DropsTheRow() {
    let table = CSVReader.read(bytes: Array("a,b\n1,xé".utf8) + [0xFF] + Array("\n3,4\n".utf8), file: "t.csv")
    #expect(table.rows.map(\.cells) == [["3", "4"]])
    #expect(table.diagnostics.count == 1)
    #expect(table.diagnostics.first?.location == at(2, 5))
    #expect(table.diagnostics.first?.message.en.contains("not valid UTF-8: byte 0xFF") == true)
    #expect(table.diagnostics.first?.hint?.en.contains("CSV UTF-8") == true)
  }

  @Test func invalidUTF8InAMultiLineField() {
    let table = CSVReader.read(
      bytes: Array("a,b\n1,\"x\r\ny".utf8) + [0xC3, 0x28] + Array("\"\n3,4\n".utf8), file: "t.csv")
    #expect(table.rows.map(\.line) == [4])
    #expect(table.diagnostics.first?.location == at(3, 2))
  }

  @Test func invalidUTF8InTheHeaderKeepsTheHeader() {
    let table = CSVReader.read(bytes: Array("a,b".utf8) + [0xE1, 0x80] + Array("\n1,2\n".utf8), file: "t.csv")
    #expect(table.columnNames.count == 2)
    #expect(table.rows.count == 1)
    #expect(table.diagnostics.first?.location == at(1, 4))
  }

  @Test func duplicateAndEmptyColumnNames() {
    let table = read("code, name,code ,,x\n1,2,3,4,5\n")
    #expect(table.columnNames == ["code", "name", "code", "", "x"])
    #expect(table.rows.count == 1)
    #expect(table.diagnostics.map(\.location) == [at(1, 12), at(1, 18)])
    #expect(
      table.diagnostics.map(\.message.en) == [
        "duplicate column name 'code': already used by field 1 of the header",
        "empty column name in field 4 of the header",
      ])
    #expect(table.diagnostics.allSatisfy { $0.severity == .error && $0.location?.line == table.headerLine })
  }

  @Test func brokenHeaderStopsTheFile() {
    let table = expectError("\na,b‸\"c\n1,2\n", "the header could not be read, so no row of the file was read")
    #expect(table.columnNames.isEmpty)
    #expect(table.headerLine == 2)
    #expect(table.rows.isEmpty)
    expectError("‸\"a,b\n1,2\n", "has no closing '\"'; the file was not read")
  }

  // MARK: Writing

  @Test func writerQuotesOnlyWhatItMust() {
    let text = CSVWriter.write(header: ["a", "b", "c"], rows: [["1,5", " x", "plain"], ["say \"hi\"", "", "x\ny"]])
    #expect(text == "\u{FEFF}a,b,c\r\n\"1,5\",\" x\",plain\r\n\"say \"\"hi\"\"\",,\"x\ny\"\r\n")
    #expect(
      CSVWriter.write(header: ["a"], rows: [["1,5"]], separator: UInt8(ascii: ";"), byteOrderMark: false)
        == "a\r\n\"1,5\"\r\n")
  }

  /// Plain lines read the quick way (`CSVScanner.readPlainLine`, every cell flagged) give exactly the rows, cells,
  /// columns and problems of reading every record in full: cells of every length around the eight-byte words, with
  /// Vietnamese letters (lead byte E1), combining marks and Hangul jamo (which `nfc` composes: read in full), a
  /// separator, a quote, an invalid byte.
  @Test func plainLinesReadAsRecordsAre() {
    let pieces = [
      "a", "Xã", "Ấp", "Thôn Đồng Lạc", "ạ", "ỹ", "e\u{0301}", "\u{1100}\u{1161}", "한", "ế\u{0323}", "1234567",
      "12345678", "abcdefghijklmnop", "Mường Tè", "\u{00A0}x", "ĐĐĐĐĐĐĐĐ", "\u{1E00}\u{1EFF}\u{1E84}",
    ]
    var random = SplitMix64(seed: 7)
    var lines = ["code;name;note"]
    for line in 0..<400 {
      var cells: [String] = []
      for _ in 0..<3 {
        var cell = ""
        for _ in 0..<Int(random.next() % 4) { cell += pieces[Int(random.next() % UInt64(pieces.count))] }
        cells.append(cell)
      }
      if line % 97 == 5 { cells[1] += "\"q\"" }
      if line % 89 == 7 { cells.append("extra") }
      lines.append(cells.joined(separator: ";"))
    }
    var bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
    bytes.insert(0xFF, at: bytes.count / 2)
    let whole = CSVReader.read(bytes: bytes, file: "t.csv")
    var reader = CSVRowReader(bytes: bytes, file: "t.csv")
    let rows = reader.read(rows: Int.max, only: [true, true, true])
    let quick = reader.finished()
    #expect(rows.count == whole.rows.count)
    for (row, expected) in zip(rows, whole.rows) {
      #expect(row.line == expected.line)
      #expect(row.cells == expected.cells, "line \(expected.line)")
      #expect(
        (0..<3).map { row.location(ofCell: $0, file: "t.csv") }
          == (0..<3).map { expected.location(ofCell: $0, file: "t.csv") }, "line \(expected.line)")
    }
    #expect(quick.diagnostics.map { $0.rendered(in: .en) } == whole.diagnostics.map { $0.rendered(in: .en) })
    #expect(quick.lostRows == whole.lostRows)
    // And the quick way is taken: a cell not flagged is left empty on a plain line (Vietnamese, with separators in
    // every byte of a word), and read on a line that is not plain (a quote).
    var flagged = CSVRowReader(bytes: Array("a;b;c\nXã;Đ;1\n;;;;;;;ạ\n\"x\";y;z\n".utf8), file: "p.csv")
    #expect(flagged.read(rows: 9, only: [true, false, true]).map(\.cells) == [["Xã", "", "1"], ["x", "y", "z"]])
  }

  /// A field that starts or ends with white space of any kind is quoted (a spreadsheet would trim it), and no other:
  /// every scalar up to U+3100 and the last planes' first, at either end of a field, against Unicode's property.
  @Test func writerQuotesEveryWhiteSpaceAtAnEnd() {
    let scalars =
      (0x20...0x3100).compactMap(Unicode.Scalar.init)
      + [0xFEFF, 0x1_0000, 0xE_0020, 0x10_FFFF].compactMap(
        Unicode.Scalar.init)
    for scalar in scalars
    where scalar.value != 0x22 && scalar.value != 0x7F && !"\t\n\r,;".unicodeScalars.contains(scalar) {
      for field in ["\(scalar)x", "x\(scalar)", "Đ\(scalar)ữ"] {
        let white =
          field.unicodeScalars.first!.properties.isWhitespace || field.unicodeScalars.last!.properties.isWhitespace
        #expect(
          CSVWriter.needsQuotes(field, separator: UInt8(ascii: ";")) == white, "U+\(String(scalar.value, radix: 16))")
      }
    }
  }

  @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")])
  func writeThenReadRoundTrip(separator: UInt8) {
    let header = ["code", "tên, \"đơn vị\"", "tỉ lệ;%", "ghi\nchú", "sep=;"]
    let rows = [
      ["07306", "Nhã Nam", "99,5", "line one\r\nline two", "\t tab"],
      [" lead", "trail ", "\"", "a\"b\"\"c", ""],
      ["", "", "", "", "x"],
      ["sep=,", "Hòa", "=1+1", "\r", "a\tb;c,d"],
      ["Pa ủ", "Mường Tè", "  ", "\n", "'quoted'"],
    ]
    let text = CSVWriter.write(header: header, rows: rows, separator: separator)
    let table = CSVReader.read(bytes: Array(text.utf8), file: "t.csv")
    #expect(table.diagnostics.isEmpty)
    #expect(CSVReader.separator(of: Array(text.utf8)) == separator)
    #expect(scalars(table.columnNames) == scalars(header))
    #expect(table.rows.map { scalars($0.cells) } == rows.map { scalars($0) })
  }

  // MARK: Fuzz

  @Test func randomInputsNeverCrash() {
    let pieces: [[UInt8]] =
      ["a", "bc", ",", ";", "\t", "\"", "\"\"", " ", "\n", "\r", "\r\n", "é", "9,5", "sep=;"].map { Array($0.utf8) }
      + [[0xFF], [0xC3], [0xA9], [0xEF, 0xBB, 0xBF], [0x00]]
    var generator = SplitMix64(seed: 0x6373_7672_6561_64)
    for _ in 0..<4000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0...30, using: &generator) {
        bytes += pieces.randomElement(using: &generator)!
      }
      let table = CSVReader.read(bytes: bytes, file: "f.csv")
      var previousLine = table.headerLine
      for row in table.rows {
        #expect(row.cells.count == table.columnNames.count)
        #expect(row.cellColumns.count == row.cells.count)
        #expect(row.lineOffsets.isEmpty || row.lineOffsets.count == row.cells.count)
        #expect(row.line > previousLine)
        previousLine = row.line
      }
      #expect(table.columns.map(\.location.column).count == table.columnNames.count)
      ReaderInvariants.expectLocationsInside(table.diagnostics, file: "f.csv", bytes: bytes)
    }
  }

  /// Station rows damaged at random: every row is read or counted as lost, and every diagnostic is
  /// inside the file.
  @Test func everyGeneratedRowIsAccountedFor() {
    let pieces: [[UInt8]] =
      ["a", ",", ";", "\t", "\"", "\"\"", " ", "\n", "\r", "\r\n", "é", "9,5"].map { Array($0.utf8) }
      + [[0xFF], [0xC3], [0xEF, 0xBB, 0xBF], [0x00]]
    var generator = SplitMix64(seed: 0x726f_7773_6373_76)
    for _ in 0..<3000 {
      let count = 1 + Int(generator.next() % 8)
      var rows = (0..<count).map { Array("\(10000 + $0),Tram \($0),\(100 + $0)\n".utf8) }
      for index in rows.indices where generator.next() % 3 == 0 {
        // Before the row's line break, so that the rows stay as many as generated.
        let at = Int(generator.next() % UInt64(rows[index].count))
        rows[index].insert(contentsOf: ReaderInvariants.pieces(pieces, count: 1, using: &generator), at: at)
      }
      let bytes = Array("code,name,population\n".utf8) + Array(rows.joined())
      let table = CSVReader.read(bytes: bytes, file: "f.csv")
      let context = String(decoding: bytes, as: UTF8.self)
      #expect(table.rows.count + table.lostRows >= count, "\(context)")
      ReaderInvariants.expectLocationsInside(table.diagnostics, file: "f.csv", bytes: bytes)

      let batch = SurveyLoader.load(
        [SurveyFile(name: "f.csv", format: .csv, bytes: bytes)], schema: ReaderInvariants.schema)
      #expect(batch.records.count + batch.rejected >= count, "\(context)")
      ReaderInvariants.expectLocationsInside(batch.diagnostics, file: "f.csv", bytes: bytes)
    }
  }
}
