import KnowledgeGraph

/// The failure `extractDocument` reports until extraction is wired in.
struct ExtractionUnavailable: Error, CustomStringConvertible {
    var path: String
    var description: String {
        "\(path): extraction not available yet in this build; ingest an extracted graph instead: twingraph ingest --graph-json FILE.json"
    }
}

/// Extracts one report into its document record and graph: the seam between the extraction
/// pipeline and the store. `twingraph ingest FILE...` calls it for every file not given as
/// graph JSON.
///
/// NOT DONE: this is the hook the extraction stage replaces (the lead owns extraction); until
/// then it always throws `ExtractionUnavailable`.
func extractDocument(_ path: String) throws -> (Document, Graph) {
    throw ExtractionUnavailable(path: path)
}
