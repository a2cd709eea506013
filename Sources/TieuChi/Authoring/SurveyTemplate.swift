/// Blank survey forms for a criteria set, to hand to stations: every input the set needs, with its
/// label, unit and type. Both forms read back with `tieuchi check` once filled in; blanks stay missing.
public enum SurveyTemplate {
  /// Labels of the station attributes every record carries, as CSV headers that read back.
  static func typeText(_ input: InputDefinition, _ language: Language) -> String {
    let vi = language == .vi
    switch input.type {
    case .count: return vi ? "số nguyên ≥ 0" : "whole number ≥ 0"
    case .number: return vi ? "số (dấu phẩy thập phân được)" : "number"
    case .boolean: return vi ? "có/không (true/false)" : "yes/no (true/false)"
    case .text: return vi ? "chữ" : "text"
    case .enumeration(let definition):
      return (vi ? "một trong: " : "one of: ")
        + definition.values.map { $0.label[language] == $0.id ? $0.id : "\($0.id) (\($0.label[language]))" }.joined(
          separator: " | ")
    case .list: return vi ? "danh sách" : "list"
    }
  }

  static func describe(_ input: InputDefinition, _ language: Language) -> String {
    var text = input.label[language] + " — " + typeText(input, language)
    if let unit = input.unit { text += " (\(unit[language]))" }
    return text
  }

  /// A commented YAML form: one station document, and a group document if the set has group inputs.
  public static func yaml(_ criteria: CriteriaSet, language: Language) -> String {
    let vi = language == .vi
    var out = "# " + (vi ? "Phiếu số liệu trạm y tế xã" : "Commune health station survey form")
    out += " — \(criteria.id): \(criteria.title[language])\n"
    out +=
      vi
      ? "# Điền từng trường; để trống nếu chưa có số liệu (ô trống là thiếu dữ liệu, không bao giờ được hiểu là 0).\n"
      : "# Fill in every field; leave it empty when the figure is not known (empty is missing, never zero).\n"
    out += "---\n"
    for attribute in StationAttribute.allCases where attribute != .year {
      let example = attribute == .code ? (vi ? " (5 chữ số, ví dụ \"07339\")" : " (5 digits, e.g. \"07339\")") : ""
      out += "\(attribute.rawValue): \"\"" + comment(attribute.label[language] + example) + "\n"
    }
    out += "year:" + comment(StationAttribute.year.label[language]) + "\n"
    for input in criteria.schema.inputs where StationAttribute(field: input.name) == nil {
      if case .list(let definition) = input.type {
        out +=
          "\(input.name):"
          + comment(input.label[language] + (vi ? " — danh sách, mỗi mục một dòng:" : " — a list, one line per item:"))
          + "\n"
        let fields = definition.fields.inputs.map { field in "\(field.name): \(blank(field))" }.joined(separator: ", ")
        out += "  - {\(fields)}\n"
        for field in definition.fields.inputs { out += "    #   \(field.name): " + describe(field, language) + "\n" }
      } else {
        out += "\(input.name): \(blank(input))" + comment(describe(input, language)) + "\n"
      }
    }
    let groupInputs = criteria.groupSchema.inputs.filter {
      $0.level == .group && StationAttribute(field: $0.name) == nil && $0.name != GroupRecordFields.communesList
    }
    if criteria.hasGroupIndicators && !groupInputs.isEmpty {
      out += "---\n"
      out +=
        vi
        ? "# Số liệu của cả huyện/tỉnh (một bản ghi cho mỗi nhóm):\n"
        : "# Figures of the whole district/province (one record per group):\n"
      out += "level: group\ndistrict: \"\"\nprovince: \"\"\nyear:\n"
      for input in groupInputs { out += "\(input.name): \(blank(input))" + comment(describe(input, language)) + "\n" }
    }
    return out
  }

  private static func blank(_ input: InputDefinition) -> String {
    if case .text = input.type { return "\"\"" }
    if case .enumeration = input.type { return "\"\"" }
    return ""
  }

  private static func comment(_ text: String) -> String { "   # " + text }

  /// A CSV header in the report language's labels (which read back as input names), UTF-8 with BOM,
  /// `;`-separated as Vietnamese Excel expects; `list` gives the form of that list input's file instead.
  public static func csv(_ criteria: CriteriaSet, language: Language, list: String? = nil) -> Result<String, Diagnostic>
  {
    var labels: [String]
    if let list {
      guard let input = criteria.schema[list], case .list(let definition) = input.type else {
        let lists = criteria.schema.inputs.filter { if case .list = $0.type { true } else { false } }.map(\.name)
        return .failure(.notAListInput(list, lists: lists))
      }
      labels = [StationAttribute.code.label[language]] + definition.fields.inputs.map { $0.label[language] }
    } else {
      labels = StationAttribute.allCases.map { $0.label[language] }
      labels += criteria.schema.inputs.filter {
        if case .list = $0.type { return false }
        return StationAttribute(field: $0.name) == nil
      }.map { $0.label[language] }
    }
    // A label starting with `=`, `+`, `-` or `@` would run as a formula in Excel: neutralised as in the CSV
    // report (the reader drops the apostrophe again).
    let text = CSVWriter.write(header: labels.map(CSVReport.neutralized), rows: [], separator: UInt8(ascii: ";"))
    return .success(text)
  }
}
