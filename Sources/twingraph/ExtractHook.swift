import Extraction
import KnowledgeGraph

/// The extractor `ingest` uses, loaded once on first need (the dictionary takes a moment).
enum IngestExtraction {
    nonisolated(unsafe) static var loaded: Extractor?

    static func extractor() throws -> Extractor {
        if let loaded { return loaded }
        let x = try makeExtractor(dictionary: nil)
        loaded = x
        return x
    }
}

/// Extracts one report into its document record and graph: the seam between the extraction
/// pipeline and the store. `twingraph ingest FILE...` calls it for every file not given as
/// graph JSON. Errors name the file (decoding, missing file, missing dictionary).
func extractDocument(_ path: String) throws -> (Document, Graph) {
    let (result, warnings) = try extractFile(path, extractor: try IngestExtraction.extractor(), encoding: nil)
    warnings.forEach(printError)
    return (result.document, result.graph)
}
