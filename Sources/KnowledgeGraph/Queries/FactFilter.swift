import Foundation

/// Which facts a query, diagram or appendix looks at: those of some years, those touching places
/// of some countries. One filter, applied to the whole graph before anything reads it.
public struct FactFilter: Sendable, Hashable {
    /// Facts dated in these years: the fact's `year`, else its `date`, else the year of a
    /// document that states it (a report's facts without a date of their own are of its year).
    public var years: ClosedRange<Int>?
    /// Facts with an end in one of these countries (ISO codes, upper case): a place whose
    /// `country` attribute is the code, or the country itself.
    public var countries: Set<String>?

    public init(years: ClosedRange<Int>? = nil, countries: Set<String>? = nil) {
        self.years = years
        self.countries = countries
    }

    /// Keeps everything.
    public static let none = FactFilter()

    public var isEmpty: Bool { years == nil && countries == nil }

    /// The graph with only the facts the filter keeps and the nodes those facts join; every
    /// document stays (it is the source of what remains).
    public func apply(to graph: Graph) -> Graph {
        guard !isEmpty else { return graph }
        let nodes = graph.nodesByID
        let documentYears = Dictionary(graph.documents.map { ($0.id, $0.year) }, uniquingKeysWith: { a, _ in a })
        let edges = graph.edges.filter { edge in
            keepsYears(of: edge, documentYears: documentYears) && keepsCountries(of: edge, nodes: nodes)
        }
        let ends = Set(edges.flatMap { [$0.source, $0.target] })
        return Graph(documents: graph.documents, nodes: graph.nodes.filter { ends.contains($0.id) }, edges: edges)
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
