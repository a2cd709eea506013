extension DiagnosticID {
  static let surveyNotAStation: DiagnosticID = "survey.not-a-station"
  static let surveyInvalidYear: DiagnosticID = "survey.invalid-year"
  static let surveyUnusedField: DiagnosticID = "survey.unused-field"
  static let surveyGroupRecordIgnored: DiagnosticID = "survey.group-record-ignored"
  static let surveyMissingCode: DiagnosticID = "survey.missing-code"
  static let surveyCodeLostLeadingZeros: DiagnosticID = "survey.code-lost-leading-zeros"
  static let surveyNotASingleValue: DiagnosticID = "survey.not-a-single-value"
  static let surveyNotANumber: DiagnosticID = "survey.not-a-number"
  static let surveyNotAWholeNumber: DiagnosticID = "survey.not-a-whole-number"
  static let surveyNegativeCount: DiagnosticID = "survey.negative-count"
  static let surveyGroupedDigits: DiagnosticID = "survey.grouped-digits"
  static let surveyNumberTooLarge: DiagnosticID = "survey.number-too-large"
  static let surveyNotABoolean: DiagnosticID = "survey.not-a-boolean"
  static let surveyUnknownEnumValue: DiagnosticID = "survey.unknown-enum-value"
  static let surveyNotAList: DiagnosticID = "survey.not-a-list"
  static let surveyListItemNotAMapping: DiagnosticID = "survey.list-item-not-a-mapping"
  static let surveyWaiversNotAList: DiagnosticID = "survey.waivers-not-a-list"
  static let surveyUnknownWaiverKey: DiagnosticID = "survey.unknown-waiver-key"
  static let surveyInvalidWaiverDate: DiagnosticID = "survey.invalid-waiver-date"
  static let surveyIncompleteWaiver: DiagnosticID = "survey.incomplete-waiver"
  static let surveySpreadsheetError: DiagnosticID = "survey.spreadsheet-error"
}

extension SurveyReader {
  /// Every diagnostic about records and fields, in both languages. Built only when a value is wrong.
  ///
  /// A field's diagnostic carries the bare problem ("'abc' is not a number"): the reader prefixes the
  /// field's name for the report, and keeps the bare text as the value's reason.
  enum Messages {
    static func notAStationOrList(found kind: LocalizedText, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .surveyNotAStation, at: location,
        LocalizedText(
          vi: "cần một trạm (bảng khóa–giá trị) hoặc một danh sách trạm, nhưng gặp \(kind.vi)",
          en: "expected a station (a mapping) or a list of stations, found \(kind.en)"))
    }

    static func notAStation(found kind: LocalizedText, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .surveyNotAStation, at: location,
        LocalizedText(
          vi: "một trạm phải là bảng khóa–giá trị, nhưng gặp \(kind.vi)",
          en: "a station must be a mapping, found \(kind.en)"))
    }

    static func invalidYear(at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .surveyInvalidYear, at: location,
        LocalizedText(vi: "'year' phải là một năm, ví dụ 2024", en: "'year' must be a year, e.g. 2024"))
    }

    static func unusedField(_ key: String, hint: LocalizedText, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .surveyUnusedField, .warning, at: location,
        LocalizedText(
          vi: "trường \(Diagnostic.quoted(key)) không được bộ tiêu chí dùng đến",
          en: "field \(Diagnostic.quoted(key)) is not used by the criteria"),
        hint: hint)
    }

    static func unusedListField(_ key: String, of list: String, hint: LocalizedText, at location: SourceLocation)
      -> Diagnostic
    {
      Diagnostic(
        .surveyUnusedField, .warning, at: location,
        LocalizedText(
          vi: "trường \(Diagnostic.quoted(key)) của \(list) không được dùng đến",
          en: "field \(Diagnostic.quoted(key)) of \(list) is not used"),
        hint: hint)
    }

    static func groupRecordIgnored(at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .surveyGroupRecordIgnored, .warning, at: location,
        LocalizedText(
          vi: "bản ghi cấp nhóm (level: group) bị bỏ qua: bộ tiêu chí không có chỉ tiêu cấp nhóm",
          en: "group record (level: group) ignored: the criteria set has no group-level indicators"))
    }

    static func missingCode(at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .surveyMissingCode, at: location,
        LocalizedText(
          vi: "trạm không có mã xã 'code' nên không đánh giá được",
          en: "the station has no commune 'code' and cannot be evaluated"))
    }

    static func codeLostLeadingZeros(_ raw: String, padded: String, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .surveyCodeLostLeadingZeros, .warning, at: location,
        LocalizedText(
          vi: "mã xã \(Diagnostic.quoted(raw)) có vẻ đã mất số 0 ở đầu; dùng \(Diagnostic.quoted(padded))",
          en:
            "commune code \(Diagnostic.quoted(raw)) seems to have lost its leading zeros; using \(Diagnostic.quoted(padded))"
        ),
        hint: LocalizedText(vi: "đặt mã trong dấu nháy: \"\(padded)\"", en: "quote the code: \"\(padded)\""))
    }

    // MARK: Values

    static func notASingleValue(found kind: LocalizedText, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .surveyNotASingleValue, at: location,
        LocalizedText(vi: "cần một giá trị đơn, nhưng gặp \(kind.vi)", en: "expected a single value, found \(kind.en)"))
    }

    static func count(_ failure: NumberText.Failure, _ text: String, at location: SourceLocation) -> Diagnostic {
      switch failure {
      case .negative:
        Diagnostic(
          .surveyNegativeCount, at: location,
          LocalizedText(
            vi: "số đếm không được âm: \(Diagnostic.quoted(text))",
            en: "a count cannot be negative: \(Diagnostic.quoted(text))"))
      case .notWhole:
        Diagnostic(
          .surveyNotAWholeNumber, at: location,
          LocalizedText(
            vi: "cần một số nguyên, gặp \(Diagnostic.quoted(text))",
            en: "expected a whole number, found \(Diagnostic.quoted(text))"))
      case .groupedDigits(let suggestion):
        Diagnostic(
          .surveyGroupedDigits, at: location,
          LocalizedText(
            vi: "\(Diagnostic.quoted(text)) có dấu phân cách hàng nghìn, dễ nhầm với số thập phân; viết \(suggestion)",
            en: "\(Diagnostic.quoted(text)) groups digits by thousands, which is ambiguous; write \(suggestion)"))
      case .tooLarge:
        Diagnostic(
          .surveyNumberTooLarge, at: location,
          LocalizedText(
            vi: "số quá lớn: \(Diagnostic.quoted(text))", en: "number too large: \(Diagnostic.quoted(text))"))
      case .notANumber:
        Diagnostic(
          .surveyNotANumber, at: location,
          LocalizedText(
            vi: "cần một số nguyên, gặp \(Diagnostic.quoted(text))",
            en: "expected a whole number, found \(Diagnostic.quoted(text))"))
      }
    }

    static func notANumber(_ text: String, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .surveyNotANumber, at: location,
        LocalizedText(
          vi: "\(Diagnostic.quoted(text)) không phải là một số", en: "\(Diagnostic.quoted(text)) is not a number"))
    }

    static func notABoolean(_ text: String, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .surveyNotABoolean, at: location,
        LocalizedText(
          vi: "\(Diagnostic.quoted(text)) không phải là có/không (true/false)",
          en: "\(Diagnostic.quoted(text)) is not a yes/no value (true/false)"))
    }

    static func unknownEnumValue(_ text: String, allowed labels: [LocalizedText], at location: SourceLocation)
      -> Diagnostic
    {
      // The labels a person fills in (the form's drop-down), never the internal ids.
      let vi = labels.map(\.vi)
      let en = labels.map(\.en)
      let closestVI = closestLabel(to: text, in: vi)
      let closestEN = closestLabel(to: text, in: en)
      return Diagnostic(
        .surveyUnknownEnumValue, at: location,
        LocalizedText(
          vi: "\(Diagnostic.quoted(text)) không phải giá trị cho phép (\(vi.joined(separator: ", ")))",
          en: "\(Diagnostic.quoted(text)) is not one of the allowed values (\(en.joined(separator: ", ")))"),
        hint: closestVI == nil && closestEN == nil
          ? nil
          : LocalizedText(
            vi: (closestVI ?? closestEN).map { "có phải ý bạn là \(Diagnostic.quoted($0))?" } ?? "",
            en: (closestEN ?? closestVI).map { "did you mean \(Diagnostic.quoted($0))?" } ?? ""))
    }

    /// The label closest to `text`, compared without diacritics or case.
    private static func closestLabel(to text: String, in labels: [String]) -> String? {
      let byFolded = Dictionary(labels.map { ($0.foldedForMatching, $0) }, uniquingKeysWith: { first, _ in first })
      return Suggestions.closest(to: text.foldedForMatching, in: byFolded.keys.sorted()).flatMap { byFolded[$0] }
    }

    static func spreadsheetError(_ text: String, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .surveySpreadsheetError, at: location,
        LocalizedText(
          vi: "ô chứa lỗi của Excel \(Diagnostic.quoted(text)), không phải một giá trị",
          en: "the cell holds the Excel error \(Diagnostic.quoted(text)), not a value"),
        hint: LocalizedText(
          vi: "sửa công thức, hoặc nhập giá trị, hoặc để trống nếu chưa có số liệu",
          en: "fix the formula, type the value, or leave the cell empty if the figure is not known"))
    }

    static func notAList(found kind: LocalizedText, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .surveyNotAList, at: location,
        LocalizedText(vi: "cần một danh sách, nhưng gặp \(kind.vi)", en: "expected a list, found \(kind.en)"))
    }

    static func listItemNotAMapping(_ field: String, index: Int, found kind: LocalizedText, at location: SourceLocation)
      -> Diagnostic
    {
      Diagnostic(
        .surveyListItemNotAMapping, at: location,
        LocalizedText(
          vi: "\(field)[\(index + 1)]: cần một bảng khóa–giá trị, nhưng gặp \(kind.vi)",
          en: "\(field)[\(index + 1)]: expected a mapping, found \(kind.en)"))
    }

    static let unusableRecord = LocalizedText(vi: "bản ghi hỏng", en: "unusable record")

    // MARK: Waivers

    static func waiversNotAList(at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .surveyWaiversNotAList, at: location,
        LocalizedText(vi: "'waivers' phải là một danh sách", en: "'waivers' must be a list"))
    }

    static func unknownWaiverKey(_ key: String, expected keys: [String], at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .surveyUnknownWaiverKey, at: location,
        LocalizedText(
          vi: "khóa \(Diagnostic.quoted(key)) không có trong một miễn trừ; dùng: \(keys.joined(separator: ", "))",
          en: "unknown key \(Diagnostic.quoted(key)) in a waiver; expected: \(keys.joined(separator: ", "))"),
        hint: Suggestions.hint(for: key, in: keys))
    }

    static func invalidWaiverDate(_ text: String, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .surveyInvalidWaiverDate, at: location,
        LocalizedText(
          vi: "ngày hết hạn \(Diagnostic.quoted(text)) không hợp lệ; viết 2025-12-31 hoặc 31/12/2025",
          en: "expiry date \(Diagnostic.quoted(text)) is not a date; write 2025-12-31 or 31/12/2025"))
    }

    static func incompleteWaiver(missing: [String], at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .surveyIncompleteWaiver, at: location,
        LocalizedText(
          vi: "miễn trừ thiếu \(missing.joined(separator: ", ")): không được áp dụng",
          en: "the waiver lacks \(missing.joined(separator: ", ")) and is not applied"))
    }
  }
}
