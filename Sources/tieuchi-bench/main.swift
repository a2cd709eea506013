// Benchmark for `tieuchi check`: generates N synthetic stations in the shape of the Tân Yên samples,
// then times each stage of a check (parse + read, evaluate, render) on them. It measures; it asserts
// nothing. Usage: tieuchi-bench [N] [--files K] [--criteria FILE] [--write FOLDER] [--stages]
// Build it in release mode: swift run -c release tieuchi-bench 100000
import Foundation
import TieuChi

var count = 100_000
var fileCount = 34  // one file per province, as a whole-country batch would come
var criteriaPath = "Criteria/ct25-2030.yaml"
var writeFolder: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "--files": fileCount = max(1, Int(arguments.popFirst() ?? "") ?? fileCount)
  case "--criteria": criteriaPath = arguments.popFirst() ?? criteriaPath
  case "--stages": break
  case "--write": writeFolder = arguments.popFirst()
  default:
    guard let n = Int(argument), n > 0 else {
      FileHandle.standardError.write(
        Data("usage: tieuchi-bench [N] [--files K] [--criteria FILE] [--write FOLDER] [--stages]\n".utf8))
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

func station(_ index: Int, _ random: inout SplitMix) -> String {
  let population = 3000 + random.next(15000)
  let insured = population - random.next(population / 100 + 1)
  let phc = population / 3 + random.next(1000)
  var text = """
    ---
    code: "\(String(format: "%05d", index % 100_000))"
    name: "Xã Thử Nghiệm \(index)"
    type: "xã"
    district: "Huyện \(index % 700)"
    province: "Tỉnh \(index % 34)"
    year: \(2020 + index / 100_000)
    population: \(population)
    insured: \(insured)
    staff:

    """
  for member in 0..<(5 + random.next(5)) {
    let role = ["doctor", "assistant_doctor", "nurse", "midwife", "pharmacist"][random.next(5)]
    text += "  - {name: \"Nguyễn Văn \(member)\", role: \(role), permanent: \(random.next(10) > 0)}\n"
  }
  text += "hamlets:\n"
  for hamlet in 0..<(6 + random.next(12)) {
    text += "  - {name: \"Thôn Đồng \(hamlet)\", trained_health_workers: \(random.next(20) > 0 ? 1 : 0)}\n"
  }
  text += """
    phc_users: \(phc)
    phc_users_insured: \(phc - random.next(phc / 10 + 1))
    health_managed: \(population - random.next(population / 10))
    ehealth_book: \(population * 3 / 4 + random.next(population / 5))
    telemedicine_users: \(population * 2 / 5 + random.next(population / 10) - population / 40)

    """
  return text
}

func seconds(_ start: ContinuousClock.Instant) -> Double {
  let duration = ContinuousClock.now - start
  return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

var random = SplitMix(state: 2025)
var texts = [String](repeating: "", count: fileCount)
for index in 0..<count { texts[index % fileCount] += station(index, &random) }
let files = texts.enumerated().map { (path: "synthetic-\($0.offset).yaml", bytes: Optional([UInt8]($0.element.utf8))) }
if let writeFolder {
  // Leaves the synthetic batch on disk, so the real command can be timed on it.
  try FileManager.default.createDirectory(atPath: writeFolder, withIntermediateDirectories: true)
  for file in files { try Data(file.bytes!).write(to: URL(fileURLWithPath: writeFolder + "/" + file.path)) }
}
let megabytes = Double(files.reduce(0) { $0 + ($1.bytes?.count ?? 0) }) / 1_048_576

print(
  "tieuchi-bench: \(count) stations in \(fileCount) file(s), \(String(format: "%.1f", megabytes)) MiB of YAML, criteria \(criteria.id)"
)
var start = ContinuousClock.now
let batch = SurveyLoader.load(files: files, schema: criteria.schema)
let readTime = seconds(start)
start = ContinuousClock.now
let report = CheckResult(criteria: criteria, batch: batch, year: nil, asOf: .today)
let evaluateTime = seconds(start)
start = ContinuousClock.now
let json = JSONReport(ReportOptions(language: .vi)).render(report)
let renderTime = seconds(start)
let total = readTime + evaluateTime + renderTime
let statuses = CommuneStatus.allCases.map { "\($0.rawValue) \(report.summary.communes[$0] ?? 0)" }.joined(
  separator: ", ")
print("  read (parse YAML + survey):  \(String(format: "%.3f", readTime)) s")
print("  evaluate:                    \(String(format: "%.3f", evaluateTime)) s")
print("  render JSON (\(json.count / 1_048_576) MiB):        \(String(format: "%.3f", renderTime)) s")
print("  total:                       \(String(format: "%.3f", total)) s = \(Int(Double(count) / total)) stations/s")
print("  records \(report.summary.records), rejected \(report.summary.rejected); \(statuses)")

if CommandLine.arguments.contains("--stages") {
  // Each stage alone and on one core, to see where time goes (perf record works well on this too).
  var start = ContinuousClock.now
  let parsed = files.map { YAMLReader.read(bytes: $0.bytes!, file: $0.path) }
  print("  stages, one core: parse YAML \(String(format: "%.3f", seconds(start))) s", terminator: "")
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
