internal import CYAML

extension YAMLReader {
  /// Parses one piece of the stream with its own libyaml parser and adds what it read to `result`.
  static func parse(
    _ chunk: Chunk, of bytes: UnsafeBufferPointer<UInt8>, encoding: Encoding, file: String, limits: Limits,
    into result: inout ParsedFile
  ) {
    // A top-level list that breaks resumes at its next item, which is parsed as a piece of its own.
    var next: Chunk? = chunk
    while let piece = next {
      next = parseOnce(piece, of: bytes, encoding: encoding, file: file, limits: limits, into: &result)
    }
  }

  /// Parses one piece; returns the rest of a broken top-level list to parse next, if it has more items.
  static func parseOnce(
    _ chunk: Chunk, of bytes: UnsafeBufferPointer<UInt8>, encoding: Encoding, file: String, limits: Limits,
    into result: inout ParsedFile
  ) -> Chunk? {
    // libyaml asserts on empty input; an empty piece holds no document anyway.
    guard chunk.end > chunk.start, let base = bytes.baseAddress else { return nil }
    // yaml_parser_t points into itself, so it needs an address that never moves.
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    defer { parser.deallocate() }
    let input = UnsafeMutablePointer<InputCursor>.allocate(capacity: 1)
    defer { input.deallocate() }
    input.initialize(to: InputCursor(next: base + chunk.start, end: base + chunk.end))

    var builder = DocumentBuilder(
      file: file, lineOffset: chunk.line, maxDepth: min(limits.maxDepth, 1000), maxNodes: limits.maxNodes,
      endOfInput: encoding == .utf8 ? endOfInput(chunk, of: bytes) : nil)
    guard yaml_parser_initialize(parser) != 0 else {
      result.diagnostics.append(
        Messages.outOfMemory(at: builder.location(line: 0, column: 0)))
      result.lostRecords += 1
      return nil
    }
    defer { yaml_parser_delete(parser) }
    yaml_parser_set_input(parser, readPiece, input)

    var event = yaml_event_t()
    var failure: Diagnostic?
    while true {
      guard yaml_parser_parse(parser, &event) != 0 else {
        failure = syntaxDiagnostic(parser.pointee, chunk: chunk, bytes: bytes, encoding: encoding, builder: builder)
        break
      }
      let isEnd = event.type == YAML_STREAM_END_EVENT
      let stop = builder.handle(event)
      yaml_event_delete(&event)
      if let stop {
        failure = stop
        break
      }
      if isEnd { break }
    }
    result.documents.append(contentsOf: builder.documents)
    result.diagnostics.append(contentsOf: builder.diagnostics)
    guard var failure else { return nil }
    // The error costs the document, or, in a top-level list, the items from the broken one to the next
    // item after the error, where reading resumes (every item after it when there is none).
    var rest: Chunk?
    if encoding == .utf8, let list = builder.brokenRootList() ?? rootListAhead(in: chunk, of: bytes, builder) {
      let errorLine = max(failure.location?.line ?? 0, list.afterLine + 1)
      let scan = itemsUntilResumption(
        in: chunk, of: bytes, column: list.column, after: list.afterLine, error: errorLine)
      result.lostRecords += max(1, scan.skipped)
      if let resume = scan.resume {
        rest = Chunk(start: resume.offset, end: chunk.end, line: resume.line - 1)
      }
      ListRecoveryMessages.skipped(
        &failure, max(1, scan.skipped), .item, lines: (list.afterLine + 1)...max(list.afterLine + 1, scan.lastLine),
        resumesAt: scan.resume?.line)
      if let partial = builder.partialRoot() { result.documents.append(partial.node) }
    } else {
      result.lostRecords += 1
      if let partial = builder.partialRoot() {
        Messages.partialList(&failure, kept: partial.kept, lastLine: partial.lastLine)
        result.documents.append(partial.node)
      }
    }
    result.diagnostics.append(failure)
    return rest
  }

  /// Scans the lines of `chunk` after file line `after` for block list items (`-` then a blank) at
  /// `column`: those up to the first one after line `error` were lost; that one, if any, is where reading
  /// resumes. A line count, not a parse, so it also counts items the error's own damage hides; only run
  /// when a list broke, and only as far as the resumption point, so recovering from many errors stays linear.
  static func itemsUntilResumption(
    in chunk: Chunk, of bytes: UnsafeBufferPointer<UInt8>, column: Int, after: Int, error: Int
  ) -> (skipped: Int, resume: (offset: Int, line: Int)?, lastLine: Int) {
    var count = 0
    var line = chunk.line + 1
    var offset = chunk.start
    var lastLine = after + 1
    while offset < chunk.end {
      if line > after {
        var cursor = offset
        while cursor < chunk.end, bytes[cursor] == 0x20, cursor - offset < column - 1 { cursor += 1 }
        if cursor - offset == column - 1, cursor < chunk.end, bytes[cursor] == 0x2D {
          let next = cursor + 1 < chunk.end ? bytes[cursor + 1] : 0x0A
          if next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D {
            if line > error { return (count, (offset, line), lastLine) }
            count += 1
          }
        }
        lastLine = line
      }
      // Lines end where libyaml ends them (NEL, LS and PS too), so that resumed positions agree with its.
      while offset < chunk.end {
        if let width = Position.breakWidth(bytes, at: offset) {
          offset += width
          break
        }
        offset += 1
      }
      line += 1
    }
    return (count, nil, lastLine)
  }

  /// Where libyaml's invented line after a piece without a final line break is (see
  /// `DocumentBuilder.endOfInput`); nil when the piece ends with a line break, as most do.
  static func endOfInput(_ chunk: Chunk, of bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int)? {
    guard chunk.end > chunk.start else { return nil }
    let last = bytes[chunk.end - 1]
    if last == 0x0A || last == 0x0D || Position.breakWidth(bytes, at: max(chunk.start, chunk.end - 2)) == 2
      || Position.breakWidth(bytes, at: max(chunk.start, chunk.end - 3)) == 3
    {
      return nil
    }
    var line = 0
    var lineStart = chunk.start
    var offset = chunk.start
    while offset < chunk.end {
      if let width = Position.breakWidth(bytes, at: offset) {
        offset += width
        line += 1
        lineStart = offset
      } else {
        offset += 1
      }
    }
    if line == 0, chunk.end - chunk.start >= 3, bytes[chunk.start] == 0xEF, bytes[chunk.start + 1] == 0xBB,
      bytes[chunk.start + 2] == 0xBF
    {
      lineStart += 3
    }
    return (line + 1, InputBytes.scalarCount(bytes, from: lineStart, to: chunk.end))
  }

  /// A top-level block list that broke before libyaml reported its start (an encoding error is found
  /// while reading ahead): the first content line of the piece starts with `- `.
  static func rootListAhead(
    in chunk: Chunk, of bytes: UnsafeBufferPointer<UInt8>, _ builder: DocumentBuilder
  ) -> (column: Int, afterLine: Int)? {
    guard builder.stack.isEmpty, builder.root == nil else { return nil }
    var line = chunk.line + 1
    var offset = chunk.start
    if chunk.end - chunk.start >= 3, bytes[offset] == 0xEF, bytes[offset + 1] == 0xBB, bytes[offset + 2] == 0xBF {
      offset += 3
    }
    while offset < chunk.end {
      var cursor = offset
      while cursor < chunk.end, bytes[cursor] == 0x20 { cursor += 1 }
      let byte = cursor < chunk.end ? bytes[cursor] : 0x0A
      if byte == 0x2D {
        let next = cursor + 1 < chunk.end ? bytes[cursor + 1] : 0x0A
        guard next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D else { return nil }
        return (cursor - offset + 1, line - 1)
      }
      // Blank, comment and directive lines come before the content; `---` starts it.
      guard byte == 0x0A || byte == 0x0D || byte == 0x23 || byte == 0x25 else { return nil }
      while offset < chunk.end, bytes[offset] != 0x0A, bytes[offset] != 0x0D { offset += 1 }
      if offset < chunk.end {
        if bytes[offset] == 0x0D, offset + 1 < chunk.end, bytes[offset + 1] == 0x0A { offset += 1 }
        offset += 1
      }
      line += 1
    }
    return nil
  }

  /// The unread part of a piece, handed to libyaml by `readPiece`.
  struct InputCursor {
    var next: UnsafePointer<UInt8>
    var end: UnsafePointer<UInt8>
  }

  /// How many bytes libyaml gets per read. libyaml decodes (and checks) everything it is given at
  /// once, and reads a few pieces ahead, so an invalid byte fails the parse well before the parser
  /// reaches it. With 1 KiB reads a bad byte cost the ~30 list items before it; with 256 bytes only
  /// the item holding it is lost, and throughput did not measurably change.
  static let readSize = 256

  /// libyaml's read handler over an `InputCursor`.
  static let readPiece:
    @convention(c) (
      UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int, UnsafeMutablePointer<Int>?
    ) -> Int32 = { data, buffer, size, sizeRead in
      guard let data, let buffer, let sizeRead else { return 0 }
      let cursor = data.assumingMemoryBound(to: InputCursor.self)
      let count = min(size, cursor.pointee.end - cursor.pointee.next, YAMLReader.readSize)
      buffer.update(from: cursor.pointee.next, count: count)
      cursor.pointee.next += count
      sizeRead.pointee = count
      return 1
    }

  /// The diagnostic for libyaml's error, placed file-globally.
  static func syntaxDiagnostic(
    _ parser: yaml_parser_t, chunk: Chunk, bytes: UnsafeBufferPointer<UInt8>, encoding: Encoding,
    builder: DocumentBuilder
  ) -> Diagnostic {
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
    func location(_ line: Int, _ column: Int) -> SourceLocation {
      builder.location(line: line, column: column)
    }
    switch parser.error {
    case YAML_MEMORY_ERROR:
      return Messages.outOfMemory(at: location(0, 0))
    case YAML_READER_ERROR:
      // Encoding errors come with a byte offset only.
      var offset = chunk.start + parser.problem_offset
      var character: Int? = parser.problem_value >= 0 ? Int(parser.problem_value) : nil
      if problem == "invalid trailing UTF-8 octet" {
        // libyaml points at the bad continuation byte (often plain ASCII); the culprit is the lead byte.
        var lead = offset - 1
        while lead > chunk.start, offset - lead < 4, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        offset = lead
      } else if problem == "expected low surrogate area" {
        offset -= 2
        character = nil
      }
      offset = max(chunk.start, min(offset, chunk.end))
      let position = Position.of(offset: offset, in: bytes, from: chunk.start, encoding: encoding)
      let at = location(position.line, position.column)
      if encoding == .utf8, problem.contains("UTF-8"), offset < chunk.end {
        return Messages.invalidUTF8(problem, byte: bytes[offset], at: at)
      }
      return Messages.encodingError(problem, character: character, at: at)
    default:
      let mark = parser.problem_mark
      let context = parser.context.map { String(cString: $0) }
      let contextLine =
        context != nil && parser.context_mark.line != mark.line ? chunk.line + parser.context_mark.line + 1 : nil
      let at = location(mark.line, mark.column)
      if encoding == .utf8, problem.contains("cannot start any token") {
        let offset = Position.offset(line: mark.line, column: mark.column, in: bytes, chunk: chunk)
        if let offset, offset < chunk.end {
          return bytes[offset] == 0x09
            ? Messages.tabIndentation(problem, at: at)
            : Messages.syntaxError(
              problem + " (\(Position.describeCharacter(in: bytes, at: offset)))", context: context,
              contextLine: contextLine, at: at)
        }
      } else if problem.contains("tab character") {
        return Messages.tabIndentation(problem, at: at)
      }
      return Messages.syntaxError(problem, context: context, contextLine: contextLine, at: at)
    }
  }
}

extension YAMLReader {
  /// Converts between byte offsets and libyaml's line/column positions, for errors only.
  enum Position {
    /// The 0-based line and column (in characters) of `offset`, counting from `start`, a line start.
    static func of(
      offset: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, encoding: Encoding
    ) -> (line: Int, column: Int) {
      let offset = min(offset, bytes.count)
      var line = 0
      var column = 0
      var position = start
      switch encoding {
      case .utf8:
        if position + 3 <= offset, bytes[position] == 0xEF, bytes[position + 1] == 0xBB, bytes[position + 2] == 0xBF {
          position += 3
        }
        while position < offset {
          let byte = bytes[position]
          if let width = breakWidth(bytes, at: position) {
            position += width
            line += 1
            column = 0
            continue
          }
          if byte & 0xC0 != 0x80 { column += 1 }
          position += 1
        }
      case .utf16LE, .utf16BE:
        func unit(_ at: Int) -> UInt16 {
          guard at + 1 < bytes.count else { return 0 }
          return encoding == .utf16BE
            ? UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1]) : UInt16(bytes[at + 1]) << 8 | UInt16(bytes[at])
        }
        if position + 2 <= offset, unit(position) == 0xFEFF { position += 2 }
        while position + 1 < offset {
          let value = unit(position)
          position += 2
          if value == 0x0D, position + 1 < offset, unit(position) == 0x0A { position += 2 }
          if value == 0x0A || value == 0x0D || value == 0x85 || value == 0x2028 || value == 0x2029 {
            line += 1
            column = 0
          } else if !(0xDC00...0xDFFF).contains(value) {
            column += 1
          }
        }
      }
      return (line, column)
    }

    /// The byte offset of a libyaml mark in a UTF-8 piece, or nil if the piece is shorter.
    static func offset(line: Int, column: Int, in bytes: UnsafeBufferPointer<UInt8>, chunk: Chunk) -> Int? {
      var position = chunk.start
      if position + 3 <= chunk.end, bytes[position] == 0xEF, bytes[position + 1] == 0xBB, bytes[position + 2] == 0xBF {
        position += 3
      }
      var linesLeft = line
      while linesLeft > 0, position < chunk.end {
        if let width = breakWidth(bytes, at: position) {
          position += width
          linesLeft -= 1
        } else {
          position += 1
        }
      }
      guard linesLeft == 0 else { return nil }
      var columnsLeft = column
      while position < chunk.end {
        if bytes[position] & 0xC0 != 0x80 {
          if columnsLeft == 0 { return position }
          columnsLeft -= 1
        }
        position += 1
      }
      return nil
    }

    /// The length of the line break at `offset` (CRLF, CR, LF, NEL, LS, PS), or nil if there is none.
    @inline(__always)
    static func breakWidth(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
      switch bytes[offset] {
      case 0x0A: return 1
      case 0x0D: return offset + 1 < bytes.count && bytes[offset + 1] == 0x0A ? 2 : 1
      case 0xC2: return offset + 1 < bytes.count && bytes[offset + 1] == 0x85 ? 2 : nil
      case 0xE2:
        return offset + 2 < bytes.count && bytes[offset + 1] == 0x80
          && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9)
          ? 3 : nil
      default: return nil
      }
    }

    /// `'@'`, or `U+0007` for characters that do not print.
    static func describeCharacter(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
      var end = offset + 1
      while end < bytes.count, end - offset < 4, bytes[end] & 0xC0 == 0x80 { end += 1 }
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
      guard let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1 else { return "'\(text)'" }
      if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
        return "U+" + Messages.hex(Int(scalar.value), digits: 4)
      }
      return "'\(text)'"
    }
  }
}
