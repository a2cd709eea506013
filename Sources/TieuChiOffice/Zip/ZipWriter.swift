public import Foundation

#if canImport(CZlib)
  internal import CZlib
#elseif canImport(zlib)
  internal import zlib
#endif

/// Why an archive could not be written.
public enum ZipWriterError: Error, Sendable, Hashable {
  /// Two entries have the same path; readers would see only one of them.
  case duplicatePath(String)
  /// A path is empty, absolute, or has an empty, `.` or `..` component.
  case invalidPath(String)
  /// zlib refused to compress (it runs out of memory, say); the message names the step.
  case archiveFailed(String)
}

/// Writes zip archives in memory, deflated, with the same bytes for the same entries.
///
/// Kept apart from SpreadsheetML and WordprocessingML: XLSX and DOCX files are both zip packages. Output is
/// deterministic (every entry gets `modificationDate` and fixed permissions, entries keep the order given) so that
/// golden files can be compared byte for byte.
///
/// Written over zlib rather than through ZIPFoundation's `Archive` so that a big part is compressed on every core:
/// each entry is cut into pieces of at most `pieceSize` bytes (within the parts it was made in), each deflated on
/// its own — primed with the 32 KiB before it, so that it still finds its matches there — and ended on a byte
/// boundary (a sync flush), so the pieces join into one deflate stream, as pigz does; their CRC-32s are combined.
/// A part may also come deflated already, by the core that made it. The cut points depend only on the sizes, never
/// on the number of cores, so the bytes do not either. Zip64 records are written only where a size or an offset
/// does not fit in 32 bits.
public enum ZipWriter {
  /// 1980-01-01 00:00:00, the earliest date a zip (MS-DOS) timestamp can hold, written as it is (no time zone).
  public static let modificationDate = Date(timeIntervalSince1970: 315_532_800)

  /// Input bytes per independently deflated piece: big enough that priming and flushing cost little (each flush
  /// adds 5 bytes), small enough that a 300 MB worksheet keeps both cores busy to the end.
  static let pieceSize = 1 << 20
  /// Deflate's window: the input a piece is primed with.
  static let window = 32 * 1024
  /// zlib's fastest level. A 325 MB worksheet (100,000 communes) takes 1.1 s at level 1 and 4.5 s at the default
  /// level 6, for a file 21 % larger (45 MB instead of 37 MB): a workbook that size is shared as a file, not
  /// mailed, and waiting is what users notice. Small workbooks differ by a few kilobytes.
  static let level: Int32 = 1

  /// The bytes of a zip archive holding `entries`, in order, deflated.
  public static func archive(_ entries: [ZipEntry]) throws(ZipWriterError) -> [UInt8] {
    try archive(entries, zip64Above: Int(UInt32.max) - 1)
  }

  /// `archive(entries)` with zip64 records for every size or offset above `limit` (tests lower it to check
  /// the zip64 layout without writing 4 GB).
  package static func archive(_ entries: [ZipEntry], zip64Above limit: Int) throws(ZipWriterError) -> [UInt8] {
    var seen = Set<String>()
    for entry in entries {
      let components = entry.path.split(separator: "/", omittingEmptySubsequences: false)
      guard !entry.path.isEmpty, !entry.path.hasPrefix("/"),
        components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
      else { throw .invalidPath(entry.path) }
      guard seen.insert(entry.path).inserted else { throw .duplicatePath(entry.path) }
    }
    let compressed = try compress(entries)
    var output: [UInt8] = []
    output.reserveCapacity(compressed.reduce(22) { $0 + $1.bytes.count + 2 * (46 + 28) } + 2 * entries.count * 256)
    var central: [UInt8] = []
    for (entry, data) in zip(entries, compressed) {
      let record = Record(
        name: Array(entry.path.utf8), crc: data.crc, compressedSize: data.bytes.count,
        uncompressedSize: entry.count, offset: output.count, limit: limit)
      record.writeLocalHeader(into: &output)
      output.append(contentsOf: data.bytes)
      record.writeCentralHeader(into: &central)
    }
    let directoryOffset = output.count
    output.append(contentsOf: central)
    writeEnd(
      into: &output, count: entries.count, directorySize: central.count, directoryOffset: directoryOffset,
      limit: limit)
    return output
  }

  // MARK: Compression

  /// One entry's deflated bytes and the CRC-32 of its uncompressed bytes.
  private struct Compressed: Sendable {
    var bytes: [UInt8]
    var crc: UInt32
  }

  /// A stretch of at most `pieceSize` bytes of one part of an entry, deflated on its own (or a part that came
  /// deflated).
  private struct Piece: Sendable {
    var entry: Int
    var part: Int
    var range: Range<Int>
    /// The entry's last piece, which ends the deflate stream.
    var last = false
  }

  /// `bytes` deflated on their own, unprimed, ended by a sync flush, for a part that its maker deflates on its own
  /// core (`ZipEntry.Part.deflated`); nil if zlib fails.
  package static func deflatedPart(_ bytes: [UInt8]) -> ZipEntry.Deflated? {
    deflatePiece(bytes, 0..<bytes.count, primer: [], last: false).map {
      ZipEntry.Deflated(bytes: $0.bytes, crc: $0.crc, count: bytes.count)
    }
  }

  /// Every entry deflated, its pieces compressed on all cores.
  private static func compress(_ entries: [ZipEntry]) throws(ZipWriterError) -> [Compressed] {
    var pieces: [Piece] = []
    for (index, entry) in entries.enumerated() {
      let first = pieces.count
      for (part, content) in entry.parts.enumerated() {
        switch content {
        case .bytes(let bytes):
          for start in stride(from: 0, to: bytes.count, by: pieceSize) {
            pieces.append(Piece(entry: index, part: part, range: start..<min(start + pieceSize, bytes.count)))
          }
        case .deflated(let deflated):
          pieces.append(Piece(entry: index, part: part, range: 0..<deflated.count))
        }
      }
      // The stream ends with a final block: the last piece's, or an empty one after a part that came deflated
      // (its blocks are never final). An empty entry is that empty final block alone.
      let endsDeflated = pieces.count > first && entry.parts[pieces[pieces.count - 1].part].isDeflated
      if pieces.count == first || endsDeflated {
        pieces.append(Piece(entry: index, part: entry.parts.count, range: 0..<0))
      }
      pieces[pieces.count - 1].last = true
    }
    let cuts = pieces
    let results = Concurrently.map(cuts.count) { index -> Compressed? in
      let piece = cuts[index]
      let parts = entries[piece.entry].parts
      guard piece.part < parts.count else { return deflatePiece([], 0..<0, primer: [], last: true) }
      switch parts[piece.part] {
      case .deflated(let deflated): return Compressed(bytes: deflated.bytes, crc: deflated.crc)
      case .bytes(let bytes):
        return deflatePiece(bytes, piece.range, primer: primer(before: piece, in: parts), last: piece.last)
      }
    }
    var compressed: [Compressed] = entries.map { _ in Compressed(bytes: [], crc: 0) }
    var started = Set<Int>()
    for (piece, result) in zip(pieces, results) {
      guard let result else { throw .archiveFailed("deflate") }
      compressed[piece.entry].bytes.append(contentsOf: result.bytes)
      compressed[piece.entry].crc =
        started.insert(piece.entry).inserted
        ? result.crc
        : UInt32(
          truncatingIfNeeded: crc32_combine(
            uLong(compressed[piece.entry].crc), uLong(result.crc), off_t(piece.range.count)))
    }
    return compressed
  }

  /// The (at most) `window` bytes of the entry just before `piece`, across parts, as far back as the last part
  /// that came deflated (whose bytes are not at hand).
  private static func primer(before piece: Piece, in parts: [ZipEntry.Part]) -> [UInt8] {
    var primer: [UInt8] = []
    var part = piece.part
    var end = piece.range.lowerBound
    while primer.count < window, part >= 0, case .bytes(let bytes) = parts[part] {
      let take = min(window - primer.count, end)
      primer.insert(contentsOf: bytes[(end - take)..<end], at: 0)
      part -= 1
      if part >= 0 { end = parts[part].count }
    }
    return primer
  }

  /// `bytes[range]` as raw deflate data primed with `primer` (the input just before it), ended by a sync flush or,
  /// for the entry's last piece, the final block; nil if zlib fails.
  private static func deflatePiece(_ bytes: [UInt8], _ range: Range<Int>, primer: [UInt8], last: Bool) -> Compressed? {
    var stream = z_stream()
    guard
      deflateInit2_(
        &stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
        Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { return nil }
    defer { deflateEnd(&stream) }
    if !primer.isEmpty {
      let primed = primer.withUnsafeBufferPointer { deflateSetDictionary(&stream, $0.baseAddress, uInt($0.count)) }
      guard primed == Z_OK else { return nil }
    }
    return bytes.withUnsafeBufferPointer { input -> Compressed? in
      let start = input.baseAddress.map { UnsafeMutablePointer(mutating: $0) + range.lowerBound }
      let crc = UInt32(truncatingIfNeeded: crc32(0, start, uInt(range.count)))
      stream.next_in = start
      stream.avail_in = uInt(range.count)
      // deflateBound covers a whole stream; a flush adds a few bytes, and the loop grows the buffer anyway.
      var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(range.count))) + 64)
      var written = 0
      while true {
        let status = output.withUnsafeMutableBufferPointer { buffer -> Int32 in
          stream.next_out = buffer.baseAddress! + written
          stream.avail_out = uInt(buffer.count - written)
          let status = deflate(&stream, last ? Z_FINISH : Z_SYNC_FLUSH)
          written = buffer.count - Int(stream.avail_out)
          return status
        }
        if last ? status == Z_STREAM_END : (status == Z_OK && stream.avail_out > 0) { break }
        guard status == Z_OK || status == Z_BUF_ERROR else { return nil }
        output.append(contentsOf: repeatElement(0, count: output.count))
      }
      output.removeSubrange(written...)
      return Compressed(bytes: output, crc: crc)
    }
  }

  // MARK: Records

  /// The fields of one entry's local and central headers.
  private struct Record {
    var name: [UInt8]
    var crc: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var offset: Int
    /// A size does not fit: both sizes go to a zip64 extra field (in both headers) and read 0xFFFFFFFF.
    var sizes64: Bool
    /// The local header's offset does not fit: it goes to the central header's zip64 extra field.
    var offset64: Bool

    init(name: [UInt8], crc: UInt32, compressedSize: Int, uncompressedSize: Int, offset: Int, limit: Int) {
      self.name = name
      self.crc = crc
      self.compressedSize = compressedSize
      self.uncompressedSize = uncompressedSize
      self.offset = offset
      sizes64 = compressedSize > limit || uncompressedSize > limit
      offset64 = offset > limit
    }

    /// Version 2.0 (deflate), or 4.5 when zip64 records are needed.
    private var version: UInt16 { sizes64 || offset64 ? 45 : 20 }
    /// Bit 11: the name is UTF-8 (set only when it is not plain ASCII, as other writers do).
    private var flags: UInt16 { name.allSatisfy { $0 < 0x80 } ? 0 : 1 << 11 }

    func writeLocalHeader(into output: inout [UInt8]) {
      output.uint32(0x0403_4B50)
      output.uint16(version)
      writeCommonFields(into: &output)
      writeSizes(into: &output)
      output.uint16(UInt16(name.count))
      output.uint16(sizes64 ? 20 : 0)
      output.append(contentsOf: name)
      if sizes64 {
        output.uint16(1)
        output.uint16(16)
        output.uint64(UInt64(uncompressedSize))
        output.uint64(UInt64(compressedSize))
      }
    }

    func writeCentralHeader(into output: inout [UInt8]) {
      output.uint32(0x0201_4B50)
      output.uint16(0x0300 | version)  // made by: Unix, so that readers take the permissions below
      output.uint16(version)
      writeCommonFields(into: &output)
      writeSizes(into: &output)
      output.uint16(UInt16(name.count))
      let extra = (sizes64 ? 16 : 0) + (offset64 ? 8 : 0)
      output.uint16(UInt16(extra == 0 ? 0 : 4 + extra))
      output.uint16(0)  // comment
      output.uint16(0)  // disk
      output.uint16(0)  // internal attributes
      output.uint32(0o100644 << 16)  // a regular file, rw-r--r--
      output.uint32(offset64 ? UInt32.max : UInt32(offset))
      output.append(contentsOf: name)
      if extra > 0 {
        // Only the fields that read 0xFFFFFFFF, in this order (APPNOTE 4.5.3).
        output.uint16(1)
        output.uint16(UInt16(extra))
        if sizes64 {
          output.uint64(UInt64(uncompressedSize))
          output.uint64(UInt64(compressedSize))
        }
        if offset64 { output.uint64(UInt64(offset)) }
      }
    }

    /// Flags, method, time, date and CRC, shared by both headers.
    private func writeCommonFields(into output: inout [UInt8]) {
      output.uint16(flags)
      output.uint16(8)  // deflate
      output.uint16(0)  // 00:00:00
      output.uint16(1 << 5 | 1)  // 1980-01-01
      output.uint32(crc)
    }

    private func writeSizes(into output: inout [UInt8]) {
      output.uint32(sizes64 ? UInt32.max : UInt32(compressedSize))
      output.uint32(sizes64 ? UInt32.max : UInt32(uncompressedSize))
    }
  }

  /// The end of central directory record, preceded by the zip64 record and locator when a count, size or offset
  /// does not fit in it.
  private static func writeEnd(
    into output: inout [UInt8], count: Int, directorySize: Int, directoryOffset: Int, limit: Int
  ) {
    let zip64 = count >= 0xFFFF || directorySize > limit || directoryOffset > limit
    if zip64 {
      let recordOffset = output.count
      output.uint32(0x0606_4B50)
      output.uint64(44)  // the size of what follows
      output.uint16(0x0300 | 45)
      output.uint16(45)
      output.uint32(0)
      output.uint32(0)
      output.uint64(UInt64(count))
      output.uint64(UInt64(count))
      output.uint64(UInt64(directorySize))
      output.uint64(UInt64(directoryOffset))
      output.uint32(0x0706_4B50)
      output.uint32(0)
      output.uint64(UInt64(recordOffset))
      output.uint32(1)
    }
    output.uint32(0x0605_4B50)
    output.uint16(0)
    output.uint16(0)
    output.uint16(zip64 ? UInt16.max : UInt16(count))
    output.uint16(zip64 ? UInt16.max : UInt16(count))
    output.uint32(zip64 ? UInt32.max : UInt32(directorySize))
    output.uint32(zip64 ? UInt32.max : UInt32(directoryOffset))
    output.uint16(0)  // comment
  }
}

extension [UInt8] {
  /// Little-endian, as every zip field is.
  fileprivate mutating func uint16(_ value: UInt16) {
    append(UInt8(truncatingIfNeeded: value))
    append(UInt8(truncatingIfNeeded: value >> 8))
  }

  fileprivate mutating func uint32(_ value: UInt32) {
    uint16(UInt16(truncatingIfNeeded: value))
    uint16(UInt16(truncatingIfNeeded: value >> 16))
  }

  fileprivate mutating func uint64(_ value: UInt64) {
    uint32(UInt32(truncatingIfNeeded: value))
    uint32(UInt32(truncatingIfNeeded: value >> 32))
  }
}

extension ZipEntry.Part {
  fileprivate var isDeflated: Bool {
    if case .deflated = self { true } else { false }
  }
}
