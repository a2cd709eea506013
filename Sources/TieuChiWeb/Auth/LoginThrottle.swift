import Foundation

/// Counts failed logins per user name and per client address, and refuses further attempts from either
/// once `limit` failures fall within `window` seconds — so neither one account nor one address can be used
/// to guess passwords quickly.
actor LoginThrottle {
  private let limit: Int
  private let window: Double
  private var failures: [String: [Date]] = [:]

  init(limit: Int, window: Double) {
    self.limit = limit
    self.window = window
  }

  /// Whether an attempt for `user` from `address` may be tried now.
  func allows(user: String, address: String, now: Date) -> Bool {
    prune(now: now)
    return (failures["u:" + user.lowercased()]?.count ?? 0) < limit
      && (failures["a:" + address]?.count ?? 0) < limit
  }

  /// Records a failed attempt.
  func fail(user: String, address: String, now: Date) {
    failures["u:" + user.lowercased(), default: []].append(now)
    failures["a:" + address, default: []].append(now)
  }

  /// Forgets the failures of `user` after a successful login (the address keeps its count).
  func succeed(user: String) {
    failures["u:" + user.lowercased()] = nil
  }

  private func prune(now: Date) {
    let cutoff = now.addingTimeInterval(-window)
    for (key, dates) in failures {
      let kept = dates.filter { $0 > cutoff }
      failures[key] = kept.isEmpty ? nil : kept
    }
  }
}
