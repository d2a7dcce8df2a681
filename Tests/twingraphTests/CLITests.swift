import Foundation
import Testing

/// Runs the built `twingraph` binary, as a user would: the one runner of every CLI test.
struct CLI {
    static var binary: URL {
        // The test bundle lives beside the products: .build/<triple>/debug/
        var dir = Bundle.main.bundleURL
        if dir.pathExtension == "xctest" { dir.deleteLastPathComponent() }
        return dir.appendingPathComponent("twingraph")
    }

    /// The package's root folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
        func json() -> [String: Any] {
            (try? JSONSerialization.jsonObject(with: stdout)) as? [String: Any] ?? [:]
        }
    }

    static func run(_ args: [String], env: [String: String]? = nil, stdin: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        if let env { p.environment = env }
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so neither fills up and blocks the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: o, stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temp(_ name: String, _ contents: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("twingraph-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}

let smallGraph = """
{"nodes": [{"id": "city/omsk", "type": "city", "name": "Омск"},
           {"id": "city/kaifeng", "type": "city", "name": "Кайфын"}],
 "edges": [{"id": "e1", "type": "twinned-with", "source": "city/kaifeng", "target": "city/omsk"}]}
"""

@Suite struct RenderCommandTests {
    @Test func rendersAllFormatsWithNoGraphvizOnPath() throws {
        let g = try CLI.temp("g.json", smallGraph)
        let dir = (g as NSString).deletingLastPathComponent
        for (ext, magic) in [("svg", Array("<?xml".utf8)), ("png", [0x89, 0x50, 0x4E, 0x47]), ("pdf", Array("%PDF".utf8))] {
            let out = dir + "/out." + ext
            let r = try CLI.run(["render", g, "-o", out], env: ["PATH": "/nonexistent"])
            #expect(r.status == 0, "\(r.stderr)")
            let data = try Data(contentsOf: URL(fileURLWithPath: out))
            #expect(Array(data.prefix(magic.count)) == magic)
        }
    }

    @Test func svgGoesToStdoutWithoutOutputFile() throws {
        let g = try CLI.temp("g.json", smallGraph)
        let r = try CLI.run(["render", g, "--layout", "dot"])
        #expect(r.status == 0)
        #expect(String(decoding: r.stdout, as: UTF8.self).contains("Кайфын"))
    }

    @Test func missingFileIsAFailureNamingTheFile() throws {
        let r = try CLI.run(["render", "/no/such/graph.json"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("/no/such/graph.json"))
    }

    @Test func malformedJSONNamesFileLineAndColumn() throws {
        let g = try CLI.temp("bad.json", "{\n  \"nodes\": [,]\n}")
        let r = try CLI.run(["render", g])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.json:2:13"))
    }

    @Test func unknownLayoutOrFormatIsAUsageError() throws {
        let g = try CLI.temp("g.json", smallGraph)
        let layout = try CLI.run(["render", g, "--layout", "spring"])
        #expect(layout.status == 2)
        #expect(layout.stderr.contains("spring"))
        let format = try CLI.run(["render", g, "--format", "bmp"])
        #expect(format.status == 2)
        let ext = try CLI.run(["render", g, "-o", "x.bmp"])
        #expect(ext.status == 2)
    }

    @Test func helpExplainsEveryCommand() throws {
        let root = try CLI.run(["--help"])
        #expect(root.status == 0)
        #expect(String(decoding: root.stdout, as: UTF8.self).contains("render"))
        let render = try CLI.run(["render", "--help"])
        #expect(String(decoding: render.stdout, as: UTF8.self).contains("--layout"))
    }
}
