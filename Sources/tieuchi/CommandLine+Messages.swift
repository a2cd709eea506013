import TieuChi

/// The diagnostics of the command line itself (ids `cli.*`): what was asked for does not exist.
extension Diagnostic {
  static func unknownIndicator(_ id: String, in set: CriteriaSet) -> Diagnostic {
    let ids = set.indicators.map(\.id)
    return Diagnostic(
      "cli.unknown-indicator", at: nil,
      LocalizedText(
        vi: "không có chỉ tiêu \(Diagnostic.quoted(id)) trong \(set.id); có: \(ids.joined(separator: ", "))",
        en: "there is no indicator \(Diagnostic.quoted(id)) in \(set.id); there are: \(ids.joined(separator: ", "))"),
      hint: Suggestions.hint(for: id, in: ids))
  }

  static func noStation(_ code: String, in batch: SurveyBatch) -> Diagnostic {
    Diagnostic(
      "cli.no-such-station", at: nil,
      LocalizedText(vi: "không có trạm mang mã \(code) trong dữ liệu", en: "no station with code \(code) in the data"),
      hint: Suggestions.hint(for: code, in: batch.records.map(\.code)))
  }
}

extension Diagnostic {
  static func binaryToTerminal(_ format: String) -> Diagnostic {
    Diagnostic(
      "cli.binary-to-terminal", at: nil,
      LocalizedText(
        vi: "định dạng \(format) là tệp nhị phân, không in ra màn hình được; dùng --output TỆP",
        en: "the \(format) format is a binary file and cannot be printed to a terminal; use --output FILE"))
  }

  static func cannotWriteOutput(_ path: String, reason: String) -> Diagnostic {
    Diagnostic(
      "cli.cannot-write-output", at: SourceLocation(file: path),
      LocalizedText(vi: "không ghi được tệp kết quả: \(reason)", en: "cannot write the report: \(reason)"))
  }
}

extension Diagnostic {
  /// The result does not fit the chosen format (a workbook's row limit).
  static func cannotRender(_ message: LocalizedText) -> Diagnostic {
    Diagnostic("cli.cannot-render", at: nil, message)
  }
}

extension Diagnostic {
  /// `--criteria` names no file: the criteria files there are, and the nearest.
  static func noSuchCriteriaFile(_ path: String, known: [String]) -> Diagnostic {
    let list = known.isEmpty ? "—" : known.joined(separator: ", ")
    return Diagnostic(
      "cli.no-such-criteria-file", at: SourceLocation(file: path),
      LocalizedText(
        vi: "không có tệp tiêu chí này; các bộ tiêu chí có sẵn: \(list)",
        en: "there is no such criteria file; the criteria sets there are: \(list)"),
      hint: Suggestions.hint(for: path, in: known))
  }
}
