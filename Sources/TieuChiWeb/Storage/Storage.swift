import Foundation

/// Everything the web application keeps: accounts, sessions, criteria sets, rounds with their files and
/// results. Routes only talk to this protocol, so another database can be added without touching them.
///
/// Every method that writes several rows does so in one transaction: a crash leaves either all of it or
/// none.
public protocol Storage: Sendable {
  // MARK: Users
  func createUser(_ user: NewUser) throws -> User
  func user(named name: String) throws -> User?
  func user(id: Int64) throws -> User?
  func users() throws -> [User]
  func userCount() throws -> Int

  // MARK: Sessions
  func createSession(_ session: Session) throws
  func session(token: String) throws -> Session?
  func deleteSession(token: String) throws
  func deleteSessions(expiredBefore date: Date) throws

  // MARK: Criteria sets
  /// Adds a criteria file unless one with the same name and content hash is stored; returns the stored one.
  func addCriteriaSet(name: String, bytes: [UInt8], addedAt: Date) throws -> CriteriaFile
  /// The newest version of every criteria file, by name.
  func criteriaSets() throws -> [CriteriaFile]
  /// The newest version of the file named `name`.
  func criteriaSet(named name: String) throws -> CriteriaFile?
  /// The version with this content hash.
  func criteriaSet(hash: String) throws -> CriteriaFile?

  // MARK: Rounds
  /// Stores a round and its files, before anything is evaluated.
  func createRound(_ round: NewRound, files: [UploadedFile]) throws -> Round
  /// Records the outcome of the evaluation: the result (or the failure) and the units the data belongs to.
  func recordResult(round id: Int64, outcome: RoundOutcome) throws
  func round(id: Int64) throws -> Round?
  func files(ofRound id: Int64) throws -> [UploadedFile]
  /// Every round, newest first, without its JSON result (`round(id:)` has it).
  func rounds() throws -> [Round]
}

/// An account to create.
public struct NewUser: Sendable {
  public var name: String
  public var passwordHash: String
  public var role: Role
  public var units: [String]

  /// An account named `name` with this bcrypt hash, role and units.
  public init(name: String, passwordHash: String, role: Role, units: [String]) {
    self.name = name
    self.passwordHash = passwordHash
    self.role = role
    self.units = units
  }
}

/// What an account may do.
public enum Role: String, Sendable, CaseIterable {
  /// Everything: every round, users, criteria sets.
  case admin
  /// Uploads, and sees the rounds of its own units only.
  case unit
}

/// A stored account.
public struct User: Sendable, Equatable {
  public var id: Int64
  public var name: String
  public var passwordHash: String
  public var role: Role
  /// District or province names, as the records' `district`/`province` fields write them.
  public var units: [String]
}

/// A login: the token in the cookie, the CSRF token of its forms.
public struct Session: Sendable {
  public var token: String
  public var userID: Int64
  public var csrfToken: String
  public var expires: Date

  /// A session of `userID` until `expires`.
  public init(token: String, userID: Int64, csrfToken: String, expires: Date) {
    self.token = token
    self.userID = userID
    self.csrfToken = csrfToken
    self.expires = expires
  }
}

/// A stored criteria file: its name (what `extends:` refers to), bytes and content hash.
public struct CriteriaFile: Sendable {
  public var id: Int64
  public var name: String
  public var hash: String
  public var bytes: [UInt8]
  public var addedAt: Date
}

/// The options of a round, as the form gave them.
public struct NewRound: Sendable {
  public var userID: Int64
  public var criteriaHash: String
  public var criteriaName: String
  public var year: Int?
  public var groupBy: String?
  /// The day waivers were checked against (the day of the upload), kept so a re-run is exact.
  public var asOf: String
  public var baselineRoundID: Int64?
  public var createdAt: Date

  /// A round uploaded by `userID` on `createdAt`.
  public init(
    userID: Int64, criteriaHash: String, criteriaName: String, year: Int?, groupBy: String?, asOf: String,
    baselineRoundID: Int64?, createdAt: Date
  ) {
    self.userID = userID
    self.criteriaHash = criteriaHash
    self.criteriaName = criteriaName
    self.year = year
    self.groupBy = groupBy
    self.asOf = asOf
    self.baselineRoundID = baselineRoundID
    self.createdAt = createdAt
  }
}

/// A file as uploaded: the name the user gave (shown, never used as a path) and its bytes.
public struct UploadedFile: Sendable {
  public var name: String
  public var bytes: [UInt8]

  /// The file `name` with these bytes.
  public init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }
}

/// How an evaluation ended.
public enum RoundOutcome: Sendable {
  /// Evaluated: the JSON report, the counts for the history, the units its records belong to.
  case evaluated(json: [UInt8], counts: RoundCounts, units: [RecordUnit])
  /// Not evaluated, and why (in words for the user); the upload is kept.
  case failed(String)
}

/// The numbers a history list shows.
public struct RoundCounts: Sendable, Equatable {
  public var communes: Int
  public var pass: Int
  public var fail: Int
  public var incomplete: Int
  public var errors: Int

  /// Counts of a round.
  public init(communes: Int, pass: Int, fail: Int, incomplete: Int, errors: Int) {
    self.communes = communes
    self.pass = pass
    self.fail = fail
    self.incomplete = incomplete
    self.errors = errors
  }
}

/// Where a record belongs: its district and province (either may be missing).
public struct RecordUnit: Sendable, Hashable {
  public var district: String?
  public var province: String?

  /// The unit of a record in `district` of `province`.
  public init(district: String?, province: String?) {
    self.district = district
    self.province = province
  }
}

/// A stored round.
public struct Round: Sendable {
  public enum State: String, Sendable {
    case stored
    case evaluated
    case failed
  }

  public var id: Int64
  public var userID: Int64
  public var userName: String
  public var criteriaHash: String
  public var criteriaName: String
  public var year: Int?
  public var groupBy: String?
  public var asOf: String
  public var baselineRoundID: Int64?
  public var createdAt: Date
  public var state: State
  public var failure: String?
  public var counts: RoundCounts?
  public var json: [UInt8]?
  public var units: [RecordUnit]
  /// The names of the uploaded files, in upload order.
  public var fileNames: [String]
}
