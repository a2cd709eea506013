import Foundation
import TieuChi

/// Writes a finished document where the user asked: standard output, or a file replaced atomically
/// (written beside it under a temporary name, then renamed), so an interrupted run never leaves half a
/// report over a good one.
enum OutputFile {
  enum Failure: Error {
    /// A binary document (a workbook, a Word file) would garble a terminal; the format's name.
    case binaryToTerminal(String)
    case cannotWrite(path: String, reason: String)
  }

  /// Writes `parts`, one after the other, as one document.
  static func write(_ parts: [[UInt8]], to path: String?, binary: Bool, format: String) throws(Failure) {
    guard let path else {
      if binary && isatty(FileHandle.standardOutput.fileDescriptor) != 0 { throw .binaryToTerminal(format) }
      for part in parts { writeStandardOutput(part) }
      return
    }
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(
      ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      // Written from the bytes as they are: copying a report of hundreds of megabytes into `Data` first cost
      // a second copy of it in memory and a tenth of a second.
      let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
      guard descriptor >= 0 else { throw Failure.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
      var failure: Int32?
      for part in parts where failure == nil { failure = writeAll(part, to: descriptor) }
      let closed = close(descriptor) == 0 ? nil : errno
      if let error = failure ?? closed {
        try? FileManager.default.removeItem(at: temporary)
        throw Failure.cannotWrite(path: path, reason: String(cString: strerror(error)))
      }
      // rename(2) replaces the target in one step on the same file system.
      guard rename(temporary.path, url.path) == 0 else {
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: temporary)
        throw Failure.cannotWrite(path: path, reason: reason)
      }
    } catch let failure as Failure {
      throw failure
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw .cannotWrite(path: path, reason: error.localizedDescription)
    }
  }
}
