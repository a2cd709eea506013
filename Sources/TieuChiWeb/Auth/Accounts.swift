import Foundation
import HummingbirdBcrypt

/// Accounts and logins: password hashes (bcrypt), sessions with their CSRF token, the first admin.
struct Accounts: Sendable {
  let storage: any Storage
  let configuration: WebConfiguration
  /// A hash of a random password, verified against for unknown names.
  private let dummyHash: String

  init(storage: any Storage, configuration: WebConfiguration) {
    self.storage = storage
    self.configuration = configuration
    dummyHash = Bcrypt.hash(Self.randomPassword(), cost: configuration.bcryptCost)
  }

  /// A new random token: 32 bytes from the system's generator, as hex.
  static func randomToken() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<32).map { _ in
      let byte = UInt8.random(in: 0...255, using: &generator)
      return String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
    }.joined()
  }

  /// A password for a new account: 16 characters without look-alikes (0/O, 1/l).
  static func randomPassword() -> String {
    let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    var generator = SystemRandomNumberGenerator()
    return String((0..<16).map { _ in alphabet.randomElement(using: &generator)! })
  }

  /// Creates an account; the password is hashed with the configured bcrypt cost.
  func create(name: String, password: String, role: Role, units: [String]) throws -> User {
    let hash = Bcrypt.hash(password, cost: configuration.bcryptCost)
    return try storage.createUser(NewUser(name: name, passwordHash: hash, role: role, units: units))
  }

  /// With an empty database, creates `admin` with a random password and returns the password (to print
  /// once); nil when there are accounts already.
  func createFirstAdminIfNeeded() throws -> String? {
    guard try storage.userCount() == 0 else { return nil }
    let password = Self.randomPassword()
    _ = try create(name: "admin", password: password, role: .admin, units: [])
    return password
  }

  /// The user whose name and password these are, or nil. Always runs bcrypt (against a dummy hash for an
  /// unknown name), so the time taken does not tell which names exist.
  func verify(name: String, password: String) throws -> User? {
    let user = try storage.user(named: name)
    let ok = Bcrypt.verify(password, hash: user?.passwordHash ?? dummyHash)
    return ok ? user : nil
  }

  /// A new session for `user`.
  func startSession(for user: User, now: Date) throws -> Session {
    let session = Session(
      token: Self.randomToken(), userID: user.id, csrfToken: Self.randomToken(),
      expires: now.addingTimeInterval(configuration.sessionLifetime))
    try storage.createSession(session)
    return session
  }

  /// The login of a session token, if the session exists and has not expired.
  func login(token: String, now: Date) throws -> Login? {
    guard let session = try storage.session(token: token) else { return nil }
    guard session.expires > now else {
      try storage.deleteSession(token: token)
      return nil
    }
    guard let user = try storage.user(id: session.userID) else { return nil }
    return Login(user: user, session: session)
  }
}
