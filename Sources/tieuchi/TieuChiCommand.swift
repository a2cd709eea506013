import ArgumentParser
import Foundation
import TieuChi

@main
struct TieuChiCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tieuchi",
    abstract: "Kiểm tra trạm y tế xã theo bộ tiêu chí y tế — check commune health stations against health criteria.",
    subcommands: [
      CheckCommand.self, PlanCommand.self, LintCommand.self, TestCommand.self, ExplainCommand.self,
      TemplateCommand.self,
    ],
    defaultSubcommand: CheckCommand.self
  )

  /// ArgumentParser's own `main`, except that what it prints goes through `escapingControlCharacters`:
  /// its messages repeat arguments (an unknown option, a bad value) as given, control characters included.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error).escapingControlCharacters(keepingLineBreaks: true)
      if !message.isEmpty {
        let text = message.hasSuffix("\n") ? message : message + "\n"
        if code == .success {
          writeStandardOutput(text)
        } else {
          FileHandle.standardError.write(Data(text.utf8))
        }
      }
      Foundation.exit(code.rawValue)
    }
  }
}
