import Foundation
import Testing
import KnowledgeGraph

/// A Python that can import networkx: $TWINGRAPH_PYTHON, a python3 on the PATH, or the venv
/// scripts/setup.sh makes when the system Python lacks it ($TWINGRAPH_VENV). Nil when none can.
enum NetworkX {
    static let python: String? = {
        let env = ProcessInfo.processInfo.environment
        let data = env["XDG_DATA_HOME"] ?? (NSHomeDirectory() + "/.local/share")
        let venv = env["TWINGRAPH_VENV"] ?? (data + "/twingraph/venv")
        let onPath: [String] = (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { String($0) + "/python3" }
        let candidates: [String] = [env["TWINGRAPH_PYTHON"]].compactMap { $0 } + onPath + [venv + "/bin/python"]
        return candidates.first { (try? NetworkX.run($0, ["-c", "import networkx"]))?.status == 0 }
    }()

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        guard FileManager.default.isExecutableFile(atPath: executable) else { return (127, "", "") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}

@Suite struct NetworkXTests {
    @Test(.enabled(if: NetworkX.python != nil, "no Python with networkx: run scripts/setup.sh, or set TWINGRAPH_PYTHON"))
    func graphMLLoadsInNetworkXWithEveryNodeAndEdge() throws {
        let graph = try Fixture.graph()
        #expect(graph.edges.contains { $0.type.isSymmetric } && graph.edges.contains { !$0.type.isSymmetric })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("twingraph-\(UUID().uuidString).graphml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(GraphMLExporter.export(graph).utf8).write(to: file)
        let script = """
        import sys, json, networkx as nx
        g = nx.read_graphml(sys.argv[1])
        edges = list(g.edges(data=True))
        print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                          "directed": g.is_directed(),
                          "symmetric": sum(1 for _, _, d in edges if d.get("symmetric") is True),
                          "since": sorted({d["since"] for _, _, d in edges if "since" in d}),
                          "names": sorted(d.get("name", "") for _, d in g.nodes(data=True))}))
        """
        let result = try NetworkX.run(try #require(NetworkX.python), ["-c", script, file.path])
        #expect(result.status == 0, "networkx failed: \(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["nodes"] as? Int == graph.nodes.count)
        #expect(json["edges"] as? Int == graph.edges.count)
        #expect(json["directed"] as? Bool == true)
        #expect(json["symmetric"] as? Int == graph.edges.filter { $0.type.isSymmetric }.count)
        let since = Set(graph.edges.compactMap { $0.attributes["since"]?.intValue })
        #expect(Set(json["since"] as? [Int] ?? []) == since)
        #expect(json["names"] as? [String] == graph.nodes.map(\.name).sorted())
    }
}
