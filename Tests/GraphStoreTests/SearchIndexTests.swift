import Foundation
import Testing
import KnowledgeGraph
@testable import GraphStore

/// The full-text index of evidence, the settings and ingestion times, on one report written
/// for these tests.
@Suite struct SearchIndexTests {
    static let sentence = "Делегация Самары подписала соглашение о побратимстве с городом Штутгарт."
    static let other = "В Самаре прошёл фестиваль уличного театра."
    static let doc = Document(id: "samara-2020", path: "samara-2020.txt", sha256: "s", reporter: "city/samara", year: 2020)

    static func graph() -> Graph {
        func span(_ t: String, at start: Int) -> Span { Span(document: doc.id, start: start, end: start + t.unicodeScalars.count, text: t) }
        return Graph(documents: [doc], nodes: [
            Node(id: "city/samara", type: .city, name: "Самара", mentions: [span("Самары", at: 10)]),
            Node(id: "city/stuttgart", type: .city, name: "Штутгарт", mentions: [span("Штутгарт", at: 63)]),
            Node(id: "event/festival", type: .event, name: "Фестиваль уличного театра", mentions: [span("фестиваль", at: 120)]),
        ], edges: [
            Edge(type: .twinnedWith, source: "city/samara", target: "city/stuttgart", attributes: ["year": 2020], evidence: [span(sentence, at: 0)]),
            Edge(type: .heldIn, source: "event/festival", target: "city/samara", attributes: ["year": 2020], evidence: [span(other, at: 100)]),
        ])
    }

    static func store(indexed: Bool) throws -> GraphStore {
        var store = try StoreFixture.tempStore()
        if indexed { store.searchTerms = .stems }
        return store
    }

    @Test func wordsInAnotherInflectionFindTheSentence() throws {
        let store = try Self.store(indexed: true)
        try store.ingest(document: Self.doc, graph: Self.graph())
        // the stems stand in for the CLI's lemmas: "подписали" and "подписала" meet at "подписал"
        let found = try store.searchEvidence("подписали о побратимством", terms: .stems)
        #expect(found.map(\.text) == [Self.sentence])
        #expect(found.first?.edge == Self.graph().edges[0].id)
        #expect(try store.searchEvidence("фестивалем", terms: .stems).map(\.text) == [Self.other])
        #expect(try store.searchEvidence("соглашение фестиваль", terms: .stems).isEmpty)
        // quotes and FTS5 operators in the query are words, not syntax
        #expect(try store.searchEvidence("\"NEAR(соглашение\" OR", terms: .stems).isEmpty)
        #expect(try store.unindexedDocuments().isEmpty)
    }

    @Test func replacingAndRemovingADocumentReplaceAndRemoveItsRows() throws {
        let store = try Self.store(indexed: true)
        try store.ingest(document: Self.doc, graph: Self.graph())
        var changed = Self.graph()
        changed.edges.removeFirst()
        #expect(try store.ingest(document: Self.doc, graph: changed) == .replaced)
        #expect(try store.searchEvidence("соглашение", terms: .stems).isEmpty)
        #expect(try store.searchEvidence("фестиваль", terms: .stems).count == 1)
        try store.remove(document: Self.doc.id)
        #expect(try store.searchEvidence("фестиваль", terms: .stems).isEmpty)
    }

    @Test func documentsStoredWithoutTheIndexAreIndexedLater() throws {
        var store = try Self.store(indexed: false)
        try store.ingest(document: Self.doc, graph: Self.graph())
        #expect(try store.unindexedDocuments() == [Self.doc.id])
        #expect(try store.searchEvidence("соглашение", terms: .stems).isEmpty)
        store.searchTerms = .stems
        #expect(try store.indexUnindexedDocuments(terms: .stems) == 1)
        #expect(try store.searchEvidence("соглашение", terms: .stems).count == 1)
        #expect(try store.indexUnindexedDocuments(terms: .stems) == 0)
    }

    @Test func eachDocumentRecordsWhenItWasIngested() throws {
        let store = try Self.store(indexed: false)
        let before = Date().addingTimeInterval(-1)
        try store.ingest(document: Self.doc, graph: Self.graph())
        let at = try store.ingestionTimes()[Self.doc.id].flatMap { ISO8601DateFormatter().date(from: $0) }
        #expect(at.map { $0 >= before && $0 <= Date().addingTimeInterval(1) } == true)
        try store.remove(document: Self.doc.id)
        #expect(try store.ingestionTimes().isEmpty)
    }

    @Test func theCorrectionsFileIsRecordedInTheStore() throws {
        let store = try Self.store(indexed: false)
        #expect(try store.setting(GraphStore.correctionsSetting) == nil)
        try store.setSetting(GraphStore.correctionsSetting, to: "/a/fixes.tsv")
        try store.setSetting(GraphStore.correctionsSetting, to: "/b/fixes.tsv")
        #expect(try GraphStore(path: store.path, readOnly: true).setting(GraphStore.correctionsSetting) == "/b/fixes.tsv")
    }
}
