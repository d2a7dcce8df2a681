import ArgumentParser
import Foundation
import KnowledgeGraph

extension RankReport.Measure: ExpressibleByArgument {}

struct Neighbours: ParsableCommand {
    /// Beyond a few hops an ego network is the whole component; 20 is far past any use.
    static let maximumDepth = 20

    static let configuration = CommandConfiguration(
        abstract: "The ego network of a node: everything within N hops.",
        discussion: "Example: twingraph neighbours Омск --depth 2 --via побратимы,партнёры --type city",
        aliases: ["neighbors"]
    )

    @Argument(help: "The node (name, any form, or id).")
    var node: String

    @Option(help: "Hops from the node.")
    var depth = 1

    @Option(help: Vocabulary.viaHelp("Follow only these relations"))
    var via: String?

    @Option(help: Vocabulary.typeHelp("Keep only neighbours of these node types"))
    var type: String?

    @Option(help: "text or json.")
    var format: QueryFormat = .text

    @OptionGroup var source: GraphSourceOptions

    @OptionGroup var facts: FactFilterOptions

    func validate() throws {
        if depth < 0 || depth > Self.maximumDepth { throw ValidationError("--depth takes 0 to \(Self.maximumDepth) hops") }
    }

    func run() throws {
        let relations = try parseRelations(via), kinds = try parseNodeTypes(type)
        let q = try source.queries(filteredBy: facts, anchors: [node])
        noteResolution(q, node)
        let report = try answering { try q.neighbourhood(of: node, depth: depth, via: relations, nodeTypes: kinds) }
        try emit(report, format: format, text: TextReports.neighbourhood)
    }
}

struct Partners: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A node's twin and partner places, as a table.",
        discussion: "Example: twingraph partners Хабаровск (--via побратимы for twin cities only)"
    )

    @Argument(help: "The node (name, any form, or id).")
    var node: String

    @Option(help: ArgumentHelp("Relations that count as partnership (comma-separated, JSON or Russian names). Default: twinned-with,partner-of.", valueName: "relations"))
    var via: String?

    @Option(help: Vocabulary.typeHelp("Only partners of these node types"))
    var type: String?

    @Option(help: "text or json.")
    var format: QueryFormat = .text

    @OptionGroup var source: GraphSourceOptions

    @OptionGroup var facts: FactFilterOptions

    func run() throws {
        let relations = try parseRelations(via) ?? GraphQueries.partnership
        let q = try source.queries(filteredBy: facts, nodeTypes: try parseNodeTypes(type), anchors: [node])
        noteResolution(q, node)
        let report = try answering { try q.partners(of: node, via: relations) }
        try emit(report, format: format, text: TextReports.partners)
    }
}

struct Common: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Partners two nodes share.",
        discussion: "Example: twingraph common Хабаровск Благовещенск (add --any to count every relation)"
    )

    @Argument(help: "The first node.")
    var first: String

    @Argument(help: "The second node.")
    var second: String

    @Option(help: ArgumentHelp("Relations that count (comma-separated). Default: twinned-with,partner-of.", valueName: "relations"))
    var via: String?

    @Flag(help: "Count every relation, not only partnerships.")
    var any = false

    @Option(help: Vocabulary.typeHelp("Only shared nodes of these types"))
    var type: String?

    @Option(help: "text or json.")
    var format: QueryFormat = .text

    @OptionGroup var source: GraphSourceOptions

    @OptionGroup var facts: FactFilterOptions

    func run() throws {
        let relations = any ? nil : (try parseRelations(via) ?? GraphQueries.partnership)
        let q = try source.queries(filteredBy: facts, nodeTypes: try parseNodeTypes(type), anchors: [first, second])
        noteResolution(q, first, second)
        let report = try answering { try q.common(first, second, via: relations) }
        try emit(report, format: format, text: TextReports.common)
    }
}

struct Rank: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Nodes ranked by degree, betweenness or PageRank.",
        discussion: """
        Every measure reads the graph undirected and simple: edge direction is ignored (a visit \
        links both places, as a partnership does), and the relations between two nodes, however \
        many and of whatever types (a twinning, a partnership and three visits), count as one \
        link; self-loops are left out. Degree is the number of distinct neighbours. PageRank: \
        damping 0.85, uniform teleport, the rank of nodes without links spread evenly (as igraph \
        and NetworkX); a warning is printed if it has not converged after 1,000 iterations. \
        Betweenness: unnormalised, each unordered pair counted once (Brandes); exact runs use \
        every core and report progress on standard error; --samples K estimates it from K \
        random sources (Brandes–Pich, seeded, so runs repeat), for large graphs.

        Examples:
          twingraph rank --by pagerank --type city --top 10
          twingraph rank --by betweenness --samples 500 --via twinned-with,partner-of
        """
    )

    @Option(help: "degree, betweenness or pagerank.")
    var by: RankReport.Measure = .degree

    @Option(help: ArgumentHelp("Show only nodes of this type, e.g. city or город (the measure is still computed on the whole graph).", valueName: "node-type"))
    var type: String?

    @Option(help: Vocabulary.viaHelp("Use only these relations"))
    var via: String?

    @Option(help: "How many to show.")
    var top = 20

    @Option(help: ArgumentHelp("Betweenness only: estimate from this many random sources instead of all (Brandes–Pich).", valueName: "K"))
    var samples: Int?

    @Option(help: "text or json.")
    var format: QueryFormat = .text

    @OptionGroup var source: GraphSourceOptions

    @OptionGroup var facts: FactFilterOptions

    func validate() throws {
        if let samples {
            if samples < 1 { throw ValidationError("--samples takes a number of sources, 1 or more") }
            if by != .betweenness { throw ValidationError("--samples applies to --by betweenness only") }
        }
    }

    func run() throws {
        let relations = try parseRelations(via)
        let types = try parseNodeTypes(type)
        if let types, types.count > 1 { throw ValidationError("rank --type takes one node type") }
        let nodeType = types?.first
        var progress: CSRGraph.Progress?
        if by == .betweenness {
            progress = { done, total in
                let end = done == total ? "\n" : ""
                FileHandle.standardError.write(Data("\rbetweenness: \(done)/\(total) sources\(end)".utf8))
            }
        }
        let report = try source.queries(filteredBy: facts).rank(by: by, nodeType: nodeType, via: relations, top: top,
                                               samples: samples, progress: progress,
                                               warn: { printError("twingraph: warning: \($0)") })
        try emit(report, format: format, text: TextReports.rank)
    }
}

struct Components: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Connected components of the graph, largest first.",
        discussion: "Example: twingraph components --via twinned-with,partner-of"
    )

    @Option(help: Vocabulary.viaHelp("Use only these relations"))
    var via: String?

    @Option(help: Vocabulary.typeHelp("Use only nodes of these types"))
    var type: String?

    @Option(help: "text or json.")
    var format: QueryFormat = .text

    @OptionGroup var source: GraphSourceOptions

    @OptionGroup var facts: FactFilterOptions

    func run() throws {
        let relations = try parseRelations(via)
        let report = try source.queries(filteredBy: facts, nodeTypes: try parseNodeTypes(type)).components(via: relations)
        try emit(report, format: format, text: TextReports.components)
    }
}

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every fact about a node, by year, with its evidence.",
        discussion: "Example: twingraph timeline Омск --via визиты,подписали"
    )

    @Argument(help: "The node (name, any form, or id).")
    var node: String

    @Option(help: ArgumentHelp("Only facts of these relations (comma-separated, JSON or Russian names).", valueName: "relations"))
    var via: String?

    @Option(help: Vocabulary.typeHelp("Only facts with nodes of these types"))
    var type: String?

    @Option(help: "text or json.")
    var format: QueryFormat = .text

    @OptionGroup var source: GraphSourceOptions

    @OptionGroup var facts: FactFilterOptions

    func run() throws {
        let relations = try parseRelations(via)
        let q = try source.queries(filteredBy: facts, nodeTypes: try parseNodeTypes(type), anchors: [node])
        noteResolution(q, node)
        let report = try answering { try q.timeline(of: node, via: relations) }
        try emit(report, format: format, text: TextReports.timeline)
    }
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Size and shape of the graph: counts by type, components, hubs.",
        discussion: "Example: twingraph stats --years 2011-2019 --via побратимы,партнёры"
    )

    @Option(help: Vocabulary.viaHelp("Count only facts of these relations"))
    var via: String?

    @Option(help: Vocabulary.typeHelp("Count only nodes of these types"))
    var type: String?

    @Option(help: "text or json.")
    var format: QueryFormat = .text

    @OptionGroup var source: GraphSourceOptions

    @OptionGroup var facts: FactFilterOptions

    func run() throws {
        let report = try source.queries(filteredBy: facts, relations: try parseRelations(via), nodeTypes: try parseNodeTypes(type),
                                            countsText: true).stats()
        try emit(report, format: format, text: TextReports.stats)
    }
}
