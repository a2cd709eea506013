import TieuChi

/// The web pages are written with the library's HTML writer, in which data can only ever be text
/// (element and attribute names are static strings; every value is escaped; control characters become
/// U+FFFD), so that a report and a page escape the same way.
typealias HTML = HTMLWriter
