import TieuChi
import TieuChiDocuments

/// Runs the library on a stored round: its files as uploaded and its options, so every download is made
/// from the same inputs and is exactly the document the first evaluation gave.
struct RoundEvaluator: Sendable {
  let storage: any Storage
  let library: CriteriaLibrary
  let cache: ResultCache

  /// What an evaluation gives: the result, or why there is none; and the files the library cannot read.
  struct Evaluation: Sendable {
    var result: CheckResult?
    var failure: String?
    var unreadFiles: [String]
  }

  /// The survey file of an upload, its format from the name's extension (YAML, JSON, CSV, XLSX); nil for
  /// a format the library does not read.
  static func surveyFile(_ file: UploadedFile) -> SurveyFile? {
    let ext = file.name.split(separator: ".").last.map(String.init) ?? ""
    return SurveyFormat(fileExtension: ext).map { SurveyFile(name: file.name, format: $0, bytes: file.bytes) }
  }

  /// Evaluates `round` (in the calling task: callers run this through the `EvaluationLimiter`), compared with
  /// the files of round `baselineID` — by default the previous round chosen at upload, if any.
  /// A `signal` that turns true stops the evaluation within moments (a time limit passed).
  func evaluate(
    _ round: Round, language: Language, baselineID: Int64?? = .none, signal: StopSignal? = nil
  ) -> Evaluation {
    let key = ResultCache.key(round: round.id, baseline: baselineID ?? round.baselineRoundID)
    if let cached = cached(round, baselineID: baselineID) { return cached }
    let evaluation = evaluateAgain(round, language: language, baselineID: baselineID, signal: signal)
    if let result = evaluation.result { cache[key] = (result, evaluation.unreadFiles) }
    return evaluation
  }

  /// The evaluation of `round` kept from an earlier request, if any: callers take it without waiting for an
  /// evaluation slot.
  func cached(_ round: Round, baselineID: Int64?? = .none) -> Evaluation? {
    let key = ResultCache.key(round: round.id, baseline: baselineID ?? round.baselineRoundID)
    return cache[key].map { Evaluation(result: $0.result, unreadFiles: $0.unread) }
  }

  private func evaluateAgain(
    _ round: Round, language: Language, baselineID: Int64??, signal: StopSignal?
  ) -> Evaluation {
    guard let criteriaFile = try? storage.criteriaSet(hash: round.criteriaHash) else {
      return Evaluation(
        failure: text(language, "Không tìm thấy bộ tiêu chí", "Criteria set not found"), unreadFiles: [])
    }
    let (criteria, diagnostics) = library.load(criteriaFile)
    guard let criteria else {
      let messages = diagnostics.filter { $0.severity == .error }.prefix(5).map { $0.rendered(in: language) }
      return Evaluation(failure: messages.joined(separator: "\n"), unreadFiles: [])
    }
    let uploads = (try? storage.files(ofRound: round.id)) ?? []
    let files = uploads.compactMap(Self.surveyFile)
    let unread = uploads.filter { Self.surveyFile($0) == nil }.map(\.name)
    guard !files.isEmpty else {
      return Evaluation(
        failure: text(
          language,
          "Không có tệp nào đọc được: dùng tệp .xlsx, .csv, .json hoặc .yaml.",
          "No readable file: use .xlsx, .csv, .json or .yaml files."),
        unreadFiles: unread)
    }
    var baseline: [SurveyFile] = []
    if let baselineID = baselineID ?? round.baselineRoundID {
      baseline = ((try? storage.files(ofRound: baselineID)) ?? []).compactMap(Self.surveyFile)
    }
    let asOf = CalendarDate(round.asOf) ?? CalendarDate(year: 2025, month: 1, day: 1)!
    // Workbooks are read like CSV files (the station sheet and the list sheets, joined on the code).
    let checker = Checker(criteria: criteria, year: round.year, groupBy: round.groupBy, asOf: asOf).readingWorkbooks()
    let stop: @Sendable () -> Bool = { signal?.isStopped ?? false }
    // Without a previous round, each commune's results without its inputs: that is what the cache keeps.
    guard
      let result = baseline.isEmpty
        ? checker.results(of: files, stoppingWhen: stop) : checker.run(files, baseline: baseline, stoppingWhen: stop)
    else {
      return Evaluation(
        failure: text(language, "Đã dừng: quá thời gian cho phép", "Stopped: over the time limit"),
        unreadFiles: unread)
    }
    return Evaluation(result: result, unreadFiles: unread)
  }

  /// The counts a history shows, and the units the records belong to.
  static func outcome(_ result: CheckResult, json: [UInt8]) -> RoundOutcome {
    let counts = RoundCounts(
      communes: result.communes.count, pass: result.summary.communes[.pass] ?? 0,
      fail: result.summary.communes[.fail] ?? 0, incomplete: result.summary.communes[.incomplete] ?? 0,
      errors: result.summary.errors)
    let units = Set(
      result.communes.map {
        RecordUnit(district: $0.record.attributes["district"], province: $0.record.attributes["province"])
      })
    return .evaluated(json: json, counts: counts, units: units.sorted { "\($0)" < "\($1)" })
  }

  private func text(_ language: Language, _ vi: String, _ en: String) -> String { language == .vi ? vi : en }
}
