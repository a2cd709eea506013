/// Turns a check result into a document: a terminal report, JSON, and later HTML, a workbook….
///
/// Renderers only choose words and layout: every verdict, gap and reason is already in the result.
/// A new format is one new conforming file and one case of `ReportFormat`.
public protocol ReportRenderer: Sendable {
  /// The whole document, as the bytes of a file. Text formats never fail; a container format (a
  /// workbook) may, when the result exceeds what the format can hold.
  func render(_ result: CheckResult) throws(RenderFailure) -> [UInt8]

  /// The same document as consecutive pieces, for a writer that writes them one after the other: a big batch's
  /// report is then never copied into one buffer. Joined, the pieces are `render(result)`.
  func renderParts(_ result: CheckResult) throws(RenderFailure) -> [[UInt8]]
}

extension ReportRenderer {
  /// One piece: the whole document.
  public func renderParts(_ result: CheckResult) throws(RenderFailure) -> [[UInt8]] { [try render(result)] }
}

extension [[UInt8]] {
  /// The pieces of a document back to back, in one buffer sized once: `render` of a renderer that makes its
  /// document in pieces.
  package var joinedBytes: [UInt8] {
    var document: [UInt8] = []
    document.reserveCapacity(reduce(0) { $0 + $1.count })
    for part in self { document += part }
    return document
  }
}

/// Why a document could not be made, in the user's terms.
public struct RenderFailure: Error, Sendable {
  public var message: LocalizedText

  /// A failure with this explanation.
  public init(_ message: LocalizedText) {
    self.message = message
  }
}

/// What every report format can be asked for.
public struct ReportOptions: Sendable {
  /// The report's language: Vietnamese unless asked otherwise.
  public var language: Language
  /// Only the one-line-per-commune table and the totals, for large batches (formats that have a
  /// shorter form honour it; the others ignore it).
  public var summaryOnly: Bool
  /// The unit that issues the report ("PHÒNG Y TẾ HUYỆN TÂN YÊN"), for documents with an official
  /// header; nil leaves its place blank rather than naming anyone.
  public var issuer: String?
  /// The place of the date line ("Tân Yên").
  public var place: String?
  /// The date the report bears; nil leaves it to fill in (the library has no clock: the CLI passes today).
  public var date: CalendarDate?
  /// The field separator of CSV output: `;` (what Excel expects in a Vietnamese locale), `,` or tab.
  public var csvSeparator: UInt8 = UInt8(ascii: ";")

  /// Options for a report: Vietnamese and in full unless asked otherwise, no header details.
  public init(
    language: Language = .vi, summaryOnly: Bool = false, issuer: String? = nil, place: String? = nil,
    date: CalendarDate? = nil
  ) {
    self.language = language
    self.summaryOnly = summaryOnly
    self.issuer = issuer
    self.place = place
    self.date = date
  }

  /// The document header these options describe.
  public var header: DocumentHeader {
    DocumentHeader(issuer: issuer, place: place, date: date, language: language)
  }
}
