import Foundation
import GRDB
import Testing
import KnowledgeGraph
@testable import GraphStore

enum StoreFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func graph() throws -> Graph {
        try GraphJSON.read(contentsOf: root.appendingPathComponent("Tests/Fixtures/paths-fixture.json"))
    }

    static func parts() throws -> [(document: Document, graph: Graph)] { try graph().contributions().parts }

    static func tempStore() throws -> GraphStore {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("twingraph-store-\(UUID().uuidString)")
        return try GraphStore(path: dir.appendingPathComponent("graph.sqlite").path)
    }

    static func ingestAll(_ store: GraphStore) throws -> [IngestOutcome] {
        try parts().map { try store.ingest(document: $0.document, graph: $0.graph) }
    }

    static func export(_ store: GraphStore) throws -> Data { try GraphJSON.encode(try store.graph()) }
}

@Suite struct GraphStoreTests {
    @Test func ingestThenExportGivesBackTheGraph() throws {
        let store = try StoreFixture.tempStore()
        #expect(try StoreFixture.ingestAll(store).allSatisfy { $0 == .added })
        #expect(try store.graph() == (try StoreFixture.graph()).sorted())
        #expect(try store.appliedMigrations() == GraphStore.migrationIdentifiers)
    }

    @Test func ingestingTwiceChangesNothing() throws {
        let store = try StoreFixture.tempStore()
        _ = try StoreFixture.ingestAll(store)
        let first = try StoreFixture.export(store)
        #expect(try StoreFixture.ingestAll(store).allSatisfy { $0 == .unchanged })
        #expect(try StoreFixture.export(store) == first)
        // Reopening the file gives the same bytes too.
        #expect(try StoreFixture.export(try GraphStore(path: store.path)) == first)
    }

    @Test func aChangedDocumentReplacesOnlyItsOwnFacts() throws {
        let store = try StoreFixture.tempStore()
        _ = try StoreFixture.ingestAll(store)
        let before = try store.graph()
        // A new version of Omsk 2019 that no longer says Omsk partners with Pavlodar.
        guard var (doc, part) = try StoreFixture.parts().first(where: { $0.document.id == "omsk-2019" }) else {
            Issue.record("fixture lacks omsk-2019"); return
        }
        doc.sha256 = String(repeating: "0", count: 64)
        part.edges.removeAll { $0.target == "city/pavlodar" }
        part.nodes.removeAll { $0.id == "city/pavlodar" }
        part.documents = [doc]
        #expect(try store.ingest(document: doc, graph: part) == .replaced)
        let after = try store.graph()
        #expect(after.node("city/pavlodar") == nil)
        #expect(!after.edges.contains { $0.target == "city/pavlodar" })
        // Everything another document says is untouched, Simferopol's Irkutsk mention included.
        let otherEdges = before.edges.filter { !$0.evidence.contains { $0.document == "omsk-2019" } }
        for e in otherEdges { #expect(after.edges.contains(e)) }
        let simferopol = try #require(after.node("city/simferopol"))
        #expect(Set(simferopol.mentions.map(\.document)) == ["omsk-2019", "irkutsk-2009"])
        #expect(after.documents.first { $0.id == "omsk-2019" }?.sha256 == doc.sha256)
    }

    @Test func removingADocumentKeepsFactsOthersState() throws {
        let store = try StoreFixture.tempStore()
        _ = try StoreFixture.ingestAll(store)
        try store.remove(document: "irkutsk-2009")
        let g = try store.graph()
        #expect(!g.documents.map(\.id).contains("irkutsk-2009"))
        #expect(g.node("city/irkutsk") == nil)
        // Simferopol stays (Omsk's report names it) but keeps only Omsk's mention.
        #expect(g.node("city/simferopol")?.mentions.map(\.document) == ["omsk-2019"])
        #expect(!g.edges.contains { $0.evidence.contains { $0.document == "irkutsk-2009" } })
        #expect(throws: GraphStoreError.self) { try store.remove(document: "irkutsk-2009") }
        #expect(try store.integrityProblems().isEmpty)
    }

    @Test func anErrorPartWayLeavesTheStoreAsItWas() throws {
        let store = try StoreFixture.tempStore()
        let parts = try StoreFixture.parts()
        for p in parts where p.document.id != "omsk-2019" { try store.ingest(document: p.document, graph: p.graph) }
        let before = try StoreFixture.export(store)
        let omsk = try #require(parts.first { $0.document.id == "omsk-2019" })
        // Fail after the document row and a few facts are written.
        #expect(throws: (any Error).self) { try store.ingest(document: omsk.document, graph: omsk.graph, failAfterRows: 4) }
        #expect(try StoreFixture.export(store) == before)
        #expect(try store.integrityProblems().isEmpty)
        // The same holds for a replacement: the old version survives a failed new one.
        let irkutsk = try #require(parts.first { $0.document.id == "irkutsk-2009" })
        var changed = irkutsk.document
        changed.sha256 = String(repeating: "1", count: 64)
        #expect(throws: (any Error).self) { try store.ingest(document: changed, graph: irkutsk.graph, failAfterRows: 2) }
        #expect(try StoreFixture.export(store) == before)
        // And the document goes in cleanly afterwards.
        #expect(try store.ingest(document: omsk.document, graph: omsk.graph) == .added)
    }

    @Test func anInconsistentDocumentIsRefused() throws {
        let store = try StoreFixture.tempStore()
        let doc = Document(id: "bad", path: "bad.txt", sha256: "x")
        let g = Graph(documents: [doc], nodes: [], edges: [Edge(type: .visited, source: "city/a", target: "city/b")])
        #expect(throws: GraphStoreError.self) { try store.ingest(document: doc, graph: g) }
        #expect(try store.documents().isEmpty)
    }

    @Test func aFactStatedTwiceKeepsBothEvidence() throws {
        let store = try StoreFixture.tempStore()
        let span1 = Span(document: "a", start: 0, end: 3, text: "abc")
        let span2 = Span(document: "b", start: 5, end: 8, text: "def")
        func part(_ doc: String, _ span: Span) -> (Document, Graph) {
            let d = Document(id: doc, path: doc + ".txt", sha256: doc)
            let nodes = [Node(id: "city/x", type: .city, name: "Икс", mentions: [span]),
                         Node(id: "city/y", type: .city, name: "Игрек", mentions: [span])]
            return (d, Graph(documents: [d], nodes: nodes,
                             edges: [Edge(type: .partnerOf, source: "city/y", target: "city/x", evidence: [span])]))
        }
        for (d, g) in [part("a", span1), part("b", span2)] { try store.ingest(document: d, graph: g) }
        let merged = try store.graph()
        #expect(merged.edges.count == 1)
        #expect(merged.edges.first?.evidence == [span1, span2])
        try store.remove(document: "a")
        #expect(try store.graph().edges.first?.evidence == [span2])
    }

    @Test func sameTextWithNewFactsIsReplacedNotSkipped() throws {
        let store = try StoreFixture.tempStore()
        _ = try StoreFixture.ingestAll(store)
        guard var (doc, part) = try StoreFixture.parts().first(where: { $0.document.id == "tomsk-2011" }) else {
            Issue.record("fixture lacks tomsk-2011"); return
        }
        // A better extractor dates the planned twinning differently; the report is the same file.
        part.edges = part.edges.map { var e = $0; e.attributes["date"] = "2011-05"; return e }
        doc.year = 2011
        #expect(try store.ingest(document: doc, graph: part) == .replaced)
        #expect(try store.graph().edges.contains { $0.attributes["date"] == "2011-05" })
        #expect(try store.ingest(document: doc, graph: part) == .unchanged)
    }

    @Test func aVersionOneStoreIsMigratedWithItsData() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("twingraph-v1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("graph.sqlite").path
        let old = try DatabaseQueue(path: path)
        try GraphStore.migrator.migrate(old, upTo: "v1: documents, node and edge contributions")
        try old.write { db in
            try db.execute(sql: "INSERT INTO document (id, path, sha256) VALUES ('a', 'a.txt', 'abc')")
        }
        try old.close()
        let store = try GraphStore(path: path)
        #expect(try store.appliedMigrations() == GraphStore.migrationIdentifiers)
        #expect(try store.documents().map(\.id) == ["a"])
        #expect(try store.documents().first?.paths == ["a.txt"])
        // The old row has no fingerprint, so the same document ingested again is replaced.
        let doc = Document(id: "a", path: "a.txt", sha256: "abc")
        #expect(try store.ingest(document: doc, graph: Graph(documents: [doc])) == .replaced)
    }

    @Test func formatTitleAndEveryPathAreStored() throws {
        let store = try StoreFixture.tempStore()
        let doc = Document(id: "r", path: "a/r.docx", sha256: "abc", reporter: "city/omsk", year: 2019,
                           format: "docx", title: "Отчёт администрации", paths: ["a/r.docx", "b/copy.docx"])
        _ = try store.ingest(document: doc, graph: Graph(documents: [doc]))
        #expect(try store.documents() == [doc])
        #expect(try store.graph().documents == [doc])
    }

    @Test func unopenableStoreSaysWhatToDo() {
        #expect(throws: GraphStoreError.self) { try GraphStore(path: "/proc/twingraph/graph.sqlite") }
    }
}

@Suite struct QueryGraphTests {
    /// A store of the fixture and a synthetic graph whose nodes and edges several documents share.
    static func stores() throws -> [(GraphStore, Graph)] {
        var out: [(GraphStore, Graph)] = []
        let fixture = try StoreFixture.tempStore()
        _ = try StoreFixture.ingestAll(fixture)
        out.append((fixture, try fixture.graph()))
        let (synthetic, _) = SyntheticGraph.knowledgeGraph(nodes: 150, edges: 400, documents: 3, seed: 4)
        let store = try StoreFixture.tempStore()
        for (document, part) in synthetic.contributions().parts { try store.ingest(document: document, graph: part) }
        // A second document restating some facts with another name and more attributes.
        var restated = Graph(documents: [Document(id: "report-000", path: "x.txt", sha256: "1")])
        for n in synthetic.nodes.prefix(20) {
            restated.nodes.append(Node(id: n.id, type: n.type, name: n.name + "о", aliases: ["Иное"], attributes: ["extra": 1],
                                       mentions: [Span(document: "report-000", start: 0, end: 1, text: "x")]))
        }
        let ids = Set(restated.nodes.map(\.id))
        for e in synthetic.edges where ids.contains(e.source) && ids.contains(e.target) {
            restated.edges.append(Edge(id: e.id, type: e.type, source: e.source, target: e.target, attributes: ["since": 1990],
                                       evidence: [Span(document: "report-000", start: 2, end: 3, text: "y")]))
        }
        try store.ingest(document: restated.documents[0], graph: restated)
        out.append((store, try store.graph()))
        return out
    }

    @Test func queryGraphIsTheMergedGraphWithoutText() throws {
        for (store, merged) in try Self.stores() {
            let (light, counts) = try store.queryGraph()
            #expect(light.documents == merged.documents)
            #expect(light.nodes == merged.withoutText().nodes)
            let attributes = try store.nodeAttributes(withIDs: merged.nodes.map(\.id) + ["nobody"])
            #expect(attributes == Dictionary(uniqueKeysWithValues: merged.nodes.map { ($0.id, $0.attributes) }))
            #expect(light.edges.map(\.id) == merged.edges.map(\.id))
            #expect(light.edges.map(\.source) == merged.edges.map(\.source))
            #expect(light.edges.allSatisfy { $0.evidence.isEmpty && $0.attributes.isEmpty })
            #expect(counts.mentions == merged.nodes.reduce(0) { $0 + $1.mentions.count })
            #expect(counts.evidence == merged.edges.reduce(0) { $0 + $1.evidence.count })
            let some = merged.edges.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
            let full = try store.edges(withIDs: some.map(\.id) + ["no-such-edge"])
            #expect(full.count == some.count)
            for e in some { #expect(full[e.id] == e) }
        }
    }

    @Test func queriesFromTheStoreAnswerAsFromTheWholeGraph() throws {
        for (store, merged) in try Self.stores() {
            let (light, counts) = try store.queryGraph()
            let fromStore = GraphQueries(graph: light, details: store, factCounts: counts)
            let whole = GraphQueries(graph: merged)
            let names = merged.nodes.map(\.id)
            for k in stride(from: 0, to: names.count, by: max(names.count / 12, 1)) {
                let a = names[k], b = names[(k * 7 + 3) % names.count]
                #expect(try fromStore.paths(from: a, to: b, mode: .allShortest(limit: 50)) == (try whole.paths(from: a, to: b, mode: .allShortest(limit: 50))))
                #expect(try fromStore.paths(from: a, to: b, mode: .alternatives(3)) == (try whole.paths(from: a, to: b, mode: .alternatives(3))))
                #expect(try fromStore.neighbourhood(of: a, depth: 2) == (try whole.neighbourhood(of: a, depth: 2)))
                #expect(try fromStore.partners(of: a) == (try whole.partners(of: a)))
                #expect(try fromStore.timeline(of: a) == (try whole.timeline(of: a)))
                #expect(try fromStore.common(a, b) == (try whole.common(a, b)))
            }
            #expect(fromStore.stats() == whole.stats())
            #expect(fromStore.components() == whole.components())
            #expect(fromStore.rank(by: .pagerank) == whole.rank(by: .pagerank))
        }
    }
}

/// The query snapshot is a fast path for `queryGraph()`: it must answer exactly as merging the
/// rows does, and never outlive a change.
@Suite struct QuerySnapshotTests {
    @Test func theSnapshotGivesTheMergedQueryGraph() throws {
        for (store, _) in try QueryGraphTests.stores() {
            #expect(try !store.hasQuerySnapshot())
            let (merged, mergedCounts) = try store.queryGraph()
            try store.updateQuerySnapshot()
            #expect(try store.hasQuerySnapshot())
            let (snapshot, snapshotCounts) = try store.queryGraph()
            #expect(snapshot == merged)
            #expect(snapshotCounts == mergedCounts)
        }
    }

    @Test func everyChangeDropsTheSnapshot() throws {
        let store = try StoreFixture.tempStore()
        _ = try StoreFixture.ingestAll(store)
        try store.updateQuerySnapshot()
        // The same documents again change nothing, so the snapshot stays.
        _ = try StoreFixture.ingestAll(store)
        #expect(try store.hasQuerySnapshot())
        guard var (doc, part) = try StoreFixture.parts().first else { Issue.record("empty fixture"); return }
        doc.sha256 = String(repeating: "1", count: 64)
        part.edges.removeAll()
        part.documents = [doc]
        #expect(try store.ingest(document: doc, graph: part) == .replaced)
        #expect(try !store.hasQuerySnapshot())
        try store.updateQuerySnapshot()
        #expect(try store.queryGraph().graph.edges.allSatisfy { e in try store.graph().edges.contains { $0.id == e.id } })
        try store.remove(document: doc.id)
        #expect(try !store.hasQuerySnapshot())
        try store.updateQuerySnapshot()
        #expect(try store.queryGraph().graph.documents.map(\.id) == (try store.documents().map(\.id)))
    }

    @Test func aDamagedSnapshotIsAnErrorNotAWrongGraph() throws {
        let store = try StoreFixture.tempStore()
        _ = try StoreFixture.ingestAll(store)
        try store.updateQuerySnapshot()
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in
            let content = try Data.fetchOne(db, sql: "SELECT content FROM query_snapshot")!
            try db.execute(sql: "UPDATE query_snapshot SET content = ?", arguments: [content.prefix(content.count / 2)])
        }
        #expect(throws: QuerySnapshotCoding.Malformed.self) { try store.queryGraph() }
    }

    @Test func encodingRoundTripsEveryField() throws {
        let nodes = [Node(id: "city/a", type: .city, name: "А", aliases: ["Альфа", ""]),
                     Node(id: "org/b", type: .organisation, name: "\u{0}Б\"", aliases: [])]
        let edges = [Edge(id: "e1", type: .twinnedWith, source: "org/b", target: "city/a"),
                     Edge(id: "e0", type: .visited, source: "city/a", target: "city/a")]
        let counts = GraphQueries.FactCounts(mentions: 7, evidence: 1 << 40)
        let data = QuerySnapshotCoding.encode(graph: Graph(nodes: nodes, edges: edges), counts: counts)
        let (graph, decodedCounts) = try QuerySnapshotCoding.decode(data)
        #expect(graph.nodes == nodes)
        #expect(graph.edges == edges.sorted { $0.id < $1.id })
        #expect(decodedCounts == counts)
    }
}
