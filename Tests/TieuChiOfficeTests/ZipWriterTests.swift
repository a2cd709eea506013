import Foundation
import Testing
import TieuChiOffice
import ZIPFoundation

@Suite("Office: zip layer")
struct ZipWriterTests {
  @Test func sameEntriesGiveSameBytesAndReadBack() throws {
    let entries = [
      ZipEntry(path: "a.txt", bytes: Array("Trạm y tế xã\n".utf8)),
      ZipEntry(path: "dir/b.bin", bytes: (0..<100_000).map { UInt8($0 % 251) }),
      ZipEntry(path: "empty", bytes: []),
    ]
    let first = try ZipWriter.archive(entries)
    let second = try ZipWriter.archive(entries)
    #expect(first == second)

    let archive = try Archive(data: Data(first), accessMode: .read)
    var read: [String: [UInt8]] = [:]
    for entry in archive {
      #expect(entry.fileAttributes[.modificationDate] as? Date == ZipWriter.modificationDate)
      var bytes: [UInt8] = []
      _ = try archive.extract(entry) { bytes.append(contentsOf: $0) }
      read[entry.path] = bytes
    }
    #expect(read == Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0.bytes) }))
    #expect(archive.map(\.path) == entries.map(\.path))
  }

  @Test func rejectsDuplicateAndUnsafePaths() {
    #expect(throws: ZipWriterError.duplicatePath("a")) {
      try ZipWriter.archive([ZipEntry(path: "a", bytes: []), ZipEntry(path: "a", bytes: [1])])
    }
    for bad in ["", "/etc/passwd", "../x", "a//b", "a/./b", "a/"] {
      #expect(throws: ZipWriterError.invalidPath(bad)) { try ZipWriter.archive([ZipEntry(path: bad, bytes: [])]) }
    }
  }
}
