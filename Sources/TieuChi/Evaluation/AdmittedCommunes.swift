/// The communes of a check read a window at a time, gathered in input order as they come: a later copy of a
/// station-year is rejected (naming the first), the others kept with what they tell about the batch, and the
/// result made of them at the end. Shared by a check streamed through its report and one that keeps results
/// without inputs (`Checker.results(of:)`), so that both reject and count exactly as a batch held whole does.
struct AdmittedCommunes {
  private var duplicates = DuplicateFilter()
  private var duplicateProblems: [Diagnostic] = []
  private(set) var facts = BatchFacts()
  private(set) var communes: [CommuneResult] = []
  /// Set when the communes are counted rather than kept.
  private var counted: CountedCommunes?

  /// Communes kept, for a result that holds them.
  init() {}

  /// Communes counted and let go (`CountedCommunes`), for a result whose report was written as they came;
  /// `fields`: those they may be grouped by.
  init(counting criteria: CriteriaSet, fields: [String], asOf: CalendarDate) {
    counted = CountedCommunes(criteria: criteria, fields: fields, asOf: asOf)
  }

  /// Keeps `commune` (a summary, or a result without inputs, whose record still names its station-year) unless
  /// its station-year came before; whether it was kept.
  mutating func admit(_ commune: CommuneResult, facts communeFacts: CommuneFacts) -> Bool {
    if let duplicate = duplicates.duplicate(commune.record) {
      duplicateProblems.append(duplicate)
      return false
    }
    facts.add(communeFacts)
    if counted != nil { counted!.add(commune) } else { communes.append(commune) }
    return true
  }

  /// The check's result: the communes kept or counted, and `batch` with the duplicates rejected after what reading found.
  consuming func result(of checker: Checker, batch: SurveyBatch) -> CheckResult {
    var batch = batch
    batch.rejected += duplicateProblems.count
    batch.diagnostics += duplicateProblems
    return CheckResult(
      criteria: checker.criteria, batch: batch, year: checker.year, groupBy: checker.groupBy, asOf: checker.asOf,
      grouped: true, baseline: nil, evaluated: counted.map { .counted($0) } ?? .kept(communes), previousCommunes: [],
      facts: facts)
  }
}
