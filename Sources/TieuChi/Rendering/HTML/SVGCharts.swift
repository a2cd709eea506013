/// Charts drawn as inline SVG by the project: no script, no external file, printable.
///
/// Positions are computed from exact values and written in tenths of a pixel; drawing is not a
/// decision, and the verdict shown by a colour is always also written as text. Each chart has a title
/// and a text alternative (`<title>`, `<desc>`) for screen readers and for when it does not render.
struct SVGCharts {
  /// One bar: a label, a share between 0 and 1, the text printed beside the bar.
  struct Bar {
    var label: String
    var share: Rational
    var text: String
  }

  /// One commune's value against a threshold.
  struct Point {
    var label: String
    /// The value in the indicator's unit (99,5 for 99,5 %).
    var value: Rational
    var passes: Bool
    var text: String
  }

  static let width = 720
  static let labelWidth = 200
  static let rowHeight = 22

  /// Horizontal bars of shares (pass rates), 0–100 %.
  static func shares(_ bars: [Bar], title: String, description: String, into html: inout HTMLWriter) {
    let height = bars.count * rowHeight + 10
    let plot = width - labelWidth - 140
    html.element("figure", ["class": "chart"]) { html in
      html.element("svg", svgAttributes(height: height, title: title)) { html in
        html.element("title", text: title)
        html.element("desc", text: description)
        for (row, bar) in bars.enumerated() {
          let y = row * rowHeight + 5
          let length = tenths(bar.share, of: plot)
          html.element(
            "text", ["x": "\(labelWidth - 6)", "y": "\(y + 15)", "class": "label", "text-anchor": "end"],
            text: bar.label)
          html.void(
            "rect", ["x": "\(labelWidth)", "y": "\(y + 3)", "width": "\(plot)", "height": "14", "class": "track"],
            svg: true)
          html.void(
            "rect", ["x": "\(labelWidth)", "y": "\(y + 3)", "width": decimal(length), "height": "14", "class": "bar"],
            svg: true)
          html.element("text", ["x": "\(labelWidth + plot + 6)", "y": "\(y + 15)", "class": "value"], text: bar.text)
        }
      }
      html.element("figcaption", text: title)
    }
  }

  /// Each commune's value as a bar, lowest first, with the threshold as a line: who is just short.
  /// The axis spans the values and the threshold with a margin, not from zero, so that 99,3 % and
  /// 99,6 % do not look alike; its two ends are labelled.
  static func threshold(
    _ points: [Point], threshold: Rational, thresholdText: String, axisText: (Rational) -> String, title: String,
    description: String, into html: inout HTMLWriter
  ) {
    let sorted = points.sorted { $0.value < $1.value }
    let height = sorted.count * rowHeight + 34
    let plot = width - labelWidth - 110
    let low = min(sorted.first?.value ?? threshold, threshold)
    let high = max(sorted.last?.value ?? threshold, threshold)
    let span = high > low ? (high.subtracting(low) ?? .one) : .one
    let margin = span.divided(by: Rational(10)) ?? .zero
    let start = max(.zero, low.subtracting(margin) ?? low)
    let end = high.adding(margin.divided(by: Rational(2)) ?? .zero) ?? high
    let width = end > start ? (end.subtracting(start) ?? .one) : .one
    let position = { (value: Rational) -> Int in
      tenths(value.subtracting(start)?.divided(by: width) ?? .zero, of: plot)
    }
    let baseline = height - 30
    html.element("figure", ["class": "chart"]) { html in
      html.element("svg", svgAttributes(height: height, title: title)) { html in
        html.element("title", text: title)
        html.element("desc", text: description)
        for (row, point) in sorted.enumerated() {
          let y = row * rowHeight + 5
          html.element(
            "text", ["x": "\(labelWidth - 6)", "y": "\(y + 15)", "class": "label", "text-anchor": "end"],
            text: point.label)
          html.void(
            "rect",
            [
              "x": "\(labelWidth)", "y": "\(y + 3)", "width": decimal(max(10, position(point.value))), "height": "14",
              "class": point.passes ? "bar pass" : "bar fail",
            ], svg: true)
          html.element("text", ["x": "\(labelWidth + plot + 6)", "y": "\(y + 15)", "class": "value"], text: point.text)
        }
        html.void(
          "line",
          [
            "x1": "\(labelWidth)", "x2": "\(labelWidth + plot)", "y1": "\(baseline)", "y2": "\(baseline)",
            "class": "axis",
          ],
          svg: true)
        html.element("text", ["x": "\(labelWidth)", "y": "\(baseline + 13)", "class": "value"], text: axisText(start))
        html.element(
          "text", ["x": "\(labelWidth + plot)", "y": "\(baseline + 13)", "class": "value", "text-anchor": "end"],
          text: axisText(end))
        let x = decimal(labelWidth * 10 + position(threshold))
        html.void("line", ["x1": x, "x2": x, "y1": "0", "y2": "\(baseline)", "class": "threshold"], svg: true)
        html.element(
          "text", ["x": x, "y": "\(baseline + 26)", "class": "threshold-label", "text-anchor": "middle"],
          text: thresholdText)
      }
      html.element("figcaption", text: title)
    }
  }

  private static func svgAttributes(height: Int, title: String) -> KeyValuePairs<StaticString, String?> {
    [
      "viewBox": "0 0 \(width) \(height)", "width": "100%", "role": "img", "aria-label": title,
      "xmlns": "http://www.w3.org/2000/svg",
    ]
  }

  /// `share × length` in tenths of a pixel, rounded down; shares are clamped to [0, 1].
  private static func tenths(_ share: Rational, of length: Int) -> Int {
    let clamped = min(max(share, .zero), .one)
    guard let scaled = clamped.multiplied(by: Rational(length * 10)) else { return 0 }
    return Int(scaled.floor)
  }

  /// Tenths of a pixel as a decimal: 1234 → "123.4".
  private static func decimal(_ tenths: Int) -> String {
    "\(tenths / 10).\(tenths % 10)"
  }
}
