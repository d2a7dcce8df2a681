/// Applies corrections to a graph: a whole extraction or one document's contribution. Applying
/// the same corrections again changes nothing, so the store can re-apply the whole file to
/// every document after each new correction.
///
/// What was changed by hand is marked in the `corrected` attribute of the node or fact
/// ("status", "renamed", "merged city/x"), which `export` and the appendix show; rejected
/// facts are simply absent.
extension CorrectionsFile {
    public static let markKey = "corrected"

    public func apply(to graph: Graph) -> Graph { applying(to: graph).graph }

    /// The corrected graph, and for each correction whether it named a fact or node of the
    /// graph (after the corrections before it): one that names nothing in any document may
    /// have an id a newer extraction no longer makes.
    public func applying(to graph: Graph) -> (graph: Graph, matched: [Bool]) {
        var g = graph
        var matched: [Bool] = []
        for correction in corrections {
            matched.append(CorrectionsFile.names(correction, in: g))
            CorrectionsFile.apply(correction, to: &g)
        }
        return (g, matched)
    }

    static func names(_ correction: Correction, in g: Graph) -> Bool {
        switch correction {
        case let .reject(fact), let .set(fact, _, _): return g.edges.contains { $0.id == fact }
        case let .merge(_, merged, _): return g.nodes.contains { $0.id == merged }
        case let .rename(node, _): return g.nodes.contains { $0.id == node }
        }
    }

    static func apply(_ correction: Correction, to g: inout Graph) {
        switch correction {
        case let .reject(fact): g.edges.removeAll { $0.id == fact }
        case let .set(fact, key, value): set(fact, key, value, in: &g)
        case let .merge(kept, merged, keptName): merge(merged, into: kept, named: keptName, in: &g)
        case let .rename(node, name): rename(node, to: name, in: &g)
        }
    }

    /// Adds `note` to what an attribute map says was corrected, once.
    static func mark(_ attributes: inout [String: AttributeValue], _ note: String) {
        let earlier = attributes[markKey]?.stringValue.map { $0.components(separatedBy: "; ") } ?? []
        if !earlier.contains(note) { attributes[markKey] = .string((earlier + [note]).joined(separator: "; ")) }
    }

    static func set(_ fact: String, _ key: String, _ value: String, in g: inout Graph) {
        for k in g.edges.indices where g.edges[k].id == fact {
            g.edges[k].attributes[key] = Correction.attributeValue(key: key, text: value)
            mark(&g.edges[k].attributes, key)
        }
    }

    static func rename(_ id: String, to name: String, in g: inout Graph) {
        for k in g.nodes.indices where g.nodes[k].id == id && g.nodes[k].name != name {
            g.nodes[k].aliases = (g.nodes[k].aliases + [g.nodes[k].name]).filter { $0 != name }.sortedUnique()
            g.nodes[k].name = name
            mark(&g.nodes[k].attributes, "renamed")
        }
    }

    /// `merged`'s names, mentions and facts go to `kept` (whose name, type and attributes win);
    /// a fact between the two disappears, and facts that become the same fact are one, with
    /// both their evidence. When the graph lacks `kept`, `merged` takes its id and `keptName`
    /// (its own name becoming an alias), so that every document names the node alike.
    static func merge(_ merged: String, into kept: String, named keptName: String?, in g: inout Graph) {
        guard let m = g.nodes.firstIndex(where: { $0.id == merged }) else { return }
        let from = g.nodes.remove(at: m)
        if let k = g.nodes.firstIndex(where: { $0.id == kept }) {
            g.nodes[k].aliases = (g.nodes[k].aliases + [from.name] + from.aliases).filter { $0 != g.nodes[k].name }.sortedUnique()
            g.nodes[k].mentions = (g.nodes[k].mentions + from.mentions).sortedUnique()
            for (key, value) in from.attributes where g.nodes[k].attributes[key] == nil && key != markKey {
                g.nodes[k].attributes[key] = value
            }
            mark(&g.nodes[k].attributes, "merged \(merged)")
        } else {
            var moved = from
            moved.id = kept
            if let keptName, keptName != from.name {
                moved.aliases = (moved.aliases + [from.name]).filter { $0 != keptName }.sortedUnique()
                moved.name = keptName
            }
            mark(&moved.attributes, "merged \(merged)")
            g.nodes.append(moved)
        }
        var edges: [Edge] = [], position: [String: Int] = [:]
        for e in g.edges {
            guard e.source == merged || e.target == merged else {
                if let p = position[e.id] { edges[p].evidence = (edges[p].evidence + e.evidence).sortedUnique() } else {
                    position[e.id] = edges.count
                    edges.append(e)
                }
                continue
            }
            let source = e.source == merged ? kept : e.source, target = e.target == merged ? kept : e.target
            if source == target { continue }
            let moved = Edge(type: e.type, source: source, target: target, attributes: e.attributes, evidence: e.evidence)
            if let p = position[moved.id] {
                edges[p].evidence = (edges[p].evidence + moved.evidence).sortedUnique()
                for (key, value) in moved.attributes where edges[p].attributes[key] == nil { edges[p].attributes[key] = value }
            } else {
                position[moved.id] = edges.count
                edges.append(moved)
            }
        }
        g.edges = edges
    }
}
