import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import TieuChi
import TieuChiWeb

/// The package's root folder (Criteria/, Samples/).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().path

/// A fresh data folder under the temporary directory.
func temporaryDataDirectory() -> String {
  let path = NSTemporaryDirectory() + "tieuchi-web-test-" + UUID().uuidString
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// The day the tests evaluate on (waivers), fixed.
let testDay = CalendarDate("2025-12-15")!

/// An application over the SQLite storage in `directory`, with fast bcrypt and plain-http cookies, and the
/// accounts the tests sign in with (created once per data folder).
func makeApp(directory: String, configure: (inout WebConfiguration) -> Void = { _ in }) throws -> WebApp {
  var configuration = WebConfiguration()
  configuration.dataDirectory = directory
  configuration.criteriaDirectory = packageRoot + "/Criteria"
  configuration.secureCookies = false
  configuration.bcryptCost = 4
  configure(&configuration)
  var logger = Logger(label: "tieuchi-web-test")
  logger.logLevel = .warning
  let storage = try SQLiteStorage(directory: directory)
  let app = try WebApp(configuration: configuration, storage: storage, logger: logger, today: { testDay })
  if try storage.user(named: "tanyen") == nil {
    try app.createUser(name: "tanyen", password: "tan-yen-password", role: .unit, units: ["Huyện Tân Yên"])
    try app.createUser(name: "muongte", password: "muong-te-password", role: .unit, units: ["Huyện Mường Tè"])
  }
  return app
}

/// A client that keeps cookies and reads the CSRF token from the last page, as a browser would.
struct Browser {
  let client: any TestClientProtocol
  var cookies: [String: String] = [:]
  var csrf: String?

  init(_ client: any TestClientProtocol) {
    self.client = client
  }

  var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }

  mutating func request(
    _ uri: String, method: HTTPRequest.Method = .get, contentType: String? = nil, body: [UInt8]? = nil
  ) async throws -> TestResponse {
    var headers = HTTPFields()
    if !cookies.isEmpty { headers[.cookie] = cookieHeader }
    if let contentType { headers[.contentType] = contentType }
    let response = try await client.executeRequest(
      uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) })
    for field in response.headers[values: .setCookie] {
      let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard pair.count == 2 else { continue }
      if pair[1].isEmpty { cookies[String(pair[0])] = nil } else { cookies[String(pair[0])] = String(pair[1]) }
    }
    let text = String(buffer: response.body)
    if let range = text.range(of: #"name="csrf" value=""#) {
      csrf = String(text[range.upperBound...].prefix { $0 != "\"" })
    }
    return response
  }

  mutating func get(_ uri: String) async throws -> TestResponse {
    try await request(uri)
  }

  /// Posts a urlencoded form; the CSRF token of the last page is added unless `csrf` is given.
  mutating func post(_ uri: String, _ fields: [(String, String)], csrf: String? = nil) async throws -> TestResponse {
    let all = [("csrf", csrf ?? self.csrf ?? "")] + fields
    let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    return try await request(
      uri, method: .post, contentType: "application/x-www-form-urlencoded", body: Array(body.utf8))
  }

  /// Posts a multipart form with files.
  mutating func postMultipart(
    _ uri: String, _ fields: [(String, String)], files: [(field: String, name: String, bytes: [UInt8])]
  ) async throws -> TestResponse {
    let boundary = "----tieuchi-test-\(UUID().uuidString)"
    var body: [UInt8] = []
    for (name, value) in [("csrf", csrf ?? "")] + fields {
      body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }
    for file in files {
      let head =
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n"
      body += Array(head.utf8)
      body += file.bytes + Array("\r\n".utf8)
    }
    body += Array("--\(boundary)--\r\n".utf8)
    return try await request(uri, method: .post, contentType: "multipart/form-data; boundary=\(boundary)", body: body)
  }

  /// Signs in (fetching the sign-in page first for its CSRF token).
  mutating func signIn(_ name: String, _ password: String) async throws -> TestResponse {
    _ = try await get("/login")
    return try await post("/login", [("name", name), ("password", password)])
  }

  static func encode(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
  }
}

/// The files of the CSV sample of Tân Yên.
func tanYenFiles() throws -> [(field: String, name: String, bytes: [UInt8])] {
  try ["stations.csv", "staff.csv", "hamlets.csv"].map { name in
    let data = try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Samples/tan-yen-2024-csv/" + name))
    return ("files", name, [UInt8](data))
  }
}
