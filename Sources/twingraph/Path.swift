import ArgumentParser
import Foundation
import KnowledgeGraph
import Rendering

enum PathFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, dot, svg
}

struct PathCommand: ParsableCommand {
    /// Yen's algorithm costs a shortest-path search per hop of every path found: 10,000 paths
    /// took 42 s on the 354-node example; 100 are more than a reader can use.
    static let maximumK = 100

    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "How two nodes are connected: shortest paths, each hop with its relations and evidence.",
        discussion: """
        Names are accepted in any case and grammatical form ("Омска", "городом Иркутском") and \
        with small misspellings ("Чанжоу"); a name that fits nothing, or several nodes, fails with \
        the closest candidates. Edge direction is ignored when searching.

        Examples:
          twingraph path Омск Иркутск
          twingraph path Хабаровск Благовещенск --via twinned-with,partner-of --k 3
          twingraph path Омск Иркутск --format svg -o path.svg
        """
    )

    @Argument(help: "The first node (name, any form, or id).")
    var from: String

    @Argument(help: "The second node.")
    var to: String

    @Option(help: Vocabulary.viaHelp("Follow only these relations"))
    var via: String?

    @Flag(help: "Every shortest path, not one.")
    var allShortest = false

    @Option(name: .customLong("k"), help: "Up to N shortest loopless paths (Yen's algorithm), shortest first.")
    var k: Int?

    @Option(help: "Ignore paths longer than N hops.")
    var maxHops: Int?

    @Option(help: "text, json, dot or svg (svg and dot draw the first path as `twingraph draw path` does).")
    var format: PathFormat = .text

    @Option(name: .shortAndLong, help: "Output file. Default: standard output.")
    var output: String?

    @OptionGroup var source: GraphSourceOptions

    @OptionGroup var facts: FactFilterOptions

    @Option(help: Vocabulary.typeHelp("Go only through nodes of these types"))
    var type: String?

    func validate() throws {
        if allShortest && k != nil { throw ValidationError("choose --all-shortest or --k N, not both") }
        if let k, k < 1 || k > Self.maximumK {
            throw ValidationError("--k takes a number of paths from 1 to \(Self.maximumK)")
        }
        if let maxHops, maxHops < 1 { throw ValidationError("--max-hops takes 1 or more") }
    }

    func run() throws {
        try Output.refuseOverwriting(source.inputs, with: output)
        let relations = try parseRelations(via)
        let queries = try source.queries(filteredBy: facts, nodeTypes: try parseNodeTypes(type), anchors: [from, to])
        noteResolution(queries, from, to)
        let mode: GraphQueries.PathMode = allShortest ? .allShortest(limit: 1000) : (k.map { .alternatives($0) } ?? .shortest)
        let report = try answering { try queries.paths(from: from, to: to, via: relations, mode: mode, maxHops: maxHops) }
        switch format {
        case .json:
            try writeOutput(try encodeJSON(report), to: output)
        case .text:
            let names = Dictionary(report.paths.flatMap(\.nodes).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            try writeOutput(Data(TextReports.path(report, names: names).utf8), to: output)
        case .dot, .svg:
            let drawn = try source.wholeGraph(of: queries, nodeTypes: try parseNodeTypes(type), anchors: [from, to])
            guard let diagram = try pathDiagram(report, graph: drawn, relations: relations) else { break }
            if format == .dot {
                try writeOutput(Data(diagram.dot.render().utf8), to: output)
            } else {
                do {
                    try writeOutput(try diagram.render(.svg), to: output)
                } catch let error as RenderError {
                    throw CLIFailure(message: error.description)
                }
            }
        }
        if report.paths.isEmpty { throw CLIFailure(message: "", exitCode: 1) }
    }

    /// The first path drawn as `draw path` draws it (the same PathDiagram, the same graph and
    /// --via filter, each hop by its first relation by id), or nil when there is no path.
    func pathDiagram(_ report: PathReport, graph: Graph, relations: Set<EdgeType>?) throws -> Diagram? {
        guard let first = report.paths.first else { return nil }
        var g = graph
        if let relations { g.edges.removeAll { !relations.contains($0.type) } }
        let byID = Dictionary(g.edges.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let edges = first.hops.compactMap { hop in hop.relations.map(\.id).min().flatMap { byID[$0] } }
        do {
            return try PathDiagram.make(g, path: edges, from: report.from.id)
        } catch let error as DiagramError {
            throw CLIFailure(message: error.description, exitCode: 2)
        }
    }
}
