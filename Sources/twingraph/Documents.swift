import ArgumentParser
import Foundation
import KnowledgeGraph

/// `twingraph documents`: the documents the store (or a graph file) holds.
struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "List the stored documents: id, title, reporting city, year, format, path and when each was ingested.",
        discussion: """
        The ids are those `remove` takes. "ingested" is when the document was last stored (UTC); \
        stores older than that record, and graph files, have none.

        Example: twingraph documents --format json
        """
    )

    @Option(help: "text or json.")
    var format: QueryFormat = .text

    @OptionGroup var source: GraphSourceOptions

    /// A document with the time it was stored; in JSON, the document's keys and `ingested`.
    struct Listed: Encodable {
        var document: Document
        var ingested: String?

        enum CodingKeys: String, CodingKey { case ingested }

        func encode(to encoder: Encoder) throws {
            try document.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(ingested, forKey: .ingested)
        }
    }

    func run() throws {
        let listed: [Listed]
        if source.graphFile != nil {
            listed = try source.load().documents.sorted { $0.id < $1.id }.map { Listed(document: $0) }
        } else {
            let store = try source.openStore()
            let times = try store.ingestionTimes()
            listed = try store.documents().map { Listed(document: $0, ingested: times[$0.id]) }
        }
        try emit(listed, format: format, text: Self.table)
    }

    static func table(_ documents: [Listed]) -> String {
        guard !documents.isEmpty else { return "No documents.\n" }
        var rows = [["id", "title", "reporter", "year", "format", "path", "ingested"]]
        for listed in documents {
            let d = listed.document
            rows.append([d.id, TextReports.oneLineTitle(d.title ?? ""), d.reporter ?? "", d.year.map(String.init) ?? "",
                         d.format ?? "", d.path, listed.ingested ?? ""])
        }
        return "\(documents.count) document\(documents.count == 1 ? "" : "s"):\n" + TextReports.table(rows)
    }
}
