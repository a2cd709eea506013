import ArgumentParser
import Foundation
import TieuChi

/// Loads the criteria file of a command, reporting its diagnostics; invalid criteria end the command
/// with the documented exit code before any data is read.
func loadCriteria(_ path: String, diagnostics: DiagnosticsEngine) throws -> CriteriaSet {
  // A criteria file that does not exist: name the sets there are, the nearest first.
  guard FileManager.default.fileExists(atPath: path) else {
    let folder = (path as NSString).deletingLastPathComponent
    let known = CriteriaFiles.expand([folder.isEmpty ? "Criteria" : folder]).filter {
      FileManager.default.fileExists(atPath: $0)
    }
    let fallback = known.isEmpty ? CriteriaFiles.expand(["Criteria"]) : known
    diagnostics.emit([.noSuchCriteriaFile(path, known: fallback)])
    diagnostics.finish()
    throw ExitStatus.invalidCriteria
  }
  let (loaded, found) = CriteriaLoader.load(path: path)
  diagnostics.emit(found)
  guard let set = loaded else {
    diagnostics.finish()
    throw ExitStatus.invalidCriteria
  }
  return set
}

/// Criteria files named on the command line: files as given, folders expanded to their `.yaml` files.
enum CriteriaFiles {
  static func expand(_ paths: [String]) -> [String] {
    paths.flatMap { path -> [String] in
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
        return [path]
      }
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map {
        (path as NSString).appendingPathComponent($0)
      }
    }
  }
}
