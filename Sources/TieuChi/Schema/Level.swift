/// Whether an input or indicator is about one commune or about a group of communes (a district, a
/// province, or whatever `--group-by` names).
public enum Level: String, Sendable, CaseIterable {
  case commune
  case group
}
