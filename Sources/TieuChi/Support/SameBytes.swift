import Foundation  // memcmp

extension UnsafeBufferPointer<UInt8> {
  /// Whether these are the same bytes as `other`: compared at once, where a generic `elementsEqual` went byte by
  /// byte through an iterator (keys compared for every line of a national batch's list tables).
  @inline(__always)
  func hasSameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
    count == other.count && (isEmpty || memcmp(baseAddress!, other.baseAddress!, count) == 0)
  }
}
