import Foundation
import Hummingbird
import Logging
import NIOCore
import TieuChi

extension WebApp {
  func addRoundRoutes(to router: Router<WebRequestContext>) {
    router.get("/") { _, context in try home(context: context) }
    router.get("/rounds/new") { _, context in try uploadPage(context: context, message: nil) }
    router.get(RouterPath(UploadScript.path)) { _, _ in UploadScript.response() }
    router.post("/rounds") { _, context in try await upload(context: context) }
    router.get("/rounds/:id") { _, context in try await roundPage(context: context) }
    router.get("/rounds/:id/download/:format") { _, context in try await download(context: context) }
  }

  /// The rounds `user` may see, newest first.
  func visibleRounds(_ user: User) throws -> [Round] {
    try storage.rounds().filter { canSee($0, user: user) }
  }

  /// The round named in the path, if `login` may see it; a round of another unit is answered exactly like
  /// one that does not exist.
  private func requestedRound(_ context: WebRequestContext) throws -> Round {
    let login = try context.requireLogin()
    guard let id = context.parameters.get("id", as: Int64.self), let round = try storage.round(id: id),
      canSee(round, user: login.user)
    else {
      throw HTTPError(.notFound, message: context.language.t("Không có đợt này.", "No such round."))
    }
    return round
  }

  // MARK: Home: the units and their rounds

  /// The newest rounds of each unit on the home page; the unit's history page lists them all, so the home
  /// page stays the same size however many years of rounds a province keeps.
  static let roundsPerUnitOnHome = 20

  private func home(context: WebRequestContext) throws -> Response {
    let login = try context.requireLogin()
    let language = context.language
    let rounds = try visibleRounds(login.user)
    var units = login.user.units
    if login.user.role == .admin {
      units = Array(Set(rounds.flatMap { $0.units.map { $0.district ?? $0.province ?? "" } })).filter { !$0.isEmpty }
        .sorted()
    }
    return Layout.page(title: language.t("Các đợt đánh giá", "Evaluation rounds"), context: context) { html in
      html.element("p") { html in
        html.text(language.t("Đơn vị: ", "Units: "))
        html.text(
          login.user.role == .admin
            ? language.t("quản trị (mọi đơn vị)", "administrator (every unit)") : units.joined(separator: "; "))
        html.text(" · ")
        html.element("a", ["href": "/rounds/new"], text: language.t("Tải lên một đợt mới", "Upload a new round"))
      }
      for unit in units {
        let ofUnit = Self.rounds(rounds, of: unit)
        html.element("h2", text: unit)
        if !ofUnit.isEmpty {
          html.element("p") { html in
            html.element(
              "a", ["href": "/history?unit=" + Layout.queryValue(unit), "class": "history"],
              text: language.t("Lịch sử, biểu đồ và so sánh các đợt", "History, chart and comparison of the rounds"))
          }
        }
        roundTable(Array(ofUnit.prefix(Self.roundsPerUnitOnHome)), language: language, into: &html)
        if ofUnit.count > Self.roundsPerUnitOnHome {
          html.element("p", ["class": "muted"]) { html in
            html.text(
              language.t(
                "\(ofUnit.count - Self.roundsPerUnitOnHome) đợt cũ hơn: ",
                "\(ofUnit.count - Self.roundsPerUnitOnHome) older rounds: "))
            html.element(
              "a", ["href": "/history?unit=" + Layout.queryValue(unit)],
              text: language.t("xem tất cả trong Lịch sử", "see them all in the History"))
          }
        }
      }
      let placed = Set(
        rounds.filter { round in
          round.units.contains { units.contains($0.district ?? "") || units.contains($0.province ?? "") }
        }
        .map(\.id))
      let others = rounds.filter { !placed.contains($0.id) }
      if !others.isEmpty {
        html.element("h2", text: language.t("Đợt chưa xác định đơn vị", "Rounds without a known unit"))
        roundTable(Array(others.prefix(Self.roundsPerUnitOnHome)), language: language, into: &html)
        if others.count > Self.roundsPerUnitOnHome {
          html.element(
            "p", ["class": "muted"],
            text: language.t(
              "và \(others.count - Self.roundsPerUnitOnHome) đợt cũ hơn (mở bằng số đợt: /rounds/…)",
              "and \(others.count - Self.roundsPerUnitOnHome) older rounds (open them by number: /rounds/…)"))
        }
      }
    }
  }

  func roundTable(_ rounds: [Round], language: UILanguage, into html: inout HTML) {
    guard !rounds.isEmpty else {
      html.element("p", ["class": "muted"], text: language.t("Chưa có đợt nào.", "No round yet."))
      return
    }
    html.element("table", ["class": "rounds"]) { html in
      html.element("tr") { html in
        for header in [
          language.t("Đợt", "Round"), language.t("Ngày", "Date"), language.t("Bộ tiêu chí", "Criteria set"),
          language.t("Năm", "Year"), language.t("Người tải", "Uploaded by"), language.t("Số xã", "Communes"),
          language.t("Đạt", "Pass"), language.t("Tỷ lệ đạt", "Pass rate"),
        ] {
          html.element("th", text: header)
        }
      }
      for round in rounds {
        html.element("tr") { html in
          html.element("td") { html in html.element("a", ["href": "/rounds/\(round.id)"], text: "#\(round.id)") }
          html.element("td", text: Layout.date(round.createdAt))
          html.element("td", text: round.criteriaName)
          html.element("td", text: round.year.map(String.init) ?? "")
          html.element("td", text: round.userName)
          if let counts = round.counts {
            html.element("td", ["class": "num"], text: "\(counts.communes)")
            html.element("td", ["class": "num"], text: "\(counts.pass)")
            html.element("td", ["class": "num"], text: Self.percent(counts.pass, of: counts.communes, language))
          } else {
            html.element(
              "td", ["colspan": "3", "class": "error"], text: language.t("chưa đánh giá được", "not evaluated"))
          }
        }
      }
    }
  }

  static func percent(_ part: Int, of whole: Int, _ language: UILanguage) -> String {
    guard whole > 0 else { return "–" }
    let tenths = (part * 1000 + whole / 2) / whole
    let text = "\(tenths / 10)" + (language == .vi ? "," : ".") + "\(tenths % 10)"
    return text + " %"
  }

  // MARK: Upload

  func uploadPage(context: WebRequestContext, message: String?, status: HTTPResponse.Status = .ok) throws -> Response {
    let login = try context.requireLogin()
    let language = context.language
    let sets = try library.sets()
    let previous = try visibleRounds(login.user).filter { $0.state == .evaluated }
    return Layout.page(title: language.t("Tải lên một đợt", "Upload a round"), context: context, status: status) {
      html in
      if let message { html.element("p", ["class": "error", "role": "alert"], text: message) }
      html.element("form", ["method": "post", "action": "/rounds", "enctype": "multipart/form-data"]) { html in
        Layout.csrfField(context, into: &html)
        html.element("label", ["for": "criteria"], text: language.t("Bộ tiêu chí", "Criteria set"))
        html.element("select", ["id": "criteria", "name": "criteria"]) { html in
          for (file, set) in sets {
            html.element("option", ["value": file.name], text: "\(set.title[language.library]) (\(file.name))")
          }
        }
        html.element(
          "label", ["for": "year"],
          text: language.t(
            "Năm đánh giá (để trống: năm của từng bản ghi)",
            "Evaluation year (empty: each record's own year)"))
        html.void(
          "input", ["type": "text", "id": "year", "name": "year", "inputmode": "numeric", "pattern": "[0-9]{4}"])
        html.element("label", ["for": "group_by"], text: language.t("Nhóm theo trường", "Group by field"))
        html.element("select", ["id": "group_by", "name": "group_by"]) { html in
          html.element(
            "option", ["value": ""],
            text: language.t(
              "tự động (huyện, nếu có; nếu không: tỉnh)",
              "automatic (district if any, else province)"))
          html.element("option", ["value": "district"], text: language.t("huyện (district)", "district"))
          html.element("option", ["value": "province"], text: language.t("tỉnh (province)", "province"))
        }
        html.element(
          "label", ["for": "baseline"],
          text: language.t(
            "Đợt trước để so sánh (tùy chọn)",
            "Previous round to compare with (optional)"))
        html.element("select", ["id": "baseline", "name": "baseline"]) { html in
          html.element("option", ["value": ""], text: language.t("không so sánh", "no comparison"))
          for round in previous {
            html.element(
              "option", ["value": "\(round.id)"],
              text:
                "#\(round.id) — \(Layout.date(round.createdAt)) — \(round.criteriaName) — "
                + round.fileNames.joined(separator: ", ")
            )
          }
        }
        // The drop zone: the upload script makes files dropped anywhere in it the input's files.
        html.element("div", ["class": "drop", "id": "drop"]) { html in
          html.element(
            "label", ["for": "files"],
            text: language.t(
              "Tệp số liệu (XLSX, CSV, JSON, YAML; chọn được nhiều tệp, tối đa \(configuration.maxFilesPerUpload))",
              "Data files (XLSX, CSV, JSON, YAML; several allowed, at most \(configuration.maxFilesPerUpload))"))
          html.element(
            "p", ["class": "hint"],
            text: language.t(
              "Kéo các tệp từ thư mục thả vào khung này, hoặc bấm nút để chọn.",
              "Drag the files from a folder into this box, or press the button to choose them."))
          html.void(
            "input",
            [
              "type": "file", "id": "files", "name": "files", "multiple": "", "required": "",
              "accept": ".yaml,.yml,.json,.csv,.xlsx",
            ])
          html.element("ul", ["id": "chosen", "aria-live": "polite"]) { _ in }
        }
        html.element("script", ["src": UploadScript.path, "defer": ""]) { _ in }
        html.element("p") { html in
          html.element("button", ["type": "submit"], text: language.t("Tải lên và đánh giá", "Upload and evaluate"))
        }
      }
    }
  }

  private func upload(context: WebRequestContext) async throws -> Response {
    let login = try context.requireLogin()
    let language = context.language
    let fields = context.fields
    let files = context.files.filter { $0.field == "files" }
    guard !files.isEmpty else {
      return try uploadPage(
        context: context, message: language.t("Hãy chọn ít nhất một tệp.", "Choose at least one file."),
        status: .badRequest)
    }
    guard files.count <= configuration.maxFilesPerUpload else {
      return try uploadPage(
        context: context,
        message: language.t(
          "Nhiều nhất \(configuration.maxFilesPerUpload) tệp mỗi lần.",
          "At most \(configuration.maxFilesPerUpload) files at a time."), status: .badRequest)
    }
    guard let name = fields["criteria"], let criteria = try storage.criteriaSet(named: name) else {
      return try uploadPage(
        context: context, message: language.t("Hãy chọn bộ tiêu chí.", "Choose a criteria set."),
        status: .badRequest)
    }
    var year: Int?
    if let text = fields["year"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
      guard let value = Int(text), (1900...2200).contains(value) else {
        return try uploadPage(
          context: context, message: language.t("Năm không hợp lệ.", "Invalid year."),
          status: .badRequest)
      }
      year = value
    }
    let groupBy = fields["group_by"].flatMap { $0.isEmpty ? nil : $0 }
    var baseline: Int64?
    if let text = fields["baseline"], !text.isEmpty {
      guard let id = Int64(text), let round = try storage.round(id: id), canSee(round, user: login.user) else {
        return try uploadPage(
          context: context, message: language.t("Không có đợt trước này.", "No such previous round."),
          status: .badRequest)
      }
      baseline = id
    }
    let uploads = files.map { UploadedFile(name: Self.displayName($0.filename), bytes: $0.bytes) }
    let round = try storage.createRound(
      NewRound(
        userID: login.user.id, criteriaHash: criteria.hash, criteriaName: criteria.name, year: year, groupBy: groupBy,
        asOf: today().description, baselineRoundID: baseline, createdAt: Date()),
      files: uploads)
    logger.info(
      "round stored",
      metadata: [
        "round": "\(round.id)", "user": "\(login.user.name)", "files": "\(uploads.count)",
        "bytes": "\(uploads.reduce(0) { $0 + $1.bytes.count })",
      ])
    try await evaluateAndRecord(round, language: language)
    return Layout.redirect("/rounds/\(round.id)")
  }

  /// Evaluates a stored round and records the outcome (the result, or why there is none).
  private func evaluateAndRecord(_ round: Round, language interface: UILanguage) async throws {
    let evaluator = RoundEvaluator(storage: storage, library: library, cache: results)
    let language = interface.library
    let evaluated: RoundOutcome? = await limiter.run(limit: configuration.evaluationTimeLimit) { signal in
      let evaluation = evaluator.evaluate(round, language: language, signal: signal)
      guard let result = evaluation.result else { return .failed(evaluation.failure ?? "?") }
      do throws(RenderFailure) {
        let json = try Download.json.render(result, options: .init(language: language))
        return RoundEvaluator.outcome(result, json: json)
      } catch {
        return .failed(error.message[language])
      }
    }
    // Over the time limit the upload is kept, as failed with the reason; nothing is lost.
    let outcome = evaluated ?? .failed(tooLong(interface))
    try storage.recordResult(round: round.id, outcome: outcome)
    if case .failed(let why) = outcome {
      logger.warning("round not evaluated", metadata: ["round": "\(round.id)", "why": "\(why)"])
    }
  }

  /// The name to show for an uploaded file: its last path component, without control characters, at most
  /// 200 characters. Never used as a path.
  static func displayName(_ filename: String) -> String {
    let last = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
    let clean = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
    return clean.isEmpty ? "upload" : String(clean.prefix(200))
  }

  // MARK: Result

  private func roundPage(context: WebRequestContext) async throws -> Response {
    let round = try requestedRound(context)
    let language = context.language
    let evaluator = RoundEvaluator(storage: storage, library: library, cache: results)
    let evaluation: RoundEvaluator.Evaluation
    if let cached = evaluator.cached(round) {
      evaluation = cached
    } else {
      evaluation = try await limited(context) { signal in
        evaluator.evaluate(round, language: language.library, signal: signal)
      }
    }
    var toolbar = HTML()
    Layout.navigation(context: context, into: &toolbar)
    toolbar.element("div", ["class": "toolbar"]) { html in
      html.element("h1", text: language.t("Đợt #\(round.id)", "Round #\(round.id)"))
      html.element("p") { html in
        html.text(
          "\(round.criteriaName) · \(Layout.date(round.createdAt)) · \(round.userName) · "
            + language.t("tệp: ", "files: ") + round.fileNames.joined(separator: ", "))
        if let baseline = round.baselineRoundID {
          html.text(" · ")
          html.element(
            "a", ["href": "/rounds/\(baseline)"],
            text: language.t("so với đợt #\(baseline)", "compared with round #\(baseline)"))
        }
      }
      if !evaluation.unreadFiles.isEmpty {
        html.element(
          "p", ["class": "error"],
          text: language.t(
            "Chưa đọc được (chỉ đọc tệp .xlsx, .csv, .json, .yaml): ",
            "Not read (only .xlsx, .csv, .json and .yaml files are read): ")
            + evaluation.unreadFiles.joined(separator: ", "))
      }
      guard let result = evaluation.result else {
        html.element(
          "p", ["class": "error", "role": "alert"], text: language.t("Chưa đánh giá được: ", "Not evaluated: "))
        html.element("pre", text: evaluation.failure ?? round.failure ?? "")
        return
      }
      let pass = result.summary.communes[.pass] ?? 0
      html.element("p", ["class": "counts", "data-pass": "\(pass)", "data-communes": "\(result.communes.count)"]) {
        html in
        html.element(
          "strong",
          text: language.t(
            "Đạt: \(pass)/\(result.communes.count) xã", "Pass: \(pass) of \(result.communes.count) communes"))
        html.text(
          language.t(
            " · không đạt: \(result.summary.communes[.fail] ?? 0) · chưa đủ dữ liệu: "
              + "\(result.summary.communes[.incomplete] ?? 0)",
            " · fail: \(result.summary.communes[.fail] ?? 0) · incomplete: \(result.summary.communes[.incomplete] ?? 0)"
          ))
      }
      html.element("p") { html in
        html.text(language.t("Tải về: ", "Download: "))
        for (index, download) in Download.allCases.enumerated() {
          if index > 0 { html.text(" · ") }
          html.element(
            "a", ["href": "/rounds/\(round.id)/download/\(download.rawValue)"], text: download.label(language))
        }
      }
      let problems = result.batch.diagnostics
      if !problems.isEmpty {
        html.element("details", ["open": problems.count <= 20 ? "" : nil]) { html in
          html.element(
            "summary", text: language.t("Lỗi dữ liệu (\(problems.count))", "Data problems (\(problems.count))"))
          html.element("ul", ["class": "problems"]) { html in
            for problem in problems.prefix(500) {
              html.element("li") { html in
                html.element("code", text: problem.location?.description ?? "")
                html.text(" " + problem.message[language.library])
              }
            }
          }
        }
      }
    }
    guard let result = evaluation.result else {
      return Layout.page(title: language.t("Đợt #\(round.id)", "Round #\(round.id)"), context: context) { html in
        html.element("pre", text: evaluation.failure ?? round.failure ?? "")
      }
    }
    let report = try Download.html.render(result, options: reportOptions(round, language: language))
    return Layout.response(ReportPage.splice(report: report, toolbar: toolbar.bytes))
  }

  func reportOptions(_ round: Round, language: UILanguage) -> ReportOptions {
    ReportOptions(language: language.library, date: CalendarDate(round.asOf))
  }

  private func download(context: WebRequestContext) async throws -> Response {
    let round = try requestedRound(context)
    guard let format = context.parameters.get("format").flatMap(Download.init(rawValue:)) else {
      throw HTTPError(.notFound)
    }
    let options = reportOptions(round, language: context.language)
    let evaluator = RoundEvaluator(storage: storage, library: library, cache: results)
    let language = context.language.library
    let rendered: Result<[UInt8], RenderFailure>? = try await limited(context) {
      guard let result = evaluator.evaluate(round, language: language).result else { return nil }
      do throws(RenderFailure) {
        return .success(try format.render(result, options: options))
      } catch {
        return .failure(error)
      }
    }
    switch rendered {
    case nil:
      throw HTTPError(
        .conflict, message: context.language.t("Đợt này chưa đánh giá được.", "This round was not evaluated."))
    case .failure(let failure)?:
      throw HTTPError(.unprocessableContent, message: failure.message[language])
    case .success(let bytes)?:
      var headers = HTTPFields()
      headers[.contentType] = format.contentType
      headers[.contentDisposition] = "attachment; filename=\"\(format.fileName(round: round.id))\""
      headers[.cacheControl] = "private, no-store"
      return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
  }
}
