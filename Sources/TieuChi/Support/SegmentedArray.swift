/// An array grown a segment at a time, for what a check keeps of each of a million communes: appending never
/// copies what is there and leaves at most one segment spare, where an array doubling its storage copies
/// everything a dozen times over and may hold nearly twice what it needs, three times while it grows.
struct SegmentedArray<Element: Sendable>: Sendable {
  private var segments: [[Element]] = []
  /// Elements a segment holds: 2 to the power `shift`.
  private let shift: Int
  private(set) var count = 0

  /// Segments of 2^`shift` elements.
  init(segmentShift shift: Int = 16) {
    self.shift = shift
  }

  var isEmpty: Bool { count == 0 }

  mutating func append(_ element: Element) {
    if count & ((1 << shift) - 1) == 0 { addSegment() }
    segments[segments.count - 1].append(element)
    count += 1
  }

  /// Appends `elements`, filling the last segment before starting the next.
  mutating func append(contentsOf elements: some Collection<Element>) {
    var rest = elements[...]
    while !rest.isEmpty {
      if count & ((1 << shift) - 1) == 0 { addSegment() }
      let room = (1 << shift) - (count & ((1 << shift) - 1))
      let part = rest.prefix(room)
      segments[segments.count - 1].append(contentsOf: part)
      count += part.count
      rest = rest.dropFirst(part.count)
    }
  }

  subscript(index: Int) -> Element {
    segments[index >> shift][index & ((1 << shift) - 1)]
  }

  /// Appends another's elements a segment at a time.
  mutating func append(contentsOf other: SegmentedArray) {
    for segment in other.segments { append(contentsOf: segment) }
  }

  /// The elements in `range`, copied out.
  func elements(_ range: Range<Int>) -> [Element] {
    var copy: [Element] = []
    copy.reserveCapacity(range.count)
    var start = range.lowerBound
    while start < range.upperBound {
      let segment = start >> shift
      let offset = start & ((1 << shift) - 1)
      let end = min(range.upperBound, (segment + 1) << shift)
      copy += segments[segment][offset..<(offset + end - start)]
      start = end
    }
    return copy
  }

  /// The elements in `range`: a slice of the segment that holds them all, or else copied out (nearly never: a
  /// range is a commune's item, a segment holds thousands).
  func slice(_ range: Range<Int>) -> ArraySlice<Element> {
    let segment = range.lowerBound >> shift
    guard range.upperBound <= (segment + 1) << shift, segment < segments.count else { return elements(range)[...] }
    let offset = range.lowerBound & ((1 << shift) - 1)
    return segments[segment][offset..<(offset + range.count)]
  }

  /// The first segment grows as an array does (most are small: a chunk's), the others are made whole.
  private mutating func addSegment() {
    var segment: [Element] = []
    if !segments.isEmpty { segment.reserveCapacity(1 << shift) }
    segments.append(segment)
  }
}
