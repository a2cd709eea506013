import ArgumentParser
import Foundation
import TieuChi
import TieuChiDocuments

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: cli(
      "Đánh giá dữ liệu khảo sát trạm y tế theo một bộ tiêu chí.",
      "Evaluate station survey data against a criteria set."),
    discussion: cli(
      "Mã thoát: 0 mọi thứ đọc được và mọi xã đạt; 1 có xã không đạt hoặc chưa đủ dữ liệu; 2 có dữ liệu không đọc được (phần còn lại vẫn được đánh giá); 3 tệp tiêu chí không hợp lệ; 64 sai cú pháp lệnh; 74 không ghi được báo cáo.",
      "Exit status: 0 everything read and every commune passes; 1 some commune fails or is incomplete; 2 some input could not be read (the rest was evaluated); 3 invalid criteria file; 64 usage error; 74 the report could not be written."
    )
  )

  @OptionGroup var criteriaOptions: CriteriaOptions
  @OptionGroup var evaluation: EvaluationOptions
  @OptionGroup var languageOptions: LanguageOptions

  @Option(
    name: .long,
    help: help(
      "Định dạng báo cáo: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
      "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
  var format: ReportFormat = .text

  @Flag(
    name: .long,
    help: help("Chỉ in bảng mỗi xã một dòng và các tổng.", "Only the one-line-per-commune table and the totals."))
  var summary = false

  @OptionGroup var document: DocumentOptions

  @Option(
    name: .customLong("csv-separator"),
    help: help(
      "Dấu phân cách của CSV: ';' (mặc định, Excel ở Việt Nam dùng), ',' hoặc 'tab'.",
      "CSV field separator: ';' (default, what Excel expects in Vietnam), ',' or 'tab'."))
  var csvSeparator: String = ";"

  @Argument(
    help: help(
      "Tệp hoặc thư mục số liệu khảo sát (.xlsx, .yaml, .yml, .json, .csv).",
      "Survey data files or folders (.xlsx, .yaml, .yml, .json, .csv)."))
  var data: [String] = []

  static let separators: [String: UInt8] = [";": UInt8(ascii: ";"), ",": UInt8(ascii: ","), "tab": 0x09, "\t": 0x09]

  func validate() throws {
    guard !data.isEmpty else {
      throw usageError(
        "hãy đưa ít nhất một tệp hoặc thư mục số liệu, ví dụ Samples/tan-yen-2024",
        "give at least one survey data file or folder, e.g. Samples/tan-yen-2024")
    }
    guard Self.separators[csvSeparator] != nil else {
      throw usageError(
        "--csv-separator phải là ';', ',' hoặc 'tab', không phải \(Diagnostic.quoted(csvSeparator))",
        "--csv-separator must be ';', ',' or 'tab', not \(Diagnostic.quoted(csvSeparator))")
    }
    try document.validateBinary(format.isBinary, format: format.rawValue, fileExtension: format.fileExtension)
  }

  func run() throws {
    let language = languageOptions.language
    let diagnostics = DiagnosticsEngine(language: language)
    var options = document.reportOptions(language: language, summaryOnly: summary)
    options.csvSeparator = Self.separators[csvSeparator] ?? UInt8(ascii: ";")
    let renderer = format.renderer(options)
    let result: CheckResult
    if let streaming = evaluation.streaming(renderer) {
      // Written as the stations are evaluated: a national batch is never held whole.
      result = try document.deliver(format: format.rawValue, binary: format.isBinary, diagnostics: diagnostics) {
        try evaluation.stream(
          criteria: criteriaOptions.criteria, data: data, diagnostics: diagnostics, renderer: streaming, into: &$0,
          printDiagnostics: !format.carriesDiagnostics)
      }
      UntilExit.keep(result)
    } else {
      result = try evaluation.evaluate(
        criteria: criteriaOptions.criteria, data: data, diagnostics: diagnostics,
        printDiagnostics: !format.carriesDiagnostics)
      UntilExit.keep(result)
      try document.deliver(format: format.rawValue, binary: format.isBinary, diagnostics: diagnostics) {
        () throws(RenderFailure) -> [[UInt8]] in try renderer.renderParts(result)
      }
    }
    diagnostics.finish()
    if diagnostics.inputUnreadable { throw ExitStatus.unreadableInput }
    if !result.allPass { throw ExitStatus.notAllPass }
  }
}
