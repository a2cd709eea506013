/// A problem found in an input file: criteria, survey data, or the command line's files.
///
/// The library only *produces* diagnostics; the executable decides how to print them and which exit
/// code they lead to. Each has a stable `id` (`criteria.unknown-key`, `survey.not-a-number`) that tests,
/// scripts and the JSON output rely on, whatever the wording of the message in either language.
public struct Diagnostic: Error, Sendable, Hashable {
  /// An error makes input unusable; a warning only informs.
  public enum Severity: String, Sendable, Hashable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs == .warning && rhs == .error
    }
  }

  /// A second place that explains the first: "first declared here", "the list starts here".
  public struct Note: Sendable, Hashable {
    public var location: SourceLocation?
    public var message: LocalizedText

    /// A note at `location` (nil: no place).
    public init(at location: SourceLocation?, _ message: LocalizedText) {
      self.location = location
      self.message = message
    }
  }

  /// What kind of problem this is, stable across versions and languages.
  public var id: DiagnosticID
  public var severity: Severity
  /// Where the problem is; `nil` only for problems with no file (e.g. an empty argument list). A
  /// location with line 0 names a whole file.
  public var location: SourceLocation?
  public var message: LocalizedText
  /// A suggestion such as "did you mean 'population'?", shown after the message.
  public var hint: LocalizedText?
  public var notes: [Note]

  /// A diagnostic of kind `id`; catalogues (`+Messages.swift`) are the only callers.
  public init(
    _ id: DiagnosticID,
    _ severity: Severity = .error,
    at location: SourceLocation?,
    _ message: LocalizedText,
    hint: LocalizedText? = nil,
    notes: [Note] = []
  ) {
    self.id = id
    self.severity = severity
    self.location = location
    self.message = message
    self.hint = hint
    self.notes = notes
  }

  /// `file:line:column: error: message (hint)` in the chosen language, then one line per note
  /// (`file:line:column: note: …`). A whole-file problem reads `file: error: message`.
  ///
  /// Safe to print: control characters from data, file names and arguments are escaped (`\u{1B}`), and a
  /// file name that holds one is quoted, so one diagnostic is always exactly its own lines.
  public func rendered(in language: Language) -> String {
    var text = ""
    if let location { text += Self.printable(location) + ": " }
    let label: String
    switch (severity, language) {
    case (.error, .vi): label = "lỗi"
    case (.error, .en): label = "error"
    case (.warning, .vi): label = "cảnh báo"
    case (.warning, .en): label = "warning"
    }
    text += "\(label): \(message[language].escapingControlCharacters())"
    if let hint { text += " (\(hint[language].escapingControlCharacters()))" }
    for note in notes {
      text += "\n"
      if let location = note.location { text += Self.printable(location) + ": " }
      text += (language == .vi ? "ghi chú: " : "note: ") + note.message[language].escapingControlCharacters()
    }
    return text
  }

  /// A location's text with its file (and sheet) name quoted when it needs it.
  static func printable(_ location: SourceLocation) -> String {
    var location = location
    location.file = location.file.quotedIfNeeded
    location.sheet = location.sheet?.escapingControlCharacters()
    return location.description
  }
}

/// The stable identity of a kind of diagnostic: a domain and a name, `criteria.unknown-key`.
///
/// Each domain declares its ids beside its messages, in its `+Messages.swift` catalogue.
public struct DiagnosticID: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
  public let rawValue: String

  /// An id from its text, `domain.kebab-name`.
  public init(_ rawValue: String) {
    self.rawValue = rawValue
  }

  /// An id written as a literal in a catalogue.
  public init(stringLiteral value: String) {
    self.rawValue = value
  }

  public var description: String { rawValue }
}

/// A set of diagnostics raised together, e.g. every problem found while loading one criteria file.
public struct DiagnosticList: Error, Sendable {
  public var diagnostics: [Diagnostic]

  /// The diagnostics raised together.
  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
