/// What a reader made of one input file: the documents it could read and the problems it found.
///
/// Readers never stop a batch at the first problem. A YAML file is split at its `---` document
/// markers and each document is parsed on its own, so one broken station leaves the others readable;
/// a list that breaks part-way keeps the items completed before the break.
package struct ParsedFile: Sendable {
  /// The file name, as locations give it.
  package var file: String
  /// Complete documents, and partial roots holding the items read before an error.
  package var documents: [DataNode]
  /// Every problem found, in file order.
  package var diagnostics: [Diagnostic]
  /// Documents (or the rest of a list) that an error made unreadable: at least one per such error,
  /// so a batch's record count includes what it could not read.
  package var lostRecords: Int

  /// A parse result; readers build it, tests and tools may too.
  package init(file: String, documents: [DataNode] = [], diagnostics: [Diagnostic] = [], lostRecords: Int = 0) {
    self.file = file
    self.documents = documents
    self.diagnostics = diagnostics
    self.lostRecords = lostRecords
  }

  /// Adds what a later part of the same file held (a run of documents or lines parsed on another core).
  package mutating func append(_ part: ParsedFile) {
    documents += part.documents
    diagnostics += part.diagnostics
    lostRecords += part.lostRecords
  }
}
