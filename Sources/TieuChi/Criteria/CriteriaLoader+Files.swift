import Foundation

extension CriteriaLoader {
  /// Loads the criteria file at `path`, reading the files it `extends` from disk, relative to the
  /// folder of the file that names them (an absolute reference as it is).
  ///
  /// - Returns: the criteria set, or `nil` when the file has errors; the diagnostics hold every
  ///   problem found (errors and warnings), each at `file:line:column`.
  public static func load(path: String) -> (CriteriaSet?, [Diagnostic]) {
    guard let data = FileManager.default.contents(atPath: path) else {
      return (nil, [.criteriaUnreadableFile(path)])
    }
    return load(CriteriaSource(name: path, bytes: [UInt8](data)), resolve: readFile)
  }

  /// The file `reference` names, relative to the folder of `from`, as the user would write its path.
  static func readFile(_ reference: String, from: String) -> CriteriaSource? {
    let folder = (from as NSString).deletingLastPathComponent
    let path = reference.hasPrefix("/") || folder.isEmpty ? reference : folder + "/" + reference
    return FileManager.default.contents(atPath: path).map { CriteriaSource(name: path, bytes: [UInt8]($0)) }
  }
}
