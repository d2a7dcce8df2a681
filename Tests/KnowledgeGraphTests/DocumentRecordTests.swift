import Foundation
import Testing
@testable import KnowledgeGraph

@Suite struct DocumentRecordTests {
    @Test func formatTitleAndPathsRoundTrip() throws {
        let doc = Document(id: "y2019/report", path: "y2019/report.docx", sha256: "ab", reporter: "city/omsk", year: 2019,
                           format: "docx", title: "Отчёт", paths: ["y2019/report.docx", "copy/report.docx"])
        let json = try GraphJSON.encode(Graph(documents: [doc]))
        #expect(try GraphJSON.decode(json).documents == [doc])
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"format\" : \"docx\"") && text.contains("\"paths\" : ["))
    }

    @Test func aGraphFromBeforeFormatsStillReads() throws {
        let old = #"{"documents": [{"id": "a", "path": "a.txt", "sha256": "ab"}], "nodes": [], "edges": []}"#
        let doc = try #require(try GraphJSON.decode(Data(old.utf8)).documents.first)
        #expect(doc.paths == ["a.txt"])
        #expect(doc.format == nil && doc.title == nil)
    }
}
