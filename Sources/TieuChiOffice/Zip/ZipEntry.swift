/// One file of a zip archive: its path inside the archive and its bytes.
public struct ZipEntry: Sendable, Hashable {
  /// Path inside the archive, `/`-separated, without a leading `/` (e.g. `xl/workbook.xml`).
  public var path: String
  public var bytes: [UInt8]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }
}
