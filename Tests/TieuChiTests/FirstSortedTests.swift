import Testing

@testable import TieuChi

/// `first(_:sortedBy:)` picks what the report's charts show: it must be exactly the start of the stable sort,
/// ties in input order included.
@Suite("The first elements of a stable sort, without sorting")
struct FirstSortedTests {
  @Test(arguments: [0, 1, 5, 25, 50, 300])
  func sameAsTheStableSortsPrefix(count: Int) {
    var generator = SplitMix64(seed: UInt64(count) + 7)
    for length in [0, 1, 2, 10, 100, 1_000] {
      // Few distinct values: many ties, whose order is what a wrong selection would get wrong.
      let items = (0..<length).map { index in (value: Int.random(in: 0..<20, using: &generator), index: index) }
      for ascending in [true, false] {
        let order: ((value: Int, index: Int), (value: Int, index: Int)) -> Bool =
          ascending ? { $0.value < $1.value } : { $0.value > $1.value }
        let expected = Array(items.sorted(by: order).prefix(count))
        let chosen = items.first(count, sortedBy: order)
        #expect(chosen.map(\.index) == expected.map(\.index), "\(length) items, \(count), ascending \(ascending)")
      }
    }
  }
}
