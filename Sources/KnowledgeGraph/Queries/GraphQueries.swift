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

/// The questions `twingraph` answers about a graph: paths, ego networks, partners, shared
/// partners, centrality, components, timelines and statistics. Each returns a Codable report
/// (the `--format json` output) that `TextReports` also renders for people.
public struct GraphQueries: Sendable {
    public let graph: Graph
    public let resolver: NameResolver
    private let all: GraphIndex

    /// Relations that make two places partners.
    public static let partnership: Set<EdgeType> = [.twinnedWith, .partnerOf]

    public init(graph: Graph) {
        self.graph = graph.orderedByID()
        resolver = NameResolver(graph: self.graph)
        all = GraphIndex(self.graph)
    }

    private func index(_ relations: Set<EdgeType>?) -> GraphIndex {
        relations == nil ? all : GraphIndex(graph, relations: relations)
    }

    private func sortedTypes(_ relations: Set<EdgeType>?) -> [EdgeType]? { relations.map { $0.sorted() } }

    /// The node a name means, or an error listing candidates.
    public func node(named name: String) throws -> Node {
        switch resolver.resolve(name) {
        case .found(let c, _):
            guard let n = all.number(of: c.id) else { throw QueryError.unknownName(name, candidates: []) }
            return all.node(n)
        case .ambiguous(let c): throw QueryError.ambiguousName(name, candidates: c)
        case .unknown(let c): throw QueryError.unknownName(name, candidates: c)
        }
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
        let paths = vertexPaths.map { vp in
            PathReport.Path(
                length: vp.count - 1,
                nodes: vp.map { NodeRef(idx.node($0)) },
                hops: zip(vp, vp.dropFirst()).map { u, v in
                    PathReport.Hop(from: idx.node(u).id, to: idx.node(v).id,
                                   relations: idx.edges(between: u, v).map(RelationRef.init))
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
        var edges: [RelationRef] = []
        for v in inside.sorted() {
            for w in idx.csr.neighbours(of: v) where Int(w) > v && inside.contains(Int(w)) {
                edges += idx.edges(between: v, Int(w)).map(RelationRef.init)
            }
        }
        edges.sort { $0.id < $1.id }
        return NeighbourhoodReport(center: NodeRef(c), depth: depth, via: sortedTypes(relations), nodes: members, edges: edges)
    }

    /// The partners of a named node: nodes joined to it by `twinned-with` or `partner-of`.
    public func partners(of name: String) throws -> PartnersReport {
        let c = try node(named: name)
        let idx = index(GraphQueries.partnership)
        guard let ci = idx.number(of: c.id) else { throw QueryError.invalid("internal: node missing from the index") }
        var partners: [PartnersReport.Partner] = []
        for w in Set(idx.csr.neighbours(of: ci)) {
            let n = idx.node(Int(w))
            let rels = idx.edges(between: ci, Int(w))
            partners.append(.init(node: NodeRef(n), country: n.country, relations: rels.map(RelationRef.init),
                                  documents: Array(Set(rels.flatMap { $0.evidence.map(\.document) })).sorted()))
        }
        partners.sort { ($0.node.name, $0.node.id) < ($1.node.name, $1.node.id) }
        return PartnersReport(node: NodeRef(c), partners: partners)
    }

    /// Nodes adjacent to both named nodes (by default through partnership relations).
    public func common(_ a: String, _ b: String, via relations: Set<EdgeType>? = GraphQueries.partnership) throws -> CommonReport {
        let x = try node(named: a), y = try node(named: b)
        let idx = index(relations)
        guard let xi = idx.number(of: x.id), let yi = idx.number(of: y.id) else {
            throw QueryError.invalid("internal: node missing from the index")
        }
        let shared = idx.csr.commonNeighbours(xi, yi).map { w in
            CommonReport.Shared(node: NodeRef(idx.node(w)),
                                withFirst: idx.edges(between: xi, w).map(RelationRef.init),
                                withSecond: idx.edges(between: yi, w).map(RelationRef.init))
        }.sorted { ($0.node.name, $0.node.id) < ($1.node.name, $1.node.id) }
        return CommonReport(first: NodeRef(x), second: NodeRef(y), via: sortedTypes(relations), common: shared)
    }

    /// Nodes ranked by a centrality measure, computed on the whole (filtered) graph and then
    /// restricted to `nodeType`; ties broken by name.
    public func rank(by measure: RankReport.Measure, nodeType: NodeType? = nil, via relations: Set<EdgeType>? = nil,
                     top: Int? = nil) -> RankReport {
        let idx = index(relations)
        let n = idx.csr.vertexCount
        let scores: [Double]
        switch measure {
        case .degree: scores = (0..<n).map { Double(idx.csr.degree($0)) }
        case .betweenness: scores = idx.csr.betweenness()
        case .pagerank: scores = idx.csr.pageRank()
        }
        var order = (0..<n).filter { nodeType == nil || idx.node($0).type == nodeType }
        order.sort { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : (idx.node($0).name, idx.node($0).id) < (idx.node($1).name, idx.node($1).id) }
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

    /// Every fact about a named node, grouped by year (undated facts last).
    public func timeline(of name: String) throws -> TimelineReport {
        let c = try node(named: name)
        let byID = all.graph.nodesByID
        var byYear: [Int?: [TimelineReport.Fact]] = [:]
        for e in graph.edges where e.source == c.id || e.target == c.id {
            let otherID = e.source == c.id ? e.target : e.source
            guard let other = byID[otherID] else { continue }
            let direction = e.type.isSymmetric ? "both" : (e.source == c.id ? "out" : "in")
            byYear[e.year, default: []].append(.init(relation: RelationRef(e), other: NodeRef(other), direction: direction))
        }
        let years = byYear.keys.sorted { ($0 ?? .max) < ($1 ?? .max) }.map { y in
            TimelineReport.Year(year: y, facts: (byYear[y] ?? []).sorted {
                ($0.relation.type.rawValue, $0.other.name, $0.relation.id) < ($1.relation.type.rawValue, $1.other.name, $1.relation.id)
            })
        }
        return TimelineReport(node: NodeRef(c), years: years)
    }

    /// Counts, components and the best-connected nodes.
    public func stats(hubs: Int = 10) -> StatsReport {
        var nodesByType: [String: Int] = [:], edgesByType: [String: Int] = [:]
        for n in graph.nodes { nodesByType[n.type.rawValue, default: 0] += 1 }
        for e in graph.edges { edgesByType[e.type.rawValue, default: 0] += 1 }
        let comps = components()
        let n = all.csr.vertexCount
        let isolated = (0..<n).filter { all.csr.degree($0) == 0 }.count
        return StatsReport(
            documents: graph.documents.count, nodes: graph.nodes.count, edges: graph.edges.count,
            nodesByType: nodesByType, edgesByType: edgesByType,
            mentions: graph.nodes.reduce(0) { $0 + $1.mentions.count },
            evidence: graph.edges.reduce(0) { $0 + $1.evidence.count },
            components: comps.count, largestComponent: comps.components.first?.size ?? 0,
            isolatedNodes: isolated,
            averageDegree: n == 0 ? 0 : Double(all.csr.neighbours.count) / Double(n),
            hubs: rank(by: .degree, top: hubs).entries)
    }
}
