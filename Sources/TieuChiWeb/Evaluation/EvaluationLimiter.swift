import Foundation
import Synchronization

/// Runs evaluations off the event loop, at most `limit` at a time; others wait their turn in order.
actor EvaluationLimiter {
  private let limit: Int
  private var running = 0
  private var waiting: [CheckedContinuation<Void, Never>] = []

  init(limit: Int) {
    self.limit = max(1, limit)
  }

  /// `work` on a thread of its own once a slot is free.
  func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await acquire()
    let value = await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
      Self.queue.async { continuation.resume(returning: work()) }
    }
    release()
    return value
  }

  /// `work` on a thread of its own once a slot is free, or nil when it has not finished within `seconds` of
  /// starting (time spent waiting for a slot does not count).
  func run<T: Sendable>(limit seconds: Double, _ work: @escaping @Sendable () -> T) async -> T? {
    await run(limit: seconds) { _ in work() }
  }

  /// `run(limit:_:)` for work that can stop early: it is given a signal that turns true when the limit passes
  /// (the library's evaluation asks it every 256 communes), so work over the limit gives its slot back within
  /// moments instead of at its end. The bound on concurrent evaluations holds either way.
  ///
  /// The work and the timer run on Dispatch, not on Swift's cooperative pool: evaluations block their thread,
  /// and with a pool as small as the machine (2 threads here) two of them would keep the timer from ever
  /// firing, and the server's other requests from being answered.
  func run<T: Sendable>(limit seconds: Double, _ work: @escaping @Sendable (StopSignal) -> T) async -> T? {
    await acquire()
    let started = ContinuousClock.now
    let limit = Duration.nanoseconds(Int64(max(0, seconds) * 1e9))
    let signal = StopSignal()
    let value = await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
      let once = ResumeOnce(continuation)
      Self.queue.async {
        let value = work(signal)
        // A result that came after the limit is over it too, whichever of the two ran first.
        once.resume(ContinuousClock.now - started > limit ? nil : value)
        Task { await self.release() }
      }
      Self.queue.asyncAfter(deadline: .now() + max(0, seconds)) {
        once.resume(nil)
        signal.stop()
      }
    }
    return value
  }

  /// Where evaluations and their timers run: Dispatch's global threads, which grow as work blocks.
  private static let queue = DispatchQueue.global(qos: .utility)

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

/// Turns true once, when the work it was given to is no longer waited for.
final class StopSignal: Sendable {
  private let flag = Mutex(false)

  var isStopped: Bool { flag.withLock { $0 } }

  func stop() { flag.withLock { $0 = true } }
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
