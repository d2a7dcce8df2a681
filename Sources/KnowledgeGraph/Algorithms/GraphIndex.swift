/// A knowledge graph prepared for the algorithms: node ids mapped to dense integers (in sorted id
/// order, so results are deterministic) and an undirected simple adjacency (`CSRGraph`) over the
/// nodes that the chosen relations connect. Parallel relations between two nodes (a partnership
/// and a visit, say) are one adjacency entry; `edges(between:_:)` gives them all back.
public struct GraphIndex: Sendable {
    /// The graph, nodes and edges in id order.
    public let graph: Graph
    /// The relation types kept; nil keeps every type.
    public let relations: Set<EdgeType>?
    /// The adjacency over node numbers `0..<graph.nodes.count`.
    public let csr: CSRGraph
    private let numberOfID: [String: Int]
    /// Indices into `graph.edges` of the kept edges joining each unordered pair.
    private let edgesOfPair: [UndirectedPair: [Int]]

    /// Indexes `graph`, keeping only edges whose type is in `relations` (all when nil). Edges whose
    /// ends are not nodes of the graph are ignored.
    public init(_ graph: Graph, relations: Set<EdgeType>? = nil) {
        let g = graph.orderedByID()
        self.graph = g
        self.relations = relations
        var numbers: [String: Int] = [:]
        numbers.reserveCapacity(g.nodes.count)
        for (i, n) in g.nodes.enumerated() { numbers[n.id] = i }
        var pairs: [UndirectedPair: [Int]] = [:]
        var sources: [Int32] = [], targets: [Int32] = []
        for (k, e) in g.edges.enumerated() {
            if let relations, !relations.contains(e.type) { continue }
            guard let s = numbers[e.source], let t = numbers[e.target], s != t else { continue }
            let pair = UndirectedPair(s, t)
            if pairs[pair] == nil {
                sources.append(Int32(pair.low)); targets.append(Int32(pair.high))
            }
            pairs[pair, default: []].append(k)
        }
        numberOfID = numbers
        edgesOfPair = pairs
        csr = CSRGraph(vertexCount: g.nodes.count, sources: sources, targets: targets)
    }

    /// The dense number of a node id.
    public func number(of id: String) -> Int? { numberOfID[id] }

    /// The node with a dense number.
    public func node(_ number: Int) -> Node { graph.nodes[number] }

    /// The kept edges joining two nodes, either direction, sorted by id.
    public func edges(between a: Int, _ b: Int) -> [Edge] {
        (edgesOfPair[UndirectedPair(a, b)] ?? []).map { graph.edges[$0] }
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
        if !zip(g.nodes, g.nodes.dropFirst()).allSatisfy({ $0.id < $1.id }) { g.nodes.sort { $0.id < $1.id } }
        if !zip(g.edges, g.edges.dropFirst()).allSatisfy({ $0.id < $1.id }) { g.edges.sort { $0.id < $1.id } }
        if !zip(g.documents, g.documents.dropFirst()).allSatisfy({ $0.id < $1.id }) { g.documents.sort { $0.id < $1.id } }
        return g
    }
}
