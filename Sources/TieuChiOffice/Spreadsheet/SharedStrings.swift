/// The shared-string table of one workbook (`xl/sharedStrings.xml`): each distinct text once, numbered in order of
/// first use.
struct SharedStrings {
  /// Excel's limit on the length of a cell's text (UTF-16 units); longer text makes Excel repair the file.
  static let maximumLength = 32_767

  private(set) var strings: [String] = []
  /// Index by text as given (before cleaning).
  private var indexByString: [String: Int] = [:]
  /// Number of cells that refer to the table (the `count` attribute).
  private(set) var referenceCount = 0

  /// `text` as the table holds it: without the characters XML forbids, cut to Excel's limit.
  static func cleaned(_ text: String) -> String {
    var clean = XMLEscaping.removingForbiddenCharacters(text)
    if clean.utf16.count > Self.maximumLength { clean = clean.prefix(utf16Units: Self.maximumLength) }
    return clean
  }

  /// The index of `text`, added (as `cleaned`, which must be `Self.cleaned(text)`) if it is new. Cells that
  /// refer to it are counted apart (`countReferences`): a sheet written in blocks looks each text up once a block.
  mutating func index(for text: String, cleaned: String) -> Int {
    if let index = indexByString[text] { return index }
    strings.append(cleaned)
    indexByString[text] = strings.count - 1
    return strings.count - 1
  }

  /// Adds `count` cells to the number that refer to the table.
  mutating func countReferences(_ count: Int) {
    referenceCount += count
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
