public import TieuChi

/// The formats of a remediation plan: Word, the format administrations edit and sign, and Markdown.
public enum PlanFormat: String, CaseIterable, Sendable {
  case docx
  case markdown

  /// The plan for `result` in this format; `deadline` replaces every milestone year when given.
  public func render(_ result: CheckResult, options: ReportOptions, deadline: CalendarDate?) throws(RenderFailure)
    -> [UInt8]
  {
    let document = PlanDocument(RemediationPlan(result, deadline: deadline), header: options.header)
    switch self {
    case .docx: return try PlanDOCX().render(document)
    case .markdown: return PlanMarkdown().render(document)
    }
  }

  /// Whether the file is binary: not for a terminal.
  public var isBinary: Bool { self == .docx }

  /// The usual file name extension.
  public var fileExtension: String {
    switch self {
    case .docx: "docx"
    case .markdown: "md"
    }
  }
}
