/// A parsed YAML, JSON or CSV value that remembers where it came from.
///
/// YAML, JSON and CSV readers all produce this one tree, so that the criteria loader and the survey
/// loader are written once and every later error can point at `file:line:column`. Scalars are kept as
/// text with their style: no type is resolved here (`yes`, `010`, `99,5` stay as written), because only
/// the declared type of an input or a criteria key knows how to read them.
package struct DataNode: Sendable {
  /// How a scalar was written, which decides whether it can mean "no value".
  package enum ScalarStyle: Sendable, Hashable {
    /// Unquoted. In YAML and JSON, `null`, `~` and the empty plain scalar mean "no value".
    case plain
    /// Quoted or block scalars: always text, never null.
    case quoted
    /// A spreadsheet cell holding an error value (`#N/A`, `#DIV/0!`), its text as Excel shows it: present,
    /// but no value of any type.
    case spreadsheetError
  }

  /// One `key: value` pair of a mapping. Keys are always scalars.
  package struct Entry: Sendable {
    /// The key's text, in NFC.
    package var key: String
    /// Where the key is written.
    package var keyLocation: SourceLocation
    /// The value the key maps to.
    package var value: DataNode

    /// An entry `key: value`, its key at `keyLocation`.
    package init(key: String, keyLocation: SourceLocation, value: DataNode) {
      self.key = key
      self.keyLocation = keyLocation
      self.value = value
    }
  }

  /// What the node holds.
  package enum Content: Sendable {
    case scalar(String, ScalarStyle)
    case sequence([DataNode])
    /// Entries in document order; readers reject duplicate keys.
    case mapping([Entry])
  }

  /// The node's value.
  package var content: Content
  /// Where the node starts: its first character, or its anchor or tag.
  package var location: SourceLocation
  /// A YAML scalar written over several lines (a block scalar, or a folded plain or quoted one): its text is
  /// folded or re-indented, so an offset in the text is not a column after `location`.
  package var spansLines = false

  /// A node holding `content`, starting at `location`.
  package init(_ content: Content, at location: SourceLocation) {
    self.content = content
    self.location = location
  }

  /// True for YAML `null`, `~`, an empty plain scalar, and JSON `null`.
  package var isNull: Bool {
    guard case .scalar(let text, .plain) = content else { return false }
    return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
  }

  /// The scalar's text, or `nil` for sequences and mappings.
  package var scalarText: String? {
    if case .scalar(let text, _) = content { return text }
    return nil
  }

  /// The mapping's entries, or `nil` for scalars and sequences.
  package var entries: [Entry]? {
    if case .mapping(let entries) = content { return entries }
    return nil
  }

  /// The sequence's items, or `nil` for scalars and mappings.
  package var items: [DataNode]? {
    if case .sequence(let items) = content { return items }
    return nil
  }

  /// The value for `key` in a mapping.
  package subscript(key: String) -> DataNode? {
    entries?.first { $0.key == key }?.value
  }

  /// A short name of the node's kind, for "expected a mapping, found a list" messages.
  package var kindName: LocalizedText {
    switch content {
    case .scalar:
      isNull ? LocalizedText(vi: "giá trị rỗng", en: "null") : LocalizedText(vi: "giá trị đơn", en: "a scalar")
    case .sequence: LocalizedText(vi: "danh sách", en: "a list")
    case .mapping: LocalizedText(vi: "bảng khóa–giá trị", en: "a mapping")
    }
  }
}
