public import Hummingbird
import NIOCore

/// The request context of the web application: the core context, the client's address, and the user once
/// the session is known.
public struct WebRequestContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  /// The connection's peer address (nil in in-process tests).
  let peerAddress: String?
  /// The signed-in user and session (set by the session middleware).
  var login: Login?
  /// The query string of the request as sent (still percent-encoded), for links to the same page.
  var query: String?
  /// The interface language of this request.
  var language: UILanguage = .vi
  /// The CSRF token of a visitor not signed in (double-submit cookie), for the sign-in form.
  var anonymousCSRF: String?
  /// The fields of a posted form (urlencoded, or the text parts of a multipart body).
  var fields = FormFields()
  /// The files of a posted multipart body.
  var files: [MultipartBody.File] = []
  /// The body limit, raised over Hummingbird's 2 MB for uploads (checked again when collecting).
  var maxBody: Int = 50 * 1024 * 1024

  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    peerAddress = source.channel.remoteAddress?.ipAddress
  }

  public var maxUploadSize: Int { maxBody }
}

/// A signed-in user with the session it came with.
struct Login: Sendable {
  var user: User
  var session: Session
}

/// Thrown by a handler that needs a signed-in user when there is none: answered with a redirect to the
/// sign-in page.
struct SignInRequired: Error {}

extension WebRequestContext {
  /// The signed-in user, or a redirect to the sign-in page.
  func requireLogin() throws -> Login {
    guard let login else { throw SignInRequired() }
    return login
  }
}
