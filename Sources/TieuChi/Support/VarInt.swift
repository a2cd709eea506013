/// Whole numbers seven bits a byte, lowest first, the last byte's high bit clear: what a check keeps of a million
/// communes (their group items, their summary rows) is mostly small numbers, one or two bytes each this way.
enum VarInt {
  /// Appends `value`.
  static func append(_ value: UInt128, to bytes: inout [UInt8]) {
    // Most are lengths and widths of a few dozen: one byte, without shifting 128 bits.
    if value < 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: value))
      return
    }
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// Writes `value` into `buffer` at `position` (moved past it), as `append` appends it: the room is the caller's
  /// to have made (`length(of:)`).
  static func write(_ value: UInt128, to buffer: UnsafeMutableBufferPointer<UInt8>, at position: inout Int) {
    var rest = value
    while rest >= 0x80 {
      buffer[position] = UInt8(truncatingIfNeeded: rest) | 0x80
      position += 1
      rest >>= 7
    }
    buffer[position] = UInt8(truncatingIfNeeded: rest)
    position += 1
  }

  /// How many bytes `append` writes for `value`.
  static func length(of value: UInt128) -> Int {
    value < 0x80 ? 1 : (128 - value.leadingZeroBitCount + 6) / 7
  }

  /// The number at `position` (moved past it); nil when `bytes` end within it or it is too long for 128 bits.
  static func read<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at position: inout Int) -> UInt128?
  where Bytes.Index == Int {
    var value: UInt128 = 0
    var shift: UInt128 = 0
    while position < bytes.endIndex, shift < 128 {
      let byte = bytes[position]
      position += 1
      value |= UInt128(byte & 0x7f) << shift
      if byte < 0x80 { return value }
      shift += 7
    }
    return nil
  }
}
