/// A node as query results show it.
public struct NodeRef: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var type: NodeType

    public init(_ node: Node) { id = node.id; name = node.name; type = node.type }
}

/// An edge as query results show it: its relation, ends, dates and the sentences that prove it.
/// `year`, `date`, `since` and `status` are the edge's attributes as the graph holds them (nil
/// when it has none); `year` is not filled in from `date`.
public struct RelationRef: Codable, Sendable, Hashable {
    public var id: String
    public var type: EdgeType
    public var source: String
    public var target: String
    public var year: Int?
    /// ISO 8601, as precise as the text said ("2019-05", "2019-05-14").
    public var date: String?
    /// The year a partnership was established.
    public var since: Int?
    public var status: String?
    public var role: String?
    /// What was corrected by hand (`twingraph correct`): "status", "year", …; nil when nothing.
    public var corrected: String?
    public var evidence: [Span]

    public init(_ edge: Edge) {
        id = edge.id; type = edge.type; source = edge.source; target = edge.target
        year = edge.attributes["year"]?.intValue
        date = edge.attributes["date"]?.description
        since = edge.attributes["since"]?.intValue
        status = edge.attributes["status"]?.stringValue
        role = edge.attributes["role"]?.stringValue
        corrected = edge.attributes[CorrectionsFile.markKey]?.stringValue
        evidence = edge.evidence.sorted()
    }

    /// The most precise date the relation has: its `date`, else its `year`; nil when undated.
    /// ISO strings, so comparing them orders by date ("2019" before "2019-03" before "2019-03-05").
    public var when: String? { date ?? year.map(String.init) }

    // Encoded explicitly so that absent values appear as null: a reader can rely on every key.
    enum CodingKeys: String, CodingKey { case id, type, source, target, year, date, since, status, role, corrected, evidence }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(type, forKey: .type)
        try c.encode(source, forKey: .source)
        try c.encode(target, forKey: .target)
        try c.encode(year, forKey: .year)
        try c.encode(date, forKey: .date)
        try c.encode(since, forKey: .since)
        try c.encode(status, forKey: .status)
        try c.encode(role, forKey: .role)
        try c.encode(corrected, forKey: .corrected)
        try c.encode(evidence, forKey: .evidence)
    }
}

/// `path A B`: the paths found, each hop with every relation joining its two nodes.
public struct PathReport: Codable, Sendable, Hashable {
    public struct Hop: Codable, Sendable, Hashable {
        public var from: String
        public var to: String
        public var relations: [RelationRef]
    }
    public struct Path: Codable, Sendable, Hashable {
        public var length: Int
        public var nodes: [NodeRef]
        public var hops: [Hop]
    }
    public var from: NodeRef
    public var to: NodeRef
    /// The relation types followed; nil for all.
    public var via: [EdgeType]?
    public var maxHops: Int?
    public var paths: [Path]
}

/// `neighbours A`: the ego network of a node.
public struct NeighbourhoodReport: Codable, Sendable, Hashable {
    public struct Member: Codable, Sendable, Hashable {
        public var node: NodeRef
        public var distance: Int
    }
    public var center: NodeRef
    public var depth: Int
    public var via: [EdgeType]?
    /// The center first (distance 0), then by distance and name.
    public var nodes: [Member]
    /// The kept edges among the members.
    public var edges: [RelationRef]
}

/// `partners A`: places in a twinning or partnership relation with A.
public struct PartnersReport: Codable, Sendable, Hashable {
    public struct Partner: Codable, Sendable, Hashable {
        public var node: NodeRef
        public var country: String?
        /// Each relation with its status and year.
        public var relations: [RelationRef]
        /// Documents that state the partnership.
        public var documents: [String]
    }
    public var node: NodeRef
    /// The relation types that count as partnership (twinned-with and partner-of by default).
    public var via: [EdgeType]
    public var partners: [Partner]
}

/// `common A B`: nodes adjacent to both.
public struct CommonReport: Codable, Sendable, Hashable {
    public struct Shared: Codable, Sendable, Hashable {
        public var node: NodeRef
        public var withFirst: [RelationRef]
        public var withSecond: [RelationRef]
    }
    public var first: NodeRef
    public var second: NodeRef
    public var via: [EdgeType]?
    public var common: [Shared]
}

/// `rank`: nodes by a centrality measure.
public struct RankReport: Codable, Sendable, Hashable {
    public enum Measure: String, Codable, Sendable, CaseIterable {
        case degree, betweenness, pagerank
    }
    public struct Entry: Codable, Sendable, Hashable {
        public var rank: Int
        public var node: NodeRef
        public var score: Double
    }
    public var measure: Measure
    public var nodeType: NodeType?
    public var via: [EdgeType]?
    public var entries: [Entry]
}

/// `components`: connected components, largest first.
public struct ComponentsReport: Codable, Sendable, Hashable {
    public struct Component: Codable, Sendable, Hashable {
        public var size: Int
        public var nodes: [NodeRef]
    }
    public var via: [EdgeType]?
    public var count: Int
    public var components: [Component]
}

/// `timeline A`: the facts about a node, by year, each year's facts in date order.
public struct TimelineReport: Codable, Sendable, Hashable {
    public struct Fact: Codable, Sendable, Hashable {
        public var relation: RelationRef
        /// The node at the other end.
        public var other: NodeRef
        /// "out" when the node is the source of a directed relation, "in" when the target,
        /// "both" for symmetric relations.
        public var direction: String
    }
    public struct Year: Codable, Sendable, Hashable {
        /// nil for facts with no date.
        public var year: Int?
        public var facts: [Fact]
    }
    public var node: NodeRef
    public var years: [Year]
}

/// `stats`: the size and shape of the graph.
public struct StatsReport: Codable, Sendable, Hashable {
    public var documents: Int
    public var nodes: Int
    public var edges: Int
    public var nodesByType: [String: Int]
    public var edgesByType: [String: Int]
    public var mentions: Int
    public var evidence: Int
    public var components: Int
    public var largestComponent: Int
    public var isolatedNodes: Int
    public var averageDegree: Double
    /// The nodes with the most neighbours.
    public var hubs: [RankReport.Entry]
}
