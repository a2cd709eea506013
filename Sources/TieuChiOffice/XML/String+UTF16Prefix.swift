extension String {
  /// The longest prefix of whole characters whose UTF-16 length is at most `limit`: Excel counts lengths in UTF-16
  /// units, and cutting inside a character would leave half a letter (or half a surrogate pair).
  func prefix(utf16Units limit: Int) -> String {
    guard utf16.count > limit else { return self }
    var count = 0
    var end = startIndex
    for index in indices {
      let length = self[index].utf16.count
      guard count + length <= limit else { break }
      count += length
      end = self.index(after: index)
    }
    return String(self[..<end])
  }
}
