import Foundation
import Testing
import KnowledgeGraph

/// End-to-end runs of the built `twingraph` binary: `draw` and `appendix`.
@Suite struct DrawAppendixCLITests {
    static let root = CLI.root
    static let fixture = root.appendingPathComponent("Tests/ReportsTests/Fixtures/omsk-2019-graph.json").path

    /// No Graphviz tools on PATH: rendering must be in-process.
    static func run(_ args: [String]) throws -> CLI.Result { try CLI.run(args, env: ["PATH": "/nonexistent"]) }

    static func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("twingraph-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func drawEveryKind() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let runs: [[String]] = [
            ["draw", "network"], ["draw", "ego", "ОМСК"], ["draw", "path", "Кайфын", "магдебург"],
            ["draw", "map"], ["draw", "timeline", "омска"],
            ["draw", "path", "Кайфын", "Омск", "--edges", "twinned-with:city/kaifeng->city/omsk@status=established@year=2019"],
        ]
        for (k, args) in runs.enumerated() {
            let file = dir.appendingPathComponent("d\(k).svg").path
            let r = try Self.run(args + ["--graph", Self.fixture, "-o", file])
            #expect(r.status == 0, "\(args): \(r.stderr)")
            let svg = try String(contentsOfFile: file, encoding: .utf8)
            #expect(svg.contains("</svg>"))
        }
        let png = try Self.run(["draw", "ego", "Благовещенск", "--graph", Self.fixture, "--format", "png"])
        #expect(png.status == 0 && png.stdout.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    /// `appendix -o FILE.pdf` writes the PDF appendix there and nothing on standard output.
    @Test func appendixAsPDF() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("omsk.pdf").path
        let r = try Self.run(["appendix", "омск", "--graph", Self.fixture, "-o", file])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let pdf = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(pdf.starts(with: Array("%PDF".utf8)) && pdf.count > 20_000)
    }

    /// One path picture: `path --format svg` draws exactly what `draw path` draws.
    @Test func pathSVGIsTheDrawPathPicture() throws {
        let query = try Self.run(["path", "Кайфын", "Магдебург", "--graph", Self.fixture, "--format", "svg"])
        let draw = try Self.run(["draw", "path", "Кайфын", "Магдебург", "--graph", Self.fixture])
        #expect(query.status == 0 && draw.status == 0, "\(query.stderr) \(draw.stderr)")
        #expect(!query.stdout.isEmpty && query.stdout == draw.stdout)
    }

    @Test func drawErrors() throws {
        let unknown = try Self.run(["draw", "ego", "Атлантида", "--graph", Self.fixture])
        // the name is quoted back with the closest candidates
        #expect(unknown.status == 1 && unknown.stderr.contains("\"Атлантида\"") && unknown.stderr.contains("closest"))
        let disconnected = try Self.run(["draw", "path", "Омск", "Хэйхэ", "--graph", Self.fixture])
        #expect(disconnected.status == 1 && disconnected.stderr.contains("not connected"))
        let badEdges = try Self.run(["draw", "path", "Омск", "Хэйхэ", "--graph", Self.fixture, "--edges",
                                     "twinned-with:city/kaifeng->city/omsk@status=established@year=2019"])
        #expect(badEdges.status == 2, "\(badEdges.stderr)")
        let badFormat = try Self.run(["draw", "map", "--graph", Self.fixture, "-o", "x.jpeg"])
        #expect(badFormat.status == 2)
    }

    @Test func appendixWritesEveryFormat() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["md", "html", "csv"] {
            let r = try Self.run(["appendix", "Омск", "--graph", Self.fixture, "--format", format, "-o", dir.path])
            #expect(r.status == 0, "\(format): \(r.stderr)")
        }
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        #expect(names == ["omsk-appendix.md", "omsk-ego.svg", "omsk-appendix.html", "omsk-partners.csv", "omsk-visits.csv",
                          "omsk-agreements.csv", "omsk-events.csv", "omsk-people.csv"])
        let all = try Self.run(["appendix", "--reporters", "--graph", Self.fixture, "--format", "html", "-o", dir.path])
        #expect(all.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("blagoveshchensk-appendix.html").path))
        let neither = try Self.run(["appendix", "--graph", Self.fixture])
        #expect(neither.status == 2)
    }

    @Test func hostileCityNameStaysInTheOutputDirectory() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let span = Span(document: "d", start: 0, end: 1, text: "x")
        let g = Graph(documents: [Document(id: "d", path: "d.txt", sha256: "0", reporter: "../../escape")],
                      nodes: [Node(id: "../../escape", type: .city, name: "../../escape<script>", mentions: [span]),
                              Node(id: "city/b", type: .city, name: "B", mentions: [span])],
                      edges: [Edge(type: .partnerOf, source: "../../escape", target: "city/b", evidence: [span])])
        let graphFile = dir.appendingPathComponent("g.json")
        try GraphJSON.encode(g).write(to: graphFile)
        let out = dir.appendingPathComponent("out")
        let r = try Self.run(["appendix", "../../escape<script>", "--graph", graphFile.path, "--format", "html", "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["escape-appendix.html"])
        let html = try String(contentsOf: out.appendingPathComponent("escape-appendix.html"), encoding: .utf8)
        #expect(!html.contains("<script") && html.contains("&lt;script&gt;"))
    }
}
