import Foundation
import KnowledgeGraph
import Rendering

/// Diagrams for the pages: the Rendering target's pictures, with each place linked to its page
/// and each line's tooltip naming its relations and years, drawn as SVG to put in the page.
enum DiagramLinks {
    /// Adds links and tooltips. The builders give each place node its name as tooltip; a name
    /// that several nodes share is left unlinked rather than linked to the wrong one.
    /// The diagram keeps its layout and, for the map, its pinned positions.
    static func link(_ diagram: Diagram, graph: Graph, filters: Filters) -> Diagram {
        var linked = diagram
        linked.dot = link(diagram.dot, graph: graph, filters: filters)
        linked.free = diagram.free.map { link($0, graph: graph, filters: filters) }
        return linked
    }

    private static func link(_ unlinked: DOTGraph, graph: Graph, filters: Filters) -> DOTGraph {
        var nodesByName: [String: [Node]] = [:]
        for node in graph.nodes { nodesByName[node.name, default: []].append(node) }
        var graphNode: [String: Node] = [:]
        var dot = unlinked
        for k in dot.nodes.indices {
            guard case .text(let name)? = dot.nodes[k].attributes.first(where: { $0.0 == "tooltip" })?.1,
                  let matches = nodesByName[name], matches.count == 1, let node = matches.first else { continue }
            graphNode[dot.nodes[k].id] = node
            dot.nodes[k].attributes += [("URL", .text(HTML.nodeHref(node.id, filters: filters))), ("target", "_top")]
        }
        let relations = relationsByPair(graph)
        for k in dot.edges.indices {
            guard let a = graphNode[dot.edges[k].source], let b = graphNode[dot.edges[k].target] else { continue }
            let between = relations[pairKey(a.id, b.id)] ?? []
            guard !between.isEmpty else { continue }
            let tooltip = "\(a.name) — \(b.name): " + between.map { RelationNames.label(RelationRef($0)) }.joined(separator: "; ")
            dot.edges[k].attributes += [
                ("tooltip", .text(tooltip)), ("edgetooltip", .text(tooltip)),
                ("URL", .text(HTML.nodeHref(a.id, filters: filters) + "#with-" + b.id)), ("target", "_top"),
            ]
        }
        return dot
    }


    static func pairKey(_ a: String, _ b: String) -> String { a < b ? a + "\u{0}" + b : b + "\u{0}" + a }

    static func relationsByPair(_ graph: Graph) -> [String: [Edge]] {
        var out: [String: [Edge]] = [:]
        for edge in graph.edges { out[pairKey(edge.source, edge.target), default: []].append(edge) }
        return out
    }

    /// The drawing as an `<svg>` element (Graphviz's XML prolog and doctype left out).
    static func svg(_ diagram: Diagram) throws -> String {
        let data = try diagram.render(.svg)
        let text = String(decoding: data, as: UTF8.self)
        guard let start = text.range(of: "<svg") else { return text }
        return String(text[start.lowerBound...])
    }
}
