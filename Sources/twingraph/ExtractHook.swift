import Documents
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
/// pipeline and the store. `twingraph ingest FILE...` calls it for every document not given as
/// graph JSON. Errors name the file (format, decoding, missing dictionary).
func extractDocument(_ input: InputDocument, options: DocumentOptions) throws -> (Document, Graph) {
    let extractor = try IngestExtraction.extractor()
    let (result, warnings) = try extractInput(input, extractor: extractor, options: options,
                                              reporterID: try options.reporterID(extractor.gazetteer))
    warnings.forEach(printError)
    return (result.document, result.graph)
}
