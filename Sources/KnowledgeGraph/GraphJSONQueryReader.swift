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
    /// evidence.
    public var graph: Graph
    /// The attributes and evidence, read from the text by id.
    public var details: GraphJSONDetails
    /// How many mentions and evidence spans the whole graph has.
    public var counts: GraphQueries.FactCounts
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
        let skeleton: Result<GraphJSONQueryRead, GraphJSONReader.Failure> = data.withUnsafeBytes { raw in
            var reader = GraphJSONReader(bytes: raw.bindMemory(to: UInt8.self))
            do throws(GraphJSONReader.Failure) {
                var read = try reader.queryGraph(threads: threads, parallelMinimumBytes: parallelMinimumBytes)
                reader.skipSpace()
                guard reader.i == reader.bytes.count else { throw .syntax }
                read.details.data = data
                return .success(read)
            } catch {
                return .failure(error)
            }
        }
        switch skeleton {
        case .success(let read): return read
        case .failure:
            // The full read says what is wrong, in its words. Should it read the text after
            // all, the graph is still answered from: whole, with nothing left to look up.
            let whole = try decode(data, file: file)
            return GraphJSONQueryRead(whole: whole)
        }
    }

    /// `readForQueries` on a file, mapped into memory rather than copied.
    public static func readForQueries(contentsOf url: URL) throws -> GraphJSONQueryRead {
        try readForQueries(try MappedFile.data(at: url.path), file: url.path)
    }
}

extension GraphJSONQueryRead {
    /// A graph already read whole: its details are itself.
    init(whole: Graph) {
        var light = whole
        var nodeRanges: [Range<Int>] = [], edgeRanges: [Range<Int>] = []
        for k in light.nodes.indices { light.nodes[k].attributes = [:]; light.nodes[k].mentions = [] }
        for k in light.edges.indices { light.edges[k].attributes = [:]; light.edges[k].evidence = [] }
        nodeRanges = Array(repeating: 0..<0, count: whole.nodes.count)
        edgeRanges = Array(repeating: 0..<0, count: whole.edges.count)
        graph = light
        details = GraphJSONDetails(nodeIDs: whole.nodes.map(\.id), nodeRanges: nodeRanges,
                                   edgeIDs: whole.edges.map(\.id), edgeRanges: edgeRanges, whole: whole)
        counts = .init(mentions: whole.nodes.reduce(0) { $0 + $1.mentions.count },
                       evidence: whole.edges.reduce(0) { $0 + $1.evidence.count })
    }
}

/// The attributes and evidence of a graph JSON read for queries: each node and edge object is
/// read whole from the text when a report asks for it by id.
public struct GraphJSONDetails: GraphDetails {
    /// The graph text (set once it is read).
    var data = Data()
    private let nodeIDs: [String]
    private let nodeRanges: [Range<Int>]
    private let edgeIDs: [String]
    private let edgeRanges: [Range<Int>]
    /// A graph that was read whole after all (see `readForQueries`).
    private let whole: Graph?
    /// Object number by id, worked out on the first lookup: most commands never look one up.
    private let nodeNumbers: Lazy<IDLookup>
    private let edgeNumbers: Lazy<IDLookup>

    init(nodeIDs: [String], nodeRanges: [Range<Int>], edgeIDs: [String], edgeRanges: [Range<Int>], whole: Graph? = nil) {
        self.nodeIDs = nodeIDs
        self.nodeRanges = nodeRanges
        self.edgeIDs = edgeIDs
        self.edgeRanges = edgeRanges
        self.whole = whole
        nodeNumbers = Lazy { IDLookup(nodeIDs) }
        edgeNumbers = Lazy { IDLookup(edgeIDs) }
    }

    public func edges(withIDs ids: [String]) throws -> [String: Edge] {
        var out: [String: Edge] = [:]
        for id in ids {
            guard out[id] == nil, let k = edgeNumbers.value.first(id, in: edgeIDs) else { continue }
            if let whole { out[id] = whole.edges[k]; continue }
            out[id] = try read(edgeRanges[k]) { (r: inout GraphJSONReader) throws(GraphJSONReader.Failure) in try r.edge() }
        }
        return out
    }

    public func nodeAttributes(withIDs ids: [String]) throws -> [String: [String: AttributeValue]] {
        var out: [String: [String: AttributeValue]] = [:]
        for id in ids {
            guard out[id] == nil, let k = nodeNumbers.value.first(id, in: nodeIDs) else { continue }
            if let whole { out[id] = whole.nodes[k].attributes; continue }
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
            var low = 0, high = ids.count
            while low < high {
                let mid = (low + high) / 2
                if ids[mid] < id { low = mid + 1 } else { high = mid }
            }
            return low < ids.count && ids[low] == id ? low : nil
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

    /// The whole document: documents in full, nodes and edges light (long arrays read on
    /// `threads` threads), the rest checked.
    mutating func queryGraph(threads: Int, parallelMinimumBytes: Int) throws(Failure) -> GraphJSONQueryRead {
        var documents: [Document] = []
        var nodes: [Light<Node>] = [], edges: [Light<Edge>] = []
        try object { (r: inout GraphJSONReader, key: JSONKey) throws(Failure) in
            switch key {
            case "documents": documents = try r.optionalArray { (r: inout GraphJSONReader) throws(Failure) in try r.document() } ?? []
            case "nodes":
                nodes = try r.optionalArray(threads: threads, minimumBytes: parallelMinimumBytes) { (r: inout GraphJSONReader) throws(Failure) in
                    try r.lightNode()
                } ?? []
            case "edges":
                edges = try r.optionalArray(threads: threads, minimumBytes: parallelMinimumBytes) { (r: inout GraphJSONReader) throws(Failure) in
                    try r.lightEdge()
                } ?? []
            default: try r.skipValue()
            }
        }
        let g = Graph(documents: documents, nodes: nodes.map(\.value), edges: edges.map(\.value))
        let details = GraphJSONDetails(nodeIDs: g.nodes.map(\.id), nodeRanges: nodes.map(\.range),
                                       edgeIDs: g.edges.map(\.id), edgeRanges: edges.map(\.range))
        let counts = GraphQueries.FactCounts(mentions: nodes.reduce(0) { $0 + $1.spans }, evidence: edges.reduce(0) { $0 + $1.spans })
        return GraphJSONQueryRead(graph: g, details: details, counts: counts)
    }

    /// A node without attributes and mentions, where its object lies, and its mention count.
    mutating func lightNode() throws(Failure) -> Light<Node> {
        skipSpace()
        let start = i
        var id: String?, type: NodeType?, name: String?, aliases: [String] = [], mentions = 0
        try object { (r: inout GraphJSONReader, key: JSONKey) throws(Failure) in
            switch key {
            case "id": id = try r.string()
            case "type": type = try r.enumValue(NodeType.self)
            case "name": name = try r.string()
            case "aliases": aliases = try r.optionalArray { (r: inout GraphJSONReader) throws(Failure) in try r.string() } ?? []
            case "attributes": try r.checkAttributes()
            case "mentions": mentions = try r.spanCount()
            default: try r.skipValue()
            }
        }
        let node = Node(id: try required(id, "id"), type: try required(type, "type"), name: try required(name, "name"), aliases: aliases)
        return Light(value: node, range: start..<i, spans: mentions)
    }

    /// An edge without attributes and evidence, where its object lies, and its evidence count.
    mutating func lightEdge() throws(Failure) -> Light<Edge> {
        skipSpace()
        let start = i
        var id: String?, type: EdgeType?, source: String?, target: String?, evidence = 0
        try object { (r: inout GraphJSONReader, key: JSONKey) throws(Failure) in
            switch key {
            case "id": id = try r.string()
            case "type": type = try r.enumValue(EdgeType.self)
            case "source": source = try r.string()
            case "target": target = try r.string()
            case "attributes": try r.checkAttributes()
            case "evidence": evidence = try r.spanCount()
            default: try r.skipValue()
            }
        }
        var e = Edge(id: try required(id, "id"), type: try required(type, "type"),
                     source: try required(source, "source"), target: try required(target, "target"))
        e.source = source ?? e.source
        e.target = target ?? e.target
        return Light(value: e, range: start..<i, spans: evidence)
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

    /// The number of spans in an array of them (or null), each checked as `span()` reads it.
    mutating func spanCount() throws(Failure) -> Int {
        try optionalArray { (r: inout GraphJSONReader) throws(Failure) in try r.checkSpan() }?.count ?? 0
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
