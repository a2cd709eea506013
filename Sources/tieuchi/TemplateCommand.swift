import ArgumentParser
import Foundation
import TieuChi
import TieuChiDocuments

struct TemplateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: cli("In phiếu số liệu trống cho một bộ tiêu chí.", "Print a blank survey form for a criteria set."),
    discussion: cli(
      "yaml: phiếu có chú thích cho từng đầu vào. csv: dòng tiêu đề của tệp trạm (nhãn tiếng Việt đọc lại được; --list TÊN cho tệp danh sách). xlsx: sổ tính điền được (--output TỆP.xlsx) với trang trạm, mỗi danh sách một trang, danh sách chọn và trang hướng dẫn; --communes TỆP.csv điền sẵn các xã. Phiếu đã điền được tieuchi check đọc.",
      "yaml: a commented form with every input. csv: the header of the stations file in labels that read back (--list NAME for a list's file). xlsx: a fillable workbook (--output FILE.xlsx) with a stations sheet, one sheet per list, drop-downs and an instructions sheet; --communes FILE.csv lists the communes beforehand. Filled-in forms are read by tieuchi check."
    )
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case yaml, csv, xlsx
  }

  @OptionGroup var criteriaOptions: CriteriaOptions

  @Option(name: .long, help: help("yaml (mặc định), csv hoặc xlsx.", "yaml (default), csv or xlsx."))
  var format: Format = .yaml

  @Option(
    name: .long,
    help: help(
      "csv: đầu vào dạng danh sách (ví dụ staff) cần in mẫu tệp.",
      "csv: the list input (e.g. staff) whose file to print."))
  var list: String?

  @Option(
    name: .long,
    help: help(
      "xlsx: tệp CSV danh sách xã (cột code,name) để điền sẵn.",
      "xlsx: a CSV list of communes (columns code,name) to fill in beforehand."))
  var communes: String?

  @Option(
    name: .long,
    help: help(
      "Ghi phiếu vào tệp này (bắt buộc với xlsx) thay vì in ra màn hình.",
      "Write the form to this file (required for xlsx) instead of standard output."))
  var output: String?

  @OptionGroup var languageOptions: LanguageOptions

  func validate() throws {
    if list != nil && format != .csv {
      throw usageError("--list chỉ dùng với --format csv", "--list goes with --format csv")
    }
    if communes != nil && format != .xlsx {
      throw usageError("--communes chỉ dùng với --format xlsx", "--communes goes with --format xlsx")
    }
    if format == .xlsx && output == nil && isatty(STDOUT_FILENO) != 0 {
      throw usageError(
        "--format xlsx ghi tệp nhị phân: thêm --output TỆP.xlsx",
        "--format xlsx writes a binary file: add --output FILE.xlsx")
    }
  }

  func run() throws {
    let language = languageOptions.language
    let diagnostics = DiagnosticsEngine(language: language)
    defer { diagnostics.finish() }
    let set = try loadCriteria(criteriaOptions.criteria, diagnostics: diagnostics)
    let bytes: [UInt8]
    switch format {
    case .yaml:
      bytes = Array(SurveyTemplate.yaml(set, language: language).utf8)
    case .csv:
      switch SurveyTemplate.csv(set, language: language, list: list) {
      case .success(let text): bytes = Array(text.utf8)
      case .failure(let diagnostic):
        diagnostics.emit([diagnostic])
        throw ExitStatus.usage
      }
    case .xlsx:
      var listed: [SurveyWorkbookTemplate.Commune] = []
      if let communes {
        guard let data = FileManager.default.contents(atPath: communes) else {
          diagnostics.emit([SurveyWorkbookTemplate.Messages.communesUnreadable(communes)])
          throw ExitStatus.unreadableInput
        }
        let read = SurveyWorkbookTemplate.communes(csv: [UInt8](data), file: communes)
        diagnostics.emit(read.problems)
        if read.problems.contains(where: { $0.severity == .error }) { throw ExitStatus.unreadableInput }
        listed = read.communes
      }
      do {
        bytes = try SurveyWorkbookTemplate.data(set, language: language, communes: listed)
      } catch {
        diagnostics.emit([.cannotRender(LocalizedText(vi: "\(error)", en: "\(error)"))])
        throw ExitStatus.cannotWrite
      }
    }
    do {
      try OutputFile.write([bytes], to: output, binary: format == .xlsx, format: format.rawValue)
    } catch OutputFile.Failure.binaryToTerminal(let format) {
      diagnostics.emit([.binaryToTerminal(format)])
      throw ExitStatus.usage
    } catch OutputFile.Failure.cannotWrite(let path, let reason) {
      diagnostics.emit([.cannotWriteOutput(path, reason: reason)])
      throw ExitStatus.cannotWrite
    }
  }
}
