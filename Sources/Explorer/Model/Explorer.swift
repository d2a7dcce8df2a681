import Foundation
import KnowledgeGraph

/// What `twingraph serve` shows: one graph, read once, with the same queries the CLI runs.
/// Filtered views build their own `GraphQueries` over the facts the filters keep.
public struct Explorer: Sendable {
    public let graph: Graph
    let queries: GraphQueries
    let documents: [String: Document]
    /// Country codes of the graph's places, for the filter form.
    let countries: [String]
    let drawings = DrawingCache(capacity: Limits.cachedDrawings)
    /// Path searches and rankings: time-limited, at most two at a time.
    let expensiveQueries = RunningLimit(maximum: 2)

    /// An explorer over `graph`, which must hold its evidence (read whole, not the store's
    /// query graph without text).
    public init(graph: Graph) {
        queries = GraphQueries(graph: graph)
        self.graph = queries.graph
        documents = Dictionary(graph.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        countries = Array(Set(graph.nodes.compactMap(\.country))).sorted()
    }

    /// The queries over the facts `filters` keep.
    func queries(_ filters: Filters) -> GraphQueries {
        filters.isEmpty ? queries : GraphQueries(graph: filters.apply(to: graph))
    }

    /// Runs a query, turning a name that picks out no node into a `RequestError`.
    func answering<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as QueryError { throw RequestError.from(error) }
    }
}

/// Rendered SVG drawings by key (picture and filters): Graphviz lays out a large network in
/// about a second, and the same view is asked for again and again.
final class DrawingCache: @unchecked Sendable {
    private let lock = NSLock()
    private var drawings: [String: String] = [:]
    private var order: [String] = []
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func drawing(_ key: String, make: () throws -> String) rethrows -> String {
        if let svg = lock.withLock({ drawings[key] }) { return svg }
        let svg = try make()
        lock.withLock {
            if drawings[key] == nil { order.append(key) }
            drawings[key] = svg
            if order.count > capacity { drawings[order.removeFirst()] = nil }
        }
        return svg
    }
}
