import Foundation

/// A graph JSON read for queries: what the graph algorithms need up front, and where in the
/// text the rest is.
///
/// Most of a graph JSON is text: every mention and every evidence sentence. A query needs every
/// node's id, type, name and aliases (to resolve names and number vertices) and every edge's id,
/// type and ends (for the adjacency); the attributes and evidence of only the few facts its
/// report shows. So this read keeps those, checks the rest without making values of it (the
/// file is accepted or refused exactly as `GraphJSON.decode` would), counts mentions and
/// evidence for `stats`, and remembers where each node and edge object lies, to read it whole
/// when a report asks (`GraphJSONDetails`). The same split as the store's query graph.
public struct GraphJSONQueryRead: Sendable {
    /// Documents in full; nodes without attributes and mentions; edges without attributes and
    /// evidence. (The whole graph, should only the full read accept the text: then `details`
    /// and `counts` are nil, and `GraphQueries` reads the graph as it is.)
    public var graph: Graph
    /// The attributes and evidence, read from the text by id.
    public var details: GraphJSONDetails?
    /// How many mentions and evidence spans the whole graph has.
    public var counts: GraphQueries.FactCounts?
}

extension GraphJSON {
    /// Reads `data` for queries; `file` names it in error messages, which are those of
    /// `decode(_:file:)`.
    public static func readForQueries(_ data: Data, file: String = "<input>") throws -> GraphJSONQueryRead {
        try readForQueries(data, file: file, threads: ProcessInfo.processInfo.activeProcessorCount,
                           parallelMinimumBytes: GraphJSONReader.parallelReadMinimumBytes)
    }

    /// `threads` read the nodes and edges of a long pretty-printed text together
    /// (`ParallelArrayRead.swift`) when at least `parallelMinimumBytes` follow their start.
    static func readForQueries(_ data: Data, file: String, threads: Int, parallelMinimumBytes: Int) throws -> GraphJSONQueryRead {
        let light: Result<GraphJSONReader.LightGraph, GraphJSONReader.Failure> = data.withUnsafeBytes { raw in
            var reader = GraphJSONReader(bytes: raw.bindMemory(to: UInt8.self))
            do throws(GraphJSONReader.Failure) {
                let light = try reader.lightGraph(threads: threads, parallelMinimumBytes: parallelMinimumBytes)
                reader.skipSpace()
                guard reader.i == reader.bytes.count else { throw .syntax }
                return .success(light)
            } catch {
                return .failure(error)
            }
        }
        switch light {
        case .success(let l):
            let details = GraphJSONDetails(data: data, nodeIDs: l.nodes.map(\.value.id), nodeRanges: l.nodes.map(\.range),
                                           edgeIDs: l.edges.map(\.value.id), edgeRanges: l.edges.map(\.range))
            return GraphJSONQueryRead(graph: Graph(documents: l.documents, nodes: l.nodes.map(\.value), edges: l.edges.map(\.value)),
                                      details: details,
                                      counts: .init(mentions: l.nodes.reduce(0) { $0 + $1.spans }, evidence: l.edges.reduce(0) { $0 + $1.spans }))
        case .failure:
            // The full read says what is wrong, in its words; should it read the text after all,
            // queries read that whole graph.
            return GraphJSONQueryRead(graph: try decode(data, file: file), details: nil, counts: nil)
        }
    }

    /// `readForQueries` on a file, mapped into memory rather than copied.
    public static func readForQueries(contentsOf url: URL) throws -> GraphJSONQueryRead {
        try readForQueries(try MappedFile.data(at: url.path), file: url.path)
    }
}

/// The attributes and evidence of a graph JSON read for queries: each node and edge object is
/// read whole from the text when a report asks for it by id.
public struct GraphJSONDetails: GraphDetails {
    /// The graph text.
    private let data: Data
    private let nodeIDs: [String]
    private let nodeRanges: [Range<Int>]
    private let edgeIDs: [String]
    private let edgeRanges: [Range<Int>]
    /// Object number by id, worked out on the first lookup: most commands never look one up.
    private let nodeNumbers: Lazy<IDLookup>
    private let edgeNumbers: Lazy<IDLookup>

    init(data: Data, nodeIDs: [String], nodeRanges: [Range<Int>], edgeIDs: [String], edgeRanges: [Range<Int>]) {
        self.data = data
        self.nodeIDs = nodeIDs
        self.nodeRanges = nodeRanges
        self.edgeIDs = edgeIDs
        self.edgeRanges = edgeRanges
        nodeNumbers = Lazy { IDLookup(nodeIDs) }
        edgeNumbers = Lazy { IDLookup(edgeIDs) }
    }

    public func edges(withIDs ids: [String]) throws -> [String: Edge] {
        var out: [String: Edge] = [:]
        for id in ids {
            guard out[id] == nil, let k = edgeNumbers.value.first(id, in: edgeIDs) else { continue }
            out[id] = try read(edgeRanges[k]) { (r: inout GraphJSONReader) throws(GraphJSONReader.Failure) in try r.edge() }
        }
        return out
    }

    public func nodeAttributes(withIDs ids: [String]) throws -> [String: [String: AttributeValue]] {
        var out: [String: [String: AttributeValue]] = [:]
        for id in ids {
            guard out[id] == nil, let k = nodeNumbers.value.first(id, in: nodeIDs) else { continue }
            out[id] = try read(nodeRanges[k]) { (r: inout GraphJSONReader) throws(GraphJSONReader.Failure) in try r.node() }.attributes
        }
        return out
    }

    /// One object of the text, which the query read has already checked.
    private func read<T>(_ range: Range<Int>, _ body: (inout GraphJSONReader) throws(GraphJSONReader.Failure) -> T) throws -> T {
        let result: Result<T, GraphJSONReader.Failure> = data.withUnsafeBytes { raw in
            let all = raw.bindMemory(to: UInt8.self)
            var reader = GraphJSONReader(bytes: UnsafeBufferPointer(rebasing: all[range]))
            do throws(GraphJSONReader.Failure) { return .success(try body(&reader)) } catch { return .failure(error) }
        }
        do { return try result.get() } catch {
            throw GraphJSONError.schema(file: "<graph>", path: "", message: "the object at bytes \(range) changed since it was read")
        }
    }
}

/// Finding an id's first position in a list of ids: by binary search when the list is in
/// order (as TwinGraph writes graph JSON), else through a table made once.
enum IDLookup: Sendable {
    case sorted
    case table([String: Int])

    init(_ ids: [String]) {
        if ids.indices.dropFirst().allSatisfy({ ids[$0 - 1] <= ids[$0] }) { self = .sorted; return }
        var table: [String: Int] = [:]
        table.reserveCapacity(ids.count)
        for (k, id) in ids.enumerated() where table[id] == nil { table[id] = k }
        self = .table(table)
    }

    /// The first position of `id` in `ids` (the list this was made from).
    func first(_ id: String, in ids: [String]) -> Int? {
        switch self {
        case .table(let table): return table[id]
        case .sorted:
            return SortedIDs.positions(of: id, count: ids.count) { ids[$0] }.first
        }
    }
}

// MARK: The query read

extension GraphJSONReader {
    /// A node or edge read light: the value, where its object lies, and how many spans (mentions
    /// or evidence) it has.
    struct Light<Value: Sendable>: Sendable {
        var value: Value
        var range: Range<Int>
        var spans: Int
    }

    /// The documents in full, the nodes and edges light.
    struct LightGraph {
        var documents: [Document] = []
        var nodes: [Light<Node>] = []
        var edges: [Light<Edge>] = []
    }

    /// The whole document: documents in full, nodes and edges light (long arrays read on
    /// `threads` threads), the rest checked.
    mutating func lightGraph(threads: Int, parallelMinimumBytes: Int) throws(Failure) -> LightGraph {
        var g = LightGraph()
        try object { (r: inout GraphJSONReader, key: JSONKey) throws(Failure) in
            switch key {
            case "documents": g.documents = try r.optionalArray { (r: inout GraphJSONReader) throws(Failure) in try r.document() } ?? []
            case "nodes":
                g.nodes = try r.optionalArray(threads: threads, minimumBytes: parallelMinimumBytes) { (r: inout GraphJSONReader) throws(Failure) in
                    try r.light { (r: inout GraphJSONReader) throws(Failure) in try r.node(keepingText: false) }
                } ?? []
            case "edges":
                g.edges = try r.optionalArray(threads: threads, minimumBytes: parallelMinimumBytes) { (r: inout GraphJSONReader) throws(Failure) in
                    try r.light { (r: inout GraphJSONReader) throws(Failure) in try r.edge(keepingText: false) }
                } ?? []
            default: try r.skipValue()
            }
        }
        return g
    }

    /// An object read by `body` without its text, with where it lies.
    mutating func light<T>(_ body: (inout GraphJSONReader) throws(Failure) -> (T, Int)) throws(Failure) -> Light<T> {
        skipSpace()
        let start = i
        let (value, spans) = try body(&self)
        return Light(value: value, range: start..<i, spans: spans)
    }

    /// Checks an attribute object (or null) as `attributes()` reads it, keeping nothing.
    mutating func checkAttributes() throws(Failure) {
        if try null() { return }
        try object { (r: inout GraphJSONReader, _: JSONKey) throws(Failure) in try r.checkAttributeValue() }
    }

    /// Checks one attribute value as `attributeValue()` reads it (strings are only skipped).
    mutating func checkAttributeValue() throws(Failure) {
        skipSpace()
        guard i < bytes.count else { throw .syntax }
        if bytes[i] == UInt8(ascii: "\"") { try skipString() } else { _ = try attributeValue() }
    }

    /// Checks a span object as `span()` reads it, keeping nothing.
    mutating func checkSpan() throws(Failure) {
        var document = false, start = false, end = false, text = false
        try object { (r: inout GraphJSONReader, key: JSONKey) throws(Failure) in
            switch key {
            case "document": try r.skipString(); document = true
            case "start": _ = try r.int(); start = true
            case "end": _ = try r.int(); end = true
            case "text": try r.skipString(); text = true
            default: try r.skipValue()
            }
        }
        if !document { throw schema("missing key \"document\"") }
        if !start { throw schema("missing key \"start\"") }
        if !end { throw schema("missing key \"end\"") }
        if !text { throw schema("missing key \"text\"") }
    }

    /// Skips a string value, refusing what `string()` refuses: a string with an escape is
    /// decoded after all (to check the escape), one without is only scanned.
    mutating func skipString() throws(Failure) {
        skipSpace()
        guard i < bytes.count else { throw .syntax }
        guard bytes[i] == UInt8(ascii: "\"") else {
            throw schema("Expected to decode String but found another value instead.")
        }
        let start = i
        i = JSONStringScan.end(of: bytes, from: i + 1)
        guard i < bytes.count else { throw .syntax }
        switch bytes[i] {
        case UInt8(ascii: "\""): i += 1
        case UInt8(ascii: "\\"): i = start; _ = try string()
        default: throw .syntax
        }
    }
}
