import Foundation

/// Runs evaluations off the event loop, at most `limit` at a time; others wait their turn in order.
actor EvaluationLimiter {
  private let limit: Int
  private var running = 0
  private var waiting: [CheckedContinuation<Void, Never>] = []

  init(limit: Int) {
    self.limit = max(1, limit)
  }

  /// `work` on a detached task once a slot is free.
  func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await acquire()
    let value = await Task.detached(priority: .utility) { work() }.value
    release()
    return value
  }

  /// `work` on a detached task once a slot is free, or nil when it has not finished within `seconds` of
  /// starting (time spent waiting for a slot does not count).
  ///
  /// The library's evaluation cannot be interrupted, so work over the limit runs on to its end and keeps its
  /// slot until then: the bound on concurrent evaluations holds, only the caller stops waiting.
  func run<T: Sendable>(limit seconds: Double, _ work: @escaping @Sendable () -> T) async -> T? {
    await acquire()
    let started = ContinuousClock.now
    let task = Task.detached(priority: .utility) { work() }
    Task {
      _ = await task.value
      release()
    }
    return await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
      let once = ResumeOnce(continuation)
      let timer = Task {
        try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
        once.resume(nil)
      }
      Task {
        let value = await task.value
        // A result that came after the limit is over it too, whichever task the scheduler ran first. The timer
        // is stopped only after resuming: once cancelled, it would resume at once with nil.
        once.resume(ContinuousClock.now - started > .nanoseconds(Int64(max(0, seconds) * 1e9)) ? nil : value)
        timer.cancel()
      }
    }
  }

  private func acquire() async {
    if running < limit {
      running += 1
      return
    }
    await withCheckedContinuation { waiting.append($0) }
  }

  private func release() {
    if waiting.isEmpty {
      running -= 1
    } else {
      waiting.removeFirst().resume()
    }
  }
}

/// A continuation resumed by whichever of two tasks comes first; the later one is ignored.
private final class ResumeOnce<T: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var continuation: CheckedContinuation<T, Never>?

  init(_ continuation: CheckedContinuation<T, Never>) {
    self.continuation = continuation
  }

  func resume(_ value: T) {
    let pending: CheckedContinuation<T, Never>? = lock.withLock {
      defer { continuation = nil }
      return continuation
    }
    pending?.resume(returning: value)
  }
}
