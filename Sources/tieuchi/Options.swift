import ArgumentParser
import Foundation
import TieuChi
import TieuChiDocuments

extension Language: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension PlanFormat: ExpressibleByArgument {}

/// `--lang`, for every command that writes words.
struct LanguageOptions: ParsableArguments {
  @Option(
    name: .customLong("lang"),
    help: help(
      "Ngôn ngữ của báo cáo và thông báo: vi (mặc định) hoặc en.",
      "Language of reports and messages: vi (default) or en."))
  var language: Language = .vi
}

/// `--criteria FILE`, for the commands that evaluate or describe one criteria set.
struct CriteriaOptions: ParsableArguments {
  @Option(
    name: .long,
    help: help(
      "Tệp bộ tiêu chí (YAML), ví dụ Criteria/ct25-2030.yaml.",
      "The criteria file (YAML), e.g. Criteria/ct25-2030.yaml."))
  var criteria: String
}

/// How an evaluation runs: the year, the grouping, the previous round and the day waivers are checked
/// against. Shared by `check` and `explain`, so a trace is made exactly as the check was.
struct EvaluationOptions: ParsableArguments {
  @Option(
    name: .long,
    help: help(
      "Năm đánh giá: áp dụng mốc mục tiêu của năm đó (mặc định: năm của từng bản ghi).",
      "Evaluation year: the milestones in force that year apply (default: each record's own year)."))
  var year: Int?

  @Option(
    name: .customLong("group-by"),
    help: help(
      "Trường dùng để nhóm các xã (mặc định: huyện nếu có, nếu không thì tỉnh).",
      "Record field to group communes by (default: district if present, else province)."))
  var groupBy: String?

  @Option(
    name: .long,
    help: help(
      "Số liệu kỳ trước (tệp hoặc thư mục), cho các chỉ tiêu về mức thay đổi và phần so sánh.",
      "The previous round's survey data (file or folder), for targets about change."))
  var baseline: [String] = []

  @Option(
    name: .customLong("as-of"),
    help: help(
      "Ngày dùng để xét hạn miễn trừ, ví dụ 2025-12-31 (mặc định: hôm nay theo giờ Việt Nam).",
      "The day waivers are checked against, e.g. 2025-12-31 (default: today in Vietnam)."))
  var asOf: String?

  func validate() throws {
    if let year, !(1900...2200).contains(year) {
      throw usageError(
        "--year phải là một năm, ví dụ 2025, không phải \(year)", "--year must be a year such as 2025, not \(year)")
    }
    if let asOf, CalendarDate(asOf) == nil {
      throw usageError(
        "--as-of phải là một ngày, ví dụ 2025-12-31, không phải \(Diagnostic.quoted(asOf))",
        "--as-of must be a date such as 2025-12-31, not \(Diagnostic.quoted(asOf))")
    }
  }

  /// The check these options describe, reading Excel workbooks too; today (in Vietnam) unless `--as-of` says
  /// otherwise.
  func checker(_ criteria: CriteriaSet) -> Checker {
    Checker(criteria: criteria, year: year, groupBy: groupBy, asOf: asOf.flatMap(CalendarDate.init) ?? .today)
      .readingWorkbooks()
  }

  /// Loads the criteria, reads the survey data and the previous round, and evaluates: the part every
  /// evaluating command shares. Diagnostics are counted, and printed unless the document carries them.
  func evaluate(
    criteria path: String, data: [String], diagnostics: DiagnosticsEngine, printDiagnostics: Bool
  ) throws -> CheckResult {
    let checker = checker(try loadCriteria(path, diagnostics: diagnostics))
    let result: CheckResult
    if baseline.isEmpty {
      // Each commune's results without its inputs: the report needs the one, not the other.
      let (files, batch) = SurveyLoader.surveyFiles(paths: data)
      result = checker.results(of: consume files, into: batch)
    } else {
      let batch = SurveyLoader.load(
        paths: data, schema: checker.schemas.station, groupSchema: checker.schemas.group,
        workbooks: checker.workbooks)
      let previous = previousRound(for: checker, diagnostics: diagnostics)
      result = checker.run(batch, baseline: previous)
    }
    // The result's diagnostics include the evaluation's own (an expired waiver, an unknown grouping field).
    diagnostics.emit(result.batch.diagnostics, print: printDiagnostics)
    diagnostics.countRejected(result.batch.rejected)
    return result
  }

  /// The renderer as one that writes its report while the stations are read and evaluated, when it can be made
  /// so with these options (no previous round: a comparison needs both rounds whole); nil otherwise.
  func streaming(_ renderer: any ReportRenderer) -> (any CommuneStreamRenderer)? {
    guard baseline.isEmpty, let streaming = renderer as? any CommuneStreamRenderer, streaming.streams else {
      return nil
    }
    return streaming
  }

  /// `evaluate` with `renderer`'s report written into `document` as the stations are read and evaluated
  /// (`Checker.stream`). Diagnostics are counted, and printed unless the document carries them, once every station
  /// is evaluated and before the report's totals.
  func stream(
    criteria path: String, data: [String], diagnostics: DiagnosticsEngine, renderer: any CommuneStreamRenderer,
    into document: inout OutputFile.Writer, printDiagnostics: Bool
  ) throws -> CheckResult {
    let checker = checker(try loadCriteria(path, diagnostics: diagnostics))
    let (files, batch) = SurveyLoader.surveyFiles(paths: data)
    return checker.stream(
      consume files, into: batch, renderer: renderer,
      finished: { result in
        diagnostics.emit(result.batch.diagnostics, print: printDiagnostics)
        diagnostics.countRejected(result.batch.rejected)
      }, write: { document.write($0) })
  }

  /// The previous round, read with the set's schemas; nil when none was given.
  func previousRound(for checker: Checker, diagnostics: DiagnosticsEngine) -> SurveyBatch? {
    guard !baseline.isEmpty else { return nil }
    let batch = SurveyLoader.load(
      paths: baseline, schema: checker.schemas.station, groupSchema: checker.schemas.group,
      workbooks: checker.workbooks)
    diagnostics.emit(batch.diagnostics)
    diagnostics.countRejected(batch.rejected)
    return batch
  }
}

/// Where a report goes and what its header says: shared by every command that writes a document.
struct DocumentOptions: ParsableArguments {
  @Option(
    name: .long,
    help: help(
      "Ghi báo cáo vào tệp này (ghi tệp tạm rồi đổi tên, không bao giờ để lại tệp dở dang) thay vì in ra màn hình.",
      "Write the report to this file (atomically: a temporary file, then renamed) instead of standard output."))
  var output: String?

  @Option(
    name: .long,
    help: help(
      "Đơn vị ban hành báo cáo, ví dụ \"PHÒNG Y TẾ HUYỆN TÂN YÊN\" (phần đầu văn bản).",
      "The unit that issues the report, e.g. \"PHÒNG Y TẾ HUYỆN TÂN YÊN\" (document header)."))
  var issuer: String?

  @Option(
    name: .long,
    help: help("Địa danh ở dòng ngày tháng, ví dụ \"Tân Yên\".", "The place of the date line, e.g. \"Tân Yên\"."))
  var place: String?

  @Option(
    name: .long,
    help: help(
      "Ngày ghi trên báo cáo, ví dụ 2025-12-15 (mặc định: hôm nay theo giờ Việt Nam).",
      "The date the report bears, e.g. 2025-12-15 (default: today in Vietnam)."))
  var date: String?

  func validate() throws {
    if let date, CalendarDate(date) == nil {
      throw usageError(
        "--date phải là một ngày, ví dụ 2025-12-15, không phải \(Diagnostic.quoted(date))",
        "--date must be a date such as 2025-12-15, not \(Diagnostic.quoted(date))")
    }
    if let output, output.isEmpty { throw usageError("--output cần tên tệp", "--output needs a file name") }
  }

  /// Makes the document and writes it where asked; a document that cannot be made or written ends the
  /// command with its diagnostic and exit status.
  func deliver(
    format: String, binary: Bool, diagnostics: DiagnosticsEngine, _ make: () throws(RenderFailure) -> [[UInt8]]
  ) throws {
    do {
      try OutputFile.write(try make(), to: output, binary: binary, format: format)
    } catch let failure as RenderFailure {
      diagnostics.emit([.cannotRender(failure.message)])
      diagnostics.finish()
      throw ExitStatus.cannotWrite
    } catch let failure as OutputFile.Failure {
      throw Self.exitStatus(failure, diagnostics: diagnostics)
    }
  }

  /// Delivers a document written while it is made: `write` writes its pieces into the opened document, which is
  /// put in place once `write` returns (and left out if it throws).
  func deliver<T>(
    format: String, binary: Bool, diagnostics: DiagnosticsEngine, _ write: (inout OutputFile.Writer) throws -> T
  ) throws -> T {
    do {
      var document = try OutputFile.Writer(to: output, binary: binary, format: format)
      let made: T
      do { made = try write(&document) } catch {
        document.abandon()
        throw error
      }
      try document.finish()
      return made
    } catch let failure as OutputFile.Failure {
      throw Self.exitStatus(failure, diagnostics: diagnostics)
    }
  }

  /// The exit status of a document that could not be written, the reason said.
  private static func exitStatus(_ failure: OutputFile.Failure, diagnostics: DiagnosticsEngine) -> ExitCode {
    switch failure {
    case .binaryToTerminal(let format):
      diagnostics.emit([.binaryToTerminal(format)])
      diagnostics.finish()
      return ExitStatus.usage
    case .cannotWrite(let path, let reason):
      diagnostics.emit([.cannotWriteOutput(path, reason: reason)])
      diagnostics.finish()
      return ExitStatus.cannotWrite
    }
  }

  /// Refuses, before any work, a binary document bound for a terminal.
  func validateBinary(_ binary: Bool, format: String, fileExtension: String) throws {
    if binary && output == nil && isatty(STDOUT_FILENO) != 0 {
      throw usageError(
        "--format \(format) ghi tệp nhị phân: thêm --output TỆP.\(fileExtension)",
        "--format \(format) writes a binary file: add --output FILE.\(fileExtension)")
    }
  }

  /// The report options with this header; the date defaults to today in Vietnam.
  func reportOptions(language: Language, summaryOnly: Bool = false) -> ReportOptions {
    ReportOptions(
      language: language, summaryOnly: summaryOnly, issuer: issuer, place: place,
      date: date.flatMap(CalendarDate.init) ?? .today)
  }
}
