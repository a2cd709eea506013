/// The Open Packaging Conventions parts both formats need: `[Content_Types].xml` and relationship parts.
enum PackageParts {
  static let xmlDeclaration: StaticString = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

  /// `[Content_Types].xml`: defaults for `.rels` and `.xml`, and an override per part (`/path`, content type).
  static func contentTypes(overrides: [(partName: String, contentType: String)]) -> ZipEntry {
    var xml = XMLBuffer()
    xml.raw(xmlDeclaration)
    xml.raw(#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#)
    xml.raw(#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#)
    xml.raw(#"<Default Extension="xml" ContentType="application/xml"/>"#)
    for override in overrides {
      xml.raw(#"<Override PartName=""#)
      xml.attribute(override.partName)
      xml.raw(#"" ContentType=""#)
      xml.attribute(override.contentType)
      xml.raw(#""/>"#)
    }
    xml.raw("</Types>")
    return ZipEntry(path: "[Content_Types].xml", bytes: xml.bytes)
  }

  /// A relationships part at `path`; ids are `rId1`, `rId2`, … in the order given.
  static func relationships(path: String, _ relationships: [(type: String, target: String)]) -> ZipEntry {
    var xml = XMLBuffer()
    xml.raw(xmlDeclaration)
    xml.raw(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#)
    for (offset, relationship) in relationships.enumerated() {
      xml.raw(#"<Relationship Id="rId"#)
      xml.int(offset + 1)
      xml.raw(#"" Type=""#)
      xml.attribute(relationship.type)
      xml.raw(#"" Target=""#)
      xml.attribute(relationship.target)
      xml.raw(#""/>"#)
    }
    xml.raw("</Relationships>")
    return ZipEntry(path: path, bytes: xml.bytes)
  }

  static let officeDocumentRelationship =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
  static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
}
