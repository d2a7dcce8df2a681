import ArgumentParser
import Foundation
import GraphStore
import KnowledgeGraph

struct BenchGraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Time the graph engine on a synthetic power-law graph.",
        discussion: """
        Builds an undirected graph by seeded preferential attachment, its vertices relabelled at \
        random, optionally writes it as a tab-separated edge list for other tools (with the \
        vertex pairs and the hub the operations use), and times the build, shortest-path (the \
        search `twingraph path` runs, over --path-pairs random pairs), neighbourhood-2 (of the \
        largest hub), pagerank and components. Each time is the best of --repeat runs. \
        Benchmarks/graph/compare.sh runs python-igraph on the same edge list, checks every answer \
        and prints the ratios. With --write-graph or --write-store it writes the knowledge graph \
        the end-to-end benchmark (Benchmarks/graph/endtoend.sh) queries instead.

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

    @Option(help: "Random vertex pairs whose shortest paths are timed (all of them in one run).")
    var pathPairs = 100

    @Option(help: ArgumentHelp("Write every answer (path lengths, neighbourhood, PageRank vector, component labels) as JSON here.", valueName: "file"))
    var writeResults: String?

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
        let (attached, targetsAttached) = SyntheticGraph.preferentialAttachment(nodes: nodes, edges: edges, seed: seed)
        if writeGraph != nil || writeStore != nil {
            try writeKnowledgeGraph()
            return
        }
        // Relabel at random, so that no side profits from vertex numbers in arrival order (the
        // hub first, each vertex after its neighbours).
        var rng = SeededGenerator(seed: seed &+ 0x9E37)
        var label = Array(0..<nodes)
        for k in stride(from: nodes - 1, to: 0, by: -1) { label.swapAt(k, rng.below(k + 1)) }
        let sources = attached.map { Int32(label[Int($0)]) }, targets = targetsAttached.map { Int32(label[Int($0)]) }
        let pairs = (0..<pathPairs).map { _ in (rng.below(nodes), rng.below(nodes)) }
        let hub = label[0]
        if let writeEdges {
            try writeEdgeList(sources, targets, to: writeEdges)
            try writeOutput(Data(pairs.map { "\($0.0)\t\($0.1)\n" }.joined().utf8), to: writeEdges + ".pairs")
            try writeOutput(Data("\(hub)\n".utf8), to: writeEdges + ".hub")
        }
        var lines: [(String, Double, String)] = []
        let (graph, buildTime) = timed { CSRGraph(vertexCount: nodes, sources: sources, targets: targets) }
        lines.append(("build", buildTime, "\(graph.vertexCount) vertices, \(graph.edgeCount) edges"))
        var results = Results()
        // What `twingraph path` runs: the first of the shortest paths, by the bidirectional search.
        lines.append(best("shortest-path") {
            results.pathLengths = pairs.map { graph.allShortestPaths(from: $0.0, to: $0.1, limit: 1).first.map { $0.count - 1 } ?? -1 }
            return "\(pairs.count) pairs, \(results.pathLengths.reduce(0, +)) hops in all"
        })
        lines.append(best("neighbourhood-2") {
            let vs = graph.neighbourhood(of: hub, depth: 2).vertices
            results.neighbourhood = vs.map(Int.init).sorted()
            return "\(vs.count) vertices"
        })
        lines.append(best("pagerank") {
            let r = graph.pageRank()
            results.pagerank = r
            var top = 0
            for v in 0..<r.count where r[v] > r[top] { top = v }
            return "max \(r[top]) at \(top)"
        })
        lines.append(best("components") {
            let c = graph.connectedComponents()
            results.components = c.labels.map(Int.init)
            return "\(c.count) components"
        })
        if let writeResults {
            let encoder = JSONEncoder()
            try writeOutput(try encoder.encode(results), to: writeResults)
        }
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
        try Output.standardOutput(Data(out.utf8))
    }

    /// Every answer in full, for Benchmarks/graph/compare.py to check against igraph's.
    struct Results: Encodable {
        var pathLengths: [Int] = []
        var neighbourhood: [Int] = []
        var pagerank: [Double] = []
        var components: [Int] = []
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
            try store.updateQuerySnapshot()  // as `ingest` leaves it
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
