/// Splits an expression's text into tokens, remembering each token's offset for error positions.
struct ExpressionLexer {
  enum Kind: Equatable {
    case number(Rational)
    case text(String)
    case identifier(String)
    case symbol(String)
    case end
  }

  struct Token {
    var kind: Kind
    /// Offset in Unicode scalars from the start of the expression text.
    var offset: Int
    var text: String
  }

  /// What went wrong where; the parser turns it into a diagnostic at the file position.
  struct Failure: Error {
    enum Problem {
      case invalidNumber(String)
      case unterminatedString(quote: Unicode.Scalar)
      case unexpectedCharacter(Unicode.Scalar)
    }

    var offset: Int
    var problem: Problem
  }

  static func tokenize(_ source: String) throws(Failure) -> [Token] {
    let scalars = Array(source.unicodeScalars)
    var tokens: [Token] = []
    var index = 0

    func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
      (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || s == "_"
    }
    func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }

    while index < scalars.count {
      let scalar = scalars[index]
      let start = index
      if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
        index += 1
        continue
      }
      if isDigit(scalar) {
        while index < scalars.count, isDigit(scalars[index]) || scalars[index] == "." { index += 1 }
        let text = String(String.UnicodeScalarView(scalars[start..<index]))
        guard case .success(var value) = NumberText.parseDecimal(text) else {
          throw Failure(offset: start, problem: .invalidNumber(text))
        }
        // `99.5%` and `5‰` are written as the law writes them and mean 0.995 and 0.005.
        if index < scalars.count, scalars[index] == "%" || scalars[index] == "‰" {
          value = value.divided(by: Rational(scalars[index] == "%" ? 100 : 1000))!
          index += 1
        }
        tokens.append(Token(kind: .number(value), offset: start, text: text))
        continue
      }
      if isIdentifierStart(scalar) {
        while index < scalars.count, isIdentifierStart(scalars[index]) || isDigit(scalars[index]) { index += 1 }
        let text = String(String.UnicodeScalarView(scalars[start..<index]))
        tokens.append(Token(kind: .identifier(text), offset: start, text: text))
        continue
      }
      if scalar == "\"" || scalar == "'" {
        index += 1
        var text = String.UnicodeScalarView()
        while index < scalars.count, scalars[index] != scalar {
          text.append(scalars[index])
          index += 1
        }
        guard index < scalars.count else {
          throw Failure(offset: start, problem: .unterminatedString(quote: scalar))
        }
        index += 1
        tokens.append(Token(kind: .text(String(text).nfc), offset: start, text: String(text)))
        continue
      }
      let two = index + 1 < scalars.count ? String(scalar) + String(scalars[index + 1]) : ""
      if ["==", "!=", "<=", ">="].contains(two) {
        tokens.append(Token(kind: .symbol(two), offset: start, text: two))
        index += 2
        continue
      }
      let single: [Unicode.Scalar: String] = [
        "+": "+", "-": "-", "*": "*", "/": "/", "(": "(", ")": ")", ",": ",", ".": ".",
        "<": "<", ">": ">", "=": "==", "≥": ">=", "≤": "<=", "≠": "!=", "×": "*", "÷": "/",
      ]
      if let symbol = single[scalar] {
        tokens.append(Token(kind: .symbol(symbol), offset: start, text: String(scalar)))
        index += 1
        continue
      }
      throw Failure(offset: start, problem: .unexpectedCharacter(scalar))
    }
    tokens.append(Token(kind: .end, offset: scalars.count, text: ""))
    return tokens
  }
}
