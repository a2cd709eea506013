import Testing
import TieuChiOffice

@Suite("Office: WordprocessingML writer")
struct WordprocessingMLWriterTests {
  let parts = WordprocessingMLWriter().parts(for: Samples.document)

  @Test func writesTheRequiredParts() {
    #expect(
      parts.map(\.path) == [
        "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
      ])
  }

  @Test func usesA4AndTheMarginsOfDecree30() throws {
    let document = try part("word/document.xml", in: parts)
    #expect(document.contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#))
    #expect(document.contains(#"<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" "#))
    #expect(document.hasSuffix("</w:sectPr></w:body></w:document>"))
  }

  @Test func setsTimesNewRomanAndVietnamese() throws {
    let styles = try part("word/styles.xml", in: parts)
    #expect(
      styles.contains(
        #"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" "#
          + #"w:cs="Times New Roman"/><w:sz w:val="28"/>"#
      ))
    #expect(styles.contains(#"<w:lang w:val="vi-VN""#))
    #expect(styles.contains(#"w:styleId="Heading1"><w:name w:val="heading 1"/>"#))
  }

  @Test func writesParagraphAndRunProperties() throws {
    let document = try part("word/document.xml", in: parts)
    #expect(
      document.contains(
        #"<w:pPr><w:spacing w:line="276" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr>"#))
    #expect(document.contains(#"<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">nâng cao</w:t></w:r>"#))
    #expect(document.contains(#"<w:t xml:space="preserve"> chất lượng trạm y tế xã.</w:t><w:tab/>"#))
    #expect(document.contains(#"<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>"#))
    #expect(document.contains(#"<w:br w:type="page"/>"#))
  }

  @Test func writesTablesWithRepeatedHeaderAndOptionalBorders() throws {
    let document = try part("word/document.xml", in: parts)
    #expect(document.contains(#"<w:top w:val="nil"/>"#))
    #expect(document.contains(#"<w:top w:val="single" w:sz="4""#))
    #expect(document.contains("<w:trPr><w:tblHeader/></w:trPr>"))
    // A final table is followed by a paragraph, as Word requires.
    #expect(document.contains("</w:tbl><w:p/><w:sectPr>"))
    #expect(!document.contains("<script>") && !document.contains("\u{1}"))
  }

  @Test func sameDocumentGivesSameBytes() throws {
    let writer = WordprocessingMLWriter()
    #expect(try writer.data(for: Samples.document) == writer.data(for: Samples.document))
  }
}
