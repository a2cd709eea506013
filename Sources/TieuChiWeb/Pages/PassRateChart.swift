import TieuChi

/// The pass rate of a unit's rounds over time, as inline SVG: no script, no external file, so the page keeps
/// its Content-Security-Policy, and it prints. (The library's charts are internal to its HTML report.)
struct PassRateChart {
  /// One round on the chart.
  struct Point {
    var roundID: Int64
    /// What the axis says under the point (the round's date).
    var label: String
    var pass: Int
    var communes: Int
  }

  let points: [Point]
  let language: UILanguage

  static let width = 640
  static let height = 220
  private static let left = 44
  private static let right = 16
  private static let top = 16
  private static let bottom = 44

  /// The chart; the rates are written beside the points as well, so the colour and the shape never carry
  /// the meaning alone, and the table under the chart has every figure.
  func render(into html: inout HTML) {
    let plotWidth = Self.width - Self.left - Self.right
    let plotHeight = Self.height - Self.top - Self.bottom
    let description =
      language.t(
        "Tỷ lệ xã đạt qua các đợt: ", "Share of communes passing over the rounds: ")
      + points.map { "#\($0.roundID) \(WebApp.percent($0.pass, of: $0.communes, language))" }.joined(separator: ", ")
    html.element(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg", "class": "chart", "width": "\(Self.width)",
        "height": "\(Self.height)", "viewBox": "0 0 \(Self.width) \(Self.height)", "role": "img",
        "aria-label": description,
      ]
    ) { html in
      html.element("title", text: description)
      for tick in stride(from: 0, through: 100, by: 25) {
        let y = Self.top + plotHeight - plotHeight * tick / 100
        // In SVG inside HTML an element without "/>" is not void: it is closed explicitly.
        html.element(
          "line",
          [
            "x1": "\(Self.left)", "x2": "\(Self.width - Self.right)", "y1": "\(y)", "y2": "\(y)",
            "stroke": tick == 0 ? "#555" : "#ddd", "stroke-width": "1",
          ], text: "")
        html.element(
          "text",
          ["x": "\(Self.left - 6)", "y": "\(y + 4)", "text-anchor": "end", "font-size": "11", "fill": "#333"],
          text: "\(tick) %")
      }
      let coordinates = points.enumerated().map { index, point -> (x: Int, y: Int) in
        let x =
          points.count == 1
          ? Self.left + plotWidth / 2 : Self.left + 10 + (plotWidth - 20) * index / (points.count - 1)
        let permille = point.communes > 0 ? point.pass * 1000 / point.communes : 0
        return (x, Self.top + plotHeight - plotHeight * permille / 1000)
      }
      if coordinates.count > 1 {
        html.element(
          "polyline",
          [
            "points": coordinates.map { "\($0.x),\($0.y)" }.joined(separator: " "), "fill": "none",
            "stroke": "#0b4f6c", "stroke-width": "2",
          ], text: "")
      }
      for (point, at) in zip(points, coordinates) {
        let rate = WebApp.percent(point.pass, of: point.communes, language)
        html.element("circle", ["cx": "\(at.x)", "cy": "\(at.y)", "r": "4", "fill": "#0b4f6c"]) { html in
          html.element("title", text: "#\(point.roundID): \(point.pass)/\(point.communes) — \(rate)")
        }
        html.element(
          "text",
          ["x": "\(at.x)", "y": "\(max(at.y - 8, 11))", "text-anchor": "middle", "font-size": "11", "fill": "#111"],
          text: rate)
        html.element(
          "text",
          [
            "x": "\(at.x)", "y": "\(Self.height - Self.bottom + 16)", "text-anchor": "middle", "font-size": "11",
            "fill": "#333",
          ], text: "#\(point.roundID)")
        html.element(
          "text",
          [
            "x": "\(at.x)", "y": "\(Self.height - Self.bottom + 30)", "text-anchor": "middle", "font-size": "10",
            "fill": "#666",
          ], text: point.label)
      }
    }
  }
}
