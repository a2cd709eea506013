import ArgumentParser
import Foundation
import TieuChi

@main
struct TieuChiCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tieuchi",
    abstract: cli(
      "Kiểm tra trạm y tế xã theo bộ tiêu chí y tế. Thêm --lang en để dùng tiếng Anh.",
      "Check commune health stations against health criteria."),
    subcommands: [
      CheckCommand.self, PlanCommand.self, LintCommand.self, TestCommand.self, ExplainCommand.self,
      TemplateCommand.self,
    ],
    defaultSubcommand: CheckCommand.self
  )

  /// Runs the command like ArgumentParser's own `main()`, but says its usage errors and help in the
  /// command line's language (Vietnamese unless `--lang en`), with control characters from arguments
  /// escaped: its messages repeat arguments (an unknown option, a bad value) as given.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      let message = ParserWords.translated(fullMessage(for: error))
        .escapingControlCharacters(keepingLineBreaks: true)
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
