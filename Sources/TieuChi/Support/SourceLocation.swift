/// A position in an input file, 1-based, as editors and `file:line:column` diagnostics count it.
///
/// Columns count Unicode scalars (libyaml's convention). A column of 0 means "the whole line", a line
/// of 0 "the whole file".
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The file path as the user gave it (never made absolute, so messages match what they typed).
  public var file: String
  public var line: Int
  public var column: Int

  /// A place in `file`: 1-based line and column (0: the whole line).
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// The whole of `file`: for problems about a file rather than a place in it.
  public init(file: String) {
    self.init(file: file, line: 0, column: 0)
  }

  /// Whether this names a whole file rather than a place in it.
  public var isWholeFile: Bool { line == 0 }

  /// `file:line:column`, `file:line` when the column is unknown, `file` for the whole file.
  public var description: String {
    line == 0 ? file : column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }
}
