/// The words of the header and signature of a Vietnamese administrative document (Nghị định
/// 30/2020/NĐ-CP, Phụ lục I): the issuing unit, the national name and motto, the place and date line,
/// and the signature block — shared by every format that prints one (HTML, Word).
public struct DocumentHeader: Sendable {
  /// The unit that issues the report, as it should print ("PHÒNG Y TẾ HUYỆN TÂN YÊN"); nil leaves the
  /// place blank rather than naming anyone.
  public var issuer: String?
  /// The place of the date line ("Tân Yên"); nil leaves dots to fill in.
  public var place: String?
  /// The date of the report; nil leaves the day, month and year to fill in.
  public var date: CalendarDate?
  public var language: Language

  /// The header of a report issued by `issuer` at `place` on `date`; what is nil is left to fill in.
  public init(issuer: String?, place: String?, date: CalendarDate?, language: Language) {
    self.issuer = issuer
    self.place = place
    self.date = date
    self.language = language
  }

  /// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
  public var nationalName: String {
    language == .vi ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" : "SOCIALIST REPUBLIC OF VIET NAM"
  }

  /// "Độc lập - Tự do - Hạnh phúc".
  public var motto: String {
    language == .vi ? "Độc lập - Tự do - Hạnh phúc" : "Independence - Freedom - Happiness"
  }

  /// The issuing unit in capitals, as the decree writes it; nil when not given.
  public var issuerLine: String? {
    issuer.map { $0.uppercased() }
  }

  /// "Tân Yên, ngày 05 tháng 02 năm 2025": days below 10 and the months January and February take a
  /// leading zero (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.5). Missing parts are dots to fill in.
  public var placeAndDate: String {
    let place = self.place ?? "……"
    guard let date else {
      return language == .vi ? "\(place), ngày … tháng … năm …" : "\(place), … … …"
    }
    if language == .en {
      let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
      ]
      return "\(place), \(date.day) \(months[date.month - 1]) \(date.year)"
    }
    let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
    let month = date.month < 3 ? "0\(date.month)" : "\(date.month)"
    return "\(place), ngày \(day) tháng \(month) năm \(date.year)"
  }

  /// The two signatures: who drew the report up, and the head of the unit.
  public var signatures: [(title: String, note: String)] {
    language == .vi
      ? [("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)"), ("THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên, đóng dấu)")]
      : [("PREPARED BY", "(Signature and full name)"), ("HEAD OF THE UNIT", "(Signature, full name and seal)")]
  }
}
