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
