/// Writes a `WordDocument` as a DOCX file: WordprocessingML written by hand, zipped by `ZipWriter`.
///
/// The same document always gives the same bytes; text is escaped and stripped of characters XML 1.0 forbids. Word
/// joins two tables that touch into one, so an empty paragraph is written between consecutive tables, and after a
/// final table (Word requires a paragraph last in the body).
public struct WordprocessingMLWriter: Sendable {
  public init() {}

  /// The bytes of the `.docx` file.
  public func data(for document: WordDocument) throws(ZipWriterError) -> [UInt8] {
    try ZipWriter.archive(parts(for: document))
  }

  /// The package parts before zipping, in archive order.
  public func parts(for document: WordDocument) -> [ZipEntry] {
    let relationshipBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    return [
      PackageParts.contentTypes(overrides: [
        ("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
        ("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"),
      ]),
      PackageParts.relationships(path: "_rels/.rels", [(PackageParts.officeDocumentRelationship, "word/document.xml")]),
      ZipEntry(path: "word/document.xml", bytes: documentXML(document)),
      PackageParts.relationships(path: "word/_rels/document.xml.rels", [(relationshipBase + "styles", "styles.xml")]),
      ZipEntry(path: "word/styles.xml", bytes: WordStyles.xml(for: document)),
    ]
  }

  private func documentXML(_ document: WordDocument) -> [UInt8] {
    var xml = XMLBuffer(capacity: 16_384)
    xml.raw(PackageParts.xmlDeclaration)
    xml.raw(#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#)
    xml.raw(#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#)
    var previousWasTable = false
    for block in document.blocks {
      switch block {
      case .paragraph(let paragraph):
        write(paragraph, style: nil, into: &xml)
      case .heading(let heading):
        let paragraph = Paragraph(heading.runs, alignment: heading.alignment)
        write(paragraph, style: "Heading\(heading.clampedLevel)", into: &xml)
      case .table(let table):
        if previousWasTable { xml.raw("<w:p/>") }
        write(table, into: &xml)
      case .pageBreak:
        xml.raw(#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#)
      }
      if case .table = block { previousWasTable = true } else { previousWasTable = false }
    }
    if previousWasTable { xml.raw("<w:p/>") }
    let page = document.page
    xml.raw(#"<w:sectPr><w:pgSz w:w=""#)
    xml.int(page.width.twips)
    xml.raw(#"" w:h=""#)
    xml.int(page.height.twips)
    xml.raw(#""/><w:pgMar w:top=""#)
    xml.int(page.top.twips)
    xml.raw(#"" w:right=""#)
    xml.int(page.right.twips)
    xml.raw(#"" w:bottom=""#)
    xml.int(page.bottom.twips)
    xml.raw(#"" w:left=""#)
    xml.int(page.left.twips)
    xml.raw(#"" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>"#)
    return xml.bytes
  }

  /// `w:pPr` children follow the schema's order: pStyle, keepNext, spacing, ind, jc.
  private func write(_ paragraph: Paragraph, style: String?, into xml: inout XMLBuffer) {
    xml.raw("<w:p>")
    var properties = XMLBuffer(capacity: 128)
    if let style {
      properties.raw(#"<w:pStyle w:val=""#)
      properties.attribute(style)
      properties.raw(#""/>"#)
    }
    if paragraph.keepWithNext { properties.raw("<w:keepNext/>") }
    if paragraph.spaceBefore != nil || paragraph.spaceAfter != nil || paragraph.lineSpacing != nil {
      properties.raw("<w:spacing")
      if let before = paragraph.spaceBefore { Self.attribute(" w:before=", before.twips, into: &properties) }
      if let after = paragraph.spaceAfter { Self.attribute(" w:after=", after.twips, into: &properties) }
      if let line = paragraph.lineSpacing, line.isFinite, line > 0 {
        // "auto" lines are in 240ths of single spacing.
        Self.attribute(" w:line=", Int((line * 240).rounded()), into: &properties)
        properties.raw(#" w:lineRule="auto""#)
      }
      properties.raw("/>")
    }
    if let indent = paragraph.firstLineIndent {
      // A negative first-line indent is a hanging indent in WordprocessingML.
      if indent.twips >= 0 {
        Self.attribute("<w:ind w:firstLine=", indent.twips, into: &properties)
      } else {
        Self.attribute("<w:ind w:hanging=", -indent.twips, into: &properties)
      }
      properties.raw("/>")
    }
    if let alignment = paragraph.alignment {
      properties.raw(#"<w:jc w:val=""#)
      properties.raw(alignment.wordValue)
      properties.raw(#""/>"#)
    }
    if !properties.bytes.isEmpty {
      xml.raw("<w:pPr>")
      xml.raw(bytes: properties.bytes)
      xml.raw("</w:pPr>")
    }
    for run in paragraph.runs { write(run, into: &xml) }
    xml.raw("</w:p>")
  }

  private static func attribute(_ name: StaticString, _ value: Int, into xml: inout XMLBuffer) {
    xml.raw(name)
    xml.raw("\"")
    xml.int(value)
    xml.raw("\"")
  }

  /// `w:rPr` children in schema order: b, bCs, i, iCs, u, sz, szCs. Newlines become `w:br`, tabs `w:tab`.
  private func write(_ run: Run, into xml: inout XMLBuffer) {
    xml.raw("<w:r>")
    if run.bold || run.italic || run.underline || run.fontSize != nil {
      xml.raw("<w:rPr>")
      if run.bold { xml.raw("<w:b/><w:bCs/>") }
      if run.italic { xml.raw("<w:i/><w:iCs/>") }
      if run.underline { xml.raw(#"<w:u w:val="single"/>"#) }
      if let size = run.fontSize, size.isFinite, size > 0 {
        let halfPoints = Int((size * 2).rounded())
        Self.attribute("<w:sz w:val=", halfPoints, into: &xml)
        Self.attribute("/><w:szCs w:val=", halfPoints, into: &xml)
        xml.raw("/>")
      }
      xml.raw("</w:rPr>")
    }
    var segment = ""
    func flush(_ xml: inout XMLBuffer) {
      guard !segment.isEmpty else { return }
      // Without xml:space="preserve", leading and trailing spaces of a segment are lost.
      xml.raw(#"<w:t xml:space="preserve">"#)
      xml.text(segment)
      xml.raw("</w:t>")
      segment = ""
    }
    // Forbidden characters go first: vertical tab and form feed count as newlines in Swift, and would otherwise
    // turn into line breaks instead of being dropped as everywhere else.
    for character in XMLEscaping.removingForbiddenCharacters(run.text) {
      if character.isNewline {
        flush(&xml)
        xml.raw("<w:br/>")
      } else if character == "\t" {
        flush(&xml)
        xml.raw("<w:tab/>")
      } else {
        segment.append(character)
      }
    }
    flush(&xml)
    xml.raw("</w:r>")
  }

  private func write(_ table: Table, into xml: inout XMLBuffer) {
    let widths = table.columnWidths.map { max($0.twips, 0) }
    xml.raw("<w:tbl><w:tblPr>")
    Self.attribute(#"<w:tblW w:type="dxa" w:w="#, widths.reduce(0, +), into: &xml)
    xml.raw("/><w:tblBorders>")
    for side: StaticString in ["top", "left", "bottom", "right", "insideH", "insideV"] {
      xml.raw("<w:")
      xml.raw(side)
      xml.raw(table.borders ? #" w:val="single" w:sz="4" w:space="0" w:color="000000"/>"# : #" w:val="nil"/>"#)
    }
    xml.raw(#"</w:tblBorders><w:tblLayout w:type="fixed"/>"#)
    xml.raw(#"<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>"#)
    xml.raw("</w:tblPr><w:tblGrid>")
    for width in widths {
      Self.attribute("<w:gridCol w:w=", width, into: &xml)
      xml.raw("/>")
    }
    xml.raw("</w:tblGrid>")
    for (rowIndex, row) in table.rows.enumerated() {
      xml.raw("<w:tr>")
      let isHeader = rowIndex < table.headerRowCount
      if row.cantSplit || isHeader {
        xml.raw("<w:trPr>")
        if row.cantSplit { xml.raw("<w:cantSplit/>") }
        // Repeats the row at the top of each page the table continues on.
        if isHeader { xml.raw("<w:tblHeader/>") }
        xml.raw("</w:trPr>")
      }
      var column = 0
      for cell in row.cells {
        let span = max(cell.columnSpan, 1)
        let width = widths.dropFirst(column).prefix(span).reduce(0, +)
        column += span
        xml.raw("<w:tc><w:tcPr>")
        Self.attribute(#"<w:tcW w:type="dxa" w:w="#, width, into: &xml)
        xml.raw("/>")
        if span > 1 {
          Self.attribute("<w:gridSpan w:val=", span, into: &xml)
          xml.raw("/>")
        }
        if let shading = cell.shading, shading.utf8.count == 6, shading.utf8.allSatisfy(\.isHexDigit) {
          xml.raw(#"<w:shd w:val="clear" w:color="auto" w:fill=""#)
          xml.raw(shading)
          xml.raw(#""/>"#)
        }
        if let alignment = cell.verticalAlignment {
          xml.raw(#"<w:vAlign w:val=""#)
          xml.raw(alignment.rawValue)
          xml.raw(#""/>"#)
        }
        xml.raw("</w:tcPr>")
        if cell.paragraphs.isEmpty { xml.raw("<w:p/>") }
        for paragraph in cell.paragraphs { write(paragraph, style: nil, into: &xml) }
        xml.raw("</w:tc>")
      }
      xml.raw("</w:tr>")
    }
    xml.raw("</w:tbl>")
  }
}

extension UInt8 {
  fileprivate var isHexDigit: Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
      || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
  }
}
