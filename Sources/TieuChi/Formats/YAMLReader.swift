/// Reads YAML criteria and survey files into `DataNode` trees with file-global positions.
///
/// libyaml does the parsing (through its event API, so that aliases and nesting can be budgeted before
/// anything large is built); this layer adds what a checker needs on top: positions on every node,
/// bilingual diagnostics, duplicate-key detection, and resilience. The stream is cut into documents at
/// their `---` lines before libyaml sees it, and each piece gets its own parser, so a syntax error
/// loses one document instead of every document after it.
package enum YAMLReader {
  /// Bounds that keep hostile or broken input from exhausting the stack, memory or time of the stages
  /// that walk the tree afterwards.
  package struct Limits: Sendable {
    /// How deeply values may nest; a root scalar is at depth 1. Values above 1,000 count as 1,000,
    /// because releasing a deeper tree could overflow the stack.
    package var maxDepth: Int
    /// How many values one document may hold. An alias is charged the size of the node it copies, so
    /// an alias bomb ("billion laughs") fails after a few events instead of building a huge tree.
    package var maxNodes: Int

    /// Bounds for one read; the defaults suit criteria and station files.
    package init(maxDepth: Int = 64, maxNodes: Int = 2_000_000) {
      self.maxDepth = maxDepth
      self.maxNodes = maxNodes
    }

    /// 64 levels and two million values per document: far above any criteria or station file.
    package static let `default` = Limits()
  }

  /// Reads every document of a YAML stream.
  ///
  /// - Every node carries the 1-based position of its first character (of its anchor or tag, if it
  ///   has one); a mapping entry also carries its key's. Columns count Unicode scalars. A value copied
  ///   from an alias keeps the positions of the anchored original, where its text is written.
  /// - Scalars keep their text exactly as written, normalised to NFC, with style `.plain` or `.quoted`
  ///   (quoted, literal and folded scalars, and plain ones tagged `!!str`); no type is resolved here.
  /// - A document with a syntax error, or over a limit, is left out and reported, except a top-level
  ///   list, whose items completed before the error are kept as a partial root. Other problems are
  ///   reported and the document is kept: an entry with a duplicate, merge (`<<`) or non-scalar key is
  ///   left out, as is a value that is an undefined alias; a node with an unsupported tag stays. So
  ///   callers that refuse any error and callers that read what they can both work. Empty and
  ///   comment-only documents produce nothing.
  /// - UTF-8 is expected (a byte order mark is allowed); UTF-16 with a byte order mark is read too.
  package static func read(bytes: [UInt8], file: String, limits: Limits = .default) -> ParsedFile {
    var result = ParsedFile(file: file)
    guard !bytes.isEmpty else { return result }
    if let bigEndian = InputBytes.utf16ByteOrder(bytes) {
      if let utf8 = InputBytes.transcodeUTF16(bytes, bigEndian: bigEndian) {
        return read(bytes: utf8, file: file, limits: limits)
      }
      // Malformed UTF-16: libyaml gets the raw bytes in one piece so that it names the bad character.
      bytes.withUnsafeBufferPointer { buffer in
        let chunk = Chunk(start: 0, end: buffer.count, line: 0)
        parse(chunk, of: buffer, encoding: bigEndian ? .utf16BE : .utf16LE, file: file, limits: limits, into: &result)
      }
      return result
    }
    let chunks = bytes.withUnsafeBufferPointer { splitDocuments($0) }
    // Documents are parsed independently (anchors and keys never cross a `---`), so a stream of many — one
    // station a document — is parsed on every core, in runs of documents whose results join in file order.
    let parts = ParallelMap.map(ranges: chunks.count, size: documentsPerRun) { run in
      var part = ParsedFile(file: file)
      bytes.withUnsafeBufferPointer { buffer in
        for chunk in chunks[run] { parse(chunk, of: buffer, encoding: .utf8, file: file, limits: limits, into: &part) }
      }
      return part
    }
    for part in parts { result.append(part) }
    return result
  }

  /// Documents parsed together on one core: a run of station documents is some tens of kilobytes, enough to
  /// outweigh handing it to a thread.
  static let documentsPerRun = 64
}

extension YAMLReader {
  /// A byte range of the input holding at most one document, and the 0-based line it starts on.
  struct Chunk: Equatable, Sendable {
    var start: Int
    var end: Int
    var line: Int
  }

  enum Encoding {
    case utf8
    case utf16LE
    case utf16BE
  }

  /// Cuts the stream before every line that starts with `---` followed by a blank or the end of input.
  ///
  /// libyaml ends any scalar, collection or document at such a line, so every piece is a whole
  /// document (a `%YAML`/`%TAG` directive run just before the marker travels with it). Lines are
  /// counted as libyaml counts them (CR, LF, CRLF, NEL, LS, PS), so piece-relative marks plus the
  /// piece's first line give file-global lines; pieces start at a line start, so columns need no
  /// adjustment. A byte order mark before the marker (files joined with `cat`) is kept with its piece.
  static func splitDocuments(_ bytes: UnsafeBufferPointer<UInt8>) -> [Chunk] {
    let count = bytes.count
    var chunks: [Chunk] = []
    var chunkStart = 0
    var chunkLine = 0
    var line = 0
    var position = 0
    /// Where the run of directive, blank and comment lines before a possible `---` began.
    var directiveRun: (offset: Int, line: Int)?

    @inline(__always) func isBlankOrEnd(_ offset: Int) -> Bool {
      guard offset < count else { return true }
      let byte = bytes[offset]
      return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
    @inline(__always) func isMarker(_ offset: Int) -> Bool {
      offset + 2 < count && bytes[offset] == 0x2D && bytes[offset + 1] == 0x2D && bytes[offset + 2] == 0x2D
        && isBlankOrEnd(offset + 3)
    }
    func isBlankOrCommentLine(_ offset: Int) -> Bool {
      var offset = offset
      while offset < count, bytes[offset] == 0x20 || bytes[offset] == 0x09 { offset += 1 }
      return offset == count || bytes[offset] == 0x23 || bytes[offset] == 0x0A || bytes[offset] == 0x0D
    }

    while position < count {
      let lineStart = position
      var first = bytes[position]
      var markerAt = position
      if first == 0xEF, position + 2 < count, bytes[position + 1] == 0xBB, bytes[position + 2] == 0xBF {
        markerAt = position + 3
        first = markerAt < count ? bytes[markerAt] : 0
      }
      if first == 0x2D, isMarker(markerAt) {
        let split = directiveRun ?? (lineStart, line)
        if split.offset > chunkStart { chunks.append(Chunk(start: chunkStart, end: split.offset, line: chunkLine)) }
        (chunkStart, chunkLine) = split
        directiveRun = nil
      } else if first == 0x25 {  // %
        if directiveRun == nil { directiveRun = (lineStart, line) }
      } else if directiveRun != nil, !isBlankOrCommentLine(position) {
        directiveRun = nil
      }
      // Find the end of the line.
      while position < count {
        let byte = bytes[position]
        position += 1
        if byte > 0x0D && byte != 0xC2 && byte != 0xE2 { continue }
        if byte == 0x0A { break }
        if byte == 0x0D {
          if position < count, bytes[position] == 0x0A { position += 1 }
          break
        }
        if byte == 0xC2, position < count, bytes[position] == 0x85 {
          position += 1
          break
        }
        if byte == 0xE2, position + 1 < count, bytes[position] == 0x80,
          bytes[position + 1] == 0xA8 || bytes[position + 1] == 0xA9
        {
          position += 2
          break
        }
      }
      line += 1
    }
    if count > chunkStart { chunks.append(Chunk(start: chunkStart, end: count, line: chunkLine)) }
    return chunks
  }

}
