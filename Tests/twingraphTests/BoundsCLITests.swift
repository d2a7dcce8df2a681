import Foundation
import Testing

/// Limits and refusals that keep a careless command from costing hours or losing a file.
@Suite struct BoundsCLITests {
    @Test func anOutputThatIsAnInputIsRefusedAndTheInputKept() throws {
        let input = try CLI.temp("report.txt", "ОМСК\nДелегация Омска посетила Кайфын.\n")
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        let link = (input as NSString).deletingLastPathComponent + "/same.txt"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
        for output in [input, link] {
            let r = try CLI.run(["extract", "-q", input, "-o", output])
            #expect(r.status == 2)
            #expect(r.stderr.contains("is the input"), "\(r.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
        let store = try TG.store()
        let export = try CLI.run(["export", "--store", store, "-o", store])
        #expect(export.status == 2 && export.stderr.contains("is the input"))
        #expect(try CLI.run(["stats", "--store", store]).status == 0)
    }

    @Test func aFileOverMaxSizeIsRefusedBeforeItIsRead() throws {
        let big = try CLI.temp("big.txt", "ОМСК\n" + String(repeating: "Делегация посетила город. ", count: 60_000))
        let r = try CLI.run(["text", "--max-size", "1", big])
        #expect(r.status == 1)
        #expect(r.stderr.contains("over the limit of 1 MB") && r.stderr.contains("--max-size"), "\(r.stderr)")
        #expect(try CLI.run(["text", "--max-size", "5", big]).status == 0)
        let extract = try CLI.run(["extract", "-q", "--max-size", "1", big])
        #expect(extract.status == 1 && extract.stderr.contains("no graph written"), "\(extract.stderr)")
        #expect(extract.stdout.isEmpty)
    }

    @Test func aFIFOIsRead() throws {
        let r = try CLI.run(["text", "/dev/stdin"], stdin: "ОМСК\nТекст из канала.\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.text == "ОМСК\nТекст из канала.\n")
    }

    @Test func kAndDepthHaveMaxima() throws {
        let k = try CLI.run(["path", "Омск", "Кайфын", "--k", "1000", "--graph", TG.fixture])
        #expect(k.status == 2 && k.stderr.contains("from 1 to 100"), "\(k.stderr)")
        let depth = try CLI.run(["neighbours", "Омск", "--depth", "1000", "--graph", TG.fixture])
        #expect(depth.status == 2 && depth.stderr.contains("0 to 20"), "\(depth.stderr)")
    }

    @Test func messagesSayWhatHappened() throws {
        let empty = try CLI.run(["neighbours", " ", "--graph", TG.fixture])
        #expect(empty.status == 2 && empty.stderr.contains("the node name is empty"), "\(empty.stderr)")
        let store = try TG.tempDir() + "/graph.sqlite"
        let none = try CLI.run(["ingest", "--store", store, "/no/such/report.txt"])
        #expect(none.status == 1 && none.stderr.contains("nothing was stored"), "\(none.stderr)")
    }
}
