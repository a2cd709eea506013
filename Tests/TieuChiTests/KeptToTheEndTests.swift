import Testing

@testable import TieuChi

/// What a streamed check keeps of every commune until the end — the summary table's rows, packed and spilled to a
/// temporary file past a few megabytes (`SummaryRows`), and the group items, packed in segments (`SegmentedArray`) —
/// must give back exactly what was put in, in order, across segments, read blocks and the file.
@Suite("What a streamed check keeps to the end comes back whole and in order")
struct KeptToTheEndTests {
  /// A row of five cells, some of them long or not ASCII.
  static func cells(_ number: Int) -> [String] {
    [
      Self.code(number), number % 7 == 0 ? "Xã Đồng Lạc \(number)" : "Phường \(number)", "2030",
      number % 3 == 0 ? "ĐẠT" : "KHÔNG ĐẠT", number % 5 == 0 ? "không đạt: doctor, bhyt-coverage" : "",
    ]
  }

  static func code(_ number: Int) -> String {
    let digits = "\(number)"
    return Swift.String(repeating: "0", count: max(0, 5 - digits.count)) + digits
  }

  /// The lines of `rows`, read back window by window.
  static func lines(_ rows: SummaryRows) -> [UInt8] {
    var lines: [UInt8] = []
    rows.forEachWindow(chunk: 100, chunks: 3) { chunks in
      for chunk in chunks { lines += chunk.lines(widths: rows.widths) }
    }
    return lines
  }

  @Test("Rows gathered chunk by chunk past the spilling point read back as the rows made in one piece")
  func rowsSpillAndComeBack() {
    // About 100 bytes a row: 120,000 rows are three times the spilling point.
    var whole = SummaryRows()
    var gathered = SummaryRows()
    for start in stride(from: 0, to: 120_000, by: 1_000) {
      var chunk = SummaryRows()
      for number in start..<(start + 1_000) {
        chunk.append(Self.cells(number))
        whole.append(Self.cells(number))
      }
      gathered.append(contentsOf: chunk)
    }
    #expect(gathered.count == 120_000)
    #expect(gathered.spilledBytes >= SummaryRows.spillAt)
    #expect(whole.spilledBytes == 0)
    #expect(gathered.widths == whole.widths)
    let expected = Self.lines(whole)
    let lines = Self.lines(gathered)
    #expect(lines == expected)
    // Every row once, in order, padded to the widest name.
    let text = Swift.String(decoding: lines, as: UTF8.self).split(separator: "\n")
    #expect(text.count == 120_000)
    // Codes of six digits past 99,999; names up to "Xã Đồng Lạc 119994", 18 characters.
    #expect(text.first == "  00000   Xã Đồng Lạc 0       2030  ĐẠT        không đạt: doctor, bhyt-coverage")
    #expect(text.last == "  119999  Phường 119999       2030  KHÔNG ĐẠT")
  }

  @Test("A cell longer than several read blocks (a hostile name of 4.5 MB) comes back whole")
  func hugeCellCrossesBlocks() {
    let huge = Swift.String(repeating: "Ạ", count: 1_500_000)
    var gathered = SummaryRows()
    var whole = SummaryRows()
    for number in 0..<3 {
      var chunk = SummaryRows()
      var cells = Self.cells(number)
      if number == 1 { cells[1] = huge }
      chunk.append(cells)
      whole.append(cells)
      gathered.append(contentsOf: chunk)
    }
    #expect(gathered.widths[1] == 1_500_000)
    #expect(gathered.spilledBytes > 0)
    #expect(Self.lines(gathered) == Self.lines(whole))
  }

  @Test("Rows cut out (duplicates) no longer count in the columns' widths")
  func keepingRecomputesWidths() {
    var rows = SummaryRows()
    rows.append(Self.cells(1))
    rows.append(["00002", "Xã có tên rất rất rất dài", "2030", "ĐẠT", ""])
    rows.append(Self.cells(3))
    let kept = rows.keeping([0, 2])
    #expect(kept.count == 2)
    #expect(kept.widths == [5, 8, 4, 9, 0])
    #expect(
      Swift.String(decoding: Self.lines(kept), as: UTF8.self)
        == "  00001  Phường 1  2030  KHÔNG ĐẠT\n  00003  Phường 3  2030  ĐẠT\n")
  }

  @Test("A segmented array gives back every element, one by one and by ranges across segments")
  func segmentsKeepOrder() {
    var numbers = SegmentedArray<Int>(segmentShift: 4)
    var bytes = SegmentedArray<UInt8>(segmentShift: 3)
    var expected: [UInt8] = []
    for number in 0..<1_000 {
      numbers.append(number)
      let piece = (0..<(number % 11)).map { UInt8(truncatingIfNeeded: number &+ $0) }
      bytes.append(contentsOf: piece)
      expected += piece
    }
    #expect(numbers.count == 1_000)
    #expect((0..<1_000).allSatisfy { numbers[$0] == $0 })
    #expect(bytes.elements(0..<bytes.count) == expected)
    #expect(bytes.elements(5..<30) == Array(expected[5..<30]))
    // Every range a slice is asked for: within a segment (sliced) or across them (copied), and empty ones.
    for start in 0..<60 {
      for end in start..<(start + 20) where end <= bytes.count {
        #expect(Array(bytes.slice(start..<end)) == Array(expected[start..<end]), "\(start)..<\(end)")
      }
    }
    #expect(bytes.slice(bytes.count..<bytes.count).isEmpty)
    var copy = SegmentedArray<UInt8>(segmentShift: 5)
    copy.append(contentsOf: [1, 2, 3])
    copy.append(contentsOf: bytes)
    #expect(copy.elements(0..<copy.count) == [1, 2, 3] + expected)
  }

  @Test("A cell's width counted from its bytes is its number of characters, whatever the text")
  func cellWidths() {
    let cells = [
      "", "00123", "Xã Ba Làng", "Phường Hợp Đức", "Thôn Ngọc Vân · 2030", "không đạt: doctor, bhyt-coverage",
      "Ấp Mỹ Hòa; chưa rõ: telemedicine", "Đắk Lắk", "Ø ÿ Ā ž ɏ ɐ", "a\u{00AD}b",
      // Decomposed marks, CR LF, tabs, emoji, Hangul, Thai: the characters are counted the usual way.
      "Xa\u{0303} Ba La\u{0300}ng", "a\r\nb", "a\tb", "👍🏽 ok", "🇻🇳", "한국", "ก่", "e\u{0301}\u{0301}",
      "Ə\u{0301}", "\u{1EF9}\u{0323}", "\u{0250}x",
    ]
    for cell in cells {
      #expect(SummaryRows.characters(cell) == cell.count, "\(cell.debugDescription)")
    }
  }
}
