import Testing
import TieuChiOffice

@Suite("Office: sheet names")
struct SheetNameTests {
  @Test func replacesForbiddenCharacters() {
    #expect(SheetName.sanitized(["Kết quả: 2024/2025 [a*b?c\\d]"]) == ["Kết quả_ 2024_2025 _a_b_c_d_"])
    #expect(SheetName.sanitized(["tab\there\u{0}"]) == ["tab_here_"])
  }

  @Test func cutsToThirtyOneCharactersCountingComposedLetters() {
    let long = String(repeating: "Việt ", count: 10)
    let name = SheetName.sanitized([long])[0]
    #expect(name.utf16.count <= 31)
    #expect(name == "Việt Việt Việt Việt Việt Việt V")
    // NFD input is composed first, so it is not cut in the middle of a letter.
    let decomposed = String(repeating: "Vie\u{0323}\u{0302}t", count: 10)
    #expect(SheetName.sanitized([decomposed])[0] == String(repeating: "Việt", count: 7) + "Việ")
  }

  @Test func makesNamesUniqueIgnoringCase() {
    #expect(SheetName.sanitized(["Xã", "XÃ", "xã", "Xã (2)"]) == ["Xã", "XÃ (2)", "xã (3)", "Xã (2) (2)"])
    let long = String(repeating: "a", count: 40)
    let names = SheetName.sanitized([long, long])
    #expect(names == [String(repeating: "a", count: 31), String(repeating: "a", count: 27) + " (2)"])
  }

  @Test func fillsEmptyAndReservedNames() {
    #expect(
      SheetName.sanitized(["", "  ", "'quoted'", "History", "'"]) == [
        "Sheet1", "Sheet2", "quoted", "History_", "Sheet5",
      ])
  }
}
