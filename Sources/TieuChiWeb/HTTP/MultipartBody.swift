/// A `multipart/form-data` body split into its text fields and its files.
///
/// A small strict reader: the boundary comes from the `Content-Type` header, every part must carry a
/// `Content-Disposition: form-data; name="…"`; a part with a `filename` is a file. The file name is kept
/// only to show and to choose a format — never as a path.
struct MultipartBody: Sendable {
  struct File: Sendable {
    var field: String
    var filename: String
    var bytes: [UInt8]
  }

  var fields = FormFields()
  var files: [File] = []

  enum Failure: Error {
    case malformed
  }

  /// The boundary of a `multipart/form-data; boundary=…` content type, or nil for another type.
  static func boundary(contentType: String) -> String? {
    let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: " \t") }
    guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
    for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
      var value = String(part.dropFirst("boundary=".count))
      if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
      return value.isEmpty || value.utf8.count > 70 ? nil : value
    }
    return nil
  }

  init(bytes: [UInt8], boundary: String) throws(Failure) {
    let delimiter = Array(("--" + boundary).utf8)
    guard var position = Self.find(delimiter, in: bytes, from: 0) else { throw .malformed }
    position += delimiter.count
    while true {
      // After a delimiter: "--" ends the body, CRLF starts a part.
      if bytes[position...].starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) { return }
      guard bytes[position...].starts(with: Self.crlf) else { throw .malformed }
      position += 2
      guard let headerEnd = Self.find(Self.crlf + Self.crlf, in: bytes, from: position) else { throw .malformed }
      let headers = String(decoding: bytes[position..<headerEnd], as: UTF8.self)
      position = headerEnd + 4
      guard let next = Self.find(Self.crlf + delimiter, in: bytes, from: position) else { throw .malformed }
      let content = Array(bytes[position..<next])
      position = next + 2 + delimiter.count
      guard let disposition = Self.disposition(headers), let name = disposition["name"] else { throw .malformed }
      if let filename = disposition["filename"] {
        if !filename.isEmpty || !content.isEmpty { files.append(File(field: name, filename: filename, bytes: content)) }
      } else {
        fields.append(name, String(decoding: content, as: UTF8.self))
      }
      guard position < bytes.count else { throw .malformed }
    }
  }

  private static let crlf: [UInt8] = [13, 10]

  /// The parameters of the `Content-Disposition` header (`name`, `filename`), unquoted.
  private static func disposition(_ headers: String) -> [String: String]? {
    for line in headers.split(separator: "\r\n") {
      let pieces = line.split(separator: ":", maxSplits: 1)
      guard pieces.count == 2, pieces[0].lowercased() == "content-disposition" else { continue }
      var result: [String: String] = [:]
      var rest = Substring(pieces[1])
      // Parameters: name="value" separated by ';'; quoted values may contain ';'.
      while let equals = rest.firstIndex(of: "=") {
        let key = rest[..<equals].split(separator: ";").last?.trimmingCharacters(in: " \t").lowercased() ?? ""
        rest = rest[rest.index(after: equals)...]
        var value = ""
        if rest.first == "\"" {
          rest = rest.dropFirst()
          var escaped = false
          var end = rest.endIndex
          for index in rest.indices {
            let character = rest[index]
            if escaped {
              value.append(character)
              escaped = false
            } else if character == "\\" {
              escaped = true
            } else if character == "\"" {
              end = index
              break
            } else {
              value.append(character)
            }
          }
          rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
        } else {
          let end = rest.firstIndex(of: ";") ?? rest.endIndex
          value = rest[..<end].trimmingCharacters(in: " \t")
          rest = rest[end...]
        }
        result[key] = value
      }
      return result
    }
    return nil
  }

  /// The first index of `needle` in `haystack` at or after `start`.
  private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
    let first = needle[0]
    var index = start
    let last = haystack.count - needle.count
    while index <= last {
      if haystack[index] == first && haystack[index..<index + needle.count].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }
}

extension StringProtocol {
  /// The string without leading and trailing characters of `set`.
  fileprivate func trimmingCharacters(in set: String) -> String {
    var scalars = Substring(self)
    while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
    while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
    return String(scalars)
  }
}
