import GRDB
import GRDBSQLite

/// Stepping through a statement's rows through SQLite's C API, for the reading paths where GRDB's
/// `Row` (a String per column per row) was most of the time: the query graph reads every
/// node row and every edge row, and most node rows only repeat another of the same node.
struct RawRow {
    let statement: OpaquePointer

    /// The column's text as bytes, valid until the next step.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let p = sqlite3_column_text(statement, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(statement, column)))
    }

    func string(_ column: Int32) -> String { String(decoding: bytes(column), as: UTF8.self) }

    /// Whether the column's text is exactly `text`'s bytes.
    func equals(_ column: Int32, _ text: String) -> Bool {
        var text = text
        let b = bytes(column)
        return text.withUTF8 { $0.elementsEqual(b) }
    }
}

extension Database {
    /// Runs `sql` and calls `body` with each row.
    func forEachRawRow(sql: String, _ body: (RawRow) throws -> Void) throws {
        let statement = try makeStatement(sql: sql)
        let raw = statement.sqliteStatement
        sqlite3_reset(raw)
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
            }
            try body(RawRow(statement: raw))
        }
    }
}
