/// Part names inside an Open Packaging Conventions package, as zip entry names (no leading `/`).
enum PackagePath {
  /// The folder of `part` (`xl/workbook.xml` → `xl`).
  static func folder(of part: String) -> String {
    guard let slash = part.lastIndex(of: "/") else { return "" }
    return String(part[..<slash])
  }

  /// The relationships part of `part` (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`).
  static func relationships(of part: String) -> String {
    let folder = folder(of: part)
    let name = part.split(separator: "/").last.map(String.init) ?? part
    return (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
  }

  /// `target` resolved against the folder of `source`: relative (`worksheets/sheet1.xml`, `../x.xml`) or absolute
  /// from the package root (`/xl/worksheets/sheet1.xml`); `nil` if it climbs out of the package.
  static func resolve(_ target: String, from source: String) -> String? {
    guard !target.isEmpty, !target.contains("\\") else { return nil }
    var components: [Substring] = []
    if !target.hasPrefix("/") { components = folder(of: source).split(separator: "/") }
    for component in target.split(separator: "/") {
      switch component {
      case ".": continue
      case "..":
        guard !components.isEmpty else { return nil }
        components.removeLast()
      default: components.append(component)
      }
    }
    guard !components.isEmpty else { return nil }
    return components.joined(separator: "/")
  }
}
