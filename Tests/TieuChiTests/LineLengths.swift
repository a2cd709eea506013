// Shared by the reader tests and the fuzz harnesses (Fuzz/Sources/tieuchi-fuzz/LineLengths.swift is a link to
// this file): one definition of "inside the input" for both. Plain Swift, no import, so that it compiles in
// either package.

/// Lines and columns as the readers count them, to check that every location lies inside its input.
enum LineLengths {
  /// The number of Unicode scalars on each line of `bytes`, lines split as the readers split them (LF, CR,
  /// CRLF; with `yamlBreaks` also NEL, LS and PS), a UTF-8 byte order mark taking no column.
  /// UTF-16 with a byte order mark is measured as the readers read it, transcoded: its lines and columns are
  /// its characters, not its bytes.
  static func of(_ bytes: [UInt8], yamlBreaks: Bool) -> [Int] {
    let bytes = transcodedUTF16(bytes) ?? bytes
    var lengths = [0]
    var offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte == 0x0A || byte == 0x0D {
        if byte == 0x0D, offset + 1 < bytes.count, bytes[offset + 1] == 0x0A { offset += 1 }
        lengths.append(0)
      } else if yamlBreaks, byte == 0xC2, offset + 1 < bytes.count, bytes[offset + 1] == 0x85 {
        offset += 1
        lengths.append(0)
      } else if yamlBreaks, byte == 0xE2, offset + 2 < bytes.count, bytes[offset + 1] == 0x80,
        bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9
      {
        offset += 2
        lengths.append(0)
      } else if byte & 0xC0 != 0x80 {
        lengths[lengths.count - 1] += 1
      }
      offset += 1
    }
    return lengths
  }

  /// The UTF-8 form of well-formed UTF-16 with a byte order mark, without the mark; nil for anything else.
  static func transcodedUTF16(_ bytes: [UInt8]) -> [UInt8]? {
    guard bytes.count >= 2, bytes.count % 2 == 0 else { return nil }
    let bigEndian: Bool
    switch (bytes[0], bytes[1]) {
    case (0xFE, 0xFF): bigEndian = true
    case (0xFF, 0xFE): bigEndian = false
    default: return nil
    }
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var offset = 2
    while offset + 1 < bytes.count {
      let high = UInt16(bytes[bigEndian ? offset : offset + 1])
      let low = UInt16(bytes[bigEndian ? offset + 1 : offset])
      units.append(high << 8 | low)
      offset += 2
    }
    return String(validating: units, as: UTF16.self).map { Array($0.utf8) }
  }
}
