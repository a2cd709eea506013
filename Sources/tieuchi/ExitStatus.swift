import ArgumentParser

/// The documented exit codes (README, "Exit status").
enum ExitStatus {
  /// Everything was read and every commune passes.
  static let allPass = ExitCode(0)
  /// Everything was read; some commune fails or is incomplete.
  static let notAllPass = ExitCode(1)
  /// Some file, record or field could not be read; the rest was evaluated.
  static let unreadableInput = ExitCode(2)
  /// The criteria file is invalid; no data was evaluated.
  static let invalidCriteria = ExitCode(3)
  /// The command line is wrong (ArgumentParser's own code for validation errors).
  static let usage = ExitCode(64)
  /// The report could not be written (EX_IOERR).
  static let cannotWrite = ExitCode(74)
}
