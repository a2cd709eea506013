/// The fields every station record may carry whatever the criteria set: its identity (`code`, `year`),
/// its name, its kind of unit and where it belongs. `--group-by`, the readers, the forms and the reports
/// all name them through this one list.
public enum StationAttribute: String, Sendable, CaseIterable {
  /// The commune code (GSO): with `year`, a record's identity.
  case code
  case name
  /// xã, phường, thị trấn, đặc khu.
  case type
  /// Before 1 July 2025: the district (huyện). There are no districts since.
  case district
  case province
  case year

  /// The attributes usable in expressions as text without being declared.
  public static let textInputs: [StationAttribute] = [.type, .district, .province]
  /// The attributes that say where a unit belongs, in the order a default grouping tries them.
  public static let groupings: [StationAttribute] = [.district, .province]

  /// The header a form gives the attribute, which reads back as the attribute.
  public var label: LocalizedText {
    switch self {
    case .code: LocalizedText(vi: "Mã xã", en: "Commune code")
    case .name: LocalizedText(vi: "Tên xã", en: "Commune name")
    case .type: LocalizedText(vi: "Loại đơn vị", en: "Unit type")
    case .district: LocalizedText(vi: "Huyện", en: "District")
    case .province: LocalizedText(vi: "Tỉnh", en: "Province")
    case .year: LocalizedText(vi: "Năm", en: "Year")
    }
  }

  /// The attribute a field name stands for, if it is one.
  public init?(field: String) {
    self.init(rawValue: field)
  }
}
