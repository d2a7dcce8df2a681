import KnowledgeGraph

/// `/api/search?q=…`: nodes whose name or another form contains the text, and evidence
/// sentences that contain it; letter case and ё/е ignored.
///
/// The one function the pages call, `search(_:for:limit:)`, is where the explorer would switch
/// to the `twingraph search` index.
public struct SearchReport: Codable, Sendable, Hashable {
    public struct Hit: Codable, Sendable, Hashable {
        public var relation: RelationRef
        public var span: Span
    }
    public var query: String
    public var nodes: [NodeRef]
    public var evidence: [Hit]
}

func search(_ graph: Graph, for query: String, limit: Int) -> SearchReport {
    let key = searchKey(query)
    guard !key.isEmpty else { return SearchReport(query: query, nodes: [], evidence: []) }
    let nodes = graph.nodes
        .filter { node in ([node.name] + node.aliases).contains { searchKey($0).contains(key) } }
        .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        .prefix(limit).map(NodeRef.init)
    var hits: [SearchReport.Hit] = []
    for edge in graph.edges where hits.count < limit {
        for span in edge.evidence.sorted() where searchKey(span.text).contains(key) && hits.count < limit {
            hits.append(.init(relation: RelationRef(edge), span: span))
        }
    }
    return SearchReport(query: query, nodes: Array(nodes), evidence: hits)
}

func searchKey(_ s: String) -> String {
    s.lowercased().replacingOccurrences(of: "ё", with: "е")
}
