import Foundation
import HTTPTypes
public import Hummingbird
public import Logging
import TieuChi

/// The web application: its storage, accounts, criteria library and evaluation limiter, and the router
/// that serves the pages.
public struct WebApp: Sendable {
  public let configuration: WebConfiguration
  public let storage: any Storage
  let accounts: Accounts
  let library: CriteriaLibrary
  let throttle: LoginThrottle
  let limiter: EvaluationLimiter
  /// The latest evaluations of stored rounds (a round never changes, so its result can be reused).
  let results = ResultCache(capacity: 16)
  let logger: Logger
  /// The day a new round's waivers are checked against (today, Vietnam time; fixed in tests).
  let today: @Sendable () -> CalendarDate

  /// The application over `storage`; seeds the criteria library from the configured folder and, with no
  /// account yet, creates `admin` and logs its one-time password.
  public init(
    configuration: WebConfiguration, storage: any Storage, logger: Logger,
    today: @escaping @Sendable () -> CalendarDate = { CalendarDate.today }
  ) throws {
    self.configuration = configuration
    self.storage = storage
    self.logger = logger
    self.today = today
    accounts = Accounts(storage: storage, configuration: configuration)
    library = CriteriaLibrary(storage: storage)
    throttle = LoginThrottle(limit: configuration.maxLoginFailures, window: configuration.loginWindow)
    limiter = EvaluationLimiter(limit: configuration.maxConcurrentEvaluations)
    try library.seed(from: configuration.criteriaDirectory, now: Date(), logger: logger)
    if let password = try accounts.createFirstAdminIfNeeded() {
      logger.notice(
        "created the first account: sign in as admin with this one-time password and keep it safe",
        metadata: ["user": "admin", "password": "\(password)"])
    }
    try storage.deleteSessions(expiredBefore: Date())
  }

  /// A new random password (16 letters and digits without look-alikes) for an account.
  public static func randomPassword() -> String {
    Accounts.randomPassword()
  }

  /// Creates an account (for `tieuchi-web create-user`).
  public func createUser(name: String, password: String, role: Role, units: [String]) throws {
    _ = try accounts.create(name: name, password: password, role: role, units: units)
  }

  /// The router with every page.
  public func router() -> Router<WebRequestContext> {
    // HEAD answers what GET would, without the body (monitors, link checkers).
    let router = Router(context: WebRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: WebMiddleware(app: self))
    router.get("/health") { _, _ in
      // Healthy when the database answers: what a monitor or a load balancer needs to know.
      let healthy = (try? storage.userCount()) != nil
      var headers = HTTPFields()
      headers[.contentType] = "application/json"
      let body = healthy ? #"{"status":"ok"}"# : #"{"status":"database unavailable"}"#
      return Response(
        status: healthy ? .ok : .serviceUnavailable, headers: headers,
        body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
    addAuthRoutes(to: router)
    addRoundRoutes(to: router)
    addHistoryRoutes(to: router)
    addAdminRoutes(to: router)
    addCriteriaRoutes(to: router)
    addAssessmentRoutes(to: router)
    return router
  }

  /// The application serving `router()` on the configured address, shut down gracefully on SIGTERM/SIGINT.
  public func application() -> some ApplicationProtocol {
    Application(
      router: router(),
      configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "tieuchi-web"),
      logger: logger)
  }

  /// `work` (an evaluation, a rendering) through the limiter within the configured time limit; over it, the
  /// request is answered 503 with a message saying so.
  func limited<T: Sendable>(_ context: WebRequestContext, _ work: @escaping @Sendable () -> T) async throws -> T {
    try await limited(context) { _ in work() }
  }

  /// `limited(_:_:)` for work that stops early once its signal turns true (the limit passed).
  func limited<T: Sendable>(
    _ context: WebRequestContext, _ work: @escaping @Sendable (StopSignal) -> T
  ) async throws -> T {
    guard let value = await limiter.run(limit: configuration.evaluationTimeLimit, work) else {
      logger.warning("evaluation over the time limit", metadata: ["seconds": "\(configuration.evaluationTimeLimit)"])
      throw HTTPError(.serviceUnavailable, message: tooLong(context.language))
    }
    return value
  }

  /// What a user reads when an evaluation takes longer than allowed.
  func tooLong(_ language: UILanguage) -> String {
    let seconds = Int(configuration.evaluationTimeLimit)
    return language.t(
      "Việc đánh giá lâu quá \(seconds) giây nên đã dừng chờ. Hãy chia số liệu thành các tệp nhỏ hơn hoặc thử lại sau.",
      "The evaluation took longer than \(seconds) seconds, so it was not waited for. Split the data into smaller "
        + "files or try again later.")
  }

  /// Whether `user` may see `round`: an admin always; the uploader; a unit user when every commune of the
  /// round lies in one of its units (by district or province).
  func canSee(_ round: Round, user: User) -> Bool {
    if user.role == .admin || round.userID == user.id { return true }
    guard !round.units.isEmpty else { return false }
    return round.units.allSatisfy { unit in
      unit.district.map(user.units.contains) == true || unit.province.map(user.units.contains) == true
    }
  }

  /// The client's address for the login throttle.
  func clientAddress(_ request: Request, _ context: WebRequestContext) -> String {
    if configuration.trustProxy, let forwarded = request.headers[HTTPField.Name("X-Real-IP")!] { return forwarded }
    return context.peerAddress ?? "unknown"
  }
}
