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
    var file = try Writer(to: path, binary: binary, format: format)
    for part in parts { file.write(part) }
    try file.finish()
  }

  /// A document written piece by piece as it is made (a streamed check's report): to standard output at once, or
  /// to a temporary file renamed over the target only when `finish` is called.
  struct Writer {
    private let path: String?
    private let temporary: String?
    private let descriptor: Int32
    /// The first write's failure: later pieces are dropped and `finish` reports it.
    private var failure: Int32?

    /// Opens the document; refuses a binary one bound for a terminal.
    init(to path: String?, binary: Bool, format: String) throws(Failure) {
      self.path = path
      guard let path else {
        if binary && isatty(FileHandle.standardOutput.fileDescriptor) != 0 { throw .binaryToTerminal(format) }
        temporary = nil
        descriptor = STDOUT_FILENO
        return
      }
      let url = URL(fileURLWithPath: path)
      let temporary = url.deletingLastPathComponent().appendingPathComponent(
        ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp"
      ).path
      self.temporary = temporary
      // Written from the bytes as they are: copying a report of hundreds of megabytes into `Data` first cost
      // a second copy of it in memory and a tenth of a second.
      descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
      guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Writes the next piece.
    mutating func write(_ part: [UInt8]) {
      guard failure == nil else { return }
      guard temporary != nil else {
        // A closed pipe (`| head`) is not the command's failure: what could be written was.
        writeStandardOutput(part)
        return
      }
      failure = writeAll(part, to: descriptor)
    }

    /// Puts the finished document in place: rename(2) replaces the target in one step on the same file system.
    func finish() throws(Failure) {
      guard let path, let temporary else { return }
      let closed = close(descriptor) == 0 ? nil : errno
      if let error = failure ?? closed {
        unlink(temporary)
        throw .cannotWrite(path: path, reason: String(cString: strerror(error)))
      }
      guard rename(temporary, path) == 0 else {
        let reason = String(cString: strerror(errno))
        unlink(temporary)
        throw .cannotWrite(path: path, reason: reason)
      }
    }

    /// Leaves the target as it was (the document could not be made).
    func abandon() {
      guard let temporary else { return }
      close(descriptor)
      unlink(temporary)
    }
  }
}
