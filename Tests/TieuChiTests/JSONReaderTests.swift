import Testing

@testable import TieuChi

/// Inputs with a `‸` marking where a diagnostic is expected, as swift-format's tests mark findings.
///
/// The marker is removed; its line and column (Unicode scalars, CRLF and lone CR as one break) are
/// what the reader must report.
struct MarkedInput {
  var bytes: [UInt8]
  var line: Int
  var column: Int

  init(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let scalars = Array(source.unicodeScalars)
    guard let marker = scalars.firstIndex(of: "‸") else {
      Issue.record("no ‸ marker in the input", sourceLocation: sourceLocation)
      self.init(bytes: Array(source.utf8), line: 0, column: 0)
      return
    }
    var line = 1
    var column = 1
    var offset = 0
    while offset < marker {
      let scalar = scalars[offset]
      offset += 1
      if scalar == "\n" || scalar == "\r" {
        if scalar == "\r", offset < marker, scalars[offset] == "\n" { offset += 1 }
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    var text = String.UnicodeScalarView()
    text.append(contentsOf: scalars[..<marker])
    text.append(contentsOf: scalars[(marker + 1)...])
    self.init(bytes: Array(String(text).utf8), line: line, column: column)
  }

  init(bytes: [UInt8], line: Int, column: Int) {
    self.bytes = bytes
    self.line = line
    self.column = column
  }
}

@Suite struct JSONReaderTests {
  func read(_ text: String, maxDepth: Int = 64) -> ParsedFile {
    JSONReader.read(bytes: Array(text.utf8), file: "t.json", maxDepth: maxDepth)
  }

  func scalars(_ text: String?) -> [Unicode.Scalar] {
    Array((text ?? "").unicodeScalars)
  }

  /// Parses an input that must fail with one error at its marker, whose English text contains `message`.
  func expectError(
    _ source: String, _ message: String, documents: Int = 0,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let input = MarkedInput(source, sourceLocation: sourceLocation)
    let parsed = JSONReader.read(bytes: input.bytes, file: "t.json")
    #expect(parsed.diagnostics.count == 1, sourceLocation: sourceLocation)
    guard let diagnostic = parsed.diagnostics.first else { return }
    #expect(diagnostic.severity == .error, sourceLocation: sourceLocation)
    #expect(
      diagnostic.location == SourceLocation(file: "t.json", line: input.line, column: input.column),
      "\(diagnostic.message.en)", sourceLocation: sourceLocation)
    #expect(diagnostic.message.en.contains(message), "\(diagnostic.message.en)", sourceLocation: sourceLocation)
    #expect(
      !diagnostic.message.vi.isEmpty && diagnostic.message.vi != diagnostic.message.en, sourceLocation: sourceLocation)
    #expect(parsed.documents.count == documents, sourceLocation: sourceLocation)
  }

  // MARK: Values

  @Test func everyValueKind() throws {
    let parsed = read(
      #"{"name": "Trạm Y tế", "code": "07306", "beds": 5, "ratio": -0.50e+3, "big": 12345678901234567890123,"#
        + #" "open": true, "closed": false, "note": null, "staff": [], "extra": {}, "list": [1, "a", null, [2]]}"#)
    #expect(parsed.diagnostics.isEmpty)
    let root = try #require(parsed.documents.first)
    let entries = try #require(root.entries)
    #expect(
      entries.map(\.key) == [
        "name", "code", "beds", "ratio", "big", "open", "closed", "note", "staff", "extra", "list",
      ])
    guard case .scalar("Trạm Y tế", .quoted) = root["name"]?.content else {
      Issue.record("name")
      return
    }
    guard case .scalar("07306", .quoted) = root["code"]?.content else {
      Issue.record("code")
      return
    }
    guard case .scalar("5", .plain) = root["beds"]?.content else {
      Issue.record("beds")
      return
    }
    // Numbers stay as written: no Double rounding, no normalisation.
    #expect(root["ratio"]?.scalarText == "-0.50e+3")
    #expect(root["big"]?.scalarText == "12345678901234567890123")
    guard case .scalar("true", .plain) = root["open"]?.content else {
      Issue.record("open")
      return
    }
    guard case .scalar("false", .plain) = root["closed"]?.content else {
      Issue.record("closed")
      return
    }
    #expect(root["note"]?.isNull == true)
    #expect(root["code"]?.isNull == false)
    #expect(root["staff"]?.items?.isEmpty == true)
    #expect(root["extra"]?.entries?.isEmpty == true)
    let list = try #require(root["list"]?.items)
    #expect(list.map(\.scalarText) == ["1", "a", "null", nil])
    #expect(list[2].isNull)
    #expect(list[3].items?.first?.scalarText == "2")
  }

  @Test(arguments: ["0", "-0", "1.50", "1E2", "1e-7", "-12.5E+03", "0.0", "123"])
  func numbersAreKeptAsWritten(_ number: String) throws {
    let parsed = read("[\(number)]")
    #expect(parsed.diagnostics.isEmpty)
    let item = try #require(parsed.documents.first?.items?.first)
    guard case .scalar(let text, .plain) = item.content else {
      Issue.record("not a plain scalar")
      return
    }
    #expect(text == number)
  }

  @Test func topLevelScalarsAreDocuments() {
    #expect(read(#" "text" "#).documents.first?.scalarText == "text")
    #expect(read("42\n").documents.first?.scalarText == "42")
    #expect(read("null").documents.first?.isNull == true)
  }

  @Test func keyAndValuePositions() throws {
    let parsed = read("{\r\n  \"tên\": \"Hà\",\r\n  \"số\": [1,\r\n    2]\r\n}")
    #expect(parsed.diagnostics.isEmpty)
    let root = try #require(parsed.documents.first)
    #expect(root.location == SourceLocation(file: "t.json", line: 1, column: 1))
    let entries = try #require(root.entries)
    #expect(entries[0].keyLocation == SourceLocation(file: "t.json", line: 2, column: 3))
    #expect(entries[0].value.location == SourceLocation(file: "t.json", line: 2, column: 10))
    #expect(entries[1].keyLocation == SourceLocation(file: "t.json", line: 3, column: 3))
    #expect(entries[1].value.location == SourceLocation(file: "t.json", line: 3, column: 9))
    let items = try #require(entries[1].value.items)
    #expect(items[0].location == SourceLocation(file: "t.json", line: 3, column: 10))
    #expect(items[1].location == SourceLocation(file: "t.json", line: 4, column: 5))
  }

  @Test func loneCarriageReturnAndTabs() throws {
    let parsed = read("[1,\r\t\"x\",\n\n  true]")
    let items = try #require(parsed.documents.first?.items)
    #expect(items[1].location == SourceLocation(file: "t.json", line: 2, column: 2))
    #expect(items[2].location == SourceLocation(file: "t.json", line: 4, column: 3))
  }

  @Test func byteOrderMarkIsSkipped() throws {
    let parsed = JSONReader.read(bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8), file: "t.json")
    #expect(parsed.diagnostics.isEmpty)
    let root = try #require(parsed.documents.first)
    #expect(root.location.column == 1)
    #expect(root.entries?.first?.keyLocation == SourceLocation(file: "t.json", line: 1, column: 2))
  }

  @Test("UTF-16 with a byte order mark is read; malformed UTF-16 is refused")
  func utf16() throws {
    let parsed = JSONReader.read(bytes: [0xFE, 0xFF, 0x00, 0x5B, 0x00, 0x31, 0x00, 0x5D], file: "t.json")
    #expect(parsed.diagnostics.isEmpty)
    #expect(try #require(parsed.documents.first).items?.count == 1)
    let broken = JSONReader.read(bytes: [0xFF, 0xFE, 0x5B, 0x00, 0x5D], file: "t.json")
    #expect(broken.documents.isEmpty)
    #expect(broken.diagnostics.first?.id == "json.utf16")
  }

  @Test(arguments: ["", "   \n\r\n\t ", "\u{FEFF}", "\u{FEFF}  \n"])
  func emptyFile(_ text: String) {
    let parsed = read(text)
    #expect(parsed.documents.isEmpty)
    #expect(parsed.diagnostics.count == 1)
    #expect(parsed.diagnostics.first?.severity == .error)
    #expect(parsed.diagnostics.first?.id == "json.empty-file")
    #expect(parsed.diagnostics.first?.location == SourceLocation(file: "t.json"))
  }

  // MARK: Strings

  @Test func escapes() throws {
    let parsed = read(#"["\"\\\/\b\f\n\r\t", "\u00e9\u0041\u00E9", "\ud83d\ude00\uD83D\uDE00", "a\u0000b"]"#)
    #expect(parsed.diagnostics.isEmpty)
    let items = try #require(parsed.documents.first?.items)
    #expect(scalars(items[0].scalarText) == scalars("\"\\/\u{8}\u{C}\n\r\t"))
    #expect(scalars(items[1].scalarText) == scalars("\u{E9}A\u{E9}"))
    #expect(scalars(items[2].scalarText) == scalars("😀😀"))
    #expect(scalars(items[3].scalarText) == scalars("a\u{0}b"))
  }

  @Test func decomposedTextBecomesNFC() throws {
    // "Hòa" written decomposed, raw and escaped; as a key and as a value.
    let parsed = read("{\"Ho\u{300}a\": \"Ho\u{300}a\", \"x\": \"Ho\\u0300a\", \"ascii\": \"plain\"}")
    #expect(parsed.diagnostics.isEmpty)
    let entries = try #require(parsed.documents.first?.entries)
    #expect(scalars(entries[0].key) == scalars("H\u{F2}a"))
    #expect(scalars(entries[0].value.scalarText) == scalars("H\u{F2}a"))
    #expect(scalars(entries[1].value.scalarText) == scalars("H\u{F2}a"))
    #expect(entries[2].value.scalarText == "plain")
  }

  @Test func columnsCountScalarsNotBytes() throws {
    let parsed = read(#"{"Mường Tè": "Bum Tở", "k": 1}"#)
    let entries = try #require(parsed.documents.first?.entries)
    #expect(entries[1].keyLocation.column == 24)
    #expect(entries[0].value.location.column == 14)
  }

  // MARK: Duplicate keys

  @Test func duplicateKeyPointsAtTheSecondAndNamesTheFirstLine() {
    expectError("{\"a\": 1,\n \"b\": 2,\n ‸\"a\": 3}", "duplicate key 'a': already used on line 1")
  }

  @Test func duplicateKeysAreComparedInNFC() {
    expectError("{\"Ho\u{300}a\": 1, ‸\"H\u{F2}a\": 2}", "duplicate key 'H\u{F2}a'")
  }

  @Test func duplicateKeyInALargeObject() {
    let keys = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ",\n")
    expectError("{\(keys),\n ‸\"k7\": 0}", "already used on line 8")
    #expect(read("{\(keys)}").diagnostics.isEmpty)
  }

  @Test func sameKeyInDifferentObjectsIsFine() {
    #expect(read(#"[{"a": 1}, {"a": 2, "b": {"a": 3}}]"#).diagnostics.isEmpty)
  }

  // MARK: Recovery and depth

  @Test func brokenTopLevelArrayKeepsTheCompletedElements() throws {
    let input = MarkedInput(
      """
      [
        {"code": "07306"},
        {"code": "07309"},
        {"code": ‸}
      ]
      """)
    let parsed = JSONReader.read(bytes: input.bytes, file: "t.json")
    let root = try #require(parsed.documents.first)
    #expect(root.items?.compactMap { $0["code"]?.scalarText } == ["07306", "07309"])
    #expect(root.location == SourceLocation(file: "t.json", line: 1, column: 1))
    let diagnostic = try #require(parsed.diagnostics.first)
    #expect(parsed.diagnostics.count == 1)
    #expect(diagnostic.location == SourceLocation(file: "t.json", line: input.line, column: input.column))
    #expect(diagnostic.message.en.contains("expected a value, found '}'"))
    // The broken element was the list's last: it alone is lost, and the lines it took are named.
    #expect(parsed.lostRecords == 1)
    #expect(diagnostic.message.en.contains("this element of the top-level list (lines 4–5) was skipped"))
    #expect(diagnostic.message.vi.contains("phần tử này của danh sách gốc (dòng 4–5) bị bỏ qua"))
  }

  @Test func brokenFirstElementGivesNoDocument() {
    expectError(#"[{"code": ‸]"#, "expected a value, found ']'")
  }

  @Test func brokenTopLevelObjectGivesNoDocument() {
    expectError("{\"a\": [1, 2],\n \"b\": ‸tru}", "expected a value, found 'tru'")
  }

  @Test func contentAfterACompleteArrayKeepsIt() {
    expectError("[1, 2]\n‸[3]", "expected the end of the file after the top-level value, found '['", documents: 1)
    expectError(#"{"a": 1} ‸x"#, "found 'x'")
  }

  @Test func tooDeepIsAnErrorNotACrash() {
    let deep = String(repeating: "[", count: 100_000)
    let parsed = read(deep)
    #expect(parsed.documents.isEmpty)
    #expect(parsed.diagnostics.count == 1)
    #expect(parsed.diagnostics.first?.location == SourceLocation(file: "t.json", line: 1, column: 65))
    #expect(parsed.diagnostics.first?.message.en.contains("more than 64 levels") == true)

    let balanced = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(read(balanced, maxDepth: .max).diagnostics.first?.location?.column == 1001)
    let objects = String(repeating: #"{"a":"#, count: 70) + "1" + String(repeating: "}", count: 70)
    #expect(read(objects).diagnostics.first?.location?.column == 64 * 5 + 1)
  }

  @Test func maxDepthIsInclusive() {
    #expect(read("[[[1]]]", maxDepth: 3).diagnostics.isEmpty)
    #expect(read("[[[1]]]", maxDepth: 2).diagnostics.first?.location?.column == 3)
    #expect(read("[[[]]]", maxDepth: 2).diagnostics.first?.location?.column == 3)
    #expect(read("7", maxDepth: 0).diagnostics.isEmpty)
  }

  @Test func longMinifiedLineStaysLinear() throws {
    let element = #"{"code":"07306","tên":"Nhã Nam","n":[1,2.5,null]}"#
    let count = 20_000
    let text = "[" + Array(repeating: element, count: count).joined(separator: ",") + "]"
    let parsed = read(text)
    #expect(parsed.diagnostics.isEmpty)
    let items = try #require(parsed.documents.first?.items)
    #expect(items.count == count)
    let width = element.unicodeScalars.count + 1
    #expect(items.last?.location.column == 2 + (count - 1) * width)
  }

  // MARK: Errors at their positions

  @Test(arguments: [
    ("[1, 2 ‸}", "expected ',' or ']' after an array element, found '}'", 1),
    ("[1 ‸2]", "expected ',' or ']' after an array element, found '2'", 1),
    (#"{"a": 1 ‸]"#, "expected ',' or '}' after a value in an object, found ']'", 0),
    (#"{"a": 1‸"#, "expected ',' or '}' after a value in an object, found the end of the file", 0),
    ("{‸a: 1}", "expected a key in double quotes, found 'a'", 0),
    ("{‸'a': 1}", "expected a key in double quotes, found \"'\"", 0),
    (#"{"a" ‸1}"#, "expected ':' after the key 'a', found '1'", 0),
    (#"{"a": 1, ‸2: 3}"#, "expected a key in double quotes, found '2'", 0),
    ("[1, 2‸, ]", "expected a value after ',', found ']'", 1),
    (#"{"a": 1‸,}"#, "expected a value after ',', found '}'", 0),
    ("[1,\n  2‸,\n]", "expected a value after ',', found ']'", 1),
    (#"{"tên": "Hà"‸, }"#, "expected a value after ',', found '}'", 0),
    ("‸]", "expected a value, found ']'", 0),
    ("[1,‸", "expected a value, found the end of the file", 1),
    ("[‸NaN]", "expected a value, found 'NaN'", 0),
    ("[‸True]", "expected a value, found 'True'", 0),
    ("[‸nullx]", "expected a value, found 'nullx'", 0),
    ("‸// note\n{}", "expected a value, found '/'", 0),
    (#"{"a": ‸+1}"#, "expected a value, found '+'", 0),
    ("[‸.5]", "expected a value, found '.'", 0),
    ("[‸é]", "expected a value, found 'é'", 0),
    ("[-‸]", "expected a digit after '-', found ']'", 0),
    ("[-‸a]", "expected a digit after '-', found 'a'", 0),
    ("[‸01]", "a number cannot start with a leading zero, found '01'", 0),
    ("[‸-007]", "leading zero, found '-007'", 0),
    ("[1.‸]", "expected a digit after the decimal point, found ']'", 0),
    ("[1e‸]", "expected a digit in the exponent, found ']'", 0),
    ("[1E+‸x]", "expected a digit in the exponent, found 'x'", 0),
    ("[‸\"abc", "no closing '\"' before the end of the file", 0),
    ("[‸\"abc\\", "no closing '\"' before the end of the file", 0),
    ("[‸\"abc\n\"]", "no closing '\"' before the end of the line", 0),
    ("{\"a\":\r\n  ‸\"abc\r\n\"}", "no closing '\"' before the end of the line", 0),
    ("[\"a‸\tb\"]", "a tab inside a string must be escaped", 0),
    ("[\"a‸\u{1}b\"]", "the control character U+0001 inside a string must be escaped", 0),
    ("[\"a‸\\x\"]", "invalid escape, found '\\' followed by 'x'", 0),
    ("[\"‸\\u12G4\"]", "expected 4 hexadecimal digits after '\\u', found 'G'", 0),
    ("[\"‸\\u12\"]", "expected 4 hexadecimal digits after '\\u', found '\"'", 0),
    ("[\"‸\\uD800\"]", "'\\uD800' is a lone UTF-16 surrogate", 0),
    ("[\"‸\\udc00x\"]", "'\\uDC00' is a lone UTF-16 surrogate", 0),
    ("[\"‸\\uD800\\u0041\"]", "'\\uD800' is a lone UTF-16 surrogate", 0),
    ("[\"x\\uD800‸\\uZZZZ\"]", "expected 4 hexadecimal digits after '\\u', found 'Z'", 0),
    ("[1,\r\n 2\r\n ‸}", "expected ',' or ']' after an array element, found '}'", 1),
    ("[1,\r2 ‸}", "found '}'", 1),
    ("[\"Mường Tè\", ‸x]", "expected a value, found 'x'", 1),
  ])
  func syntaxErrors(source: String, message: String, documents: Int) {
    expectError(source, message, documents: documents)
  }

  @Test func hintsForCommonMistakes() {
    #expect(read("[NaN]").diagnostics.first?.hint?.en.contains("no NaN or Infinity") == true)
    #expect(read("[None]").diagnostics.first?.hint?.en.contains("lower case") == true)
    #expect(read("['a']").diagnostics.first?.hint?.en.contains("double quotes") == true)
    #expect(read("{a: 1}").diagnostics.first?.hint?.en.contains("keys must be in double quotes") == true)
    #expect(read("[1,]").diagnostics.first?.hint?.en.contains("trailing comma") == true)
    #expect(read("[007]").diagnostics.first?.hint?.en.contains("\"007\"") == true)
    #expect(read("/* x */ 1").diagnostics.first?.hint?.en.contains("comments") == true)
  }

  // MARK: Invalid UTF-8

  /// Text with raw bytes spliced in, for encodings a Swift string literal cannot hold.
  static func spliced(_ prefix: String, _ raw: [UInt8], _ suffix: String = "") -> [UInt8] {
    Array(prefix.utf8) + raw + Array(suffix.utf8)
  }

  static let invalidUTF8Cases: [([UInt8], Int)] = [
    (spliced(#"["a"#, [0xFF], #""]"#), 4),
    (spliced(#"["Hà", "x"#, [0xC3, 0x28], #""]"#), 10),
    (spliced(#"[""#, [0xC0, 0x80], #""]"#), 3),
    (spliced(#"[""#, [0xED, 0xA0, 0x80], #""]"#), 3),
    (spliced(#"[""#, [0xF4, 0x90, 0x80, 0x80], #""]"#), 3),
    (spliced(#"["ab"#, [0xE1, 0x80]), 5),
    (spliced("[", [0xFF], "]"), 2),
    (spliced(#"{"k": 1, "#, [0x80]), 10),
    (spliced(#"["\"#, [0xFE]), 4),
  ]

  @Test(arguments: invalidUTF8Cases)
  func invalidUTF8(bytes: [UInt8], column: Int) {
    let parsed = JSONReader.read(bytes: bytes, file: "t.json")
    #expect(parsed.diagnostics.count == 1)
    #expect(parsed.diagnostics.first?.location == SourceLocation(file: "t.json", line: 1, column: column))
    #expect(parsed.diagnostics.first?.message.en.contains("not valid UTF-8") == true)
  }

  @Test func validMultibyteTextIsAccepted() throws {
    let parsed = read(#"["Tỉnh Lai Châu", "𝔘 😀", "Pa ủ"]"#)
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.documents.first?.items?.map(\.scalarText) == ["Tỉnh Lai Châu", "𝔘 😀", "Pa ủ"])
  }

  // MARK: Fuzz

  @Test func randomInputsNeverCrash() {
    let pieces: [[UInt8]] =
      [
        "{", "}", "[", "]", "\"", "\\", ",", ":", " ", "\n", "\r", "0", "1", "-", "e", ".", "+", "true", "null",
        "fals", "\"k\"", "\\u", "D800", "dc00", "\\n", "é", "a", "\t", "//",
      ].map { Array($0.utf8) }
      + [[0xFF], [0xC3], [0xA9], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0x00]]
    var generator = SplitMix64(seed: 0x7469_6575_6368_69)
    for _ in 0..<4000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0...24, using: &generator) {
        bytes += pieces.randomElement(using: &generator)!
      }
      let parsed = JSONReader.read(bytes: bytes, file: "f.json", maxDepth: 8)
      // A top-level list resumes after each broken element: one diagnostic per record lost, at most.
      #expect(parsed.diagnostics.count <= bytes.count + 1)
      if parsed.diagnostics.isEmpty { #expect(parsed.documents.count == 1) }
      // A file with an error loses something, and says so; an empty one holds nothing to lose.
      if parsed.diagnostics.first.map({ $0.id != "json.empty-file" }) == true { #expect(parsed.lostRecords >= 1) }
      ReaderInvariants.expectLocationsInside(parsed.diagnostics, file: "f.json", bytes: bytes)
    }
  }

  /// A list of stations with one damaged: the stations before the damage are read, and the damage is
  /// counted. (How many stations after it were lost is not known: JSON has no lines to count them by.)
  @Test func damagedStationListKeepsWhatCameBefore() {
    let pieces =
      ["{", "}", "[", "]", "\"", "\\", ",", ":", " ", "\n", "0", "-", "true", "nul", "é", "\t", "//"]
      .map { Array($0.utf8) } + [[0xFF], [0x00]]
    var generator = SplitMix64(seed: 0x6a73_6f6e_6c69_7374)
    for _ in 0..<2000 {
      let count = 1 + Int(generator.next() % 6)
      var stations = (0..<count).map { Array("{\"code\": \"\(10000 + $0)\", \"population\": \($0)}".utf8) }
      let damaged = Int(generator.next() % UInt64(count))
      let at = Int(generator.next() % UInt64(stations[damaged].count))
      stations[damaged].insert(contentsOf: ReaderInvariants.pieces(pieces, count: 1, using: &generator), at: at)
      let bytes = Array("[\n".utf8) + Array(stations.joined(separator: Array(",\n".utf8))) + Array("\n]\n".utf8)
      let parsed = JSONReader.read(bytes: bytes, file: "f.json")
      let read = parsed.documents.first?.items?.count ?? 0
      let context = String(decoding: bytes, as: UTF8.self)
      if parsed.diagnostics.isEmpty {
        #expect(read >= count, "\(context)")
      } else {
        // Reading resumes after the damage: an error that cost no station (a stray `}` between two) leaves
        // every station read.
        #expect(read >= damaged && (parsed.lostRecords >= 1 || read == count), "\(context)")
      }
      ReaderInvariants.expectLocationsInside(parsed.diagnostics, file: "f.json", bytes: bytes)
    }
  }
}
