/// The diagnostics of blank forms (ids `template.*`).
extension Diagnostic {
  /// `--list NAME` names an input that is not a list.
  static func notAListInput(_ name: String, lists: [String]) -> Diagnostic {
    Diagnostic(
      "template.not-a-list-input", at: nil,
      LocalizedText(
        vi: "\(Diagnostic.quoted(name)) không phải đầu vào dạng danh sách; có: \(lists.joined(separator: ", "))",
        en: "\(Diagnostic.quoted(name)) is not a list input; the lists are: \(lists.joined(separator: ", "))"),
      hint: Suggestions.hint(for: name, in: lists))
  }
}
