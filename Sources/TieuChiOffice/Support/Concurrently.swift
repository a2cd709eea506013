import Dispatch
import Synchronization

/// Independent pieces of work run on every core, each result kept at its piece's position.
enum Concurrently {
  /// `(0..<count).map(body)`, the calls spread over the cores. Meant for pieces of real size (a block of
  /// rows, a megabyte to deflate): results are stored under a lock, once per piece.
  static func map<R: Sendable>(_ count: Int, _ body: @Sendable (Int) -> R) -> [R] {
    guard count > 1 else { return (0..<count).map(body) }
    let results = Mutex<[R?]>(Array(repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { index in
      let result = body(index)
      results.withLock { $0[index] = result }
    }
    return results.withLock { $0.map { $0! } }
  }
}
