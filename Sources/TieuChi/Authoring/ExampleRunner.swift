/// Runs the worked examples of a criteria set and compares outcomes with what they expect.
public enum ExampleRunner {
  /// One example's outcome: empty `failures` means it passed.
  public struct Outcome: Sendable {
    public var example: CriteriaExample
    public var failures: [Diagnostic]

    public var passed: Bool { failures.isEmpty }
  }

  /// Runs every example of `criteria`; waivers in examples are checked against `asOf`.
  public static func run(_ criteria: CriteriaSet, asOf: CalendarDate) -> [Outcome] {
    criteria.examples.map { run($0, criteria: criteria, asOf: asOf) }
  }

  static func run(_ example: CriteriaExample, criteria: CriteriaSet, asOf: CalendarDate) -> Outcome {
    let reader = SurveyReader(
      schema: criteria.schema, groupSchema: criteria.hasGroupIndicators ? criteria.groupSchema : nil)
    let batch = read(example.stations, reader: reader)
    let baseline = example.baseline.isEmpty ? nil : read(example.baseline, reader: reader)
    var failures = (batch.diagnostics + (baseline?.diagnostics ?? [])).filter { $0.severity == .error }
    // An example without `year:` takes its records' year, so stations and a dated group record meet.
    let year = example.year ?? (batch.records + batch.groupRecords).compactMap(\.year).first
    // One group: the example's stations and group record, whatever their district.
    let report = CheckResult(
      criteria: criteria, batch: batch, year: year, asOf: asOf, grouped: false, baseline: baseline)
    for expectation in example.expectations {
      guard let result = report.communes.first?[expectation.indicator] ?? report.groups.first?[expectation.indicator]
      else {
        failures.append(
          mismatch(expectation.location, "\(expectation.indicator): not evaluated (no station in the example?)"))
        continue
      }
      if result.status != expectation.status {
        let reasons = ReportPhrases(criteria: criteria, language: .en).reasons(result.reasons)
        failures.append(
          mismatch(
            expectation.location,
            "\(expectation.indicator): expected \(expectation.status.rawValue), got \(result.status.rawValue)"
              + (reasons.isEmpty ? "" : " (\(reasons))")))
      }
      if let gap = expectation.gap, result.gap?.amount != gap {
        failures.append(
          mismatch(
            expectation.location,
            "\(expectation.indicator): expected a gap of \(gap), got \(result.gap?.amount.map(\.description) ?? "none")"
          ))
      }
      if let items = expectation.items, (result.gap?.items ?? []) != items {
        failures.append(
          mismatch(
            expectation.location,
            "\(expectation.indicator): expected lacking \(items), got \(result.gap?.items ?? [])"))
      }
    }
    if let commune = example.commune, let actual = report.communes.first?.status, actual != commune {
      failures.append(mismatch(example.location, "commune: expected \(commune.rawValue), got \(actual.rawValue)"))
    }
    return Outcome(example: example, failures: failures)
  }

  /// Reads example records; they need no commune code, so each gets one, as survey data would have.
  private static func read(_ nodes: [DataNode], reader: SurveyReader) -> SurveyBatch {
    var output = SurveyReader.Output()
    for (index, node) in nodes.enumerated() {
      var record = node
      if var entries = node.entries, !entries.contains(where: { $0.key == "code" }) {
        entries.append(
          DataNode.Entry(
            key: "code", keyLocation: node.location,
            value: DataNode(.scalar("ex\(index + 1)", .quoted), at: node.location)))
        record = DataNode(.mapping(entries), at: node.location)
      }
      reader.read(document: record, into: &output)
    }
    var batch = SurveyBatch()
    batch.add(output)
    return batch
  }

  private static func mismatch(_ location: SourceLocation, _ english: String) -> Diagnostic {
    .exampleMismatch(at: location, english)
  }
}
