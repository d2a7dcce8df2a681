import ArgumentParser
import Foundation
import GraphStore
import KnowledgeGraph

/// `twingraph search TEXT`: nodes by name and evidence by words.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find nodes by name and evidence sentences by words, in any inflection.",
        discussion: """
        Nodes match by name or alias in any case or form, in Latin letters (Omsk for Омск), by a \
        person's surname alone (Фадина), or by the first letters of a name's words. Sentences \
        match when they hold every word of TEXT in some inflection ("соглашение о побратимстве" \
        finds "соглашения о побратимстве"): from the store through its full-text index (SQLite \
        FTS5 over lemmas), from --graph FILE by reading the graph.

        Examples:
          twingraph search Omsk
          twingraph search "подписали соглашение" --via signed --year 2019
          twingraph search Фадина --format json
        """
    )

    @Argument(help: "The words to look for.")
    var text: String

    @Option(help: Vocabulary.typeHelp("Only nodes of these types"))
    var type: String?

    @Option(help: Vocabulary.viaHelp("Only sentences proving facts of these relations"))
    var via: String?

    @Option(help: "At most this many nodes and this many sentences.")
    var limit = 20

    @Option(help: "text or json.")
    var format: QueryFormat = .text

    @Option(help: "The pymorphy3 dictionary folder (default: $TWINGRAPH_DICT or ~/.local/share/twingraph/pymorphy3-dicts-ru).")
    var dict: String?

    @OptionGroup var source: GraphSourceOptions

    @OptionGroup var facts: FactFilterOptions

    func validate() throws {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("give the words to look for") }
        if limit < 1 { throw ValidationError("--limit takes 1 or more") }
    }

    func run() throws {
        let relations = try parseRelations(via), kinds = try parseNodeTypes(type)
        let terms = try SearchLemmas.terms(dictionary: dict)
        let graph = try searchedGraph()
        let nodes = GraphSearch.nodes(matching: text, in: kinds.map { k in Graph(nodes: graph.nodes.filter { k.contains($0.type) }) } ?? graph,
                                      limit: limit)
        var evidence = try evidenceMatches(terms: terms, in: graph)
        let facts = Dictionary(graph.edges.map { ($0.id, $0.type) }, uniquingKeysWith: { a, _ in a })
        evidence.removeAll { match in
            guard let type = facts[match.edge] else { return true }
            return !(relations?.contains(type) ?? true)
        }
        try emit(GraphSearch.report(query: text, nodes: nodes, evidence: evidence, limit: limit), format: format, text: TextReports.search)
    }

    /// The graph searched: the store's light query graph (names and facts' ends, enough for
    /// nodes; sentences come from the index), or the whole graph when a year or country is asked
    /// or the source is a graph file.
    func searchedGraph() throws -> Graph {
        if source.graphFile != nil || !facts.isEmpty { return try source.load(filteredBy: facts) }
        return try source.queries().graph
    }

    /// Sentences with the words, from the store's index or the graph in memory; only those of
    /// facts `graph` has.
    func evidenceMatches(terms: SearchTerms, in graph: Graph) throws -> [EvidenceMatch] {
        if source.graphFile != nil { return GraphSearch.evidence(matching: text, in: graph, terms: terms) }
        let store = try source.openStore()
        do {
            let missing = try store.unindexedDocuments()
            if !missing.isEmpty {
                printError("twingraph: warning: \(missing.count) stored documents are not in the search index (\(missing.prefix(3).joined(separator: ", "))\(missing.count > 3 ? ", …" : "")); `twingraph ingest` with any input indexes them")
            }
            return try store.searchEvidence(text, terms: terms)
        } catch let error as GraphStoreError {
            throw CLIFailure(message: error.description)
        }
    }
}
