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

  /// Entries big enough to be deflated in several pieces on several cores, and entries made of parts (short ones,
  /// empty ones, one shorter than deflate's window): each must still be one deflate stream with the right CRC.
  static let pieceEntries: [ZipEntry] = {
    var state: UInt32 = 0x2545_F491
    func noise(_ count: Int) -> [UInt8] {
      (0..<count).map { _ in
        state = state &* 1_664_525 &+ 1_013_904_223
        return UInt8(truncatingIfNeeded: state >> 24)
      }
    }
    let markup = Array(String(repeating: #"<c r="A1" t="s"><v>12</v></c>"#, count: 120_000).utf8)
    return [
      ZipEntry(path: "xl/big.xml", bytes: markup + noise(1_200_000)),
      ZipEntry(
        path: "parts.bin", parts: [Array("head".utf8), noise(2_500_000), [], Array("x".utf8), markup, noise(40_000)]),
      ZipEntry(path: "no-parts", parts: []),
      ZipEntry(path: "empty-parts", parts: [[], []]),
      ZipEntry(path: "Thôn Đồng Lạc.txt", bytes: Array("tên tệp không phải ASCII".utf8)),
      // Parts deflated by their makers between plain ones, the last one deflated too (the writer then ends the
      // stream with an empty final block).
      ZipEntry(
        path: "xl/deflated-parts.xml",
        pieces: [
          .bytes(Array("head".utf8)), .deflated(ZipWriter.deflatedPart(Self.noise)!), .bytes(Self.markup),
          .deflated(ZipWriter.deflatedPart(Self.markup)!), .deflated(ZipWriter.deflatedPart([])!),
        ]),
    ]
  }()

  static let markup = Array(String(repeating: #"<row r="7"><c r="B7" s="3"><v>0.25</v></c></row>"#, count: 30_000).utf8)
  static let noise: [UInt8] = (0..<300_000).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) }

  @Test func partsDeflatedByTheirMakersReadAsTheirBytes() throws {
    let entry = try #require(Self.pieceEntries.last)
    #expect(entry.bytes == Array("head".utf8) + Self.noise + Self.markup + Self.markup)
  }

  @Test func piecesReadBackWithZIPFoundationAndPython() throws {
    let bytes = try ZipWriter.archive(Self.pieceEntries)
    #expect(bytes == (try ZipWriter.archive(Self.pieceEntries)))
    try expectReadBack(bytes, Self.pieceEntries)
  }

  /// Zip64 records are written only past 4 GB; lowering the limit checks their layout with both readers.
  @Test func zip64RecordsReadBackWithZIPFoundationAndPython() throws {
    let bytes = try ZipWriter.archive(Self.pieceEntries, zip64Above: 0)
    try expectReadBack(bytes, Self.pieceEntries)
    // The zip64 end record and its locator come before the classic end record.
    let tail = Array(bytes.suffix(22 + 20 + 56))
    #expect(tail.prefix(4) == [0x50, 0x4B, 0x06, 0x06] && tail[56..<60] == [0x50, 0x4B, 0x06, 0x07])
  }

  private func expectReadBack(_ bytes: [UInt8], _ entries: [ZipEntry]) throws {
    let expected = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0.bytes) })
    let archive = try Archive(data: Data(bytes), accessMode: .read)
    var read: [String: [UInt8]] = [:]
    for entry in archive {
      var content: [UInt8] = []
      _ = try archive.extract(entry) { content.append(contentsOf: $0) }
      read[entry.path] = content
    }
    #expect(read == expected)

    // Python's zipfile checks every CRC as it extracts; the files it writes are compared byte for byte.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tieuchi-zip-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("archive.zip")
    try Data(bytes).write(to: file)
    let out = folder.appendingPathComponent("out")
    let listing = try PythonReaders.run([
      "-c",
      """
      import sys, zipfile
      with zipfile.ZipFile(sys.argv[1]) as z:
          assert z.testzip() is None
          z.extractall(sys.argv[2])
          print("\\n".join(i.filename for i in z.infolist()))
      """,
      file.path, out.path,
    ])
    #expect(String(decoding: listing, as: UTF8.self).split(separator: "\n").map(String.init) == entries.map(\.path))
    for entry in entries {
      let content = try Data(contentsOf: out.appendingPathComponent(entry.path))
      #expect([UInt8](content) == entry.bytes, "\(entry.path)")
    }
  }
}
