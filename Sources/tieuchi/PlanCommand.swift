import ArgumentParser
import TieuChi
import TieuChiDocuments

struct PlanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: cli("Soạn kế hoạch khắc phục từ kết quả đánh giá.", "Draft a remediation plan from a check."),
    discussion: cli(
      "Kế hoạch theo mẫu các huyện vẫn viết: I. Mục đích, yêu cầu; II. Nhiệm vụ, giải pháp — mỗi chỉ tiêu chưa đạt hoặc chưa rõ của từng xã, nhóm là một nhiệm vụ với phần còn thiếu, căn cứ, thời hạn và đơn vị chủ trì; III. Tổ chức thực hiện — nhiệm vụ theo đơn vị. Word (.docx, Times New Roman, A4 theo Nghị định 30/2020/NĐ-CP) hoặc Markdown. Mã thoát như lệnh check.",
      "The plan has the shape districts write: I. Purpose; II. Tasks — one per failed or unknown indicator of each failing or incomplete commune and group, with the shortfall, legal basis, deadline and responsible unit; III. Implementation — the tasks per unit. Word (.docx, Times New Roman, A4 as Decree 30/2020/NĐ-CP lays out documents) or Markdown. Exit status as for check."
    )
  )

  @OptionGroup var criteriaOptions: CriteriaOptions
  @OptionGroup var evaluation: EvaluationOptions
  @OptionGroup var languageOptions: LanguageOptions
  @OptionGroup var document: DocumentOptions

  @Option(name: .long, help: help("docx (mặc định) hoặc markdown.", "docx (default) or markdown."))
  var format: PlanFormat = .docx

  @Option(
    name: .long,
    help: help(
      "Một thời hạn chung cho mọi nhiệm vụ, ví dụ 2025-12-31 (mặc định: năm mốc của từng chỉ tiêu).",
      "One deadline for every task, e.g. 2025-12-31 (default: each indicator's milestone year)."))
  var deadline: String?

  @Argument(
    help: help(
      "Tệp hoặc thư mục số liệu khảo sát (.xlsx, .yaml, .yml, .json, .csv).",
      "Survey data files or folders (.xlsx, .yaml, .yml, .json, .csv)."))
  var data: [String] = []

  func validate() throws {
    guard !data.isEmpty else {
      throw usageError(
        "hãy đưa ít nhất một tệp hoặc thư mục số liệu, ví dụ Samples/tan-yen-2024",
        "give at least one survey data file or folder, e.g. Samples/tan-yen-2024")
    }
    if let deadline, CalendarDate(deadline) == nil {
      throw usageError(
        "--deadline phải là một ngày, ví dụ 2025-12-31, không phải \(Diagnostic.quoted(deadline))",
        "--deadline must be a date such as 2025-12-31, not \(Diagnostic.quoted(deadline))")
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
      () throws(RenderFailure) -> [[UInt8]] in [try format.render(result, options: options, deadline: due)]
    }
    diagnostics.finish()
    if diagnostics.inputUnreadable { throw ExitStatus.unreadableInput }
    if !result.allPass { throw ExitStatus.notAllPass }
  }
}
