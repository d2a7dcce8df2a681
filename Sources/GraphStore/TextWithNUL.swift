import Foundation
import GRDB
import GRDBSQLite

/// Text that may hold NUL. GRDB binds a String as a C string and reads a text column as one, so
/// a name with a NUL inside lost everything after it; these bind and read the text by its length.
extension Statement {
    /// Runs the statement with `arguments`, binding each String by its UTF-8 length.
    func executeKeepingNUL(_ arguments: [(any DatabaseValueConvertible)?]) throws {
        try setArguments(StatementArguments(arguments))
        for (index, value) in arguments.enumerated() {
            guard var text = value as? String, text.utf8.contains(0) else { continue }
            let code = text.withUTF8 { bytes in
                sqlite3_bind_text(sqliteStatement, CInt(index + 1), bytes.baseAddress, CInt(bytes.count), sqliteTransient)
            }
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), sql: sql) }
        }
        try execute()
    }
}

extension Row {
    /// The text of a column selected as `CAST(column AS BLOB)`, whole even with a NUL inside.
    func textKeepingNUL(_ column: String) -> String {
        String(decoding: (self[column] as Data?) ?? Data(), as: UTF8.self)
    }
}

/// SQLite's SQLITE_TRANSIENT: it copies the bytes before the call returns.
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
