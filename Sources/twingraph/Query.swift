import ArgumentParser
import Foundation
import KnowledgeGraph

extension RankReport.Measure: ExpressibleByArgument {}

struct Neighbours: ParsableCommand {
    /// Beyond a few hops an ego network is the whole component; 20 is far past any use.
    static let maximumDepth = 20

    static let configuration = CommandConfiguration(
        abstract: "The ego network of a node: everything within N hops.",
        discussion: "Example: twingraph neighbours Омск --depth 2 --types twinned-with,partner-of"
    )

    @Argument(help: "The node (name, any form, or id).")
    var node: String

    @Option(help: "Hops from the node.")
    var depth = 1

    @Option(help: ArgumentHelp("Follow only these relations (comma-separated).", valueName: "relations"))
    var types: String?

    @Option(help: ArgumentHelp("Keep only neighbours of these node types (comma-separated).", valueName: "node-types"))
    var nodeTypes: String?

    @Option(help: "text or json.")
    var format: QueryFormat = .text

    @OptionGroup var source: GraphSourceOptions

    func validate() throws {
        if depth < 0 || depth > Self.maximumDepth { throw ValidationError("--depth takes 0 to \(Self.maximumDepth) hops") }
    }

    func run() throws {
        let relations = try parseRelations(types), kinds = try parseNodeTypes(nodeTypes)
        let q = try source.queries()
        noteResolution(q, node)
        let report = try answering { try q.neighbourhood(of: node, depth: depth, via: relations, nodeTypes: kinds) }
        try emit(report, format: format, text: TextReports.neighbourhood)
    }
}

struct Partners: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A node's twin and partner places, as a table.",
        discussion: "Example: twingraph partners Хабаровск"
    )

    @Argument(help: "The node (name, any form, or id).")
    var node: String

    @Option(help: "text or json.")
    var format: QueryFormat = .text

    @OptionGroup var source: GraphSourceOptions

    func run() throws {
        let q = try source.queries()
        noteResolution(q, node)
        let report = try answering { try q.partners(of: node) }
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

    @Option(help: "text or json.")
    var format: QueryFormat = .text

    @OptionGroup var source: GraphSourceOptions

    func run() throws {
        let relations = any ? nil : (try parseRelations(via) ?? GraphQueries.partnership)
        let q = try source.queries()
        noteResolution(q, first, second)
        let report = try answering { try q.common(first, second, via: relations) }
        try emit(report, format: format, text: TextReports.common)
    }
}

struct Rank: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Nodes ranked by degree, betweenness or PageRank.",
        discussion: "Example: twingraph rank --by pagerank --type city --top 10"
    )

    @Option(help: "degree, betweenness or pagerank.")
    var by: RankReport.Measure = .degree

    @Option(help: ArgumentHelp("Show only nodes of this type (the measure is still computed on the whole graph).", valueName: "node-type"))
    var type: String?

    @Option(help: ArgumentHelp("Use only these relations (comma-separated).", valueName: "relations"))
    var via: String?

    @Option(help: "How many to show.")
    var top = 20

    @Option(help: "text or json.")
    var format: QueryFormat = .text

    @OptionGroup var source: GraphSourceOptions

    func run() throws {
        let relations = try parseRelations(via)
        var nodeType: NodeType?
        if let type {
            guard let t = NodeType(rawValue: type) else {
                throw ValidationError("unknown node type '\(type)'; types are: \(NodeType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            nodeType = t
        }
        let report = try source.queries().rank(by: by, nodeType: nodeType, via: relations, top: top)
        try emit(report, format: format, text: TextReports.rank)
    }
}

struct Components: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Connected components of the graph, largest first.",
        discussion: "Example: twingraph components --via twinned-with,partner-of"
    )

    @Option(help: ArgumentHelp("Use only these relations (comma-separated).", valueName: "relations"))
    var via: String?

    @Option(help: "text or json.")
    var format: QueryFormat = .text

    @OptionGroup var source: GraphSourceOptions

    func run() throws {
        let relations = try parseRelations(via)
        let report = try source.queries().components(via: relations)
        try emit(report, format: format, text: TextReports.components)
    }
}

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every fact about a node, by year, with its evidence.",
        discussion: "Example: twingraph timeline Омск"
    )

    @Argument(help: "The node (name, any form, or id).")
    var node: String

    @Option(help: "text or json.")
    var format: QueryFormat = .text

    @OptionGroup var source: GraphSourceOptions

    func run() throws {
        let q = try source.queries()
        noteResolution(q, node)
        let report = try answering { try q.timeline(of: node) }
        try emit(report, format: format, text: TextReports.timeline)
    }
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Size and shape of the graph: counts by type, components, hubs."
    )

    @Option(help: "text or json.")
    var format: QueryFormat = .text

    @OptionGroup var source: GraphSourceOptions

    func run() throws {
        let report = try source.queries().stats()
        try emit(report, format: format, text: TextReports.stats)
    }
}
