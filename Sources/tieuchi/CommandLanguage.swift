import ArgumentParser
import Foundation
import TieuChi

/// The language of the command line itself — help, usage errors, validation messages — known before
/// the arguments are parsed: Vietnamese, the tool's default, unless `--lang en` is among them.
///
/// Read once from the process's arguments (the parser needs the help texts before it knows any option).
let commandLanguage: Language = {
  let arguments = CommandLine.arguments.dropFirst()
  for (index, argument) in arguments.enumerated() {
    if argument == "--lang=en" { return .en }
    if argument == "--lang", arguments.dropFirst(index + 1).first == "en" { return .en }
  }
  return .vi
}()

/// A text of the command line in its language.
func cli(_ vi: String, _ en: String) -> String {
  commandLanguage == .vi ? vi : en
}

/// An option's or argument's help in the command line's language.
func help(_ vi: String, _ en: String, valueName: String? = nil) -> ArgumentHelp {
  ArgumentHelp(cli(vi, en), valueName: valueName)
}

/// A usage error in the command line's language.
func usageError(_ vi: String, _ en: String) -> ValidationError {
  ValidationError(cli(vi, en))
}

/// ArgumentParser writes its own words in English; in Vietnamese they are translated here, phrase by
/// phrase, so that usage errors and help read in one language. A phrase this table does not know stays
/// as the parser wrote it.
enum ParserWords {
  static let vietnamese: [(String, String)] = [
    ("OVERVIEW:", "TỔNG QUAN:"),
    ("USAGE:", "CÁCH DÙNG:"),
    ("ARGUMENTS:", "THAM SỐ:"),
    ("OPTIONS:", "TÙY CHỌN:"),
    ("SUBCOMMANDS:", "LỆNH:"),
    ("Show help information.", "Hiện hướng dẫn này."),
    ("See 'tieuchi help <subcommand>' for detailed help.", "Xem 'tieuchi help <lệnh>' để biết chi tiết."),
    ("(default: ", "(mặc định: "),
    ("(default)", "(mặc định)"),
    ("; default: ", "; mặc định: "),
    ("' for more information.", "' để biết thêm."),
    ("(values: ", "(giá trị: "),
    ("Error: Missing expected argument", "Lỗi: thiếu tham số bắt buộc"),
    ("Error: Missing value for", "Lỗi: thiếu giá trị cho"),
    ("Error: Unknown option", "Lỗi: không có tùy chọn"),
    ("Error: Unexpected argument", "Lỗi: tham số thừa"),
    ("Error: Unexpected arguments", "Lỗi: các tham số thừa"),
    ("Error: The value", "Lỗi: giá trị"),
    ("is invalid for", "không hợp lệ cho"),
    ("Error: ", "Lỗi: "),
    ("Help:", "Hướng dẫn:"),
    ("Usage:", "Cách dùng:"),
    ("See 'tieuchi", "Xem 'tieuchi"),
    ("' for more details.", "' để biết thêm."),
    ("Did you mean", "Có phải ý bạn là"),
  ]

  static func translated(_ text: String) -> String {
    guard commandLanguage == .vi else { return text }
    var out = text
    for (english, vietnamese) in vietnamese { out = out.replacingOccurrences(of: english, with: vietnamese) }
    return out
  }
}
