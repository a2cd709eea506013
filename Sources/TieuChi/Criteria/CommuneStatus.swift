/// The outcome for a commune.
public enum CommuneStatus: String, Sendable, CaseIterable {
  /// The pass rule holds, with every applicable indicator known.
  case pass
  /// The pass rule cannot hold, whatever the unknown values turn out to be.
  case fail
  /// It could still go either way: some data is missing or inconsistent.
  case incomplete
}
