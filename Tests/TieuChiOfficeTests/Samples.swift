import TieuChiOffice

/// Inputs shared by the tests: Vietnamese text, exact numbers, and hostile strings from survey data.
enum Samples {
  /// Control characters XML 1.0 forbids, a non-character, markup, and a would-be formula.
  static let hostile = "a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{1F}g\u{FFFE}h<script>alert('x')</script>&amp;\"q\""
  static let hostileCleaned = "abcdefgh<script>alert('x')</script>&amp;\"q\""
  static let formulaLike = "=HYPERLINK(\"http://example.invalid\",\"bấm\")"

  static var workbook: Workbook {
    let header: [Cell] = ["Xã", "Tỷ lệ BHYT", "Số hộ", "Ghi chú", "Đạt"].map { .text($0, style: .header) }
    let rows: [[Cell]] = [
      header,
      [
        .text("Thị trấn Cao Thượng"), .percent(DecimalText("0.9973")!, decimals: 2), .integer(1234),
        .text(formulaLike), .text("Đạt", style: CellStyle(fill: .green)),
      ],
      [
        .text("Xã Ngọc Vân (Hộ “Đồng Lạc”)"), .percent(DecimalText("0.995")!, decimals: 1), .integer(-7),
        .text(hostile, style: CellStyle(wrapText: true)), .text("Không đạt", style: CellStyle(fill: .red)),
      ],
      [
        .text("  khoảng trắng  \nhai dòng"), .number(DecimalText("12345678.125")!), .boolean(true),
        .empty, .text("Chưa rõ", style: CellStyle(fill: .grey)),
      ],
    ]
    let validations = [
      DataValidation(
        range: CellRange(firstRow: 2, firstColumn: 5, lastRow: 100, lastColumn: 5)!,
        rule: .list(["Đạt", "Không đạt", "Chưa rõ"]), errorMessage: "Chọn một giá trị trong danh sách"),
      DataValidation(
        range: CellRange(firstRow: 2, firstColumn: 3, lastRow: 100, lastColumn: 3)!, rule: .wholeNumber(minimum: 0)),
    ]
    return Workbook(sheets: [
      Sheet(
        name: "Kết quả: 2024/2025", rows: rows, headerRowCount: 1, autoFilter: true, columnWidths: [nil, 14],
        dataValidations: validations),
      Sheet(name: "kết quả: 2024/2025", rows: [[.text("bản sao")]]),
    ])
  }

  static var document: WordDocument {
    let header = Table(
      columnWidths: [.millimetres(65), .millimetres(100)],
      rows: [
        TableRow([
          TableCell([
            Paragraph("UBND HUYỆN TÂN YÊN", alignment: .center),
            Paragraph([Run("TRUNG TÂM Y TẾ", bold: true)], alignment: .center),
          ]),
          TableCell([
            Paragraph([Run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, fontSize: 12)], alignment: .center),
            Paragraph([Run("Độc lập - Tự do - Hạnh phúc", bold: true, underline: true)], alignment: .center),
          ]),
        ])
      ], borders: false)
    let gaps = Table(
      columnWidths: [.millimetres(15), .millimetres(90), .millimetres(60)],
      rows: [
        TableRow([TableCell("TT", bold: true), TableCell("Chỉ tiêu", bold: true), TableCell("Cần thêm", bold: true)]),
        TableRow([TableCell("1"), TableCell("Tỷ lệ tham gia BHYT"), TableCell("96 người")]),
        TableRow([TableCell("2"), TableCell(Samples.hostile), TableCell("")]),
      ], headerRowCount: 1)
    return WordDocument(blocks: [
      .table(header),
      .paragraph(
        Paragraph(
          [Run("KẾ HOẠCH", bold: true)], alignment: .center, spaceBefore: .points(12), spaceAfter: .points(6))),
      .heading(Heading(level: 1, "I. Mục đích, yêu cầu")),
      .paragraph(
        Paragraph(
          [Run("1. Mục đích: "), Run("nâng cao", italic: true), Run(" chất lượng trạm y tế xã.\tHết.")],
          alignment: .justify, lineSpacing: 1.15, firstLineIndent: .millimetres(10))),
      .paragraph(Paragraph("- " + Samples.formulaLike)),
      .pageBreak,
      .heading(Heading(level: 2, "II. Nội dung")),
      .table(gaps),
    ])
  }
}
