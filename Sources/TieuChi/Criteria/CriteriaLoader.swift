/// Loads a criteria file completely — every key, type, expression and target checked — before any
/// survey data is read.
public enum CriteriaLoader {
  /// Loads `source`, reading the files it `extends` through `resolve`.
  ///
  /// - Parameters:
  ///   - source: the criteria file.
  ///   - resolve: given an `extends:` reference as written in a file and the name of that file, the
  ///     file it refers to, or `nil` when there is none (reported at the reference).
  /// - Returns: the criteria set, or `nil` when the file has errors; the diagnostics hold every
  ///   problem found (errors and warnings), each at `file:line:column`.
  public static func load(
    _ source: CriteriaSource, resolve: (_ reference: String, _ from: String) -> CriteriaSource?
  ) -> (CriteriaSet?, [Diagnostic]) {
    withoutActuallyEscaping(resolve) { resolve in load(source, resolver: resolve) }
  }

  /// Loads a criteria file given as bytes, for a file that extends no other: an `extends:` in it is
  /// reported as an error, since there is no way to read its parent (use `load(_:resolve:)`).
  ///
  /// - Returns: the criteria set, or `nil` when the file has errors, and every problem found.
  public static func load(bytes: [UInt8], file: String) -> (CriteriaSet?, [Diagnostic]) {
    load(CriteriaSource(name: file, bytes: bytes), resolver: nil)
  }

  private static func load(
    _ source: CriteriaSource, resolver: CriteriaDocument.Resolver?
  ) -> (CriteriaSet?, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    guard let document = CriteriaDocument.parse(source, diagnostics: &diagnostics),
      let root = CriteriaDocument.resolvingExtends(
        document, file: source.name, resolve: resolver, diagnostics: &diagnostics)
    else { return (nil, diagnostics) }
    var builder = CriteriaBuilder(file: source.name)
    let set = builder.build(root)
    diagnostics += coalesced(builder.reader.diagnostics)
    return (diagnostics.contains { $0.severity == .error } ? nil : set, diagnostics)
  }

  /// One typo gives one error: the same unknown name used in several expressions (an input renamed in
  /// its declaration) is reported at its first use, with the other uses as notes.
  static func coalesced(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var result: [Diagnostic] = []
    var first: [LocalizedText: Int] = [:]
    for diagnostic in diagnostics {
      guard diagnostic.id == Diagnostic.unknownFieldID else {
        result.append(diagnostic)
        continue
      }
      if let index = first[diagnostic.message] {
        result[index].notes.append(Diagnostic.sameUnknownName(at: diagnostic.location))
      } else {
        first[diagnostic.message] = result.count
        result.append(diagnostic)
      }
    }
    return result
  }
}
