import Foundation

/// Which facts a query, diagram or appendix looks at: those of some years, those touching places
/// of some countries, those of some relations between nodes of some types. One filter, applied
/// to the whole graph before anything reads it.
public struct FactFilter: Sendable, Hashable {
    /// Facts dated in these years: the fact's `year`, else its `date`, else the year of a
    /// document that states it (a report's facts without a date of their own are of its year).
    public var years: ClosedRange<Int>?
    /// Facts with an end in one of these countries (ISO codes, upper case): a place whose
    /// `country` attribute is the code, or the country itself.
    public var countries: Set<String>?
    /// Facts of these relations.
    public var relations: Set<EdgeType>?
    /// Facts whose ends are both of these types or `anchors`.
    public var nodeTypes: Set<NodeType>?
    /// Nodes a command names (the city of `partners`, the ends of `path`): kept whatever their
    /// type, and kept when none of their facts is.
    public var anchors: Set<String>

    public init(years: ClosedRange<Int>? = nil, countries: Set<String>? = nil, relations: Set<EdgeType>? = nil,
                nodeTypes: Set<NodeType>? = nil, anchors: Set<String> = []) {
        self.years = years
        self.countries = countries
        self.relations = relations
        self.nodeTypes = nodeTypes
        self.anchors = anchors
    }

    /// Keeps everything.
    public static let none = FactFilter()

    public var isEmpty: Bool { years == nil && countries == nil && relations == nil && nodeTypes == nil }

    /// Whether the filter reads what a graph without text lacks (edge attributes and evidence,
    /// node attributes): then it must be applied to the whole graph.
    public var needsDetails: Bool { years != nil || countries != nil }

    /// The graph with only the facts the filter keeps. Nodes: with a year or country, those
    /// the kept facts join; otherwise those of the kept types; anchors always. Every document
    /// stays (it is the source of what remains).
    public func apply(to graph: Graph) -> Graph {
        guard !isEmpty else { return graph }
        let nodes = graph.nodesByID
        let documentYears = Dictionary(graph.documents.map { ($0.id, $0.year) }, uniquingKeysWith: { a, _ in a })
        let edges = graph.edges.filter { edge in
            (relations?.contains(edge.type) ?? true)
                && keepsTypes(of: edge, nodes: nodes)
                && keepsYears(of: edge, documentYears: documentYears) && keepsCountries(of: edge, nodes: nodes)
        }
        let kept: [Node]
        if needsDetails {
            let ends = Set(edges.flatMap { [$0.source, $0.target] }).union(anchors)
            kept = graph.nodes.filter { ends.contains($0.id) }
        } else {
            kept = graph.nodes.filter { keepsType(of: $0) }
        }
        return Graph(documents: graph.documents, nodes: kept, edges: edges)
    }

    func keepsType(of node: Node) -> Bool {
        anchors.contains(node.id) || (nodeTypes?.contains(node.type) ?? true)
    }

    func keepsTypes(of edge: Edge, nodes: [String: Node]) -> Bool {
        guard nodeTypes != nil else { return true }
        return [edge.source, edge.target].allSatisfy { id in nodes[id].map(keepsType) ?? false }
    }

    /// The years a fact is of: its own year or date, else those of the documents stating it.
    public static func years(of edge: Edge, documentYears: [String: Int?]) -> Set<Int> {
        if let year = edge.year { return [year] }
        return Set(edge.evidence.compactMap { documentYears[$0.document] ?? nil })
    }

    func keepsYears(of edge: Edge, documentYears: [String: Int?]) -> Bool {
        guard let years else { return true }
        return FactFilter.years(of: edge, documentYears: documentYears).contains(where: years.contains)
    }

    func keepsCountries(of edge: Edge, nodes: [String: Node]) -> Bool {
        guard let countries else { return true }
        return [edge.source, edge.target].contains { id in
            nodes[id]?.country.map { countries.contains($0.uppercased()) } ?? false
        }
    }

    /// The ISO code a user means by `text`: a code ("CN", any case) of a country in the graph, or
    /// the name of a country node in any form ("Китай", "Китая", "kitay"); nil when none fits.
    public static func countryCode(_ text: String, in graph: Graph) -> String? {
        let countries = graph.nodes.filter { $0.type == .country }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let code = trimmed.uppercased()
        if code.count == 2, countries.contains(where: { $0.country?.uppercased() == code }) || graph.nodes.contains(where: { $0.country?.uppercased() == code }) {
            return code
        }
        let resolver = NameResolver(graph: Graph(nodes: countries))
        guard case .found(let candidate, _) = resolver.resolve(trimmed) else { return nil }
        return countries.first { $0.id == candidate.id }?.country?.uppercased()
    }
}
