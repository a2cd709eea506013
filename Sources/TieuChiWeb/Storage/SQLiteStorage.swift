import Foundation
import GRDB

/// `Storage` in one SQLite file (GRDB), migrated to the current schema when opened.
///
/// Uploaded files are kept as BLOBs in the same database: they are stored under generated row ids (never a
/// user-given path), written in the same transaction as their round, and backed up with the one file.
public final class SQLiteStorage: Storage {
  private let database: DatabasePool

  /// Opens (creating it if needed) the database `tieuchi.sqlite` in `directory`, and migrates it.
  public convenience init(directory: String) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try self.init(path: (directory as NSString).appendingPathComponent("tieuchi.sqlite"))
  }

  /// Opens (creating it if needed) the database at `path`, and migrates it.
  public init(path: String) throws {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(10)
    database = try DatabasePool(path: path, configuration: configuration)
    try Self.migrator.migrate(database)
  }

  /// The schema, one migration per version; a migration once released is never edited, only followed.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE user (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE,
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('admin', 'unit')),
            units TEXT NOT NULL DEFAULT '[]'
          );
          CREATE TABLE session (
            token TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
            csrf_token TEXT NOT NULL,
            expires DOUBLE NOT NULL
          );
          CREATE TABLE criteria_set (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            hash TEXT NOT NULL,
            bytes BLOB NOT NULL,
            added_at DOUBLE NOT NULL,
            UNIQUE (name, hash)
          );
          CREATE TABLE round (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            user_id INTEGER NOT NULL REFERENCES user(id),
            criteria_hash TEXT NOT NULL,
            criteria_name TEXT NOT NULL,
            year INTEGER,
            group_by TEXT,
            as_of TEXT NOT NULL,
            baseline_round_id INTEGER REFERENCES round(id),
            created_at DOUBLE NOT NULL,
            state TEXT NOT NULL DEFAULT 'stored',
            failure TEXT,
            communes INTEGER, pass INTEGER, fail INTEGER, incomplete INTEGER, errors INTEGER,
            json BLOB
          );
          CREATE TABLE round_file (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            round_id INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            bytes BLOB NOT NULL
          );
          CREATE TABLE round_unit (
            round_id INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,
            district TEXT,
            province TEXT
          );
          CREATE INDEX round_file_round ON round_file(round_id);
          CREATE INDEX round_unit_round ON round_unit(round_id);
          """)
    }
    return migrator
  }

  /// The migrations applied so far, in order (for tests and the health page).
  public func appliedMigrations() throws -> [String] {
    try database.read { db in try Self.migrator.appliedMigrations(db) }
  }

  // MARK: Users

  public func createUser(_ user: NewUser) throws -> User {
    try database.write { db in
      try db.execute(
        sql: "INSERT INTO user (name, password_hash, role, units) VALUES (?, ?, ?, ?)",
        arguments: [user.name, user.passwordHash, user.role.rawValue, Self.encode(user.units)])
      return User(
        id: db.lastInsertedRowID, name: user.name, passwordHash: user.passwordHash, role: user.role,
        units: user.units)
    }
  }

  public func user(named name: String) throws -> User? {
    try database.read { db in
      try Row.fetchOne(db, sql: "SELECT * FROM user WHERE name = ?", arguments: [name]).map(Self.user)
    }
  }

  public func user(id: Int64) throws -> User? {
    try database.read { db in
      try Row.fetchOne(db, sql: "SELECT * FROM user WHERE id = ?", arguments: [id]).map(Self.user)
    }
  }

  public func users() throws -> [User] {
    try database.read { db in try Row.fetchAll(db, sql: "SELECT * FROM user ORDER BY name").map(Self.user) }
  }

  public func userCount() throws -> Int {
    try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM user") ?? 0 }
  }

  private static func user(_ row: Row) -> User {
    User(
      id: row["id"], name: row["name"], passwordHash: row["password_hash"],
      role: Role(rawValue: row["role"]) ?? .unit, units: decode(row["units"]))
  }

  // MARK: Sessions

  public func createSession(_ session: Session) throws {
    try database.write { db in
      try db.execute(
        sql: "INSERT INTO session (token, user_id, csrf_token, expires) VALUES (?, ?, ?, ?)",
        arguments: [session.token, session.userID, session.csrfToken, session.expires.timeIntervalSince1970])
    }
  }

  public func session(token: String) throws -> Session? {
    try database.read { db in
      try Row.fetchOne(db, sql: "SELECT * FROM session WHERE token = ?", arguments: [token]).map { row in
        Session(
          token: row["token"], userID: row["user_id"], csrfToken: row["csrf_token"],
          expires: Date(timeIntervalSince1970: row["expires"]))
      }
    }
  }

  public func deleteSession(token: String) throws {
    try database.write { db in try db.execute(sql: "DELETE FROM session WHERE token = ?", arguments: [token]) }
  }

  public func deleteSessions(expiredBefore date: Date) throws {
    try database.write { db in
      try db.execute(sql: "DELETE FROM session WHERE expires < ?", arguments: [date.timeIntervalSince1970])
    }
  }

  // MARK: Criteria sets

  public func addCriteriaSet(name: String, bytes: [UInt8], addedAt: Date) throws -> CriteriaFile {
    let hash = ContentHash.sha256(bytes)
    return try database.write { db in
      if let row = try Row.fetchOne(
        db, sql: "SELECT * FROM criteria_set WHERE name = ? AND hash = ?", arguments: [name, hash])
      {
        return Self.criteria(row)
      }
      try db.execute(
        sql: "INSERT INTO criteria_set (name, hash, bytes, added_at) VALUES (?, ?, ?, ?)",
        arguments: [name, hash, Data(bytes), addedAt.timeIntervalSince1970])
      return CriteriaFile(id: db.lastInsertedRowID, name: name, hash: hash, bytes: bytes, addedAt: addedAt)
    }
  }

  public func criteriaSets() throws -> [CriteriaFile] {
    try database.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT * FROM criteria_set c WHERE id = (SELECT MAX(id) FROM criteria_set WHERE name = c.name)
          ORDER BY name
          """
      ).map(Self.criteria)
    }
  }

  public func criteriaSet(named name: String) throws -> CriteriaFile? {
    try database.read { db in
      try Row.fetchOne(
        db, sql: "SELECT * FROM criteria_set WHERE name = ? ORDER BY id DESC LIMIT 1", arguments: [name]
      ).map(Self.criteria)
    }
  }

  public func criteriaSet(hash: String) throws -> CriteriaFile? {
    try database.read { db in
      try Row.fetchOne(
        db, sql: "SELECT * FROM criteria_set WHERE hash = ? ORDER BY id DESC LIMIT 1", arguments: [hash]
      ).map(Self.criteria)
    }
  }

  private static func criteria(_ row: Row) -> CriteriaFile {
    let data: Data = row["bytes"]
    return CriteriaFile(
      id: row["id"], name: row["name"], hash: row["hash"], bytes: [UInt8](data),
      addedAt: Date(timeIntervalSince1970: row["added_at"]))
  }

  // MARK: Rounds

  public func createRound(_ round: NewRound, files: [UploadedFile]) throws -> Round {
    let id = try database.write { db in
      try db.execute(
        sql: """
          INSERT INTO round (user_id, criteria_hash, criteria_name, year, group_by, as_of, baseline_round_id,
                             created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          round.userID, round.criteriaHash, round.criteriaName, round.year, round.groupBy, round.asOf,
          round.baselineRoundID, round.createdAt.timeIntervalSince1970,
        ])
      let id = db.lastInsertedRowID
      for (position, file) in files.enumerated() {
        try db.execute(
          sql: "INSERT INTO round_file (round_id, position, name, bytes) VALUES (?, ?, ?, ?)",
          arguments: [id, position, file.name, Data(file.bytes)])
      }
      return id
    }
    guard let stored = try self.round(id: id) else { throw StorageError.missing("round \(id)") }
    return stored
  }

  public func recordResult(round id: Int64, outcome: RoundOutcome) throws {
    try database.write { db in
      switch outcome {
      case .failed(let why):
        try db.execute(
          sql: "UPDATE round SET state = 'failed', failure = ? WHERE id = ?", arguments: [why, id])
      case .evaluated(let json, let counts, let units):
        try db.execute(
          sql: """
            UPDATE round SET state = 'evaluated', failure = NULL, json = ?, communes = ?, pass = ?, fail = ?,
                             incomplete = ?, errors = ?
            WHERE id = ?
            """,
          arguments: [
            Data(json), counts.communes, counts.pass, counts.fail, counts.incomplete, counts.errors, id,
          ])
        try db.execute(sql: "DELETE FROM round_unit WHERE round_id = ?", arguments: [id])
        for unit in units {
          try db.execute(
            sql: "INSERT INTO round_unit (round_id, district, province) VALUES (?, ?, ?)",
            arguments: [id, unit.district, unit.province])
        }
      }
    }
  }

  public func round(id: Int64) throws -> Round? {
    try database.read { db in
      try Row.fetchOne(db, sql: Self.roundQuery + " WHERE r.id = ?", arguments: [id]).map { try Self.round($0, db) }
    }
  }

  public func rounds() throws -> [Round] {
    try database.read { db in
      try Row.fetchAll(db, sql: Self.roundListQuery + " ORDER BY r.id DESC").map { try Self.round($0, db) }
    }
  }

  public func files(ofRound id: Int64) throws -> [UploadedFile] {
    try database.read { db in
      try Row.fetchAll(
        db, sql: "SELECT name, bytes FROM round_file WHERE round_id = ? ORDER BY position", arguments: [id]
      ).map { row in
        let data: Data = row["bytes"]
        return UploadedFile(name: row["name"], bytes: [UInt8](data))
      }
    }
  }

  private static let roundQuery = "SELECT r.*, u.name AS user_name FROM round r JOIN user u ON u.id = r.user_id"
  /// Every column but the JSON result: lists (the home page, the history) would otherwise read every round's
  /// report on each request. `round(id:)` gives it.
  private static let roundListQuery = """
    SELECT r.id, r.user_id, r.criteria_hash, r.criteria_name, r.year, r.group_by, r.as_of, r.baseline_round_id,
           r.created_at, r.state, r.failure, r.communes, r.pass, r.fail, r.incomplete, r.errors, NULL AS json,
           u.name AS user_name
    FROM round r JOIN user u ON u.id = r.user_id
    """

  private static func round(_ row: Row, _ db: Database) throws -> Round {
    let id: Int64 = row["id"]
    let units = try Row.fetchAll(
      db, sql: "SELECT district, province FROM round_unit WHERE round_id = ?", arguments: [id]
    ).map { RecordUnit(district: $0["district"], province: $0["province"]) }
    let names = try String.fetchAll(
      db, sql: "SELECT name FROM round_file WHERE round_id = ? ORDER BY position", arguments: [id])
    let communes: Int? = row["communes"]
    let counts = communes.map {
      RoundCounts(
        communes: $0, pass: row["pass"] ?? 0, fail: row["fail"] ?? 0, incomplete: row["incomplete"] ?? 0,
        errors: row["errors"] ?? 0)
    }
    let json: Data? = row["json"]
    return Round(
      id: id, userID: row["user_id"], userName: row["user_name"], criteriaHash: row["criteria_hash"],
      criteriaName: row["criteria_name"], year: row["year"], groupBy: row["group_by"], asOf: row["as_of"],
      baselineRoundID: row["baseline_round_id"], createdAt: Date(timeIntervalSince1970: row["created_at"]),
      state: Round.State(rawValue: row["state"]) ?? .stored, failure: row["failure"], counts: counts,
      json: json.map { [UInt8]($0) }, units: units, fileNames: names)
  }

  // MARK: Encoding

  private static func encode(_ units: [String]) -> String {
    (try? String(decoding: JSONEncoder().encode(units), as: UTF8.self)) ?? "[]"
  }

  private static func decode(_ text: String) -> [String] {
    (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
  }
}

/// A storage failure that is not the database's own.
public enum StorageError: Error {
  case missing(String)
}
