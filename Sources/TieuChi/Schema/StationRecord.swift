/// One station's survey record for one year, read through a criteria set's `InputSchema`.
public struct StationRecord: Sendable {
  /// Where the record starts, for "file:line" in reports.
  public var location: SourceLocation
  /// The commune code (GSO), the record's identity together with `year`.
  public var code: String
  public var name: String?
  public var year: Int?
  /// Every scalar field of the record as written (NFC), declared or not: `district`, `province`,
  /// `type`… `--group-by` reads these, so grouping never depends on the criteria set.
  public var attributes: [String: String]
  /// Values by input slot of the schema the record was read with.
  public var values: [InputValue]
  /// Problems found while reading this record's fields (also in the batch's diagnostics).
  public var problems: [Diagnostic] = []
  /// Waivers granted to this commune (`waivers:` in the data).
  public var waivers: [Waiver] = []

  /// A record as a reader builds it; `values` are by the slots of the schema it was read with.
  public init(
    location: SourceLocation, code: String, name: String?, year: Int?, attributes: [String: String],
    values: [InputValue]
  ) {
    self.location = location
    self.code = code
    self.name = name
    self.year = year
    self.attributes = attributes
    self.values = values
  }
}

/// A value read for one input.
public enum InputValue: Sendable {
  /// Absent or empty in the data: never read as zero.
  case missing
  /// Present but unusable (wrong type, negative count…); a diagnostic says why.
  case invalid(LocalizedText)
  case number(Rational)
  case boolean(Bool)
  /// Text, or an enum value's id.
  case text(String)
  case list([ListItem])
}

/// One record of a list input, such as a staff member or a hamlet.
public struct ListItem: Sendable {
  public var location: SourceLocation
  public var values: [InputValue]

  /// A list record and its field values, by the slots of the list's fields.
  public init(location: SourceLocation, values: [InputValue]) {
    self.location = location
    self.values = values
  }
}
