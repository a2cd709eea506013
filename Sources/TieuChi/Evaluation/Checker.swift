/// A check as a client asks for it: a criteria set and the options of one run, applied to survey data.
///
/// The entry point for programs that use the library without the CLI (the web application, scripts,
/// tests): everything it depends on is explicit — no file system, no clock.
public struct Checker: Sendable {
  public let criteria: CriteriaSet
  /// The evaluation year: the milestones in force that year apply to every record (nil: each
  /// record's own year).
  public var year: Int?
  /// The record field communes are grouped by (nil: `district` when the records have one, else
  /// `province`).
  public var groupBy: String?
  /// The day waivers are checked against.
  public var asOf: CalendarDate
  /// Reads `.xlsx` survey files; nil: they are reported as unsupported (`TieuChiDocuments` provides one).
  package var workbooks: (any WorkbookReader)?

  /// A check of `criteria` with the options of one run; `asOf` is required: the library has no clock.
  public init(criteria: CriteriaSet, year: Int? = nil, groupBy: String? = nil, asOf: CalendarDate) {
    self.criteria = criteria
    self.year = year
    self.groupBy = groupBy
    self.asOf = asOf
  }

  /// The schema station records are read with, and the one of groups' own records (nil when the set
  /// has no group-level indicator, so `level: group` records are then reported as unexpected).
  public var schemas: (station: InputSchema, group: InputSchema?) {
    (criteria.schema, criteria.hasGroupIndicators ? criteria.groupSchema : nil)
  }

  /// Reads survey files (each with its format named: nothing is guessed from a file name) and the
  /// previous round's, and evaluates them. Problems in the files are in the result's diagnostics; a
  /// broken record never stops the batch.
  public func run(_ files: [SurveyFile], baseline: [SurveyFile] = []) -> CheckResult {
    let (station, group) = schemas
    let previous =
      baseline.isEmpty
      ? nil : SurveyLoader.load(baseline, schema: station, groupSchema: group, workbooks: workbooks)
    return run(SurveyLoader.load(files, schema: station, groupSchema: group, workbooks: workbooks), baseline: previous)
  }

  /// Evaluates survey data already read, against the previous round when given.
  public func run(_ batch: SurveyBatch, baseline: SurveyBatch? = nil) -> CheckResult {
    CheckResult(criteria: criteria, batch: batch, year: year, groupBy: groupBy, asOf: asOf, baseline: baseline)
  }

  /// `run(files, baseline:)`, or nil once `stop` returns true: asked after reading and every 256 communes
  /// while evaluating, so that a server's time limit frees its cores soon after it passes.
  package func run(
    _ files: [SurveyFile], baseline: [SurveyFile] = [], stoppingWhen stop: @Sendable () -> Bool
  ) -> CheckResult? {
    let (station, group) = schemas
    let previous =
      baseline.isEmpty
      ? nil : SurveyLoader.load(baseline, schema: station, groupSchema: group, workbooks: workbooks)
    let batch = SurveyLoader.load(files, schema: station, groupSchema: group, workbooks: workbooks)
    guard !stop() else { return nil }
    return CheckResult(
      criteria: criteria, batch: batch, year: year, groupBy: groupBy, asOf: asOf, baseline: previous,
      stoppingWhen: stop)
  }
}
