/// One file of a zip archive: its path inside the archive and its bytes.
public struct ZipEntry: Sendable, Hashable {
  /// Path inside the archive, `/`-separated, without a leading `/` (e.g. `xl/workbook.xml`).
  public var path: String
  /// The bytes in the pieces they were made in (a worksheet's rows are written in blocks on every core); the
  /// archive holds them one after the other, and they are never joined into one buffer on the way.
  package var parts: [[UInt8]]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.parts = [bytes]
  }

  /// An entry whose bytes are `parts`, one after the other.
  package init(path: String, parts: [[UInt8]]) {
    self.path = path
    self.parts = parts
  }

  /// All the bytes, joined.
  public var bytes: [UInt8] {
    get { parts.count == 1 ? parts[0] : Array(parts.joined()) }
    set { parts = [newValue] }
  }

  /// The number of bytes.
  var count: Int { parts.reduce(0) { $0 + $1.count } }

  public static func == (lhs: ZipEntry, rhs: ZipEntry) -> Bool {
    lhs.path == rhs.path && lhs.bytes == rhs.bytes
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(path)
    hasher.combine(bytes)
  }
}
