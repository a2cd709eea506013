import Foundation
import TieuChi

/// The one place a command's diagnostics go: printed to standard error as
/// `file:line:column: error: message (hint)` — the form editors and CI logs recognise — and counted,
/// so that the command's exit status follows from what was found. Printing is capped so that a
/// broken 100,000-row file does not flood a terminal; the counts stay exact.
final class DiagnosticsEngine {
  let language: Language
  let limit: Int
  private(set) var errors = 0
  private(set) var warnings = 0
  /// Records that could not be evaluated, beyond the diagnostics that explain them.
  private(set) var rejectedRecords = 0
  private var printed = 0
  private var withheld = 0

  init(language: Language, limit: Int = 200) {
    self.language = language
    self.limit = limit
  }

  /// Counts the diagnostics; prints them unless `print` is false (a report that lists them itself).
  func emit(_ diagnostics: [Diagnostic], print: Bool = true) {
    var text = ""
    for diagnostic in diagnostics {
      if diagnostic.severity == .error { errors += 1 } else { warnings += 1 }
      guard print else { continue }
      if printed < limit {
        printed += 1
        text += diagnostic.rendered(in: language) + "\n"
      } else {
        withheld += 1
      }
    }
    writeStandardError(text)
  }

  func countRejected(_ records: Int) {
    rejectedRecords += records
  }

  /// Whether some input could not be read (an error, or a record that could not be evaluated).
  var inputUnreadable: Bool { errors > 0 || rejectedRecords > 0 }

  /// Says how many diagnostics were not printed; call once, at the end of the command.
  func finish() {
    guard withheld > 0 else { return }
    writeStandardError(
      language == .vi
        ? "… và \(withheld) thông báo khác (dùng --format json để xem đầy đủ)\n"
        : "… and \(withheld) more (use --format json to see them all)\n")
    withheld = 0
  }

  private func writeStandardError(_ text: String) {
    guard !text.isEmpty else { return }
    // Diagnostics escape their own control characters; this also covers any other line written here.
    FileHandle.standardError.write(Data(text.escapingControlCharacters(keepingLineBreaks: true).utf8))
  }
}

/// Writes to standard output in one go.
func writeStandardOutput(_ text: String) {
  writeStandardOutput(Array(text.utf8))
}

func writeStandardOutput(_ bytes: [UInt8]) {
  // A closed pipe (`| head`) is not the command's failure: what could be written was.
  _ = writeAll(bytes, to: STDOUT_FILENO)
}

/// Writes every byte to `descriptor`, going on after partial writes and interruptions; the `errno` of a failure.
func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
  bytes.withUnsafeBytes { buffer in
    var offset = 0
    while offset < buffer.count {
      let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      offset += written
    }
    return nil
  }
}
