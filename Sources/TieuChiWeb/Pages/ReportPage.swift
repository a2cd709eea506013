/// A page made of the library's HTML report with the application's navigation and a toolbar put in
/// front of it: the report stays exactly the document the library writes (its own style sheet, no
/// script), so the page satisfies the same Content-Security-Policy.
enum ReportPage {
  /// `report` with `toolbar` inserted at the start of its body, `after` at its end, and their style in its
  /// head.
  static func splice(report: [UInt8], toolbar: [UInt8], after: [UInt8] = []) -> [UInt8] {
    guard let head = find(Array("</head>".utf8), in: report), let body = find(Array("<body>".utf8), in: report),
      head < body
    else { return toolbar + report }
    let bodyEnd = body + "<body>".utf8.count
    var out: [UInt8] = []
    out.reserveCapacity(report.count + toolbar.count + 2048)
    out += report[..<head]
    out += Array(style.utf8)
    out += report[head..<bodyEnd]
    out += toolbar
    if let end = find(Array("</body>".utf8), in: report), end >= bodyEnd {
      out += report[bodyEnd..<end]
      out += after
      out += report[end...]
    } else {
      out += report[bodyEnd...]
      out += after
    }
    return out
  }

  private static let style = """
    <style>
    nav.top{display:flex;gap:1em;align-items:center;padding:.6em 1em;background:#0b4f6c;color:#fff;flex-wrap:wrap;
    font-family:sans-serif}nav.top a{color:#fff}nav.top .brand{font-weight:bold}nav.top .user{margin-left:auto}
    form.inline{display:inline}
    .toolbar{background:#eef4f7;border-bottom:1px solid #9bb;padding:.6em 1em;font-family:sans-serif}
    .toolbar .error,.field-error{color:#a00000}.field-error{display:block}
    form.assess{font-family:sans-serif;padding:1em}form.assess label{display:block;margin:.4em 0 .1em}
    @media print{nav.top,.toolbar{display:none}}
    </style>
    """

  private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for index in 0...(haystack.count - needle.count)
    where haystack[index] == needle[0] && haystack[index..<index + needle.count].elementsEqual(needle) {
      return index
    }
    return nil
  }
}
