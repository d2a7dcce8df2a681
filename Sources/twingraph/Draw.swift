import ArgumentParser
import Foundation
import KnowledgeGraph
import Rendering
import Reports

/// `twingraph draw KIND …`: the diagrams people put into their reports.
struct Draw: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a partnership diagram: network, ego, path, map or timeline.",
        discussion: """
        Every diagram fits an A4 page and carries its own legend. Names of places are matched \
        ignoring letter case, against the canonical name, the aliases and the id.

        Examples:
          twingraph draw network -o network.svg   (from the store)
          twingraph draw ego Омск --graph Graphs/graph.json -o omsk.png
          twingraph draw path Кайфын Магдебург --graph Graphs/graph.json -o path.pdf
          twingraph extract report.txt | twingraph draw map --graph - -o map.svg
          twingraph draw timeline омск --graph Graphs/graph.json -o omsk-timeline.svg
        """,
        subcommands: [DrawNetwork.self, DrawEgo.self, DrawPath.self, DrawMap.self, DrawTimeline.self]
    )
}

/// Options every diagram takes.
struct DrawOptions: ParsableArguments {
    @OptionGroup var source: GraphSourceOptions

    @OptionGroup var facts: FactFilterOptions

    @Option(help: Vocabulary.typeHelp("Draw only nodes of these types"))
    var type: String?

    /// The graph's source as messages name it.
    var graph: String { source.label }

    @Option(help: ArgumentHelp("Draw only these relations (comma-separated, JSON or Russian names: побратимы, партнёры, визиты …).", valueName: "relations"))
    var via: String?

    @Option(help: "Output format: svg, png, pdf or dot (default: from the -o extension, else svg).")
    var format: OutputFormat?

    @Option(name: .shortAndLong, help: "Output file (default: standard output).")
    var output: String?

    @Option(help: "Override the layout engine chosen for the diagram (dot, neato, fdp, sfdp, circo, twopi).")
    var layout: Layout?

    @Option(help: "A title instead of the default one.")
    var title: String?

    @Option(help: "Resolution of PNG output in dots per inch: 150 suits print, 300 fine print, 96 a screen.")
    var dpi: Double = 150

    func validate() throws {
        if format == nil, let output, output != "-", OutputFormat(fileName: output) == nil {
            throw ValidationError("cannot tell the format from '\(output)'; pass --format svg|png|pdf|dot")
        }
        if !Diagram.dpiRange.contains(dpi) {
            throw ValidationError("--dpi must be between \(Int(Diagram.dpiRange.lowerBound)) and \(Int(Diagram.dpiRange.upperBound))")
        }
    }

    /// The graph to draw: the source's, with only the facts --via, --type, --year(s) and
    /// --country keep.
    func load() throws -> Graph {
        try Output.refuseOverwriting(source.inputs, with: output)
        return try source.load(filteredBy: facts, relations: try parseRelations(via), nodeTypes: try parseNodeTypes(type))
    }

    /// Renders `diagram` and writes it where the user asked.
    func write(_ diagram: Diagram) throws {
        let fmt = format ?? output.flatMap { OutputFormat(fileName: $0) } ?? .svg
        do {
            try writeOutput(try diagram.render(fmt, layout: layout, dpi: dpi), to: output)
        } catch let error as RenderError {
            throw CLIFailure(message: "\(graph): \(error.description)")
        }
    }
}

struct DrawNetwork: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "The whole partnership network, places clustered by country, reporting cities emphasised.")

    @OptionGroup var options: DrawOptions

    @Flag(help: "Leave out visits between places that are not partners.")
    var noVisits = false

    func run() throws {
        let g = try options.load()
        var o = NetworkDiagram.Options()
        if let title = options.title { o.title = title }
        o.includeVisits = !noVisits
        try options.write(NetworkDiagram.make(g, options: o))
    }
}

struct DrawEgo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ego",
        abstract: "One city and its partners: relation, status (planned dashed), country colour, year.")

    @Argument(help: "The city: name, alias or id (any letter case).")
    var city: String

    @OptionGroup var options: DrawOptions

    func run() throws {
        let g = try options.load()
        let node = try resolvePlace(city, in: g, file: options.graph)
        var o = EgoDiagram.Options()
        o.title = options.title
        try options.write(try EgoDiagram.make(g, center: node.id, options: o))
    }
}

struct DrawPath: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "How A is connected to B: the path highlighted in its surroundings.",
        discussion: """
        With --edges, draws exactly that path (edge ids in order from A to B, as printed in the \
        graph JSON). Without it, takes a fewest-hops path found by breadth-first search over all \
        relations in either direction, ties broken by edge id so the picture is reproducible.
        """)

    @Argument(help: "Where the path starts: name, alias or id.")
    var from: String

    @Argument(help: "Where the path ends: name, alias or id.")
    var to: String

    @Option(help: "Comma-separated edge ids forming the path from A to B.")
    var edges: String?

    @OptionGroup var options: DrawOptions

    func run() throws {
        let g = try options.load()
        let a = try resolvePlace(from, in: g, file: options.graph)
        let b = try resolvePlace(to, in: g, file: options.graph)
        let path: [Edge]
        if let edges {
            let byID = Dictionary(g.edges.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
            path = try edges.split(separator: ",").map { raw in
                let id = raw.trimmingCharacters(in: .whitespaces)
                guard let edge = byID[id] else { throw CLIFailure(message: "\(options.graph): no edge with id '\(id)'") }
                return edge
            }
        } else {
            guard let found = fewestHopsPath(in: g, from: a.id, to: b.id) else {
                throw CLIFailure(message: "\(options.graph): \(a.name) and \(b.name) are not connected")
            }
            path = found
        }
        do {
            let sequence = try PathDiagram.nodeSequence(path, from: a.id)
            if sequence.last != b.id {
                throw CLIFailure(message: "the edges given end at '\(sequence.last ?? a.id)', not at \(b.name) (\(b.id))", exitCode: 2)
            }
            var o = PathDiagram.Options()
            o.title = options.title
            try options.write(try PathDiagram.make(g, path: path, from: a.id, options: o))
        } catch let error as DiagramError {
            throw CLIFailure(message: error.description, exitCode: 2)
        }
    }
}

/// A fewest-hops path between two nodes over every relation, either direction: the first path
/// `twingraph path` lists (the graph engine's search, ties broken by node number, so the
/// picture is reproducible), one edge per hop (the first by id).
func fewestHopsPath(in g: Graph, from: String, to: String) -> [Edge]? {
    if from == to { return [] }
    guard let report = try? GraphQueries(graph: g).paths(from: from, to: to), let path = report.paths.first else { return nil }
    let byID = Dictionary(g.edges.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
    var edges: [Edge] = []
    for hop in path.hops {
        guard let id = hop.relations.map(\.id).min(), let edge = byID[id] else { return nil }
        edges.append(edge)
    }
    return edges
}

struct DrawMap: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Places at their coordinates (lat/lon attributes), partnership lines across the map.")

    @OptionGroup var options: DrawOptions

    @Flag(help: "Leave out visits between places that are not partners.")
    var noVisits = false

    func run() throws {
        let g = try options.load()
        var o = MapDiagram.Options()
        if let title = options.title { o.title = title }
        o.includeVisits = !noVisits
        try options.write(MapDiagram.make(g, options: o))
    }
}

struct DrawTimeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "The dated facts about a city, year by year.")

    @Argument(help: "The city: name, alias or id (any letter case).")
    var city: String

    @OptionGroup var options: DrawOptions

    @Option(help: "The page to draw when the facts fill more than one (three columns a page); the legend says how many.")
    var page = 1

    func run() throws {
        let g = try options.load()
        let node = try resolvePlace(city, in: g, file: options.graph)
        var o = TimelineDiagram.Options()
        o.title = options.title
        o.page = page
        let pages = TimelineDiagram.pageCount(g, center: node.id, options: o)
        do {
            try options.write(try TimelineDiagram.make(g, center: node.id, options: o))
        } catch let error as DiagramError {
            throw CLIFailure(message: error.description, exitCode: 2)
        }
        if pages > 1 && page == 1 { printError("twingraph: the timeline of \(node.name) has \(pages) pages; --page 2…\(pages) draws the others") }
    }
}
