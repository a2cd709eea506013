import ArgumentParser
import TieuChi
import TieuChiDocuments

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: cli(
      "Giải thích một chỉ tiêu, và cách tính kết quả của một trạm.",
      "Explain an indicator, and how a station's verdict comes about."),
    discussion: cli(
      "Không có dữ liệu: định nghĩa, căn cứ pháp lý và mục tiêu bằng lời. Với --station DỮ_LIỆU --code MÃ: cách tính cho xã đó (chỉ tiêu cấp nhóm: cho nhóm của xã): giá trị từng biểu thức con, mục tiêu đang áp dụng, kết quả và phần còn thiếu. Các tùy chọn đánh giá giống lệnh check (--baseline, --as-of).",
      "Without data: the indicator's definition, legal basis and target in words. With --station DATA --code CODE: the evaluation trace for that commune (for a group-level indicator, its group): the value of each sub-expression, the target in force, the result and the gap. The evaluation options are those of check (--baseline, --as-of)."
    )
  )

  @OptionGroup var criteriaOptions: CriteriaOptions

  @Argument(help: help("Mã chỉ tiêu, ví dụ bhyt-coverage.", "The indicator id, e.g. bhyt-coverage."))
  var indicator: String

  @Option(
    name: .long,
    help: help("Tệp hoặc thư mục số liệu có trạm cần xem.", "Survey data file or folder holding the station."))
  var station: [String] = []

  @Option(name: .long, help: help("Mã xã của trạm cần xem cách tính.", "The commune code of the station to trace."))
  var code: String?

  @OptionGroup var evaluation: EvaluationOptions
  @OptionGroup var languageOptions: LanguageOptions

  func validate() throws {
    if !station.isEmpty && code == nil {
      throw usageError(
        "--station cần --code MÃ: xã cần xem cách tính", "--station needs --code CODE: the commune to trace")
    }
    if station.isEmpty && code != nil {
      throw usageError("--code cần --station DỮ_LIỆU", "--code needs --station DATA")
    }
  }

  func run() throws {
    let language = languageOptions.language
    let diagnostics = DiagnosticsEngine(language: language)
    defer { diagnostics.finish() }
    let checker = evaluation.checker(try loadCriteria(criteriaOptions.criteria, diagnostics: diagnostics))
    let set = checker.criteria
    guard let index = set.indicators.firstIndex(where: { $0.id == indicator }) else {
      diagnostics.emit([.unknownIndicator(indicator, in: set)])
      throw ExitStatus.usage
    }
    let explanation = Explanation(criteria: set, language: language)
    var out = explanation.definition(of: set.indicators[index])
    if let code {
      let batch = SurveyLoader.load(
        paths: station, schema: checker.schemas.station, groupSchema: checker.schemas.group,
        workbooks: checker.workbooks)
      diagnostics.emit(batch.diagnostics)
      let previous = evaluation.previousRound(for: checker, diagnostics: diagnostics)
      guard let trace = CheckTrace(checker.run(batch, baseline: previous)).trace(indicator: index, code: code) else {
        diagnostics.emit([.noStation(code, in: batch)])
        throw ExitStatus.unreadableInput
      }
      out += "\n" + explanation.heading(trace) + "\n"
      out += explanation.trace(of: set.indicators[index], trace)
    }
    writeStandardOutput(out)
  }
}
