import Foundation
import Testing

/// extract, ingest and text reading documents through the Documents stage.
@Suite struct DocumentsCLITests {
    static let sentence = "В 2019 году Омск и китайский Кайфын отметили десятилетие побратимства."
    static let fixtures = CLI.root.appendingPathComponent("Tests/DocumentsTests/Fixtures")

    func tree(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("twingraph-docs-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    func documents(_ stdout: Data) throws -> [[String: Any]] {
        let graph = try JSONSerialization.jsonObject(with: stdout) as? [String: Any]
        return graph?["documents"] as? [[String: Any]] ?? []
    }

    @Test func aTitleLineNamesTheReporterAndYear() throws {
        let root = try tree(["r.txt": "Отчет о международной деятельности Администрации города Омска за 2019 год\n\n\(Self.sentence)\n"])
        let r = try CLI.run(["extract", "-q", root.appendingPathComponent("r.txt").path])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try documents(r.stdout).first)
        #expect(doc["reporter"] as? String == "city/omsk")
        #expect(doc["year"] as? Int == 2019)
        #expect(doc["format"] as? String == "txt")
        #expect(doc["title"] as? String == "Отчет о международной деятельности Администрации города Омска за 2019 год")
        #expect(String(decoding: r.stdout, as: UTF8.self).contains("twinned-with:city/kaifeng->city/omsk"))
    }

    @Test func noReportingCityIsALineOnStderrAndReporterOverridesIt() throws {
        let root = try tree(["news.txt": "Новости недели\n\n\(Self.sentence)\n"])
        let file = root.appendingPathComponent("news.txt").path
        let plain = try CLI.run(["extract", "-q", file])
        #expect(plain.status == 0)
        #expect(plain.stderr.contains("news.txt: warning: no reporting city"))
        let given = try CLI.run(["extract", "-q", "--reporter", "г. Томска", "--year", "2011", file])
        #expect(given.status == 0, "\(given.stderr)")
        #expect(!given.stderr.contains("no reporting city"))
        let doc = try #require(try documents(given.stdout).first)
        #expect(doc["reporter"] as? String == "city/tomsk")
        #expect(doc["year"] as? Int == 2011)
        let unknown = try CLI.run(["extract", "-q", "--reporter", "Нигдеград", file])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Нигдеград"))
    }

    @Test func foldersAreWalkedAndSameNamesStayApart() throws {
        let root = try tree(["y2019/report.txt": "ОМСК\n\n\(Self.sentence)\n",
                             "y2011/report.txt": "ТОМСК\n\nВ 2011 году делегация города Томска посетила город Кайфын.\n",
                             "z-copy/omsk.txt": "ОМСК\n\n\(Self.sentence)\n"])
        let r = try CLI.run(["extract", "-q", root.path])
        #expect(r.status == 0, "\(r.stderr)")
        let docs = try documents(r.stdout)
        #expect(docs.compactMap { $0["id"] as? String } == ["y2011/report", "y2019/report"])
        // z-copy/omsk.txt (walked after y2019/) has the content of y2019/report.txt: one document, both paths
        let omsk = try #require(docs.first { $0["id"] as? String == "y2019/report" })
        #expect((omsk["paths"] as? [String])?.count == 2)
        let store = root.appendingPathComponent("graph.sqlite").path
        let ingest = try CLI.run(["ingest", root.path, "--store", store])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let exported = try CLI.run(["export", "--store", store])
        #expect(try documents(exported.stdout).count == 2)
    }

    @Test func badDocumentsAreNamedAndTheOthersGoOn() throws {
        let root = try tree(["good.txt": "ОМСК\n\n\(Self.sentence)\n", "broken.docx": "PK\u{3}\u{4}not really a zip"])
        let r = try CLI.run(["extract", "-q", root.path, "/no/such/folder"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("broken.docx"))
        #expect(r.stderr.contains("/no/such/folder: cannot read"))
        #expect(try documents(r.stdout).count == 1)
    }

    @Test func textPrintsWhatOffsetsPointInto() throws {
        let docx = Self.fixtures.appendingPathComponent("sample.docx").path
        let text = try CLI.run(["text", docx])
        #expect(text.status == 0)
        let printed = String(decoding: text.stdout, as: UTF8.self)
        #expect(printed.contains("Саппоро\tЯпония"))
        // every mention of the graph is the exact slice of the printed text
        let r = try CLI.run(["extract", "-q", docx])
        let graph = try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any]
        let scalars = Array(printed.unicodeScalars)
        let mentions = (graph?["nodes"] as? [[String: Any]] ?? []).flatMap { $0["mentions"] as? [[String: Any]] ?? [] }
        #expect(!mentions.isEmpty)
        for m in mentions {
            let start = try #require(m["start"] as? Int), end = try #require(m["end"] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == m["text"] as? String)
        }
        let wrapped = try CLI.run(["text", Self.fixtures.appendingPathComponent("wrapped.txt").path])
        let unwrapped = try Data(contentsOf: Self.fixtures.appendingPathComponent("unwrapped.txt"))
        #expect(wrapped.stdout == unwrapped)
    }
}
