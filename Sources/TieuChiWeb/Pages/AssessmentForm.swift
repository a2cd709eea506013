import TieuChi

/// The self-assessment form of one station, generated from a criteria set's inputs, and the survey file
/// made from what was posted.
///
/// Posted values become a JSON record in the shape of a KoboToolbox export (every value a string, lists as
/// arrays of objects), one field per line, so that a problem the library reports at a line can be shown at
/// the form field it came from.
struct AssessmentForm {
  let criteria: CriteriaSet
  let language: UILanguage

  /// Station attributes asked first.
  static let attributes: [StationAttribute] = [.code, .name, .type, .district, .province, .year]
  static let unitTypes = ["xã", "phường", "thị trấn", "đặc khu"]

  /// The inputs the form asks for: the commune-level ones (the station attributes are asked apart).
  var inputs: [InputDefinition] {
    criteria.schema.inputs.filter {
      $0.level == .commune && $0.outcome == nil && !InputSchema.stationAttributes.contains($0.name)
    }
  }

  /// The number of rows a list shows: what was filled plus five empty ones, at least `minimum`.
  func rows(of list: String, values: FormFields, minimum: Int) -> Int {
    var filled = 0
    for (name, value) in values.pairs where name.hasPrefix("l.\(list).") && !value.isEmpty {
      let parts = name.split(separator: ".")
      if parts.count == 4, let row = Int(parts[2]) { filled = max(filled, row + 1) }
    }
    return min(max(filled + 5, minimum), 500)
  }

  /// The JSON file of the posted values, and which form field each line holds.
  func surveyFile(_ values: FormFields, rows: Int) -> (file: SurveyFile, fieldAtLine: [Int: String]) {
    var lines = ["{"]
    var fieldAtLine: [Int: String] = [:]
    var entries: [(key: String, field: String?, value: String?, list: [[(String, String, String)]]?)] = []
    for attribute in Self.attributes {
      let field = "a.\(attribute.rawValue)"
      if let value = values[field]?.trimmed, !value.isEmpty { entries.append((attribute.rawValue, field, value, nil)) }
    }
    for input in inputs {
      if case .list(let definition) = input.type {
        var items: [[(String, String, String)]] = []
        for row in 0..<rows {
          var item: [(String, String, String)] = []
          for field in definition.fields.inputs {
            let name = "l.\(input.name).\(row).\(field.name)"
            if let value = values[name]?.trimmed, !value.isEmpty { item.append((field.name, name, value)) }
          }
          if !item.isEmpty { items.append(item) }
        }
        if !items.isEmpty { entries.append((input.name, nil, nil, items)) }
      } else {
        let field = "f.\(input.name)"
        if let value = values[field]?.trimmed, !value.isEmpty { entries.append((input.name, field, value, nil)) }
      }
    }
    for (index, entry) in entries.enumerated() {
      let comma = index < entries.count - 1 ? "," : ""
      if let items = entry.list {
        lines.append("  \(Self.quote(entry.key)): [")
        for (itemIndex, item) in items.enumerated() {
          lines.append("    {")
          for (fieldIndex, (key, field, value)) in item.enumerated() {
            fieldAtLine[lines.count + 1] = field
            lines.append("      \(Self.quote(key)): \(Self.quote(value))" + (fieldIndex < item.count - 1 ? "," : ""))
          }
          lines.append("    }" + (itemIndex < items.count - 1 ? "," : ""))
        }
        lines.append("  ]" + comma)
      } else if let value = entry.value {
        fieldAtLine[lines.count + 1] = entry.field
        lines.append("  \(Self.quote(entry.key)): \(Self.quote(value))" + comma)
      }
    }
    lines.append("}")
    let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
    return (SurveyFile(name: "tu-danh-gia.json", format: .json, bytes: bytes), fieldAtLine)
  }

  /// A JSON string literal.
  static func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{0}"..."\u{1F}":
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  // MARK: The form

  /// The form, filled with `values`, with `errors` (messages by field name) at their fields.
  func render(
    criteriaName: String, values: FormFields, errors: [String: [String]], rows: Int, context: WebRequestContext,
    into html: inout HTML
  ) {
    let l = language
    html.element("form", ["method": "post", "action": "/assess", "class": "assess", "id": "form"]) { html in
      Layout.csrfField(context, into: &html)
      html.void("input", ["type": "hidden", "name": "criteria", "value": criteriaName])
      html.void("input", ["type": "hidden", "name": "rows", "value": "\(rows)"])
      html.element("fieldset") { html in
        html.element("legend", text: l.t("Trạm y tế", "Station"))
        for attribute in Self.attributes {
          let name = "a.\(attribute.rawValue)"
          html.element("label", ["for": name], text: attribute.label[l.library])
          if attribute == .type {
            select(name, options: [("", "")] + Self.unitTypes.map { ($0, $0) }, value: values[name], into: &html)
          } else {
            html.void("input", ["type": "text", "id": name, "name": name, "value": values[name] ?? ""])
          }
          fieldErrors(errors[name], into: &html)
        }
      }
      html.element("fieldset") { html in
        html.element("legend", text: l.t("Số liệu", "Data"))
        for input in inputs {
          if case .list = input.type { continue }
          scalar(input, name: "f.\(input.name)", values: values, errors: errors, into: &html)
        }
      }
      for input in inputs {
        guard case .list(let definition) = input.type else { continue }
        html.element("fieldset") { html in
          html.element("legend", text: input.label[l.library])
          html.element("table") { html in
            html.element("tr") { html in
              html.element("th", text: "#")
              for field in definition.fields.inputs {
                html.element("th", text: field.label[l.library] + (field.unit.map { " (\($0[l.library]))" } ?? ""))
              }
            }
            for row in 0..<rows {
              html.element("tr") { html in
                html.element("td", ["class": "num"], text: "\(row + 1)")
                for field in definition.fields.inputs {
                  let name = "l.\(input.name).\(row).\(field.name)"
                  html.element("td") { html in
                    control(field, name: name, value: values[name], label: field.label[l.library], into: &html)
                    fieldErrors(errors[name], into: &html)
                  }
                }
              }
            }
          }
          html.element(
            "p", ["class": "muted"],
            text: l.t(
              "Cần thêm dòng? Gửi biểu mẫu: các dòng đã điền được giữ và có thêm dòng trống.",
              "Need more rows? Submit the form: filled rows are kept and empty ones are added."))
        }
      }
      html.element("p") { html in
        html.element("button", ["type": "submit"], text: l.t("Đánh giá", "Evaluate"))
      }
    }
  }

  private func scalar(
    _ input: InputDefinition, name: String, values: FormFields, errors: [String: [String]], into html: inout HTML
  ) {
    let label = input.label[language.library] + (input.unit.map { " (\($0[language.library]))" } ?? "")
    html.element("label", ["for": name], text: label)
    control(input, name: name, value: values[name], label: nil, into: &html)
    fieldErrors(errors[name], into: &html)
  }

  private func control(_ input: InputDefinition, name: String, value: String?, label: String?, into html: inout HTML) {
    switch input.type {
    case .boolean:
      select(
        name, options: [("", ""), ("yes", language.t("Có", "Yes")), ("no", language.t("Không", "No"))], value: value,
        label: label, into: &html)
    case .enumeration(let definition):
      select(
        name, options: [("", "")] + definition.values.map { ($0.id, $0.label[language.library]) }, value: value,
        label: label, into: &html)
    case .count, .number:
      html.void(
        "input",
        ["type": "text", "id": name, "name": name, "value": value ?? "", "inputmode": "decimal", "aria-label": label])
    case .text, .list:
      html.void("input", ["type": "text", "id": name, "name": name, "value": value ?? "", "aria-label": label])
    }
  }

  private func select(
    _ name: String, options: [(String, String)], value: String?, label: String? = nil, into html: inout HTML
  ) {
    html.element("select", ["id": name, "name": name, "aria-label": label]) { html in
      for (id, text) in options {
        html.element("option", ["value": id, "selected": id == (value ?? "") ? "" : nil], text: text)
      }
    }
  }

  private func fieldErrors(_ messages: [String]?, into html: inout HTML) {
    for message in messages ?? [] { html.element("span", ["class": "field-error", "role": "alert"], text: message) }
  }
}

extension String {
  /// Without leading and trailing spaces, tabs and line breaks.
  var trimmed: String {
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
    while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
    return String(scalars)
  }
}
