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

/// Texts (or their absence) numbered as `Numbering` numbers them — by Swift's equality, canonical equivalence — but
/// found by their bytes first: hashing a `String` normalises it, and a province's name hashed that way for every
/// commune of a national batch was a fifth of the time the one thread admitting communes spent.
///
/// Each spelling met is hashed the usual way once, then remembered by its bytes. Equal bytes are always the same
/// text, so the numbers are exactly `Numbering`'s.
struct TextNumbering: Sendable {
  private var numbering = Numbering<String?>()
  private var bySpelling: [Spelling: Int] = [:]

  /// Each text, at its number.
  var values: [String?] { numbering.values }

  /// The text's number, given it now if it has none.
  mutating func number(_ text: String?) -> Int {
    let spelling = Spelling(text: text)
    if let number = bySpelling[spelling] { return number }
    let number = numbering.number(text)
    bySpelling[spelling] = number
    return number
  }

  /// A text as its UTF-8 bytes, hashed and compared byte by byte.
  private struct Spelling: Hashable, Sendable {
    var text: String?

    func hash(into hasher: inout Hasher) {
      guard var bytes = text else {
        hasher.combine(0 as UInt8)
        return
      }
      hasher.combine(1 as UInt8)
      bytes.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (lhs: Spelling, rhs: Spelling) -> Bool {
      switch (lhs.text, rhs.text) {
      case (nil, nil): return true
      case (var left?, var right?): return left.withUTF8 { left in right.withUTF8 { left.hasSameBytes(as: $0) } }
      default: return false
      }
    }
  }
}
