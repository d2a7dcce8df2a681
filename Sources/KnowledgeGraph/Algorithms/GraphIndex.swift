/// A knowledge graph prepared for the algorithms: node ids mapped to dense integers (in sorted id
/// order, so results are deterministic) and an undirected simple adjacency (`CSRGraph`) over the
/// nodes that the chosen relations connect. Parallel relations between two nodes (a partnership
/// and a visit, say) are one adjacency entry; `edges(between:_:)` gives them all back.
///
/// Built without hashing pairs: the kept edges are sorted by their (smaller, larger) node
/// numbers, each run of equal pairs becomes one adjacency entry, and the runs' edge lists sit
/// in one array. Each vertex's neighbours come out ascending, so a pair is found by binary search.
public struct GraphIndex: Sendable {
    /// The graph, nodes and edges in id order.
    public let graph: Graph
    /// The relation types kept; nil keeps every type.
    public let relations: Set<EdgeType>?
    /// The adjacency over node numbers `0..<graph.nodes.count`; `csr.edgeIndex` holds pair numbers.
    public let csr: CSRGraph
    private let numberOfID: [String: Int]
    /// Indices into `graph.edges` of the kept edges, grouped by pair, each group in id order.
    private let pairEdges: [Int32]
    /// Pair `p`'s edges are `pairEdges[pairStart[p]..<pairStart[p + 1]]`.
    private let pairStart: [Int32]

    /// Indexes `graph`, keeping only edges whose type is in `relations` (all when nil). Edges whose
    /// ends are not nodes of the graph, and self-loops, are ignored.
    public init(_ graph: Graph, relations: Set<EdgeType>? = nil) {
        let g = graph.orderedByID()
        self.graph = g
        self.relations = relations
        let n = g.nodes.count
        var numbers: [String: Int] = [:]
        numbers.reserveCapacity(n)
        for (i, node) in g.nodes.enumerated() { numbers[node.id] = i }
        // (low * n + high) per kept edge, beside the edge's index; sorting the keys groups pairs.
        var keyed: [(key: Int, edge: Int32)] = []
        keyed.reserveCapacity(g.edges.count)
        g.edges.withUnsafeBufferPointer { edges in
            for k in edges.indices {
                if let relations, !relations.contains(edges[k].type) { continue }
                guard let s = numbers[edges[k].source], let t = numbers[edges[k].target], s != t else { continue }
                keyed.append((min(s, t) * n + max(s, t), Int32(k)))
            }
        }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.edge < $1.edge }
        var sources: [Int32] = [], targets: [Int32] = []
        var pairEdges: [Int32] = [], pairStart: [Int32] = []
        pairEdges.reserveCapacity(keyed.count)
        var previous = -1
        for (key, edge) in keyed {
            if key != previous {
                pairStart.append(Int32(pairEdges.count))
                sources.append(Int32(key / n)); targets.append(Int32(key % n))
                previous = key
            }
            pairEdges.append(edge)
        }
        pairStart.append(Int32(pairEdges.count))
        numberOfID = numbers
        self.pairEdges = pairEdges
        self.pairStart = pairStart
        csr = CSRGraph(vertexCount: n, sources: sources, targets: targets)
    }

    /// The dense number of a node id.
    public func number(of id: String) -> Int? { numberOfID[id] }

    /// The node with a dense number.
    public func node(_ number: Int) -> Node { graph.nodes[number] }

    /// The pair number of the adjacency entry joining `a` and `b`, if they are adjacent.
    private func pair(_ a: Int, _ b: Int) -> Int? {
        var lo = csr.offsets[a], hi = csr.offsets[a + 1]
        let target = Int32(b)
        while lo < hi {
            let mid = (lo + hi) / 2
            if csr.neighbours[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        guard lo < csr.offsets[a + 1], csr.neighbours[lo] == target else { return nil }
        return Int(csr.edgeIndex[lo])
    }

    /// The kept edges joining two nodes, either direction, sorted by id.
    public func edges(between a: Int, _ b: Int) -> [Edge] {
        guard let p = pair(a, b) else { return [] }
        return pairEdges[Int(pairStart[p])..<Int(pairStart[p + 1])].map { graph.edges[Int($0)] }
    }

    /// The kept edges touching a node, sorted by id.
    public func edges(touching v: Int) -> [Edge] {
        csr.neighbours(of: v).flatMap { edges(between: v, Int($0)) }.sorted { $0.id < $1.id }
    }
}

extension Graph {
    /// Nodes, edges and documents in id order, inner lists untouched: what the algorithms need
    /// for deterministic numbering, without `sorted()`'s normalisation of every mention list.
    /// Free when the graph is already in order (as decoded graph JSON and the store's are).
    func orderedByID() -> Graph {
        var g = self
        // The checks read each id in place: comparing copies of whole nodes and edges (as a
        // zip of the list with itself does) retains and releases every field.
        if !g.nodes.indices.dropFirst().allSatisfy({ g.nodes[$0 - 1].id < g.nodes[$0].id }) { g.nodes.sort { $0.id < $1.id } }
        if !g.edges.indices.dropFirst().allSatisfy({ g.edges[$0 - 1].id < g.edges[$0].id }) { g.edges.sort { $0.id < $1.id } }
        if !g.documents.indices.dropFirst().allSatisfy({ g.documents[$0 - 1].id < g.documents[$0].id }) { g.documents.sort { $0.id < $1.id } }
        return g
    }
}
