import Foundation

/// Programs outside Swift that some tests drive as a person's tools would: a browser, independent
/// readers of XLSX and DOCX. CI installs them (`.ci/run`); a test that needs a missing one is skipped
/// visibly with the reason, never passed.
enum ExternalTools {
  /// Chromium, poppler's pdfinfo/pdftotext, and Pillow to look at a screenshot.
  static let browser = available("command -v chromium && command -v pdftotext && python3 -c 'import PIL'")
  /// openpyxl and python-docx, readers written independently of this project.
  static let officeReaders = available("python3 -c 'import openpyxl, docx'")

  private static func available(_ shellCheck: String) -> Bool {
    let check = Process()
    check.executableURL = URL(fileURLWithPath: "/bin/sh")
    check.arguments = ["-c", shellCheck]
    check.standardOutput = FileHandle.nullDevice
    check.standardError = FileHandle.nullDevice
    guard (try? check.run()) != nil else { return false }
    check.waitUntilExit()
    return check.terminationStatus == 0
  }

  /// Runs a Python script of the test suite and returns its standard output.
  static func python(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", TestSupport.path(script)] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, data)
  }
}
