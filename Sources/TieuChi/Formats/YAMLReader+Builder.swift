internal import CYAML

extension YAMLReader {
  /// Builds `DataNode` trees from libyaml events, one document at a time.
  ///
  /// Open collections live on an explicit stack, so the top-level list's completed items are still
  /// at hand when an error ends the parse. Every node is charged against the document's budget before
  /// it is built, an alias by the size of what it copies: copying is cheap (the tree shares storage),
  /// but later stages walk the expanded tree, so an alias bomb must fail here.
  struct DocumentBuilder {
    struct Frame {
      var isMapping: Bool
      var location: SourceLocation
      var anchor: String?
      /// The document's node count before this collection: its size is what was charged since.
      var nodesBefore: Int
      /// 1 + the height of the highest child so far.
      var height = 1
      var items: [DataNode] = []
      var entries: [DataNode.Entry] = []
      var state = KeyState.wantKey
      /// Built once a mapping has many keys, so duplicate checks stay linear in the mapping's size.
      var keyLines: [String: Int]?
    }

    enum KeyState {
      case wantKey
      case wantValue(key: String, location: SourceLocation)
      /// The key was rejected (and reported): its value is read and dropped.
      case skipValue
    }

    struct Anchored {
      var node: DataNode
      var size: Int
      var height: Int
    }

    enum NodeKind {
      case scalar
      case sequence
      case mapping
    }

    /// Mappings up to this many keys are checked for duplicates by a scan, which beats hashing there.
    static let linearKeyLimit = 16

    let file: String
    let lineOffset: Int
    let maxDepth: Int
    let maxNodes: Int
    /// The documents completed so far.
    var documents: [DataNode] = []
    /// Problems that did not stop the parse.
    var diagnostics: [Diagnostic] = []
    var stack: [Frame] = []
    var root: DataNode?
    /// The document had no content (`---` alone, or only comments): it yields nothing.
    var rootIsEmpty = false
    var nodeCount = 0
    var anchors: [String: Anchored] = [:]
    /// The line of the last item added to the bottom frame, for the partial-list message.
    var lastRootItemLine = 0

    /// When the piece does not end with a line break, libyaml puts the end of the stream at column 0
    /// of a line after the last one: that line (piece-relative, 0-based) and the last line's length.
    let endOfInput: (line: Int, column: Int)?

    init(file: String, lineOffset: Int, maxDepth: Int, maxNodes: Int, endOfInput: (line: Int, column: Int)? = nil) {
      self.file = file
      self.lineOffset = lineOffset
      self.maxDepth = maxDepth
      self.maxNodes = max(0, maxNodes)
      self.endOfInput = endOfInput
    }

    func location(line: Int, column: Int) -> SourceLocation {
      if let end = endOfInput, line >= end.line {
        // The line libyaml invents after the last one: point just past the input's last character.
        return SourceLocation(file: file, line: lineOffset + end.line, column: end.column + 1)
      }
      return SourceLocation(file: file, line: lineOffset + line + 1, column: column + 1)
    }

    func location(_ mark: yaml_mark_t) -> SourceLocation {
      location(line: mark.line, column: mark.column)
    }

    /// Applies one event; returns the diagnostic that ends this piece's parse, if any.
    mutating func handle(_ event: yaml_event_t) -> Diagnostic? {
      switch event.type {
      case YAML_SCALAR_EVENT:
        return scalar(event, at: location(event.start_mark))
      case YAML_SEQUENCE_START_EVENT:
        let data = event.data.sequence_start
        return open(isMapping: false, anchor: data.anchor, tag: data.tag, at: location(event.start_mark))
      case YAML_MAPPING_START_EVENT:
        let data = event.data.mapping_start
        return open(isMapping: true, anchor: data.anchor, tag: data.tag, at: location(event.start_mark))
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        close()
      case YAML_ALIAS_EVENT:
        return alias(event.data.alias.anchor, at: location(event.start_mark))
      case YAML_DOCUMENT_START_EVENT:
        stack.removeAll()
        root = nil
        rootIsEmpty = false
        nodeCount = 0
        anchors.removeAll()
        lastRootItemLine = 0
      case YAML_DOCUMENT_END_EVENT:
        if let root, !rootIsEmpty { documents.append(root) }
        root = nil
      default:
        break
      }
      return nil
    }

    /// Charges a node of `size` values whose deepest value is at `depth`, or returns why it cannot.
    mutating func enter(depth: Int, size: Int, at location: SourceLocation) -> Diagnostic? {
      if depth > maxDepth { return Messages.tooDeep(maxDepth, at: location) }
      if size > maxNodes - nodeCount { return Messages.tooManyNodes(maxNodes, at: location) }
      nodeCount += size
      return nil
    }

    mutating func scalar(_ event: yaml_event_t, at location: SourceLocation) -> Diagnostic? {
      let data = event.data.scalar
      if let stop = enter(depth: stack.count + 1, size: 1, at: location) { return stop }
      var style: DataNode.ScalarStyle = data.style == YAML_PLAIN_SCALAR_STYLE ? .plain : .quoted
      if let tag = data.tag, checkTag(tag, on: .scalar, at: location) { style = .quoted }
      var node = DataNode(.scalar(YAMLReader.text(data.value, data.length), style), at: location)
      node.spansLines = event.end_mark.line > event.start_mark.line
      if let anchor = data.anchor {
        anchors[String(cString: anchor)] = Anchored(node: node, size: 1, height: 1)
      } else if stack.isEmpty, data.length == 0, style == .plain, data.tag == nil {
        // libyaml's stand-in for a document with no content.
        rootIsEmpty = true
      }
      attach(node, height: 1, at: location)
      return nil
    }

    mutating func open(
      isMapping: Bool, anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?,
      at location: SourceLocation
    ) -> Diagnostic? {
      if let stop = enter(depth: stack.count + 1, size: 1, at: location) { return stop }
      if let tag { _ = checkTag(tag, on: isMapping ? .mapping : .sequence, at: location) }
      stack.append(
        Frame(
          isMapping: isMapping, location: location, anchor: anchor.map { String(cString: $0) },
          nodesBefore: nodeCount - 1))
      return nil
    }

    mutating func close() {
      guard let frame = stack.popLast() else { return }
      let node = DataNode(frame.isMapping ? .mapping(frame.entries) : .sequence(frame.items), at: frame.location)
      if let anchor = frame.anchor {
        anchors[anchor] = Anchored(node: node, size: nodeCount - frame.nodesBefore, height: frame.height)
      }
      attach(node, height: frame.height, at: frame.location)
    }

    mutating func alias(_ anchor: UnsafeMutablePointer<yaml_char_t>?, at location: SourceLocation) -> Diagnostic? {
      let name = anchor.map { String(cString: $0) } ?? ""
      // An anchor still open is the one the alias means (the latest definition), and it contains it.
      if stack.contains(where: { $0.anchor == name }) {
        diagnostics.append(Messages.recursiveAlias(name, at: location))
        dropValue()
        return nil
      }
      guard let anchored = anchors[name] else {
        diagnostics.append(Messages.undefinedAlias(name, at: location))
        dropValue()
        return nil
      }
      if let stop = enter(depth: stack.count + anchored.height, size: anchored.size, at: location) { return stop }
      attach(anchored.node, height: anchored.height, at: location)
      return nil
    }

    /// Adds a completed node to the open collection, or makes it the document's root.
    mutating func attach(_ node: DataNode, height: Int, at location: SourceLocation) {
      let top = stack.count - 1
      guard top >= 0 else {
        root = node
        return
      }
      if stack[top].height <= height { stack[top].height = height + 1 }
      if top == 0 { lastRootItemLine = location.line }
      guard stack[top].isMapping else {
        stack[top].items.append(node)
        return
      }
      switch stack[top].state {
      case .wantKey:
        stack[top].state = acceptKey(node, at: location, in: stack[top])
      case .wantValue(let key, let keyLocation):
        stack[top].entries.append(DataNode.Entry(key: key, keyLocation: keyLocation, value: node))
        if stack[top].keyLines != nil {
          stack[top].keyLines![key] = stack[top].entries.count - 1
        } else if stack[top].entries.count > Self.linearKeyLimit {
          var lines: [String: Int] = [:]
          for (position, entry) in stack[top].entries.enumerated() { lines[entry.key] = position }
          stack[top].keyLines = lines
        }
        stack[top].state = .wantKey
      case .skipValue:
        stack[top].state = .wantKey
      }
    }

    /// Checks a mapping key; a rejected key is reported and its value will be dropped.
    mutating func acceptKey(_ node: DataNode, at location: SourceLocation, in frame: Frame) -> KeyState {
      guard case .scalar(let key, let style) = node.content else {
        diagnostics.append(Messages.complexKey(at: location))
        return .skipValue
      }
      if style == .plain && key == "<<" {
        diagnostics.append(Messages.mergeKey(at: location))
        return .skipValue
      }
      let first =
        frame.keyLines.map { $0[key] } ?? frame.entries.firstIndex { $0.key == key }
      if let first {
        diagnostics.append(Messages.duplicateKey(key, at: location, first: frame.entries[first].keyLocation))
        return .skipValue
      }
      return .wantValue(key: key, location: location)
    }

    /// Skips the place of a value that could not be built, keeping keys and values paired.
    mutating func dropValue() {
      guard let top = stack.indices.last else {
        rootIsEmpty = true
        return
      }
      guard stack[top].isMapping else { return }
      switch stack[top].state {
      case .wantKey: stack[top].state = .skipValue
      case .wantValue, .skipValue: stack[top].state = .wantKey
      }
    }

    /// Checks a tag; returns true when it makes a plain scalar text (`!!str`, or the non-specific `!`).
    mutating func checkTag(_ tag: UnsafeMutablePointer<yaml_char_t>, on kind: NodeKind, at location: SourceLocation)
      -> Bool
    {
      let tag = String(cString: tag)
      if tag == "!" { return kind == .scalar }
      let core = "tag:yaml.org,2002:"
      guard tag.hasPrefix(core) else {
        diagnostics.append(Messages.unsupportedTag(tag, at: location))
        return false
      }
      let name = String(tag.dropFirst(core.count))
      let fits: NodeKind
      switch name {
      case "str", "int", "float", "bool", "null": fits = .scalar
      case "seq": fits = .sequence
      case "map": fits = .mapping
      default:
        diagnostics.append(
          Messages.unsupportedTag("!!" + name, at: location))
        return false
      }
      guard fits == kind else {
        diagnostics.append(Messages.mismatchedTag("!!" + name, on: kind, at: location))
        return false
      }
      return name == "str"
    }

    /// The top-level list's completed items, when a parse ends part-way through one.
    func partialRoot() -> (node: DataNode, kept: Int, lastLine: Int)? {
      if let frame = stack.first {
        guard !frame.isMapping, !frame.items.isEmpty else { return nil }
        return (DataNode(.sequence(frame.items), at: frame.location), frame.items.count, lastRootItemLine)
      }
      if let root, let items = root.items, !items.isEmpty { return (root, items.count, lastRootItemLine) }
      return nil
    }

    /// When an error broke a top-level block list: the column of its `-` items, and the line after
    /// which its unread items start (that of its last complete item, or the line before the list).
    func brokenRootList() -> (column: Int, afterLine: Int)? {
      guard let frame = stack.first, !frame.isMapping else { return nil }
      return (frame.location.column, frame.items.isEmpty ? frame.location.line - 1 : lastRootItemLine)
    }
  }

  /// A scalar's text from libyaml's buffer, in NFC.
  @inline(__always)
  static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?, _ length: Int) -> String {
    guard let pointer, length > 0 else { return "" }
    let buffer = UnsafeBufferPointer(start: pointer, count: length)
    let text = String(decoding: buffer, as: UTF8.self)
    // Text made only of scalars below U+0300 is already NFC; skipping it keeps ASCII cheap.
    for byte in buffer where byte >= 0xCC { return text.nfc }
    return text
  }
}
