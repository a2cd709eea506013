import Foundation
import Testing
import TieuChiOffice

@testable import TieuChi
@testable import TieuChiDocuments

/// The hostile corpus: inputs an attacker or a careless user would give, generated here (no large fixture
/// is committed), each with the diagnostic it must give. Every case asserts no crash, a time limit, its
/// documented diagnostic id (and line where it has one), and the invariant of the README's summary:
/// records in = communes evaluated + records rejected + group records — nothing lost without being counted.
@Suite("Hostile corpus")
struct HostileCorpusTests {
  /// One hostile input: files in memory, how many station records they hold (nil: unknowable, such as
  /// random bytes; then the file must still be counted or reported), and the diagnostic it must give.
  struct Case: CustomStringConvertible, Sendable {
    var name: String
    var files: [SurveyFile]
    var records: Int?
    var id: String
    var line: Int?

    var description: String { name }
  }

  static let criteria: CriteriaSet = try! TestSupport.criteria()

  // MARK: Generated records

  static func code(_ number: Int) -> String { String(format: "%05d", 10_000 + number) }

  static func yamlItem(_ number: Int) -> String {
    "- code: \"\(code(number))\"\n  name: Xã \(number)\n  district: Huyện A\n  year: 2024\n"
      + "  population: 1000\n  insured: 990\n"
  }

  static func yamlDocument(_ number: Int) -> String {
    "---\ncode: \"\(code(number))\"\nname: Xã \(number)\ndistrict: Huyện A\nyear: 2024\npopulation: 1000\n"
      + "insured: 990\n"
  }

  static func jsonObject(_ number: Int, pretty: Bool = true) -> String {
    let fields = [
      "\"code\": \"\(code(number))\"", "\"name\": \"Xã \(number)\"", "\"district\": \"Huyện A\"", "\"year\": 2024",
      "\"population\": 1000", "\"insured\": 990",
    ]
    return pretty
      ? "  {\n    " + fields.joined(separator: ",\n    ") + "\n  }" : "{" + fields.joined(separator: ",") + "}"
  }

  static let csvHeader = "code;name;district;year;population;insured\n"
  static func csvRow(_ number: Int) -> String { "\(code(number));Xã \(number);Huyện A;2024;1000;990\n" }

  static func file(_ name: String, _ format: SurveyFormat, _ text: String) -> SurveyFile {
    SurveyFile(name: name, format: format, bytes: Array(text.utf8))
  }

  // MARK: Broken records in the middle of a batch

  /// A broken record replaces record `at` of `count`; every format, many ways of breaking it.
  static func brokenBatches(count: Int, at broken: Int, kinds: Set<String>? = nil) -> [Case] {
    var cases: [Case] = []
    func add(_ kind: String, _ format: SurveyFormat, _ ext: String, _ id: String, _ text: String, line: Int?) {
      guard kinds == nil || kinds!.contains(kind) else { return }
      cases.append(
        Case(
          name: "\(ext) \(count) records, record \(broken) broken: \(kind)",
          files: [file("batch.\(ext)", format, text)],
          records: count, id: id, line: line))
    }
    let before = (0..<broken)
    let after = (broken + 1)..<count
    // YAML list: each item takes 6 lines.
    let yamlLine = broken * 6 + 1
    let yamlBroken: [(String, String, String, Int?)] = [
      ("yaml unclosed flow mapping", "- {code: \"x\", name: [\n", "yaml.syntax-error", nil),
      ("yaml bad indentation", "- code: \"x\"\n     name: a\n  year: 2024\n", "yaml.syntax-error", nil),
      ("yaml unclosed quote", "- code: \"x\n  name: a\n", "yaml.syntax-error", nil),
      ("yaml tab indentation", "- code: \"x\"\n\tname: a\n", "yaml.tab-indentation", yamlLine + 1),
      ("yaml invalid utf-8", "- code: \"x\"\n  name: \u{FFFD}\n", "yaml.invalid-utf8", nil),
      ("yaml stray mapping", "- code: \"x\"\n  : :\n  ]\n", "yaml.syntax-error", nil),
      ("yaml not a station", "- just text\n", "survey.not-a-station", yamlLine),
      ("yaml missing code", "- name: no code\n  year: 2024\n", "survey.missing-code", yamlLine),
    ]
    for (kind, text, id, line) in yamlBroken {
      var body = before.map(yamlItem).joined() + text + after.map(yamlItem).joined()
      if kind == "yaml invalid utf-8" {
        body = body.replacingOccurrences(of: "\u{FFFD}", with: "@@BAD@@")
      }
      let bytes = Array(body.utf8).replacing(Array("@@BAD@@".utf8), with: [0xFF, 0xFE])
      guard kinds == nil || kinds!.contains(kind) else { continue }
      cases.append(
        Case(
          name: "yaml list \(count) records, record \(broken) broken: \(kind)",
          files: [SurveyFile(name: "batch.yaml", format: .yaml, bytes: bytes)], records: count, id: id, line: line))
    }
    // YAML documents: one station per document.
    for (kind, text, id) in [
      ("yaml document broken", "---\ncode: \"x\"\nname: [unclosed\n", "yaml.syntax-error"),
      ("yaml document a list of one", "---\n- a\n", "survey.not-a-station"),
      ("yaml document scalar", "---\njust text\n", "survey.not-a-station"),
    ] {
      add(
        kind, .yaml, "yaml", id, before.map(yamlDocument).joined() + text + after.map(yamlDocument).joined(), line: nil)
    }
    // JSON, pretty-printed: each element takes 8 lines after the opening bracket.
    let jsonLine = 2 + broken * 8
    let jsonBroken: [(String, String, String, Int?)] = [
      ("json missing value", "  {\"code\": \"x\", \"population\": , \"year\": 2024}", "json.syntax-error", jsonLine),
      ("json python literal", "  {\"code\": \"x\", \"population\": True}", "json.syntax-error", jsonLine),
      ("json missing colon", "  {\"code\" \"x\"}", "json.syntax-error", jsonLine),
      ("json unterminated string", "  {\"code\": \"x, \"year\": 2024}", "json.syntax-error", jsonLine),
      (
        "json string cut by a line break", "  {\"code\": \"x\n\", \"year\": 2024}", "json.unterminated-string", jsonLine
      ),
      ("json trailing comma in object", "  {\"code\": \"x\",}", "json.trailing-comma", jsonLine),
      ("json missing closing brace", "  {\"code\": \"x\", \"year\": 2024", "json.syntax-error", nil),
      ("json invalid escape", "  {\"code\": \"x\\q\"}", "json.invalid-escape", jsonLine),
      ("json NaN", "  {\"code\": \"x\", \"population\": NaN}", "json.syntax-error", jsonLine),
      ("json single quotes", "  {'code': 'x'}", "json.syntax-error", jsonLine),
      ("json duplicate key", "  {\"code\": \"x\", \"code\": \"y\"}", "json.duplicate-key", jsonLine),
      ("json lone surrogate", "  {\"code\": \"\\uD800\"}", "json.lone-surrogate", jsonLine),
      ("json nested broken", "  {\"code\": \"x\", \"staff\": [{\"name\": }]}", "json.syntax-error", jsonLine),
      ("json not an object", "  42", "survey.not-a-station", jsonLine),
    ]
    for (kind, text, id, line) in jsonBroken {
      let elements = before.map { jsonObject($0) } + [text] + after.map { jsonObject($0) }
      add(kind, .json, "json", id, "[\n" + elements.joined(separator: ",\n") + "\n]\n", line: line)
    }
    // JSON on one line (minified), as scripts write it.
    for (kind, text, id) in [
      ("json minified missing value", "{\"code\":\"x\",\"population\":}", "json.syntax-error"),
      ("json minified bad literal", "{\"code\":\"x\",\"population\":nul}", "json.syntax-error"),
      ("json minified missing comma", "{\"code\":\"x\" \"year\":2024}", "json.syntax-error"),
    ] {
      let elements = before.map { jsonObject($0, pretty: false) } + [text] + after.map { jsonObject($0, pretty: false) }
      add(kind, .json, "json", id, "[" + elements.joined(separator: ",") + "]", line: 1)
    }
    // NDJSON: one record per line.
    for (kind, text, id) in [
      ("ndjson missing value", "{\"code\":\"x\",\"population\":}", "json.syntax-error"),
      ("ndjson unterminated string", "{\"code\":\"x}", "json.unterminated-string"),
      ("ndjson two values on a line", "{\"code\":\"x\"} {\"code\":\"y\"}", "json.syntax-error"),
      ("ndjson truncated line", "{\"code\":\"x\",\"ye", "json.unterminated-string"),
      ("ndjson not an object", "42", "survey.not-a-station"),
      ("ndjson invalid escape", "{\"code\":\"\\x\"}", "json.invalid-escape"),
    ] {
      let lines = before.map { jsonObject($0, pretty: false) } + [text] + after.map { jsonObject($0, pretty: false) }
      add(kind, .ndjson, "ndjson", id, lines.joined(separator: "\n") + "\n", line: broken + 1)
    }
    // CSV: the header, then one line per record.
    let csvLine = broken + 2
    let csvBroken: [(String, String, String)] = [
      ("csv unclosed quote", "\"\(code(broken));Xã;Huyện A;2024;1000;990\n", "csv.unclosed-quote"),
      ("csv stray quote", "\(code(broken));Xã \"B\";Huyện A;2024;1000;990\n", "csv.stray-quote"),
      ("csv too few fields", "\(code(broken));Xã\n", "csv.field-count"),
      ("csv too many fields", "\(code(broken));Xã;Huyện A;2024;1000;990;1;2\n", "csv.field-count"),
      ("csv text after quote", "\(code(broken));\"Xã\"x;Huyện A;2024;1000;990\n", "csv.text-after-quote"),
      ("csv a thousand and one fields", String(repeating: "1;", count: 1_000) + "1\n", "csv.too-many-columns"),
    ]
    for (kind, text, id) in csvBroken {
      add(
        kind, .csv, "csv", id, csvHeader + before.map(csvRow).joined() + text + after.map(csvRow).joined(),
        line: csvLine)
    }
    return cases
  }

  // MARK: Whole files

  static let nul = String(repeating: "\u{0}", count: 1024)

  static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    for unit in text.utf16 {
      bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
    return bytes
  }

  static func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
    var state = seed
    return (0..<count).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: state >> 33)
    }
  }

  static var wholeFiles: [Case] {
    var cases: [Case] = []
    func add(_ name: String, _ format: SurveyFormat, _ ext: String, _ bytes: [UInt8], records: Int?, _ id: String) {
      cases.append(
        Case(
          name: "\(ext): \(name)", files: [SurveyFile(name: "whole.\(ext)", format: format, bytes: bytes)],
          records: records, id: id))
    }
    let three = (0..<3)
    // YAML
    add("empty", .yaml, "yaml", [], records: 0, "survey.no-station")
    add("only spaces and line breaks", .yaml, "yaml", Array("  \n\n \n".utf8), records: 0, "survey.no-station")
    add("comments only", .yaml, "yaml", Array("# phiếu khảo sát\n# chưa điền\n".utf8), records: 0, "survey.no-station")
    add("document markers only", .yaml, "yaml", Array("---\n---\n...\n".utf8), records: 0, "survey.no-station")
    add("null document", .yaml, "yaml", Array("~\n".utf8), records: 0, "survey.no-station")
    add("NUL-filled", .yaml, "yaml", Array(nul.utf8), records: 1, "yaml.encoding-error")
    add(
      "UTF-16 LE with stations", .yaml, "yaml", utf16(three.map(yamlItem).joined(), bigEndian: false), records: 3,
      "survey.inputs-not-provided-placeholder")
    add(
      "UTF-16 BE with stations", .yaml, "yaml", utf16(three.map(yamlItem).joined(), bigEndian: true), records: 3,
      "survey.inputs-not-provided-placeholder")
    add("random bytes", .yaml, "yaml", randomBytes(4096, seed: 1), records: nil, "yaml.invalid-utf8")
    add("alias bomb", .yaml, "yaml", Array(billionLaughs.utf8), records: 1, "yaml.too-many-nodes")
    add(
      "nested 10,000 deep", .yaml, "yaml", Array((String(repeating: "[", count: 10_000)).utf8), records: 1,
      "yaml.too-deep")
    add("byte order mark only", .yaml, "yaml", [0xEF, 0xBB, 0xBF], records: 0, "survey.no-station")
    // JSON
    add("empty", .json, "json", [], records: 0, "json.empty-file")
    add("only white space", .json, "json", Array(" \n\t\n".utf8), records: 0, "json.empty-file")
    add("empty list", .json, "json", Array("[]".utf8), records: 0, "survey.no-station")
    add("empty object", .json, "json", Array("{}".utf8), records: 1, "survey.missing-code")
    add("null", .json, "json", Array("null".utf8), records: 0, "survey.no-station")
    add("a number", .json, "json", Array("42".utf8), records: 1, "survey.not-a-station")
    add("NUL-filled", .json, "json", Array(nul.utf8), records: 1, "json.syntax-error")
    add(
      "UTF-16 LE", .json, "json",
      utf16(
        "[" + three.map { jsonObject($0) }.joined(separator: ",") + "]",
        bigEndian: false), records: 3, "survey.inputs-not-provided-placeholder")
    add("malformed UTF-16 (odd byte count)", .json, "json", [0xFF, 0xFE, 0x5B, 0x00, 0x5D], records: 1, "json.utf16")
    add("random bytes", .json, "json", randomBytes(4096, seed: 2), records: nil, "json.syntax-error")
    add(
      "nested 100,000 deep", .json, "json", Array(String(repeating: "[", count: 100_000).utf8), records: 1,
      "json.too-deep")
    add(
      "content after the list", .json, "json", Array(("[" + jsonObject(1) + "] x").utf8), records: 2,
      "json.syntax-error")
    add("comment", .json, "json", Array("// stations\n[]".utf8), records: 1, "json.syntax-error")
    add("unclosed list", .json, "json", Array(("[" + jsonObject(1)).utf8), records: 2, "json.syntax-error")
    add("byte order mark only", .json, "json", [0xEF, 0xBB, 0xBF], records: 0, "json.empty-file")
    // Every JSON error counts one record lost, even where none was (a stray `}`, a comma before the end):
    // the bytes cannot tell, and over-counting is safer than losing a station in silence.
    add(
      "stray closing brace", .json, "json", Array(("[" + jsonObject(1) + "}, " + jsonObject(2) + "]").utf8),
      records: 3, "json.syntax-error")
    // Regression: the comma after a skipped element was found again and again (a hang).
    add(
      "broken element, comma, end of file", .json, "json", Array("[{\"code\": x}, ".utf8), records: 2,
      "json.syntax-error")
    // NDJSON
    add("empty", .ndjson, "ndjson", [], records: 0, "survey.no-station")
    add("blank lines", .ndjson, "ndjson", Array("\n\n  \n".utf8), records: 0, "survey.no-station")
    add("NUL-filled", .ndjson, "ndjson", Array(nul.utf8), records: 1, "json.syntax-error")
    add(
      "UTF-16", .ndjson, "ndjson", utf16(jsonObject(1, pretty: false), bigEndian: false), records: 1,
      "survey.inputs-not-provided-placeholder")
    add("a pretty-printed object", .ndjson, "ndjson", Array(jsonObject(1).utf8), records: 8, "json.syntax-error")
    // A line may hold a list of stations: a broken element costs that element, as in a whole JSON file.
    add(
      "a line holding a list with a broken element", .ndjson, "ndjson",
      Array(
        ("[" + jsonObject(0, pretty: false) + ", {\"code\": x}, " + jsonObject(2, pretty: false) + "]\n"
          + jsonObject(3, pretty: false) + "\n").utf8), records: 4, "json.syntax-error")
    add(
      "CRLF lines", .ndjson, "ndjson",
      Array(
        (three.map { jsonObject($0, pretty: false) }.joined(separator: "\r\n")
          + "\r\n{").utf8), records: 4, "json.syntax-error")
    // CSV
    add("empty", .csv, "csv", [], records: 0, "csv.empty-file")
    add("blank lines", .csv, "csv", Array("\n  \n\n".utf8), records: 0, "csv.empty-file")
    add("header only", .csv, "csv", Array(csvHeader.utf8), records: 0, "survey.no-station")
    add("NUL-filled", .csv, "csv", Array(nul.utf8), records: 0, "survey.no-station")
    add(
      "UTF-16 LE with three stations", .csv, "csv", utf16(csvHeader + three.map(csvRow).joined(), bigEndian: false),
      records: 3, "survey.inputs-not-provided-placeholder")
    add(
      "UTF-16 BE with three stations", .csv, "csv", utf16(csvHeader + three.map(csvRow).joined(), bigEndian: true),
      records: 3, "survey.inputs-not-provided-placeholder")
    add(
      "malformed UTF-16 (a lone surrogate)", .csv, "csv",
      utf16(csvHeader, bigEndian: false) + [0x00, 0xD8, 0x0A, 0x00], records: 1, "csv.utf16")
    add(
      "header with an unclosed quote", .csv, "csv", Array(("\"code;name\n" + three.map(csvRow).joined()).utf8),
      records: 3, "csv.unclosed-quote")
    add(
      "header with a stray quote", .csv, "csv", Array(("co\"de;name\n" + three.map(csvRow).joined()).utf8),
      records: 3, "csv.stray-quote")
    add(
      "header of a million columns", .csv, "csv",
      Array((String(repeating: "x;", count: 1_000_000) + "\n1\n").utf8), records: 1, "csv.too-many-columns")
    add(
      "a line of 2 MB", .csv, "csv", Array((csvHeader + String(repeating: "1", count: 2_097_152) + "\n").utf8),
      records: 1, "csv.record-too-long")
    add(
      "station file with only code and name", .csv, "csv",
      Array(("code;name\n" + three.map { "\(code($0));Xã \($0)\n" }.joined()).utf8), records: 3,
      "survey.inputs-not-provided")
    add("random bytes", .csv, "csv", randomBytes(4096, seed: 3), records: nil, "csv.invalid-utf8")
    add(
      "invalid UTF-8 in the header", .csv, "csv", [0x63, 0xFF, 0x3B, 0x6E, 0x0A, 0x31, 0x3B, 0x32, 0x0A],
      records: 1, "csv.invalid-utf8")
    add("empty column names", .csv, "csv", Array("code;;x\n1;2;3\n".utf8), records: 1, "csv.empty-column-name")
    add(
      "duplicate column names", .csv, "csv", Array("code;code\n1;2\n".utf8), records: 1,
      "csv.duplicate-column-name")
    // XLSX: nothing here is a workbook.
    add("empty", .xlsx, "xlsx", [], records: 1, "workbook.unreadable")
    add("text", .xlsx, "xlsx", Array(csvHeader.utf8), records: 1, "workbook.unreadable")
    add("NUL-filled", .xlsx, "xlsx", Array(nul.utf8), records: 1, "workbook.unreadable")
    add("random bytes", .xlsx, "xlsx", randomBytes(4096, seed: 4), records: 1, "workbook.unreadable")
    add(
      "a zip header and nothing else", .xlsx, "xlsx", [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 26),
      records: 1, "workbook.unreadable")
    add(
      "an empty zip", .xlsx, "xlsx", [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18), records: 1,
      "workbook.unreadable")
    add(
      "an old .xls", .xlsx, "xlsx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + randomBytes(512, seed: 5),
      records: 1, "workbook.unreadable")
    return cases.map { item in
      var item = item
      // UTF-16 (with a byte order mark) is read, transcoded: its stations are evaluated and nothing is wrong.
      if item.id == "survey.inputs-not-provided-placeholder" { item.id = "" }
      return item
    }
  }

  static let billionLaughs = """
    a: &a [x, x, x, x, x, x, x, x, x, x]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
    d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
    e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
    f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
    g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
    """

  // MARK: Values an attacker controls

  static var hostileValues: [Case] {
    var cases: [Case] = []
    func add(_ name: String, _ file: SurveyFile, records: Int, _ id: String) {
      cases.append(Case(name: name, files: [file], records: records, id: id))
    }
    add(
      "ESC sequence in a number",
      file("esc.yaml", .yaml, "code: \"10001\"\nyear: 2024\npopulation: \"1\\e[2J\\e]0;x\\a\"\n"),
      records: 1, "survey.not-a-number")
    add(
      "CR and BEL in a code",
      file("cr.json", .json, "{\"code\": \"10001\\r\\u0007lỗi\", \"population\": \"x\\u001b\"}"),
      records: 1, "survey.not-a-number")
    add(
      "NUL in a field name", file("nul.json", .json, "{\"code\": \"10001\", \"pop\\u0000ulation\": 1}"), records: 1,
      "survey.unused-field")
    add(
      "a 5 MB value",
      file("big.yaml", .yaml, "code: \"10001\"\npopulation: \(String(repeating: "9x", count: 2_500_000))\n"),
      records: 1, "survey.not-a-number")
    add(
      "a 5 MB field name",
      file("key.json", .json, "{\"code\": \"1\", \"\(String(repeating: "k", count: 5_000_000))\": 1}"),
      records: 1, "survey.code-lost-leading-zeros")
    add(
      "a newline in a file name", file("a.yaml\nfake.yaml:1:1: lỗi: giả mạo", .yaml, "population: x\n"), records: 1,
      "survey.missing-code")
    add(
      "ESC in a file name", file("\u{1B}[31mred.csv", .csv, "code;population\n1;x\n"), records: 1,
      "survey.not-a-number")
    add(
      "ESC in a CSV header", file("header.csv", .csv, "code;\u{1B}[2Jpopulation\n10001;1\n"), records: 1,
      "survey.unknown-column")
    add(
      "ESC in an enum value", file("enum.yaml", .yaml, "code: \"1\"\nstaff: [{name: a, role: \"\\e[5m\"}]\n"),
      records: 1, "survey.unknown-enum-value")
    add(
      "C1 control in a name", file("c1.yaml", .yaml, "code: \"1\"\nname: \"a\\x9Bb\"\npopulation: y\n"), records: 1,
      "survey.not-a-number")
    return cases
  }

  // MARK: Running a case

  struct Outcome {
    var result: CheckResult
    var seconds: Double
  }

  static func run(_ files: [SurveyFile]) -> Outcome {
    let start = Date()
    let checker = Checker(criteria: criteria, asOf: TestSupport.asOf).readingWorkbooks()
    let result = checker.run(files)
    return Outcome(result: result, seconds: Date().timeIntervalSince(start))
  }

  static func ids(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.prefix(4).map { "\($0.id) \($0.location.map { "\($0.line)" } ?? "-") \($0.message.en.prefix(200))" }
      .joined(separator: " | ")
  }

  /// What every case must satisfy.
  static func expectInvariants(_ item: Case, _ outcome: Outcome, limit: Double = 20) {
    let result = outcome.result
    let summary = result.summary
    let diagnostics = result.batch.diagnostics
    #expect(outcome.seconds < limit, "\(item): \(outcome.seconds) s")
    #expect(summary.records == summary.evaluated + summary.rejected + summary.groupRecords)
    if let records = item.records {
      #expect(
        summary.evaluated + summary.rejected + summary.groupRecords == records,
        "\(item): \(summary.evaluated) evaluated + \(summary.rejected) rejected of \(records): \(Self.ids(diagnostics))"
      )
    } else {
      // Unknowable content: counted, or at least reported.
      #expect(summary.rejected > 0 || !diagnostics.isEmpty, "\(item)")
    }
    if summary.evaluated == 0 && summary.rejected == 0 {
      #expect(!diagnostics.isEmpty, "\(item): 0 communes in silence")
    }
    if !item.id.isEmpty {
      let matching = diagnostics.filter { $0.id.rawValue == item.id }
      #expect(!matching.isEmpty, "\(item): \(Self.ids(diagnostics))")
      if let line = item.line {
        #expect(matching.contains { $0.location?.line == line }, "\(item): \(matching.map { $0.location })")
      }
    }
    for diagnostic in diagnostics.prefix(50) {
      let text = diagnostic.rendered(in: .vi)
      // No control character but the line breaks between a diagnostic and its notes reaches a terminal.
      #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "\(item)")
      #expect(!text.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) }, "\(item)")
      #expect(text.split(separator: "\n").count == 1 + diagnostic.notes.count, "\(item): \(text)")
      // A message never repeats a value without bound.
      #expect(text.utf8.count < 2_000, "\(item): \(text.utf8.count) bytes")
    }
  }

  static let smallBatches = brokenBatches(count: 21, at: 10)
  static let firstAndLast = brokenBatches(count: 5, at: 0) + brokenBatches(count: 5, at: 4)

  @Test("A broken record in the middle of a batch costs that record only", arguments: smallBatches)
  func brokenRecordInTheMiddle(_ item: Case) {
    let outcome = Self.run(item.files)
    Self.expectInvariants(item, outcome)
  }

  @Test("A broken first or last record", arguments: firstAndLast)
  func brokenFirstOrLast(_ item: Case) {
    Self.expectInvariants(item, Self.run(item.files))
  }

  /// 10,000 stations with one broken record in the middle, in every format: the other 9,999 are evaluated.
  static let bigBatches = brokenBatches(
    count: 10_000, at: 5_000,
    kinds: [
      "yaml bad indentation", "yaml document broken", "json missing value", "json missing closing brace",
      "json minified missing value", "ndjson missing value", "csv unclosed quote",
    ])

  @Test("10,000 stations, one broken in the middle: the others read, every record counted", arguments: bigBatches)
  func bigBatch(_ item: Case) {
    // Reading only: evaluating 10,000 communes seven times would cost the debug build a minute, and the
    // records' fate is settled when they are read.
    let start = Date()
    let batch = SurveyLoader.load(item.files, schema: Self.criteria.schema)
    #expect(Date().timeIntervalSince(start) < 20, "\(item)")
    #expect(batch.records.count + batch.rejected == 10_000, "\(item): \(Self.ids(batch.diagnostics))")
    // A `}` left out costs the next element too (its `{` is read as part of the broken one).
    #expect(batch.records.count >= 9_998, "\(item)")
    #expect(batch.diagnostics.contains { $0.id.rawValue == item.id }, "\(item): \(Self.ids(batch.diagnostics))")
  }

  @Test("Whole files that hold nothing readable are counted or reported", arguments: wholeFiles)
  func wholeFile(_ item: Case) {
    Self.expectInvariants(item, Self.run(item.files))
  }

  @Test("Control characters and huge values from data never reach a terminal", arguments: hostileValues)
  func hostileValue(_ item: Case) {
    let outcome = Self.run(item.files)
    Self.expectInvariants(item, outcome)
    // The text report is as safe as the diagnostics.
    let text = String(decoding: TextReport(ReportOptions(language: .vi)).render(outcome.result), as: UTF8.self)
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "\(item)")
    #expect(!text.contains("\u{1B}"))
  }

  @Test("A workbook with a broken station among good ones: each counted")
  func workbookWithBrokenRows() throws {
    var rows: [[Cell]] = [["code", "name", "district", "year", "population", "insured"].map(t)]
    for number in 0..<50 {
      rows.append([t(Self.code(number)), t("Xã \(number)"), t("Huyện A"), n(2024), n(1000), n(990)])
    }
    rows[25][4] = t("nhiều")
    let bytes = try TestWorkbook([Sheet(name: "Trạm y tế", rows: rows)]).bytes()
    let item = Case(
      name: "xlsx 50 stations, one bad value", files: [SurveyFile(name: "w.xlsx", format: .xlsx, bytes: bytes)],
      records: 50, id: "survey.not-a-number", line: 26)
    Self.expectInvariants(item, Self.run(item.files))
  }

  // MARK: The file system

  @Test("File-system hazards: each path is read or reported, and counted")
  func fileSystem() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tieuchi-fs-\(UUID().uuidString)").path
    let manager = FileManager.default
    try manager.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
    defer { try? manager.removeItem(atPath: folder) }
    try Data((Self.csvHeader + Self.csvRow(1)).utf8).write(to: URL(fileURLWithPath: folder + "/data/good.csv"))
    // A folder named like a file, a symlink loop, a dangling link, an unreadable file.
    try manager.createDirectory(atPath: folder + "/data/folder.csv", withIntermediateDirectories: true)
    try manager.createSymbolicLink(atPath: folder + "/data/loop.yaml", withDestinationPath: folder + "/data/loop.yaml")
    try manager.createSymbolicLink(atPath: folder + "/data/gone.json", withDestinationPath: folder + "/nowhere.json")
    try manager.createSymbolicLink(atPath: folder + "/data/self", withDestinationPath: folder + "/data")
    try Data("code: \"2\"\n".utf8).write(to: URL(fileURLWithPath: folder + "/data/locked.yaml"))
    chmod(folder + "/data/locked.yaml", 0)
    let start = Date()
    let batch = SurveyLoader.load(paths: [folder + "/data", folder + "/missing.csv"], schema: Self.criteria.schema)
    #expect(Date().timeIntervalSince(start) < 10)
    let ids = Set(batch.diagnostics.map(\.id.rawValue))
    #expect(ids.contains("survey.no-such-path"))
    #expect(batch.records.map(\.code).contains(Self.code(1)))
    // Every path that could not be read is named, and counts as a record lost.
    for name in ["folder.csv", "loop.yaml", "gone.json"] {
      #expect(batch.diagnostics.contains { $0.location?.file.hasSuffix(name) == true }, "\(name): \(ids)")
    }
    // A file that vanishes between listing and reading: its contents are nil.
    let vanished = SurveyLoader.load(
      files: [(path: "vanished.csv", bytes: nil), (path: "x.unknown", bytes: [])], schema: Self.criteria.schema)
    #expect(vanished.diagnostics.map(\.id.rawValue) == ["survey.unreadable-file", "survey.unknown-file-type"])
    #expect(vanished.rejected >= 1)
  }

  // MARK: Criteria files

  static let hostileCriteria: [(String, String, String)] = [
    ("empty", "", "criteria.empty-file"),
    ("comments only", "# nothing\n", "criteria.empty-file"),
    ("a list", "- a\n- b\n", "criteria.not-a-mapping"),
    ("NUL bytes", nul, "yaml.encoding-error"),
    ("alias bomb", billionLaughs, "yaml.too-many-nodes"),
    ("nested 10,000 deep", String(repeating: "[", count: 10_000), "yaml.too-deep"),
    ("tab indentation", "id: x\ninputs:\n\tpopulation: count\n", "yaml.tab-indentation"),
    ("two documents", "id: a\n---\nid: b\n", "criteria.several-documents"),
    ("unknown key", criteriaText(extra: "mesure: 1\n"), "criteria.unknown-key"),
    ("ESC in an id", criteriaText(id: "\u{1B}[2J"), "criteria.invalid-id"),
    ("a 1 MB id", criteriaText(id: String(repeating: "a", count: 1_000_000) + "!"), "criteria.invalid-id"),
    (
      "1,700 nested parentheses",
      criteriaText(
        measure: String(repeating: "(", count: 1_700) + "population"
          + String(repeating: ")", count: 1_700)), "expression.too-long"
    ),
    (
      "11,000 terms", criteriaText(measure: Array(repeating: "population", count: 11_000).joined(separator: " + ")),
      "expression.too-long"
    ),
    ("unknown name", criteriaText(measure: "populaton"), "expression.unknown-field"),
    ("text compared with a number", criteriaText(measure: "population == \"x\""), "expression.incomparable-types"),
    ("unterminated string", criteriaText(measure: "population == \"x"), "expression.unterminated-string"),
    (
      "control character in an expression", criteriaText(measure: "population\u{7} + 1"),
      "yaml.encoding-error"
    ),
    ("a 39-digit target", criteriaText(target: "\">= 123456789012345678901234567890123456789\""), ""),
    ("target without comparator", criteriaText(target: "\"99\""), "criteria.target-without-comparator"),
    ("duplicate indicator ids", criteriaText(extraIndicator: true), "criteria.duplicate-indicator-id"),
    ("unknown input type", criteriaText(inputType: "integer"), "criteria.unknown-input-type"),
    (
      "no indicators", "id: x\ntitle: x\nsource: {document: d, title: t, clause: c}\ninputs: {a: count}\n",
      "criteria.missing-key"
    ),
    ("survey data given as criteria", "code: \"07339\"\nname: Xã\npopulation: 100\n", "criteria.survey-data-given"),
    ("extends itself", criteriaText(extra: "extends: self.yaml\n"), "criteria.extends-cycle"),
  ]

  static func criteriaText(
    id: String = "hostile", measure: String = "population", target: String = "\">= 10\"", extra: String = "",
    extraIndicator: Bool = false, inputType: String = "count"
  ) -> String {
    let indicator = """
        - id: one
          title: One
          source: "I.1"
          measure: '\(measure.replacingOccurrences(of: "'", with: "''"))'
          unit: number
          target: \(target)

      """
    return """
      id: "\(id.replacingOccurrences(of: "\u{1B}", with: "\\e"))"
      title: Hostile
      source: {document: d, title: t, clause: "I"}
      \(extra)inputs:
        population: \(inputType)
      indicators:
      \(indicator)\(extraIndicator ? indicator : "")
      """
  }

  @Test("Hostile criteria files fail fast with their diagnostic", arguments: hostileCriteria.indices)
  func hostileCriteriaFile(_ index: Int) {
    let (name, text, id) = Self.hostileCriteria[index]
    let start = Date()
    let (set, diagnostics) = CriteriaLoader.load(CriteriaSource(name: "self.yaml", bytes: Array(text.utf8))) {
      reference, _ in reference == "self.yaml" ? CriteriaSource(name: "self.yaml", bytes: Array(text.utf8)) : nil
    }
    #expect(Date().timeIntervalSince(start) < 10, "\(name)")
    if id.isEmpty {
      #expect(set != nil, "\(name): \(diagnostics.map(\.id))")
    } else {
      #expect(set == nil, "\(name)")
      #expect(diagnostics.contains { $0.id.rawValue == id }, "\(name): \(diagnostics.prefix(3).map { "\($0.id)" })")
    }
    for diagnostic in diagnostics.prefix(20) {
      let text = diagnostic.rendered(in: .en)
      #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "\(name)")
      #expect(text.utf8.count < 2_000, "\(name): \(text.utf8.count) bytes")
    }
  }

  // MARK: The cheapest fix

  @Test("The cheapest fix of 47 indicators over 3,321 communes takes a second or two")
  func cheapestFixIsBounded() throws {
    var indicators = ""
    var inputs = ""
    for number in 0..<47 {
      inputs += "  v\(number): count\n"
      indicators += """
          - {id: i\(number), title: I\(number), source: "I", measure: v\(number), unit: number, target: ">= 1",
             points: \(1 + number % 3), group: g\(number % 5)}

        """
    }
    let text = """
      id: national
      title: National
      source: {document: d, title: t, clause: "I"}
      inputs:
      \(inputs)groups:
        - {id: g0, title: G0, max_points: 19}
        - {id: g1, title: G1, max_points: 19}
        - {id: g2, title: G2, max_points: 19}
        - {id: g3, title: G3, max_points: 19}
        - {id: g4, title: G4, max_points: 18}
      indicators:
      \(indicators)pass_rule: {min_points_percent: 80, min_group_points_percent: 50}
      """
    let (set, diagnostics) = CriteriaLoader.load(bytes: Array(text.utf8), file: "n.yaml")
    let criteria = try #require(set, "\(Self.ids(diagnostics))")
    // Communes with some values missing (unknown) and some failing: many have no fix at all.
    var yaml = ""
    for commune in 0..<3_321 {
      yaml += "---\ncode: \"\(Self.code(commune))\"\nyear: 2024\n"
      for number in 0..<47 where (commune + number) % 7 != 0 {
        yaml += "v\(number): \((commune * 31 + number * 17) % 3 == 0 ? 0 : 1)\n"
      }
    }
    let files = [SurveyFile(name: "n.yaml", format: .yaml, bytes: Array(yaml.utf8))]
    let batch = SurveyLoader.load(files, schema: criteria.schema)
    let start = Date()
    let result = Checker(criteria: criteria, asOf: TestSupport.asOf).run(batch)
    let seconds = Date().timeIntervalSince(start)
    #expect(result.communes.count == 3_321)
    #expect(result.communes.contains { $0.cheapestFix != nil })
    // Debug build, shared machine: the release build is several times faster.
    #expect(seconds < 10, "\(seconds) s")
  }

  /// Every case above, counted: the corpus must stay at least 150 cases.
  @Test func corpusSize() {
    let count =
      Self.smallBatches.count + Self.firstAndLast.count + Self.bigBatches.count + Self.wholeFiles.count
      + Self.hostileValues.count + Self.hostileCriteria.count + 1 + 1 + 1 + CLIHostileTests.cases.count
    #expect(count >= 150, "\(count)")
  }
}

/// A few hostile command lines through the built binary, each under a time limit.
@Suite("Hostile command lines")
struct CLIHostileTests {
  static let cases: [(String, [String], Int32, String)] = [
    ("ESC in an unknown option", ["check", "--\u{1B}[2Jx"], 64, ""),
    ("ESC in a value", ["check", "--criteria", "Criteria/ct25-2030.yaml", "--year", "\u{1B}[31m", "Samples"], 64, ""),
    ("ESC in --as-of", ["check", "--criteria", "Criteria/ct25-2030.yaml", "--as-of", "\u{7}\u{1B}c", "x"], 64, ""),
    (
      "newline in a missing path", ["check", "--criteria", "Criteria/ct25-2030.yaml", "a\nb.yaml:1:1: lỗi: giả"], 2,
      "\"a\\u{A}b.yaml:1:1: lỗi: giả\""
    ),
    ("ESC in a criteria path", ["check", "--criteria", "\u{1B}]0;x\u{7}.yaml", "Samples"], 3, ""),
    (
      "a 100 kB argument",
      [
        "check", "--criteria", "Criteria/ct25-2030.yaml", "--as-of",
        String(repeating: "9", count: 100_000), "x",
      ], 64, ""
    ),
  ]

  @Test("Hostile arguments: documented exit status, nothing raw on the terminal", arguments: cases.indices)
  func hostileArguments(_ index: Int) throws {
    let (name, arguments, status, contains) = Self.cases[index]
    let start = Date()
    let run = try CLI.run(arguments)
    #expect(Date().timeIntervalSince(start) < 20, "\(name)")
    #expect(run.status == status, "\(name): \(run.status) \(run.stderr.prefix(300))")
    for output in [run.stdout, run.stderr] {
      #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "\(name)")
      #expect(output.utf8.count < 20_000, "\(name): \(output.utf8.count) bytes")
    }
    if !contains.isEmpty { #expect(run.stderr.contains(contains), "\(name): \(run.stderr)") }
    // No line of its own pretends to be a diagnostic from a file the user did not give.
    #expect(!run.stderr.split(separator: "\n").contains { $0.hasPrefix("b.yaml:1:1") }, "\(name)")
  }
}
