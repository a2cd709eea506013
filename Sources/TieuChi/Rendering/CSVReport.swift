/// Renders a check result as a long CSV table — one row per commune × indicator, the columns of the
/// workbook's "Chi tiết" sheet — for Excel and scripts.
///
/// UTF-8 with a byte-order mark (without it Excel on Windows reads Vietnamese as the legacy code page).
/// The separator is `;` by default: Vietnamese Windows uses the comma as its decimal mark, so Excel there
/// expects `;` between fields; numbers then use the decimal comma (`99,73`) and no thousands grouping, so
/// that Excel reads them as numbers. With `,` as separator, numbers use the decimal point. A text cell
/// that starts with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`, so that no formula runs when the
/// file is opened.
public struct CSVReport: ReportRenderer {
  let options: ReportOptions

  /// A CSV renderer: the options' language for headers and words, and its separator.
  public init(_ options: ReportOptions = ReportOptions()) {
    self.options = options
  }

  /// The whole file, UTF-8 with a byte-order mark, CRLF line ends.
  public func render(_ result: CheckResult) -> [UInt8] { renderParts(result).joinedBytes }

  /// The header, then the communes' rows in chunks, in order.
  public func renderParts(_ result: CheckResult) -> [[UInt8]] { streamedParts(result) }

  private var style: NumberText.Style {
    NumberText.Style(decimalMark: options.csvSeparator == UInt8(ascii: ",") ? "." : ",", groupSeparator: nil)
  }

  static func field(_ cell: DetailTable.Cell, style: NumberText.Style) -> String {
    switch cell {
    case .text(let text): neutralized(text)
    case .integer(let value): String(value)
    case .number(let value): NumberText.format(value, decimals: 6, style: style)
    case .measure(let value, let unit):
      NumberText.format(value.multiplied(by: Rational(unit.scale)) ?? value, decimals: 6, style: style)
    case .empty: ""
    }
  }

  /// Text that a spreadsheet would take for a formula gets a leading apostrophe, which Excel and
  /// LibreOffice show as text and do not evaluate. Control characters from data (an ESC in a commune's
  /// name) are written as `\u{1B}`, as in every text output: a CSV report is often shown in a terminal.
  static func neutralized(_ text: String) -> String {
    let text = text.escapingControlCharacters(keepingLineBreaks: true)
    guard let first = text.utf8.first, formulaStarts.contains(first) else { return text }
    return "'" + text
  }

  /// What a formula starts with: each one ASCII byte, which no other scalar's UTF-8 begins with.
  private static let formulaStarts = Array("=+-@\t\r".utf8)
}

extension CSVReport: CommuneStreamRenderer {
  package var streams: Bool { true }
  package var needsGrouping: Bool { true }

  package func head(_ frame: ReportFrame) -> [UInt8] {
    var writer = CSVWriter(separator: options.csvSeparator)
    writer.append(DetailTable(frame, language: options.language).headers.map(Self.neutralized))
    return writer.bytes
  }

  package struct Writer {
    let table: DetailTable
    let style: NumberText.Style
  }

  package func writer(_ frame: ReportFrame) -> Writer {
    // Texts of its own for each chunk, so that the cores never count references on the same strings.
    Writer(table: DetailTable(frame, language: options.language).withOwnTexts(), style: style)
  }

  package func write(_ commune: CommuneResult, with writer: Writer, into bytes: inout [UInt8]) {
    var part = CSVWriter(separator: options.csvSeparator, continuing: bytes)
    // The writer alone holds the buffer while it appends: no copy.
    bytes = []
    for row in writer.table.rows(of: commune) { part.append(row.map { Self.field($0, style: writer.style) }) }
    bytes = part.bytes
  }

  package func tail(_ result: CheckResult, kept: NothingKept, write: ([UInt8]) -> Void) {}
}
