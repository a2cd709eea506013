import Foundation

/// Where a file's bytes are: in memory (an upload, a test), or in a file on disk read a block at a time, so that a
/// big CSV file need never be in memory whole (`CSVRowReader`).
package enum ByteSource: Sendable {
  case memory([UInt8])
  /// A file of `size` bytes at `path`, found readable when it was listed.
  case file(path: String, size: Int)

  /// The file at `path`, to be read later; nil when it cannot be opened now.
  package static func file(at path: String) -> ByteSource? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard let end = try? handle.seekToEnd() else { return nil }
    return .file(path: path, size: Int(end))
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
      guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
      defer { try? handle.close() }
      do {
        try handle.seek(toOffset: UInt64(range.lowerBound))
        return try handle.read(upToCount: range.count).map { [UInt8]($0) } ?? []
      } catch {
        return []
      }
    }
  }
}
