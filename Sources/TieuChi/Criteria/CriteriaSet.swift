/// A loaded, fully checked criteria set: everything `check` needs, nothing left to parse.
public struct CriteriaSet: Sendable {
  public var id: String
  public var title: LocalizedText
  public var source: SourceDocument
  /// The file it was loaded from.
  public var file: String
  /// Inputs of a station record (commune level), with the built-in attributes.
  public var schema: InputSchema
  /// What group-level indicators read: group-level inputs, and the list `communes` whose records are
  /// the group's communes (their scalar inputs, `name`, and the outcome of each commune indicator).
  public var groupSchema: InputSchema
  /// Consistency rules over a station's inputs.
  public var rules: [ConsistencyRule]
  /// Consistency rules over a group's own record (a district's figures) and its communes (`level: group`).
  public var groupRules: [ConsistencyRule] = []
  public var groups: [IndicatorGroup]
  public var indicators: [Indicator]
  public var passRule: PassRule
  /// Worked examples with expected outcomes, run by `tieuchi test`.
  public var examples: [CriteriaExample] = []
}

extension CriteriaSet {
  /// Whether an entered score only checks the computed one: where the file encodes point-carrying
  /// indicators of the same criterion, their computed points stand and the entered total is compared
  /// with them instead of counting.
  public func enteredPointsOnlyCheck(_ indicator: Indicator) -> Bool {
    indicator.enteredPoints
      && indicators.contains { $0.group == indicator.group && $0.points != nil && !$0.enteredPoints }
  }

  public var hasGroupIndicators: Bool { indicators.contains { $0.level == .group } }

  /// The inputs the broken rules make unusable (slot → the first rule that broke), in rule order.
  func inconsistentInputs(broken: Set<String>) -> [Int: String] {
    Self.inconsistent(rules, broken: broken)
  }

  /// The same for a group's own record and its `communes` list, under the group rules.
  func inconsistentGroupInputs(broken: Set<String>) -> [Int: String] {
    Self.inconsistent(groupRules, broken: broken)
  }

  private static func inconsistent(_ rules: [ConsistencyRule], broken: Set<String>) -> [Int: String] {
    // Nearly every record breaks no rule: asked once per commune, this must cost nothing then.
    guard !broken.isEmpty else { return [:] }
    var inconsistent: [Int: String] = [:]
    for rule in rules where broken.contains(rule.id) {
      for slot in rule.inputs where inconsistent[slot] == nil { inconsistent[slot] = rule.id }
    }
    return inconsistent
  }

  /// The rule with this id, commune or group.
  public func rule(_ id: String) -> ConsistencyRule? {
    rules.first { $0.id == id } ?? groupRules.first { $0.id == id }
  }

  /// Points a group declares (`max_points`) that no indicator of the file carries yet: the set is
  /// incomplete (e.g. the national criteria, whose annex could not all be established). Under a points
  /// rule these points count as unknown, so no commune can pass with the set, only fail or be incomplete.
  public var missingPoints: [(group: IndicatorGroup, missing: Rational)] {
    groups.compactMap { group in
      guard let max = group.maxPoints else { return nil }
      let declared = indicators.filter { $0.group == group.id }.reduce(Rational.zero) {
        $0.adding($1.points ?? .zero) ?? $0
      }
      guard let missing = max.subtracting(declared), missing > .zero else { return nil }
      return (group, missing)
    }
  }
}

/// The legal document a criteria set implements, by the short name of `shared/sources/README.md`.
public struct SourceDocument: Sendable {
  /// Short name, e.g. `ct25-tan-yen`.
  public var document: String
  /// The document's full title, e.g. "Kế hoạch … ngày 02/2024 của UBND huyện Tân Yên".
  public var title: LocalizedText?
  /// The clause every indicator comes from unless it names its own.
  public var clause: String?
}

/// A data-consistency rule between inputs (`insured <= population`). When it fails, every indicator
/// that uses one of its inputs becomes unknown, with the rule named as the reason.
public struct ConsistencyRule: Sendable {
  public var id: String
  package var check: Expression
  public var checkText: String
  public var message: LocalizedText
  /// Slots of the inputs the rule reads.
  public var inputs: Set<Int>
  public var location: SourceLocation
}

/// A group of indicators (a *tiêu chí* of the national criteria), with its points.
public struct IndicatorGroup: Sendable {
  public var id: String
  public var title: LocalizedText
  /// The group's maximum, if points are used; defaults to the sum of its indicators' points.
  public var maxPoints: Rational?
  public var location: SourceLocation
}

/// One indicator (*chỉ tiêu*): a measure over the inputs, a target, and how to tell the gap.
public struct Indicator: Sendable {
  public var id: String
  public var title: LocalizedText
  /// The clause of the source document it comes from, e.g. "I.3".
  public var clause: String
  public var location: SourceLocation
  /// Commune indicators are evaluated per station; group indicators once per group, over its communes.
  public var level: Level

  package var measure: Expression
  package var measureType: ExpressionType
  /// The measure as written, for explanations.
  public var measureText: String
  public var unit: MeasureUnit
  /// Milestones sorted by year; empty for a yes/no measure (which passes when true).
  public var milestones: [Milestone]
  /// When set and false for a commune, the indicator is not applicable there.
  package var appliesWhen: Expression?
  public var appliesWhenText: String?
  public var gap: GapSpec?
  /// A knock-out indicator (*điểm liệt*): the commune cannot pass without it, whatever its points.
  public var mandatory: Bool
  /// The indicator's points when it passes (the highest grade's, when graded).
  public var points: Rational?
  /// Partial points: the first grade whose target the measure meets gives its points; none met, none.
  public var grades: [PointGrade]
  public var group: String?
  /// The indicator's points are entered, not computed: the assessors' score for its criterion on the
  /// official scoring sheet (`points: entered`). It carries the criterion's maximum and earns the
  /// value of its measure, a single input, bounded by that maximum.
  public var enteredPoints: Bool = false
  /// Slots of the inputs the measure (and applicability condition) read.
  public var inputs: Set<Int>
  /// Who acts when the indicator falls short, as the plan names them ("UBND xã; Bảo hiểm xã hội
  /// huyện"): the remediation plan assigns its tasks by it. Nil when the plan names no one.
  public var responsible: LocalizedText? = nil
}

/// One step of graded points: "full points at ≥ 95 %, half at ≥ 90 %".
public struct PointGrade: Sendable {
  public var target: Target
  public var points: Rational
}

/// How to tell an indicator's gap in real units.
public struct GapSpec: Sendable {
  /// What the gap counts: "người" / "people", "bác sĩ cơ hữu" / "permanent doctors".
  public var unit: LocalizedText
}

/// When a commune meets the set.
public enum PassRule: Sendable {
  /// Every applicable indicator passes.
  case allIndicators
  /// Every mandatory indicator passes, and the points earned reach a share of the applicable points
  /// overall and, optionally, in each group (the national criteria: 80 % and 50 %).
  case points(minTotalShare: Rational, minGroupShare: Rational?)
}
