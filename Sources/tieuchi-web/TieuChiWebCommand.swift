import ArgumentParser
import Foundation
import Hummingbird
import Logging
import TieuChiWeb

/// `tieuchi-web`: serve the web application, or create an account.
@main
struct TieuChiWebCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tieuchi-web",
    abstract: "The tieuchi checker in a browser: upload rounds, self-assess, reports, history, accounts.",
    subcommands: [Serve.self, CreateUser.self],
    defaultSubcommand: Serve.self)
}

/// Options every subcommand shares.
struct StorageOptions: ParsableArguments {
  @Option(help: "The folder of the SQLite database (created if needed).")
  var dataDir = "./tieuchi-data"

  @Option(help: "The folder of the criteria sets added to the library at start.")
  var criteriaDir = "Criteria"
}

struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Serve the web application (the default).")

  @OptionGroup var storage: StorageOptions

  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on.")
  var port = 8080

  @Flag(help: "Session cookies without Secure, for plain HTTP other than localhost (never in production).")
  var insecureCookies = false

  @Flag(help: "Take the client's address from X-Real-IP (only behind a reverse proxy that sets it).")
  var trustProxy = false

  @Option(help: "The largest request (uploads included), in megabytes.")
  var maxUploadMb = 50

  @Option(help: "The most files in one upload.")
  var maxFiles = 50

  @Option(help: "The most evaluations at the same time.")
  var maxEvaluations = 2

  @Option(help: "The longest an evaluation may take, in seconds, before the request is refused.")
  var evaluationTimeout: Double = 300

  @Option(help: "Log level: trace, debug, info, notice, warning, error.")
  var logLevel = "info"

  func run() async throws {
    var logger = Logger(label: "tieuchi-web")
    logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
    var configuration = WebConfiguration()
    configuration.dataDirectory = storage.dataDir
    configuration.criteriaDirectory = storage.criteriaDir
    configuration.host = host
    configuration.port = port
    configuration.secureCookies = !insecureCookies
    configuration.trustProxy = trustProxy
    configuration.maxRequestBytes = maxUploadMb * 1_000_000
    configuration.maxFilesPerUpload = maxFiles
    configuration.maxConcurrentEvaluations = maxEvaluations
    configuration.evaluationTimeLimit = evaluationTimeout
    let database = try SQLiteStorage(directory: storage.dataDir)
    let migrations = try database.appliedMigrations()
    logger.info("data", metadata: ["directory": "\(storage.dataDir)", "migrations": "\(migrations)"])
    let app = try WebApp(configuration: configuration, storage: database, logger: logger)
    try await app.application().runService()
  }
}

struct CreateUser: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "create-user",
    abstract: "Create an account and print its one-time password.")

  @OptionGroup var storage: StorageOptions

  @Argument(help: "The account's name.")
  var name: String

  @Option(help: "admin or unit.")
  var role: String = "unit"

  @Option(help: "A district or province the account sees (repeat for several), as the data writes it.")
  var unit: [String] = []

  func validate() throws {
    guard let role = Role(rawValue: role) else { throw ValidationError("--role must be admin or unit") }
    if role == .unit && unit.isEmpty { throw ValidationError("a unit account needs at least one --unit") }
  }

  func run() async throws {
    var logger = Logger(label: "tieuchi-web")
    logger.logLevel = .notice
    var configuration = WebConfiguration()
    configuration.dataDirectory = storage.dataDir
    configuration.criteriaDirectory = storage.criteriaDir
    let database = try SQLiteStorage(directory: storage.dataDir)
    if try database.user(named: name) != nil {
      throw ValidationError("an account named \(name) exists already")
    }
    let app = try WebApp(configuration: configuration, storage: database, logger: logger)
    let password = WebApp.randomPassword()
    try app.createUser(name: name, password: password, role: Role(rawValue: role) ?? .unit, units: unit)
    print("created \(role) account \(name); one-time password: \(password)")
  }
}
