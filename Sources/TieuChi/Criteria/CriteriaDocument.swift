/// Reads a criteria file's YAML document and resolves `extends`, before any key is interpreted.
///
/// A set that extends another is merged with it at the document level, so the merged document is
/// checked exactly like a single file and every node keeps the position of the file it was written in:
/// an error in an inherited indicator points into the parent file.
enum CriteriaDocument {
  /// How deep `extends` chains may go; deeper is almost surely a mistake (or a cycle through links).
  static let maxExtendsDepth = 8

  /// Finds the file an `extends:` reference names: (reference as written, name of the file writing it).
  typealias Resolver = (_ reference: String, _ from: String) -> CriteriaSource?

  /// The single YAML document of a criteria file.
  static func parse(_ source: CriteriaSource, diagnostics: inout [Diagnostic]) -> DataNode? {
    let parsed = YAMLReader.read(bytes: source.bytes, file: source.name)
    diagnostics += parsed.diagnostics
    guard parsed.diagnostics.isEmpty else { return nil }
    // Survey data given as --criteria: say so once, rather than a dozen unknown and missing keys.
    if let first = parsed.documents.first, isSurveyData(first) {
      diagnostics.append(.surveyDataAsCriteria(at: SourceLocation(file: source.name)))
      return nil
    }
    guard parsed.documents.count == 1, let root = parsed.documents.first else {
      diagnostics.append(
        parsed.documents.isEmpty
          ? .criteriaEmptyFile(at: SourceLocation(file: source.name, line: 1, column: 1))
          : .criteriaSeveralDocuments(
            at: parsed.documents.dropFirst().first?.location ?? SourceLocation(file: source.name, line: 1, column: 1)))
      return nil
    }
    return root
  }

  /// Whether a document looks like a station's survey record (or a list of them): it has a commune
  /// `code` and none of a criteria file's sections.
  static func isSurveyData(_ node: DataNode) -> Bool {
    let record = node.items?.first ?? node
    guard let keys = record.entries?.map(\.key) else { return false }
    let criteriaKeys: Set = ["indicators", "inputs", "rules", "pass_rule", "extends"]
    return keys.contains("code") && !keys.contains(where: criteriaKeys.contains)
  }

  /// Whether a document is a criteria file's: it has indicators and the inputs or source they need.
  package static func isCriteria(_ node: DataNode) -> Bool {
    guard let keys = node.entries?.map(\.key) else { return false }
    return keys.contains("indicators")
      && (keys.contains("inputs") || keys.contains("source") || keys.contains("extends"))
  }

  /// The document with its `extends` chain merged in (parent first, then each child's changes).
  ///
  /// `chain` holds the files that led here, so a cycle is caught before it is followed; without a
  /// resolver, a file that extends another is an error.
  static func resolvingExtends(
    _ root: DataNode, file: String, resolve: Resolver?, diagnostics: inout [Diagnostic], chain: [String] = []
  ) -> DataNode? {
    guard let entry = root.entries?.first(where: { $0.key == "extends" }) else { return root }
    guard let reference = entry.value.scalarText, !entry.value.isNull else {
      diagnostics.append(.extendsNotAPath(at: entry.value.location))
      return nil
    }
    guard let resolve else {
      diagnostics.append(.extendsWithoutResolver(reference, at: entry.value.location))
      return nil
    }
    guard let parent = resolve(reference, file) else {
      diagnostics.append(.extendsNotFound(reference, at: entry.value.location))
      return nil
    }
    let visited = chain + [normalized(file)]
    if visited.contains(normalized(parent.name)) || visited.count > maxExtendsDepth {
      diagnostics.append(.extendsCycle(visited + [normalized(parent.name)], at: entry.value.location))
      return nil
    }
    guard let parentRoot = parse(parent, diagnostics: &diagnostics),
      let resolved = resolvingExtends(
        parentRoot, file: parent.name, resolve: resolve, diagnostics: &diagnostics, chain: visited)
    else { return nil }
    return merge(parent: resolved, child: root)
  }

  /// `name` with `.` and `folder/..` steps removed, so two spellings of one path meet in a cycle check
  /// (lexically: names need not be paths on a disk).
  static func normalized(_ name: String) -> String {
    var parts: [Substring] = []
    for part in name.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == "..", let last = parts.last, last != ".." {
        parts.removeLast()
      } else {
        parts.append(part)
      }
    }
    return (name.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
  }

  /// The child's keys over the parent's. `inputs` merge by name; `rules`, `groups` and `indicators`
  /// merge by `id`, an indicator key by key (so a child can change just a target). Giving `target`
  /// or `targets` replaces both of the parent's.
  static func merge(parent: DataNode, child: DataNode) -> DataNode {
    guard let parentEntries = parent.entries, let childEntries = child.entries else { return child }
    var merged = parentEntries.filter { $0.key != "extends" }
    for entry in childEntries where entry.key != "extends" {
      guard let index = merged.firstIndex(where: { $0.key == entry.key }) else {
        merged.append(entry)
        continue
      }
      var combined = entry
      switch entry.key {
      case "inputs": combined.value = mergeMappings(merged[index].value, entry.value, replacing: { _ in [] })
      case "rules", "groups": combined.value = mergeLists(merged[index].value, entry.value, itemMerge: false)
      case "indicators": combined.value = mergeLists(merged[index].value, entry.value, itemMerge: true)
      default: break
      }
      merged[index] = combined
    }
    return DataNode(.mapping(merged), at: child.location)
  }

  private static func mergeMappings(
    _ parent: DataNode, _ child: DataNode, replacing alsoRemoved: (String) -> [String]
  ) -> DataNode {
    guard var entries = parent.entries, let childEntries = child.entries else { return child }
    for entry in childEntries {
      entries.removeAll { $0.key == entry.key || alsoRemoved(entry.key).contains($0.key) }
      entries.append(entry)
    }
    return DataNode(.mapping(entries), at: child.location)
  }

  private static func mergeLists(_ parent: DataNode, _ child: DataNode, itemMerge: Bool) -> DataNode {
    guard var items = parent.items, let childItems = child.items else { return child }
    for item in childItems {
      guard let id = item["id"]?.scalarText, let index = items.firstIndex(where: { $0["id"]?.scalarText == id }) else {
        items.append(item)
        continue
      }
      items[index] =
        itemMerge
        ? mergeMappings(items[index], item) { key in
          key == "target" || key == "targets" ? ["target", "targets"] : []
        } : item
    }
    return DataNode(.sequence(items), at: child.location)
  }
}
