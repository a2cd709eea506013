import Foundation
import TieuChi

/// The libFuzzer callback: one binary for every target, the target named by `TIEUCHI_FUZZ_TARGET` (set by
/// `scripts/fuzz.sh`), so that one sanitizer build serves them all.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
  switch Target.current {
  case .yaml: SurveyHarness.run(bytes, format: .yaml)
  case .json:
    // The same bytes as one JSON document and as JSON Lines (each line parsed alone, runs of lines in parallel).
    SurveyHarness.run(bytes, format: .json)
    SurveyHarness.run(bytes, format: .ndjson)
  case .csv: SurveyHarness.run(bytes, format: .csv)
  case .csvJoin: SurveyHarness.runJoined(bytes)
  case .xlsx: XLSXHarness.run(bytes)
  case .criteria: CriteriaHarness.run(bytes)
  case .expression: ExpressionHarness.run(bytes)
  }
  return 0
}

enum Target: String, CaseIterable {
  case yaml, json, csv, xlsx, criteria, expression
  case csvJoin = "csv-join"

  static let current: Target = {
    let name = ProcessInfo.processInfo.environment["TIEUCHI_FUZZ_TARGET"] ?? ""
    guard let target = Target(rawValue: name) else {
      let names = Target.allCases.map(\.rawValue).joined(separator: ", ")
      fail("TIEUCHI_FUZZ_TARGET must be one of: \(names) (got '\(name)')")
    }
    return target
  }()
}

/// `TIEUCHI_FUZZ_VERBOSE=1`: harnesses print what they read, to check a seed or a crash by hand.
let verbose = ProcessInfo.processInfo.environment["TIEUCHI_FUZZ_VERBOSE"] == "1"

/// Stops the run on a broken invariant: libFuzzer records the input as a crash.
func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("tieuchi-fuzz: invariant broken: \(message)\n".utf8))
  abort()
}

/// The repository root, found from this file: seeds and criteria files are read from it.
let repositoryRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The fixed day waivers are checked against: the harness must be deterministic.
let asOf = CalendarDate(year: 2026, month: 1, day: 1)!

/// Loads a criteria file of the repository; a broken one stops the run before fuzzing.
func repositoryCriteria(_ path: String) -> CriteriaSet {
  let file = repositoryRoot.appendingPathComponent(path).path
  guard let bytes = FileManager.default.contents(atPath: file) else { fail("cannot read \(file)") }
  guard let set = CriteriaLoader.load(bytes: [UInt8](bytes), file: path).0 else { fail("\(path) does not load") }
  return set
}

/// The deepest bracket nesting of `bytes` plus the longest run of prefix operators: inputs deeper than
/// `TIEUCHI_FUZZ_MAX_NESTING` are skipped, so that the known stack overflows of the expression parser and
/// evaluator (being fixed separately) do not stop every run. 0 or unset in the environment: no limit.
enum Nesting {
  static let limit: Int = Int(ProcessInfo.processInfo.environment["TIEUCHI_FUZZ_MAX_NESTING"] ?? "") ?? 0

  static func tooDeep(_ bytes: [UInt8]) -> Bool {
    guard limit > 0 else { return false }
    var depth = 0
    var deepest = 0
    var prefixRun = 0
    var terms = 0
    var mostTerms = 0
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        deepest = max(deepest, depth)
      case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
        depth = max(0, depth - 1)
      default: break
      }
      switch byte {
      case UInt8(ascii: "-"), UInt8(ascii: "!"), UInt8(ascii: "+"), UInt8(ascii: "t"), UInt8(ascii: "o"),
        UInt8(ascii: "n"), UInt8(ascii: " "):
        // `- - x`, `not not x`: each prefix operator is one more level of recursion.
        prefixRun += 1
        deepest = max(deepest, prefixRun / 4)
      default: prefixRun = 0
      }
      // Terms are counted per line: an expression is one line of a criteria file, however long.
      if byte == 0x0A { terms = 0 }
      if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "-")
        || byte == UInt8(ascii: "/")
      {
        terms += 1
        mostTerms = max(mostTerms, terms)
      }
    }
    return deepest > limit || mostTerms > limit * 20
  }
}
