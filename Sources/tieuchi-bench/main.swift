// Benchmark for `tieuchi check`: generates N synthetic stations in the shape of the Tân Yên samples, in each
// input format (CSV as stations + staff + hamlets tables, one JSON list, YAML documents), then times each stage
// of a check on them — read (parse, join, survey records), evaluate, and render (the text summary, JSON Lines)
// — with stations per second and the stage's peak memory. It measures; it asserts nothing.
//
// Usage: tieuchi-bench [N] [--input csv|json|yaml|all] [--files K] [--criteria FILE] [--write FOLDER] [--stages]
// Build it in release mode: swift run -c release tieuchi-bench 100000 --input csv
import Foundation
import TieuChi

var count = 100_000
var fileCount = 34  // YAML: one file per province, as a whole-country batch would come
var criteriaPath = "Criteria/ct25-2030.yaml"
var writeFolder: String?
var inputs = ["csv", "json", "yaml"]
let usage =
  "usage: tieuchi-bench [N] [--input csv|json|yaml|all] [--files K] [--criteria FILE] [--write FOLDER] [--stages]\n"
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "--files": fileCount = max(1, Int(arguments.popFirst() ?? "") ?? fileCount)
  case "--criteria": criteriaPath = arguments.popFirst() ?? criteriaPath
  case "--stages": break
  case "--write": writeFolder = arguments.popFirst()
  case "--input":
    let value = arguments.popFirst() ?? ""
    guard ["csv", "json", "yaml", "all"].contains(value) else {
      FileHandle.standardError.write(Data(usage.utf8))
      exit(64)
    }
    inputs = value == "all" ? ["csv", "json", "yaml"] : [value]
  default:
    guard let n = Int(argument), n > 0 else {
      FileHandle.standardError.write(Data(usage.utf8))
      exit(64)
    }
    count = n
  }
}

let (loaded, diagnostics) = CriteriaLoader.load(path: criteriaPath)
guard let criteria = loaded else {
  for diagnostic in diagnostics { print(diagnostic.rendered(in: .en)) }
  exit(3)
}

/// A deterministic pseudo-random generator, so runs are comparable.
struct SplitMix {
  var state: UInt64
  mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((z ^ (z >> 31)) % UInt64(bound))
  }
}

/// One synthetic station, the same whatever format it is written in.
struct Station {
  var code: String
  var name: String
  var district: String
  var province: String
  var year: Int
  var counts: [(String, Int)]
  var staff: [(name: String, role: String, permanent: Bool)]
  var hamlets: [(name: String, trained: Int)]

  init(_ index: Int, _ random: inout SplitMix) {
    code = String(format: "%05d", index % 100_000)
    name = "Xã Thử Nghiệm \(index)"
    district = "Huyện \(index % 700)"
    province = "Tỉnh \(index % 34)"
    year = 2020 + index / 100_000
    let population = 3000 + random.next(15000)
    let phc = population / 3 + random.next(1000)
    staff = (0..<(5 + random.next(5))).map { member in
      (
        "Nguyễn Văn \(member)", ["doctor", "assistant_doctor", "nurse", "midwife", "pharmacist"][random.next(5)],
        random.next(10) > 0
      )
    }
    hamlets = (0..<(6 + random.next(12))).map { ("Thôn Đồng \($0)", random.next(20) > 0 ? 1 : 0) }
    counts = [
      ("population", population), ("insured", population - random.next(population / 100 + 1)), ("phc_users", phc),
      ("phc_users_insured", phc - random.next(phc / 10 + 1)),
      ("health_managed", population - random.next(population / 10)),
      ("ehealth_book", population * 3 / 4 + random.next(population / 5)),
      ("telemedicine_users", population * 2 / 5 + random.next(population / 10) - population / 40),
    ]
  }

  var yaml: String {
    var text = "---\ncode: \"\(code)\"\nname: \"\(name)\"\ntype: \"xã\"\ndistrict: \"\(district)\"\n"
    text += "province: \"\(province)\"\nyear: \(year)\n"
    for (key, value) in counts { text += "\(key): \(value)\n" }
    text += "staff:\n"
    for member in staff {
      text += "  - {name: \"\(member.name)\", role: \(member.role), permanent: \(member.permanent)}\n"
    }
    text += "hamlets:\n"
    for hamlet in hamlets { text += "  - {name: \"\(hamlet.name)\", trained_health_workers: \(hamlet.trained)}\n" }
    return text
  }

  var json: String {
    var text = "{\"code\": \"\(code)\", \"name\": \"\(name)\", \"type\": \"xã\", \"district\": \"\(district)\", "
    text += "\"province\": \"\(province)\", \"year\": \(year)"
    for (key, value) in counts { text += ", \"\(key)\": \(value)" }
    text += ", \"staff\": ["
    text += staff.map { "{\"name\": \"\($0.name)\", \"role\": \"\($0.role)\", \"permanent\": \($0.permanent)}" }
      .joined(separator: ", ")
    text += "], \"hamlets\": ["
    text += hamlets.map { "{\"name\": \"\($0.name)\", \"trained_health_workers\": \($0.trained)}" }
      .joined(separator: ", ")
    return text + "]}"
  }
}

func seconds(_ start: ContinuousClock.Instant) -> Double {
  let duration = ContinuousClock.now - start
  return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// The process's peak resident memory since the last `resetPeak()`, in MiB (Linux; 0 elsewhere).
func peakMiB() -> Int {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
  else { return 0 }
  return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
}

/// Starts a new peak: Linux lets a process reset its high-water mark by writing 5 to clear_refs.
func resetPeak() {
  try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
}

var random = SplitMix(state: 2025)
let stations = (0..<count).map { Station($0, &random) }

/// The batch in one input format, as files in memory.
@MainActor func files(_ input: String) -> [(path: String, bytes: [UInt8]?)] {
  switch input {
  case "csv":
    let counts = stations.first?.counts.map(\.0) ?? []
    var main = "code;name;type;district;province;year;" + counts.joined(separator: ";") + "\n"
    var staff = "code;name;role;permanent\n"
    var hamlets = "code;name;trained_health_workers\n"
    for station in stations {
      main += "\(station.code);\(station.name);xã;\(station.district);\(station.province);\(station.year);"
      main += station.counts.map { String($0.1) }.joined(separator: ";") + "\n"
      for member in station.staff { staff += "\(station.code);\(member.name);\(member.role);\(member.permanent)\n" }
      for hamlet in station.hamlets { hamlets += "\(station.code);\(hamlet.name);\(hamlet.trained)\n" }
    }
    return [("stations.csv", Array(main.utf8)), ("staff.csv", Array(staff.utf8)), ("hamlets.csv", Array(hamlets.utf8))]
  case "json":
    return [("stations.json", Array(("[\n" + stations.map(\.json).joined(separator: ",\n") + "\n]\n").utf8))]
  default:
    var texts = [String](repeating: "", count: fileCount)
    for (index, station) in stations.enumerated() { texts[index % fileCount] += station.yaml }
    return texts.enumerated().map { ("synthetic-\($0.offset).yaml", Array($0.element.utf8)) }
  }
}

@MainActor func rate(_ time: Double) -> String { "\(Int(Double(count) / max(time, 1e-9))) stations/s" }
@MainActor func stage(_ name: String, _ time: Double, _ peak: Int) {
  print(
    "  \(name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(format: "%7.3f", time)) s  \(rate(time).padding(toLength: 20, withPad: " ", startingAt: 0))  peak \(peak) MiB"
  )
}

print("tieuchi-bench: \(count) stations, criteria \(criteria.id)")
for input in inputs {
  let batchFiles = files(input)
  if let writeFolder {
    // Leaves the synthetic batch on disk, so the real command can be timed on it.
    let folder = writeFolder + "/" + input
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for file in batchFiles { try Data(file.bytes!).write(to: URL(fileURLWithPath: folder + "/" + file.path)) }
  }
  let megabytes = Double(batchFiles.reduce(0) { $0 + ($1.bytes?.count ?? 0) }) / 1_048_576
  print("\(input): \(batchFiles.count) file(s), \(String(format: "%.1f", megabytes)) MiB")
  resetPeak()
  var start = ContinuousClock.now
  let batch = SurveyLoader.load(files: batchFiles, schema: criteria.schema)
  let readTime = seconds(start)
  stage("read (parse, join, records)", readTime, peakMiB())
  resetPeak()
  start = ContinuousClock.now
  let report = CheckResult(criteria: criteria, batch: batch, year: 2030, asOf: .today)
  let evaluateTime = seconds(start)
  stage("evaluate", evaluateTime, peakMiB())
  resetPeak()
  start = ContinuousClock.now
  let text = TextReport(ReportOptions(language: .vi, summaryOnly: true)).render(report)
  let summaryTime = seconds(start)
  stage("render --summary (\(text.count / 1_048_576) MiB)", summaryTime, peakMiB())
  resetPeak()
  start = ContinuousClock.now
  let lines = JSONLinesReport(ReportOptions(language: .vi)).render(report)
  let linesTime = seconds(start)
  stage("render jsonl (\(lines.count / 1_048_576) MiB)", linesTime, peakMiB())
  let total = readTime + evaluateTime + summaryTime
  let statuses = CommuneStatus.allCases.map { "\($0.rawValue) \(report.summary.communes[$0] ?? 0)" }
    .joined(separator: ", ")
  print("  read + evaluate + summary:   \(String(format: "%7.3f", total)) s  \(rate(total))")
  print("  records \(report.summary.records), rejected \(report.summary.rejected); \(statuses)")
}

if CommandLine.arguments.contains("--stages") {
  // Each YAML stage alone and on one core, to see where time goes (perf record works well on this too).
  let yaml = files("yaml")
  var start = ContinuousClock.now
  let parsed = yaml.map { YAMLReader.read(bytes: $0.bytes!, file: $0.path) }
  print("stages, one core: parse YAML \(String(format: "%.3f", seconds(start))) s", terminator: "")
  start = ContinuousClock.now
  let reader = SurveyReader(schema: criteria.schema)
  var output = SurveyReader.Output()
  for file in parsed { for document in file.documents { reader.read(document: document, into: &output) } }
  print(", survey records \(String(format: "%.3f", seconds(start))) s", terminator: "")
  start = ContinuousClock.now
  let evaluator = Evaluator(criteria: criteria, asOf: .today)
  for record in output.records { _ = evaluator.evaluate(record, year: nil) }
  print(", evaluate \(String(format: "%.3f", seconds(start))) s")
}
