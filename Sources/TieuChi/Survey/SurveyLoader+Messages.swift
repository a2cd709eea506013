extension DiagnosticID {
  static let surveyNoSuchPath: DiagnosticID = "survey.no-such-path"
  static let surveyEmptyFolder: DiagnosticID = "survey.empty-folder"
  static let surveyUnreadableFile: DiagnosticID = "survey.unreadable-file"
  static let surveyUnknownFileType: DiagnosticID = "survey.unknown-file-type"
  static let surveyDuplicateStation: DiagnosticID = "survey.duplicate-station"
  static let surveyListTableWithoutCode: DiagnosticID = "survey.list-table-without-code"
  static let surveyListRowWithoutCode: DiagnosticID = "survey.list-row-without-code"
  static let surveyUnmatchedListRows: DiagnosticID = "survey.unmatched-list-rows"
  static let surveyWorkbookUnsupported: DiagnosticID = "survey.workbook-unsupported"
  static let surveyUnknownColumn: DiagnosticID = "survey.unknown-column"
  static let surveyInputsNotProvided: DiagnosticID = "survey.inputs-not-provided"
  static let surveyNoStation: DiagnosticID = "survey.no-station"
}

extension SurveyLoader {
  /// The diagnostics about survey files and about a batch as a whole (duplicates, list tables that do
  /// not join), in both languages.
  enum Messages {
    static func noSuchPath(_ path: String, nearest: String?) -> Diagnostic {
      Diagnostic(
        .surveyNoSuchPath, at: SourceLocation(file: path),
        LocalizedText(vi: "không có tệp hoặc thư mục này", en: "no such file or folder"),
        hint: nearest.map { LocalizedText(vi: "có phải ý bạn là \($0)?", en: "did you mean \($0)?") })
    }

    static func workbookUnsupported(_ path: String) -> Diagnostic {
      Diagnostic(
        .surveyWorkbookUnsupported, at: SourceLocation(file: path),
        LocalizedText(
          vi: "không đọc được sổ tính Excel ở đây (chương trình này không có bộ đọc .xlsx); "
            + "các trạm trong tệp không được đánh giá",
          en: "Excel workbooks cannot be read here (no .xlsx reader was given); the stations in the file are "
            + "not evaluated"),
        hint: LocalizedText(
          vi: "dùng lệnh tieuchi, hoặc lưu từng trang thành tệp .csv",
          en: "use the tieuchi command, or save each sheet as a .csv file"))
    }

    static func emptyFolder(_ path: String) -> Diagnostic {
      Diagnostic(
        .surveyEmptyFolder, .warning, at: SourceLocation(file: path),
        LocalizedText(
          vi: "thư mục không có tệp .yaml, .json, .csv hay .xlsx nào",
          en: "the folder holds no .yaml, .json, .csv or .xlsx file"))
    }

    /// Files of other kinds in a folder given as data, left out: named once, at most ten of them.
    static func skippedFiles(_ folder: String, _ names: [String]) -> Diagnostic {
      let shown = names.prefix(10).joined(separator: ", ") + (names.count > 10 ? ", …" : "")
      return Diagnostic(
        "survey.skipped-files", .warning, at: SourceLocation(file: folder),
        LocalizedText(
          vi: "bỏ qua \(names.count) tệp không phải số liệu (.xlsx, .csv, .json, .yaml): \(shown)",
          en: "\(names.count) files that are not survey data (.xlsx, .csv, .json, .yaml) were left out: \(shown)"))
    }

    /// A criteria file given among the survey data.
    static func criteriaFileAsData(_ path: String) -> Diagnostic {
      Diagnostic(
        "survey.criteria-file-as-data", at: SourceLocation(file: path),
        LocalizedText(
          vi: "đây là tệp tiêu chí, không phải số liệu khảo sát: dùng nó với --criteria",
          en: "this is a criteria file, not survey data: use it with --criteria"))
    }

    /// A file read without error that holds no station (empty, comments only, a header without rows):
    /// said, so that a batch never shows "0 communes" in silence.
    static func noStation(at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .surveyNoStation, .warning, at: location,
        LocalizedText(vi: "không có trạm nào trong tệp này", en: "no station in this file"))
    }

    static func unreadableFile(_ path: String) -> Diagnostic {
      Diagnostic(
        .surveyUnreadableFile, at: SourceLocation(file: path),
        LocalizedText(
          vi: "không đọc được tệp; các trạm trong tệp (tính là một bản ghi) không được đánh giá",
          en: "cannot read the file; its stations (counted as one record) are not evaluated"))
    }

    static func unknownFileType(_ path: String) -> Diagnostic {
      Diagnostic(
        .surveyUnknownFileType, at: SourceLocation(file: path),
        LocalizedText(
          vi: "không biết đọc loại tệp này; dùng .yaml, .yml, .json, .csv hoặc .xlsx",
          en: "unsupported file type; use .yaml, .yml, .json, .csv or .xlsx"))
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

    /// A header naming no input, reported once at the header cell with the input it most likely is.
    static func unknownColumn(
      _ header: String, letter: String, closest: (name: String, label: LocalizedText)?, at location: SourceLocation
    ) -> Diagnostic {
      Diagnostic(
        .surveyUnknownColumn, .warning, at: location,
        LocalizedText(
          vi:
            "cột \(letter) \(Diagnostic.quoted(header)) không phải đầu vào nào của bộ tiêu chí: giá trị của cột này không được đọc",
          en: "column \(letter) \(Diagnostic.quoted(header)) is no input of the criteria set: its values are not read"),
        hint: closest.map {
          LocalizedText(
            vi: "có phải ý bạn là \(Diagnostic.quoted($0.label.vi)) (\($0.name))?",
            en: "did you mean \(Diagnostic.quoted($0.label.en)) (\($0.name))?")
        })
    }

    /// The inputs a station table has no column for: missing for every station of the file.
    static func inputsNotProvided(_ inputs: [InputDefinition], at location: SourceLocation) -> Diagnostic {
      let vi = inputs.map { "\($0.label.vi) (\($0.name))" }.joined(separator: ", ")
      let en = inputs.map { "\($0.label.en) (\($0.name))" }.joined(separator: ", ")
      return Diagnostic(
        .surveyInputsNotProvided, .warning, at: location,
        LocalizedText(
          vi: "tệp không có cột cho \(inputs.count) đầu vào, thiếu ở mọi trạm: \(vi)",
          en: "the file has no column for \(inputs.count) input(s), missing for every station: \(en)"))
    }
  }
}
