import ArgumentParser
import Foundation
import GraphStore
import KnowledgeGraph

struct BenchGraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Time the graph engine on a synthetic power-law graph.",
        discussion: """
        Builds an undirected graph by seeded preferential attachment (vertex 0 is the largest \
        hub), optionally writes it as a tab-separated edge list for other tools, and times \
        shortest-path (0 to N-1), neighbourhood-2 (of 0), pagerank and components. Each time is \
        the best of --repeat runs. Benchmarks/graph/compare.sh runs python-igraph on the same \
        edge list and prints the ratios.

        Example: twingraph bench graph --nodes 200000 --edges 1000000 --seed 1 --format json
        """
    )

    @Option(help: "Vertices.")
    var nodes = 200_000

    @Option(help: "Edges.")
    var edges = 1_000_000

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Write the edge list here (one \"u<TAB>v\" line per edge).", valueName: "file"))
    var writeEdges: String?

    @Option(help: ArgumentHelp("Write the same graph as a knowledge graph (cities, named relations, evidence, node ids relabelled at random) in graph JSON here, and its edge list by node id beside it (FILE.tsv: source, target, relation).", valueName: "file.json"))
    var writeGraph: String?

    @Option(help: ArgumentHelp("Ingest that knowledge graph into a new store here, one document at a time.", valueName: "file.sqlite"))
    var writeStore: String?

    @Option(help: "Reports the knowledge graph's facts are spread over.")
    var documents = 20

    @Option(help: "Runs per operation; the best is reported.")
    var `repeat` = 5

    @Option(help: "text or json (one {\"op\", \"seconds\", \"result\"} object per line).")
    var format: QueryFormat = .text

    func validate() throws {
        if nodes < 2 { throw ValidationError("--nodes must be at least 2") }
        if edges < 0 { throw ValidationError("--edges must not be negative") }
        if edges > nodes * (nodes - 1) / 2 { throw ValidationError("--edges is more than a simple graph on \(nodes) nodes can have") }
        if `repeat` < 1 { throw ValidationError("--repeat must be at least 1") }
    }

    func run() throws {
        let (sources, targets) = SyntheticGraph.preferentialAttachment(nodes: nodes, edges: edges, seed: seed)
        if let writeEdges { try writeEdgeList(sources, targets, to: writeEdges) }
        if writeGraph != nil || writeStore != nil {
            try writeKnowledgeGraph()
            return
        }
        var lines: [(String, Double, String)] = []
        let (graph, buildTime) = timed { CSRGraph(vertexCount: nodes, sources: sources, targets: targets) }
        lines.append(("build", buildTime, "\(graph.vertexCount) vertices, \(graph.edgeCount) edges"))
        lines.append(best("shortest-path") {
            let p = graph.shortestPath(from: 0, to: nodes - 1)
            return p.map { "\($0.count - 1) hops" } ?? "no path"
        })
        lines.append(best("neighbourhood-2") {
            "\(graph.neighbourhood(of: 0, depth: 2).vertices.count) vertices"
        })
        lines.append(best("pagerank") {
            let r = graph.pageRank()
            var top = 0
            for v in 0..<r.count where r[v] > r[top] { top = v }
            return "max \(r[top]) at \(top)"
        })
        lines.append(best("components") {
            "\(graph.connectedComponents().count) components"
        })
        var out = ""
        for (op, seconds, result) in lines {
            switch format {
            case .json:
                struct Line: Encodable { var op: String; var seconds: Double; var result: String }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                out += String(decoding: try encoder.encode(Line(op: op, seconds: seconds, result: result)), as: UTF8.self) + "\n"
            case .text:
                out += op.padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: "%10.6f s   ", seconds) + result + "\n"
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    func timed<T>(_ body: () -> T) -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    func best(_ op: String, _ body: () -> String) -> (String, Double, String) {
        var fastest = Double.infinity
        var result = ""
        for _ in 0..<`repeat` {
            let (r, t) = timed(body)
            fastest = min(fastest, t)
            result = r
        }
        return (op, fastest, result)
    }

    /// The knowledge graph for end-to-end runs, as JSON, a typed edge list and/or a store.
    func writeKnowledgeGraph() throws {
        let (graph, _) = SyntheticGraph.knowledgeGraph(nodes: nodes, edges: edges, documents: documents, seed: seed)
        if let writeGraph {
            try writeOutput(try GraphJSON.encode(graph), to: writeGraph)
            var tsv = ""
            for e in graph.edges { tsv += "\(e.source)\t\(e.target)\t\(e.type.rawValue)\n" }
            try writeOutput(Data(tsv.utf8), to: writeGraph + ".tsv")
        }
        if let writeStore {
            if FileManager.default.fileExists(atPath: writeStore) { try FileManager.default.removeItem(atPath: writeStore) }
            let store = try GraphStore(path: writeStore)
            for (document, part) in graph.contributions().parts {
                try store.ingest(document: document, graph: part)
            }
        }
    }

    func writeEdgeList(_ sources: [Int32], _ targets: [Int32], to path: String) throws {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sources.count * 14)
        func append(_ x: Int32) {
            var digits: [UInt8] = []
            var v = Int(x)
            repeat { digits.append(UInt8(48 + v % 10)); v /= 10 } while v > 0
            bytes.append(contentsOf: digits.reversed())
        }
        for k in 0..<sources.count {
            append(sources[k]); bytes.append(9); append(targets[k]); bytes.append(10)
        }
        try writeOutput(Data(bytes), to: path)
    }
}
