/// What a set of communes (a district, a province, the whole batch) still needs, indicator by
/// indicator, added up in real units: "toàn huyện cần thêm 3 bác sĩ cơ hữu, 1.245 người tham gia BHYT;
/// 7 thôn chưa có nhân viên y tế được đào tạo".
///
/// Only gaps that count whole things add up; for a rate ("0,3 điểm %") the total is the number of
/// communes that fall short, never a sum of points.
public struct GapTotal: Sendable {
  /// The indicator's id.
  public let indicator: String
  public let direction: Gap.Direction
  /// The sum of the communes' amounts; nil when the amounts do not add up (rates), or when the sum is
  /// too large to compute exactly (`tooLarge`).
  public let amount: Rational?
  public let unit: LocalizedText?
  /// The list records that fall short, over all the communes (hamlets without a trained worker).
  public let items: Int
  /// How many communes have this gap.
  public let communes: Int
  /// Some commune's gap is a minimum (data unknown), so the total is one too.
  public let atLeast: Bool
  /// The gap *is* a list of records: the total is `items` records.
  public let itemsOnly: Bool
  /// The amounts count whole things but their sum does not fit: reported, never cut short.
  public let tooLarge: Bool

  /// The totals of the failed commune-level indicators of `communes`, in the set's order; indicators
  /// nobody fails are left out.
  public static func of(_ communes: [CommuneResult], criteria: CriteriaSet) -> [GapTotal] {
    var gaps: [String: [Gap]] = [:]
    for commune in communes {
      for result in commune.indicators where result.status == .fail {
        if let gap = result.gap { gaps[result.id, default: []].append(gap) }
      }
    }
    return criteria.indicators.compactMap { indicator in
      guard let list = gaps[indicator.id], let first = list.first else { return nil }
      let additive = list.allSatisfy { $0.countsWholeThings && $0.direction == first.direction }
      // A commune's gap too large to compute makes the total too large as well, not a smaller total.
      let amounts = list.compactMap(\.amount)
      let sum = additive && amounts.count == list.count ? Rational.sum(amounts) : nil
      return GapTotal(
        indicator: indicator.id, direction: first.direction, amount: sum, unit: first.unit,
        items: list.reduce(0) { $0 + $1.items.count }, communes: list.count, atLeast: list.contains { $0.atLeast },
        itemsOnly: list.allSatisfy(\.itemsOnly), tooLarge: additive && sum == nil)
    }
  }
}
