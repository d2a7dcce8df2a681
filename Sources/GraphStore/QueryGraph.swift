import Foundation
import GRDB
import KnowledgeGraph

/// The store's reading path for queries: what the graph algorithms need, without the text.
///
/// `graph()` rebuilds every document's contribution with its mentions and evidence and merges
/// them, which is what `export` must print but far more than a query reads: on 50,000 nodes and
/// 200,000 edges most of the store is evidence sentences. A query needs every node (to resolve
/// names and number vertices) and every edge's type and ends (for the adjacency), then the
/// attributes and evidence of only the few edges its report shows; those are read by id
/// through the primary keys.
extension GraphStore: GraphDetails {
    /// The merged graph with nodes' ids, types, names and aliases (no attributes, no mentions),
    /// and edges with only their id, type and ends, in id order; and the merged graph's mention
    /// and evidence counts. `GraphQueries` reads the rest through `GraphDetails`.
    ///
    /// Nodes merge as in `Graph.merging`: the document with the smallest id gives the name and
    /// type; every other name becomes an alias.
    /// The store's snapshot of it (`QuerySnapshot.swift`) is read when there is one; otherwise
    /// every document's rows are merged.
    public func queryGraph() throws -> (graph: Graph, counts: GraphQueries.FactCounts) {
        try db.read { db in
            guard let snapshot = try GraphStore.snapshotContent(db) else { return try GraphStore.mergedQueryGraph(db) }
            var (graph, counts) = try QuerySnapshotCoding.decode(snapshot)
            graph.documents = try GraphStore.documents(db)
            return (graph, counts)
        }
    }

    /// The query graph merged from every document's node and edge rows.
    static func mergedQueryGraph(_ db: Database) throws -> (graph: Graph, counts: GraphQueries.FactCounts) {
        let documents = try GraphStore.documents(db)
        var nodes: [Node] = []
        // The rows of one node, merged in document order. Each document that states an edge
        // has a row for both its ends, so most rows repeat another of the same node: a row
        // becomes Strings only when it differs from the node's first (by bytes; hashing or
        // comparing Cyrillic Strings normalises them first), and each distinct alias text is
        // decoded once. Rows come in the order of the index on node ids, which saves SQLite a
        // sort by document.
        struct Variant { var document: String; var type: String; var name: String; var aliases: String }
        var variants: [Variant] = []
        var currentID: String?
        func flush() throws {
            guard let id = currentID, !variants.isEmpty else { return }
            variants.sort { $0.document < $1.document }
            guard let type = NodeType(rawValue: variants[0].type) else { return }
            let name = variants[0].name
            var aliases: [String] = []
            var decoded: [String] = []
            for v in variants {
                if !v.name.utf8.elementsEqual(name.utf8) { aliases.append(v.name) }
                if v.aliases != "[]", !decoded.contains(where: { $0.utf8.elementsEqual(v.aliases.utf8) }) {
                    decoded.append(v.aliases)
                    aliases += try GraphJSON.decodeStrings(v.aliases)
                }
            }
            nodes.append(Node(id: id, type: type, name: name, aliases: aliases))
            variants.removeAll(keepingCapacity: true)
        }
        try db.forEachRawRow(sql: "SELECT node, document, type, name, aliases FROM node_fact ORDER BY node") { row in
            if currentID.map({ !row.equals(0, $0) }) ?? true {
                try flush()
                currentID = row.string(0)
            }
            // A row like the node's first but for its document changes nothing but the order,
            // which only the first row's name and type depend on: keep the smallest document.
            if let first = variants.first, row.equals(2, first.type), row.equals(3, first.name), row.equals(4, first.aliases) {
                let document = row.string(1)
                if document < variants[0].document { variants[0].document = document }
                return
            }
            variants.append(Variant(document: row.string(1), type: row.string(2), name: row.string(3), aliases: row.string(4)))
        }
        try flush()
        for k in nodes.indices where nodes[k].aliases.count > 1 || nodes[k].aliases.first == nodes[k].name {
            nodes[k].aliases = nodes[k].aliases.filter { $0 != nodes[k].name }.sortedUnique()
        }
        var edges: [Edge] = []
        edges.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM edge_fact") ?? 0)
        let types = EdgeType.allCases
        try db.forEachRawRow(sql: "SELECT edge, type, source, target FROM edge_fact ORDER BY edge") { row in
            // Facts several documents state come in adjacent rows; keep one.
            if let last = edges.last, row.equals(0, last.id) { return }
            guard let type = types.first(where: { row.equals(1, $0.rawValue) }) else { return }
            edges.append(Edge(id: row.string(0), type: type, source: row.string(2), target: row.string(3)))
        }
        let mentions = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mention") ?? 0
        let evidence = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM evidence") ?? 0
        return (Graph(documents: documents, nodes: nodes, edges: edges),
                GraphQueries.FactCounts(mentions: mentions, evidence: evidence))
    }

    /// The merged attributes of these nodes (the smallest document id wins each key, as in
    /// `Graph.merging`), through the index on node ids.
    public func nodeAttributes(withIDs ids: [String]) throws -> [String: [String: AttributeValue]] {
        var out: [String: [String: AttributeValue]] = [:]
        let unique = Array(Set(ids))
        try db.read { db in
            for start in stride(from: 0, to: unique.count, by: 400) {
                let chunk = Array(unique[start..<min(start + 400, unique.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                var lastText: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT node, attributes FROM node_fact WHERE node IN (\(marks)) ORDER BY node, document", arguments: StatementArguments(chunk)) {
                    let id: String = row[0], text: String = row[1]
                    if out[id] == nil { out[id] = [:] }
                    guard text != "{}", lastText[id] != text else { continue }
                    lastText[id] = text
                    for (k, v) in try GraphJSON.decodeAttributes(text) where out[id]?[k] == nil { out[id]?[k] = v }
                }
            }
        }
        return out
    }

    /// The merged edges with these ids, attributes and evidence included (the smallest document
    /// id wins each attribute, as in `Graph.merging`); ids the store lacks are left out.
    public func edges(withIDs ids: [String]) throws -> [String: Edge] {
        var out: [String: Edge] = [:]
        let unique = Array(Set(ids))
        try db.read { db in
            // Facts are keyed by (document, edge): naming every document lets SQLite look each
            // edge up through those keys instead of scanning the table.
            let documents = try String.fetchAll(db, sql: "SELECT id FROM document")
            let documentMarks = Array(repeating: "?", count: documents.count).joined(separator: ",")
            // SQLite allows a limited number of parameters per statement.
            for start in stride(from: 0, to: unique.count, by: 400) {
                let chunk = Array(unique[start..<min(start + 400, unique.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let args = StatementArguments(documents + chunk)
                for row in try Row.fetchAll(db, sql: "SELECT edge, type, source, target, attributes FROM edge_fact WHERE document IN (\(documentMarks)) AND edge IN (\(marks)) ORDER BY edge, document", arguments: args) {
                    let id: String = row[0], typeName: String = row[1], attributeText: String = row[4]
                    guard let type = EdgeType(rawValue: typeName) else { continue }
                    let attributes = attributeText == "{}" ? [:] : try GraphJSON.decodeAttributes(attributeText)
                    if var e = out[id] {
                        for (k, v) in attributes where e.attributes[k] == nil { e.attributes[k] = v }
                        out[id] = e
                    } else {
                        out[id] = Edge(id: id, type: type, source: row[2], target: row[3], attributes: attributes)
                    }
                }
                for row in try Row.fetchAll(db, sql: "SELECT document, edge, start, \"end\", text FROM evidence WHERE document IN (\(documentMarks)) AND edge IN (\(marks))", arguments: args) {
                    let id: String = row[1]
                    out[id]?.evidence.append(Span(document: row[0], start: row[2], end: row[3], text: row[4]))
                }
            }
        }
        for (id, e) in out { out[id]?.evidence = e.evidence.sortedUnique() }
        return out
    }
}
