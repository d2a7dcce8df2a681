import ArgumentParser
import Foundation
import KnowledgeGraph
import Rendering
import Reports

/// The node a command-line name refers to, or a failure that lists a few names that exist.
/// The one place where the CLI turns a typed name into a node (see `PlaceLookup`).
func resolvePlace(_ name: String, in graph: Graph, file: String) throws -> Node {
    if let node = PlaceLookup.resolve(name, in: graph) { return node }
    let places = graph.nodes.filter { $0.type.isPlace }.map(\.name).sorted()
    let hint = places.isEmpty ? "the graph has no places" : "places in it include: " + places.prefix(12).joined(separator: ", ")
    throw CLIFailure(message: "\(file): no node named '\(name)'; \(hint)")
}

struct Appendix: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "placeholder")
    func run() throws {}
}
