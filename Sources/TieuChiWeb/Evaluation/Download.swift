import TieuChi
import TieuChiDocuments

/// The documents a round can be downloaded as: the report formats of the library and the remediation plan.
enum Download: String, CaseIterable, Sendable {
  case xlsx
  case csv
  case json
  case html
  case docx

  var contentType: String {
    switch self {
    case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    case .csv: "text/csv; charset=utf-8"
    case .json: "application/json"
    case .html: "text/html; charset=utf-8"
    case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    }
  }

  /// The file name offered to save as (ASCII: it goes into a header).
  func fileName(round: Int64) -> String {
    self == .docx ? "ke-hoach-khac-phuc-\(round).docx" : "ket-qua-\(round).\(rawValue)"
  }

  func label(_ language: UILanguage) -> String {
    switch self {
    case .xlsx: language.t("Bảng tính Excel (.xlsx)", "Excel workbook (.xlsx)")
    case .csv: language.t("Bảng chi tiết (.csv)", "Detail table (.csv)")
    case .json: "JSON"
    case .html: language.t("Báo cáo (.html)", "Report (.html)")
    case .docx: language.t("Kế hoạch khắc phục (.docx)", "Remediation plan (.docx)")
    }
  }

  /// The document for `result`.
  func render(_ result: CheckResult, options: ReportOptions) throws(RenderFailure) -> [UInt8] {
    switch self {
    case .xlsx: try ReportFormat.xlsx.renderer(options).render(result)
    case .csv: try ReportFormat.csv.renderer(options).render(result)
    case .json: try ReportFormat.json.renderer(options).render(result)
    case .html: try ReportFormat.html.renderer(options).render(result)
    case .docx: try PlanFormat.docx.render(result, options: options, deadline: nil)
    }
  }
}
