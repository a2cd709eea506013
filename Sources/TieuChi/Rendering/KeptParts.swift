/// What a report streamed through a check (`CommuneStreamRenderer`) keeps of its communes for its tail, appended
/// to in input order: a chunk's, then the whole batch's.
package protocol KeptParts: Sendable {
  /// What one commune leaves.
  associatedtype Part
  /// Nothing kept yet.
  init()
  mutating func append(_ part: Part)
  /// Appends what a later chunk kept.
  mutating func append(contentsOf other: Self)
  /// What the communes at `positions` (ascending) left, alone: a commune found to be a duplicate after its part
  /// was made is cut out again.
  func keeping(_ positions: [Int]) -> Self
}

/// Nothing: a report whose tail needs nothing of its communes.
package struct NothingKept: KeptParts {
  package init() {}
  package mutating func append(_ part: Void) {}
  package mutating func append(contentsOf other: NothingKept) {}
  package func keeping(_ positions: [Int]) -> NothingKept { self }
}
