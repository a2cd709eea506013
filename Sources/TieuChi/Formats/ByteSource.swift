import Foundation

/// Where a file's bytes are: in memory (an upload, a test), or in a file on disk read a block at a time, so that a
/// big CSV file need never be in memory whole (`CSVRowReader`).
package enum ByteSource: Sendable {
  case memory([UInt8])
  /// A file of `size` bytes at `path`, found readable when it was listed.
  case file(path: String, size: Int)

  /// The file at `path`, to be read later; nil when it cannot be read. Anything but a regular file (a pipe, a
  /// device) is read now, whole, as it could not be read again.
  package static func file(at path: String) -> ByteSource? {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    guard attributes?[.type] as? FileAttributeType == .typeRegular, FileManager.default.isReadableFile(atPath: path),
      let size = (attributes?[.size] as? NSNumber)?.intValue
    else { return FileManager.default.contents(atPath: path).map { .memory([UInt8]($0)) } }
    return .file(path: path, size: size)
  }

  /// How many bytes there are.
  package var count: Int {
    switch self {
    case .memory(let bytes): bytes.count
    case .file(_, let size): size
    }
  }

  /// Every byte; a file that can no longer be read gives none (it was readable when listed).
  package var all: [UInt8] {
    switch self {
    case .memory(let bytes): bytes
    case .file(let path, _): FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    }
  }

  /// The bytes of `range` (fewer at the end, or when the file has shrunk since it was listed).
  package func read(_ range: Range<Int>) -> [UInt8] {
    switch self {
    case .memory(let bytes):
      return Array(bytes[min(range.lowerBound, bytes.count)..<min(range.upperBound, bytes.count)])
    case .file(let path, _):
      // One system call for the block: FileHandle reads 4 KB at a time.
      guard !range.isEmpty, range.lowerBound >= 0 else { return [] }
      let descriptor = open(path, O_RDONLY)
      guard descriptor >= 0 else { return [] }
      defer { close(descriptor) }
      return [UInt8](unsafeUninitializedCapacity: range.count) { buffer, count in
        var filled = 0
        while filled < range.count {
          let read = pread(
            descriptor, buffer.baseAddress! + filled, range.count - filled, off_t(range.lowerBound + filled))
          if read < 0 && errno == EINTR { continue }
          guard read > 0 else { break }
          filled += read
        }
        count = filled
      }
    }
  }
}
