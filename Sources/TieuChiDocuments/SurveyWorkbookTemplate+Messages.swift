import TieuChi

extension SurveyWorkbookTemplate {
  /// The diagnostics of the Excel form (ids `template.*`), in both languages.
  package enum Messages {
    static func communesWithoutCodeAndName(_ file: String) -> Diagnostic {
      Diagnostic(
        "template.communes-without-code-and-name", at: SourceLocation(file: file),
        LocalizedText(
          vi: "danh sách xã cần hai cột 'code' (mã xã) và 'name' (tên xã)",
          en: "the commune list needs the columns 'code' and 'name'"))
    }

    /// The commune list given with `--communes` cannot be read.
    package static func communesUnreadable(_ file: String) -> Diagnostic {
      Diagnostic(
        "template.communes-unreadable", at: SourceLocation(file: file),
        LocalizedText(vi: "không đọc được danh sách xã", en: "cannot read the commune list"))
    }
  }
}
