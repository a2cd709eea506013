/// A commune's item of its group's `communes` list, its values packed into bytes.
///
/// A streamed check keeps this item of every commune until the groups are evaluated at the end. Unpacked, it is
/// an `InputValue` of 48 bytes per field (a `Rational` is two `Int128`s), about 1.2 KB a commune with the
/// national set: 1.2 GB for a million communes. Packed, a yes/no is one byte and a count two or three. Unpacking
/// gives back the same values exactly: numbers are their numerator and denominator, texts their UTF-8 bytes.
struct PackedListItem: Sendable {
  private enum Storage: Sendable {
    case bytes([UInt8])
    /// A value this packing does not cover (a list within the item): kept as it is.
    case item([InputValue])
  }

  private let storage: Storage
  /// How many values the item has.
  let count: Int

  private enum Tag: UInt8 {
    case missing, no, yes, whole, fraction, text, invalid
  }

  init(_ values: [InputValue]) {
    count = values.count
    // At their size at once: grown a few bytes at a time, an item was allocated and copied several times, and
    // a grown array holds up to twice what it needs.
    guard let size = Self.packedSize(values) else {
      storage = .item(values)
      return
    }
    // Written in place: appended byte by byte, each byte was a check that the array is not shared.
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      var writer = Writer(buffer: buffer)
      for value in values {
        switch value {
        case .missing: writer.byte(Tag.missing.rawValue)
        case .boolean(let value): writer.byte(value ? Tag.yes.rawValue : Tag.no.rawValue)
        case .number(let number) where number.denominator == 1:
          writer.byte(Tag.whole.rawValue)
          writer.signed(number.numerator)
        case .number(let number):
          writer.byte(Tag.fraction.rawValue)
          writer.signed(number.numerator)
          writer.signed(number.denominator)
        case .text(let text):
          writer.byte(Tag.text.rawValue)
          writer.text(text)
        case .invalid(let reason):
          writer.byte(Tag.invalid.rawValue)
          writer.text(reason.vi)
          writer.text(reason.en)
        case .list:
          preconditionFailure("a list is kept as it is: packedSize said so")
        }
      }
      precondition(writer.position == size, "packedSize counts what the writer writes")
      initialized = size
    }
    storage = .bytes(bytes)
  }

  /// Writes an item's bytes into room made for exactly them (`packedSize`).
  private struct Writer {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var position = 0

    mutating func byte(_ byte: UInt8) {
      buffer[position] = byte
      position += 1
    }

    /// A `VarInt` with the sign zigzagged into the lowest bit, so that small negative numbers are short too.
    mutating func signed(_ value: Int128) {
      VarInt.write(PackedListItem.zigzag(value), to: buffer, at: &position)
    }

    /// Its length, then its UTF-8 bytes.
    mutating func text(_ text: String) {
      var text = text
      // From the contiguous bytes: the `UTF8View` goes through a generic path byte by byte.
      text.withUTF8 { utf8 in
        signed(Int128(utf8.count))
        guard let source = utf8.baseAddress, let room = buffer.baseAddress, position + utf8.count <= buffer.count
        else {
          precondition(utf8.isEmpty, "packedSize counts the text's bytes")
          return
        }
        (room + position).initialize(from: source, count: utf8.count)
        position += utf8.count
      }
    }
  }

  /// How many bytes `values` pack into; nil when they are kept as they are (a list within the item).
  private static func packedSize(_ values: [InputValue]) -> Int? {
    var size = values.count
    for value in values {
      switch value {
      case .missing, .boolean: break
      case .number(let number) where number.denominator == 1: size += length(signed: number.numerator)
      case .number(let number): size += length(signed: number.numerator) + length(signed: number.denominator)
      case .text(let text): size += length(text)
      case .invalid(let reason): size += length(reason.vi) + length(reason.en)
      case .list: return nil
      }
    }
    return size
  }

  /// The values, as they were given.
  var values: [InputValue] {
    switch storage {
    case .item(let values): values
    case .bytes(let bytes): Self.values(packed: bytes[...], count: count)
    }
  }

  /// The packed values (read back by `values(packed:)`); nil when the values are kept as they are.
  var packed: [UInt8]? {
    guard case .bytes(let packed) = storage else { return nil }
    return packed
  }

  /// The `count` values packed in `bytes` (one item's `packed`): made at their size at once, a group of 30,000
  /// communes' items unpacked at the end of a national batch were a tenth bigger grown one by one.
  static func values(packed bytes: ArraySlice<UInt8>, count: Int) -> [InputValue] {
    var values: [InputValue] = []
    values.reserveCapacity(count)
    var position = bytes.startIndex
    while position < bytes.endIndex {
      let tag = Tag(rawValue: bytes[position])!
      position += 1
      switch tag {
      case .missing: values.append(.missing)
      case .no: values.append(.boolean(false))
      case .yes: values.append(.boolean(true))
      case .whole: values.append(.number(Rational(whole: Self.signed(bytes, at: &position))))
      case .fraction:
        let numerator = Self.signed(bytes, at: &position)
        let denominator = Self.signed(bytes, at: &position)
        // Already reduced when packed: it reduces to itself.
        values.append(.number(Rational(numerator, denominator)!))
      case .text: values.append(.text(Self.text(bytes, at: &position)))
      case .invalid:
        let vi = Self.text(bytes, at: &position)
        values.append(.invalid(LocalizedText(vi: vi, en: Self.text(bytes, at: &position))))
      }
    }
    return values
  }

  /// A signed number as the unsigned one packed: small magnitudes, either sign, give small numbers.
  private static func zigzag(_ value: Int128) -> UInt128 {
    UInt128(bitPattern: (value << 1) ^ (value >> 127))
  }

  private static func length(signed value: Int128) -> Int {
    VarInt.length(of: zigzag(value))
  }

  private static func length(_ text: String) -> Int {
    length(signed: Int128(text.utf8.count)) + text.utf8.count
  }

  /// Packed here, so always whole.
  private static func signed(_ bytes: ArraySlice<UInt8>, at position: inout Int) -> Int128 {
    let value = VarInt.read(bytes, at: &position)!
    return Int128(bitPattern: value >> 1) ^ -Int128(bitPattern: value & 1)
  }

  private static func text(_ bytes: ArraySlice<UInt8>, at position: inout Int) -> String {
    let count = Int(signed(bytes, at: &position))
    defer { position += count }
    return String(decoding: bytes[position..<(position + count)], as: UTF8.self)
  }
}
