/// The bounds `XLSXReader` enforces, so that a hostile or broken workbook is refused quickly instead of exhausting
/// memory or time.
///
/// The defaults are far above any survey workbook a health office keeps (a few sheets, thousands of rows) and far
/// below what would hurt a 2-core machine with a few GB of memory.
public struct XLSXLimits: Sendable, Hashable {
  /// The largest `.xlsx` file accepted, in bytes. Default 100 MB: Excel's own files of a million rows are smaller.
  public var maximumFileSize: Int
  /// The most zip entries accepted. Default 10,000: real workbooks have tens of parts; a huge central directory is
  /// only a way to make the reader work.
  public var maximumEntryCount: Int
  /// The most bytes one part may expand to. Default 100 MB: a full 100,000-row, 50-column sheet is about that.
  public var maximumPartSize: Int
  /// The most bytes all the parts read may expand to together. Default 300 MB: bounds the memory the XML takes
  /// while it is parsed, whatever the number of sheets.
  public var maximumTotalSize: Int
  /// The highest expansion ratio (uncompressed ÷ compressed) accepted for a part larger than
  /// `compressionRatioThreshold`. Default 200: worksheet XML compresses 10–30 times, even sheets of one repeated
  /// value stay under 150, while a zip bomb of zeros reaches 1000.
  public var maximumCompressionRatio: Int
  /// Parts smaller than this many bytes are not held to `maximumCompressionRatio`. Default 1 MB: small parts of
  /// repetitive XML (styles, empty sheets) legitimately compress very well, and cannot hurt.
  public var compressionRatioThreshold: Int
  /// The most cells with a value in the whole workbook. Default 5 million: ten times a large survey; each cell
  /// costs about 100 bytes once read.
  public var maximumCellCount: Int
  /// The deepest nesting of XML elements accepted. Default 64: SpreadsheetML needs fewer than 10 levels.
  public var maximumXMLDepth: Int

  public init(
    maximumFileSize: Int = 100_000_000, maximumEntryCount: Int = 10_000, maximumPartSize: Int = 100_000_000,
    maximumTotalSize: Int = 300_000_000, maximumCompressionRatio: Int = 200, compressionRatioThreshold: Int = 1_000_000,
    maximumCellCount: Int = 5_000_000, maximumXMLDepth: Int = 64
  ) {
    self.maximumFileSize = maximumFileSize
    self.maximumEntryCount = maximumEntryCount
    self.maximumPartSize = maximumPartSize
    self.maximumTotalSize = maximumTotalSize
    self.maximumCompressionRatio = maximumCompressionRatio
    self.compressionRatioThreshold = compressionRatioThreshold
    self.maximumCellCount = maximumCellCount
    self.maximumXMLDepth = maximumXMLDepth
  }

  /// The limits described on each property.
  public static let `default` = XLSXLimits()
}
