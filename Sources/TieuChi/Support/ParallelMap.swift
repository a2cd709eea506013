import Dispatch
import Synchronization

/// Maps work over items on all cores, keeping their order. Open to the package: renderers outside the core library
/// (the workbook) make their rows commune by commune with it too.
package enum ParallelMap {
  /// `items.map(transform)`, with chunks of `chunkSize` items handed to worker threads.
  package static func map<T: Sendable, R: Sendable>(_ items: [T], chunkSize: Int = 1, _ transform: @Sendable (T) -> R)
    -> [R]
  {
    let chunks = (items.count + chunkSize - 1) / chunkSize
    guard chunks > 1 else { return items.map(transform) }
    let slots = Slots<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      for index in (chunk * chunkSize)..<min(items.count, (chunk + 1) * chunkSize) {
        slots.store(transform(items[index]), at: index)
      }
    }
    return slots.finish()
  }

  /// `0..<count` cut into consecutive ranges of at most `size` (the last may be shorter).
  package static func ranges(_ count: Int, size: Int) -> [Range<Int>] {
    stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
  }

  /// `body` over each of `ranges(count, size:)` on every core, the results in the ranges' order: the shape of
  /// every stage that works through a batch in chunks and puts the pieces together in input order.
  package static func map<R: Sendable>(ranges count: Int, size: Int, _ body: @Sendable (Range<Int>) -> R) -> [R] {
    map(ranges(count, size: size), body)
  }

  /// `map(items, chunkSize:, transform)`, or nil when `stop` says so: it is asked before each chunk, so
  /// work stops within a chunk of being asked to (a client's time limit), and no partial result is kept.
  static func map<T: Sendable, R: Sendable>(
    _ items: [T], chunkSize: Int, stoppingWhen stop: @Sendable () -> Bool, _ transform: @Sendable (T) -> R
  ) -> [R]? {
    let chunks = (items.count + chunkSize - 1) / chunkSize
    let slots = Slots<R>(count: items.count)
    // Set by whichever worker is told to stop; the others then skip their chunks.
    let stopped = Mutex(false)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      guard !stopped.withLock({ $0 }) else { return }
      guard !stop() else {
        stopped.withLock { $0 = true }
        return
      }
      for index in (chunk * chunkSize)..<min(items.count, (chunk + 1) * chunkSize) {
        slots.store(transform(items[index]), at: index)
      }
    }
    return stopped.withLock { $0 } ? nil : slots.finish()
  }

  /// `for index in 0..<count { consume(produce(index)) }`, with `produce(index + 1)` (work that spreads over every
  /// core itself) made while the calling thread consumes `produce(index)`: a batch streamed a window at a time
  /// no longer leaves a core idle while each window is admitted and written in order.
  ///
  /// `consume` runs on the calling thread, in order; at most one window waits beside the one consumed.
  package static func pipelined<W: Sendable>(
    _ count: Int, produce: @escaping @Sendable (Int) -> W, consume: (W) -> Void
  ) {
    guard count > 1 else {
      if count == 1 { consume(produce(0)) }
      return
    }
    var next = Pending { produce(0) }
    for index in 0..<count {
      let current = next.value()
      if index + 1 < count { next = Pending { produce(index + 1) } }
      consume(current)
    }
  }

  /// `(first(), second())`, `first` on another thread while the calling thread does `second`: two independent
  /// pieces of work at the end of a check (its groups and its totals).
  package static func both<A: Sendable, B>(_ first: @escaping @Sendable () -> A, _ second: () -> B) -> (A, B) {
    let pending = Pending(first)
    let b = second()
    return (pending.value(), b)
  }

  /// Work started on another thread, its result taken once it is done.
  private final class Pending<W: Sendable>: @unchecked Sendable {
    // Written once by the worker before it signals, read by the waiter after: the semaphore orders the two.
    private var result: W?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> W) {
      DispatchQueue.global().async {
        self.result = work()
        self.done.signal()
      }
    }

    func value() -> W {
      done.wait()
      return result.take()!
    }
  }

  /// Results written concurrently into distinct slots and read after every writer is done; a raw
  /// buffer avoids the exclusivity checks an Array property would make across threads.
  private final class Slots<R>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<R?>

    init(count: Int) {
      buffer = .allocate(capacity: count)
      buffer.initialize(repeating: nil)
    }

    func store(_ value: R, at index: Int) { buffer[index] = value }

    func finish() -> [R] { buffer.map { $0! } }

    deinit {
      buffer.deinitialize()
      buffer.deallocate()
    }
  }
}
