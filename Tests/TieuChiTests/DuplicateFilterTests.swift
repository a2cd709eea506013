import Foundation
import Testing

@testable import TieuChi

/// The duplicate check a streamed batch keeps for every station: later copies of a station-year are found after
/// the table has grown many times, name the first copy's place exactly, and no two different pairs of code and year
/// are taken for one another.
struct DuplicateFilterTests {
  private func record(_ code: String, _ year: Int?, at location: TieuChi.SourceLocation) -> StationRecord {
    StationRecord(location: location, code: code, name: nil, year: year, attributes: [:], values: [])
  }

  /// Whether the filter takes `record` as the first of its station-year.
  private func admits(_ filter: inout DuplicateFilter, _ record: StationRecord) -> Bool {
    if case .none = filter.duplicate(record) { true } else { false }
  }

  @Test func laterCopiesNameTheFirstAfterManyStations() throws {
    var filter = DuplicateFilter()
    // 5,000 station-years (the table starts at 1,024 slots and grows past 8,192), in two files and a sheet.
    for index in 0..<5_000 {
      var location = TieuChi.SourceLocation(
        file: index % 2 == 0 ? "a.csv" : "b.xlsx", line: index + 2, column: index % 7,
        sheet: index % 2 == 0 ? nil : "Trạm")
      if index % 2 == 0 { location.tableColumn = index % 3 }
      #expect(admits(&filter, record(String(format: "%05d", index), 2030, at: location)))
    }
    // The same codes in another year are other station-years.
    #expect(admits(&filter, record("00042", 2029, at: TieuChi.SourceLocation(file: "c.csv", line: 1, column: 1))))
    #expect(admits(&filter, record("00042", Int?.none, at: TieuChi.SourceLocation(file: "c.csv", line: 2, column: 1))))

    for index in [0, 1, 1_023, 4_096, 4_999] {
      let again = TieuChi.SourceLocation(file: "c.csv", line: 100 + index, column: 1)
      let found = filter.duplicate(record(String(format: "%05d", index), 2030, at: again))
      let diagnostic = try #require(found)
      #expect(diagnostic.id == "survey.duplicate-station")
      #expect(diagnostic.location == again)
      var first = TieuChi.SourceLocation(
        file: index % 2 == 0 ? "a.csv" : "b.xlsx", line: index + 2, column: index % 7,
        sheet: index % 2 == 0 ? nil : "Trạm")
      if index % 2 == 0 { first.tableColumn = index % 3 }
      let note = try #require(diagnostic.notes.first)
      #expect(note.location == first)
      #expect(note.location?.tableColumn == first.tableColumn)
      #expect(note.location?.description == first.description)
    }
    // A copy of a station without a year.
    #expect(!admits(&filter, record("00042", Int?.none, at: TieuChi.SourceLocation(file: "c.csv", line: 3, column: 1))))
  }

  /// Code and year are kept apart: "a2" in 30 is not "a" in 230, nor "a|2030" without a year "a" in 2030.
  @Test func codeAndYearNeverRunIntoAnotherPair() {
    var filter = DuplicateFilter()
    #expect(admits(&filter, record("a|2030", Int?.none, at: TieuChi.SourceLocation(file: "t.csv", line: 2, column: 1))))
    #expect(admits(&filter, record("a", 2030, at: TieuChi.SourceLocation(file: "t.csv", line: 3, column: 1))))
    #expect(admits(&filter, record("a2", 30, at: TieuChi.SourceLocation(file: "t.csv", line: 4, column: 1))))
    #expect(admits(&filter, record("a", 230, at: TieuChi.SourceLocation(file: "t.csv", line: 5, column: 1))))
  }

  /// A place that does not pack into the compact form (a line past 2³²) is still named exactly.
  @Test func farPlacesAreKeptWhole() throws {
    var filter = DuplicateFilter()
    let far = TieuChi.SourceLocation(file: "big.yaml", line: 1 << 40, column: -3)
    #expect(admits(&filter, record("07339", 2025, at: far)))
    let found = filter.duplicate(
      record("07339", 2025, at: TieuChi.SourceLocation(file: "big.yaml", line: 2, column: 1)))
    let diagnostic = try #require(found)
    #expect(diagnostic.notes.first?.location == far)
  }
}
