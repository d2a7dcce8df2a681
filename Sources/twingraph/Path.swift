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

    @Option(help: ArgumentHelp("Follow only these relations (comma-separated; JSON or Russian names: twinned-with or побратимы, partner-of or партнёры, visited or визиты, signed or подписали …).", valueName: "relations"))
    var via: String?

    @Flag(help: "Every shortest path, not one.")
    var allShortest = false

    @Option(name: .customLong("k"), help: "Up to N shortest loopless paths (Yen's algorithm), shortest first.")
    var k: Int?

    @Option(help: "Ignore paths longer than N hops.")
    var maxHops: Int?

    @Option(help: "text, json, dot or svg (svg and dot draw the paths, the first highlighted).")
    var format: PathFormat = .text

    @Option(name: .shortAndLong, help: "Output file. Default: standard output.")
    var output: String?

    @OptionGroup var source: GraphSourceOptions

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
        let queries = try source.queries()
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
            let dot = try pathDiagram(report, queries: queries)
            if format == .dot {
                try writeOutput(Data(dot.utf8), to: output)
            } else {
                do {
                    try writeOutput(try Graphviz.render(dot: dot, layout: .dot, format: .svg), to: output)
                } catch let error as RenderError {
                    throw CLIFailure(message: error.description)
                }
            }
        }
        if report.paths.isEmpty { throw CLIFailure(message: "", exitCode: 1) }
    }

    /// The paths drawn left to right with the first path highlighted.
    func pathDiagram(_ report: PathReport, queries: GraphQueries) throws -> String {
        let edgeIDs = PathReportDiagram.edgeIDs(report)
        let edges = try queries.full(queries.graph.edges.filter { edgeIDs.contains($0.id) })
        return PathReportDiagram.make(report, nodes: queries.graph.nodesByID, edges: edges).dot.render()
    }
}
