import Foundation
import Testing

/// `twingraph documents`, and `extract` writing nothing on stdout when nothing was extracted.
@Suite struct DocumentsListCLITests {
    @Test func listsTheStoredDocuments() throws {
        let store = try TG.store()
        let text = try CLI.run(["documents", "--store", store])
        #expect(text.status == 0, "\(text.stderr)")
        let omsk = try #require(text.text.split(separator: "\n").first { $0.hasPrefix("omsk-2019") })
        #expect(omsk.contains("city/omsk") && omsk.contains("2019") && omsk.contains("Examples/corpus/omsk-2019.txt"))
        #expect(text.text.hasPrefix("5 documents:"))
        let json = try #require(try JSONSerialization.jsonObject(with: try CLI.run(["documents", "--store", store, "--format", "json"]).stdout) as? [[String: Any]])
        #expect(json.compactMap { $0["id"] as? String } == ["blagoveshchensk-2011", "irkutsk-2009", "khabarovsk-2021", "omsk-2019", "tomsk-2011"])
        // After `remove` the list says so.
        #expect(try CLI.run(["remove", "omsk-2019", "--store", store]).status == 0)
        #expect(!(try CLI.run(["documents", "--store", store]).text.contains("omsk-2019")))
    }

    @Test func readsAGraphFileToo() throws {
        let r = try CLI.run(["documents", "--graph", TG.fixture, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]])
        #expect(json.count == 5)
    }

    @Test func extractOfAMissingFileWritesNoGraph() throws {
        let r = try CLI.run(["extract", "-q", "/nonexistent/missing.txt"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("missing.txt") && r.stderr.contains("no graph written"))
    }
}
