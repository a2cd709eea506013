import TieuChi
import TieuChiOffice

extension DiagnosticID {
  static let workbookUnreadable: DiagnosticID = "workbook.unreadable"
  static let workbookNoTable: DiagnosticID = "workbook.no-table"
  static let workbookHiddenSheet: DiagnosticID = "workbook.hidden-sheet"
  static let workbookNoHeaderRow: DiagnosticID = "workbook.no-header-row"
  static let workbookMergedHeader: DiagnosticID = "workbook.merged-header"
  static let workbookMergedCellsFilled: DiagnosticID = "workbook.merged-cells-filled"
  static let workbookFormulaWithoutValue: DiagnosticID = "workbook.formula-without-value"
  static let workbookDataWithoutHeader: DiagnosticID = "workbook.data-without-header"
  static let workbookHiddenRows: DiagnosticID = "workbook.hidden-rows"
  static let workbookSheetTooLarge: DiagnosticID = "workbook.sheet-too-large"
}

extension XLSXSurveyReader {
  /// The diagnostics about workbooks and their sheets, in both languages.
  enum Messages {
    static func unreadable(_ file: String, _ message: XLSXReadError.Message) -> Diagnostic {
      Diagnostic(
        .workbookUnreadable, at: SourceLocation(file: file),
        LocalizedText(
          vi: "không đọc được sổ tính; các trạm trong tệp không được đánh giá (ít nhất 1 bản ghi bị mất): "
            + message.vietnamese,
          en: "the workbook cannot be read; its stations are not evaluated (at least 1 record lost): "
            + message.english))
    }

    static func sheetTooLarge(at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .workbookSheetTooLarge, at: location,
        LocalizedText(
          vi: "trang tính có hơn 4 GB chữ trong các ô, quá lớn để đọc; các dòng từ đây trở đi bị bỏ qua",
          en: "the sheet holds more than 4 GB of cell text, too much to read; the rows from here on were skipped"))
    }

    static func noTable(_ file: String) -> Diagnostic {
      Diagnostic(
        .workbookNoTable, at: SourceLocation(file: file),
        LocalizedText(
          vi: "sổ tính không có trang nào chứa bảng số liệu (một dòng tiêu đề có ít nhất hai ô chữ)",
          en: "the workbook has no sheet holding a table (a header row with at least two text cells)"))
    }

    static func hiddenSheet(at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .workbookHiddenSheet, .warning, at: location,
        LocalizedText(
          vi: "trang \(Diagnostic.quoted(location.sheet ?? "")) bị ẩn nên không được đọc",
          en: "sheet \(Diagnostic.quoted(location.sheet ?? "")) is hidden and was not read"),
        hint: LocalizedText(
          vi: "bỏ ẩn trang (Unhide) nếu nó chứa số liệu", en: "unhide the sheet if it holds survey data"))
    }

    static func noHeaderRow(at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .workbookNoHeaderRow, .warning, at: location,
        LocalizedText(
          vi:
            "trang \(Diagnostic.quoted(location.sheet ?? "")) không có dòng tiêu đề (ít nhất hai ô chữ) nên không được đọc",
          en:
            "sheet \(Diagnostic.quoted(location.sheet ?? "")) has no header row (at least two text cells) and was not read"
        ))
    }

    static func mergedHeader(_ range: String, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .workbookMergedHeader, at: location,
        LocalizedText(
          vi: "các ô \(range) của dòng tiêu đề được gộp: chỉ cột đầu có tiêu đề, các cột sau không được đọc",
          en: "cells \(range) of the header row are merged: only the first column has a header, the others are "
            + "not read"),
        hint: LocalizedText(
          vi: "bỏ gộp ô (Unmerge) và đặt cho mỗi cột một tiêu đề riêng",
          en: "unmerge the cells and give each column its own header"))
    }

    static func mergedCellsFilled(_ ranges: [String], at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .workbookMergedCellsFilled, .warning, at: location,
        LocalizedText(
          vi: "các ô gộp \(ranges.joined(separator: ", ")) được đọc như thể mỗi dòng đều mang giá trị của ô gộp",
          en: "merged cells \(ranges.joined(separator: ", ")) are read as if each row held the merged value"))
    }

    static func formulaWithoutValue(at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .workbookFormulaWithoutValue, .warning, at: location,
        LocalizedText(
          vi: "ô có công thức nhưng chưa có giá trị đã tính: coi là thiếu dữ liệu",
          en: "the cell holds a formula without a calculated value: read as missing"),
        hint: LocalizedText(
          vi: "mở tệp bằng Excel và lưu lại để công thức được tính", en: "open the file in Excel and save it again"))
    }

    static func dataWithoutHeader(at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .workbookDataWithoutHeader, .warning, at: location,
        LocalizedText(
          vi: "cột \(SourceLocation.columnLetters(location.column)) có số liệu nhưng không có tiêu đề: không được đọc",
          en: "column \(SourceLocation.columnLetters(location.column)) holds data but has no header: not read"))
    }

    static func hiddenRows(_ rows: [Int], at location: SourceLocation) -> Diagnostic {
      let shown = rows.prefix(10).map(String.init).joined(separator: ", ")
      let more = rows.count > 10 ? rows.count - 10 : 0
      return Diagnostic(
        .workbookHiddenRows, .warning, at: location,
        LocalizedText(
          vi: "\(rows.count) dòng bị ẩn vẫn được đọc: dòng \(shown)\(more > 0 ? " và \(more) dòng khác" : "")",
          en: "\(rows.count) hidden row(s) were read: row(s) \(shown)\(more > 0 ? " and \(more) more" : "")"))
    }
  }
}
