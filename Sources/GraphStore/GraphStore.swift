import Foundation
import GRDB
import KnowledgeGraph

/// Errors from the store; each says what to do about it.
public enum GraphStoreError: Error, CustomStringConvertible, Equatable {
    /// The database file could not be opened or migrated.
    case cannotOpen(path: String, reason: String)
    /// A document's graph is inconsistent; nothing of it was stored.
    case invalidDocument(id: String, reason: String)
    /// `remove` named a document the store does not have.
    case noSuchDocument(id: String, known: [String])
    /// A read-only command found no store (no file, or an empty database).
    case noStore(path: String)
    /// The file is an SQLite database of something else; it was not changed.
    case notAStore(path: String, tables: [String])
    /// The store was written by a newer TwinGraph; it was not changed.
    case newerSchema(path: String, version: Int, supported: Int)
    /// The store has schema steps this TwinGraph does not know (a development build's, or another
    /// branch's); it was not changed.
    case unknownSchemaSteps(path: String, steps: [String])
    /// The store needs a migration, which a read-only command does not do.
    case olderSchema(path: String, version: Int, current: Int)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "cannot open the store \(path): \(reason); pass --store to use another file"
        case let .invalidDocument(id, reason):
            return "document \(id) was not stored: \(reason); fix its graph and ingest it again"
        case let .noSuchDocument(id, known):
            let list = known.isEmpty ? "the store is empty" : "documents in the store: " + known.joined(separator: ", ")
            return "no document \(id) in the store (\(list))"
        case let .noStore(path):
            return "no graph store at \(path); run `twingraph ingest` first, pass --store, or query a file with --graph FILE.json"
        case let .notAStore(path, tables):
            let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
            return "\(path) is an SQLite database but not a TwinGraph store (its tables: \(shown)); it was left untouched. Pass --store with another file"
        case let .newerSchema(path, version, supported):
            return "the store \(path) has schema version \(version), newer than this TwinGraph's \(supported); it was left untouched. Use a newer twingraph, or pass --store with another file"
        case let .unknownSchemaSteps(path, steps):
            return "the store \(path) was written by another build of TwinGraph (schema steps this one does not know: \(steps.joined(separator: "; "))); it was left untouched. Ingest the documents again into a new store, or pass --store with another file"
        case let .olderSchema(path, version, current):
            return "the store \(path) has schema version \(version) of \(current); a command that writes (such as `twingraph ingest`) upgrades it, queries do not"
        }
    }
}

/// What `ingest` did with a document.
public enum IngestOutcome: String, Sendable, Codable {
    /// The store did not have the document.
    case added
    /// The store had another version (another sha256); only that document's facts were replaced.
    case replaced
    /// The store had this exact version; nothing was written.
    case unchanged
}

/// The persistent graph: an SQLite database (through GRDB) holding each document's
/// contribution — its nodes with their mentions, its edges with their evidence. The merged
/// graph is the union of contributions (`Graph.merging`), so replacing or removing a document
/// touches only its own rows, and a fact stated by several documents survives the removal of one.
///
/// Every change to a document runs in one transaction: an error or a killed process leaves the
/// store as it was before that document.
public struct GraphStore: Sendable {
    /// The database file.
    public let path: String
    let db: DatabaseQueue
    /// How evidence is indexed for `searchEvidence` on ingest; nil leaves new documents
    /// unindexed (`SearchIndex.swift`).
    public var searchTerms: SearchTerms?

    /// `~/.local/share/twingraph/graph.sqlite` (or under `$XDG_DATA_HOME` when set).
    public static var defaultPath: String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (base as NSString).appendingPathComponent("twingraph/graph.sqlite")
    }

    /// Opens the store at `path`: for writing, creating it (with its folder) if needed and
    /// migrating it; `readOnly`, an existing store as it is. Another database, or a store of a
    /// newer schema, is refused before anything is written to it (`StoreOpening.swift`).
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        do {
            db = try GraphStore.openWaitingTurn(path: path, readOnly: readOnly)
        } catch let error as DatabaseError {
            throw GraphStoreError.cannotOpen(path: path, reason: error.message ?? error.description)
        } catch let error as GraphStoreError {
            throw error
        } catch {
            throw GraphStoreError.cannotOpen(path: path, reason: error.localizedDescription)
        }
    }

    /// The schema, one migration per version. Never edit a shipped migration: add the next one.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration(migrationIdentifiers[0]) { db in
            try db.execute(sql: """
                CREATE TABLE document (
                    id TEXT PRIMARY KEY NOT NULL,
                    path TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    reporter TEXT,
                    year INTEGER
                );
                CREATE TABLE node_fact (
                    document TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    node TEXT NOT NULL,
                    type TEXT NOT NULL,
                    name TEXT NOT NULL,
                    aliases TEXT NOT NULL,     -- JSON array of strings
                    attributes TEXT NOT NULL,  -- JSON object
                    PRIMARY KEY (document, node)
                );
                CREATE INDEX node_fact_by_node ON node_fact(node);
                CREATE TABLE mention (
                    document TEXT NOT NULL,
                    node TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    FOREIGN KEY (document, node) REFERENCES node_fact(document, node) ON DELETE CASCADE
                );
                CREATE INDEX mention_by_fact ON mention(document, node);
                CREATE TABLE edge_fact (
                    document TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    edge TEXT NOT NULL,
                    type TEXT NOT NULL,
                    source TEXT NOT NULL,
                    target TEXT NOT NULL,
                    attributes TEXT NOT NULL,  -- JSON object
                    PRIMARY KEY (document, edge),
                    FOREIGN KEY (document, source) REFERENCES node_fact(document, node),
                    FOREIGN KEY (document, target) REFERENCES node_fact(document, node)
                );
                CREATE INDEX edge_fact_by_source ON edge_fact(source);
                CREATE INDEX edge_fact_by_target ON edge_fact(target);
                CREATE TABLE evidence (
                    document TEXT NOT NULL,
                    edge TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    FOREIGN KEY (document, edge) REFERENCES edge_fact(document, edge) ON DELETE CASCADE
                );
                CREATE INDEX evidence_by_fact ON evidence(document, edge);
                """)
        }
        m.registerMigration(migrationIdentifiers[1]) { db in
            // A document whose text is unchanged but whose extracted facts differ (a newer
            // extractor) must be replaced, not skipped; the fingerprint tells the two apart.
            try db.execute(sql: "ALTER TABLE document ADD COLUMN facts TEXT NOT NULL DEFAULT ''")
        }
        m.registerMigration(migrationIdentifiers[2]) { db in
            // Documents come in several formats, and the same content may sit under several names
            // (one document, all its paths). Rows of older stores have only their one path.
            try db.execute(sql: """
                ALTER TABLE document ADD COLUMN format TEXT;
                ALTER TABLE document ADD COLUMN title TEXT;
                ALTER TABLE document ADD COLUMN paths TEXT NOT NULL DEFAULT '';  -- JSON array; '' = [path]
                """)
        }
        SearchIndex.registerMigration(in: &m)
        registerSettingsMigration(in: &m)
        registerQuerySnapshotMigration(in: &m)
        return m
    }

    /// A fingerprint of a document's contribution as the store keeps it: FNV-1a (64 bits) of its
    /// canonical graph JSON. Not cryptographic; it only tells a re-extraction that changed
    /// something from one that did not.
    static func fingerprint(document: Document, graph: Graph) throws -> String {
        var g = graph
        g.documents = [document]
        g.nodes = g.nodes.map { var n = $0; n.mentions = n.mentions.filter { $0.document == document.id }; return n }
        g.edges = g.edges.map { var e = $0; e.evidence = e.evidence.filter { $0.document == document.id }; return e }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in try GraphJSON.encode(g) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static let documentColumns = "id, path, sha256, reporter, year, format, title, paths"

    /// A document row as its record; `paths` is '' in rows stored before v3.
    static func document(_ row: Row) -> Document {
        let paths: String = row["paths"]
        let list = (try? JSONDecoder().decode([String].self, from: Data(paths.utf8))) ?? []
        return Document(id: row["id"], path: row["path"], sha256: row["sha256"], reporter: row["reporter"], year: row["year"],
                        format: row["format"], title: row["title"], paths: list.isEmpty ? nil : list)
    }

    /// The schema versions applied to this store, oldest first.
    public func appliedMigrations() throws -> [String] {
        try db.read { try GraphStore.migrator.appliedMigrations($0) }
    }

    /// Stores `graph` as the whole contribution of `document`, replacing any earlier version of
    /// that document and nothing else. A document with the same sha256 and the same facts as the
    /// stored one is skipped (`unchanged`); the same text with other facts (extraction improved)
    /// is `replaced`. Mentions and evidence of other documents in `graph` are ignored; every edge must
    /// join nodes of `graph`.
    @discardableResult
    public func ingest(document: Document, graph: Graph) throws -> IngestOutcome {
        try ingest(document: document, graph: graph, failAfterRows: nil)
    }

    /// `ingest`, with a fault injected after `failAfterRows` inserted rows (tests use it to show
    /// that a failure part-way leaves the store unchanged).
    func ingest(document: Document, graph: Graph, failAfterRows: Int?) throws -> IngestOutcome {
        let nodeIDs = Set(graph.nodes.map(\.id))
        if nodeIDs.count != graph.nodes.count {
            throw GraphStoreError.invalidDocument(id: document.id, reason: "a node id appears twice")
        }
        if Set(graph.edges.map(\.id)).count != graph.edges.count {
            throw GraphStoreError.invalidDocument(id: document.id, reason: "an edge id appears twice")
        }
        for e in graph.edges {
            for end in [e.source, e.target] where !nodeIDs.contains(end) {
                throw GraphStoreError.invalidDocument(id: document.id, reason: "edge \(e.id) joins \(end), which is not a node of the graph")
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }

        let facts = try GraphStore.fingerprint(document: document, graph: graph)
        struct InjectedFault: Error {}
        return try db.write { db -> IngestOutcome in
            let stored = try Row.fetchOne(db, sql: "SELECT sha256, facts FROM document WHERE id = ?", arguments: [document.id])
            if let stored, stored["sha256"] == document.sha256, stored["facts"] == facts { return .unchanged }
            var rows = 0
            func inserted() throws {
                rows += 1
                if let failAfterRows, rows > failAfterRows { throw InjectedFault() }
            }
            try GraphStore.invalidateQuerySnapshot(db)
            // The cascade removes the document's earlier facts and nothing else.
            try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [document.id])
            try db.execute(sql: "INSERT INTO document (id, path, sha256, reporter, year, facts, format, title, paths) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [document.id, document.path, document.sha256, document.reporter, document.year, facts,
                                       document.format, document.title, try json(document.paths)])
            try inserted()
            for n in graph.nodes.sorted(by: { $0.id < $1.id }) {
                try db.cachedStatement(sql: "INSERT INTO node_fact (document, node, type, name, aliases, attributes) VALUES (?, ?, ?, ?, ?, ?)").executeKeepingNUL(
                               [document.id, n.id, n.type.rawValue, n.name, try json(n.aliases.sorted()), try json(n.attributes)])
                try inserted()
                for m in Set(n.mentions).sorted() where m.document == document.id {
                    try db.cachedStatement(sql: "INSERT INTO mention (document, node, start, \"end\", text) VALUES (?, ?, ?, ?, ?)").execute(
                                   arguments: [document.id, n.id, m.start, m.end, m.text])
                    try inserted()
                }
            }
            for e in graph.edges.sorted(by: { $0.id < $1.id }) {
                try db.cachedStatement(sql: "INSERT INTO edge_fact (document, edge, type, source, target, attributes) VALUES (?, ?, ?, ?, ?, ?)").execute(
                               arguments: [document.id, e.id, e.type.rawValue, e.source, e.target, try json(e.attributes)])
                try inserted()
                for s in Set(e.evidence).sorted() where s.document == document.id {
                    try db.cachedStatement(sql: "INSERT INTO evidence (document, edge, start, \"end\", text) VALUES (?, ?, ?, ?, ?)").execute(
                                   arguments: [document.id, e.id, s.start, s.end, s.text])
                    try inserted()
                }
            }
            try afterStoring(document: document.id, in: db)
            return stored == nil ? .added : .replaced
        }
    }

    /// Removes a document and every fact it contributed; facts other documents state remain.
    public func remove(document id: String) throws {
        let removed = try db.write { db -> Bool in
            try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id])
            guard db.changesCount > 0 else { return false }
            try SearchIndex.forget(document: id, in: db)
            try GraphStore.invalidateQuerySnapshot(db)
            return true
        }
        if !removed { throw GraphStoreError.noSuchDocument(id: id, known: try documents().map(\.id)) }
    }

    /// The stored documents, by id.
    public func documents() throws -> [Document] {
        try db.read(GraphStore.documents)
    }

    static func documents(_ db: Database) throws -> [Document] {
        try Row.fetchAll(db, sql: "SELECT \(GraphStore.documentColumns) FROM document ORDER BY id").map(GraphStore.document)
    }

    /// Each stored document's contribution, as it was ingested.
    public func contributions() throws -> [Graph] {
        let decoder = JSONDecoder()
        return try db.read { db in
            var docs: [String: Document] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT \(GraphStore.documentColumns) FROM document") {
                let d = GraphStore.document(row)
                docs[d.id] = d
            }
            var mentions: [String: [String: [Span]]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT document, node, start, \"end\", text FROM mention") {
                let doc: String = row["document"], node: String = row["node"]
                mentions[doc, default: [:]][node, default: []].append(
                    Span(document: doc, start: row["start"], end: row["end"], text: row["text"]))
            }
            var evidence: [String: [String: [Span]]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT document, edge, start, \"end\", text FROM evidence") {
                let doc: String = row["document"], edge: String = row["edge"]
                evidence[doc, default: [:]][edge, default: []].append(
                    Span(document: doc, start: row["start"], end: row["end"], text: row["text"]))
            }
            var parts: [String: Graph] = [:]
            for (id, d) in docs { parts[id] = Graph(documents: [d]) }
            for row in try Row.fetchAll(db, sql: "SELECT document, node, type, CAST(name AS BLOB) AS name, aliases, attributes FROM node_fact") {
                let doc: String = row["document"], id: String = row["node"], typeName: String = row["type"]
                guard let type = NodeType(rawValue: typeName) else { continue }
                let aliasText: String = row["aliases"], attributeText: String = row["attributes"]
                // Most facts have neither; skipping the decoder for them halves loading time.
                let aliases = aliasText == "[]" ? [] : try decoder.decode([String].self, from: Data(aliasText.utf8))
                let attributes = attributeText == "{}" ? [:] : try decoder.decode([String: AttributeValue].self, from: Data(attributeText.utf8))
                parts[doc]?.nodes.append(Node(id: id, type: type, name: row.textKeepingNUL("name"), aliases: aliases,
                                              attributes: attributes, mentions: mentions[doc]?[id] ?? []))
            }
            for row in try Row.fetchAll(db, sql: "SELECT document, edge, type, source, target, attributes FROM edge_fact") {
                let doc: String = row["document"], id: String = row["edge"], typeName: String = row["type"]
                guard let type = EdgeType(rawValue: typeName) else { continue }
                let attributeText: String = row["attributes"]
                let attributes = attributeText == "{}" ? [:] : try decoder.decode([String: AttributeValue].self, from: Data(attributeText.utf8))
                parts[doc]?.edges.append(Edge(id: id, type: type, source: row["source"], target: row["target"],
                                              attributes: attributes, evidence: evidence[doc]?[id] ?? []))
            }
            return parts.keys.sorted().compactMap { parts[$0]?.sorted() }
        }
    }

    /// The merged graph of every stored document, sorted: what `twingraph export` prints.
    public func graph() throws -> Graph {
        Graph.merging(try contributions())
    }

    /// SQLite's `PRAGMA integrity_check` and `foreign_key_check`: empty when the file is sound.
    public func integrityProblems() throws -> [String] {
        try db.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let keys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "foreign key: \($0)" }
            return integrity + keys
        }
    }
}
