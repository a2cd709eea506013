import Testing

@testable import TieuChi

/// A streamed check keeps each commune's item of its group's list packed into bytes (`PackedListItem`): what
/// comes out must be exactly what went in, since the group indicators are evaluated on it.
@Suite("Group list items packed and unpacked")
struct PackedListItemTests {
  /// Each value with everything that tells it apart: the kind, a number's numerator and denominator, a text's
  /// UTF-8 bytes (two spellings of "Đồng" compare equal as `String`s, not as bytes).
  static func describe(_ values: [InputValue]) -> [String] {
    values.map { value in
      switch value {
      case .missing: "missing"
      case .boolean(let value): "boolean \(value)"
      case .number(let number): "number \(number.numerator)/\(number.denominator)"
      case .text(let text): "text \(Array(text.utf8))"
      case .invalid(let reason): "invalid \(Array(reason.vi.utf8)) \(Array(reason.en.utf8))"
      case .list(let items): "list \(items.map { "\($0.location) \(describe($0.values))" })"
      }
    }
  }

  @Test func everyKindOfValueComesBackTheSame() {
    let numbers: [Int128] = [0, 1, -1, 63, 64, -64, -65, 127, 128, 99_995, -1_000_000, .max, .min + 1]
    var values: [InputValue] = [.missing, .boolean(true), .boolean(false)]
    values += numbers.map { .number(Rational(whole: $0)) }
    values += [
      .number(Rational(199, 2)!), .number(Rational(-1, 3)!), .number(Rational(.max, .max - 1)!),
      .number(Rational(1, .max)!), .text(""), .text("Thôn Đồng Lạc"),
      .text("Tho\u{302}n \u{110}o\u{302}\u{300}ng"), .text(String(repeating: "ạ", count: 300)),
      .invalid(LocalizedText(vi: "dữ liệu mâu thuẫn", en: "inconsistent data")), .missing,
    ]
    let packed = PackedListItem(values)
    #expect(Self.describe(packed.values) == Self.describe(values))
    // One value at a time too, so that no value only survives because of its neighbours.
    for value in values {
      #expect(Self.describe(PackedListItem([value]).values) == Self.describe([value]))
    }
    #expect(PackedListItem([]).values.isEmpty)
  }

  /// An item's bytes are written in place (`VarInt.write`) into room of the size `VarInt.length` works out: both
  /// must be what `append` writes, at every boundary of seven bits.
  @Test func aNumbersLengthIsWhatAppendWrites() {
    var values: [UInt128] = [0, 1, .max]
    for bits in 1..<128 {
      let power = UInt128(1) << bits
      values += [power - 1, power, power + 1]
    }
    for value in values {
      var bytes: [UInt8] = []
      VarInt.append(value, to: &bytes)
      #expect(VarInt.length(of: value) == bytes.count, "\(value)")
      let written = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
        VarInt.write(value, to: buffer, at: &initialized)
      }
      #expect(written == bytes, "\(value)")
    }
  }

  /// A list within an item is not packed: kept as it came.
  @Test func aListWithinTheItemIsKeptAsItIs() {
    let inner = ListItem(location: SourceLocation(file: "a.csv", line: 3, column: 1), values: [.boolean(true)])
    let values: [InputValue] = [.number(Rational(5)), .list([inner]), .text("x")]
    #expect(Self.describe(PackedListItem(values).values) == Self.describe(values))
  }
}
