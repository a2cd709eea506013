/// Why a workbook could not be read. Every case has an English and a Vietnamese explanation in `message`.
///
/// Parts are named by their path in the package (`xl/worksheets/sheet1.xml`), sheets by their tab name, cells by
/// their reference (`F7`), so that a person can find the problem in Excel.
public enum XLSXReadError: Error, Sendable, Hashable {
  /// The file is empty.
  case emptyFile
  /// The file is not a zip archive (not an `.xlsx` at all, or damaged beyond recognition).
  case notAZip
  /// An OLE compound file: an `.xlsx` protected by a password (Excel encrypts those into OLE) or an old `.xls`.
  case passwordProtectedOrLegacyFormat
  /// The file is larger than `XLSXLimits.maximumFileSize`.
  case fileTooLarge(size: Int, limit: Int)
  /// The zip has more entries than `XLSXLimits.maximumEntryCount`.
  case tooManyEntries(count: Int, limit: Int)
  /// A zip entry name that is absolute, climbs out with `..`, or uses backslashes: never written by Excel, and a
  /// classic way to attack extractors.
  case unsafeEntryName(String)
  /// Two zip entries with the same name (ignoring case, as the package format does): readers could disagree on
  /// which one counts.
  case duplicateEntry(String)
  /// The zip structure itself is broken (central directory, local headers); the detail says where.
  case damagedZip(String)
  /// A zip feature this reader does not support (encryption, a compression method other than deflate, ZIP64,
  /// split archives).
  case unsupportedZipFeature(part: String, feature: String)
  /// A part's compressed data is corrupt (inflate failed or the checksum does not match).
  case damagedPart(String)
  /// A part would expand beyond `XLSXLimits.maximumPartSize`.
  case partTooLarge(part: String, limit: Int)
  /// The parts read would expand beyond `XLSXLimits.maximumTotalSize` together.
  case totalSizeTooLarge(limit: Int)
  /// A part expands more than `XLSXLimits.maximumCompressionRatio` times: a zip bomb.
  case compressionRatioTooHigh(part: String, limit: Int)
  /// A part expands to more bytes than its zip header declares: the archive lies about its sizes.
  case sizeMismatch(part: String, declared: Int)
  /// The zip holds no workbook part (an empty zip, a Word document, another zip renamed `.xlsx`).
  case notAWorkbook
  /// A part the workbook refers to is missing.
  case missingPart(String)
  /// A relationship points outside the package or is not a valid path.
  case invalidRelationshipTarget(String)
  /// The workbook has no worksheet.
  case noSheets
  /// A part contains a document type declaration (`<!DOCTYPE`): Excel never writes one, and it is the way to
  /// entity-expansion and external-entity attacks.
  case doctypeForbidden(part: String)
  /// A part is not UTF-8 (e.g. UTF-16), which this reader does not decode.
  case unsupportedEncoding(part: String, encoding: String)
  /// A part is not well-formed XML; `line` is 1-based, `detail` says what was expected (in English).
  case malformedXML(part: String, line: Int, detail: String)
  /// Elements nested deeper than `XLSXLimits.maximumXMLDepth`.
  case xmlTooDeep(part: String, limit: Int)
  /// A cell or range reference that is not valid or lies beyond `XFD1048576`.
  case invalidCellReference(sheet: String, reference: String)
  /// More cells with a value than `XLSXLimits.maximumCellCount`.
  case tooManyCells(limit: Int)
  /// A text cell refers to a shared string that does not exist.
  case sharedStringIndexOutOfRange(sheet: String, reference: String, index: String)
  /// A cell's stored value does not fit its type (a number cell with text, a boolean other than 0 or 1, …).
  case invalidCellValue(sheet: String, reference: String, value: String)
}
