extension DiagnosticID {
  static let surveyNoSuchPath: DiagnosticID = "survey.no-such-path"
  static let surveyEmptyFolder: DiagnosticID = "survey.empty-folder"
  static let surveyUnreadableFile: DiagnosticID = "survey.unreadable-file"
  static let surveyUnknownFileType: DiagnosticID = "survey.unknown-file-type"
  static let surveyDuplicateStation: DiagnosticID = "survey.duplicate-station"
  static let surveyListTableWithoutCode: DiagnosticID = "survey.list-table-without-code"
  static let surveyListRowWithoutCode: DiagnosticID = "survey.list-row-without-code"
  static let surveyUnmatchedListRows: DiagnosticID = "survey.unmatched-list-rows"
}

extension SurveyLoader {
  /// The diagnostics about survey files and about a batch as a whole (duplicates, list tables that do
  /// not join), in both languages.
  enum Messages {
    static func noSuchPath(_ path: String) -> Diagnostic {
      Diagnostic(
        .surveyNoSuchPath, at: SourceLocation(file: path),
        LocalizedText(vi: "không có tệp hoặc thư mục này", en: "no such file or folder"))
    }

    static func emptyFolder(_ path: String) -> Diagnostic {
      Diagnostic(
        .surveyEmptyFolder, .warning, at: SourceLocation(file: path),
        LocalizedText(
          vi: "thư mục không có tệp .yaml, .json hay .csv nào", en: "the folder holds no .yaml, .json or .csv file"))
    }

    static func unreadableFile(_ path: String) -> Diagnostic {
      Diagnostic(
        .surveyUnreadableFile, at: SourceLocation(file: path),
        LocalizedText(vi: "không đọc được tệp", en: "cannot read the file"))
    }

    static func unknownFileType(_ path: String) -> Diagnostic {
      Diagnostic(
        .surveyUnknownFileType, at: SourceLocation(file: path),
        LocalizedText(
          vi: "không biết đọc loại tệp này; dùng .yaml, .yml, .json hoặc .csv",
          en: "unsupported file type; use .yaml, .yml, .json or .csv"))
    }

    static func duplicateStation(code: String, year: Int?, at location: SourceLocation, first: SourceLocation)
      -> Diagnostic
    {
      Diagnostic(
        .surveyDuplicateStation, at: location,
        LocalizedText(
          vi: "mã xã \(code)\(year.map { " năm \($0)" } ?? "") đã có ở \(first); bản ghi này bị bỏ qua",
          en: "commune code \(code)\(year.map { " for \($0)" } ?? "") already appears at \(first); "
            + "this record is skipped"),
        notes: [
          Diagnostic.Note(
            at: first,
            LocalizedText(vi: "bản ghi đầu tiên có mã này ở đây", en: "the first record with this code is here"))
        ])
    }

    static func listTableWithoutCode(_ list: String, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .surveyListTableWithoutCode, at: location,
        LocalizedText(
          vi: "bảng \(list) cần cột 'code' (mã xã) để ghép với trạm",
          en: "the \(list) table needs a 'code' column to join it to its station"))
    }

    static func listRowWithoutCode(at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .surveyListRowWithoutCode, at: location,
        LocalizedText(vi: "dòng không có mã xã 'code'", en: "the row has no commune 'code'"))
    }

    static func unmatchedListRows(_ count: Int, list: String, code: String, at location: SourceLocation)
      -> Diagnostic
    {
      Diagnostic(
        .surveyUnmatchedListRows, at: location,
        LocalizedText(
          vi: "\(count) dòng \(list) có mã xã \(code) nhưng không có trạm nào mang mã này",
          en: "\(count) \(list) row(s) have commune code \(code), but no station has that code"))
    }
  }
}
