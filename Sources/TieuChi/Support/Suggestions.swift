/// "Did you mean …?" for misspelt keys, input names and enum values.
package enum Suggestions {
  /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo
  /// (at most a third of the word's length, and at least one edit allowed). Case and diacritics
  /// differences count as one edit each.
  package static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
    // At most 3 edits are ever accepted, so a word far longer than any name cannot be close; bailing out keeps a
    // 5 MB field name from costing an edit distance of 5 million × every candidate.
    guard word.utf8.count <= 256 else { return nil }
    let target = Array(word.lowercased().unicodeScalars)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
      if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    guard let best, best.distance <= max(1, min(3, target.count / 3)) else { return nil }
    return best.candidate
  }

  /// A bilingual "did you mean 'x'?" hint, or nil when nothing is close.
  package static func hint(for word: String, in candidates: some Sequence<String>) -> LocalizedText? {
    closest(to: word, in: candidates).map {
      LocalizedText(vi: "có phải ý bạn là '\($0)'?", en: "did you mean '\($0)'?")
    }
  }

  /// Levenshtein distance with adjacent transpositions counted as one edit (`popluation`).
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previousPrevious[j - 2] + 1)
        }
      }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
  }
}
