import Foundation
import GRDB

/// Settings a store keeps for the commands that use it: for now, where its corrections file is.
extension GraphStore {
    static let settingsMigrationIdentifier = "v5: settings (the corrections file)"

    static func registerSettingsMigration(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(settingsMigrationIdentifier) { db in
            try db.execute(sql: "CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
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
