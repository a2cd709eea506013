/// `word/styles.xml`: document defaults (font, size, language) and the styles the writer refers to.
enum WordStyles {
  static func xml(for document: WordDocument) -> [UInt8] {
    let size = String(Int((document.fontSize.isFinite && document.fontSize > 0 ? document.fontSize * 2 : 28).rounded()))
    var xml = XMLBuffer()
    xml.raw(PackageParts.xmlDeclaration)
    xml.raw(#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#)
    xml.raw("<w:docDefaults><w:rPrDefault><w:rPr>")
    writeFontAndSize(document, size: size, into: &xml)
    xml.raw(#"<w:lang w:val=""#)
    xml.attribute(document.language)
    xml.raw(#"" w:eastAsia=""#)
    xml.attribute(document.language)
    xml.raw(#"" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>"#)
    xml.raw(#"<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>"#)
    xml.raw("</w:docDefaults>")
    // Normal repeats the font: some readers (python-docx among them) look only at styles, not at the defaults.
    xml.raw(#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>"#)
    xml.raw("<w:rPr>")
    writeFontAndSize(document, size: size, into: &xml)
    xml.raw("</w:rPr></w:style>")
    // Built-in names ("heading 1") so that Word treats them as its headings (navigation pane, table of contents);
    // black and in the body font, as administrative documents want, unlike Word's blue default.
    for level in 1...3 {
      xml.raw(#"<w:style w:type="paragraph" w:styleId="Heading"#)
      xml.int(level)
      xml.raw(#""><w:name w:val="heading "#)
      xml.int(level)
      xml.raw(#""/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>"#)
      xml.raw(#"<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=""#)
      xml.int(level == 1 ? 240 : 120)
      xml.raw(#"" w:after="120"/><w:outlineLvl w:val=""#)
      xml.int(level - 1)
      xml.raw(#""/></w:pPr><w:rPr><w:b/><w:bCs/>"#)
      if level == 3 { xml.raw("<w:i/><w:iCs/>") }
      xml.raw(#"<w:color w:val="000000"/></w:rPr></w:style>"#)
    }
    xml.raw(#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>"#)
    xml.raw(#"<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>"#)
    xml.raw(#"<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>"#)
    xml.raw(#"<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#)
    xml.raw("</w:styles>")
    return xml.bytes
  }

  private static func writeFontAndSize(_ document: WordDocument, size: String, into xml: inout XMLBuffer) {
    xml.raw("<w:rFonts")
    for slot: StaticString in [" w:ascii=\"", " w:hAnsi=\"", " w:eastAsia=\"", " w:cs=\""] {
      xml.raw(slot)
      xml.attribute(document.fontName)
      xml.raw("\"")
    }
    xml.raw(#"/><w:sz w:val=""#)
    xml.raw(size)
    xml.raw(#""/><w:szCs w:val=""#)
    xml.raw(size)
    xml.raw(#""/>"#)
  }
}
