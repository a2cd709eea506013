import Foundation
import Testing

/// Runs the built `tieuchi` executable, as a user would.
struct CLIRun {
  var status: Int32
  var stdout: String
  var stderr: String

  /// The JSON object on standard output.
  func json() throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
    return try #require(object as? [String: Any])
  }
}

enum CLI {
  /// The `tieuchi` binary built beside the test bundle (SwiftPM puts every product of the package in
  /// the same folder).
  static let binary: String = {
    let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [
      bundleFolder.appendingPathComponent("tieuchi").path,
      bundleFolder.deletingLastPathComponent().appendingPathComponent("tieuchi").path,
      TestSupport.path(".build/debug/tieuchi"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
  }()

  /// Runs `tieuchi` with `arguments` from the repository root, so relative paths are the README's.
  static func run(_ arguments: [String], stdin: String? = nil) throws -> CLIRun {
    #expect(FileManager.default.isExecutableFile(atPath: binary), "tieuchi not built at \(binary)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: TestSupport.root)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes while the process runs, so a large report cannot fill a pipe and block it.
    let outData = ReadAll(out.fileHandleForReading)
    let errData = ReadAll(err.fileHandleForReading)
    process.waitUntilExit()
    return CLIRun(
      status: process.terminationStatus,
      stdout: String(decoding: outData.wait(), as: UTF8.self),
      stderr: String(decoding: errData.wait(), as: UTF8.self))
  }
}

extension CLI {
  /// Runs `tieuchi` once per distinct command line for the whole test run: suites that check many
  /// facts of one report share one process instead of launching the same command for each test.
  static func runOnce(_ arguments: [String]) throws -> CLIRun {
    try RunCache.shared.run(arguments)
  }
}

/// The finished runs by command line. The lock is held while a run is made, so a command asked for by
/// two tests at once still runs once.
final class RunCache: @unchecked Sendable {
  static let shared = RunCache()
  private let lock = NSLock()
  private var runs: [[String]: CLIRun] = [:]

  func run(_ arguments: [String]) throws -> CLIRun {
    lock.lock()
    defer { lock.unlock() }
    if let run = runs[arguments] { return run }
    let run = try CLI.run(arguments)
    runs[arguments] = run
    return run
  }
}

/// Reads a file handle to its end on a background thread.
final class ReadAll: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      data = handle.readDataToEndOfFile()
      done.signal()
    }
  }

  func wait() -> Data {
    done.wait()
    return data
  }
}
