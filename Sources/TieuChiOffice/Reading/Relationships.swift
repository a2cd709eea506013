/// A relationships part (`_rels/.rels`, `xl/_rels/workbook.xml.rels`): internal targets by id, resolved to part
/// names.
struct Relationships {
  struct Relationship {
    var type: String
    var target: String
  }

  private(set) var byID: [String: Relationship] = [:]
  private(set) var inOrder: [Relationship] = []

  /// Parses `bytes`, the relationships of `source`. External targets (hyperlinks) are skipped; an internal target
  /// that leaves the package is an error.
  init(_ bytes: [UInt8], part: String, source: String, limits: XLSXLimits) throws(XLSXReadError) {
    var scanner = try XMLScanner(bytes, part: part, maximumDepth: limits.maximumXMLDepth)
    while let event = try scanner.next() {
      guard case .start("Relationship") = event else { continue }
      guard scanner.attribute("TargetMode") != "External", let id = scanner.attribute("Id"),
        let type = scanner.attribute("Type"), let target = scanner.attribute("Target")
      else { continue }
      guard let resolved = PackagePath.resolve(target, from: source) else {
        throw .invalidRelationshipTarget(target)
      }
      let relationship = Relationship(type: type, target: resolved)
      byID[id] = relationship
      inOrder.append(relationship)
    }
  }

  /// The first target whose type ends with `/kind` (matching both the transitional and the strict namespaces).
  func target(ofKind kind: String) -> String? {
    inOrder.first { $0.type.hasSuffix("/" + kind) }?.target
  }
}
