extension DiagnosticID {
  static let jsonUTF16: DiagnosticID = "json.utf16"
  static let jsonInvalidUTF8: DiagnosticID = "json.invalid-utf8"
  static let jsonEmptyFile: DiagnosticID = "json.empty-file"
  static let jsonSyntaxError: DiagnosticID = "json.syntax-error"
  static let jsonTooDeep: DiagnosticID = "json.too-deep"
  static let jsonDuplicateKey: DiagnosticID = "json.duplicate-key"
  static let jsonUnescapedControlCharacter: DiagnosticID = "json.unescaped-control-character"
  static let jsonInvalidEscape: DiagnosticID = "json.invalid-escape"
  static let jsonInvalidUnicodeEscape: DiagnosticID = "json.invalid-unicode-escape"
  static let jsonLoneSurrogate: DiagnosticID = "json.lone-surrogate"
  static let jsonLeadingZero: DiagnosticID = "json.leading-zero"
  static let jsonTrailingComma: DiagnosticID = "json.trailing-comma"
  static let jsonUnterminatedString: DiagnosticID = "json.unterminated-string"
}

extension JSONReader {
  /// Every diagnostic the JSON reader can produce, in both languages. Built only when something is
  /// wrong, so the parsing loop never pays for message text.
  enum Messages {
    // What the parser expected, for "expected …, found …".
    static let aValue = LocalizedText(vi: "một giá trị", en: "a value")
    static let endAfterRoot = LocalizedText(
      vi: "hết tệp sau giá trị gốc", en: "the end of the file after the top-level value")
    static let endOfLine = LocalizedText(
      vi: "hết dòng sau giá trị (JSON Lines: mỗi dòng một giá trị)",
      en: "the end of the line after the value (JSON Lines: one value per line)")
    static let afterObjectValue = LocalizedText(
      vi: "',' hoặc '}' sau một giá trị trong đối tượng", en: "',' or '}' after a value in an object")
    static let afterArrayElement = LocalizedText(
      vi: "',' hoặc ']' sau một phần tử của mảng", en: "',' or ']' after an array element")
    static let aQuotedKey = LocalizedText(vi: "một khóa trong dấu ngoặc kép", en: "a key in double quotes")
    static let digitAfterMinus = LocalizedText(vi: "một chữ số sau '-'", en: "a digit after '-'")
    static let digitAfterPoint = LocalizedText(
      vi: "một chữ số sau dấu thập phân '.'", en: "a digit after the decimal point")
    static let exponentDigit = LocalizedText(vi: "một chữ số của số mũ", en: "a digit in the exponent")
    static func colonAfter(_ key: String) -> LocalizedText {
      LocalizedText(vi: "':' sau khóa \(Diagnostic.quoted(key))", en: "':' after the key \(Diagnostic.quoted(key))")
    }

    static let quotedKeyHint = LocalizedText(
      vi: "khóa của đối tượng JSON phải đặt trong dấu ngoặc kép, ví dụ \"ma_xa\"",
      en: "JSON object keys must be in double quotes, e.g. \"ma_xa\"")

    static func utf16(file: String) -> Diagnostic {
      InputBytes.utf16Diagnostic(.jsonUTF16, file: file)
    }

    static func invalidUTF8(at location: SourceLocation, byte: UInt8) -> Diagnostic {
      Diagnostic(
        .jsonInvalidUTF8, at: location, InputBytes.invalidUTF8Message(byte: byte, consequence: nil),
        hint: InputBytes.saveAsUTF8Hint)
    }

    static func emptyFile(_ file: String) -> Diagnostic {
      Diagnostic(
        .jsonEmptyFile, at: SourceLocation(file: file),
        LocalizedText(vi: "tệp JSON trống: không có giá trị nào", en: "the JSON file is empty: it holds no value"))
    }

    /// `word` is the word at the error, if any, for hints about NaN, `True` and the like.
    static func syntaxError(
      expected: LocalizedText, found: LocalizedText, at location: SourceLocation, byte: UInt8?, word: String
    ) -> Diagnostic {
      var hint: LocalizedText?
      switch byte {
      case UInt8(ascii: "'")?:
        hint = LocalizedText(
          vi: "chuỗi JSON dùng dấu ngoặc kép (\"), không dùng dấu nháy đơn",
          en: "JSON strings use double quotes (\"), not single quotes")
      case UInt8(ascii: "/")?:
        hint = LocalizedText(vi: "JSON không cho phép chú thích", en: "JSON does not allow comments")
      case nil:
        break
      default:
        if ["NaN", "Infinity", "inf", "nan"].contains(word) {
          hint = LocalizedText(
            vi: "JSON không có NaN hay Infinity; hãy dùng null hoặc một số",
            en: "JSON has no NaN or Infinity; write null or a number")
        } else if ["True", "False", "Null", "TRUE", "FALSE", "NULL", "None", "nil"].contains(word) {
          hint = LocalizedText(
            vi: "các từ khóa JSON viết thường: true, false, null",
            en: "JSON literals are lower case: true, false, null")
        }
      }
      return Diagnostic(
        .jsonSyntaxError, at: location,
        LocalizedText(
          vi: "Lỗi cú pháp JSON: cần \(expected.vi), gặp \(found.vi)",
          en: "JSON syntax error: expected \(expected.en), found \(found.en)"),
        hint: hint)
    }

    /// Extends the error that ended a top-level array with what was kept of it.
    static func partialList(_ diagnostic: inout Diagnostic, kept count: Int) {
      diagnostic.message.vi +=
        "; chỉ đọc được \(count) phần tử đầu của danh sách gốc, các phần tử từ đây trở đi không đọc được"
      diagnostic.message.en +=
        count == 1
        ? "; only the first element of the top-level list was read, the elements from here on could not be read"
        : "; only the first \(count) elements of the top-level list were read, the elements from here on could "
          + "not be read"
    }

    /// A broken element of the top-level list was skipped (lines `lines`); reading resumed at line
    /// `resumesAt`, or the element was the list's last.
    static func skippedElement(_ diagnostic: inout Diagnostic, lines: ClosedRange<Int>, resumesAt: Int?) {
      let range = ListRecoveryMessages.lineRange(lines)
      diagnostic.message.vi +=
        "; phần tử này của danh sách gốc (\(range.vi)) bị bỏ qua"
        + (resumesAt.map { ", đọc tiếp từ dòng \($0)" } ?? "")
      diagnostic.message.en +=
        "; this element of the top-level list (\(range.en)) was skipped"
        + (resumesAt.map { ", reading resumed at line \($0)" } ?? "")
    }

    static func tooDeep(_ maxDepth: Int, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .jsonTooDeep, at: location,
        LocalizedText(
          vi: "JSON lồng nhau quá sâu: hơn \(maxDepth) cấp danh sách và đối tượng",
          en: "the JSON is nested too deeply: more than \(maxDepth) levels of lists and objects"))
    }

    static func duplicateKey(_ key: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
      Diagnostic(
        .jsonDuplicateKey, at: location,
        LocalizedText(
          vi: "khóa \(Diagnostic.quoted(key)) bị trùng: đã có ở dòng \(first.line), cột \(first.column)",
          en: "duplicate key \(Diagnostic.quoted(key)): already used on line \(first.line), column \(first.column)"),
        notes: [
          Diagnostic.Note(
            at: first,
            LocalizedText(
              vi: "khóa \(Diagnostic.quoted(key)) đầu tiên ở đây", en: "the first \(Diagnostic.quoted(key)) key is here"
            ))
        ])
    }

    static func unescapedControlCharacter(_ found: LocalizedText, isTab: Bool, at location: SourceLocation)
      -> Diagnostic
    {
      Diagnostic(
        .jsonUnescapedControlCharacter, at: location,
        LocalizedText(
          vi: "Lỗi cú pháp JSON: \(found.vi) trong chuỗi phải được viết bằng mã thoát\(isTab ? " (\\t)" : "")",
          en: "JSON syntax error: \(found.en) inside a string must be escaped\(isTab ? " (as \\t)" : "")"))
    }

    static func invalidEscape(_ found: LocalizedText, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .jsonInvalidEscape, at: location,
        LocalizedText(
          vi: "Lỗi cú pháp JSON: mã thoát không hợp lệ, gặp '\\' rồi \(found.vi)",
          en: "JSON syntax error: invalid escape, found '\\' followed by \(found.en)"),
        hint: LocalizedText(
          vi: "các mã thoát hợp lệ: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX; dấu '\\' thường viết là \\\\",
          en: "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX; a plain '\\' is written \\\\"))
    }

    static func invalidUnicodeEscape(_ found: LocalizedText, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .jsonInvalidUnicodeEscape, at: location,
        LocalizedText(
          vi: "Lỗi cú pháp JSON: cần 4 chữ số thập lục phân sau '\\u', gặp \(found.vi)",
          en: "JSON syntax error: expected 4 hexadecimal digits after '\\u', found \(found.en)"))
    }

    static func loneSurrogate(_ value: Int, at location: SourceLocation) -> Diagnostic {
      let code = InputBytes.hex(value, digits: 4)
      return Diagnostic(
        .jsonLoneSurrogate, at: location,
        LocalizedText(
          vi: "Lỗi cú pháp JSON: '\\u\(code)' là nửa cặp thay thế UTF-16 đứng một mình",
          en: "JSON syntax error: '\\u\(code)' is a lone UTF-16 surrogate"),
        hint: LocalizedText(
          vi: "ký tự ngoài BMP phải viết bằng một cặp \\uD800–\\uDBFF rồi \\uDC00–\\uDFFF",
          en: "characters outside the BMP are written as a pair \\uD800–\\uDBFF then \\uDC00–\\uDFFF"))
    }

    static func leadingZero(_ text: String, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .jsonLeadingZero, at: location,
        LocalizedText(
          vi: "Lỗi cú pháp JSON: số không được bắt đầu bằng chữ số 0, gặp \(Diagnostic.quoted(text))",
          en: "JSON syntax error: a number cannot start with a leading zero, found \(Diagnostic.quoted(text))"),
        hint: LocalizedText(
          vi: "mã xã và các mã khác phải viết dạng chuỗi: \"\(text)\"",
          en: "commune codes and other codes must be written as strings: \"\(text)\""))
    }

    static func trailingComma(before closer: String, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .jsonTrailingComma, at: location,
        LocalizedText(
          vi: "Lỗi cú pháp JSON: cần một giá trị sau ',', gặp \(Diagnostic.quoted(closer))",
          en: "JSON syntax error: expected a value after ',', found \(Diagnostic.quoted(closer))"),
        hint: LocalizedText(
          vi: "JSON không cho phép dấu ',' thừa ở cuối; hãy xóa dấu ',' này",
          en: "JSON does not allow a trailing comma; remove this ','"))
    }

    static func unterminatedString(at location: SourceLocation, atEndOfFile: Bool) -> Diagnostic {
      Diagnostic(
        .jsonUnterminatedString, at: location,
        LocalizedText(
          vi: "Lỗi cú pháp JSON: chuỗi mở ở đây không có dấu '\"' đóng trước khi hết \(atEndOfFile ? "tệp" : "dòng")",
          en: "JSON syntax error: the string opened here has no closing '\"' before the end of the "
            + (atEndOfFile ? "file" : "line")),
        hint: LocalizedText(
          vi: "xuống dòng trong chuỗi phải viết là \\n", en: "a line break inside a string is written \\n"))
    }
  }
}
