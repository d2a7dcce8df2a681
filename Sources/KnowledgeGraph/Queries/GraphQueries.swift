/// A name the user typed that does not pick out one node.
public enum QueryError: Error, CustomStringConvertible, Equatable {
    case unknownName(String, candidates: [NameResolver.Candidate])
    case ambiguousName(String, candidates: [NameResolver.Candidate])
    case invalid(String)

    public var description: String {
        func list(_ c: [NameResolver.Candidate]) -> String {
            c.map { "  \($0.name) (\($0.id), \($0.type.rawValue))" }.joined(separator: "\n")
        }
        switch self {
        case let .unknownName(q, c):
            return c.isEmpty ? "no node is called \"\(q)\"; the graph has no nodes to suggest"
                : "no node is called \"\(q)\"; the closest are:\n\(list(c))\nuse one of these names or ids"
        case let .ambiguousName(q, c):
            return "\"\(q)\" names several nodes:\n\(list(c))\npass the id to choose one"
        case let .invalid(message):
            return message
        }
    }
}

/// Where a graph read without its text finds the rest: the store's reading path for queries
/// reads every node and every edge's ends up front, and only the facts a report shows in full.
public protocol GraphDetails: Sendable {
    /// Whole edges (attributes and evidence) by id; unknown ids are left out.
    func edges(withIDs ids: [String]) throws -> [String: Edge]
    /// Node attributes by node id; unknown ids are left out.
    func nodeAttributes(withIDs ids: [String]) throws -> [String: [String: AttributeValue]]
}

/// The questions `twingraph` answers about a graph: paths, ego networks, partners, shared
/// partners, centrality, components, timelines and statistics. Each returns a Codable report
/// (the `--format json` output) that `TextReports` also renders for people.
public struct GraphQueries: Sendable {
    public let graph: Graph
    private let lazyResolver: Lazy<NameResolver>
    private let lazyAll: Lazy<GraphIndex>
    /// Where the attributes and evidence of a graph read without them are found.
    public let details: (any GraphDetails)?
    private let factCounts: FactCounts?

    /// How many mentions and evidence spans the graph has, for a graph read without them.
    public struct FactCounts: Sendable, Hashable {
        public var mentions: Int
        public var evidence: Int
        public init(mentions: Int, evidence: Int) { self.mentions = mentions; self.evidence = evidence }
        /// The counts of a whole graph.
        public init(of graph: Graph) {
            self.init(mentions: graph.nodes.reduce(0) { $0 + $1.mentions.count }, evidence: graph.edges.reduce(0) { $0 + $1.evidence.count })
        }
    }

    /// Relations that make two places partners.
    public static let partnership: Set<EdgeType> = [.twinnedWith, .partnerOf]

    /// Queries over `graph`. Nothing is indexed yet: the name resolver and each relation
    /// filter's adjacency are built when a query first needs them. `details`, when given, is
    /// where a graph read without its text (the store's query graph: no mentions, no node
    /// attributes, edges with only their ends) finds the rest for the facts a report shows, and
    /// `factCounts` holds the totals `stats` reports for such a graph.
    public init(graph: Graph, details: (any GraphDetails)? = nil, factCounts: FactCounts? = nil) {
        let g = graph.orderedByID()
        self.graph = g
        lazyResolver = Lazy { NameResolver(graph: g) }
        lazyAll = Lazy { GraphIndex(g) }
        self.details = details
        self.factCounts = factCounts
    }

    /// Resolves the names users type; built on first use.
    public var resolver: NameResolver { lazyResolver.value }

    private var all: GraphIndex { lazyAll.value }

    private func index(_ relations: Set<EdgeType>?) -> GraphIndex {
        relations == nil ? all : GraphIndex(graph, relations: relations)
    }

    private func sortedTypes(_ relations: Set<EdgeType>?) -> [EdgeType]? { relations.map { $0.sorted() } }

    /// `edges` in full: as they are, or from the edge details when the graph has only their ends.
    public func full(_ edges: [Edge]) throws -> [Edge] {
        guard let details, !edges.isEmpty else { return edges }
        let found = try details.edges(withIDs: edges.map(\.id))
        return edges.map { found[$0.id] ?? $0 }
    }

    /// Relation references for `edges`, in order, read in full.
    private func refs(_ edges: [Edge]) throws -> [RelationRef] {
        try full(edges).map(RelationRef.init)
    }

    /// `refs` for several groups of edges with one call to the evidence source.
    private func refs(groups: [[Edge]]) throws -> [[RelationRef]] {
        var flat = try refs(groups.flatMap { $0 })[...]
        return groups.map { g in
            defer { flat = flat.dropFirst(g.count) }
            return Array(flat.prefix(g.count))
        }
    }

    /// The node a name means, or an error listing candidates.
    public func node(named name: String) throws -> Node {
        switch resolver.resolve(name) {
        case .found(let c, _):
            guard let n = nodeNumber(of: c.id) else { throw QueryError.unknownName(name, candidates: []) }
            return graph.nodes[n]
        case .ambiguous(let c): throw QueryError.ambiguousName(name, candidates: c)
        case .unknown(let c): throw QueryError.unknownName(name, candidates: c)
        }
    }

    /// The position of the node with `id` in `graph.nodes` (which are in id order), found without
    /// building an index: the last of equal ids, as `GraphIndex` numbers them.
    private func nodeNumber(of id: String) -> Int? {
        SortedIDs.positions(of: id, count: graph.nodes.count) { graph.nodes[$0].id }.last
    }

    /// How to search for paths.
    public enum PathMode: Sendable, Hashable {
        case shortest
        case allShortest(limit: Int)
        case alternatives(Int)
    }

    /// Paths between two named nodes, ignoring edge direction ("how are A and B connected").
    public func paths(from a: String, to b: String, via relations: Set<EdgeType>? = nil,
                      mode: PathMode = .shortest, maxHops: Int? = nil) throws -> PathReport {
        let s = try node(named: a), t = try node(named: b)
        let idx = index(relations)
        guard let si = idx.number(of: s.id), let ti = idx.number(of: t.id) else {
            throw QueryError.invalid("internal: node missing from the index")
        }
        let limit = maxHops ?? .max
        let vertexPaths: [[Int]]
        switch mode {
        case .shortest:
            // The one-path answer is the first of the enumeration, so that it is the same path
            // `--all-shortest` lists first (smallest node ids), not whichever the search met.
            vertexPaths = idx.csr.allShortestPaths(from: si, to: ti, maxHops: limit, limit: 1)
        case .allShortest(let cap):
            vertexPaths = idx.csr.allShortestPaths(from: si, to: ti, maxHops: limit, limit: cap)
        case .alternatives(let k):
            vertexPaths = idx.csr.kShortestPaths(from: si, to: ti, k: k, maxHops: limit)
        }
        let paths = try vertexPaths.map { vp in
            let pairs = Array(zip(vp, vp.dropFirst()))
            let relations = try refs(groups: pairs.map { idx.edges(between: $0.0, $0.1) })
            return PathReport.Path(
                length: vp.count - 1,
                nodes: vp.map { NodeRef(idx.node($0)) },
                hops: zip(pairs, relations).map { pair, rels in
                    PathReport.Hop(from: idx.node(pair.0).id, to: idx.node(pair.1).id, relations: rels)
                })
        }
        return PathReport(from: NodeRef(s), to: NodeRef(t), via: sortedTypes(relations), maxHops: maxHops, paths: paths)
    }

    /// The nodes within `depth` hops of a named node and the edges among them.
    public func neighbourhood(of name: String, depth: Int = 1, via relations: Set<EdgeType>? = nil,
                              nodeTypes: Set<NodeType>? = nil) throws -> NeighbourhoodReport {
        let c = try node(named: name)
        let idx = index(relations)
        guard let ci = idx.number(of: c.id) else { throw QueryError.invalid("internal: node missing from the index") }
        let (vertices, distances) = idx.csr.neighbourhood(of: ci, depth: max(depth, 0))
        var members: [NeighbourhoodReport.Member] = []
        var inside = Set<Int>()
        for (v, d) in zip(vertices, distances) {
            let n = idx.node(Int(v))
            if d > 0, let nodeTypes, !nodeTypes.contains(n.type) { continue }
            members.append(.init(node: NodeRef(n), distance: Int(d)))
            inside.insert(Int(v))
        }
        members.sort { ($0.distance, $0.node.name, $0.node.id) < ($1.distance, $1.node.name, $1.node.id) }
        var among: [Edge] = []
        for v in inside.sorted() {
            for w in idx.csr.neighbours(of: v) where Int(w) > v && inside.contains(Int(w)) {
                among += idx.edges(between: v, Int(w))
            }
        }
        let edges = try refs(among).sorted { $0.id < $1.id }
        return NeighbourhoodReport(center: NodeRef(c), depth: depth, via: sortedTypes(relations), nodes: members, edges: edges)
    }

    /// The partners of a named node: nodes joined to it by `twinned-with` or `partner-of`.
    /// The places joined to a named node by partnership relations, or by `types` when given.
    public func partners(of name: String, via types: Set<EdgeType> = GraphQueries.partnership) throws -> PartnersReport {
        let c = try node(named: name)
        let idx = index(types)
        guard let ci = idx.number(of: c.id) else { throw QueryError.invalid("internal: node missing from the index") }
        var partners: [PartnersReport.Partner] = []
        let others = Array(Set(idx.csr.neighbours(of: ci)))
        let relations = try refs(groups: others.map { idx.edges(between: ci, Int($0)) })
        let attributes = try details?.nodeAttributes(withIDs: others.map { idx.node(Int($0)).id })
        for (w, rels) in zip(others, relations) {
            let n = idx.node(Int(w))
            let country = attributes.map { $0[n.id]?["country"]?.stringValue } ?? n.country
            partners.append(.init(node: NodeRef(n), country: country, relations: rels,
                                  documents: Array(Set(rels.flatMap { $0.evidence.map(\.document) })).sorted()))
        }
        partners.sort { ($0.node.name, $0.node.id) < ($1.node.name, $1.node.id) }
        return PartnersReport(node: NodeRef(c), via: types.sorted(), partners: partners)
    }

    /// Nodes adjacent to both named nodes (by default through partnership relations).
    public func common(_ a: String, _ b: String, via relations: Set<EdgeType>? = GraphQueries.partnership) throws -> CommonReport {
        let x = try node(named: a), y = try node(named: b)
        let idx = index(relations)
        guard let xi = idx.number(of: x.id), let yi = idx.number(of: y.id) else {
            throw QueryError.invalid("internal: node missing from the index")
        }
        let shared = try idx.csr.commonNeighbours(xi, yi).map { w in
            let r = try refs(groups: [idx.edges(between: xi, w), idx.edges(between: yi, w)])
            return CommonReport.Shared(node: NodeRef(idx.node(w)), withFirst: r[0], withSecond: r[1])
        }.sorted { ($0.node.name, $0.node.id) < ($1.node.name, $1.node.id) }
        return CommonReport(first: NodeRef(x), second: NodeRef(y), via: sortedTypes(relations), common: shared)
    }

    /// Nodes ranked by a centrality measure, computed on the whole (filtered) graph and then
    /// restricted to `nodeType`; ties broken by name.
    ///
    /// The measures read the graph as `GraphIndex` lays it out: undirected (a visit counts for
    /// both places) and simple (parallel relations between two nodes are one link, self-loops
    /// none). Betweenness is exact over both cores, or with `samples` Brandes–Pich's estimate
    /// from that many seeded random sources; `progress` hears how far it got. `warn` hears of a
    /// PageRank that did not converge.
    public func rank(by measure: RankReport.Measure, nodeType: NodeType? = nil, via relations: Set<EdgeType>? = nil,
                     top: Int? = nil, samples: Int? = nil, progress: CSRGraph.Progress? = nil,
                     warn: ((String) -> Void)? = nil) -> RankReport {
        let idx = index(relations)
        let n = idx.csr.vertexCount
        let scores: [Double]
        switch measure {
        case .degree: scores = (0..<n).map { Double(idx.csr.degree($0)) }
        case .betweenness:
            let sources = samples.map { idx.csr.sampledSources($0, seed: 1) } ?? Array(0..<n)
            scores = idx.csr.betweenness(sources: sources, progress: progress)
        case .pagerank:
            let result = idx.csr.pageRankIterations()
            if !result.converged {
                warn?("PageRank did not converge in \(result.iterations) iterations; the scores are approximate")
            }
            scores = result.ranks
        }
        var order = (0..<n).filter { nodeType == nil || idx.node($0).type == nodeType }
        if let top, top < order.count {
            // Only nodes scoring at least the top-th score can be shown: sort just those by name.
            let cutoff = order.map { scores[$0] }.sorted(by: >)[max(top - 1, 0)]
            order = order.filter { scores[$0] >= cutoff }
        }
        // Node numbers are in id order, so the number breaks a tie of names as the id would.
        order.sort { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : (idx.node($0).name, $0) < (idx.node($1).name, $1) }
        if let top { order = Array(order.prefix(top)) }
        let entries = order.enumerated().map { RankReport.Entry(rank: $0.offset + 1, node: NodeRef(idx.node($0.element)), score: scores[$0.element]) }
        return RankReport(measure: measure, nodeType: nodeType, via: sortedTypes(relations), entries: entries)
    }

    /// Connected components (edge direction ignored), largest first, members by name.
    public func components(via relations: Set<EdgeType>? = nil) -> ComponentsReport {
        let idx = index(relations)
        let (labels, count) = idx.csr.connectedComponents()
        var members = [[Int]](repeating: [], count: count)
        for (v, l) in labels.enumerated() { members[Int(l)].append(v) }
        let comps = members.map { vs in
            ComponentsReport.Component(size: vs.count, nodes: vs.map { NodeRef(idx.node($0)) }
                .sorted { ($0.name, $0.id) < ($1.name, $1.id) })
        }.sorted { $0.size != $1.size ? $0.size > $1.size : ($0.nodes.first?.id ?? "") < ($1.nodes.first?.id ?? "") }
        return ComponentsReport(via: sortedTypes(relations), count: count, components: comps)
    }

    /// Every fact about a named node, grouped by year (undated facts last); within a year in
    /// date order, a fact dated by its year alone before those with a month or day.
    /// `relations`, when given, keeps only facts of those types.
    public func timeline(of name: String, via relations: Set<EdgeType>? = nil) throws -> TimelineReport {
        let c = try node(named: name)
        let byID = graph.nodesByID
        var byYear: [Int?: [TimelineReport.Fact]] = [:]
        let touching = try full(graph.edges.filter {
            ($0.source == c.id || $0.target == c.id) && relations?.contains($0.type) != false
        })
        for (e, ref) in zip(touching, touching.map(RelationRef.init)) {
            let otherID = e.source == c.id ? e.target : e.source
            guard let other = byID[otherID] else { continue }
            let direction = e.type.isSymmetric ? "both" : (e.source == c.id ? "out" : "in")
            byYear[e.year, default: []].append(.init(relation: ref, other: NodeRef(other), direction: direction))
        }
        let years = byYear.keys.sorted { ($0 ?? .max) < ($1 ?? .max) }.map { y in
            TimelineReport.Year(year: y, facts: (byYear[y] ?? []).sorted {
                ($0.relation.when ?? "", $0.relation.type.rawValue, $0.other.name, $0.relation.id)
                    < ($1.relation.when ?? "", $1.relation.type.rawValue, $1.other.name, $1.relation.id)
            })
        }
        return TimelineReport(node: NodeRef(c), years: years)
    }

    /// Counts, components and the best-connected nodes.
    public func stats(hubs: Int = 10) -> StatsReport {
        var nodesByType: [String: Int] = [:], edgesByType: [String: Int] = [:]
        for n in graph.nodes { nodesByType[n.type.rawValue, default: 0] += 1 }
        for e in graph.edges { edgesByType[e.type.rawValue, default: 0] += 1 }
        // Sizes only: the members' names need not be sorted as `components()` sorts them.
        let (labels, componentCount) = all.csr.connectedComponents()
        var sizes = [Int](repeating: 0, count: componentCount)
        for l in labels { sizes[Int(l)] += 1 }
        let n = all.csr.vertexCount
        let isolated = (0..<n).filter { all.csr.degree($0) == 0 }.count
        let counts = factCounts ?? FactCounts(of: graph)
        return StatsReport(
            documents: graph.documents.count, nodes: graph.nodes.count, edges: graph.edges.count,
            nodesByType: nodesByType, edgesByType: edgesByType,
            mentions: counts.mentions, evidence: counts.evidence,
            components: componentCount, largestComponent: sizes.max() ?? 0,
            isolatedNodes: isolated,
            averageDegree: n == 0 ? 0 : Double(all.csr.neighbours.count) / Double(n),
            hubs: rank(by: .degree, top: hubs).entries)
    }
}
