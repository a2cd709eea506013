import Testing
import TieuChiOffice

@Suite("Office: column names")
struct ColumnNameTests {
  @Test(arguments: [
    (1, "A"), (2, "B"), (26, "Z"), (27, "AA"), (28, "AB"), (52, "AZ"), (53, "BA"), (702, "ZZ"),
    (703, "AAA"), (16_384, "XFD"),
  ])
  func lettersAndBack(number: Int, letters: String) {
    #expect(ColumnName.letters(forColumn: number) == letters)
    #expect(ColumnName.column(forLetters: letters) == number)
    #expect(ColumnName.column(forLetters: letters.lowercased()) == number)
  }

  @Test func roundTripsEveryColumn() {
    for number in 1...ColumnName.maximumColumn {
      #expect(ColumnName.letters(forColumn: number).flatMap(ColumnName.column(forLetters:)) == number)
    }
  }

  @Test func rejectsOutOfRange() {
    #expect(ColumnName.letters(forColumn: 0) == nil)
    #expect(ColumnName.letters(forColumn: 16_385) == nil)
    for bad in ["", "XFE", "AAAA", "A1", "@", "[", "Ă", "a b"] {
      #expect(ColumnName.column(forLetters: bad) == nil, "\(bad)")
    }
  }

  @Test func cellRanges() {
    #expect(CellRange(firstRow: 1, firstColumn: 1, lastRow: 10, lastColumn: 27)?.description == "A1:AA10")
    #expect(CellRange(firstRow: 3, firstColumn: 2, lastRow: 3, lastColumn: 2)?.description == "B3")
    #expect(CellRange(firstRow: 2, firstColumn: 1, lastRow: 1, lastColumn: 1) == nil)
    #expect(CellRange(firstRow: 1, firstColumn: 1, lastRow: 1_048_577, lastColumn: 1) == nil)
  }

  @Test func decimalTextIsStrict() {
    for good in ["0", "0.9973", "-12.50", "12345678901234567890"] { #expect(DecimalText(good)?.text == good) }
    for bad in ["", "99,5", "1e5", "+1", ".5", "5.", "1.2.3", "NaN", "-", " 1", "١"] {
      #expect(DecimalText(bad) == nil, "\(bad)")
    }
    #expect(DecimalText(-42).text == "-42")
  }
}
