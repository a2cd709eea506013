import Foundation
import TieuChi

/// The results of the last few evaluations of stored rounds, so that the result page, the downloads and
/// the comparison of a round just uploaded do not evaluate it again.
///
/// Safe because a round never changes: its files, options and criteria version (by content hash) are fixed
/// when it is stored, and the library's evaluation is deterministic. Bounded: the oldest entry goes first.
final class ResultCache: @unchecked Sendable {
  private let lock = NSLock()
  private let capacity: Int
  private var entries: [String: (result: CheckResult, unread: [String])] = [:]
  private var order: [String] = []

  init(capacity: Int) {
    self.capacity = max(0, capacity)
  }

  /// The key of round `round` compared with round `baseline` (nil: none).
  static func key(round: Int64, baseline: Int64?) -> String {
    "\(round)/\(baseline.map(String.init) ?? "-")"
  }

  subscript(key: String) -> (result: CheckResult, unread: [String])? {
    get { lock.withLock { entries[key] } }
    set {
      guard capacity > 0 else { return }
      lock.withLock {
        if entries.updateValue(newValue!, forKey: key) == nil { order.append(key) }
        while order.count > capacity { entries[order.removeFirst()] = nil }
      }
    }
  }
}
