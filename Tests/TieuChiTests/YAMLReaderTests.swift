import Testing

@testable import TieuChi

/// `Testing` has a `SourceLocation` too.
private typealias Location = TieuChi.SourceLocation

/// Reads inline YAML as the file `t.yaml`.
private func read(_ text: String, limits: YAMLReader.Limits = .default) -> ParsedFile {
  YAMLReader.read(bytes: Array(text.utf8), file: "t.yaml", limits: limits)
}

/// Removes the markers `1️⃣`…`9️⃣` from `text` and returns where each one was (1-based line and column,
/// columns in Unicode scalars), so that tests state expected positions inside the source itself.
private func marked(_ text: String) -> (text: String, at: [Int: Location]) {
  let digits = Array("1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣9️⃣")
  var clean = ""
  var positions: [Int: Location] = [:]
  var line = 1
  var column = 1
  for character in text {
    if let index = digits.firstIndex(of: character) {
      positions[index + 1] = Location(file: "t.yaml", line: line, column: column)
      continue
    }
    clean.append(character)
    if character == "\n" {
      line += 1
      column = 1
    } else {
      column += character.unicodeScalars.count
    }
  }
  return (clean, positions)
}

private func scalar(_ node: DataNode?) -> (String, DataNode.ScalarStyle)? {
  guard case .scalar(let text, let style)? = node?.content else { return nil }
  return (text, style)
}

private func rendered(_ file: ParsedFile) -> String {
  file.diagnostics.map { $0.rendered(in: .en) }.joined(separator: "\n")
}

@Suite("YAMLReader")
struct YAMLReaderTests {
  // MARK: - Values

  @Test func scalarsKeepTextAndStyle() throws {
    let file = read(
      """
      plain: 010
      yes_word: yes
      single: 'yes'
      double: "99,5"
      literal: |
        line one
        line two
      folded: >
        one
        two
      tagged: !!str 42
      typed: !!int 42
      empty:
      tilde: ~
      quoted_empty: ""
      """)
    #expect(file.diagnostics.isEmpty, "\(rendered(file))")
    let root = try #require(file.documents.first)
    #expect(scalar(root["plain"])! == ("010", .plain))
    #expect(scalar(root["yes_word"])! == ("yes", .plain))
    #expect(scalar(root["single"])! == ("yes", .quoted))
    #expect(scalar(root["double"])! == ("99,5", .quoted))
    #expect(scalar(root["literal"])! == ("line one\nline two\n", .quoted))
    #expect(scalar(root["folded"])! == ("one two\n", .quoted))
    #expect(scalar(root["tagged"])! == ("42", .quoted))
    #expect(scalar(root["typed"])! == ("42", .plain))
    #expect(root["empty"]?.isNull == true)
    #expect(root["tilde"]?.isNull == true)
    #expect(root["quoted_empty"]?.isNull == false)
    #expect(
      root.entries?.map(\.key) == [
        "plain", "yes_word", "single", "double", "literal", "folded", "tagged", "typed", "empty", "tilde",
        "quoted_empty",
      ])
  }

  @Test func nestedCollectionsCarryPositions() throws {
    let source = marked(
      """
      1️⃣station:
        2️⃣code: 3️⃣"07339"
        4️⃣staff:
          5️⃣- 6️⃣{7️⃣role: doctor, count: 2}
          - [a, 8️⃣b]
      """)
    let file = read(source.text)
    #expect(file.diagnostics.isEmpty, "\(rendered(file))")
    let root = try #require(file.documents.first)
    #expect(root.location == source.at[1])
    let station = try #require(root.entries?.first)
    #expect(station.keyLocation == source.at[1])
    #expect(station.value.entries?.first?.keyLocation == source.at[2])
    #expect(station.value["code"]?.location == source.at[3])
    #expect(station.value.entries?[1].keyLocation == source.at[4])
    let staff = try #require(station.value["staff"]?.items)
    #expect(station.value["staff"]?.location == source.at[5])
    #expect(staff[0].location == source.at[6])
    #expect(staff[0].entries?.first?.keyLocation == source.at[7])
    #expect(scalar(staff[0]["count"])! == ("2", .plain))
    #expect(staff[1].items?[1].location == source.at[8])
  }

  @Test func anchorsAndAliasesCopyTheNode() throws {
    let file = read(
      """
      base: &base {a: 1, b: [x, y]}
      copy: *base
      name: &n Trạm
      again: *n
      """)
    #expect(file.diagnostics.isEmpty, "\(rendered(file))")
    let root = try #require(file.documents.first)
    #expect(root["copy"]?["b"]?.items?.count == 2)
    #expect(scalar(root["again"])! == ("Trạm", .plain))
  }

  @Test func undefinedAndRecursiveAliasesAreErrors() throws {
    let source = marked(
      """
      a: 1️⃣*missing
      b: &x [1, 2️⃣*x]
      c: 3
      """)
    let file = read(source.text)
    #expect(file.diagnostics.map(\.location) == [source.at[1], source.at[2]])
    #expect(file.diagnostics.allSatisfy { $0.severity == .error })
    #expect(file.diagnostics[0].message.en.contains("undefined alias '*missing'"))
    // The document is kept without the bad entry, so the other values are still reported on.
    let root = try #require(file.documents.first)
    #expect(root.entries?.map(\.key) == ["b", "c"])
  }

  // MARK: - Documents

  @Test func multiDocumentStreamHasFileGlobalLines() throws {
    let source = marked(
      """
      # header comment
      1️⃣a: 1
      ---
      2️⃣b: 2
      ...
      %YAML 1.1
      ---
      # comment

      3️⃣c: [4️⃣x]
      --- 5️⃣d
      """)
    let file = read(source.text)
    #expect(file.diagnostics.isEmpty, "\(rendered(file))")
    #expect(file.documents.map(\.location) == [source.at[1], source.at[2], source.at[3], source.at[5]])
    #expect(file.documents[2]["c"]?.items?.first?.location == source.at[4])
  }

  @Test func brokenMiddleDocumentLosesOnlyItself() throws {
    let source = marked(
      """
      name: first
      ---
      name: second
        broken1️⃣: [here
      ---
      name: third
      ---
      name: "fourth
      ---
      2️⃣name: fifth
      """)
    let file = read(source.text)
    #expect(file.documents.map { $0["name"]?.scalarText } == ["first", "third", "fifth"])
    #expect(file.documents.last?.location == source.at[2])
    #expect(file.diagnostics.count == 2)
    #expect(file.diagnostics[0].location == source.at[1])
    #expect(file.diagnostics[0].message.en.hasPrefix("YAML syntax error: mapping values are not allowed"))
    #expect(file.diagnostics[0].message.vi.hasPrefix("Lỗi cú pháp YAML: không được đặt dấu ':'"))
    #expect(file.diagnostics[0].message.vi.contains("(libyaml: mapping values are not allowed in this context)"))
    #expect(file.diagnostics[1].location?.line == 9)
    #expect(file.diagnostics[1].message.en.contains("while scanning a quoted scalar starting at line 8"))
  }

  /// Vietnamese messages say libyaml's problem in Vietnamese, with libyaml's English words after them.
  @Test func syntaxErrorMessageKeepsLibyamlTextInBothLanguages() throws {
    let file = read("a:\n  b: 1\n c: 2\n")
    let diagnostic = try #require(file.diagnostics.first)
    #expect(file.documents.isEmpty)
    #expect(diagnostic.location == Location(file: "t.yaml", line: 3, column: 2))
    #expect(
      diagnostic.message.en
        == "YAML syntax error: did not find expected key (while parsing a block mapping starting at line 1)")
    #expect(
      diagnostic.message.vi
        == "Lỗi cú pháp YAML: không tìm thấy khóa như mong đợi (thụt lề sai hoặc thiếu dấu ':') "
        + "(libyaml: did not find expected key), khi đọc một bảng khóa–giá trị bắt đầu ở dòng 1")
  }

  @Test func brokenListKeepsCompletedItems() throws {
    let source = marked(
      """
      - code: "001"
        name: A
      - code: "002"
        name: B
      - code: "003"
        name: "C
      - code: "004"
      """)
    let file = read(source.text)
    let partial = try #require(file.documents.first)
    #expect(file.documents.count == 1)
    #expect(partial.items?.compactMap { $0["code"]?.scalarText } == ["001", "002"])
    let diagnostic = try #require(file.diagnostics.first)
    #expect(file.diagnostics.count == 1)
    // No item starts after the error (the quote swallowed the rest): both items are lost and counted.
    #expect(file.lostRecords == 2)
    #expect(diagnostic.message.en.contains("2 items of the top-level list (lines 4–7) could not be read"))
    #expect(diagnostic.message.vi.contains("2 mục của danh sách gốc (dòng 4–7) không đọc được"))
  }

  @Test func brokenListInLaterDocumentKeepsGlobalLines() throws {
    let file = read("a: 1\n---\n- x\n- y\n- [z\n")
    #expect(file.documents.count == 2)
    #expect(file.documents[1].items?.map(\.location.line) == [3, 4])
    #expect(file.diagnostics.first?.location?.line == 6)
  }

  @Test func emptyAndCommentOnlyInputsProduceNothing() {
    for text in ["", "\n\n", "# only a comment\n", "---\n", "--- # c\n...\n", "   \n# a\n---\n# b\n"] {
      let file = read(text)
      #expect(file.documents.isEmpty, "\(text.debugDescription)")
      #expect(file.diagnostics.isEmpty, "\(text.debugDescription): \(rendered(file))")
    }
    #expect(read("--- ~").documents.first?.isNull == true)
    #expect(read("--- ''").documents.count == 1)
  }

  // MARK: - Keys

  @Test func duplicateKeysNameTheFirstLine() throws {
    let source = marked(
      """
      code: "1"
      name: x
      1️⃣code: "2"
      nested:
        Việt: 1
        2️⃣Vie\u{302}\u{323}t: 2
      """)
    let file = read(source.text)
    #expect(file.diagnostics.map(\.location) == [source.at[1], source.at[2]])
    #expect(file.diagnostics[0].message.en == "duplicate key 'code': already used on line 1")
    #expect(file.diagnostics[0].message.vi == "khóa 'code' bị trùng: đã có ở dòng 1")
    #expect(file.diagnostics[1].message.en.contains("line 5"))
    let root = try #require(file.documents.first)
    #expect(root["code"]?.scalarText == "1")
  }

  @Test func duplicateKeysInLargeMappings() {
    let keys = (0..<40).map { "key\($0): \($0)" }
    let file = read((keys + ["key17: again"]).joined(separator: "\n"))
    #expect(file.diagnostics.count == 1)
    #expect(file.diagnostics.first?.message.en == "duplicate key 'key17': already used on line 18")
    #expect(file.documents.first?.entries?.count == 40)
  }

  @Test func mergeKeysAreRejectedWithHint() throws {
    let source = marked(
      """
      base: &b {x: 1}
      station:
        1️⃣<<: *b
        y: 2
        '<<': quoted is an ordinary key
      """)
    let file = read(source.text)
    let diagnostic = try #require(file.diagnostics.first)
    #expect(file.diagnostics.count == 1)
    #expect(diagnostic.location == source.at[1])
    #expect(diagnostic.hint?.en.contains("merge keys are not supported") == true)
    #expect(diagnostic.hint?.en.contains("write the keys out") == true)
    #expect(file.documents.first?["station"]?.entries?.map(\.key) == ["y", "<<"])
  }

  @Test func complexKeysAreRejected() throws {
    let source = marked(
      """
      ? 1️⃣[a, b]
      : value
      2️⃣{x: 1}: other
      fine: yes
      """)
    let file = read(source.text)
    #expect(file.diagnostics.map(\.location) == [source.at[1], source.at[2]])
    #expect(file.diagnostics.allSatisfy { $0.message.en.contains("complex keys are not supported") })
    #expect(file.documents.first?.entries?.map(\.key) == ["fine"])
  }

  // MARK: - Tags

  @Test func unsupportedTagsAreErrorsAtTheirNode() throws {
    let source = marked(
      """
      a: 1️⃣!custom 1
      b: 2️⃣!!binary aGk=
      c: 3️⃣!!str [1]
      d: !!map {k: v}
      e: !!seq [1]
      f: !!null ~
      g: !!bool yes
      h: !!float 1.5
      """)
    let file = read(source.text)
    #expect(file.diagnostics.map(\.location) == [source.at[1], source.at[2], source.at[3]])
    #expect(file.diagnostics[0].message.en == "unsupported YAML tag '!custom'")
    #expect(file.diagnostics[1].message.en == "unsupported YAML tag '!!binary'")
    #expect(file.diagnostics[2].message.en.contains("cannot be used on a list"))
  }

  // MARK: - Limits

  @Test func aliasBombFailsFast() throws {
    var text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    var previous = "a"
    for name in ["b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"] {
      text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
      previous = name
    }
    let file = read(text)
    #expect(file.documents.isEmpty)
    let diagnostic = try #require(file.diagnostics.first)
    #expect(diagnostic.message.en.contains("more than 2000000 values"))
    // 10^7 values are reached at the sixth level of aliases.
    #expect(diagnostic.location?.line == 7)
  }

  @Test func nodeBudgetCountsAliasesExpanded() {
    let limits = YAMLReader.Limits(maxDepth: 64, maxNodes: 20)
    #expect(read("a: &a [1, 2, 3, 4]\nb: *a\nc: *a\n", limits: limits).diagnostics.isEmpty)
    let file = read("a: &a [1, 2, 3, 4]\nb: *a\nc: *a\nd: *a\n", limits: limits)
    #expect(file.diagnostics.first?.location == Location(file: "t.yaml", line: 4, column: 4))
  }

  @Test func depthLimit() throws {
    let limits = YAMLReader.Limits(maxDepth: 5, maxNodes: 1000)
    #expect(read("[[[[x]]]]", limits: limits).diagnostics.isEmpty)
    let file = read("[[[[[x]]]]]", limits: limits)
    #expect(file.documents.isEmpty)
    let diagnostic = try #require(file.diagnostics.first)
    #expect(diagnostic.message.en.contains("nesting deeper than 5 levels"))
    #expect(diagnostic.location == Location(file: "t.yaml", line: 1, column: 6))
    // An alias counts at the depth of what it copies.
    let aliased = read("a: &a [[[x]]]\nb: [*a]\n", limits: limits)
    #expect(aliased.diagnostics.first?.location == Location(file: "t.yaml", line: 2, column: 5))
  }

  @Test func hostileNestingEndsQuickly() {
    let flow = read(String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
    #expect(flow.diagnostics.first?.message.en.contains("deeper than 64") == true)
    let block = read(String(repeating: "- ", count: 100_000) + "x")
    #expect(block.diagnostics.first?.message.en.contains("deeper than 64") == true)
    let mapping = read(String(repeating: "{a: ", count: 100_000))
    #expect(mapping.diagnostics.count == 1)
  }

  // MARK: - Characters and encodings

  @Test func tabIndentationGetsAFriendlyMessage() throws {
    let file = read("station:\n\tcode: 1\n")
    let diagnostic = try #require(file.diagnostics.first)
    #expect(diagnostic.location == Location(file: "t.yaml", line: 2, column: 1))
    #expect(diagnostic.message.en.contains("tabs cannot indent YAML, use spaces"))
    #expect(diagnostic.message.vi.contains("Tab"))
    #expect(diagnostic.message.vi.contains("dấu cách"))
  }

  @Test func invalidUTF8IsPlacedByLineAndColumn() throws {
    var bytes = Array("a: 1\n---\nname: \"Trạm".utf8)
    bytes.append(0xE9)  // "é" in Windows-1258 / Latin-1
    bytes += Array("\"\n---\nb: 2\n".utf8)
    let file = YAMLReader.read(bytes: bytes, file: "t.yaml")
    #expect(file.documents.count == 2)
    let diagnostic = try #require(file.diagnostics.first)
    #expect(diagnostic.location == Location(file: "t.yaml", line: 3, column: 12))
    #expect(diagnostic.message.en.contains("byte 0xE9"))
    #expect(diagnostic.message.en.contains("invalid trailing UTF-8 octet"))
    #expect(diagnostic.hint != nil)
  }

  @Test func nulBytesAreReported() throws {
    let file = YAMLReader.read(bytes: Array("a: 1\nb: x".utf8) + [0] + Array("y\n".utf8), file: "t.yaml")
    let diagnostic = try #require(file.diagnostics.first)
    #expect(diagnostic.location == Location(file: "t.yaml", line: 2, column: 5))
    #expect(diagnostic.message.en.contains("U+0000"))
  }

  @Test func lineEndings() throws {
    for (name, newline) in [("CRLF", "\r\n"), ("CR", "\r"), ("LF", "\n")] {
      let text = ["a: 1", "b:", "  - x", "  - 'y'", "---", "c: |", "  two", "  lines"].joined(separator: newline)
      let file = read(text + newline)
      #expect(file.diagnostics.isEmpty, "\(name): \(rendered(file))")
      #expect(file.documents.count == 2, "\(name)")
      #expect(file.documents.first?["b"]?.items?[1].location == Location(file: "t.yaml", line: 4, column: 5))
      #expect(file.documents.last?.location.line == 6, "\(name)")
      #expect(file.documents.last?["c"]?.scalarText == "two\nlines\n", "\(name)")
    }
  }

  @Test func byteOrderMarks() throws {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    // A BOM at the start, and one before a later `---` (files joined with `cat`).
    let bytes = bom + Array("a: 1\n".utf8) + bom + Array("---\nb: 2\n".utf8)
    let file = YAMLReader.read(bytes: bytes, file: "t.yaml")
    #expect(file.diagnostics.isEmpty, "\(rendered(file))")
    #expect(
      file.documents.map(\.location) == [
        Location(file: "t.yaml", line: 1, column: 1), Location(file: "t.yaml", line: 3, column: 1),
      ])
  }

  @Test func utf16WithByteOrderMarkIsRead() throws {
    let text = "tên: Việt\n---\nb: [\n---\nc: 3\n"
    var little: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 { little += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let file = YAMLReader.read(bytes: little, file: "t.yaml")
    #expect(file.documents.count == 2)
    #expect(file.documents.first?["tên"]?.scalarText == "Việt")
    #expect(file.documents.last?.location.line == 5)
    #expect(file.diagnostics.count == 1)
    // A lone surrogate is reported, not repaired.
    let broken: [UInt8] = [0xFF, 0xFE, 0x61, 0, 0x3A, 0, 0x20, 0, 0x00, 0xD8, 0x78, 0]
    let brokenFile = YAMLReader.read(bytes: broken, file: "t.yaml")
    #expect(brokenFile.documents.isEmpty)
    #expect(brokenFile.diagnostics.first?.location == Location(file: "t.yaml", line: 1, column: 4))
  }

  @Test func decomposedTextBecomesComposed() throws {
    let decomposed = "Tra\u{323}m Vie\u{302}\u{323}t"
    let file = read("\"te\u{302}n\": \(decomposed)\nlist: ['\(decomposed)']\n")
    let root = try #require(file.documents.first)
    #expect(root.entries?.first?.key.unicodeScalars.count == 3)
    #expect(root["tên"]?.scalarText?.unicodeScalars.elementsEqual("Trạm Việt".unicodeScalars) == true)
    #expect(root["list"]?.items?.first?.scalarText?.unicodeScalars.elementsEqual("Trạm Việt".unicodeScalars) == true)
  }

  // MARK: - Splitting

  @Test func splitterCutsOnlyAtDocumentMarkers() {
    let text = "a: 1\n--- b\n---x\n ---\n%YAML 1.1\n# c\n---\n---"
    let chunks = Array(text.utf8).withUnsafeBufferPointer { YAMLReader.splitDocuments($0) }
    #expect(chunks.map(\.line) == [0, 1, 4, 7])
    #expect(chunks.map(\.start) == [0, 5, 21, 39])
  }

  // MARK: - Robustness

  /// Pieces that break YAML in many ways; none contains `---` or `...`, so inserting them never adds a
  /// document marker, and the number of documents an input was generated with stays its number.
  static let fuzzPieces = [
    "- ", ": ", "\n", "  ", "\t", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!x ", "? ", "|\n", ">-\n", "'",
    "\"", "#", "%YAML 1.1\n", "key", "Việt", "e\u{301}", "\r\n", "\r", "<<", "\u{FEFF}", "\\", "@", "`", "\u{85}",
  ].map { Array($0.utf8) }

  /// Random bytes and random pieces (with `---` and `...` markers): no crash, and every diagnostic
  /// inside the input.
  @Test func randomInputNeverCrashes() {
    var generator = SplitMix64(seed: 0x7469_6575_6368_69)
    let pieces = Self.fuzzPieces + [Array("---\n".utf8), Array("...\n".utf8)]
    for round in 0..<3000 {
      var bytes: [UInt8] = []
      let length = Int(generator.next() % 64)
      if round % 2 == 0 {
        for _ in 0..<length { bytes.append(UInt8(truncatingIfNeeded: generator.next())) }
      } else {
        bytes = ReaderInvariants.pieces(pieces, count: length, using: &generator)
        if !bytes.isEmpty, generator.next() % 4 == 0 {
          bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
        }
      }
      let file = YAMLReader.read(bytes: bytes, file: "fuzz.yaml", limits: .init(maxDepth: 8, maxNodes: 500))
      #expect(file.file == "fuzz.yaml")
      ReaderInvariants.expectLocationsInside(file.diagnostics, file: "fuzz.yaml", bytes: bytes, yamlBreaks: true)
    }
  }

  /// One station, ASCII so that any byte offset is a character boundary.
  static func station(_ number: Int, indent: String = "") -> String {
    "code: \"\(10000 + number)\"\n\(indent)name: Tram \(number)\n\(indent)population: \(100 + number)\n"
  }

  /// Stations as separate documents, damaged at random: none is lost without being counted. The reader
  /// cuts at `---`, so each document yields a document, or a lost record; read as survey data, each
  /// yields a record or a rejection.
  @Test func everyGeneratedDocumentIsAccountedFor() {
    var generator = SplitMix64(seed: 0x646f_6375_6d65_6e74)
    for _ in 0..<1500 {
      let count = 1 + Int(generator.next() % 6)
      var documents = (0..<count).map { Array(Self.station($0).utf8) }
      for index in documents.indices where generator.next() % 2 == 0 {
        for _ in 0...(generator.next() % 3) {
          // Before the document's final line break, so that the `---` after it stays a marker.
          let at = Int(generator.next() % UInt64(documents[index].count))
          if generator.next() % 5 == 0, at < documents[index].count - 1 {
            documents[index][at] = UInt8(truncatingIfNeeded: generator.next())
          } else {
            documents[index].insert(
              contentsOf: ReaderInvariants.pieces(Self.fuzzPieces, count: 1, using: &generator), at: at)
          }
        }
      }
      let bytes = Array(documents.joined(separator: Array("---\n".utf8)))
      let file = YAMLReader.read(bytes: bytes, file: "f.yaml")
      let context = String(decoding: bytes, as: UTF8.self)
      #expect(file.documents.count + file.lostRecords >= count, "\(context)")
      ReaderInvariants.expectLocationsInside(file.diagnostics, file: "f.yaml", bytes: bytes, yamlBreaks: true)

      let batch = SurveyLoader.load(
        [SurveyFile(name: "f.yaml", format: .yaml, bytes: bytes)], schema: ReaderInvariants.schema)
      #expect(batch.records.count + batch.rejected >= count, "\(context)")
      ReaderInvariants.expectLocationsInside(batch.diagnostics, file: "f.yaml", bytes: bytes, yamlBreaks: true)
    }
  }

  /// Stations as the items of one top-level list, one item damaged: the items before the damage are
  /// read, and the damaged one and every one after it are counted as lost.
  ///
  /// One insertion per input, after an item's `- `: two quotes or brackets in different items could
  /// join them into one well-formed item, which no reader can tell from a real one.
  @Test func everyGeneratedListItemIsAccountedFor() {
    var generator = SplitMix64(seed: 0x6c69_7374_6974_656d)
    for _ in 0..<1500 {
      let count = 1 + Int(generator.next() % 8)
      var items = (0..<count).map { Array(("- " + Self.station($0, indent: "  ")).utf8) }
      let damaged = Int(generator.next() % UInt64(count))
      // After the item's `- ` and before its final line break, so that the next item's `- ` stays.
      let at = 2 + Int(generator.next() % UInt64(items[damaged].count - 2))
      if generator.next() % 5 == 0, at < items[damaged].count - 1 {
        items[damaged][at] = UInt8(truncatingIfNeeded: generator.next())
      } else {
        items[damaged].insert(contentsOf: ReaderInvariants.pieces(Self.fuzzPieces, count: 1, using: &generator), at: at)
      }
      let bytes = Array(items.joined())
      let file = YAMLReader.read(bytes: bytes, file: "f.yaml")
      let read = file.documents.reduce(0) { $0 + ($1.items?.count ?? 1) }
      let context = String(decoding: bytes, as: UTF8.self)
      #expect(read + file.lostRecords >= count, "\(context)\n\(rendered(file))")
      ReaderInvariants.expectLocationsInside(file.diagnostics, file: "f.yaml", bytes: bytes, yamlBreaks: true)
    }
  }
}
