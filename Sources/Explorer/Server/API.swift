import Foundation
import KnowledgeGraph

/// `/api/…`: the reports of the CLI's `--format json`, from the same `GraphQueries`, with the
/// same names and fields; the parameters are the CLI's arguments and options.
extension Explorer {
    func apiReport(_ name: String, _ values: QueryValues, _ filters: Filters) async throws -> Data {
        let q = queries(filters)
        switch name {
        case "path": return try Self.json(try await pathReport(values, filters))
        case "partners":
            let node = try values.required("node")
            return try Self.json(try answering { try q.partners(of: node, via: filters.relations ?? GraphQueries.partnership) })
        case "neighbours", "neighbors":
            let node = try values.required("node")
            let depth = try values.integer("depth", in: 0...Limits.maximumDepth) ?? 1
            return try Self.json(try answering { try q.neighbourhood(of: node, depth: depth, via: filters.relations) })
        case "common":
            let first = try values.required("first"), second = try values.required("second")
            return try Self.json(try answering { try q.common(first, second, via: filters.relations ?? GraphQueries.partnership) })
        case "timeline":
            let node = try values.required("node")
            return try Self.json(try answering { try q.timeline(of: node, via: filters.relations) })
        case "rank":
            let measure = try Self.measure(values["by"])
            let top = try values.integer("top", in: 1...1000) ?? 20
            let relations = filters.relations
            // Betweenness from 200 sampled sources, not all: exact betweenness grows with the cube of the graph.
            let report = try await withTimeLimit(Limits.pathTimeLimitSeconds, limit: expensiveQueries, what: "ranking") {
                q.rank(by: measure, via: relations, top: top, samples: measure == .betweenness ? 200 : nil)
            }
            return try Self.json(report)
        case "components": return try Self.json(q.components(via: filters.relations))
        case "stats": return try Self.json(q.stats())
        case "search": return try Self.json(try searchReport(values, filters))
        case "documents": return try Self.json(graph.documents.sorted { $0.id < $1.id })  // as `documents --format json`
        case "document": return try Self.json(try documentReport(values))
        default:
            throw RequestError.notFound("no API /api/\(name); there are: path, partners, neighbours, common, timeline, rank, components, stats, search, documents, document")
        }
    }

    static func measure(_ value: String?) throws(RequestError) -> RankReport.Measure {
        guard let value else { return .degree }
        guard let m = RankReport.Measure(rawValue: value) else {
            throw .badRequest("by takes degree, betweenness or pagerank")
        }
        return m
    }

    /// As the CLI writes JSON: pretty, sorted keys, trailing newline.
    static func json<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
