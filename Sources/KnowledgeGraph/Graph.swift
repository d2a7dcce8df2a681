import Foundation

/// The kinds of node in a TwinGraph knowledge graph (DESIGN.md, "Node types").
public enum NodeType: String, Codable, Sendable, CaseIterable, Comparable {
    case city, region, country, organisation, person, event

    public static func < (a: NodeType, b: NodeType) -> Bool { a.rawValue < b.rawValue }

    /// Cities, regions and countries: the nodes that can be partners.
    public var isPlace: Bool { self == .city || self == .region || self == .country }
}

/// The kinds of edge (DESIGN.md, "Edge types").
public enum EdgeType: String, Codable, Sendable, CaseIterable, Comparable {
    case twinnedWith = "twinned-with"
    case partnerOf = "partner-of"
    case visited
    case signed
    case participatedIn = "participated-in"
    case heldIn = "held-in"
    case memberOf = "member-of"
    case locatedIn = "located-in"
    case holdsOffice = "holds-office"

    public static func < (a: EdgeType, b: EdgeType) -> Bool { a.rawValue < b.rawValue }

    /// Symmetric relations are stored once, with `source < target`.
    public var isSymmetric: Bool { self == .twinnedWith || self == .partnerOf }
}

/// A scalar attribute value: the JSON contract allows strings, integers, reals and booleans.
public enum AttributeValue: Codable, Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "attribute values are strings, numbers or booleans")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .bool(let b): try c.encode(b)
        }
    }

    public var description: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return String(b)
        }
    }

    public var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .string(let s): return Int(s)
        case .double(let d): return Int(exactly: d)
        case .bool: return nil
        }
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var doubleValue: Double? {
        switch self {
        case .double(let d): return d
        case .int(let i): return Double(i)
        default: return nil
        }
    }
}

extension AttributeValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
}

/// A slice of a document: offsets in Unicode scalars, `text` is the exact slice.
public struct Span: Codable, Sendable, Hashable, Comparable {
    public var document: String
    public var start: Int
    public var end: Int
    public var text: String

    public init(document: String, start: Int, end: Int, text: String) {
        self.document = document
        self.start = start
        self.end = end
        self.text = text
    }

    public static func < (a: Span, b: Span) -> Bool {
        (a.document, a.start, a.end, a.text) < (b.document, b.start, b.end, b.text)
    }
}

/// An input report.
public struct Document: Codable, Sendable, Hashable {
    public var id: String
    /// The first path the document was read from.
    public var path: String
    /// Every path holding this content (the same file under several names is one document);
    /// `path` is the first.
    public var paths: [String]
    public var sha256: String
    /// The file format it was read as ("txt", "docx", "pdf", …); nil in graphs made before
    /// formats were recorded.
    public var format: String?
    /// The document's title: its title property, else its first line when short enough.
    public var title: String?
    public var reporter: String?
    public var year: Int?

    public init(id: String, path: String, sha256: String, reporter: String? = nil, year: Int? = nil,
                format: String? = nil, title: String? = nil, paths: [String]? = nil) {
        self.id = id
        self.path = path
        self.paths = paths ?? [path]
        self.sha256 = sha256
        self.format = format
        self.title = title
        self.reporter = reporter
        self.year = year
    }

    enum CodingKeys: String, CodingKey { case id, path, paths, sha256, format, title, reporter, year }

    /// Graphs written before `paths` existed have only `path`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        path = try c.decode(String.self, forKey: .path)
        paths = try c.decodeIfPresent([String].self, forKey: .paths) ?? [path]
        sha256 = try c.decode(String.self, forKey: .sha256)
        format = try c.decodeIfPresent(String.self, forKey: .format)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        reporter = try c.decodeIfPresent(String.self, forKey: .reporter)
        year = try c.decodeIfPresent(Int.self, forKey: .year)
    }
}

/// An entity: a place, organisation, person or event.
public struct Node: Codable, Sendable, Hashable {
    public var id: String
    public var type: NodeType
    /// Canonical nominative name.
    public var name: String
    /// Every other form seen in the text.
    public var aliases: [String]
    public var attributes: [String: AttributeValue]
    public var mentions: [Span]

    public init(id: String, type: NodeType, name: String, aliases: [String] = [],
                attributes: [String: AttributeValue] = [:], mentions: [Span] = []) {
        self.id = id
        self.type = type
        self.name = name
        self.aliases = aliases
        self.attributes = attributes
        self.mentions = mentions
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        type = try c.decode(NodeType.self, forKey: .type)
        name = try c.decode(String.self, forKey: .name)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        attributes = try c.decodeIfPresent([String: AttributeValue].self, forKey: .attributes) ?? [:]
        mentions = try c.decodeIfPresent([Span].self, forKey: .mentions) ?? []
    }

    /// The ISO country code in `attributes["country"]`, if any.
    public var country: String? { attributes["country"]?.stringValue }
}

/// A relation between two nodes, with the sentences that prove it.
public struct Edge: Codable, Sendable, Hashable {
    public var id: String
    public var type: EdgeType
    public var source: String
    public var target: String
    public var attributes: [String: AttributeValue]
    public var evidence: [Span]

    public init(id: String? = nil, type: EdgeType, source: String, target: String,
                attributes: [String: AttributeValue] = [:], evidence: [Span] = []) {
        var s = source, t = target
        if type.isSymmetric && t < s { swap(&s, &t) }
        self.type = type
        self.source = s
        self.target = t
        self.attributes = attributes
        self.evidence = evidence
        self.id = id ?? Edge.makeID(type: type, source: s, target: t, attributes: attributes)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        type = try c.decode(EdgeType.self, forKey: .type)
        source = try c.decode(String.self, forKey: .source)
        target = try c.decode(String.self, forKey: .target)
        attributes = try c.decodeIfPresent([String: AttributeValue].self, forKey: .attributes) ?? [:]
        evidence = try c.decodeIfPresent([Span].self, forKey: .evidence) ?? []
    }

    /// A readable, stable id: type, ends and the distinguishing attributes (year/date/status/role).
    public static func makeID(type: EdgeType, source: String, target: String,
                              attributes: [String: AttributeValue]) -> String {
        var id = "\(type.rawValue):\(source)->\(target)"
        for key in ["status", "role", "year", "date"] {
            if let v = attributes[key] { id += "@\(key)=\(v)" }
        }
        return id
    }

    public var year: Int? {
        if let y = attributes["year"]?.intValue { return y }
        if let d = attributes["date"]?.stringValue, d.count >= 4 { return Int(d.prefix(4)) }
        return nil
    }
}

/// A TwinGraph knowledge graph: the JSON interchange format of DESIGN.md.
public struct Graph: Codable, Sendable, Hashable {
    public var documents: [Document]
    public var nodes: [Node]
    public var edges: [Edge]

    public init(documents: [Document] = [], nodes: [Node] = [], edges: [Edge] = []) {
        self.documents = documents
        self.nodes = nodes
        self.edges = edges
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        documents = try c.decodeIfPresent([Document].self, forKey: .documents) ?? []
        nodes = try c.decodeIfPresent([Node].self, forKey: .nodes) ?? []
        edges = try c.decodeIfPresent([Edge].self, forKey: .edges) ?? []
    }

    /// The same graph with documents, nodes and edges sorted by id and their lists sorted,
    /// so that equal graphs serialize to equal bytes.
    public func sorted() -> Graph {
        var g = self
        g.documents.sort { $0.id < $1.id }
        g.nodes = g.nodes.map { n in
            var n = n
            n.aliases = n.aliases.sortedUnique()
            n.mentions = n.mentions.sortedUnique()
            return n
        }.sorted { $0.id < $1.id }
        g.edges = g.edges.map { e in
            var e = e
            e.evidence = e.evidence.sortedUnique()
            return e
        }.sorted { $0.id < $1.id }
        return g
    }

    /// Node by id (linear; build a `[String: Node]` for repeated lookups).
    public func node(_ id: String) -> Node? { nodes.first { $0.id == id } }

    /// Nodes keyed by id.
    public var nodesByID: [String: Node] {
        Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}

extension Array where Element: Comparable {
    /// The elements sorted, each once, as `Array(Set(self)).sorted()` but without hashing:
    /// hashing a String normalises it, and evidence spans hold whole sentences.
    public func sortedUnique() -> [Element] {
        var out: [Element] = []
        out.reserveCapacity(count)
        for x in sorted() where out.last.map({ $0 != x }) ?? true { out.append(x) }
        return out
    }
}

extension Graph {
    /// The graph less its text: nodes without attributes and mentions, edges without attributes
    /// and evidence, as a query graph is read from a store or a graph JSON.
    public func withoutText() -> Graph {
        var light = self
        for k in light.nodes.indices { light.nodes[k].attributes = [:]; light.nodes[k].mentions = [] }
        for k in light.edges.indices { light.edges[k].attributes = [:]; light.edges[k].evidence = [] }
        return light
    }
}
