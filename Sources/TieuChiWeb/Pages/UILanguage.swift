import TieuChi

/// The language of the interface: Vietnamese by default, English with `?lang=en` (remembered in a cookie).
enum UILanguage: String, Sendable {
  case vi
  case en

  /// The library's language for reports and messages.
  var library: Language { self == .vi ? .vi : .en }

  /// The Vietnamese or the English text.
  func t(_ vi: String, _ en: String) -> String { self == .vi ? vi : en }
}
