import ArgumentParser
import Foundation
import KnowledgeGraph

/// `--year`, `--years` and `--country`: the facts of some years or countries, for every query,
/// diagram, appendix and export (one group, one `FactFilter`).
struct FactFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only facts of this year (their own year or date, else their report's year).", valueName: "year"))
    var year: Int?

    @Option(help: ArgumentHelp("Only facts of these years, e.g. 2011-2019.", valueName: "from-to"))
    var years: String?

    @Option(help: ArgumentHelp("Only facts with a place of these countries (comma-separated ISO codes or names: CN, Китай, Германия).", valueName: "countries"))
    var country: String?

    var isEmpty: Bool { year == nil && years == nil && country == nil }

    func validate() throws {
        if year != nil && years != nil { throw ValidationError("pass either --year or --years, not both") }
        _ = try yearRange()
    }

    /// The years asked for, or nil for all.
    func yearRange() throws -> ClosedRange<Int>? {
        if let year { return year...year }
        guard let years else { return nil }
        let parts = years.split(separator: "-", omittingEmptySubsequences: false)
            .map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let from = parts[0], let to = parts[1], from <= to else {
            throw ValidationError("--years takes a range such as 2011-2019 (first year first), not '\(years)'")
        }
        return from...to
    }

    /// The filter for `graph`, whose country nodes give the codes of country names.
    func filter(for graph: Graph, relations: Set<EdgeType>? = nil, nodeTypes: Set<NodeType>? = nil,
                anchors: Set<String> = []) throws -> FactFilter {
        var countries: Set<String>?
        if let country {
            countries = []
            for name in country.split(separator: ",").map(String.init) where !name.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let code = FactFilter.countryCode(name, in: graph) else {
                    let known = graph.nodes.filter { $0.type == .country }.compactMap { n in n.country.map { "\($0) (\(n.name))" } }.sorted()
                    throw ValidationError("--country: no country '\(name)' in the graph; its countries are: \(known.joined(separator: ", "))")
                }
                countries?.insert(code)
            }
        }
        return FactFilter(years: try yearRange(), countries: countries, relations: relations, nodeTypes: nodeTypes, anchors: anchors)
    }
}

extension GraphSourceOptions {
    /// The whole graph with only the facts `facts` keeps.
    func load(filteredBy facts: FactFilterOptions, relations: Set<EdgeType>? = nil, nodeTypes: Set<NodeType>? = nil) throws -> Graph {
        let graph = try load()
        return try facts.filter(for: graph, relations: relations, nodeTypes: nodeTypes).apply(to: graph)
    }

    /// Queries over the facts `facts` keeps, of `relations` between nodes of `nodeTypes`; the
    /// nodes `anchors` names (resolved in the whole graph) stay whatever their type. Without a
    /// year or country the store's light query graph is filtered; with one, the whole graph
    /// (years and countries are in the attributes and evidence the light graph lacks), as also
    /// when the query `countsText` (mentions and evidence, which `stats` counts).
    func queries(filteredBy facts: FactFilterOptions, relations: Set<EdgeType>? = nil, nodeTypes: Set<NodeType>? = nil,
                 anchors: [String] = [], countsText: Bool = false) throws -> GraphQueries {
        if facts.isEmpty && !(countsText && (relations != nil || nodeTypes != nil)) {
            let whole = try queries()
            if relations == nil && nodeTypes == nil { return whole }
            let anchorIDs = Set(anchors.compactMap { whole.resolver.resolve($0).id })
            let filter = FactFilter(relations: relations, nodeTypes: nodeTypes, anchors: anchorIDs)
            return GraphQueries(graph: filter.apply(to: whole.graph), details: whole.details)
        }
        let graph = try load()
        let resolver = NameResolver(graph: graph)
        let anchorIDs = Set(anchors.compactMap { resolver.resolve($0).id })
        return GraphQueries(graph: try facts.filter(for: graph, relations: relations, nodeTypes: nodeTypes, anchors: anchorIDs).apply(to: graph))
    }

    /// The whole graph behind `queries`, made by `queries(filteredBy:nodeTypes:anchors:)` with
    /// these arguments, for pictures, which show years and countries: the queries' own graph
    /// when it is whole, else (a light query graph: no facts filter was given) the whole graph
    /// read and filtered by node types as the light one was.
    func wholeGraph(of queries: GraphQueries, nodeTypes: Set<NodeType>?, anchors: [String]) throws -> Graph {
        guard queries.details != nil else { return queries.graph }
        let graph = try load()
        guard let nodeTypes else { return graph }
        let anchorIDs = Set(anchors.compactMap { queries.resolver.resolve($0).id })
        return FactFilter(nodeTypes: nodeTypes, anchors: anchorIDs).apply(to: graph)
    }
}
