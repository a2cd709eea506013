import ArgumentParser
import TieuChi
import TieuChiDocuments

struct PlanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Soạn kế hoạch khắc phục từ kết quả đánh giá — draft a remediation plan from a check.",
    discussion: """
      The plan (kế hoạch khắc phục) has the shape districts write: I. Mục đích, yêu cầu; II. Nhiệm vụ, giải \
      pháp — for each failing or incomplete commune and group, one task per failed or unknown indicator with the \
      shortfall in real units, the legal basis, the deadline (the milestone in force, or --deadline) and the \
      responsible unit, the cheapest indicators first under a points rule; III. Tổ chức thực hiện — the tasks \
      per responsible unit. Word (.docx, Times New Roman, A4, as Nghị định 30/2020/NĐ-CP lays out documents) \
      or Markdown. Exit status as for check.
      """
  )

  @OptionGroup var criteriaOptions: CriteriaOptions
  @OptionGroup var evaluation: EvaluationOptions
  @OptionGroup var languageOptions: LanguageOptions
  @OptionGroup var document: DocumentOptions

  @Option(name: .long, help: "docx (default) or markdown.")
  var format: PlanFormat = .docx

  @Option(name: .long, help: "One deadline for every task, e.g. 2025-12-31 (default: each indicator's milestone year).")
  var deadline: String?

  @Argument(help: "Survey data files or folders (.xlsx, .yaml, .yml, .json, .csv).")
  var data: [String] = []

  func validate() throws {
    guard !data.isEmpty else {
      throw ValidationError("give at least one survey data file or folder, e.g. Samples/tan-yen-2024")
    }
    if let deadline, CalendarDate(deadline) == nil {
      throw ValidationError("--deadline must be a date such as 2025-12-31, not \(Diagnostic.quoted(deadline))")
    }
    try document.validateBinary(format.isBinary, format: format.rawValue, fileExtension: format.fileExtension)
  }

  func run() throws {
    let language = languageOptions.language
    let diagnostics = DiagnosticsEngine(language: language)
    let result = try evaluation.evaluate(
      criteria: criteriaOptions.criteria, data: data, diagnostics: diagnostics, printDiagnostics: true)
    let options = document.reportOptions(language: language)
    let due = deadline.flatMap(CalendarDate.init)
    try document.deliver(format: format.rawValue, binary: format.isBinary, diagnostics: diagnostics) {
      () throws(RenderFailure) -> [UInt8] in try format.render(result, options: options, deadline: due)
    }
    diagnostics.finish()
    if diagnostics.inputUnreadable { throw ExitStatus.unreadableInput }
    if !result.allPass { throw ExitStatus.notAllPass }
  }
}
