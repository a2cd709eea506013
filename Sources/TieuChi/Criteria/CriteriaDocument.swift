import Foundation

/// Reads a criteria file's YAML document and resolves `extends`, before any key is interpreted.
///
/// A set that extends another is merged with it at the document level, so the merged document is
/// checked exactly like a single file and every node keeps the position of the file it was written in:
/// an error in an inherited indicator points into the parent file.
enum CriteriaDocument {
  /// How deep `extends` chains may go; deeper is almost surely a mistake (or a cycle through links).
  static let maxExtendsDepth = 8

  /// The single YAML document of a criteria file.
  static func parse(bytes: [UInt8], file: String, diagnostics: inout [Diagnostic]) -> DataNode? {
    let parsed = YAMLReader.read(bytes: bytes, file: file)
    diagnostics += parsed.diagnostics
    guard parsed.diagnostics.isEmpty else { return nil }
    guard parsed.documents.count == 1, let root = parsed.documents.first else {
      diagnostics.append(
        Diagnostic(
          at: parsed.documents.dropFirst().first?.location ?? SourceLocation(file: file, line: 1, column: 1),
          parsed.documents.isEmpty
            ? LocalizedText(vi: "tệp tiêu chí rỗng", en: "the criteria file is empty")
            : LocalizedText(vi: "tệp tiêu chí chỉ được có một tài liệu YAML", en: "a criteria file holds exactly one YAML document")))
      return nil
    }
    return root
  }

  /// The document with its `extends` chain merged in (parent first, then each child's changes).
  static func resolvingExtends(
    _ root: DataNode, file: String, diagnostics: inout [Diagnostic], chain: [String] = []
  ) -> DataNode? {
    guard let entry = root.entries?.first(where: { $0.key == "extends" }) else { return root }
    guard let relative = entry.value.scalarText, !entry.value.isNull else {
      diagnostics.append(
        Diagnostic(
          at: entry.value.location,
          LocalizedText(
            vi: "'extends' là đường dẫn tới bộ tiêu chí gốc, ví dụ ct25-2030.yaml",
            en: "'extends' is the path of the parent criteria file, e.g. ct25-2030.yaml")))
      return nil
    }
    let folder = (file as NSString).deletingLastPathComponent
    let parentPath = relative.hasPrefix("/") ? relative : (folder.isEmpty ? relative : folder + "/" + relative)
    let standardized = (parentPath as NSString).standardizingPath
    if chain.contains(standardized) || chain.count >= maxExtendsDepth {
      diagnostics.append(
        Diagnostic(
          at: entry.value.location,
          LocalizedText(
            vi: "'extends' tạo thành vòng lặp hoặc chuỗi quá dài: \((chain + [standardized]).joined(separator: " → "))",
            en: "'extends' forms a cycle or too long a chain: \((chain + [standardized]).joined(separator: " → "))")))
      return nil
    }
    guard let data = FileManager.default.contents(atPath: parentPath) else {
      diagnostics.append(
        Diagnostic(
          at: entry.value.location,
          LocalizedText(
            vi: "không đọc được bộ tiêu chí gốc '\(parentPath)'", en: "cannot read the parent criteria file '\(parentPath)'")))
      return nil
    }
    guard let parentRoot = parse(bytes: [UInt8](data), file: parentPath, diagnostics: &diagnostics),
      let parent = resolvingExtends(
        parentRoot, file: parentPath, diagnostics: &diagnostics, chain: chain + [(file as NSString).standardizingPath])
    else { return nil }
    return merge(parent: parent, child: root)
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
