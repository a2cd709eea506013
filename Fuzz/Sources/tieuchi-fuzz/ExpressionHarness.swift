import Foundation
import TieuChi

/// The expression language: the input's first line is an indicator's `measure`, its second line (if any) the
/// `target`, its third (if any) the `unit` (else `percent` or `per_1000` when the target has that sign), written into a small criteria file that declares every kind of input; when the file loads, it
/// is evaluated on fixed stations (one with the largest values, one with missing data) and a previous round.
enum ExpressionHarness {
  static let stations = SurveyFile(
    name: "stations.yaml", format: .yaml,
    bytes: Array(
      """
      - code: "00001"
        name: A
        year: 2025
        district: D
        population: 9223372036854775807
        insured: 9223372036854775806
        share: 99.5
        tiny: 0.000000001
        ok: true
        kind: doctor
        label: "x"
        staff:
          - {name: a, role: doctor, permanent: true, years: 3}
          - {name: b, role: nurse, permanent: false, years: 0}
      - code: "00002"
        name: B
        year: 2030
        district: D
        population: 0
        staff: []
      - {code: "00003", name: C, year: 2024, district: D, population: 7, insured: 7, share: 0, ok: false}

      """.utf8))

  /// The previous round, for `baseline(…)`: station A as it was, B with other values, C absent.
  static let baseline = SurveyFile(
    name: "baseline.yaml", format: .yaml,
    bytes: Array(
      """
      - {code: "00001", year: 2024, population: 1, insured: 9223372036854775807, share: 0.5, ok: false, staff: []}
      - {code: "00002", year: 2029, population: 9223372036854775807, tiny: 12345.6789}

      """.utf8))

  static func run(_ bytes: [UInt8]) {
    if Nesting.tooDeep(bytes) { return }
    let lines = bytes.split(separator: 0x0A, maxSplits: 2, omittingEmptySubsequences: false)
      .map { String(decoding: $0, as: UTF8.self) }
    // An empty line is no line: seeds end with a newline.
    let target = lines.count > 1 && !lines[1].isEmpty ? lines[1] : nil
    var unit = lines.count > 2 ? lines[2].trimmingCharacters(in: .whitespacesAndNewlines) : nil
    if unit?.isEmpty == true { unit = nil }
    if unit == nil, let target { unit = target.contains("%") ? "percent" : target.contains("‰") ? "per_1000" : nil }
    let text = criteria(measure: lines[0], target: target, unit: unit)
    let name = "criteria.yaml"
    let source = Array(text.utf8)
    let (set, diagnostics) = CriteriaLoader.load(bytes: source, file: name)
    Invariants.locationsInside(diagnostics, files: [name: source], yamlBreaks: true)
    if verbose { for diagnostic in diagnostics { print(diagnostic.rendered(in: .en)) } }
    guard let set else { return }
    let result = Checker(criteria: set, asOf: asOf).run([stations], baseline: [baseline])
    guard result.communes.count == 3 else { fail("\(result.communes.count) communes of 3") }
    _ = TextReport(ReportOptions(language: .vi)).render(result)
    let english = TextReport(ReportOptions(language: .en)).render(result)
    if verbose { print(String(decoding: english, as: UTF8.self)) }
  }

  /// The criteria file around `measure` and `target`, both as YAML double-quoted strings.
  static func criteria(measure: String, target: String?, unit: String?) -> String {
    var text = """
      id: fuzz
      title: {vi: "Thử", en: "Fuzz"}
      source: {document: fuzz, title: {vi: "Thử", en: "Fuzz"}, clause: "1"}
      inputs:
        population: {type: count, label: {vi: "Dân số", en: "Population"}, unit: {vi: "người", en: "people"}}
        insured: {type: count, label: {vi: "BHYT", en: "Insured"}, unit: {vi: "người", en: "people"}}
        share: {type: number, label: {vi: "Tỷ lệ", en: "Share"}}
        tiny: {type: number, label: {vi: "Nhỏ", en: "Tiny"}}
        ok: {type: boolean, label: {vi: "Đạt", en: "OK"}}
        label: {type: text, label: {vi: "Nhãn", en: "Label"}}
        kind:
          type: enum
          label: {vi: "Loại", en: "Kind"}
          values: [{id: doctor, label: {vi: "Bác sĩ", en: "Doctor"}}, {id: nurse, label: {vi: "ĐD", en: "Nurse"}}]
        staff:
          type: list
          label: {vi: "Nhân lực", en: "Staff"}
          item_name: name
          fields:
            name: {type: text, label: {vi: "Tên", en: "Name"}}
            role:
              type: enum
              label: {vi: "Chức danh", en: "Role"}
              values: [{id: doctor, label: {vi: "Bác sĩ", en: "Doctor"}}, {id: nurse, label: {vi: "ĐD", en: "Nurse"}}]
            permanent: {type: boolean, label: {vi: "Cơ hữu", en: "Permanent"}}
            years: {type: count, label: {vi: "Năm", en: "Years"}, unit: {vi: "năm", en: "years"}}
      indicators:
        - id: fuzzed
          title: {vi: "Thử", en: "Fuzz"}
          source: "1"
          measure: \(quoted(measure))

      """
    if let target { text += "    target: \(quoted(target))\n" }
    if let unit { text += "    unit: \(quoted(unit))\n" }
    return text
  }

  /// `text` as a YAML double-quoted scalar: every character that is not printable ASCII escaped.
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case " "..."~": result.unicodeScalars.append(scalar)
      default:
        let hex = String(scalar.value, radix: 16)
        result += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
      }
    }
    return result + "\""
  }
}
