import Foundation
import Testing

@Suite struct ExtractCommandTests {
    static let omsk = "ОМСК\n\nВ 2019 году Омск и китайский Кайфын отметили десятилетие побратимства.\n"

    func write(_ name: String, _ data: Data) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("twingraph-extract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    @Test func oneBadFileNeverSpoilsTheOthers() throws {
        let good = try write("omsk-2019.txt", Data(Self.omsk.utf8))
        let binary = try write("scan.pdf.txt", Data([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xFF]))
        let r = try CLI.run(["extract", "-q", binary, good, "/no/such/report.txt"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("scan.pdf.txt") && r.stderr.contains("byte offset"))
        #expect(r.stderr.contains("/no/such/report.txt"))
        #expect(r.stderr.contains("2 of 3 documents failed"))
        let graph = try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any]
        let docs = (graph?["documents"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(docs == ["omsk-2019"])
        #expect(String(decoding: r.stdout, as: UTF8.self).contains("Кайфын"))
    }

    @Test func windows1251AndBOMAndCRLFAreRead() throws {
        let cp1251 = try #require(Self.omsk.replacingOccurrences(of: "\n", with: "\r\n").data(using: .windowsCP1251))
        let a = try write("a.txt", cp1251)
        let b = try write("b.txt", Data([0xEF, 0xBB, 0xBF]) + Data(Self.omsk.utf8))
        let r = try CLI.run(["extract", "-q", a, b])
        #expect(r.status == 0, "\(r.stderr)")
        let text = String(decoding: r.stdout, as: UTF8.self)
        #expect(text.contains("\"reporter\" : \"city/omsk\""))
        #expect(text.contains("twinned-with:city/kaifeng->city/omsk"))
    }

    @Test func emptyFileIsAWarningNotAFailure() throws {
        let empty = try write("empty.txt", Data())
        let r = try CLI.run(["extract", "-q", empty])
        #expect(r.status == 0)
        #expect(r.stderr.contains("empty"))
    }

    @Test func forcedWrongEncodingIsExplained() throws {
        let cp1251 = try #require(Self.omsk.data(using: .windowsCP1251))
        let f = try write("forced.txt", cp1251)
        let r = try CLI.run(["extract", "-q", "--encoding", "utf8", f])
        #expect(r.status == 1)
        #expect(r.stderr.contains("forced.txt") && r.stderr.contains("cp1251"))
    }

    @Test func unknownEncodingIsAUsageError() throws {
        let r = try CLI.run(["extract", "--encoding", "latin9", "x.txt"])
        #expect(r.status == 2)
    }

    @Test func explainNamesTheRule() throws {
        let f = try write("omsk.txt", Data(Self.omsk.utf8))
        let r = try CLI.run(["extract", "-q", "--explain", f])
        // the rule, the edge and the tree path between its ends
        #expect(r.stderr.contains("partnership.reporter\ttwinned-with:city/kaifeng->city/omsk"))
        #expect(r.stderr.contains("Омск ←conj– Кайфын"))
    }
}

@Suite struct ParallelExtractTests {
    @Test func parallelExtractionGivesTheSameGraphAsSerial() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { corpus.appendingPathComponent($0).path }
        let serial = try CLI.run(["extract", "-q", "--jobs", "1"] + files)
        let parallel = try CLI.run(["extract", "-q", "--jobs", "3"] + files.reversed())
        #expect(serial.status == 0 && parallel.status == 0)
        #expect(serial.stdout == parallel.stdout)
        #expect(try CLI.run(["extract", "--jobs", "0", files[0]]).status == 2)
    }
}
