/// A rule Excel enforces when someone types into a range: the basis of fillable forms.
public struct DataValidation: Sendable, Hashable {
  public enum Rule: Sendable, Hashable {
    /// A drop-down of fixed items. Items must not contain `,` or `"` and the list, joined with commas, must fit in
    /// 255 characters (Excel's limit for an inline list); the writer throws otherwise.
    case list([String])
    /// A whole number greater than or equal to `minimum` (e.g. 0 for counts).
    case wholeNumber(minimum: Int)
  }

  public var range: CellRange
  public var rule: Rule
  /// Whether an empty cell is accepted.
  public var allowBlank: Bool
  /// Shown by Excel when the rule is broken (its own message when `nil`).
  public var errorMessage: String?

  public init(range: CellRange, rule: Rule, allowBlank: Bool = true, errorMessage: String? = nil) {
    self.range = range
    self.rule = rule
    self.allowBlank = allowBlank
    self.errorMessage = errorMessage
  }
}
