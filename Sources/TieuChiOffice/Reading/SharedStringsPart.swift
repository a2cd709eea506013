/// `xl/sharedStrings.xml`: the texts that `t="s"` cells refer to by index.
struct SharedStringsPart {
  private(set) var strings: [String] = []

  init() {}

  init(_ bytes: [UInt8], part: String, limits: XLSXLimits) throws(XLSXReadError) {
    var scanner = try XMLScanner(bytes, part: part, maximumDepth: limits.maximumXMLDepth)
    var reader = RichTextReader()
    while let event = try scanner.next() {
      if case .start("si") = event {
        reader = RichTextReader()
        reader.isActive = true
      } else if case .end("si") = event {
        strings.append(reader.text)
        reader.isActive = false
      } else {
        reader.handle(event, scanner: &scanner)
      }
    }
  }
}

/// Collects the text of a string item (`<si>` or an inline `<is>`): plain `<t>` or rich-text runs `<r><t>`,
/// concatenated; phonetic runs (`<rPh>`, Japanese readings) are not part of the text.
struct RichTextReader {
  var isActive = false
  private var pieces: [String] = []
  private var inText = false
  private var inPhonetic = false

  mutating func handle(_ event: XMLScanner.Event, scanner: inout XMLScanner) {
    guard isActive else { return }
    switch event {
    case .start("rPh"): inPhonetic = true
    case .end("rPh"): inPhonetic = false
    case .start("t") where !inPhonetic:
      inText = true
      scanner.capturesText = true
    case .end("t"):
      inText = false
      scanner.capturesText = false
    case .text(let text) where inText: pieces.append(text)
    default: break
    }
  }

  /// The text in NFC, with Excel's `_xHHHH_` escapes of control characters decoded.
  var text: String {
    let joined = pieces.count == 1 ? pieces[0] : pieces.joined()
    return Self.unescaped(joined).precomposedForXLSX
  }

  /// Decodes `_x000D_` and the like (how Excel stores characters XML cannot hold); `_x005F_` is a literal `_`.
  static func unescaped(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
    let utf8 = Array(text.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(utf8.count)
    var index = 0
    while index < utf8.count {
      if utf8[index] == UInt8(ascii: "_"), index + 6 < utf8.count, utf8[index + 1] == UInt8(ascii: "x"),
        utf8[index + 6] == UInt8(ascii: "_"),
        let value = UInt32(String(decoding: utf8[(index + 2)..<(index + 6)], as: UTF8.self), radix: 16),
        let scalar = Unicode.Scalar(value)
      {
        output.append(contentsOf: String(Character(scalar)).utf8)
        index += 7
      } else {
        output.append(utf8[index])
        index += 1
      }
    }
    return String(decoding: output, as: UTF8.self)
  }
}
