import Foundation

/// An anonymous temporary file (`tmpfile`: removed by the system once closed, or when the process ends however it
/// ends) that bytes are written to in order and read back from the start: for what a check keeps to the end of a
/// big batch and reads only then.
///
/// `@unchecked Sendable`: the value holding it moves between threads (a report's kept parts go from the core that
/// read them to the one that writes the report), but only one thread at a time writes or reads it.
final class SpillFile: @unchecked Sendable {
  private let file: UnsafeMutablePointer<FILE>
  /// The bytes written so far.
  private(set) var count = 0

  /// A new, empty file; nil when none can be made (no writable temporary directory).
  init?() {
    guard let file = tmpfile() else { return nil }
    self.file = file
  }

  deinit { fclose(file) }

  /// Writes `bytes` after those written before; false when they could not all be written (a full disk), the file
  /// then holding what it held before.
  func write(_ bytes: [UInt8]) -> Bool {
    guard fseek(file, count, SEEK_SET) == 0 else { return false }
    let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    guard written == bytes.count, fflush(file) == 0 else { return false }
    count += bytes.count
    return true
  }

  /// Every byte written, in blocks of about `size`, in order.
  func read(blocks size: Int = 1 << 20, _ body: ([UInt8]) -> Void) {
    // What was written is on the disk (flushed): reading it back fails only when the disk itself does, and a
    // report with rows missing would be worse than stopping.
    precondition(fseek(file, 0, SEEK_SET) == 0, "tieuchi: cannot read back its temporary file")
    var left = count
    while left > 0 {
      let block = [UInt8](unsafeUninitializedCapacity: min(size, left)) { buffer, filled in
        filled = fread(buffer.baseAddress, 1, buffer.count, file)
      }
      precondition(!block.isEmpty, "tieuchi: cannot read back its temporary file")
      left -= block.count
      body(block)
    }
  }
}
