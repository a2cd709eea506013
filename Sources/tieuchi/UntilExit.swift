/// Values the command keeps until the process ends instead of freeing them.
///
/// A 100,000-commune result is millions of small allocations; releasing them one by one took a tenth of a
/// second at the end of every big `check`, for memory the process was about to give back to the system
/// anyway. Only for values that live until the command is done.
enum UntilExit {
  private final class Box<Value>: Sendable where Value: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
  }

  /// Keeps `value` alive until the process exits: its memory is never freed piece by piece.
  static func keep<Value: Sendable>(_ value: Value) {
    _ = Unmanaged.passRetained(Box(value))
  }
}
