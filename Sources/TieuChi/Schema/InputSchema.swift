/// The inputs a criteria set asks of each station: their names, types, units and labels.
///
/// The survey loader reads data *through* this schema (so `"12850"` from a Kobo export becomes a count
/// and `yes` becomes a boolean only where the criteria say so), and expressions are type-checked against
/// it before any data is read.
public struct InputSchema: Sendable {
  /// Top-level inputs in declaration order; an input's index is its slot in `StationRecord.values`.
  public private(set) var inputs: [InputDefinition]
  private var indexByName: [String: Int]

  /// A schema of these inputs, in this order (an input's position is its slot).
  public init(_ inputs: [InputDefinition]) {
    self.inputs = inputs
    var indexByName: [String: Int] = [:]
    for (index, input) in inputs.enumerated() { indexByName[input.name] = index }
    self.indexByName = indexByName
  }

  /// The slot of the input with this name.
  public func index(of name: String) -> Int? { indexByName[name] }

  /// The slot of the field holding a commune outcome (in the `communes` list of a group schema).
  public func index(of outcome: CommuneOutcome) -> Int? {
    inputs.firstIndex { $0.outcome == outcome }
  }

  /// The input with this name.
  public subscript(name: String) -> InputDefinition? {
    indexByName[name].map { inputs[$0] }
  }

  /// Built-in station attributes every survey may carry; expressions and `--group-by` can use them.
  public static let stationAttributes: [String] = StationAttribute.allCases.map(\.rawValue)
}

/// One declared input, e.g. `population` (a count of people) or `staff` (a list of records).
public struct InputDefinition: Sendable {
  public var name: String
  public var type: InputType
  public var label: LocalizedText
  /// What the number counts or measures, for reports ("người", "people"). Optional.
  public var unit: LocalizedText?
  public var location: SourceLocation
  /// Group-level inputs come from a group's own record (`level: group` in the data), such as a
  /// district's life expectancy.
  public var level: Level
  /// Set for the fields of a group's `communes` list that hold a commune's outcome rather than data.
  public var outcome: CommuneOutcome?

  /// An input as the criteria file declares it.
  public init(
    name: String, type: InputType, label: LocalizedText, unit: LocalizedText?, location: SourceLocation,
    level: Level = .commune, outcome: CommuneOutcome? = nil
  ) {
    self.name = name
    self.type = type
    self.label = label
    self.unit = unit
    self.location = location
    self.level = level
    self.outcome = outcome
  }
}

/// The type of an input or of a list record's field.
public indirect enum InputType: Sendable {
  /// A whole number ≥ 0 (people, staff, hamlets). Negative values are invalid data.
  case count
  /// Any exact decimal (`99,5`, `-3.25`).
  case number
  case boolean
  case text
  /// One of a fixed set of values; data may use the id or either label.
  case enumeration(EnumDefinition)
  /// A list of records, such as the staff of a station or the hamlets of a commune.
  case list(ListDefinition)

  public var name: String {
    switch self {
    case .count: "count"
    case .number: "number"
    case .boolean: "boolean"
    case .text: "text"
    case .enumeration: "enum"
    case .list: "list"
    }
  }
}

/// The allowed values of an `enum` input.
public struct EnumDefinition: Sendable {
  /// One allowed value: its id, its labels and other accepted spellings.
  public struct Value: Sendable {
    public var id: String
    public var label: LocalizedText
    /// Other spellings accepted in data (labels, abbreviations), compared case-insensitively.
    public var aliases: [String]
  }

  public var values: [Value]
  private var lookup: [String: String]
  /// Spellings folded for matching (no diacritics, `sỹ` as `sĩ`), for data typed without accents.
  private var foldedLookup: [String: String]

  /// An enumeration of these values; every spelling of each is accepted in data.
  public init(values: [Value]) {
    self.values = values
    var lookup: [String: String] = [:]
    var foldedLookup: [String: String?] = [:]
    for value in values {
      for spelling in [value.id, value.label.vi, value.label.en] + value.aliases {
        lookup[EnumDefinition.key(spelling)] = value.id
        let folded = EnumDefinition.foldedKey(spelling)
        // Two values that fold to the same spelling cannot be told apart without accents: neither is guessed.
        if let existing = foldedLookup[folded], existing != value.id {
          foldedLookup[folded] = .some(nil)
        } else {
          foldedLookup[folded] = value.id
        }
      }
    }
    self.lookup = lookup
    self.foldedLookup = foldedLookup.compactMapValues { $0 }
  }

  /// The value id a data spelling stands for (`"Bác sĩ"`, `doctor`, `DOCTOR`, `bac si`, `Bác sỹ` → `doctor`).
  public func resolve(_ spelling: String) -> String? {
    // Data usually spells the id exactly: try that before normalising case and form.
    if let id = lookup[spelling], id == spelling { return id }
    return lookup[EnumDefinition.key(spelling)] ?? foldedLookup[EnumDefinition.foldedKey(spelling)]
  }

  /// Whether a value has this id.
  public func contains(id: String) -> Bool { values.contains { $0.id == id } }

  private static func key(_ text: String) -> String { text.nfc.lowercased().trimmingSpaces }

  /// `text` without diacritics, case or extra spaces, and with a syllable-final `y` after a consonant read as
  /// `i`: Vietnamese spells "sĩ" and "sỹ", "kĩ" and "kỹ" both ways.
  package static func foldedKey(_ text: String) -> String {
    let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
    return text.foldedForMatching.split(separator: " ").map { word -> String in
      guard word.count > 1, word.last == "y", let before = word.dropLast().last, !vowels.contains(before),
        before.isLetter
      else { return String(word) }
      return word.dropLast() + "i"
    }.joined(separator: " ")
  }
}

/// The fields of a list input's records.
public struct ListDefinition: Sendable {
  public var fields: InputSchema
  /// The field that names a record in gap lists (a hamlet's `name`), if any.
  public var itemName: String?

  /// A list whose records have these fields, named in gap lists by `itemName`.
  public init(fields: InputSchema, itemName: String?) {
    self.fields = fields
    self.itemName = itemName
  }
}
