import TieuChi
import TieuChiOffice

/// Lays out a remediation plan as a Word document in the form of Nghị định 30/2020/NĐ-CP: A4, Times New
/// Roman 14 pt, the issuing unit and the national motto side by side at the top, the place and date,
/// the title, the body justified with a first-line indent, "Nơi nhận" and the signature at the end.
struct PlanDOCX {
  func render(_ document: PlanDocument) throws(RenderFailure) -> [UInt8] {
    let header = document.header
    var blocks: [Block] = []
    // The header: two columns without borders, as official documents set it.
    let issuer = TableCell(
      [
        Paragraph([Run(header.issuerLine ?? "", bold: true, fontSize: 12)], alignment: .center),
        Paragraph([Run(header.issuerLine == nil ? "" : "______", fontSize: 12)], alignment: .center),
      ])
    let motto = TableCell(
      [
        Paragraph([Run(header.nationalName, bold: true, fontSize: 12)], alignment: .center),
        Paragraph([Run(header.motto, bold: true, underline: true, fontSize: 14)], alignment: .center),
      ])
    blocks.append(
      .table(
        Table(columnWidths: [.millimetres(72), .millimetres(93)], rows: [TableRow([issuer, motto])], borders: false)))
    blocks.append(
      .paragraph(Paragraph([Run(header.placeAndDate, italic: true)], alignment: .right, spaceBefore: .points(6))))
    for block in document.blocks {
      switch block {
      case .title(let text):
        blocks.append(.paragraph(Paragraph([Run(text, bold: true)], alignment: .center, spaceBefore: .points(12))))
      case .subtitle(let text):
        blocks.append(.paragraph(Paragraph([Run(text, bold: true)], alignment: .center, spaceAfter: .points(12))))
      case .section(let text):
        blocks.append(.heading(Heading(level: 1, text)))
      case .subsection(let text):
        blocks.append(.heading(Heading(level: 2, text)))
      case .paragraph(let spans):
        blocks.append(
          .paragraph(
            Paragraph(runs(spans), alignment: .justify, spaceAfter: .points(6), firstLineIndent: .millimetres(10))))
      case .item(let marker, let spans):
        blocks.append(
          .paragraph(
            Paragraph(
              [Run(marker + " ")] + runs(spans), alignment: .justify, spaceAfter: .points(4),
              firstLineIndent: .millimetres(10))))
      }
    }
    let vi = header.language == .vi
    var recipients = [Paragraph([Run(vi ? "Nơi nhận:" : "Recipients:", bold: true, italic: true, fontSize: 12)])]
    recipients += document.recipients.map { Paragraph([Run($0, fontSize: 11)]) }
    let signature = [
      Paragraph([Run(document.signature.title, bold: true)], alignment: .center),
      Paragraph([Run(document.signature.note, italic: true, fontSize: 12)], alignment: .center),
    ]
    blocks.append(
      .table(
        Table(
          columnWidths: [.millimetres(80), .millimetres(80)],
          rows: [TableRow([TableCell(recipients), TableCell(signature)])], borders: false)))
    do {
      return try WordprocessingMLWriter().data(for: WordDocument(blocks: blocks))
    } catch {
      throw RenderFailure(
        LocalizedText(vi: "không tạo được tệp Word: \(error)", en: "cannot make the Word document: \(error)"))
    }
  }

  private func runs(_ spans: [PlanDocument.Span]) -> [Run] {
    spans.map { Run($0.text, bold: $0.bold, italic: $0.italic) }
  }
}
