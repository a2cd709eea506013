import Foundation

/// Loads a criteria file completely — every key, type, expression and target checked — before any
/// survey data is read.
public enum CriteriaLoader {
  /// The criteria set, or `nil` when the file has errors; the diagnostics hold every problem found
  /// (errors and warnings), each at `file:line:column`.
  public static func load(path: String) -> (CriteriaSet?, [Diagnostic]) {
    guard let data = FileManager.default.contents(atPath: path) else {
      return (
        nil,
        [
          Diagnostic(
            at: SourceLocation(file: path, line: 0, column: 0),
            LocalizedText(vi: "không đọc được tệp tiêu chí", en: "cannot read the criteria file"))
        ]
      )
    }
    return load(bytes: [UInt8](data), file: path)
  }

  public static func load(bytes: [UInt8], file: String) -> (CriteriaSet?, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    guard let document = CriteriaDocument.parse(bytes: bytes, file: file, diagnostics: &diagnostics),
      let root = CriteriaDocument.resolvingExtends(document, file: file, diagnostics: &diagnostics)
    else { return (nil, diagnostics) }
    var builder = CriteriaBuilder(file: file)
    let set = builder.build(root)
    diagnostics += builder.reader.diagnostics
    return (diagnostics.contains { $0.severity == .error } ? nil : set, diagnostics)
  }
}
