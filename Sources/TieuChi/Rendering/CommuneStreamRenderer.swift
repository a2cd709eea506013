/// What a report knows before its first commune: enough for its head and for each commune's part.
package struct ReportFrame: Sendable {
  package var criteria: CriteriaSet
  /// The evaluation year asked for; nil: each record's own.
  package var requestedYear: Int?
  /// The field communes are grouped by (nil: none).
  package var groupBy: String?
  /// The comparison with a previous round, when there is one (never in a streamed check).
  package var comparison: RoundComparison?

  /// The frame of a result held whole.
  package init(_ result: CheckResult) {
    self.init(
      criteria: result.criteria, requestedYear: result.requestedYear, groupBy: result.groupBy,
      comparison: result.comparison)
  }

  /// A frame of its parts.
  package init(criteria: CriteriaSet, requestedYear: Int?, groupBy: String?, comparison: RoundComparison? = nil) {
    self.criteria = criteria
    self.requestedYear = requestedYear
    self.groupBy = groupBy
    self.comparison = comparison
  }
}

/// A report made in three parts — a head, the communes one after another in input order, and a tail — so that a
/// big batch can be written while it is evaluated, each commune let go as soon as its part is made
/// (`Checker.stream`). `renderParts` of a whole result is made of the same parts, so a streamed report and one
/// made from the whole result are the same bytes.
package protocol CommuneStreamRenderer: ReportRenderer {
  /// What the tail needs from the communes (their rows of a table whose widths only the whole batch tells), kept
  /// until the end; `NothingKept` for reports that need nothing.
  associatedtype Kept: KeptParts
  /// What the communes of a chunk written on one core share (phrases, texts of its own).
  associatedtype Writer

  /// Whether this report can be made this way with its options (the full text report cannot: its summary
  /// table comes before its groups' sections, which need the whole batch).
  var streams: Bool { get }

  /// Whether the head or the communes' parts depend on the grouping field, which is then settled first.
  var needsGrouping: Bool { get }

  /// Whether a commune's part is the same made from its summary (`StreamKept.summary(of:sharing:)`) as from its
  /// whole result: a streamed check then makes only summaries where it can (`SummaryLane`).
  var writesFromSummaries: Bool { get }

  /// What comes before the communes.
  func head(_ frame: ReportFrame) -> [UInt8]

  /// What the communes of one chunk share.
  func writer(_ frame: ReportFrame) -> Writer

  /// Appends a commune's part to `bytes`; returns what the tail will need of it.
  func write(_ commune: CommuneResult, with writer: Writer, into bytes: inout [UInt8]) -> Kept.Part

  /// What comes between two communes' parts (a JSON list's comma): each part begins with it, and the first
  /// part written loses it again.
  var separator: [UInt8] { get }

  /// What comes after the communes, from the finished result (whose communes, when streamed, were counted and
  /// not kept) and what the communes kept, written piece by piece: the text summary's table is as big as the
  /// batch.
  func tail(_ result: CheckResult, kept: Kept, write: ([UInt8]) -> Void)
}

/// Consecutive communes' parts of a report, back to back, with where each ends: a commune found to be a duplicate
/// after its part was made is cut out again.
package struct RenderedCommunes<Kept: KeptParts>: Sendable {
  package var bytes: [UInt8] = []
  /// The end of each commune's part in `bytes`.
  package var ends: [Int] = []
  package var kept = Kept()

  /// The parts of the communes at `positions` (ascending) alone.
  package func keeping(_ positions: [Int]) -> RenderedCommunes {
    var kept = RenderedCommunes()
    for position in positions {
      kept.bytes += bytes[(position == 0 ? 0 : ends[position - 1])..<ends[position]]
      kept.ends.append(kept.bytes.count)
    }
    kept.kept = self.kept.keeping(positions)
    return kept
  }
}

extension CommuneStreamRenderer {
  package var separator: [UInt8] { [] }
  package var writesFromSummaries: Bool { false }

  /// The parts of `communes`, written on one core.
  package func render(_ communes: some Collection<CommuneResult>, frame: ReportFrame) -> RenderedCommunes<Kept> {
    let writer = self.writer(frame)
    var rendered = RenderedCommunes<Kept>()
    rendered.ends.reserveCapacity(communes.count)
    let separator = self.separator
    for commune in communes {
      rendered.bytes += separator
      rendered.kept.append(write(commune, with: writer, into: &rendered.bytes))
      rendered.ends.append(rendered.bytes.count)
      // Room for the rest, guessed from the first: a chunk of JSON Lines is megabytes, grown by doubling it was
      // copied a dozen times.
      if rendered.ends.count == 1 {
        rendered.bytes.reserveCapacity(rendered.bytes.count * (communes.count + 1) * 5 / 4)
      }
    }
    return rendered
  }

  /// The parts of a whole result, the communes' made on every core in chunks.
  package func streamedParts(_ result: CheckResult) -> [[UInt8]] {
    let frame = ReportFrame(result)
    let communes = result.communes
    let chunks = ParallelMap.map(ranges: communes.count, size: 1_024) { range in
      render(communes[range], frame: frame)
    }
    var parts = chunks.map(\.bytes)
    if let first = parts.firstIndex(where: { !$0.isEmpty }) { parts[first].removeFirst(separator.count) }
    var kept = Kept()
    for chunk in chunks { kept.append(contentsOf: chunk.kept) }
    parts = [head(frame)] + parts
    tail(result, kept: kept) { parts.append($0) }
    return parts
  }
}
