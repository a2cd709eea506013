extension Checker {
  /// `run(files)` for a report that needs every commune's results at once (HTML, an Excel workbook, the full
  /// text) but not what was read: the stations are read and evaluated a window at a time, and each commune is
  /// kept with its results but without its inputs (`CommuneResult.withoutInputs`), so that the parsed survey, a
  /// few kilobytes a station, is never held for the whole batch.
  ///
  /// The result is that of `run(files)` but for its communes' records holding no values and its batch holding
  /// no records: no report reads either. No baseline: a comparison with the previous round reads both rounds'
  /// inputs (`run(_:baseline:)`).
  ///
  /// - Parameter batch: what was found before reading (`SurveyLoader.surveyFiles(paths:)`).
  package func results(
    of files: consuming [SurveyFile], into batch: SurveyBatch = SurveyBatch(), window: StreamWindow = StreamWindow()
  ) -> CheckResult {
    results(of: files, into: batch, window: window, stoppingWhen: { false })!
  }

  /// `results(of:into:window:)`, or nil once `stop` returns true: asked before each chunk is evaluated, so that a
  /// server's time limit frees its cores soon after it passes.
  package func results(
    of files: consuming [SurveyFile], into batch: SurveyBatch = SurveyBatch(), window: StreamWindow = StreamWindow(),
    stoppingWhen stop: @escaping @Sendable () -> Bool
  ) -> CheckResult? {
    let (station, group) = schemas
    let (criteria, year, asOf) = (self.criteria, self.year, self.asOf)
    let evaluator = Evaluator(criteria: criteria, asOf: asOf)
    let groups = criteria.hasGroupIndicators ? GroupEvaluator(criteria: criteria, asOf: asOf) : nil
    var admitted = AdmittedCommunes()
    var batch = batch
    SurveyLoader.stream(
      consume files, schema: station, groupSchema: group, workbooks: workbooks, into: &batch, window: window,
      transform: { records -> [(CommuneResult, CommuneFacts)] in
        // Stopped: the rest is still read (a reader cannot be stopped halfway), but no longer evaluated.
        guard !stop() else { return [] }
        return records.map { record -> (CommuneResult, CommuneFacts) in
          let commune = evaluator.evaluate(record, year: year)
          // What the finishing half reads of the inputs is taken now, while they are here.
          return (
            commune.withoutInputs(groupItem: groups.map { PackedListItem($0.item(for: commune).values) }),
            CommuneFacts(commune, criteria: criteria, asOf: asOf)
          )
        }
      },
      consume: { chunks in
        for chunk in chunks {
          for (commune, facts) in chunk { _ = admitted.admit(commune, facts: facts) }
        }
      })
    guard !stop() else { return nil }
    return admitted.result(of: self, batch: batch)
  }
}
