import Foundation
import Logging
import TieuChi

/// The criteria sets the application offers: stored in `Storage` (so a round always names the exact
/// version it was evaluated with, by content hash), seeded from the criteria folder at start.
struct CriteriaLibrary: Sendable {
  let storage: any Storage

  /// Adds every `*.yaml` file of `directory` (not recursively), keeping earlier versions.
  func seed(from directory: String, now: Date, logger: Logger) throws {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    if names.isEmpty { logger.warning("no criteria files", metadata: ["directory": "\(directory)"]) }
    for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
      guard let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name))
      else { continue }
      let file = try storage.addCriteriaSet(name: name, bytes: [UInt8](data), addedAt: now)
      logger.debug("criteria set", metadata: ["name": "\(name)", "hash": "\(file.hash.prefix(12))"])
    }
  }

  /// The set in `file`, its `extends:` read from the stored sets by name; nil and the errors when it does
  /// not load.
  func load(_ file: CriteriaFile) -> (CriteriaSet?, [Diagnostic]) {
    CriteriaLoader.load(CriteriaSource(name: file.name, bytes: file.bytes)) { reference, _ in
      let name = (reference as NSString).lastPathComponent
      return (try? storage.criteriaSet(named: name)).flatMap { $0 }.map {
        CriteriaSource(name: $0.name, bytes: $0.bytes)
      }
    }
  }

  /// Every stored set that loads, newest version of each name, with its title.
  func sets() throws -> [(file: CriteriaFile, set: CriteriaSet)] {
    try storage.criteriaSets().compactMap { file in load(file).0.map { (file, $0) } }
  }
}
