import Foundation
import GRDB
import KnowledgeGraph

/// The store's full-text index of evidence (SQLite FTS5): one row per evidence span, whose
/// indexed column holds the lemmas of the sentence's words (`SearchTerms`), so that a query
/// word in any inflection finds it. The sentence itself, its document, edge and offsets ride
/// along unindexed.
///
/// A document is indexed when it is ingested with `GraphStore.searchTerms` set (the CLI sets it
/// from the Morphology dictionary); `search_document` records which are, so that
/// `indexUnindexedDocuments` can catch up on stores written before the index or without a
/// dictionary.
enum SearchIndex {
    static let migrationIdentifier = "v4: full-text search index of evidence lemmas"

    static func registerMigration(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(migrationIdentifier) { db in
            try db.execute(sql: """
                CREATE VIRTUAL TABLE evidence_search USING fts5(
                    lemmas, document UNINDEXED, edge UNINDEXED, start UNINDEXED, "end" UNINDEXED, text UNINDEXED,
                    tokenize = 'unicode61'
                );
                CREATE TABLE search_document (
                    document TEXT PRIMARY KEY NOT NULL REFERENCES document(id) ON DELETE CASCADE
                );
                """)
        }
    }

    /// Drops a document's rows (FTS5 tables take no foreign keys, so no cascade reaches them).
    static func forget(document id: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM evidence_search WHERE document = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM search_document WHERE document = ?", arguments: [id])
    }

    /// Indexes the stored evidence of a document, replacing its earlier rows.
    static func index(document id: String, terms: SearchTerms, in db: Database) throws {
        try forget(document: id, in: db)
        var lemmasOfText: [String: String] = [:]
        let rows = try Row.fetchAll(db, sql: "SELECT edge, start, \"end\", text FROM evidence WHERE document = ?", arguments: [id])
        for row in rows {
            let text: String = row["text"]
            let lemmas = lemmasOfText[text] ?? terms.terms(text).joined(separator: " ")
            lemmasOfText[text] = lemmas
            try db.cachedStatement(sql: "INSERT INTO evidence_search (lemmas, document, edge, start, \"end\", text) VALUES (?, ?, ?, ?, ?, ?)")
                .execute(arguments: [lemmas, id, row["edge"], row["start"], row["end"], text])
        }
        try db.execute(sql: "INSERT INTO search_document (document) VALUES (?)", arguments: [id])
    }

    /// An FTS5 query: every query word by one of its lemmas, each quoted.
    static func matchExpression(_ wanted: [[String]]) -> String {
        wanted.map { lemmas in
            "(" + lemmas.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " OR ") + ")"
        }.joined(separator: " AND ")
    }
}

extension GraphStore {
    /// Evidence spans whose sentences have every word of `query` in some inflection, through the
    /// full-text index; in document and offset order.
    public func searchEvidence(_ query: String, terms: SearchTerms) throws -> [EvidenceMatch] {
        let wanted = terms.queryTerms(query)
        guard !wanted.isEmpty else { return [] }
        return try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT document, edge, start, "end", text FROM evidence_search WHERE evidence_search MATCH ?
                ORDER BY document, start, "end", edge
                """, arguments: [SearchIndex.matchExpression(wanted)]).map {
                EvidenceMatch(document: $0["document"], edge: $0["edge"], start: $0["start"], end: $0["end"], text: $0["text"])
            }
        }
    }

    /// The stored documents the full-text index lacks.
    public func unindexedDocuments() throws -> [String] {
        try db.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM document WHERE id NOT IN (SELECT document FROM search_document) ORDER BY id")
        }
    }

    /// Indexes every stored document the index lacks, each in its own transaction; returns how
    /// many were indexed.
    @discardableResult
    public func indexUnindexedDocuments(terms: SearchTerms) throws -> Int {
        let missing = try unindexedDocuments()
        for id in missing {
            try db.write { db in try SearchIndex.index(document: id, terms: terms, in: db) }
        }
        return missing.count
    }

    /// Within `ingest`'s transaction, after a document's facts are stored: what the store keeps
    /// beside them (the search index, the time of ingestion).
    func afterStoring(document id: String, in db: Database) throws {
        try updateSearchIndex(document: id, in: db)
        try recordIngestion(document: id, in: db)
    }

    /// The new version of a document replaces its index rows when the store has
    /// `searchTerms`; otherwise its old rows go and it waits for `indexUnindexedDocuments`.
    func updateSearchIndex(document id: String, in db: Database) throws {
        if let searchTerms {
            try SearchIndex.index(document: id, terms: searchTerms, in: db)
        } else {
            try SearchIndex.forget(document: id, in: db)
        }
    }
}
