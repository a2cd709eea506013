extension Sequence {
  /// The first `count` elements of `sorted(by: areInIncreasingOrder)` — the same elements in the same order,
  /// equal ones kept in their input order as the stable sort keeps them — without sorting the rest: a chart of
  /// the 50 communes nearest a threshold need not sort 100,000 exact fractions.
  func first(_ count: Int, sortedBy areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
    guard count > 0 else { return [] }
    var chosen: [Element] = []
    chosen.reserveCapacity(count + 1)
    for element in self {
      // A full list takes only what sorts strictly before its last: an equal one comes later in the input,
      // so a stable sort puts it after.
      if chosen.count == count, !areInIncreasingOrder(element, chosen[count - 1]) { continue }
      let position = chosen.firstIndex { areInIncreasingOrder(element, $0) } ?? chosen.count
      chosen.insert(element, at: position)
      if chosen.count > count { chosen.removeLast() }
    }
    return chosen
  }
}
