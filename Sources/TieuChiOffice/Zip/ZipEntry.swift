#if canImport(CZlib)
  internal import CZlib
#elseif canImport(zlib)
  internal import zlib
#endif

/// One file of a zip archive: its path inside the archive and its bytes.
public struct ZipEntry: Sendable {
  /// Path inside the archive, `/`-separated, without a leading `/` (e.g. `xl/workbook.xml`).
  public var path: String
  /// The bytes in the pieces they were made in (a worksheet's rows are written in blocks on every core); the
  /// archive holds them one after the other, and they are never joined into one buffer on the way. A piece may
  /// come deflated already, by the core that made it.
  package var parts: [Part]

  /// A piece of an entry's bytes: as they are, or deflated (`ZipWriter.deflatedPart(_:)`).
  package enum Part: Sendable {
    case bytes([UInt8])
    case deflated(Deflated)

    /// The number of bytes before compression.
    var count: Int {
      switch self {
      case .bytes(let bytes): bytes.count
      case .deflated(let deflated): deflated.count
      }
    }
  }

  /// Bytes deflated on their own: a raw deflate stream of non-final blocks ended on a byte boundary (so that it
  /// joins the rest of the entry's stream), its CRC-32 and the number of bytes before compression.
  package struct Deflated: Sendable {
    var bytes: [UInt8]
    var crc: UInt32
    var count: Int
  }

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.parts = [.bytes(bytes)]
  }

  /// An entry whose bytes are `parts`, one after the other.
  package init(path: String, parts: [[UInt8]]) {
    self.init(path: path, pieces: parts.map(Part.bytes))
  }

  /// An entry whose bytes are `pieces`, one after the other, some of them deflated already.
  package init(path: String, pieces: [Part]) {
    self.path = path
    self.parts = pieces
  }

  /// All the bytes, joined (deflated pieces inflated).
  public var bytes: [UInt8] {
    get {
      if parts.count == 1, case .bytes(let bytes) = parts[0] { return bytes }
      var joined: [UInt8] = []
      joined.reserveCapacity(count)
      for part in parts {
        switch part {
        case .bytes(let bytes): joined += bytes
        case .deflated(let deflated): joined += Self.inflate(deflated)
        }
      }
      return joined
    }
    set { parts = [.bytes(newValue)] }
  }

  /// The number of bytes.
  var count: Int { parts.reduce(0) { $0 + $1.count } }

  /// A piece this library deflated, inflated again (its size is known and its stream has no final block).
  private static func inflate(_ deflated: Deflated) -> [UInt8] {
    var output = [UInt8](repeating: 0, count: deflated.count)
    guard deflated.count > 0 else { return output }
    var stream = z_stream()
    guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      preconditionFailure("zlib could not start inflating")
    }
    defer { inflateEnd(&stream) }
    let produced = deflated.bytes.withUnsafeBufferPointer { input in
      output.withUnsafeMutableBufferPointer { out -> Int in
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = uInt(input.count)
        stream.next_out = out.baseAddress
        stream.avail_out = uInt(out.count)
        _ = zlibInflate(&stream, Z_SYNC_FLUSH)
        return out.count - Int(stream.avail_out)
      }
    }
    precondition(produced == deflated.count, "a deflated piece inflated to \(produced) bytes, not \(deflated.count)")
    return output
  }
}

/// zlib's `inflate`, named apart from the static method above.
private func zlibInflate(_ stream: UnsafeMutablePointer<z_stream>, _ flush: Int32) -> Int32 {
  inflate(stream, flush)
}
