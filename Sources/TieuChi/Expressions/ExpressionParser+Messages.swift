/// Every diagnostic the expression lexer and parser can produce (ids `expression.*`), in both languages.
///
/// Each points at the token that is wrong, inside the expression's text in its file.
extension Diagnostic {
  /// An expression of more tokens than any criterion needs (a chain of thousands of terms).
  static func expressionTooLong(_ count: Int, maximum: Int, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "expression.too-long", at: location,
      LocalizedText(
        vi: "biểu thức quá dài: \(count) thành phần, tối đa \(maximum); hãy chia thành nhiều chỉ tiêu hoặc đầu vào",
        en:
          "the expression is too long: \(count) tokens, at most \(maximum); split it into several indicators or inputs")
    )
  }

  /// Parentheses, `not`, `-` or calls nested deeper than any criterion needs.
  static func expressionTooDeep(maximum: Int, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "expression.too-deep", at: location,
      LocalizedText(
        vi: "biểu thức lồng nhau quá sâu (ngoặc, not, dấu trừ, hàm): tối đa \(maximum) mức",
        en: "the expression nests too deep (parentheses, not, minus, calls): at most \(maximum) levels"))
  }

  /// The id of an unknown name in an expression, which the criteria loader reports once per name.
  static let unknownFieldID: DiagnosticID = "expression.unknown-field"

  /// A further use of a name already reported as unknown.
  static func sameUnknownName(at location: SourceLocation?) -> Note {
    Note(at: location, LocalizedText(vi: "cùng tên này còn được dùng ở đây", en: "the same name is also used here"))
  }
}

extension Diagnostic {
  // MARK: Tokens

  static func expressionLexical(_ problem: ExpressionLexer.Failure.Problem, at location: SourceLocation) -> Diagnostic {
    switch problem {
    case .invalidNumber(let text):
      Diagnostic(
        "expression.invalid-number", at: location,
        LocalizedText(vi: "số không hợp lệ \(Diagnostic.quoted(text))", en: "invalid number \(Diagnostic.quoted(text))")
      )
    case .unterminatedString(let quote):
      Diagnostic(
        "expression.unterminated-string", at: location,
        LocalizedText(vi: "chuỗi chưa được đóng (thiếu \(quote))", en: "unterminated string (missing \(quote))"))
    case .unexpectedCharacter(let scalar):
      Diagnostic(
        "expression.unexpected-character", at: location,
        LocalizedText(
          vi: "ký tự không dùng được trong biểu thức: \(Diagnostic.quoted(scalar))",
          en: "unexpected character in expression: \(Diagnostic.quoted(scalar))"))
    }
  }

  // MARK: Grammar

  static func expressionTrailingText(_ token: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "expression.trailing-text", at: location,
      LocalizedText(
        vi: "thừa \(Diagnostic.quoted(token)) ở cuối biểu thức",
        en: "unexpected \(Diagnostic.quoted(token)) after the end of the expression"))
  }

  /// `found` is the offending token as quoted text, or "end of expression".
  static func expressionExpectedSymbol(_ symbol: String, found: LocalizedText, at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      "expression.expected-symbol", at: location,
      LocalizedText(
        vi: "cần \(Diagnostic.quoted(symbol)), gặp \(found.vi)",
        en: "expected \(Diagnostic.quoted(symbol)), found \(found.en)"))
  }

  static func expressionExpectedValue(found: LocalizedText, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "expression.expected-value", at: location,
      LocalizedText(vi: "cần một giá trị, gặp \(found.vi)", en: "expected a value, found \(found.en)"))
  }

  static func expressionMissingOperand(before keyword: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "expression.missing-operand", at: location,
      LocalizedText(
        vi: "thiếu giá trị trước \(Diagnostic.quoted(keyword))",
        en: "expected a value before \(Diagnostic.quoted(keyword))"))
  }

  // MARK: Names

  /// `scope` is the list being iterated, when inside an aggregate.
  static func expressionUnknownField(
    _ name: String, scope: String?, candidates: [String], at location: SourceLocation
  ) -> Diagnostic {
    let scopeText =
      scope.map {
        LocalizedText(
          vi: " (trong inputs hoặc các trường của \(Diagnostic.quoted($0)))",
          en: " (in inputs or the fields of \(Diagnostic.quoted($0)))")
      } ?? LocalizedText(vi: " trong inputs", en: " in inputs")
    return Diagnostic(
      unknownFieldID, at: location,
      LocalizedText(
        vi: "không có trường \(Diagnostic.quoted(name))\(scopeText.vi)",
        en: "unknown field \(Diagnostic.quoted(name)); it is not declared\(scopeText.en)"
      ),
      hint: Suggestions.hint(for: name, in: candidates))
  }

  static func expressionListAsValue(_ name: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "expression.list-as-value", at: location,
      LocalizedText(
        vi:
          "\(Diagnostic.quoted(name)) là một danh sách: dùng count(\(name) where …), all(\(name), …), any(\(name), …) "
          + "hoặc sum(\(name).trường)",
        en:
          "\(Diagnostic.quoted(name)) is a list: use count(\(name) where …), all(\(name), …), any(\(name), …) or sum(\(name).field)"
      ))
  }

  // MARK: Aggregates and functions

  static func expressionNestedBaseline(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "expression.nested-baseline", at: location,
      LocalizedText(vi: "không lồng baseline(…) trong baseline(…)", en: "baseline(…) cannot be nested"))
  }

  static func expressionNestedAggregate(_ kind: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "expression.nested-aggregate", at: location,
      LocalizedText(
        vi: "không lồng \(kind)(…) bên trong một hàm tổng hợp khác",
        en: "\(kind)(…) cannot be nested inside another aggregate"))
  }

  static func expressionAggregateNeedsList(_ kind: String, found: LocalizedText, at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      "expression.aggregate-needs-list", at: location,
      LocalizedText(
        vi: "\(kind)(…) cần tên một danh sách, gặp \(found.vi)",
        en: "\(kind)(…) needs the name of a list input, found \(found.en)"))
  }

  static func expressionNotAList(_ name: String, lists: [String], at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "expression.not-a-list", at: location,
      LocalizedText(
        vi: "\(Diagnostic.quoted(name)) không phải là một danh sách đã khai báo trong inputs",
        en: "\(Diagnostic.quoted(name)) is not a list declared in inputs"),
      hint: Suggestions.hint(for: name, in: lists))
  }

  static func expressionSumNeedsField(
    list: String, written: String, fields: [String], at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      "expression.sum-needs-field", at: location,
      LocalizedText(
        vi: "sum(…) cần một trường số của \(Diagnostic.quoted(list)), dạng sum(\(list).tên_trường)",
        en: "sum(…) needs a numeric field of \(Diagnostic.quoted(list)), as in sum(\(list).field)"),
      hint: Suggestions.hint(for: written, in: fields))
  }

  static func expressionNonNumericField(_ name: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "expression.non-numeric-field", at: location,
      LocalizedText(
        vi: "\(Diagnostic.quoted(name)) không phải trường số", en: "\(Diagnostic.quoted(name)) is not a numeric field"))
  }

  static func expressionMissingCondition(_ kind: String, list: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "expression.missing-condition", at: location,
      LocalizedText(
        vi: "\(kind)(…) cần một điều kiện: \(kind)(\(list), điều_kiện)",
        en: "\(kind)(…) needs a condition: \(kind)(\(list), condition)"))
  }

  static func expressionPassedOutsideCommunes(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "expression.passed-outside-communes", at: location,
      LocalizedText(
        vi: "passed(…) chỉ dùng trong chỉ tiêu cấp nhóm, bên trong count/all/any/sum trên communes, "
          + "ví dụ count(communes where passed(\"doctor\"))",
        en: "passed(…) is only for group-level indicators, inside count/all/any/sum over communes, "
          + "e.g. count(communes where passed(\"doctor\"))"))
  }

  static func expressionUnknownIndicator(_ id: String, known: [String], at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "expression.unknown-indicator", at: location,
      LocalizedText(
        vi: "không có chỉ tiêu cấp xã \(Diagnostic.quoted(id)) trong bộ tiêu chí",
        en: "there is no commune-level indicator \(Diagnostic.quoted(id)) in this set"),
      hint: Suggestions.hint(for: id, in: known))
  }

  // MARK: Types

  static func expressionNegateNonNumber(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      "expression.negate-non-number", at: location,
      LocalizedText(vi: "dấu '-' chỉ dùng cho số", en: "'-' applies to numbers only"))
  }

  static func expressionNeedsCondition(_ operand: String, found type: ExpressionType, at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      "expression.needs-condition", at: location,
      LocalizedText(
        vi: "\(Diagnostic.quoted(operand)) cần giá trị đúng/sai, nhưng gặp \(type.name.vi)",
        en: "\(Diagnostic.quoted(operand)) needs a boolean, found a \(type.name.en)"))
  }

  static func expressionArithmeticOnNonNumber(_ op: String, culprit: ExpressionType, at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      "expression.arithmetic-on-non-number", at: location,
      LocalizedText(
        vi: "phép \(Diagnostic.quoted(op)) chỉ dùng cho số, không dùng cho \(culprit.name.vi)",
        en: "\(Diagnostic.quoted(op)) applies to numbers, not to a \(culprit.name.en)"))
  }

  static func expressionUnknownEnumValue(_ literal: String, allowed: [String], at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      "expression.unknown-enum-value", at: location,
      LocalizedText(
        vi: "\(Diagnostic.quoted(literal)) không phải giá trị cho phép (\(allowed.joined(separator: ", ")))",
        en: "\(Diagnostic.quoted(literal)) is not one of the allowed values (\(allowed.joined(separator: ", ")))"),
      hint: Suggestions.hint(for: literal, in: allowed))
  }

  static func expressionOrderingNonNumbers(_ op: String, type: ExpressionType, at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      "expression.ordering-non-numbers", at: location,
      LocalizedText(
        vi: "\(Diagnostic.quoted(op)) chỉ so sánh được số; với \(type.name.vi) hãy dùng == hoặc !=",
        en: "\(Diagnostic.quoted(op)) compares numbers; use == or != for a \(type.name.en)"))
  }

  static func expressionIncomparable(_ lhs: ExpressionType, _ rhs: ExpressionType, at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      "expression.incomparable-types", at: location,
      LocalizedText(
        vi: "không so sánh được \(lhs.name.vi) với \(rhs.name.vi)",
        en: "cannot compare a \(lhs.name.en) with a \(rhs.name.en)"))
  }
}
