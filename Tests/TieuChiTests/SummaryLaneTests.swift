import Foundation
import Testing

@testable import TieuChi

/// The short way to a commune's summary (`SummaryLane`) must make exactly the summary the usual reading and
/// evaluation make — status, every indicator's status, code, name, year, place, grouping fields, group item, facts —
/// and must step aside (leave the station to the usual way) wherever it could differ: a value missing or unreadable,
/// a rule broken, a code repaired. And it must actually be taken for plain stations, or it is only a cost.
@Suite("The summary lane makes the summaries the usual way makes")
struct SummaryLaneTests {
  /// Stations of `files` read with and without the lane, paired in order: the lane's summary (nil where it stepped
  /// aside) and the usual record.
  ///
  /// The stations the lane leaves are read the usual way, from the chunk's tables or their own rows read again:
  /// those records, and every problem, must be the usual reading's too. `onDisk`: the files are read from disk,
  /// `window.block` bytes at a time.
  static func pairs(
    _ files: TablesInPiecesTests.Files, criteria: CriteriaSet, year: Int?, window: StreamWindow = StreamWindow(),
    onDisk: Bool = false
  ) throws -> [(SummaryLane.Summary?, StationRecord)] {
    // Made as a streamed check makes it, beside the summaries of the usual way.
    let lane = try #require(
      StreamKept(criteria: criteria, groupBy: nil, asOf: TestSupport.asOf).lane(
        criteria: criteria, year: year))
    let groupSchema = criteria.hasGroupIndicators ? criteria.groupSchema : nil
    let surveyFiles = try Self.surveyFiles(files, onDisk: onDisk)
    var quickBatch = SurveyBatch()
    var quick: [SurveyLoader.ReadStation<SummaryLane.Summary>] = []
    let shortcut = lane.shortcut(schema: criteria.schema)
    SurveyLoader.stream(
      surveyFiles, schema: criteria.schema, groupSchema: groupSchema, workbooks: nil, into: &quickBatch,
      window: window, shortcut: shortcut, transform: { $0 }, consume: { for part in $0 { quick += part } })
    var usualBatch = SurveyBatch()
    var usual: [StationRecord] = []
    SurveyLoader.stream(
      surveyFiles, schema: criteria.schema, groupSchema: groupSchema, workbooks: nil, into: &usualBatch,
      window: window, transform: { $0 }, consume: { for part in $0 { usual += part } })
    try #require(quick.count == usual.count)
    #expect(quickBatch.diagnostics == usualBatch.diagnostics)
    #expect(quickBatch.rejected == usualBatch.rejected)
    return zip(quick, usual).map { station, record in
      switch station {
      case .quick(let summary): return (summary, record)
      case .record(let read):
        #expect(Self.describe(read) == Self.describe(record), "\(record.code) read the usual way, differently")
        return (nil, record)
      }
    }
  }

  /// Everything a record holds, as text (its attributes in order: a dictionary's own order changes from one to the
  /// next).
  static func describe(_ record: StationRecord) -> String {
    var unordered = record
    unordered.attributes = [:]
    return "\(unordered) \(record.attributes.sorted { $0.key < $1.key })"
  }

  /// `files` as survey files: in memory, or on disk.
  static func surveyFiles(_ files: TablesInPiecesTests.Files, onDisk: Bool) throws -> [SurveyFile] {
    guard onDisk else { return files.map { SurveyFile(name: $0.name, format: .csv, bytes: Array($0.text.utf8)) } }
    let folder = try CLITests.scratch(Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.text) }))
    return try files.map { file in
      let content = try #require(ByteSource.file(at: folder + "/" + file.name))
      return SurveyFile(name: file.name, format: .csv, content: content)
    }
  }

  /// What a summary tells, as text, to compare the lane's with the usual one's.
  static func describe(_ commune: CommuneResult, fields: CommuneFacts) -> String {
    let record = commune.record
    return [
      "\(record.code) \(record.name ?? "-") \(record.year ?? 0) \(commune.year ?? 0) \(record.location)",
      "\(record.attributes.sorted { $0.key < $1.key })", "\(commune.status)",
      "\(commune.indicators.map { "\($0.id)=\($0.status)/\($0.factualStatus)" })",
      "\(commune.groupItem.map { "\($0.values)" } ?? "-")",
      "\(Set(fields.fields).sorted()) \(fields.year ?? 0) \(fields.waiverProblems.count)",
    ].joined(separator: "\n")
  }

  /// Each pair compared; how many stations took the lane.
  static func compare(
    _ pairs: [(SummaryLane.Summary?, StationRecord)], criteria: CriteriaSet, year: Int?, context: String
  ) -> Int {
    let evaluator = Evaluator(criteria: criteria, asOf: TestSupport.asOf)
    let kept = StreamKept(criteria: criteria, groupBy: nil, asOf: TestSupport.asOf)
    var groupings = Set<[String: String]>()
    var taken = 0
    for (summary, record) in pairs {
      guard let summary else { continue }
      taken += 1
      // What a streamed check keeps of the commune evaluated the usual way.
      let commune = evaluator.evaluate(record, year: year)
      let facts = CommuneFacts(commune, criteria: criteria, asOf: TestSupport.asOf)
      let usual = kept.summary(of: commune, sharing: &groupings)
      #expect(
        describe(summary.commune, fields: summary.facts) == describe(usual, fields: facts),
        "\(context): station \(record.code)")
      #expect(record.problems.isEmpty, "\(context): the lane took \(record.code), of which reading said something")
    }
    return taken
  }

  /// `count` stations with every input of ct25-2030, much as `scripts/bench/generate.py` writes them: BHYT coverage
  /// on its target or a person either side, a permanent doctor at most stations, at least one hamlet each,
  /// TRUE/FALSE and "có"/"không" flags.
  static func ct25Batch(stations count: Int, seed: UInt64 = 11) -> TablesInPiecesTests.Files {
    var random = SplitMix64(seed: seed)
    var stations = [
      "code;name;type;province;year;population;insured;phc_users;phc_users_insured;health_managed;ehealth_book;"
        + "telemedicine_users;meets_national_criteria;high_risk_people;high_risk_checked;ehealth_records"
    ]
    var staff = ["code;name;role;permanent"]
    var hamlets = ["code;name;trained_health_workers"]
    let roles = ["doctor", "nurse", "midwife", "assistant_doctor", "pharmacist", "bs"]
    for index in 0..<count {
      let code = String(format: "%05d", index)
      let population = Int.random(in: 1_000...30_000, using: &random)
      // 99.5 % of the population, give or take a person: "trên 99,5 %" is decided by one person either way.
      let insured = population * 995 / 1_000 + Int.random(in: -1...2, using: &random)
      let users = population / 3
      let flag = index % 7 == 0 ? "không" : (index % 2 == 0 ? "TRUE" : "có")
      let cells: [Any] = [
        code, "Xã Đồng Lạc \(index)", "xã", "Tỉnh \(index % 5)", 2025, population, insured, users,
        users - Int.random(in: 0...(users / 30), using: &random), population * 96 / 100, population * 9 / 10,
        population / 2, flag, 100, index % 7 == 0 ? 99 : 100, population - index % 50,
      ]
      stations.append(cells.map { "\($0)" }.joined(separator: ";"))
      // A permanent doctor first, but at one station in nine.
      staff.append("\(code);Lê Thị Hoa;doctor;\(index % 9 == 0 ? "FALSE" : "TRUE")")
      for member in 0..<Int.random(in: 0...4, using: &random) {
        let permanent = (index + member) % 6 == 0 ? "FALSE" : "TRUE"
        staff.append("\(code);Nguyễn Văn \(member);\(roles[(index + member) % roles.count]);\(permanent)")
      }
      // A role as people type it, which the reading resolves ("Bác sỹ" is an alias of doctor).
      if index % 50 == 4 { staff.append("\(code);Trần Thị Lan;Bác sỹ;TRUE") }
      // At least one hamlet: the criteria's rule `count(hamlets) >= 1` would send the station the usual way.
      for hamlet in 0..<Int.random(in: 1...6, using: &random) {
        hamlets.append("\(code);Thôn Phúc Hòa \(hamlet);\(index % 11 == hamlet ? 0 : 1)")
      }
    }
    return [("stations.csv", stations), ("staff.csv", staff), ("hamlets.csv", hamlets)].map {
      ($0.0, $0.1.joined(separator: "\n") + "\n")
    }
  }

  @Test func plainStationsTakeTheLaneAndMatch() throws {
    let criteria = try TestSupport.criteria()
    let files = Self.ct25Batch(stations: 600)
    for year in [nil, 2025, 2030] {
      let pairs = try Self.pairs(files, criteria: criteria, year: year, window: StreamWindow(chunk: 16, chunks: 4))
      let taken = Self.compare(pairs, criteria: criteria, year: year, context: "ct25 \(year ?? 0)")
      // Every station has every input (a station without staff or hamlet rows has empty lists): all go the short way.
      #expect(taken == pairs.count, "ct25 \(year ?? 0): \(taken) of \(pairs.count) took the lane")
      let statuses = Set(pairs.compactMap { $0.0?.commune.status })
      #expect(statuses == [.pass, .fail], "ct25 \(year ?? 0): \(statuses)")
    }
  }

  /// Other criteria sets on the same tables: nq20 reads only what the tables have, and every station (each staff
  /// and hamlet row, too, since nq20 has no such lists) takes the lane; ct05 needs inputs the tables lack, and
  /// every station steps aside; ct25 on tables without its last inputs steps aside too.
  @Test(arguments: [
    ("Criteria/nq20-2030.yaml", true, true), ("Criteria/ct05-2030.yaml", false, false),
    ("Criteria/ct25-2030.yaml", false, true),
  ])
  func otherBatchesMatch(criteria file: String, takesSorted: Bool, takesCT25: Bool) throws {
    let criteria = try TestSupport.criteria(file)
    let batches = [
      ("sorted", TablesInPiecesTests.sortedBatch(stations: 200), takesSorted),
      ("ct25", Self.ct25Batch(stations: 200), takesCT25),
    ]
    for (name, files, takesAll) in batches {
      for year in [nil, 2030] {
        let pairs = try Self.pairs(files, criteria: criteria, year: year, window: StreamWindow(chunk: 16, chunks: 4))
        let taken = Self.compare(pairs, criteria: criteria, year: year, context: "\(file) \(name) \(year ?? 0)")
        #expect(taken == (takesAll ? pairs.count : 0), "\(file) \(name): \(taken) of \(pairs.count) took the lane")
      }
    }
  }

  @Test func theCSVSampleMatches() throws {
    let folder = TestSupport.path("Samples/tan-yen-2024-csv")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") }.sorted()
    let files = try names.map { name in (name, try String(contentsOfFile: folder + "/" + name, encoding: .utf8)) }
    // ct25: five of the six stations (one lacks data and steps aside); ct05 needs inputs the sample lacks; nq20 takes
    // every row.
    for (file, takes) in [
      ("Criteria/ct25-2030.yaml", 5), ("Criteria/ct05-2030.yaml", 0), ("Criteria/nq20-2030.yaml", 110),
    ] {
      let criteria = try TestSupport.criteria(file)
      let pairs = try Self.pairs(files, criteria: criteria, year: 2030)
      let taken = Self.compare(pairs, criteria: criteria, year: 2030, context: "sample \(file)")
      #expect(taken == takes, "sample \(file): \(taken) of \(pairs.count) took the lane")
    }
  }

  @Test func unusualStationsStepAside() throws {
    let criteria = try TestSupport.criteria()
    var files = Self.ct25Batch(stations: 60)
    // Station 00000: a population no one can read; 00001: insured left empty; 00002: a code Excel cut short
    // (repaired, and said); 00003: more insured than people (a broken rule). 00004 has a doctor written "Bác sỹ", which
    // the lane reads the way the usual reading does, and keeps.
    files = TablesInPiecesTests.changing(files, "stations.csv") { text in
      var lines = text.components(separatedBy: "\n")
      func edit(_ line: Int, column: Int, _ value: String) {
        var cells = lines[line].components(separatedBy: ";")
        cells[column] = value
        lines[line] = cells.joined(separator: ";")
      }
      edit(1, column: 5, "nhiều")
      edit(2, column: 6, "")
      edit(3, column: 0, "2")
      edit(4, column: 6, "999999")
      return lines.joined(separator: "\n")
    }
    let pairs = try Self.pairs(files, criteria: criteria, year: 2030)
    _ = Self.compare(pairs, criteria: criteria, year: 2030, context: "unusual")
    let aside = Set(pairs.filter { $0.0 == nil }.map(\.1.code))
    for code in ["00000", "00001", "00002", "00003"] { #expect(aside.contains(code), "\(code) took the lane") }
    #expect(!aside.contains("00004"), "a role spelled another way sent the station the usual way")
    #expect(aside.count == 4, "\(aside.sorted())")
  }

  /// Which of the chunks of `files` are read from their bytes (`TableJoin.Streamed.plainChunk`).
  static func plainChunks(
    _ files: TablesInPiecesTests.Files, criteria: CriteriaSet, window: StreamWindow, onDisk: Bool = false
  ) throws -> [Bool] {
    let reader = SurveyReader(schema: criteria.schema, groupSchema: nil)
    let streamed = try #require(
      TableJoin(schema: criteria.schema, reader: reader).streamed(
        try surveyFiles(files, onDisk: onDisk), window: window))
    return streamed.chunks.map { streamed.plainChunk(of: $0) != nil }
  }

  /// A chunk whose lines the first reading found plain is read from its bytes, not into tables: a station's name in
  /// decomposed letters (composed as the reading composes it), CRLF line ends, files read from disk in small blocks.
  /// A chunk with a quoted cell, a blank line or a broken row is read into tables. The stations the lane leaves in a
  /// chunk of plain lines are read the usual way — a few each from its own rows, many from the chunk's tables.
  /// Either way every summary, record and problem is the usual reading's.
  @Test func plainChunksAreReadFromTheirBytes() throws {
    let criteria = try TestSupport.criteria()
    let window = StreamWindow(chunk: 16, chunks: 2, block: 512)
    let plain = Self.ct25Batch(stations: 128)
    #expect(try Self.plainChunks(plain, criteria: criteria, window: window) == Array(repeating: true, count: 8))
    func edit(_ text: String, code: String, _ change: (String) -> String) -> String {
      text.components(separatedBy: "\n").map { $0.hasPrefix(code + ";") ? change($0) : $0 }.joined(separator: "\n")
    }
    var files = TablesInPiecesTests.changing(plain, "staff.csv") { text in
      // Chunk 1: a name quoted as exports quote one with the separator in it.
      edit(text, code: "00020") { $0.replacingOccurrences(of: ";Lê Thị Hoa;", with: ";\"Lê; Thị Hoa\";") }
    }
    files = TablesInPiecesTests.changing(files, "stations.csv") { text in
      // Chunk 2: a blank line; chunk 4: a name in decomposed letters; chunk 6: one station without its insured;
      // chunk 7: half its stations without.
      var text = edit(text, code: "00040") { $0 + "\n" }
      text = edit(text, code: "00070") {
        $0.replacingOccurrences(of: "Xã Đồng Lạc", with: "Xa\u{0303} Đo\u{0302}\u{0300}ng La\u{0323}c")
      }
      for code in ["00100"] + (112..<120).map({ String(format: "%05d", $0) }) {
        text = edit(text, code: code) { line in
          var cells = line.components(separatedBy: ";")
          cells[6] = ""
          return cells.joined(separator: ";")
        }
      }
      return text
    }
    let expected = [true, false, false, true, true, true, true, true]
    let crlf = files.map { ($0.name, $0.text.replacingOccurrences(of: "\n", with: "\r\n")) }
    for (name, files, onDisk) in [("LF", files, false), ("CRLF", crlf, false), ("on disk", files, true)] {
      #expect(try Self.plainChunks(files, criteria: criteria, window: window, onDisk: onDisk) == expected, "\(name)")
      let pairs = try Self.pairs(files, criteria: criteria, year: 2030, window: window, onDisk: onDisk)
      let taken = Self.compare(pairs, criteria: criteria, year: 2030, context: name)
      #expect(taken == 128 - 9, "\(name): \(taken) took the lane")
      let composed = pairs.first { $0.1.code == "00070" }?.0?.commune.record.name
      #expect(composed == "Xã Đồng Lạc 70", "\(name)")
    }
  }

  /// A set whose stations have a single input, a list of many fields: the list table's columns are read by the
  /// list's own fields, which outnumber the station's inputs. An enum's id spelled exactly is read from its bytes;
  /// another spelling of it, or a value it does not allow, goes through the usual reading — the first still takes
  /// the lane, the second steps aside.
  @Test func aListOfManyFieldsAndItsChoices() throws {
    let yaml = """
      id: many-fields
      title: {vi: "Nhiều trường", en: "Many fields"}
      source: {document: ct25-tan-yen, clause: "I.3"}
      inputs:
        staff:
          type: list
          item_name: name
          fields:
            name: text
            role: {type: enum, values: [doctor, nurse, midwife]}
            permanent: boolean
            since: count
            degree: text
            phone: text
      indicators:
        - id: doctor
          title: "Doctor"
          measure: count(staff where role == "doctor" and permanent)
          target: ">= 1"
        - id: staff
          title: "Staff"
          measure: count(staff where since > 2000)
          target: ">= 1"
      """
    let (loaded, problems) = TestSupport.criteria(yaml: yaml)
    let criteria = try #require(loaded, "\(problems.map { $0.rendered(in: .en) })")
    var stations = ["code;name;province;year"]
    var staff = ["code;name;role;permanent;since;degree;phone"]
    let roles = ["doctor", "nurse", "midwife", "DOCTOR", "Doctor", " nurse"]
    for station in 0..<40 {
      let code = String(format: "%05d", station)
      stations.append("\(code);Xã \(station);Tỉnh \(station % 3);2025")
      for member in 0..<(station % 4) {
        let role = station == 39 && member == 2 ? "surgeon" : roles[(station + member) % roles.count]
        staff.append("\(code);Người \(member);\(role);\(member % 2 == 0 ? "TRUE" : "FALSE");\(1999 + 2 * member);;0912")
      }
    }
    let files: TablesInPiecesTests.Files = [
      ("stations.csv", stations.joined(separator: "\n") + "\n"), ("staff.csv", staff.joined(separator: "\n") + "\n"),
    ]
    let pairs = try Self.pairs(files, criteria: criteria, year: 2030, window: StreamWindow(chunk: 8, chunks: 2))
    let taken = Self.compare(pairs, criteria: criteria, year: 2030, context: "many fields")
    let aside = pairs.filter { $0.0 == nil }.map(\.1.code)
    // Only the station with a role the enum does not allow is read the usual way (and said).
    #expect(aside == ["00039"])
    #expect(taken == 39)
    #expect(Set(pairs.compactMap { $0.0?.commune.status }) == [.pass, .fail])
  }
}
