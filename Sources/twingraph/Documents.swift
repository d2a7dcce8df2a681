import ArgumentParser
import Foundation
import KnowledgeGraph

/// `twingraph documents`: the documents the store (or a graph file) holds.
struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "List the stored documents: id, title, reporting city, year, format and path.",
        discussion: """
        The ids are those `remove` takes. The store does not record when a document was \
        ingested, so no date is shown.

        Example: twingraph documents --format json
        """
    )

    @Option(help: "text or json.")
    var format: QueryFormat = .text

    @OptionGroup var source: GraphSourceOptions

    func run() throws {
        let documents: [Document]
        if source.graphFile != nil {
            documents = try source.load().documents.sorted { $0.id < $1.id }
        } else {
            documents = try source.openStore().documents()
        }
        try emit(documents, format: format, text: Self.table)
    }

    static func table(_ documents: [Document]) -> String {
        guard !documents.isEmpty else { return "No documents.\n" }
        var rows = [["id", "title", "reporter", "year", "format", "path"]]
        for d in documents {
            rows.append([d.id, TextReports.oneLineTitle(d.title ?? ""), d.reporter ?? "", d.year.map(String.init) ?? "",
                         d.format ?? "", d.path])
        }
        return "\(documents.count) document\(documents.count == 1 ? "" : "s"):\n" + TextReports.table(rows)
    }
}
