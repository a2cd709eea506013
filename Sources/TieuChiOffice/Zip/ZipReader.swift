#if canImport(CZlib)
  internal import CZlib
#elseif canImport(zlib)
  internal import zlib
#endif

/// Reads the entries of an in-memory zip archive, with every size checked against `XLSXLimits` while inflating.
///
/// Written here rather than taken from ZIPFoundation: its Linux inflate loop reads past a stream that does not end
/// (a stored block running into the central directory) and then spins forever on empty reads, and it trusts the
/// declared sizes. This reader parses the central directory itself, bounds every offset by the buffer, hands zlib
/// exactly the declared compressed bytes, and counts the output as it comes.
struct ZipReader {
  /// One central-directory record.
  struct Entry {
    var name: String
    var flags: UInt16
    var method: UInt16
    var crc32: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var localHeaderOffset: Int
  }

  private let bytes: [UInt8]
  private let limits: XLSXLimits
  /// Entries by lower-cased name (package part names are case-insensitive), directories left out.
  private(set) var entries: [String: Entry] = [:]
  /// Bytes inflated so far, for `XLSXLimits.maximumTotalSize`.
  private var totalInflated = 0

  init(bytes: [UInt8], limits: XLSXLimits) throws(XLSXReadError) {
    self.bytes = bytes
    self.limits = limits
    try readCentralDirectory()
  }

  private func uint16(_ offset: Int) -> Int {
    Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
  }

  private func uint32(_ offset: Int) -> Int {
    uint16(offset) | uint16(offset + 2) << 16
  }

  private mutating func readCentralDirectory() throws(XLSXReadError) {
    // The end-of-central-directory record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
    let minimum = 22
    guard bytes.count >= minimum else { throw .notAZip }
    var end = -1
    var offset = bytes.count - minimum
    let lowest = max(0, bytes.count - minimum - 65_535)
    while offset >= lowest {
      if bytes[offset] == 0x50, bytes[offset + 1] == 0x4B, bytes[offset + 2] == 5, bytes[offset + 3] == 6 {
        end = offset
        break
      }
      offset -= 1
    }
    guard end >= 0 else { throw .notAZip }
    let disk = uint16(end + 4)
    let directoryDisk = uint16(end + 6)
    let count = uint16(end + 10)
    let directorySize = uint32(end + 12)
    let directoryOffset = uint32(end + 16)
    guard disk == 0, directoryDisk == 0 else {
      throw .unsupportedZipFeature(part: "", feature: "split archive")
    }
    if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF || directorySize == 0xFFFF_FFFF {
      throw .unsupportedZipFeature(part: "", feature: "ZIP64")
    }
    guard count <= limits.maximumEntryCount else {
      throw .tooManyEntries(count: count, limit: limits.maximumEntryCount)
    }
    guard directoryOffset <= end, directorySize <= end - directoryOffset else {
      throw .damagedZip("central directory outside the file")
    }
    var position = directoryOffset
    for index in 0..<count {
      guard position + 46 <= end, uint32(position) == 0x0201_4B50 else {
        throw .damagedZip("central directory record \(index + 1)")
      }
      let nameLength = uint16(position + 28)
      let extraLength = uint16(position + 30)
      let commentLength = uint16(position + 32)
      let recordEnd = position + 46 + nameLength + extraLength + commentLength
      guard recordEnd <= end else { throw .damagedZip("central directory record \(index + 1)") }
      // Names are ASCII in every workbook; anything else is decoded leniently, it will simply not match a part.
      let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
      let entry = Entry(
        name: name, flags: UInt16(uint16(position + 8)), method: UInt16(uint16(position + 10)),
        crc32: UInt32(uint32(position + 16)), compressedSize: uint32(position + 20),
        uncompressedSize: uint32(position + 24), localHeaderOffset: uint32(position + 42))
      position = recordEnd
      try Self.checkSafe(name)
      if name.hasSuffix("/") { continue }  // a directory
      let key = name.lowercased()
      guard entries[key] == nil else { throw .duplicateEntry(name) }
      entries[key] = entry
    }
  }

  /// Refuses names that would escape an extraction folder or that mean different files on different systems.
  static func checkSafe(_ name: String) throws(XLSXReadError) {
    let components = name.split(separator: "/", omittingEmptySubsequences: false)
    let isDirectory = name.hasSuffix("/")
    let meaningful = isDirectory ? components.dropLast() : components[...]
    guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"), !name.contains("\0"),
      !(name.utf8.count >= 2 && name.utf8.dropFirst().first == UInt8(ascii: ":")),  // C:...
      meaningful.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
    else { throw .unsafeEntryName(name) }
  }

  /// Whether the archive has an entry named `name` (ignoring case).
  func contains(_ name: String) -> Bool {
    entries[name.lowercased()] != nil
  }

  /// The bytes of `name`, or `nil` if there is no such entry; throws when a limit is passed or the data is corrupt.
  mutating func read(_ name: String) throws(XLSXReadError) -> [UInt8]? {
    guard let entry = entries[name.lowercased()] else { return nil }
    let part = entry.name
    if entry.flags & 1 != 0 { throw .unsupportedZipFeature(part: part, feature: "encryption") }
    guard entry.uncompressedSize <= limits.maximumPartSize else {
      throw .partTooLarge(part: part, limit: limits.maximumPartSize)
    }
    guard totalInflated + entry.uncompressedSize <= limits.maximumTotalSize else {
      throw .totalSizeTooLarge(limit: limits.maximumTotalSize)
    }
    // A declared size that already breaks the ratio is refused before anything is inflated (and so bounds the
    // first allocation below); the inflate loop checks the same rule on what is actually produced.
    if entry.method == 8, exceedsRatio(entry.uncompressedSize, compressed: entry.compressedSize) {
      throw .compressionRatioTooHigh(part: part, limit: limits.maximumCompressionRatio)
    }
    let header = entry.localHeaderOffset
    guard header <= bytes.count - 30, uint32(header) == 0x0403_4B50 else {
      throw .damagedZip("local header of \(part)")
    }
    let dataStart = header + 30 + uint16(header + 26) + uint16(header + 28)
    guard dataStart <= bytes.count, entry.compressedSize <= bytes.count - dataStart else {
      throw .damagedZip("data of \(part) outside the file")
    }
    let output: [UInt8]
    switch entry.method {
    case 0:
      guard entry.compressedSize == entry.uncompressedSize else {
        throw .sizeMismatch(part: part, declared: entry.uncompressedSize)
      }
      output = Array(bytes[dataStart..<(dataStart + entry.compressedSize)])
    case 8:
      output = try inflate(entry, from: dataStart)
    default:
      throw .unsupportedZipFeature(part: part, feature: "compression method \(entry.method)")
    }
    guard output.count == entry.uncompressedSize else {
      throw .sizeMismatch(part: part, declared: entry.uncompressedSize)
    }
    let checksum = output.withUnsafeBufferPointer { buffer in
      UInt32(truncatingIfNeeded: crc32(0, buffer.baseAddress, uInt(buffer.count)))
    }
    guard checksum == entry.crc32 else { throw .damagedPart(part) }
    totalInflated += output.count
    return output
  }

  /// Whether `size` bytes from `compressed` bytes is past `XLSXLimits.maximumCompressionRatio` (and large enough
  /// to be held to it).
  private func exceedsRatio(_ size: Int, compressed: Int) -> Bool {
    size > limits.compressionRatioThreshold && size / max(compressed, 1) > limits.maximumCompressionRatio
  }

  /// Inflates the raw deflate stream of `entry`, aborting as soon as the output passes the declared size or a limit.
  private func inflate(_ entry: Entry, from dataStart: Int) throws(XLSXReadError) -> [UInt8] {
    let part = entry.name
    // The declared size is trusted for the first allocation only (it has been checked against the part limit).
    var output = [UInt8](repeating: 0, count: min(entry.uncompressedSize, limits.maximumPartSize))
    var produced = 0
    var stream = z_stream()
    guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw .damagedPart(part)
    }
    defer { inflateEnd(&stream) }
    let failure: XLSXReadError? = bytes.withUnsafeBufferPointer { input -> XLSXReadError? in
      stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + dataStart)
      stream.avail_in = uInt(entry.compressedSize)
      // One byte of room past the declared size: producing it proves that the header lies.
      let spare = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
      defer { spare.deallocate() }
      while true {
        let status: Int32 = output.withUnsafeMutableBufferPointer { out in
          if produced < out.count {
            stream.next_out = out.baseAddress! + produced
            stream.avail_out = uInt(min(out.count - produced, 1 << 20))
          } else {
            stream.next_out = spare
            stream.avail_out = 1
          }
          let before = stream.avail_out
          let status = inflateNoFlush(&stream)
          produced += Int(before - stream.avail_out)
          return status
        }
        if produced > entry.uncompressedSize { return .sizeMismatch(part: part, declared: entry.uncompressedSize) }
        if exceedsRatio(produced, compressed: entry.compressedSize) {
          return .compressionRatioTooHigh(part: part, limit: limits.maximumCompressionRatio)
        }
        switch status {
        case Z_STREAM_END:
          return nil
        case Z_OK:
          continue
        case Z_BUF_ERROR where stream.avail_in == 0:
          // All the declared input is used and the stream has not ended: truncated.
          return .damagedPart(part)
        default:
          return .damagedPart(part)
        }
      }
    }
    if let failure { throw failure }
    output.removeSubrange(produced...)
    return output
  }
}

/// zlib's `inflate`, under a name that does not clash with `ZipReader.inflate`.
private func inflateNoFlush(_ stream: UnsafeMutablePointer<z_stream>) -> Int32 {
  inflate(stream, Z_NO_FLUSH)
}
