import Foundation
import GRDB

/// What a store keeps beside the facts: settings for the commands that use it (where its
/// corrections file is), and when each document was last stored.
extension GraphStore {
    static let settingsMigrationIdentifier = "v5: settings (the corrections file), when each document was ingested"

    static func registerSettingsMigration(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(settingsMigrationIdentifier) { db in
            try db.execute(sql: """
                CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                CREATE TABLE document_ingested (
                    document TEXT PRIMARY KEY NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    at TEXT NOT NULL  -- ISO 8601, UTC
                );
                """)
        }
    }

    /// Within `ingest`'s transaction: the document was stored now.
    func recordIngestion(document id: String, in db: Database) throws {
        let now = ISO8601DateFormatter().string(from: Date())
        try db.execute(sql: "INSERT INTO document_ingested (document, at) VALUES (?, ?) ON CONFLICT(document) DO UPDATE SET at = excluded.at",
                       arguments: [id, now])
    }

    /// When each stored document was last ingested (ISO 8601, UTC), by id; documents stored
    /// before this was recorded are absent.
    public func ingestionTimes() throws -> [String: String] {
        try db.read { db in
            Dictionary(try Row.fetchAll(db, sql: "SELECT document, at FROM document_ingested").map { ($0["document"], $0["at"]) },
                       uniquingKeysWith: { a, _ in a })
        }
    }

    /// The key of the corrections file's path.
    public static let correctionsSetting = "corrections"

    /// A setting's value, or nil when it was never set.
    public func setting(_ key: String) throws -> String? {
        try db.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    public func setSetting(_ key: String, to value: String) throws {
        try db.write { db in
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
        }
    }
}
