/// Writes a remediation plan as Markdown, for people who edit it in a text editor or paste it into a
/// message; the Word version is the official one.
package struct PlanMarkdown {
  package init() {}

  package func render(_ document: PlanDocument) -> [UInt8] {
    let header = document.header
    var out = ""
    out += (header.issuerLine.map { "**\(escape($0))**" } ?? "") + "\n\n"
    out += "**\(header.nationalName)**  \n**\(header.motto)**\n\n"
    out += "*\(escape(header.placeAndDate))*\n\n"
    var inList = false
    for block in document.blocks {
      // A list ends with a blank line, or the next heading or paragraph joins its last item.
      if inList, case .item = block {
      } else if inList {
        out += "\n"
        inList = false
      }
      switch block {
      case .title(let text): out += "# \(escape(text))\n\n"
      case .subtitle(let text): out += "**\(escape(text))**\n\n"
      case .section(let text): out += "## \(escape(text))\n\n"
      case .subsection(let text): out += "### \(escape(text))\n\n"
      case .paragraph(let spans): out += spansText(spans) + "\n\n"
      case .item(let marker, let spans):
        inList = true
        // Letters are not Markdown list markers: keep them as text under a dash.
        out += marker == "-" ? "- " + spansText(spans) + "\n" : "- \(marker) " + spansText(spans) + "\n"
      }
    }
    out += "\n" + (header.language == .vi ? "**Nơi nhận:**" : "**Recipients:**") + "\n\n"
    for line in document.recipients { out += escape(line) + "  \n" }
    out += "\n**\(document.signature.title)**  \n*\(document.signature.note)*\n"
    // Names and values come from data: no control character of theirs reaches a terminal.
    return Array(out.escapingControlCharacters(keepingLineBreaks: true).utf8)
  }

  private func spansText(_ spans: [PlanDocument.Span]) -> String {
    spans.map { span in
      let text = escape(span.text)
      let marker = span.bold ? "**" : span.italic ? "*" : ""
      // Emphasis cannot open or close next to a space in CommonMark: keep the spaces outside it.
      let core = text.trimmingCharacters(in: " ")
      guard !marker.isEmpty, !core.isEmpty else { return text }
      let leading = String(text.prefix { $0 == " " })
      let trailing = String(text.reversed().prefix { $0 == " " })
      return leading + marker + core + marker + trailing
    }.joined()
  }

  /// Data must not become Markdown: the characters that start emphasis, links, HTML or headings are
  /// escaped with a backslash.
  private func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      if "\\`*_[]<>#|".contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var copy = Substring(self)
    while let first = copy.first, set.contains(first) { copy.removeFirst() }
    while let last = copy.last, set.contains(last) { copy.removeLast() }
    return String(copy)
  }
}
