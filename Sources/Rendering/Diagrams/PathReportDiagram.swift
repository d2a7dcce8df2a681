import KnowledgeGraph

/// The answer of a path query drawn: every path's nodes and the relations of its hops, left to
/// right, the first path highlighted and its two ends emphasised (`twingraph path --format svg`
/// and the explorer's path page).
public enum PathReportDiagram {
    /// `edges` are the hops' relations in full (with their attributes); `nodes` holds at least
    /// the paths' nodes.
    public static func make(_ report: PathReport, nodes: [String: Node], edges: [Edge]) -> Diagram {
        let nodeIDs = Set(report.paths.flatMap { $0.nodes.map(\.id) })
        let sub = Graph(documents: [], nodes: nodeIDs.sorted().compactMap { nodes[$0] }, edges: edges)
        var options = GraphStyle.Options()
        options.title = "\(report.from.name) — \(report.to.name)"
        options.edgeYearLabels = true
        if let first = report.paths.first {
            options.highlightedNodes = Set(first.nodes.map(\.id))
            options.highlightedEdges = Set(first.hops.flatMap { $0.relations.map(\.id) })
        }
        options.emphasised = [report.from.id, report.to.id]
        var dot = GraphStyle.dotGraph(for: sub, options: options)
        dot.graphAttributes.append(("rankdir", "LR"))
        return Diagram(dot: dot, layout: .dot)
    }

    /// The ids of the relations `report`'s hops use.
    public static func edgeIDs(_ report: PathReport) -> Set<String> {
        Set(report.paths.flatMap { $0.hops.flatMap { $0.relations.map(\.id) } })
    }
}
