/// The communes of a check read a window at a time, gathered in input order as they come: a later copy of a
/// station-year is rejected (naming the first), the others kept with what they tell about the batch, and the
/// result made of them at the end. Shared by a check streamed through its report and one that keeps results
/// without inputs (`Checker.results(of:)`), so that both reject and count exactly as a batch held whole does.
struct AdmittedCommunes {
  private var duplicates = DuplicateFilter()
  private var duplicateProblems: [Diagnostic] = []
  private(set) var facts = BatchFacts()
  private(set) var communes: [CommuneResult] = []

  /// Keeps `commune` (a summary, or a result without inputs, whose record still names its station-year) unless
  /// its station-year came before; whether it was kept.
  mutating func admit(_ commune: CommuneResult, facts communeFacts: CommuneFacts) -> Bool {
    if let duplicate = duplicates.duplicate(commune.record) {
      duplicateProblems.append(duplicate)
      return false
    }
    facts.add(communeFacts)
    communes.append(commune)
    return true
  }

  /// The check's result: the communes kept, and `batch` with the duplicates rejected after what reading found.
  consuming func result(of checker: Checker, batch: SurveyBatch) -> CheckResult {
    var batch = batch
    batch.rejected += duplicateProblems.count
    batch.diagnostics += duplicateProblems
    return CheckResult(
      criteria: checker.criteria, batch: batch, year: checker.year, groupBy: checker.groupBy, asOf: checker.asOf,
      grouped: true, baseline: nil, communes: communes, previousCommunes: [], facts: facts)
  }
}
