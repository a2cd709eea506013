import Hummingbird

/// The application's one script: files dragged from Explorer onto the upload form's drop zone become the
/// file input's files, added to those already chosen, and their names are listed.
///
/// Served from the application's own origin (`script-src 'self'` in the Content-Security-Policy), never
/// inline. Without it, the form still works: the file picker, and Chromium and Firefox accept files dropped
/// on the picker's button itself.
enum UploadScript {
  static let path = "/static/upload.js"

  /// The script as a response, cacheable for a day: it changes only with the application.
  static func response() -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "text/javascript; charset=utf-8"
    headers[.cacheControl] = "public, max-age=86400"
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: "\(source)")))
  }

  // Names are shown with textContent, never as markup: a file may be called "<img onerror=…>.csv".
  private static let source: StaticString = """
    "use strict";
    (function () {
      var zone = document.getElementById("drop");
      var input = document.getElementById("files");
      var list = document.getElementById("chosen");
      if (!zone || !input || !list || typeof DataTransfer !== "function") { return; }
      function show() {
        while (list.firstChild) { list.removeChild(list.firstChild); }
        for (var i = 0; i < input.files.length; i++) {
          var item = document.createElement("li");
          item.textContent = input.files[i].name;
          list.appendChild(item);
        }
      }
      function over(event) {
        event.preventDefault();
        zone.classList.add("over");
      }
      zone.addEventListener("dragenter", over);
      zone.addEventListener("dragover", over);
      zone.addEventListener("dragleave", function () { zone.classList.remove("over"); });
      zone.addEventListener("drop", function (event) {
        event.preventDefault();
        zone.classList.remove("over");
        var dropped = event.dataTransfer ? event.dataTransfer.files : null;
        if (!dropped || dropped.length === 0) { return; }
        var all = new DataTransfer();
        var i;
        for (i = 0; i < input.files.length; i++) { all.items.add(input.files[i]); }
        for (i = 0; i < dropped.length; i++) { all.items.add(dropped[i]); }
        input.files = all.files;
        show();
      });
      input.addEventListener("change", show);
      zone.classList.add("ready");
    })();

    """
}
