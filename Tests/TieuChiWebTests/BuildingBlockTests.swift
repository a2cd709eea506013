import Foundation
import Synchronization
import Testing
import TieuChi

@testable import TieuChiWeb

@Suite("Building blocks: HTML escaping, forms, multipart, hashes")
struct BuildingBlockTests {
  @Test("Text and attribute values are escaped; control characters replaced")
  func escaping() {
    var html = HTML()
    html.element("p", ["title": #"a"b'<c>&"#], text: "<script>alert(1)</script>\u{1}")
    #expect(
      String(decoding: html.bytes, as: UTF8.self)
        == #"<p title="a&quot;b&#39;&lt;c&gt;&amp;">&lt;script&gt;alert(1)&lt;/script&gt;\#u{FFFD}</p>"#)
  }

  @Test("A urlencoded body is decoded: + as space, percent escapes as UTF-8, repeated names kept")
  func urlEncoded() {
    let fields = FormFields(urlEncoded: Array("a=1&name=Hu%E1%BB%B3nh+An&a=2&empty=&bad=%zz".utf8))
    #expect(fields["name"] == "Huỳnh An")
    #expect(fields.all("a") == ["1", "2"])
    #expect(fields["empty"] == "")
    #expect(fields["bad"] == "%zz")
  }

  @Test("A multipart body gives its fields and files; a file name is only a name")
  func multipart() throws {
    let body = Array(
      ("--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n"
        + "--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"../a;b.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\ncode;name\r\n07303;X\r\n"
        + "--XyZ--\r\n").utf8)
    #expect(MultipartBody.boundary(contentType: "multipart/form-data; boundary=XyZ") == "XyZ")
    #expect(MultipartBody.boundary(contentType: "application/x-www-form-urlencoded") == nil)
    let parsed = try MultipartBody(bytes: body, boundary: "XyZ")
    #expect(parsed.fields["csrf"] == "abc")
    #expect(parsed.files.count == 1)
    #expect(parsed.files.first?.filename == "../a;b.csv")
    #expect(parsed.files.first.map { String(decoding: $0.bytes, as: UTF8.self) } == "code;name\r\n07303;X")
    #expect(WebApp.displayName("../a;b.csv") == "a;b.csv")
    #expect(WebApp.displayName("C:\\Users\\x\\tram.csv") == "tram.csv")
    #expect(throws: MultipartBody.Failure.self) { try MultipartBody(bytes: Array("garbage".utf8), boundary: "XyZ") }
  }

  @Test("SHA-256 of known messages")
  func sha256() {
    #expect(ContentHash.sha256([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(ContentHash.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
    #expect(ContentHash.sha256(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test("The self-assessment JSON keeps each value on its own line, quoted")
  func assessmentJSON() {
    #expect(AssessmentForm.quote("a\"b\\c\n\u{1}") == #""a\"b\\c\n\u0001""#)
  }

  @Test("Work over the time limit is told to stop, and its evaluation slot is free again")
  func limiterStopsWork() async {
    let limiter = EvaluationLimiter(limit: 1)
    let stoppedBySignal = Mutex(false)
    let first = await limiter.run(limit: 0.2) { signal -> Int in
      // Without the signal this would hold the only slot for 10 s; the signal, not the deadline, must end it
      // (asserted below, rather than a wall time that a busy test machine could stretch).
      let deadline = ContinuousClock.now + .seconds(10)
      while !signal.isStopped && ContinuousClock.now < deadline { usleep(1_000) }
      stoppedBySignal.withLock { $0 = signal.isStopped }
      return 1
    }
    #expect(first == nil)
    // The only slot is given back: the next work runs.
    let second = await limiter.run(limit: 30) { _ in 2 }
    #expect(second == 2)
    #expect(stoppedBySignal.withLock { $0 })
  }
}
