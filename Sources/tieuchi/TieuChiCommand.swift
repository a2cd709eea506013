import ArgumentParser

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
}
