/// The shared-string table of one workbook (`xl/sharedStrings.xml`): each distinct text once, numbered in order of
/// first use.
struct SharedStrings {
  /// Excel's limit on the length of a cell's text (UTF-16 units); longer text makes Excel repair the file.
  static let maximumLength = 32_767

  private(set) var strings: [String] = []
  /// Index and display length (see `ColumnWidths.textLength`) by text as given: measured once per distinct text.
  private var entryByString: [String: (index: Int, length: Int)] = [:]
  /// Number of cells that refer to the table (the `count` attribute).
  private(set) var referenceCount = 0

  /// The index of `text` after dropping forbidden characters and cutting it to Excel's limit, and its display length.
  mutating func entry(for text: String) -> (index: Int, length: Int) {
    referenceCount += 1
    if let entry = entryByString[text] { return entry }
    var clean = XMLEscaping.removingForbiddenCharacters(text)
    if clean.utf16.count > Self.maximumLength { clean = clean.prefix(utf16Units: Self.maximumLength) }
    strings.append(clean)
    let entry = (index: strings.count - 1, length: ColumnWidths.textLength(clean))
    entryByString[text] = entry
    return entry
  }

  func xml() -> [UInt8] {
    var xml = XMLBuffer(capacity: strings.reduce(256) { $0 + $1.utf8.count + 40 })
    xml.raw(PackageParts.xmlDeclaration)
    xml.raw(#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count=""#)
    xml.int(referenceCount)
    xml.raw(#"" uniqueCount=""#)
    xml.int(strings.count)
    xml.raw(#"">"#)
    for string in strings {
      // Without xml:space="preserve", readers drop leading and trailing spaces and newlines.
      xml.raw(#"<si><t xml:space="preserve">"#)
      xml.text(string)
      xml.raw("</t></si>")
    }
    xml.raw("</sst>")
    return xml.bytes
  }
}
