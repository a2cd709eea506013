/// How the web application runs: where it keeps its data, where it listens, its limits.
public struct WebConfiguration: Sendable {
  /// The folder of the SQLite database.
  public var dataDirectory: String = "./tieuchi-data"
  public var host: String = "127.0.0.1"
  public var port: Int = 8080
  /// The folder whose criteria files (`*.yaml`) are added to the library at start.
  public var criteriaDirectory: String = "Criteria"
  /// Whether session cookies carry `Secure` (off only for plain-http tests on loopback).
  public var secureCookies: Bool = true
  /// Whether to take the client's address from `X-Real-IP` (only behind a reverse proxy that sets it).
  public var trustProxy: Bool = false
  /// The largest request body accepted, in bytes (uploads included).
  public var maxRequestBytes: Int = 50 * 1024 * 1024
  /// The most files one upload may hold.
  public var maxFilesPerUpload: Int = 50
  /// The most evaluations run at the same time; more wait their turn.
  public var maxConcurrentEvaluations: Int = 2
  /// The longest one evaluation may take, in seconds, before the request is answered with a refusal (the
  /// evaluation itself cannot be interrupted: it ends in the background, keeping its slot).
  public var evaluationTimeLimit: Double = 300
  /// The bcrypt cost of new password hashes (12 in production; tests use 4).
  public var bcryptCost: UInt8 = 12
  /// How long a login lasts, in seconds.
  public var sessionLifetime: Double = 12 * 3600
  /// Failed logins allowed per user and per address within `loginWindow` seconds before refusing.
  public var maxLoginFailures: Int = 5
  public var loginWindow: Double = 15 * 60

  /// The defaults: `./tieuchi-data`, 127.0.0.1:8080, `Criteria`, 50 MB, secure cookies.
  public init() {}
}
