extension DiagnosticID {
  static let csvUTF16: DiagnosticID = "csv.utf16"
  static let csvInvalidUTF8: DiagnosticID = "csv.invalid-utf8"
  static let csvEmptyFile: DiagnosticID = "csv.empty-file"
  static let csvEmptyColumnName: DiagnosticID = "csv.empty-column-name"
  static let csvDuplicateColumnName: DiagnosticID = "csv.duplicate-column-name"
  static let csvFieldCount: DiagnosticID = "csv.field-count"
  static let csvExtraEmptyFields: DiagnosticID = "csv.extra-empty-fields"
  static let csvStrayQuote: DiagnosticID = "csv.stray-quote"
  static let csvTextAfterQuote: DiagnosticID = "csv.text-after-quote"
  static let csvUnclosedQuote: DiagnosticID = "csv.unclosed-quote"
  static let csvTooManyColumns: DiagnosticID = "csv.too-many-columns"
  static let csvRecordTooLong: DiagnosticID = "csv.record-too-long"
  static let csvTableTooLarge: DiagnosticID = "csv.table-too-large"
}

extension CSVReader {
  /// Every diagnostic the CSV reader can produce, in both languages. Built only when something is
  /// wrong, so the reading loop never pays for message text.
  enum Messages {
    /// What an unreadable record costs, said at the end of its error.
    static func consequence(isHeader: Bool) -> LocalizedText {
      isHeader
        ? LocalizedText(
          vi: "không đọc được dòng tiêu đề nên không đọc dòng nào của tệp",
          en: "the header could not be read, so no row of the file was read")
        : LocalizedText(vi: "dòng này bị bỏ qua", en: "the row was skipped")
    }

    static func separatorName(_ separator: UInt8) -> LocalizedText {
      separator == 0x09
        ? LocalizedText(vi: "ký tự tab", en: "tab")
        : LocalizedText("\(Diagnostic.quoted(String(UnicodeScalar(separator))))")
    }

    static func utf16(file: String) -> Diagnostic {
      InputBytes.utf16Diagnostic(.csvUTF16, file: file)
    }

    static func invalidUTF8(at location: SourceLocation, byte: UInt8, isHeader: Bool) -> Diagnostic {
      Diagnostic(
        .csvInvalidUTF8, at: location,
        InputBytes.invalidUTF8Message(byte: byte, consequence: isHeader ? nil : consequence(isHeader: false)),
        hint: InputBytes.saveAsUTF8Hint)
    }

    static func emptyFile(_ file: String) -> Diagnostic {
      Diagnostic(
        .csvEmptyFile, at: SourceLocation(file: file),
        LocalizedText(
          vi: "tệp CSV trống: không có dòng tiêu đề chứa tên các cột",
          en: "the CSV file is empty: it has no header line with the column names"))
    }

    static func emptyColumnName(at location: SourceLocation, position: Int) -> Diagnostic {
      Diagnostic(
        .csvEmptyColumnName, at: location,
        LocalizedText(
          vi: "tên cột trống ở trường thứ \(position + 1) của dòng tiêu đề",
          en: "empty column name in field \(position + 1) of the header"))
    }

    static func duplicateColumnName(
      _ name: String, at location: SourceLocation, first: Int, firstLocation: SourceLocation
    ) -> Diagnostic {
      Diagnostic(
        .csvDuplicateColumnName, at: location,
        LocalizedText(
          vi: "tên cột \(Diagnostic.quoted(name)) bị trùng: đã dùng ở trường thứ \(first + 1) của dòng tiêu đề",
          en: "duplicate column name \(Diagnostic.quoted(name)): already used by field \(first + 1) of the header"),
        notes: [
          Diagnostic.Note(
            at: firstLocation,
            LocalizedText(
              vi: "cột \(Diagnostic.quoted(name)) đầu tiên ở đây",
              en: "the first \(Diagnostic.quoted(name)) column is here"))
        ])
    }

    static func fieldCount(_ count: Int, width: Int, at location: SourceLocation, separator: UInt8) -> Diagnostic {
      var hint: LocalizedText?
      if count > width {
        let example =
          separator == 0x2C
          ? LocalizedText(vi: ", như dấu phẩy thập phân trong 99,5,", en: ", such as the decimal comma in 99,5,")
          : LocalizedText("")
        let name = separatorName(separator)
        hint = LocalizedText(
          vi: "giá trị chứa dấu phân cách \(name.vi)\(example.vi) phải đặt trong dấu ngoặc kép",
          en: "a value that contains the separator \(name.en)\(example.en) must be in double quotes")
      }
      return Diagnostic(
        .csvFieldCount, at: location,
        LocalizedText(
          vi: "dòng có \(count) trường nhưng dòng tiêu đề có \(width); dòng này bị bỏ qua",
          en: "the row has \(count) field\(count == 1 ? "" : "s") but the header has \(width); the row was skipped"),
        hint: hint)
    }

    static func extraEmptyFields(_ count: Int, width: Int, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .csvExtraEmptyFields, .warning, at: location,
        LocalizedText(
          vi: "dòng có \(count) trường nhưng dòng tiêu đề có \(width); các trường thừa đều trống nên được bỏ qua",
          en: "the row has \(count) fields but the header has \(width); the extra fields are all empty "
            + "and were ignored"))
    }

    /// Extends the warning about ignored empty fields with how many other rows had them.
    static func alsoOnOtherRows(_ diagnostic: inout Diagnostic, others: Int) {
      diagnostic.message.vi += " (tương tự ở \(others) dòng khác)"
      diagnostic.message.en += " (also on \(others) other row\(others == 1 ? "" : "s"))"
    }

    static func strayQuote(at location: SourceLocation, isHeader: Bool) -> Diagnostic {
      let consequence = consequence(isHeader: isHeader)
      return Diagnostic(
        .csvStrayQuote, at: location,
        LocalizedText(
          vi: "Lỗi cú pháp CSV: dấu '\"' nằm giữa một trường không mở bằng dấu '\"'; \(consequence.vi)",
          en: "CSV syntax error: a '\"' inside a field that does not start with '\"'; \(consequence.en)"),
        hint: LocalizedText(
          vi: "trường chứa dấu '\"' phải đặt cả trong dấu ngoặc kép, và mỗi dấu '\"' bên trong viết thành \"\"",
          en: "a field containing '\"' must be quoted as a whole, with each '\"' inside written as \"\""))
    }

    static func textAfterQuote(
      at location: SourceLocation, found: LocalizedText, separator: UInt8, isHeader: Bool
    ) -> Diagnostic {
      let name = separatorName(separator)
      let consequence = consequence(isHeader: isHeader)
      return Diagnostic(
        .csvTextAfterQuote, at: location,
        LocalizedText(
          vi: "Lỗi cú pháp CSV: cần dấu phân cách \(name.vi) hoặc hết dòng sau dấu '\"' đóng, gặp \(found.vi); "
            + consequence.vi,
          en: "CSV syntax error: expected the separator \(name.en) or the end of the line after the closing '\"', "
            + "found \(found.en); \(consequence.en)"),
        hint: LocalizedText(
          vi: "dấu '\"' bên trong một trường đặt trong ngoặc kép phải viết thành \"\"",
          en: "a '\"' inside a quoted field must be written as \"\""))
    }

    static func unclosedQuote(at location: SourceLocation, isHeader: Bool) -> Diagnostic {
      let consequence =
        isHeader
        ? LocalizedText(vi: "không đọc được tệp", en: "the file was not read")
        : LocalizedText(
          vi: "dòng \(location.line) bị bỏ qua, đọc tiếp từ dòng sau",
          en: "line \(location.line) was skipped, reading resumed at the next line")
      return Diagnostic(
        .csvUnclosedQuote, at: location,
        LocalizedText(
          vi: "Lỗi cú pháp CSV: trường mở bằng dấu '\"' ở đây không có dấu '\"' đóng; \(consequence.vi)",
          en: "CSV syntax error: the quoted field opened here has no closing '\"'; \(consequence.en)"))
    }

    static func tooManyColumns(_ limit: Int, at location: SourceLocation, isHeader: Bool) -> Diagnostic {
      Diagnostic(
        .csvTooManyColumns, at: location,
        LocalizedText(
          vi: "dòng có hơn \(limit) trường; \(consequence(isHeader: isHeader).vi)",
          en: "the line has more than \(limit) fields; \(consequence(isHeader: isHeader).en)"),
        hint: LocalizedText(
          vi: "tệp khảo sát có một cột cho mỗi chỉ số đầu vào; hãy kiểm tra dấu phân cách",
          en: "a survey file has one column per input; check the separator"))
    }

    static func recordTooLong(_ limit: Int, at location: SourceLocation, isHeader: Bool) -> Diagnostic {
      Diagnostic(
        .csvRecordTooLong, at: location,
        LocalizedText(
          vi: "bản ghi dài hơn \(limit / 1_048_576) MB; \(consequence(isHeader: isHeader).vi)",
          en: "the record is longer than \(limit / 1_048_576) MB; \(consequence(isHeader: isHeader).en)"))
    }

    static func tableTooLarge(_ limit: Int, file: String) -> Diagnostic {
      Diagnostic(
        .csvTableTooLarge, at: SourceLocation(file: file),
        LocalizedText(
          vi:
            "tệp có hơn \(limit / 1_048_576) MB chữ trong các ô, quá lớn để đọc một lần; các dòng từ đây trở đi bị bỏ qua",
          en:
            "the file holds more than \(limit / 1_048_576) MB of cell text, too much to read at once; the rows from here on were skipped"
        ),
        hint: LocalizedText(
          vi: "chia tệp thành nhiều tệp nhỏ hơn (mỗi tệp một tỉnh chẳng hạn) rồi đưa tất cả vào cùng lần kiểm tra",
          en: "split the file into smaller ones (one per province, for example) and give them all to the same check"))
    }
  }
}
