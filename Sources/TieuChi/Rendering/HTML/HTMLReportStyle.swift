/// The style sheet of the HTML report, inline so the file stands alone: readable on screen, printed on
/// A4 with the margins of Nghị định 30/2020/NĐ-CP (top and bottom 20 mm, left 30 mm, right 15 mm), a
/// page per commune, table headers repeated on every page and page numbers where the browser allows.
/// Every status has a symbol as well as a colour, so the report reads in black and white.
enum HTMLReportStyle {
  static let css: StaticString = """
    @page { size: A4; margin: 20mm 15mm 20mm 30mm;
      @bottom-center { content: counter(page) " / " counter(pages); font: 10pt "Times New Roman", "Liberation Serif", serif; } }
    :root { --pass: #1b7f3b; --pass-bg: #e3f4e8; --fail: #b42318; --fail-bg: #fde8e6; --unknown: #8a5a00;
      --unknown-bg: #fff4d6; --na: #555; --na-bg: #eeeeee; --waived: #1f4e9a; --waived-bg: #e5edfa; }
    * { box-sizing: border-box; }
    body { font-family: "Times New Roman", "Liberation Serif", "Tinos", serif; font-size: 13pt; line-height: 1.35;
      color: #111; margin: 0 auto; max-width: 190mm; padding: 12px; }
    h1 { font-size: 15pt; text-align: center; margin: 18px 0 2px; }
    h2 { font-size: 14pt; margin: 22px 0 8px; }
    h3 { font-size: 13pt; margin: 14px 0 6px; }
    p { margin: 4px 0; }
    .subtitle, .basis { text-align: center; margin: 0; }
    .subtitle { font-weight: bold; }
    .nd30 { display: grid; grid-template-columns: 42% 58%; text-align: center; font-size: 12pt; }
    .nd30 .issuer { font-weight: bold; text-transform: uppercase; min-height: 2.6em; }
    .nd30 .motto .name { font-weight: bold; }
    .nd30 .motto .words { font-weight: bold; font-size: 13pt; }
    .nd30 .rule { display: block; width: 40%; margin: 2px auto 0; border-top: 1px solid #111; }
    .nd30 .motto .rule { width: 62%; }
    .nd30 .number { margin-top: 6px; font-weight: normal; text-transform: none; }
    .date { text-align: right; font-style: italic; margin: 8px 0 0; }
    .warning { border: 1px solid var(--unknown); background: var(--unknown-bg); padding: 6px 10px; margin: 10px 0; }
    table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 11.5pt; }
    th, td { border: 1px solid #777; padding: 3px 5px; vertical-align: top; text-align: left; }
    th { background: #f0f0f0; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    td.num, th.num { text-align: right; white-space: nowrap; }
    td.right { text-align: right; }
    table.card { table-layout: fixed; }
    table.card col.title { width: 40%; } table.card col.actual { width: 12%; } table.card col.target { width: 15%; }
    table.card col.result { width: 12%; } table.card col.gap { width: 21%; }
    .basis-note { font-size: 9.5pt; color: #444; margin-top: 2px; }
    table.card td { overflow-wrap: anywhere; }
    table.matrix { table-layout: fixed; }
    table.matrix col.code { width: 13mm; } table.matrix col.name { width: 38mm; } table.matrix col.result { width: 26mm; }
    .status { font-weight: bold; }
    .pass { color: var(--pass); background: var(--pass-bg); }
    .fail { color: var(--fail); background: var(--fail-bg); }
    .unknown, .incomplete { color: var(--unknown); background: var(--unknown-bg); }
    .not_applicable { color: var(--na); background: var(--na-bg); }
    .waived { color: var(--waived); background: var(--waived-bg); }
    table.matrix { font-size: 10pt; }
    table.matrix td.cell { text-align: center; font-weight: bold; }
    table.matrix th.indicator { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap;
      vertical-align: bottom; font-weight: normal; }
    .legend span { display: inline-block; margin-right: 12px; padding: 0 4px; }
    .needs li { margin: 2px 0; }
    .commune { break-before: page; }
    h2.annex + .commune { break-before: avoid; }
    .commune h3 { border-bottom: 1px solid #777; padding-bottom: 2px; }
    .note { font-size: 11pt; color: #333; }
    figure.chart { margin: 8px 0 14px; break-inside: avoid; }
    figure.chart svg { display: block; max-width: 100%; height: auto; font-family: "Liberation Sans", Arial, sans-serif; }
    figure.chart figcaption { font-size: 10.5pt; font-style: italic; text-align: center; }
    svg .label, svg .value, svg .threshold-label { font-size: 11px; fill: #111; }
    svg .track { fill: #eeeeee; }
    svg .bar { fill: #4a6fa5; }
    svg .bar.pass { fill: #2f9a55; }
    svg .bar.fail { fill: #c8412f; }
    svg .threshold { stroke: #111; stroke-width: 1.5; stroke-dasharray: 4 3; }
    svg .axis { stroke: #777; stroke-width: 1; }
    .signatures { display: flex; text-align: center; margin-top: 28px; }
    .signatures > div { flex: 1; }
    .signatures .title { font-weight: bold; }
    .signatures .space { height: 80px; }
    @media print { body { max-width: none; padding: 0; } h2 { break-after: avoid; } .page { break-before: page; } }
    """
}
