/// Every counted commune's item of its group's `communes` list (`GroupEvaluator.item(for:)`), packed back to back
/// in one buffer, with what places it in a group: its group by each field it may be grouped by (numbered by the
/// `SummaryTally` that counted it) and its year.
///
/// What a check streamed through its report keeps of each commune for the group indicators: an item packed on its
/// own (`PackedListItem`) is an array with its header and allocation, about 140 bytes, and the summary it hung
/// from about 300 more; here an item is its packed bytes and a few numbers.
struct GroupItems: Sendable {
  private var bytes = SegmentedArray<UInt8>(segmentShift: 20)
  /// Where each item ends in `bytes`.
  private var ends = SegmentedArray<Int>()
  /// Items kept as they are (a list within the item: `PackedListItem` does not pack it), by position.
  private var unpacked: [Int: [InputValue]] = [:]
  /// How many values an item has (every commune's item has the same fields).
  private var valueCount = 0
  /// Field by field, each item's group number.
  private var groups: [SegmentedArray<UInt32>]
  private var years = SegmentedArray<UInt32>()
  private var yearNumbers = Numbering<Int?>()
  /// Each item's location: its line, and the rest of it (file, sheet, column) numbered.
  private var lines = SegmentedArray<Int>()
  private var places = SegmentedArray<UInt32>()
  private var placeNumbers = Numbering<Place>()
  private var lastPlace: (place: Place, number: UInt32)?

  /// A location but for its line.
  private struct Place: Hashable, Sendable {
    var file: String
    var sheet: String?
    var column: Int
    var tableColumn: Int?

    func location(line: Int) -> SourceLocation {
      var location = SourceLocation(file: file, line: line, column: column, sheet: sheet)
      location.tableColumn = tableColumn
      return location
    }
  }

  /// No item yet; `fields`: how many fields the communes may be grouped by.
  init(fields: Int) {
    groups = [SegmentedArray<UInt32>](repeating: SegmentedArray(), count: fields)
  }

  /// Keeps the item of a commune read at `location`, evaluated for `year`, in group `groups[i]` by the i-th field.
  mutating func add(_ item: PackedListItem, location: SourceLocation, year: Int?, groups numbers: [Int]) {
    valueCount = item.count
    if let packed = item.packed { bytes.append(contentsOf: packed) } else { unpacked[ends.count] = item.values }
    ends.append(bytes.count)
    for field in groups.indices { groups[field].append(UInt32(numbers[field])) }
    years.append(UInt32(yearNumbers.number(year)))
    lines.append(location.line)
    let place = Place(
      file: location.file, sheet: location.sheet, column: location.column, tableColumn: location.tableColumn)
    // The stations of a file share its name: compared with the last first, most are not hashed.
    if let last = lastPlace, last.place == place {
      places.append(last.number)
    } else {
      let number = UInt32(placeNumbers.number(place))
      lastPlace = (place, number)
      places.append(number)
    }
  }

  /// The groups by the field at `field` (nil: one group by year), in the order their first commune came, and the
  /// positions of each one's items; `keys`: the field's values, by group number.
  func groupsBy(field: Int?, keys: [String?]) -> (order: [GroupEvaluator.Key], members: [GroupEvaluator.Key: [Int]]) {
    // Grouped by their numbers, which stand one to one for the values and the years: a province's name hashed for
    // every commune was most of the serial work at the end of a national batch.
    var groupOf: [UInt64: Int] = [:]
    var order: [GroupEvaluator.Key] = []
    var members: [[Int]] = []
    for position in 0..<ends.count {
      let value = field.map { groups[$0][position] }
      let number = (value.map { UInt64($0) + 1 } ?? 0) << 32 | UInt64(years[position])
      if let group = groupOf[number] {
        members[group].append(position)
        continue
      }
      groupOf[number] = order.count
      order.append(
        GroupEvaluator.Key(value: value.flatMap { keys[Int($0)] }, year: yearNumbers.values[Int(years[position])]))
      members.append([position])
    }
    return (order, Dictionary(uniqueKeysWithValues: zip(order, members)))
  }

  /// The items at `positions`, unpacked, and where the first was read.
  func members(at positions: [Int]) -> GroupEvaluator.Members {
    let items = positions.map { position in
      let location = placeNumbers.values[Int(places[position])].location(line: lines[position])
      let start = position == 0 ? 0 : ends[position - 1]
      return ListItem(
        location: location,
        values: unpacked[position]
          ?? PackedListItem.values(packed: bytes.slice(start..<ends[position]), count: valueCount))
    }
    return GroupEvaluator.Members(items: items, location: items.first?.location)
  }
}
