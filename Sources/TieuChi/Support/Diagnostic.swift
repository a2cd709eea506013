/// A problem found in an input file: criteria, survey data, or the command line's files.
///
/// The library only *produces* diagnostics; the executable decides how to print them and which exit
/// code they lead to.
public struct Diagnostic: Error, Sendable, Hashable {
  public enum Severity: String, Sendable, Hashable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs == .warning && rhs == .error
    }
  }

  public var severity: Severity
  /// Where the problem is; `nil` only for problems with no file (e.g. an empty argument list).
  public var location: SourceLocation?
  public var message: LocalizedText
  /// A suggestion such as "did you mean 'population'?", shown after the message.
  public var hint: LocalizedText?

  public init(
    _ severity: Severity = .error,
    at location: SourceLocation?,
    _ message: LocalizedText,
    hint: LocalizedText? = nil
  ) {
    self.severity = severity
    self.location = location
    self.message = message
    self.hint = hint
  }

  /// `file:line:column: error: message (hint)` in the chosen language.
  public func rendered(in language: Language) -> String {
    var text = ""
    if let location { text += "\(location): " }
    let label: String
    switch (severity, language) {
    case (.error, .vi): label = "lỗi"
    case (.error, .en): label = "error"
    case (.warning, .vi): label = "cảnh báo"
    case (.warning, .en): label = "warning"
    }
    text += "\(label): \(message[language])"
    if let hint { text += " (\(hint[language]))" }
    return text
  }
}

/// A set of diagnostics raised together, e.g. every problem found while loading one criteria file.
public struct DiagnosticList: Error, Sendable {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
