/// A text in the two languages tieuchi reports in.
///
/// Every message a user can see is written in both languages where it is produced, so a renderer only
/// chooses, never translates.
public struct LocalizedText: Sendable, Hashable {
  public var vi: String
  public var en: String

  /// A text written in both languages.
  public init(vi: String, en: String) {
    self.vi = vi
    self.en = en
  }

  /// The same text in both languages (names, codes, numbers).
  public init(_ both: String) {
    self.vi = both
    self.en = both
  }

  public subscript(language: Language) -> String {
    switch language {
    case .vi: vi
    case .en: en
    }
  }
}

/// The report languages. Vietnamese is the default everywhere.
public enum Language: String, Sendable, CaseIterable {
  case vi
  case en
}
