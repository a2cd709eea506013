/// Values numbered 0, 1, 2… in the order they first come: a batch's thousands of communes name a few dozen
/// provinces and years, kept once each and referred to by number.
struct Numbering<Numbered: Hashable & Sendable>: Sendable {
  /// Each value, at its number.
  private(set) var values: [Numbered] = []
  private var numbers: [Numbered: Int] = [:]

  /// The value's number, given it now if it has none.
  mutating func number(_ value: Numbered) -> Int {
    if let number = numbers[value] { return number }
    numbers[value] = values.count
    values.append(value)
    return values.count - 1
  }
}
