import Foundation
import TieuChi

/// Prints diagnostics to standard error as `file:line:column: error: message (hint)`, the form
/// editors and CI logs recognise, capped so that a broken 100,000-row file does not flood a terminal.
struct DiagnosticPrinter {
  var language: Language
  var limit = 200

  func print(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    var text = ""
    for diagnostic in diagnostics.prefix(limit) {
      text += diagnostic.rendered(in: language) + "\n"
    }
    if diagnostics.count > limit {
      let more = diagnostics.count - limit
      text +=
        language == .vi
        ? "… và \(more) thông báo khác (dùng --format json để xem đầy đủ)\n"
        : "… and \(more) more (use --format json to see them all)\n"
    }
    FileHandle.standardError.write(Data(text.utf8))
  }
}

/// Writes to standard output in one go.
func writeStandardOutput(_ text: String) {
  writeStandardOutput(Array(text.utf8))
}

func writeStandardOutput(_ bytes: [UInt8]) {
  FileHandle.standardOutput.write(Data(bytes))
}
