import ArgumentParser
import Foundation
import KnowledgeGraph
import Rendering

extension Layout: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

/// Reads a graph JSON file ("-": standard input), naming the file in every error.
func loadGraph(_ path: String) throws -> Graph {
    try readGraphFile(path, fromData: { try GraphJSON.decode($0, file: $1) }, fromFile: GraphJSON.read(contentsOf:))
}

/// A graph JSON file (or standard input for "-") read for queries: nodes and edges light, the
/// text of the facts a report shows read when it is built.
func loadQueryGraph(_ path: String) throws -> GraphJSONQueryRead {
    try readGraphFile(path, fromData: { try GraphJSON.readForQueries($0, file: $1) }, fromFile: GraphJSON.readForQueries(contentsOf:))
}

/// Reads a graph JSON file, or standard input for "-", with the command line's messages.
private func readGraphFile<T>(_ path: String, fromData: (Data, String) throws -> T, fromFile: (URL) throws -> T) throws -> T {
    if path == "-" {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        if data.isEmpty { throw CLIFailure(message: "standard input is empty; pipe a graph JSON into --graph -") }
        do {
            return try fromData(data, "standard input")
        } catch let error as GraphJSONError {
            throw CLIFailure(message: error.description)
        } catch {
            throw CLIFailure(message: "standard input: \(error.localizedDescription)")
        }
    }
    guard FileManager.default.fileExists(atPath: path) else {
        throw CLIFailure(message: "\(path): no such file")
    }
    do {
        return try fromFile(URL(fileURLWithPath: path))
    } catch let error as GraphJSONError {
        throw CLIFailure(message: error.description)
    } catch {
        throw CLIFailure(message: "\(path): \(error.localizedDescription)")
    }
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a graph JSON file with Graphviz (in-process; no `dot` command needed).",
        discussion: """
        The format is taken from --format, else from the extension of -o, else SVG. \
        Without -o the picture goes to standard output.

        Example: twingraph render Graphs/graph.json --layout sfdp -o network.svg
        """
    )

    @Argument(help: "The graph JSON file (as written by `twingraph extract`).")
    var graph: String

    @Option(help: "Layout engine: \(Layout.allCases.map(\.rawValue).joined(separator: ", ")).")
    var layout: Layout = .sfdp

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat?

    @Option(name: .shortAndLong, help: "Output file (default: standard output).")
    var output: String?

    @Option(help: "A title drawn above the diagram.")
    var title: String?

    @Flag(help: "Leave out the legend.")
    var noLegend = false

    mutating func validate() throws {
        if format == nil, let output, output != "-", OutputFormat(fileName: output) == nil {
            throw ValidationError("cannot tell the format from '\(output)'; pass --format \(OutputFormat.allCases.map(\.rawValue).joined(separator: "|"))")
        }
    }

    func run() throws {
        try Output.refuseOverwriting([graph], with: output)
        let g = try loadGraph(graph)
        let fmt = format ?? output.flatMap { OutputFormat(fileName: $0) } ?? .svg
        var options = GraphStyle.Options()
        options.title = title
        options.legend = !noLegend
        options.emphasised = Set(g.documents.compactMap(\.reporter))
        let dot = GraphStyle.dotGraph(for: g, options: options).render()
        do {
            let data = try Graphviz.render(dot: dot, layout: layout, format: fmt)
            try writeOutput(data, to: output)
        } catch let error as RenderError {
            throw CLIFailure(message: "\(graph): \(error.description)")
        }
    }
}
