extension XLSXReadError: CustomStringConvertible {
  /// An explanation in English and in Vietnamese, for a person who can then fix the file.
  public struct Message: Sendable, Hashable {
    public var english: String
    public var vietnamese: String
  }

  /// The English explanation.
  public var description: String { message.english }

  /// The explanation in both languages.
  public var message: Message {
    switch self {
    case .emptyFile:
      return Message(english: "The file is empty.", vietnamese: "Tệp rỗng.")
    case .notAZip:
      return Message(
        english: "This is not an Excel workbook (.xlsx): the file is not a zip archive, or is damaged.",
        vietnamese: "Đây không phải sổ tính Excel (.xlsx): tệp không phải tệp nén zip hoặc đã bị hỏng.")
    case .passwordProtectedOrLegacyFormat:
      return Message(
        english: "The workbook is password-protected or in the old .xls format: open it in Excel, remove the "
          + "password if any, and save it as .xlsx (Excel Workbook).",
        vietnamese: "Sổ tính được bảo vệ bằng mật khẩu hoặc ở định dạng .xls cũ: hãy mở bằng Excel, bỏ mật khẩu "
          + "(nếu có) và lưu lại dưới dạng .xlsx (Excel Workbook).")
    case .fileTooLarge(let size, let limit):
      return Message(
        english: "The file is too large (\(size) bytes; at most \(limit) are accepted).",
        vietnamese: "Tệp quá lớn (\(size) byte; tối đa \(limit) byte).")
    case .tooManyEntries(let count, let limit):
      return Message(
        english: "The archive has \(count) entries; at most \(limit) are accepted.",
        vietnamese: "Tệp nén có \(count) mục; tối đa \(limit) mục.")
    case .unsafeEntryName(let name):
      return Message(
        english: "The archive contains an unsafe path name (\(name)); the file was refused.",
        vietnamese: "Tệp nén chứa đường dẫn không an toàn (\(name)); tệp bị từ chối.")
    case .duplicateEntry(let name):
      return Message(
        english: "The archive contains \(name) twice; the file was refused.",
        vietnamese: "Tệp nén chứa \(name) hai lần; tệp bị từ chối.")
    case .damagedZip(let detail):
      return Message(
        english: "The file is damaged (\(detail)). Open it in Excel and save it again.",
        vietnamese: "Tệp bị hỏng (\(detail)). Hãy mở bằng Excel và lưu lại.")
    case .unsupportedZipFeature(let part, let feature):
      let place = part.isEmpty ? "" : " (\(part))"
      return Message(
        english: "The file uses a zip feature that is not supported: \(feature)\(place). Save it again from Excel.",
        vietnamese: "Tệp dùng tính năng nén không được hỗ trợ: \(feature)\(place). Hãy lưu lại bằng Excel.")
    case .damagedPart(let part):
      return Message(
        english: "The part \(part) of the file is damaged. Open it in Excel and save it again.",
        vietnamese: "Phần \(part) của tệp bị hỏng. Hãy mở bằng Excel và lưu lại.")
    case .partTooLarge(let part, let limit):
      return Message(
        english: "The part \(part) is larger than \(limit) bytes once uncompressed; the file was refused.",
        vietnamese: "Phần \(part) lớn hơn \(limit) byte khi giải nén; tệp bị từ chối.")
    case .totalSizeTooLarge(let limit):
      return Message(
        english: "The workbook is larger than \(limit) bytes once uncompressed; the file was refused.",
        vietnamese: "Sổ tính lớn hơn \(limit) byte khi giải nén; tệp bị từ chối.")
    case .compressionRatioTooHigh(let part, let limit):
      return Message(
        english: "The part \(part) expands more than \(limit) times (a zip bomb?); the file was refused.",
        vietnamese: "Phần \(part) giãn nở hơn \(limit) lần khi giải nén (bom nén?); tệp bị từ chối.")
    case .sizeMismatch(let part, let declared):
      return Message(
        english: "The part \(part) does not have the size its header declares (\(declared) bytes); the file is "
          + "damaged or forged.",
        vietnamese: "Phần \(part) không có kích thước như khai báo (\(declared) byte); tệp bị hỏng hoặc bị làm giả.")
    case .notAWorkbook:
      return Message(
        english: "The file is a zip archive but not an Excel workbook (no workbook part).",
        vietnamese: "Tệp là tệp nén zip nhưng không phải sổ tính Excel (không có phần workbook).")
    case .missingPart(let part):
      return Message(
        english: "The workbook refers to \(part), which is missing. Open it in Excel and save it again.",
        vietnamese: "Sổ tính tham chiếu tới \(part) nhưng phần này không có. Hãy mở bằng Excel và lưu lại.")
    case .invalidRelationshipTarget(let target):
      return Message(
        english: "The workbook refers to an invalid or outside path (\(target)); the file was refused.",
        vietnamese: "Sổ tính tham chiếu tới đường dẫn không hợp lệ hoặc nằm ngoài tệp (\(target)); tệp bị từ chối.")
    case .noSheets:
      return Message(
        english: "The workbook has no worksheet.", vietnamese: "Sổ tính không có trang tính (sheet) nào.")
    case .doctypeForbidden(let part):
      return Message(
        english: "The part \(part) contains a document type declaration (<!DOCTYPE>), which Excel never writes; "
          + "the file was refused.",
        vietnamese: "Phần \(part) chứa khai báo kiểu tài liệu (<!DOCTYPE>), điều Excel không bao giờ ghi; "
          + "tệp bị từ chối.")
    case .unsupportedEncoding(let part, let encoding):
      return Message(
        english: "The part \(part) is encoded in \(encoding); only UTF-8 is supported. Save it again from Excel.",
        vietnamese: "Phần \(part) được mã hóa \(encoding); chỉ hỗ trợ UTF-8. Hãy lưu lại bằng Excel.")
    case .malformedXML(let part, let line, let detail):
      return Message(
        english: "The part \(part) is not valid XML (line \(line): \(detail)).",
        vietnamese: "Phần \(part) không phải XML hợp lệ (dòng \(line): \(detail)).")
    case .xmlTooDeep(let part, let limit):
      return Message(
        english: "The part \(part) nests elements more than \(limit) deep; the file was refused.",
        vietnamese: "Phần \(part) lồng các phần tử sâu quá \(limit) cấp; tệp bị từ chối.")
    case .invalidCellReference(let sheet, let reference):
      return Message(
        english: "Sheet “\(sheet)” refers to cell \(reference), which is invalid or beyond XFD1048576.",
        vietnamese: "Trang “\(sheet)” tham chiếu ô \(reference), không hợp lệ hoặc vượt quá XFD1048576.")
    case .tooManyCells(let limit):
      return Message(
        english: "The workbook has more than \(limit) cells with a value; the file was refused.",
        vietnamese: "Sổ tính có hơn \(limit) ô chứa giá trị; tệp bị từ chối.")
    case .sharedStringIndexOutOfRange(let sheet, let reference, let index):
      return Message(
        english: "Cell \(reference) of sheet “\(sheet)” refers to text number \(index), which does not exist.",
        vietnamese: "Ô \(reference) của trang “\(sheet)” tham chiếu chuỗi số \(index), chuỗi này không tồn tại.")
    case .invalidCellValue(let sheet, let reference, let value):
      return Message(
        english: "Cell \(reference) of sheet “\(sheet)” holds a value that does not fit its type (\(value)).",
        vietnamese: "Ô \(reference) của trang “\(sheet)” chứa giá trị không đúng kiểu (\(value)).")
    }
  }
}
