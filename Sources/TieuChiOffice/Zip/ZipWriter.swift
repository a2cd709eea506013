public import Foundation
internal import ZIPFoundation

/// Why an archive could not be written.
public enum ZipWriterError: Error, Sendable, Hashable {
  /// Two entries have the same path; readers would see only one of them.
  case duplicatePath(String)
  /// A path is empty, absolute, or has an empty, `.` or `..` component.
  case invalidPath(String)
  /// ZIPFoundation failed; the message is its error's description.
  case archiveFailed(String)
}

/// Writes zip archives in memory, deflated, with the same bytes for the same entries.
///
/// Kept apart from SpreadsheetML and WordprocessingML: XLSX and DOCX files are both zip packages, and a later XLSX
/// reader will share this layer. Output is deterministic (every entry gets `modificationDate` and fixed permissions,
/// entries keep the order given) so that golden files can be compared byte for byte.
public enum ZipWriter {
  /// 1980-01-01 00:00:00 UTC, the earliest date a zip (MS-DOS) timestamp can hold; ZIPFoundation converts it with
  /// `gmtime`, so the bytes do not depend on the machine's time zone.
  public static let modificationDate = Date(timeIntervalSince1970: 315_532_800)

  /// The bytes of a zip archive holding `entries`, in order, deflated.
  public static func archive(_ entries: [ZipEntry]) throws(ZipWriterError) -> [UInt8] {
    var seen = Set<String>()
    for entry in entries {
      let components = entry.path.split(separator: "/", omittingEmptySubsequences: false)
      guard !entry.path.isEmpty, !entry.path.hasPrefix("/"),
        components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
      else { throw .invalidPath(entry.path) }
      guard seen.insert(entry.path).inserted else { throw .duplicatePath(entry.path) }
    }
    do {
      let archive = try Archive(accessMode: .create)
      for entry in entries {
        let bytes = entry.bytes
        try archive.addEntry(
          with: entry.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: modificationDate,
          permissions: 0o644, compressionMethod: .deflate
        ) { position, size in
          let start = Int(position)
          return Data(bytes[start..<min(start + size, bytes.count)])
        }
      }
      guard let data = archive.data else { throw ZipWriterError.archiveFailed("the in-memory archive has no data") }
      return [UInt8](data)
    } catch let error as ZipWriterError {
      throw error
    } catch {
      throw .archiveFailed(String(describing: error))
    }
  }
}
