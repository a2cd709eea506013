import Testing
import TieuChiOffice

@Suite("Office: XML escaping")
struct XMLEscapingTests {
  @Test func escapesMarkupInText() {
    #expect(XMLEscaping.escapedText("a < b && c > d") == "a &lt; b &amp;&amp; c &gt; d")
    #expect(XMLEscaping.escapedText(#"say "hi" 'x'"#) == #"say "hi" 'x'"#)
    #expect(XMLEscaping.escapedText("Độc lập - Tự do - Hạnh phúc") == "Độc lập - Tự do - Hạnh phúc")
  }

  @Test func keepsTabAndNewlineInTextButEscapesCarriageReturn() {
    #expect(XMLEscaping.escapedText("a\tb\nc\r\nd") == "a\tb\nc&#13;\nd")
  }

  @Test func escapesQuotesAndWhitespaceInAttributes() {
    #expect(XMLEscaping.escapedAttribute("a\"b<c>&\t\n\r") == "a&quot;b&lt;c&gt;&amp;&#9;&#10;&#13;")
  }

  @Test func dropsCharactersXMLForbids() {
    #expect(XMLEscaping.removingForbiddenCharacters(Samples.hostile) == Samples.hostileCleaned)
    #expect(XMLEscaping.escapedText("x\u{0}\u{7}\u{1B}y\u{FFFF}z") == "xyz")
    #expect(XMLEscaping.escapedAttribute("\u{1}\u{FFFE}") == "")
    // Allowed: DEL, C1 controls, private use, astral characters.
    let allowed = "\u{7F}\u{85}\u{E000}😀"
    #expect(XMLEscaping.escapedText(allowed) == allowed)
    #expect(!XMLEscaping.isAllowed("\u{1F}") && XMLEscaping.isAllowed("\u{9}") && XMLEscaping.isAllowed("\u{10FFFF}"))
  }

  @Test func handlesDecomposedVietnamese() {
    let decomposed = "Vie\u{0323}\u{0302}t"  // "Việt" in NFD
    #expect(XMLEscaping.escapedText(decomposed) == decomposed)
  }
}
