extension DiagnosticID {
  static let yamlSyntaxError: DiagnosticID = "yaml.syntax-error"
  static let yamlTabIndentation: DiagnosticID = "yaml.tab-indentation"
  static let yamlEncodingError: DiagnosticID = "yaml.encoding-error"
  static let yamlInvalidUTF8: DiagnosticID = "yaml.invalid-utf8"
  static let yamlOutOfMemory: DiagnosticID = "yaml.out-of-memory"
  static let yamlTooDeep: DiagnosticID = "yaml.too-deep"
  static let yamlTooManyNodes: DiagnosticID = "yaml.too-many-nodes"
  static let yamlComplexKey: DiagnosticID = "yaml.complex-key"
  static let yamlMergeKey: DiagnosticID = "yaml.merge-key"
  static let yamlDuplicateKey: DiagnosticID = "yaml.duplicate-key"
  static let yamlUndefinedAlias: DiagnosticID = "yaml.undefined-alias"
  static let yamlRecursiveAlias: DiagnosticID = "yaml.recursive-alias"
  static let yamlUnsupportedTag: DiagnosticID = "yaml.unsupported-tag"
  static let yamlMismatchedTag: DiagnosticID = "yaml.mismatched-tag"
}

extension YAMLReader {
  /// Every diagnostic the YAML reader can produce, in both languages, each with its id. Built only
  /// when something is wrong.
  ///
  /// In Vietnamese, libyaml's problems are said in Vietnamese, with libyaml's own English words after
  /// them in parentheses: precise, and what search engines know. A problem this table does not know is
  /// quoted as libyaml wrote it.
  enum Messages {
    /// libyaml's problem texts (scanner.c, parser.c, reader.c of 0.2.5) in Vietnamese.
    static let problemVietnamese: [String: String] = [
      "mapping values are not allowed in this context": "không được đặt dấu ':' (khóa: giá trị) ở vị trí này",
      "could not find expected ':'": "thiếu dấu ':' sau khóa",
      "did not find expected key": "không tìm thấy khóa như mong đợi (thụt lề sai hoặc thiếu dấu ':')",
      "did not find expected node content": "thiếu giá trị",
      "did not find expected '-' indicator": "thiếu dấu '-' của một mục danh sách (thụt lề sai?)",
      "did not find expected ',' or ']'": "thiếu dấu ',' hoặc ']' trong danh sách",
      "did not find expected ',' or '}'": "thiếu dấu ',' hoặc '}' trong bảng khóa–giá trị",
      "did not find expected <document start>": "thiếu dấu bắt đầu tài liệu '---'",
      "found character that cannot start any token": "có ký tự không được phép ở đầu một phần tử",
      "found unexpected end of stream": "tệp kết thúc đột ngột (chuỗi trong dấu nháy chưa đóng?)",
      "found unexpected document indicator": "dấu '---' hoặc '...' nằm giữa một giá trị",
      "found unknown escape character": "ký tự thoát (\\) không hợp lệ trong chuỗi",
      "block sequence entries are not allowed in this context": "không được đặt mục danh sách '-' ở vị trí này",
      "block mapping entries are not allowed in this context": "không được đặt khóa ở vị trí này",
      "found a tab character that violates indentation": "ký tự Tab làm sai thụt lề",
      "found a tab character where an indentation space is expected": "có ký tự Tab ở chỗ cần dấu cách thụt lề",
      "found undefined tag handle": "thẻ (tag) chưa được khai báo",
      "found duplicate %YAML directive": "chỉ thị %YAML bị lặp",
      "found incompatible YAML document": "phiên bản YAML không tương thích",
      "found unexpected ':'": "dấu ':' không đúng chỗ",
      "found an incorrect leading UTF-8 octet": "byte đầu UTF-8 không hợp lệ",
      "found an incorrect trailing UTF-8 octet": "byte tiếp theo UTF-8 không hợp lệ",
      "invalid leading UTF-8 octet": "byte đầu UTF-8 không hợp lệ",
      "invalid trailing UTF-8 octet": "byte tiếp theo UTF-8 không hợp lệ",
      "incomplete UTF-8 octet sequence": "chuỗi byte UTF-8 bị cắt cụt",
      "control characters are not allowed": "không được dùng ký tự điều khiển",
      "found unexpected end of the stream": "tệp kết thúc đột ngột",
      "did not find URI escaped octet": "mã thoát URI không hợp lệ",
      "found invalid Unicode character escape code": "mã ký tự Unicode không hợp lệ",
      "found extra tokens": "có thêm nội dung thừa",
    ]

    /// The problem in Vietnamese, with libyaml's words after it.
    static func vietnamese(_ problem: String) -> String {
      problemVietnamese[problem].map { "\($0) (libyaml: \(problem))" } ?? problem
    }

    /// `contextLine` is where the construct named by the context began, when not on the error's line:
    /// for an unclosed quote or a key without ':', that is where the mistake is.
    static func syntaxError(
      _ problem: String, context: String?, contextLine: Int? = nil, at location: SourceLocation
    ) -> Diagnostic {
      guard let context else {
        return Diagnostic(
          .yamlSyntaxError, at: location,
          LocalizedText(vi: "Lỗi cú pháp YAML: \(vietnamese(problem))", en: "YAML syntax error: \(problem)"))
      }
      let vi = contextVietnamese[context] ?? context
      return Diagnostic(
        .yamlSyntaxError, at: location,
        LocalizedText(
          vi:
            "Lỗi cú pháp YAML: \(vietnamese(problem)), \(vi)\(contextLine.map { " bắt đầu ở dòng \($0)" } ?? "")",
          en: "YAML syntax error: \(problem) (\(context)\(contextLine.map { " starting at line \($0)" } ?? ""))"))
    }

    /// libyaml's contexts ("while parsing …"), in Vietnamese.
    static let contextVietnamese: [String: String] = [
      "while parsing a block mapping": "khi đọc một bảng khóa–giá trị",
      "while parsing a flow mapping": "khi đọc một bảng khóa–giá trị trong ngoặc {}",
      "while parsing a block collection": "khi đọc một danh sách",
      "while parsing a flow sequence": "khi đọc một danh sách trong ngoặc []",
      "while parsing a block node": "khi đọc một giá trị",
      "while parsing a flow node": "khi đọc một giá trị",
      "while parsing a node": "khi đọc một giá trị",
      "while parsing a tag": "khi đọc một thẻ (tag)",
      "while scanning a tag": "khi đọc một thẻ (tag)",
      "while parsing a %TAG directive": "khi đọc chỉ thị %TAG",
      "while parsing a tag directive": "khi đọc chỉ thị %TAG",
      "while scanning a %TAG directive": "khi đọc chỉ thị %TAG",
      "while scanning a tag directive": "khi đọc chỉ thị %TAG",
      "while scanning a %YAML directive": "khi đọc chỉ thị %YAML",
      "while scanning a directive": "khi đọc một chỉ thị (%)",
      "while scanning a simple key": "khi đọc một khóa",
      "while parsing a quoted scalar": "khi đọc một chuỗi trong dấu nháy",
      "while scanning a quoted scalar": "khi đọc một chuỗi trong dấu nháy",
      "while scanning a block scalar": "khi đọc một khối văn bản (| hoặc >)",
      "while scanning a plain scalar": "khi đọc một giá trị không có dấu nháy",
      "while scanning an alias": "khi đọc một bí danh (*)",
      "while scanning an anchor": "khi đọc một neo (&)",
      "while scanning for the next token": "khi tìm phần tử tiếp theo",
    ]

    static func tabIndentation(_ problem: String, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .yamlTabIndentation, at: location,
        LocalizedText(
          vi: "Lỗi cú pháp YAML: không được dùng ký tự Tab để thụt lề trong YAML, hãy dùng dấu cách (\(problem))",
          en: "YAML syntax error: tabs cannot indent YAML, use spaces (\(problem))"))
    }

    static func encodingError(_ problem: String, character: Int?, at location: SourceLocation) -> Diagnostic {
      let detail = character.map { " (U+\(hex($0, digits: 4)))" } ?? ""
      return Diagnostic(
        .yamlEncodingError, at: location,
        LocalizedText(
          vi: "Lỗi mã hóa ký tự trong YAML: \(problem)\(detail)", en: "YAML encoding error: \(problem)\(detail)"),
        hint: character == 0 ? nulHint : problem.contains("UTF-16") ? saveAsUTF8 : nil)
    }

    static func invalidUTF8(_ problem: String, byte: UInt8, at location: SourceLocation) -> Diagnostic {
      let code = hex(Int(byte), digits: 2)
      let message = LocalizedText(
        vi:
          "Lỗi mã hóa ký tự trong YAML: tệp không phải UTF-8 hợp lệ, byte 0x\(code) ở đây không thuộc một ký tự UTF-8 "
          + "(\(problem))",
        en: "YAML encoding error: the file is not valid UTF-8, byte 0x\(code) here is not part of a UTF-8 character "
          + "(\(problem))")
      return Diagnostic(.yamlInvalidUTF8, at: location, message, hint: saveAsUTF8)
    }

    /// NUL characters in a text file usually mean UTF-16 without a byte order mark, or a binary file.
    static let nulHint = LocalizedText(
      vi: "có thể tệp được mã hóa UTF-16 mà không có BOM, hoặc không phải tệp văn bản; hãy lưu lại dạng UTF-8",
      en: "the file may be UTF-16 without a byte order mark, or not a text file; save it again as UTF-8")

    static let saveAsUTF8 = LocalizedText(
      vi: "hãy lưu lại tệp dạng UTF-8", en: "save the file again as UTF-8")

    static func outOfMemory(at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .yamlOutOfMemory, at: location,
        LocalizedText(vi: "không đủ bộ nhớ để đọc YAML", en: "out of memory while reading YAML"))
    }

    /// Extends the error that ended a top-level list with what was kept of it.
    static func partialList(_ diagnostic: inout Diagnostic, kept: Int, lastLine: Int) {
      let message = diagnostic.message
      diagnostic.message = LocalizedText(
        vi: message.vi
          + "; chỉ đọc được \(kept) mục đầu của danh sách gốc (mục cuối ở dòng \(lastLine)), "
          + "các mục sau đó không đọc được",
        en: message.en
          + (kept == 1
            ? "; only the first item of the top-level list was read (at line \(lastLine)), "
            : "; only the first \(kept) items of the top-level list were read (the last one at line \(lastLine)), ")
          + "the items after it could not be read")
    }

    static func tooDeep(_ maxDepth: Int, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .yamlTooDeep, at: location,
        LocalizedText(
          vi: "YAML lồng nhau quá sâu: hơn \(maxDepth) cấp", en: "YAML nesting deeper than \(maxDepth) levels"))
    }

    static func tooManyNodes(_ maxNodes: Int, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .yamlTooManyNodes, at: location,
        LocalizedText(
          vi: "tài liệu YAML quá lớn: hơn \(maxNodes) giá trị (mỗi bí danh '*' tính bằng số giá trị nó sao chép)",
          en: "YAML document too large: more than \(maxNodes) values (each '*' alias counts the values it copies)"))
    }

    static func complexKey(at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .yamlComplexKey, at: location,
        LocalizedText(
          vi: "không hỗ trợ khóa phức (complex keys are not supported): khóa của bảng phải là một giá trị đơn",
          en: "complex keys are not supported: a mapping key must be a single value"))
    }

    static func mergeKey(at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .yamlMergeKey, at: location,
        LocalizedText(vi: "không hỗ trợ khóa gộp '<<'", en: "the merge key '<<' is not supported"),
        hint: LocalizedText(
          vi: "không hỗ trợ khóa gộp (merge keys); hãy viết đầy đủ từng khóa",
          en: "merge keys are not supported; write the keys out"))
    }

    static func duplicateKey(_ key: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
      Diagnostic(
        .yamlDuplicateKey, at: location,
        LocalizedText(
          vi: "khóa \(Diagnostic.quoted(key)) bị trùng: đã có ở dòng \(first.line)",
          en: "duplicate key \(Diagnostic.quoted(key)): already used on line \(first.line)"),
        notes: [
          Diagnostic.Note(
            at: first,
            LocalizedText(
              vi: "khóa \(Diagnostic.quoted(key)) đầu tiên ở đây", en: "the first \(Diagnostic.quoted(key)) key is here"
            ))
        ])
    }

    static func undefinedAlias(_ name: String, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .yamlUndefinedAlias, at: location,
        LocalizedText(
          vi: "bí danh '*\(name)' chưa được định nghĩa: không có neo '&\(name)' trước nó trong tài liệu này",
          en: "undefined alias '*\(name)': no anchor '&\(name)' before it in this document"))
    }

    static func recursiveAlias(_ name: String, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .yamlRecursiveAlias, at: location,
        LocalizedText(
          vi: "bí danh '*\(name)' nằm bên trong chính giá trị mang neo '&\(name)'",
          en: "alias '*\(name)' is inside the very value anchored '&\(name)'"))
    }

    static func unsupportedTag(_ tag: String, at location: SourceLocation) -> Diagnostic {
      Diagnostic(
        .yamlUnsupportedTag, at: location,
        LocalizedText(
          vi: "không hỗ trợ thẻ YAML \(Diagnostic.quoted(tag))", en: "unsupported YAML tag \(Diagnostic.quoted(tag))"),
        hint: tagHint)
    }

    static let tagHint = LocalizedText(
      vi: "hãy bỏ thẻ này; kiểu của giá trị do tiêu chí khai báo",
      en: "remove the tag; a value's type comes from the criteria")

    static func mismatchedTag(_ tag: String, on kind: DocumentBuilder.NodeKind, at location: SourceLocation)
      -> Diagnostic
    {
      let (vi, en) =
        switch kind {
        case .scalar: ("một giá trị đơn", "a scalar")
        case .sequence: ("một danh sách", "a list")
        case .mapping: ("một bảng khóa–giá trị", "a mapping")
        }
      return Diagnostic(
        .yamlMismatchedTag, at: location,
        LocalizedText(
          vi: "thẻ YAML \(Diagnostic.quoted(tag)) không dùng được cho \(vi)",
          en: "the YAML tag \(Diagnostic.quoted(tag)) cannot be used on \(en)"))
    }

    static func hex(_ value: Int, digits: Int) -> String {
      let text = String(value, radix: 16, uppercase: true)
      return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
  }
}
