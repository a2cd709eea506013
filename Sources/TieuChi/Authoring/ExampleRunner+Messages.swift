/// The diagnostics of worked examples (ids `example.*`).
extension Diagnostic {
  /// An example's outcome differs from what it expects. Test output speaks the criteria author's terms
  /// (ids, statuses, numbers), identical in both languages.
  static func exampleMismatch(at location: SourceLocation, _ text: String) -> Diagnostic {
    Diagnostic("example.mismatch", at: location, LocalizedText(text))
  }
}
