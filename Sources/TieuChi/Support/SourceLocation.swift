/// A position in an input file, 1-based, as editors and `file:line:column` diagnostics count it.
///
/// Columns count Unicode scalars (libyaml's convention). A column of 0 means "the whole line", a line
/// of 0 "the whole file". In a workbook (`sheet` set), `line` is the Excel row and `column` the Excel
/// column number, so that a message names the cell a person sees: `Xã-2025.xlsx › Trạm y tế ! F7`.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The file path as the user gave it (never made absolute, so messages match what they typed).
  public var file: String
  public var line: Int
  public var column: Int
  /// The worksheet's tab name when the file is a workbook; `nil` for text files.
  public var sheet: String?
  /// In a CSV table, the 1-based column of the cell, so that a message also names it as the spreadsheet
  /// the file is opened in shows it (`F`): a character offset alone means nothing in Excel.
  public var tableColumn: Int? = nil

  /// A place in `file`: 1-based line and column (0: the whole line); in a workbook, `sheet` names the tab and
  /// `line` and `column` are the cell's row and column numbers.
  public init(file: String, line: Int, column: Int, sheet: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.sheet = sheet
  }

  /// The whole of `file`: for problems about a file rather than a place in it.
  public init(file: String) {
    self.init(file: file, line: 0, column: 0)
  }

  /// The whole of one sheet of a workbook.
  public init(file: String, sheet: String) {
    self.init(file: file, line: 0, column: 0, sheet: sheet)
  }

  /// Whether this names a whole file rather than a place in it.
  public var isWholeFile: Bool { line == 0 && sheet == nil }

  /// The Excel reference of the cell (`F7`), the row (`7:7`) when the column is unknown; `nil` outside a
  /// workbook or for a whole sheet.
  public var cell: String? {
    guard sheet != nil, line > 0 else { return nil }
    guard column > 0 else { return "\(line):\(line)" }
    return SourceLocation.columnLetters(column) + String(line)
  }

  /// `file:line:column`, `file:line` when the column is unknown, `file` for the whole file; in a workbook
  /// `file › sheet ! F7` (or `file › sheet` for the whole sheet).
  public var description: String {
    if let sheet {
      return "\(file) › \(sheet)" + (cell.map { " ! \($0)" } ?? "")
    }
    let place = line == 0 ? file : column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
    return tableColumn.map { place + " [\(SourceLocation.columnLetters($0))]" } ?? place
  }

  /// Excel's letters for a 1-based column number: 1 is `A`, 27 is `AA`.
  public static func columnLetters(_ column: Int) -> String {
    var number = column
    var letters: [Character] = []
    while number > 0 {
      let remainder = (number - 1) % 26
      letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
      number = (number - 1) / 26
    }
    return String(letters.reversed())
  }

  /// The same place: file, sheet, line and column (the CSV column's letter is only a way of naming it).
  public static func == (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    lhs.file == rhs.file && lhs.sheet == rhs.sheet && lhs.line == rhs.line && lhs.column == rhs.column
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(file)
    hasher.combine(sheet)
    hasher.combine(line)
    hasher.combine(column)
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.sheet ?? "", lhs.line, lhs.column) < (rhs.file, rhs.sheet ?? "", rhs.line, rhs.column)
  }
}
