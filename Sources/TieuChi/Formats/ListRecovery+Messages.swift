/// What the JSON and YAML readers add to a syntax error they recovered from inside a top-level list: which
/// records were lost, on which lines, and where reading resumed.
enum ListRecoveryMessages {
  /// What the list's records are called in the format's own words.
  struct Noun {
    var vi: String
    var en: String
    var enPlural: String

    /// A JSON array's.
    static let element = Noun(vi: "phần tử", en: "element", enPlural: "elements")
    /// A YAML sequence's.
    static let item = Noun(vi: "mục", en: "item", enPlural: "items")
  }

  /// `count` records of the top-level list (lines `lines`) could not be read; reading resumed at line
  /// `resumesAt`, or nothing after them could be read.
  static func skipped(
    _ diagnostic: inout Diagnostic, _ count: Int, _ noun: Noun, lines: ClosedRange<Int>, resumesAt: Int?
  ) {
    let range = lineRange(lines)
    diagnostic.message.vi +=
      "; \(count) \(noun.vi) của danh sách gốc (\(range.vi)) không đọc được"
      + (resumesAt.map { ", đọc tiếp từ dòng \($0)" } ?? "")
    diagnostic.message.en +=
      (count == 1
        ? "; 1 \(noun.en) of the top-level list (\(range.en)) could not be read"
        : "; \(count) \(noun.enPlural) of the top-level list (\(range.en)) could not be read")
      + (resumesAt.map { ", reading resumed at line \($0)" } ?? "")
  }

  /// "dòng 3" / "line 3", or "dòng 3–5" / "lines 3–5".
  static func lineRange(_ lines: ClosedRange<Int>) -> LocalizedText {
    lines.lowerBound == lines.upperBound
      ? LocalizedText(vi: "dòng \(lines.lowerBound)", en: "line \(lines.lowerBound)")
      : LocalizedText(
        vi: "dòng \(lines.lowerBound)–\(lines.upperBound)", en: "lines \(lines.lowerBound)–\(lines.upperBound)")
  }
}
