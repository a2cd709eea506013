/// The fields of a posted form (`application/x-www-form-urlencoded` or the text parts of
/// `multipart/form-data`), in order; a name may repeat.
struct FormFields: Sendable {
  private(set) var pairs: [(name: String, value: String)] = []

  init(_ pairs: [(name: String, value: String)] = []) {
    self.pairs = pairs
  }

  /// Parses a urlencoded body (`a=1&b=x+y`); malformed escapes are kept as written.
  init(urlEncoded bytes: [UInt8]) {
    for part in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
      let pieces = part.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
      let name = Self.decode(pieces[0])
      let value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
      pairs.append((name, value))
    }
  }

  /// The first value of `name`.
  subscript(name: String) -> String? {
    pairs.first { $0.name == name }?.value
  }

  /// Every value of `name`.
  func all(_ name: String) -> [String] {
    pairs.filter { $0.name == name }.map(\.value)
  }

  mutating func append(_ name: String, _ value: String) {
    pairs.append((name, value))
  }

  private static func decode(_ bytes: ArraySlice<UInt8>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte == UInt8(ascii: "+") {
        out.append(UInt8(ascii: " "))
      } else if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
        let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2])
      {
        out.append(high << 4 | low)
        index += 2
      } else {
        out.append(byte)
      }
      index += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func hex(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
