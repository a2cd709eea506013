import Foundation
import Logging
import TieuChi

/// The criteria sets the application offers: stored in `Storage` (so a round always names the exact
/// version it was evaluated with, by content hash), seeded from the criteria folder at start.
struct CriteriaLibrary: Sendable {
  let storage: any Storage
  /// Loaded sets by content hash: loading a set parses its YAML, which every upload page and every
  /// evaluation would otherwise repeat. Emptied whenever a set is added, since `extends:` resolves to the
  /// newest stored version of a name.
  private let cache = LoadedSets()

  init(storage: any Storage) {
    self.storage = storage
  }

  /// Adds every `*.yaml` file of `directory` (not recursively), keeping earlier versions.
  func seed(from directory: String, now: Date, logger: Logger) throws {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    if names.isEmpty { logger.warning("no criteria files", metadata: ["directory": "\(directory)"]) }
    for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
      guard let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name))
      else { continue }
      let file = try add(name: name, bytes: [UInt8](data), now: now)
      logger.debug("criteria set", metadata: ["name": "\(name)", "hash": "\(file.hash.prefix(12))"])
    }
  }

  /// Stores a criteria file (a new version when its name exists with other content).
  func add(name: String, bytes: [UInt8], now: Date) throws -> CriteriaFile {
    let file = try storage.addCriteriaSet(name: name, bytes: bytes, addedAt: now)
    cache.removeAll()
    return file
  }

  /// The set in `file`, its `extends:` read from the stored sets by name; nil and the errors when it does
  /// not load.
  func load(_ file: CriteriaFile) -> (CriteriaSet?, [Diagnostic]) {
    if let loaded = cache[file.hash] { return loaded }
    let loaded = load(name: file.name, bytes: file.bytes)
    cache[file.hash] = loaded
    return loaded
  }

  /// The set in a file not stored yet (an upload being checked), its `extends:` read from the stored sets.
  func load(name: String, bytes: [UInt8]) -> (CriteriaSet?, [Diagnostic]) {
    CriteriaLoader.load(CriteriaSource(name: name, bytes: bytes)) { reference, _ in
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

/// A dictionary shared by the copies of a `CriteriaLibrary`, behind a lock.
private final class LoadedSets: @unchecked Sendable {
  private let lock = NSLock()
  private var sets: [String: (CriteriaSet?, [Diagnostic])] = [:]

  subscript(hash: String) -> (CriteriaSet?, [Diagnostic])? {
    get { lock.withLock { sets[hash] } }
    set { lock.withLock { sets[hash] = newValue } }
  }

  func removeAll() {
    lock.withLock { sets.removeAll() }
  }
}
