/// A criteria file's name (as shown in diagnostics) and bytes.
///
/// Lets a caller load criteria from anywhere — memory, a bundle, a database — the library itself
/// never needing to read the disk.
public struct CriteriaSource: Sendable {
  /// The name diagnostics print before `:line:column`, usually the path the user gave.
  public var name: String
  /// The file's raw bytes (UTF-8 YAML; other encodings are reported, not guessed).
  public var bytes: [UInt8]

  /// A file called `name` (in diagnostics) whose content is `bytes`.
  public init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }
}
