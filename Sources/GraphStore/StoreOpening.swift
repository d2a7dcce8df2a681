import Foundation
import GRDB

/// How a store file is opened: checked before anything is written to it, configured for one
/// writer and many readers.
extension GraphStore {
    /// The schema version this build writes (`PRAGMA user_version`): one per migration.
    static var schemaVersion: Int { migrationIdentifiers.count }

    /// The identifiers of `migrator`'s migrations, oldest first.
    static let migrationIdentifiers = [
        "v1: documents, node and edge contributions",
        "v2: fingerprint of each document's facts",
        "v3: format, title and every path of each document",
        SearchIndex.migrationIdentifier,
        settingsMigrationIdentifier,
        querySnapshotMigrationIdentifier,
    ]

    /// How long a command waits for another one's transaction (a second ingest, a query
    /// during an ingest) before it gives up.
    static let busyTimeout: TimeInterval = 120

    /// WAL, so that readers never block the writer nor it them; a busy timeout, so that a
    /// second writer waits its turn. (GRDB begins write transactions IMMEDIATE, taking the
    /// write lock at BEGIN, where the timeout applies; a deferred one that read first could
    /// only fail.)
    static func configuration(readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.readonly = readOnly
        config.busyMode = .timeout(busyTimeout)
        if !readOnly {
            config.journalMode = .wal
        }
        return config
    }

    /// Inspects, opens and (for a writer) migrates the store. Two commands that open one new
    /// store at once race to create it: SQLite answers the loser's switch to WAL or its first
    /// read of a half-made schema with "database is locked" at once, without the busy timeout,
    /// and GRDB's migrator, which reads what was applied before it takes the write lock, may
    /// repeat a step the other has just committed ("table … already exists"; each step is its
    /// own transaction, so the repeat is rolled back). Either way the open is tried again from
    /// the start, which reads the store as the winner left it: every 50 ms for up to
    /// `busyTimeout`, and at most `migrationRetries` times for a step that failed.
    static func openWaitingTurn(path: String, readOnly: Bool) throws -> DatabaseQueue {
        let deadline = Date().addingTimeInterval(busyTimeout)
        var failedSteps = 0
        while true {
            var migrating = false
            do {
                try inspect(path: path, readOnly: readOnly)
                let folder = (path as NSString).deletingLastPathComponent
                if !readOnly && !folder.isEmpty {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                let db = try DatabaseQueue(path: path, configuration: configuration(readOnly: readOnly))
                migrating = true
                if !readOnly { try migrate(db) }
                return db
            } catch let error as DatabaseError where Date() < deadline
                        && (error.resultCode == .SQLITE_BUSY || (migrating && failedSteps < migrationRetries)) {
                if error.resultCode != .SQLITE_BUSY { failedSteps += 1 }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// How many times a migration step that failed is tried again (see `openWaitingTurn`).
    static let migrationRetries = 5

    /// What an existing file holds, read without writing to it: whether a TwinGraph store may be
    /// opened on it. Throws when it is someone else's database, a store of a newer TwinGraph, or
    /// (for a read-only open) missing, empty or in need of a migration, which only a command that
    /// writes may do.
    static func inspect(path: String, readOnly: Bool) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            if readOnly { throw GraphStoreError.noStore(path: path) }
            return
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
        defer { try? queue.close() }
        try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            let applied = tables.contains("grdb_migrations")
                ? Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")) : []
            // Empty, or a store another ingest is creating (GRDB commits its bookkeeping table
            // before the first migration): nothing to read yet, nothing foreign to protect.
            if tables.isEmpty || (tables == ["grdb_migrations"] && applied.isEmpty) {
                if readOnly { throw GraphStoreError.noStore(path: path) }
                return
            }
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            guard applied.contains(migrationIdentifiers[0]), tables.contains("document") else {
                throw GraphStoreError.notAStore(path: path, tables: tables)
            }
            if version > schemaVersion || applied.count > schemaVersion {
                throw GraphStoreError.newerSchema(path: path, version: max(version, applied.count), supported: schemaVersion)
            }
            let unknown = applied.subtracting(migrationIdentifiers)
            if !unknown.isEmpty {
                throw GraphStoreError.unknownSchemaSteps(path: path, steps: unknown.sorted())
            }
            if readOnly && applied.count < schemaVersion {
                throw GraphStoreError.olderSchema(path: path, version: applied.count, current: schemaVersion)
            }
        }
    }

    /// Brings the store to `schemaVersion` and records it where any SQLite tool sees it.
    static func migrate(_ db: DatabaseQueue) throws {
        try migrator.migrate(db)
        try db.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
        }
    }
}
