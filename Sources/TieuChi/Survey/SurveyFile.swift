/// The formats survey data can come in.
public enum SurveyFormat: String, Sendable, CaseIterable {
  case yaml
  case json
  /// JSON Lines (`.ndjson`, `.jsonl`): one station object per line, as log-style exports write them.
  case ndjson
  case csv
  /// An Excel workbook: read through a `WorkbookReader` (the core library has none of its own).
  case xlsx

  /// The format a file name's extension stands for (yaml/yml, json, ndjson/jsonl, csv, xlsx), for callers that read from
  /// disk; nil for any other extension. Case does not matter.
  public init?(fileExtension: String) {
    switch fileExtension.lowercased() {
    case "yaml", "yml": self = .yaml
    case "json": self = .json
    case "ndjson", "jsonl": self = .ndjson
    case "csv": self = .csv
    case "xlsx": self = .xlsx
    default: return nil
    }
  }
}

/// One survey file's content, with the format to read it in and the name its diagnostics use.
///
/// The engine never guesses a format from a name: callers that read from disk map extensions with
/// `SurveyFormat(fileExtension:)`, and others (an upload, a test) say what the bytes are.
public struct SurveyFile: Sendable {
  /// The name locations and messages use: the path as the user gave it, or an upload's name.
  public var name: String
  /// How to read `bytes`.
  public var format: SurveyFormat
  /// The file's content, as stored (UTF-8 expected; a byte order mark is allowed).
  public var bytes: [UInt8] {
    get { content.all }
    set { content = .memory(newValue) }
  }
  /// Where the content is: in memory, or (for a CSV file on disk) still in the file, read a piece at a time when
  /// the batch allows (`TableJoin.Streamed`) and whole otherwise.
  package var content: ByteSource

  /// A file named `name` holding `bytes` in `format`.
  public init(name: String, format: SurveyFormat, bytes: [UInt8]) {
    self.init(name: name, format: format, content: .memory(bytes))
  }

  /// A file named `name` in `format` whose content is `content`.
  package init(name: String, format: SurveyFormat, content: ByteSource) {
    self.name = name
    self.format = format
    self.content = content
  }
}
