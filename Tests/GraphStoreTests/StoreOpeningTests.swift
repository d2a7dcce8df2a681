import Foundation
import GRDB
import Testing
import KnowledgeGraph
@testable import GraphStore

/// Opening a store: WAL and a busy timeout for one writer and many readers; foreign, future and
/// missing files refused without a byte written.
@Suite struct StoreOpeningTests {
    static func tempPath() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("twingraph-open-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent("graph.sqlite").path
    }

    /// A small document of its own: two cities, one partnership.
    static func document(_ k: Int) -> (Document, Graph) {
        let id = String(format: "doc-%02d", k)
        let text = "Город \(k) и город \(k + 100) — партнёры"
        let doc = Document(id: id, path: id + ".txt", sha256: String(repeating: "\(k % 10)", count: 64), year: 2000 + k)
        let a = Node(id: "city/a\(k)", type: .city, name: "A\(k)", mentions: [Span(document: id, start: 0, end: 5, text: "Город")])
        let b = Node(id: "city/b\(k)", type: .city, name: "B\(k)", mentions: [Span(document: id, start: 0, end: 5, text: "Город")])
        let e = Edge(type: .partnerOf, source: a.id, target: b.id,
                     evidence: [Span(document: id, start: 0, end: text.unicodeScalars.count, text: text)])
        return (doc, Graph(documents: [doc], nodes: [a, b], edges: [e]))
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// Opening `path` for writing and read-only both throw `error`, and the file is byte for byte
    /// what it was.
    static func expectRefusedAsItIs(_ path: String, with error: GraphStoreError) throws {
        let before = try bytes(path)
        for readOnly in [false, true] {
            #expect(throws: error, "readOnly: \(readOnly)") { _ = try GraphStore(path: path, readOnly: readOnly) }
        }
        #expect(try bytes(path) == before)
    }

    @Test func aNewStoreIsInWALModeAndRecordsItsSchemaVersion() throws {
        let path = try Self.tempPath()
        _ = try GraphStore(path: path)
        let q = try DatabaseQueue(path: path)
        #expect(try q.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try q.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == GraphStore.schemaVersion)
        #expect(GraphStore.schemaVersion == 6)
    }

    @Test func twoIngestsAndQueriesAtOnceLoseNoDocument() async throws {
        let path = try Self.tempPath()
        _ = try GraphStore(path: path)
        // two writers on their own connections, as two `twingraph ingest` processes are, and a
        // reader that keeps querying meanwhile
        let failures = try await withThrowingTaskGroup(of: Int.self) { group in
            for half in 0..<2 {
                group.addTask {
                    let store = try GraphStore(path: path)
                    for k in stride(from: half, to: 40, by: 2) {
                        let (d, g) = Self.document(k)
                        try store.ingest(document: d, graph: g)
                    }
                    return 0
                }
            }
            group.addTask {
                var failed = 0
                for _ in 0..<30 {
                    do { _ = try GraphStore(path: path, readOnly: true).graph() } catch { failed += 1 }
                }
                return failed
            }
            return try await group.reduce(0, +)
        }
        #expect(failures == 0)
        let store = try GraphStore(path: path, readOnly: true)
        #expect(try store.documents().count == 40)
        #expect(try store.graph().edges.count == 40)
    }

    /// Two ingests that start together on a store that does not exist yet both open it: one
    /// creates it, the other waits and finds it made (it used to fail with "database is locked"
    /// or "table document already exists").
    @Test func twoWritersCreatingOneNewStoreAtOnceBothOpenIt() async throws {
        for _ in 0..<8 {
            let path = try Self.tempPath()
            let opened = try await withThrowingTaskGroup(of: Int.self) { group in
                for k in 0..<3 {
                    group.addTask {
                        let store = try GraphStore(path: path)
                        let (d, g) = Self.document(k)
                        try store.ingest(document: d, graph: g)
                        return 1
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(opened == 3)
            #expect(try GraphStore(path: path, readOnly: true).documents().count == 3)
        }
    }

    @Test func aStoreOfANewerSchemaIsRefusedAndLeftAsItWas() throws {
        let path = try Self.tempPath()
        let store = try GraphStore(path: path)
        let (d, g) = Self.document(1)
        try store.ingest(document: d, graph: g)
        let q = try DatabaseQueue(path: path)
        try q.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 99") }
        try q.close()
        try Self.expectRefusedAsItIs(path, with: .newerSchema(path: path, version: 99, supported: GraphStore.schemaVersion))
        #expect(GraphStoreError.newerSchema(path: path, version: 99, supported: GraphStore.schemaVersion).description.contains("schema version 99"))
    }

    /// A store with a schema step of another build (same version number or lower) is not called
    /// newer: the message names the unknown step, and the store is left as it was.
    @Test func aStoreWithAnUnknownSchemaStepIsRefusedByName() throws {
        let path = try Self.tempPath()
        _ = try GraphStore(path: path)
        let q = try DatabaseQueue(path: path)
        try q.write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = (SELECT max(identifier) FROM grdb_migrations)")
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v5: a branch of its own')")
        }
        try q.close()
        try Self.expectRefusedAsItIs(path, with: .unknownSchemaSteps(path: path, steps: ["v5: a branch of its own"]))
        #expect(!GraphStoreError.unknownSchemaSteps(path: path, steps: ["x"]).description.contains("newer"))
    }

    @Test func anotherSQLiteDatabaseIsRefusedAndLeftUntouched() throws {
        let path = try Self.tempPath()
        let q = try DatabaseQueue(path: path)
        try q.write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)") }
        try q.close()
        try Self.expectRefusedAsItIs(path, with: .notAStore(path: path, tables: ["invoices"]))
        let entries = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        #expect(entries == ["graph.sqlite"], "no -wal or -shm file left beside it: \(entries)")
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndLeftUntouched() throws {
        let path = try Self.tempPath()
        let text = Data("ОМСК\nНе база данных, а текст отчёта, длиной больше заголовка SQLite.\n".utf8)
        try text.write(to: URL(fileURLWithPath: path))
        #expect(throws: GraphStoreError.self) { _ = try GraphStore(path: path) }
        #expect(try Self.bytes(path) == text)
    }

    @Test func readOnlyOpensNeverCreateNorMigrate() throws {
        let missing = try Self.tempPath()
        #expect(throws: GraphStoreError.noStore(path: missing)) { _ = try GraphStore(path: missing, readOnly: true) }
        #expect(!FileManager.default.fileExists(atPath: missing))

        // a store of schema version 1, as an old TwinGraph left it
        let old = try Self.tempPath()
        let q = try DatabaseQueue(path: old)
        try GraphStore.migrator.migrate(q, upTo: GraphStore.migrationIdentifiers[0])
        try q.close()
        let before = try Self.bytes(old)
        #expect(throws: GraphStoreError.olderSchema(path: old, version: 1, current: GraphStore.schemaVersion)) {
            _ = try GraphStore(path: old, readOnly: true)
        }
        #expect(try Self.bytes(old) == before)
        // a writing open upgrades it
        #expect(try GraphStore(path: old).appliedMigrations() == GraphStore.migrationIdentifiers)
    }
}
