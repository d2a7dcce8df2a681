import Foundation
import GRDB
import KnowledgeGraph

/// The query graph kept ready in the store: the merged nodes (ids, types, names, aliases) and
/// edges (ids, types, ends) that every query reads first, as one compact blob.
///
/// Merging the contributions costs a read of every node row of every document (on 50,000 nodes
/// and 200,000 edges, 340,000 rows): about half a second. The merged result is the same until a
/// document changes, so the writing commands store it once they are done and every query reads
/// it back in one step. A change to a document deletes the snapshot in its own transaction, so a
/// snapshot is never stale: when it is missing (a write was interrupted, or the store was
/// written by an older TwinGraph) queries merge the rows as before.
extension GraphStore {
    static let querySnapshotMigrationIdentifier = "v6: the query graph's snapshot"

    static func registerQuerySnapshotMigration(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(querySnapshotMigrationIdentifier) { db in
            try db.execute(sql: "CREATE TABLE query_snapshot (format TEXT NOT NULL, content BLOB NOT NULL)")
        }
    }

    /// Merges the stored contributions into the query graph and stores it as the snapshot,
    /// when a change has dropped it (or the store predates snapshots). The writing commands call
    /// it after their last change; with nothing changed it costs one lookup.
    public func updateQuerySnapshot() throws {
        try db.write { db in
            if try GraphStore.snapshotContent(db) != nil { return }
            let (graph, counts) = try GraphStore.mergedQueryGraph(db)
            try db.execute(sql: "DELETE FROM query_snapshot")
            try db.execute(sql: "INSERT INTO query_snapshot (format, content) VALUES (?, ?)",
                           arguments: [QuerySnapshotCoding.format, QuerySnapshotCoding.encode(graph: graph, counts: counts)])
        }
    }

    /// Whether the store holds a snapshot of its query graph.
    public func hasQuerySnapshot() throws -> Bool {
        try db.read { db in try GraphStore.snapshotContent(db) != nil }
    }

    /// Drops the snapshot: every change to a document calls it in its transaction.
    static func invalidateQuerySnapshot(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM query_snapshot")
    }

    /// The snapshot's bytes, when the store has one in the format this TwinGraph reads.
    static func snapshotContent(_ db: Database) throws -> Data? {
        try Data.fetchOne(db, sql: "SELECT content FROM query_snapshot WHERE format = ?", arguments: [QuerySnapshotCoding.format])
    }
}

/// The snapshot's binary form: little-endian counts and UTF-8 strings with their byte lengths.
///
///     counts: mentions u64, evidence u64
///     nodes:  count u32, then per node: type u8, id, name, alias count u32, aliases
///     edges:  count u32, then per edge: type u8, source node u32, target node u32, id
///     string: byte length u32, bytes
///
/// Types are indexes into `NodeType.allCases` and `EdgeType.allCases`; edge ends are indexes
/// into the node list. Nodes and edges come in id order, as `GraphQueries` wants them.
enum QuerySnapshotCoding {
    /// Bumped whenever the layout (or the order of the type enums) changes; a snapshot of
    /// another format is ignored and rebuilt by the next write.
    static let format = "query-graph/1 node-types:\(NodeType.allCases.map(\.rawValue).joined(separator: ",")) edge-types:\(EdgeType.allCases.map(\.rawValue).joined(separator: ","))"

    struct Malformed: Error, CustomStringConvertible {
        var description: String { "the store's query snapshot is malformed" }
    }

    static func encode(graph: Graph, counts: GraphQueries.FactCounts) -> Data {
        var out = Data()
        func put<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        func put(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                put(UInt32(bytes.count))
                out.append(contentsOf: bytes)
            }
        }
        let nodes = graph.nodes.sorted { $0.id < $1.id }
        let nodeTypes = NodeType.allCases, edgeTypes = EdgeType.allCases
        var position: [String: UInt32] = [:]
        for (k, n) in nodes.enumerated() { position[n.id] = UInt32(k) }
        put(UInt64(counts.mentions))
        put(UInt64(counts.evidence))
        put(UInt32(nodes.count))
        for n in nodes {
            put(UInt8(nodeTypes.firstIndex(of: n.type)!))
            put(n.id)
            put(n.name)
            put(UInt32(n.aliases.count))
            for a in n.aliases { put(a) }
        }
        let edges = graph.edges.filter { position[$0.source] != nil && position[$0.target] != nil }.sorted { $0.id < $1.id }
        put(UInt32(edges.count))
        for e in edges {
            put(UInt8(edgeTypes.firstIndex(of: e.type)!))
            put(position[e.source]!)
            put(position[e.target]!)
            put(e.id)
        }
        return out
    }

    static func decode(_ data: Data) throws -> (graph: Graph, counts: GraphQueries.FactCounts) {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var reader = Reader(bytes: raw)
            let mentions = try reader.integer(UInt64.self), evidence = try reader.integer(UInt64.self)
            let nodeTypes = NodeType.allCases, edgeTypes = EdgeType.allCases
            let nodeCount = Int(try reader.integer(UInt32.self))
            var nodes: [Node] = []
            nodes.reserveCapacity(nodeCount)
            for _ in 0..<nodeCount {
                let type = Int(try reader.integer(UInt8.self))
                guard type < nodeTypes.count else { throw Malformed() }
                let id = try reader.string(), name = try reader.string()
                let aliasCount = Int(try reader.integer(UInt32.self))
                var aliases: [String] = []
                if aliasCount > 0 {
                    aliases.reserveCapacity(aliasCount)
                    for _ in 0..<aliasCount { aliases.append(try reader.string()) }
                }
                nodes.append(Node(id: id, type: nodeTypes[type], name: name, aliases: aliases))
            }
            let edgeCount = Int(try reader.integer(UInt32.self))
            var edges: [Edge] = []
            edges.reserveCapacity(edgeCount)
            for _ in 0..<edgeCount {
                let type = Int(try reader.integer(UInt8.self))
                let source = Int(try reader.integer(UInt32.self)), target = Int(try reader.integer(UInt32.self))
                guard type < edgeTypes.count, source < nodes.count, target < nodes.count else { throw Malformed() }
                edges.append(Edge(id: try reader.string(), type: edgeTypes[type], source: nodes[source].id, target: nodes[target].id))
            }
            guard reader.atEnd else { throw Malformed() }
            return (Graph(nodes: nodes, edges: edges), GraphQueries.FactCounts(mentions: Int(mentions), evidence: Int(evidence)))
        }
    }

    /// Reads the snapshot's fields in order, checking every length against what is left.
    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        var atEnd: Bool { offset == bytes.count }

        mutating func integer<T: FixedWidthInteger>(_: T.Type) throws -> T {
            let size = MemoryLayout<T>.size
            guard bytes.count - offset >= size else { throw Malformed() }
            let value = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
            offset += size
            return T(littleEndian: value)
        }

        mutating func string() throws -> String {
            let length = Int(try integer(UInt32.self))
            guard bytes.count - offset >= length else { throw Malformed() }
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
            offset += length
            return text
        }
    }
}
