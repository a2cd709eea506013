/// A parsed YAML, JSON or CSV value that remembers where it came from.
///
/// YAML, JSON and CSV readers all produce this one tree, so that the criteria loader and the survey
/// loader are written once and every later error can point at `file:line:column`. Scalars are kept as
/// text with their style: no type is resolved here (`yes`, `010`, `99,5` stay as written), because only
/// the declared type of an input or a criteria key knows how to read them.
public struct DataNode: Sendable {
  /// How a scalar was written, which decides whether it can mean "no value".
  public enum ScalarStyle: Sendable, Hashable {
    /// Unquoted. In YAML and JSON, `null`, `~` and the empty plain scalar mean "no value".
    case plain
    /// Quoted or block scalars: always text, never null.
    case quoted
  }

  /// One `key: value` pair of a mapping. Keys are always scalars.
  public struct Entry: Sendable {
    /// The key's text, in NFC.
    public var key: String
    /// Where the key is written.
    public var keyLocation: SourceLocation
    /// The value the key maps to.
    public var value: DataNode

    /// An entry `key: value`, its key at `keyLocation`.
    public init(key: String, keyLocation: SourceLocation, value: DataNode) {
      self.key = key
      self.keyLocation = keyLocation
      self.value = value
    }
  }

  /// What the node holds.
  public enum Content: Sendable {
    case scalar(String, ScalarStyle)
    case sequence([DataNode])
    /// Entries in document order; readers reject duplicate keys.
    case mapping([Entry])
  }

  /// The node's value.
  public var content: Content
  /// Where the node starts: its first character, or its anchor or tag.
  public var location: SourceLocation

  /// A node holding `content`, starting at `location`.
  public init(_ content: Content, at location: SourceLocation) {
    self.content = content
    self.location = location
  }

  /// True for YAML `null`, `~`, an empty plain scalar, and JSON `null`.
  public var isNull: Bool {
    guard case .scalar(let text, .plain) = content else { return false }
    return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
  }

  /// The scalar's text, or `nil` for sequences and mappings.
  public var scalarText: String? {
    if case .scalar(let text, _) = content { return text }
    return nil
  }

  /// The mapping's entries, or `nil` for scalars and sequences.
  public var entries: [Entry]? {
    if case .mapping(let entries) = content { return entries }
    return nil
  }

  /// The sequence's items, or `nil` for scalars and mappings.
  public var items: [DataNode]? {
    if case .sequence(let items) = content { return items }
    return nil
  }

  /// The value for `key` in a mapping.
  public subscript(key: String) -> DataNode? {
    entries?.first { $0.key == key }?.value
  }

  /// A short name of the node's kind, for "expected a mapping, found a list" messages.
  public var kindName: LocalizedText {
    switch content {
    case .scalar: isNull ? LocalizedText(vi: "giá trị rỗng", en: "null") : LocalizedText(vi: "giá trị đơn", en: "a scalar")
    case .sequence: LocalizedText(vi: "danh sách", en: "a list")
    case .mapping: LocalizedText(vi: "bảng khóa–giá trị", en: "a mapping")
    }
  }
}
