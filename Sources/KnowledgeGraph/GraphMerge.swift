/// Combining per-document graphs and taking a graph apart by document.
///
/// A document's contribution is the nodes it mentions and the edges it gives evidence for. The
/// merged graph is the union of contributions: a node or edge that several documents state keeps
/// every mention and every evidence; where they disagree on a name, type or attribute, the
/// document with the smallest id wins, so the result does not depend on the order of ingestion.
extension Graph {
    /// The union of `parts` (see the extension's documentation), sorted.
    public static func merging(_ parts: [Graph]) -> Graph {
        let ordered = parts.sorted { ($0.documents.map(\.id).min() ?? "") < ($1.documents.map(\.id).min() ?? "") }
        var documents: [String: Document] = [:]
        var nodes: [String: Node] = [:]
        var edges: [String: Edge] = [:]
        for part in ordered {
            for d in part.documents where documents[d.id] == nil { documents[d.id] = d }
            for n in part.nodes {
                guard var existing = nodes[n.id] else { nodes[n.id] = n; continue }
                if n.name != existing.name { existing.aliases.append(n.name) }
                existing.aliases += n.aliases
                for (k, v) in n.attributes where existing.attributes[k] == nil { existing.attributes[k] = v }
                existing.mentions += n.mentions
                nodes[n.id] = existing
            }
            for e in part.edges {
                guard var existing = edges[e.id] else { edges[e.id] = e; continue }
                for (k, v) in e.attributes where existing.attributes[k] == nil { existing.attributes[k] = v }
                existing.evidence += e.evidence
                edges[e.id] = existing
            }
        }
        for (id, n) in nodes { nodes[id]?.aliases = n.aliases.filter { $0 != n.name } }
        return Graph(documents: Array(documents.values), nodes: Array(nodes.values), edges: Array(edges.values)).sorted()
    }

    /// Each document's contribution: the nodes with their mentions in that document, the edges
    /// with their evidence in it, and the nodes those edges join (without mentions if the
    /// document does not mention them). Facts with no mention or evidence in any listed document
    /// belong to no contribution and are returned in `orphans` so a caller can report them.
    public func contributions() -> (parts: [(document: Document, graph: Graph)], orphans: Graph) {
        let byID = nodesByID
        var parts: [(Document, Graph)] = []
        let known = Set(documents.map(\.id))
        for d in documents.sorted(by: { $0.id < $1.id }) {
            var partNodes: [String: Node] = [:]
            for n in nodes {
                let mine = n.mentions.filter { $0.document == d.id }
                if !mine.isEmpty { var m = n; m.mentions = mine; partNodes[n.id] = m }
            }
            var partEdges: [Edge] = []
            for e in edges {
                let mine = e.evidence.filter { $0.document == d.id }
                guard !mine.isEmpty else { continue }
                var m = e; m.evidence = mine
                partEdges.append(m)
                for end in [e.source, e.target] where partNodes[end] == nil {
                    if var n = byID[end] { n.mentions = []; partNodes[end] = n }
                }
            }
            parts.append((d, Graph(documents: [d], nodes: Array(partNodes.values), edges: partEdges).sorted()))
        }
        let orphanEdges = edges.filter { !$0.evidence.contains { known.contains($0.document) } }
        let orphanEdgeIDs = Set(orphanEdges.map(\.id))
        var joined = Set<String>()
        for e in edges where !orphanEdgeIDs.contains(e.id) { joined.insert(e.source); joined.insert(e.target) }
        let orphanNodes = nodes.filter { n in
            !joined.contains(n.id) && !n.mentions.contains { known.contains($0.document) }
        }
        return (parts, Graph(nodes: orphanNodes, edges: orphanEdges))
    }
}
