import Foundation
import Testing
@testable import KnowledgeGraph

/// Every shortest path by the plain method: distances from the target over the whole graph,
/// then every walk from the source along decreasing distance, in lexicographic order.
func referenceAllShortestPaths(_ g: CSRGraph, _ edges: [(Int, Int)], from s: Int, to t: Int) -> [[Int]] {
    let dist = referenceDistances(g.vertexCount, edges, from: t)
    guard dist[s] >= 0 else { return [] }
    var paths: [[Int]] = []
    func walk(_ path: [Int]) {
        let u = path[path.count - 1]
        if u == t { paths.append(path); return }
        for v in Set(g.neighbours(of: u).map(Int.init)).sorted() where dist[v] == dist[u] - 1 { walk(path + [v]) }
    }
    walk([s])
    return paths
}

/// A random graph with a few hubs, so that both search sides meet in the middle.
func randomGraph(_ n: Int, _ m: Int, _ rng: inout SeededGenerator) -> [(Int, Int)] {
    var edges: [(Int, Int)] = []
    for _ in 0..<m {
        let a = rng.below(4) == 0 ? rng.below(3) : rng.below(n), b = rng.below(n)
        if a != b { edges.append((a, b)) }
    }
    return edges
}

@Suite struct BidirectionalPathTests {
    @Test func allShortestPathsMatchThePlainEnumeration() {
        var rng = SeededGenerator(seed: 11)
        for trial in 0..<150 {
            let n = 8 + trial % 40
            let edges = randomGraph(n, n + trial % 9 * 3, &rng)
            let g = csr(n, edges)
            let s = rng.below(n), t = rng.below(n)
            let expected = s == t ? [[s]] : referenceAllShortestPaths(g, edges, from: s, to: t)
            #expect(g.allShortestPaths(from: s, to: t, limit: 100_000) == expected, "trial \(trial): \(s)→\(t)")
            #expect(g.allShortestPaths(from: s, to: t, limit: 1) == Array(expected.prefix(1)))
            if let first = expected.first, first.count > 2 {
                #expect(g.allShortestPaths(from: s, to: t, maxHops: first.count - 2).isEmpty)
                #expect(g.allShortestPaths(from: s, to: t, maxHops: first.count - 1) == Array(expected.prefix(1000)))
            }
        }
    }

    @Test func bannedVerticesAndEdgesAreAvoided() {
        // 0-1-3 and 0-2-3; banning 1 or the edge 0-2 leaves the other.
        let g = csr(5, [(0, 1), (1, 3), (0, 2), (2, 3), (3, 4)])
        #expect(g.allShortestPaths(from: 0, to: 4, bannedVertices: [1]) == [[0, 2, 3, 4]])
        #expect(g.allShortestPaths(from: 0, to: 4, bannedEdges: [UndirectedPair(2, 0)]) == [[0, 1, 3, 4]])
        #expect(g.allShortestPaths(from: 0, to: 4, bannedVertices: [3]).isEmpty)
    }

    @Test func yenMatchesBruteForceLengths() {
        var rng = SeededGenerator(seed: 5)
        for trial in 0..<40 {
            let n = 7 + trial % 5
            let edges = randomGraph(n, n + 4, &rng)
            let g = csr(n, edges)
            let s = rng.below(n), t = (s + 1 + rng.below(n - 1)) % n
            // Every loopless path, by depth-first search.
            var all: [[Int]] = []
            func dfs(_ p: [Int]) {
                let u = p[p.count - 1]
                if u == t { all.append(p); return }
                for v in Set(g.neighbours(of: u).map(Int.init)).sorted() where !p.contains(v) { dfs(p + [v]) }
            }
            dfs([s])
            let k = 4
            let yen = g.kShortestPaths(from: s, to: t, k: k)
            #expect(yen.map(\.count) == all.map(\.count).sorted().prefix(k).map { $0 }, "trial \(trial)")
            #expect(yen.allSatisfy { isPath(g, $0) && Set($0).count == $0.count })
        }
    }
}

@Suite struct GraphIndexTests {
    @Test func edgesBetweenMatchAScanOfTheEdges() throws {
        let (graph, ids) = SyntheticGraph.knowledgeGraph(nodes: 300, edges: 900, documents: 3, seed: 2)
        // Parallel relations: a visit beside each of the first 50 partnerships.
        var g = graph
        for e in graph.edges.prefix(50) where e.type != .visited {
            g.edges.append(Edge(type: .visited, source: e.target, target: e.source, attributes: ["year": 2000]))
        }
        for relations in [nil, GraphQueries.partnership] as [Set<EdgeType>?] {
            let idx = GraphIndex(g, relations: relations)
            var rng = SeededGenerator(seed: 9)
            for _ in 0..<300 {
                let a = rng.below(ids.count), b = rng.below(ids.count)
                let x = idx.node(a).id, y = idx.node(b).id
                let plain = idx.graph.edges.filter {
                    (relations?.contains($0.type) ?? true) && (($0.source == x && $0.target == y) || ($0.source == y && $0.target == x))
                }
                #expect(idx.edges(between: a, b) == (a == b ? [] : plain))
            }
            // Each vertex's neighbours ascending and distinct: one entry per related pair.
            for v in 0..<idx.csr.vertexCount {
                let nb = Array(idx.csr.neighbours(of: v))
                #expect(nb == Array(Set(nb)).sorted())
            }
        }
    }
}

@Suite struct GraphJSONReaderTests {
    @Test func readsWhatFoundationReads() throws {
        let (synthetic, _) = SyntheticGraph.knowledgeGraph(nodes: 200, edges: 600, documents: 4, seed: 1)
        for g in [synthetic, try Fixture.graph(), GraphJSONTests.sample] {
            let data = try GraphJSON.encode(g)
            #expect(try GraphJSON.decode(data) == (try GraphJSON.decodeWithFoundation(data)))
        }
    }

    @Test func escapesNullsAndUnknownKeys() throws {
        let text = #"""
        {"extra": {"a": [1, 2.5e3, true, null, {"b": "c"}]},
         "documents": [{"id": "d", "path": "p", "sha256": "s", "year": null, "title": "T\"\\\/\n\u00e9\ud83d\ude00"}],
         "nodes": [{"id": "city/a", "type": "city", "name": "Омск\u0020", "aliases": null, "attributes": {"lat": -1.5e1, "lon": 54.99, "n": 12, "ok": false, "s": "x"}},
                   {"id": "city/b", "type": "city", "name": "B", "mentions": [{"document": "d", "start": 1, "end": 2, "text": "B", "more": 1}]}],
         "edges": [{"id": "e", "type": "partner-of", "source": "city/b", "target": "city/a", "evidence": null}]}
        """#
        let data = Data(text.utf8)
        let fast = try GraphJSON.decode(data)
        #expect(fast == (try GraphJSON.decodeWithFoundation(data)))
        #expect(fast.documents.first?.title == "T\"\\/\né😀")
        #expect(fast.nodes.first?.attributes["lat"] == .int(-15))
        #expect(fast.nodes.first?.attributes["lon"] == .double(54.99))
        #expect(fast.nodes.first?.attributes["n"] == .int(12))
        // Stored ends are kept as written, as JSONDecoder keeps them.
        #expect(fast.edges.first?.source == "city/b")
    }

    @Test func failuresAreOfTheSameKindAsFoundations() {
        let cases = [
            #"{"nodes": [{"id": "a", "type": "planet", "name": "x"}]}"#,
            #"{"nodes": [{"id": "a", "name": "x"}]}"#,
            #"{"nodes": [{"id": 3, "type": "city", "name": "x"}]}"#,
            #"{"nodes": {"id": "a"}}"#,
            #"{"edges": [{"id": "e", "type": "visited", "source": "a", "target": "b", "attributes": {"x": null}}]}"#,
            #"{"nodes": [{"id": "a", "type": "planet", "name": "x"}], "oops"}"#,
            "{\"nodes\": [", "[1, 2", "{\"a\": tru}", "{\"a\": \"\\x\"}", "", "{} {}",
        ]
        for text in cases {
            func kind(_ body: () throws -> Graph) -> String {
                do { _ = try body(); return "ok" } catch let e as GraphJSONError {
                    switch e {
                    case let .syntax(_, line, column, message): return "syntax \(line):\(column) \(message)"
                    case let .schema(_, path, _): return "schema \(path)"
                    }
                } catch { return "other" }
            }
            let data = Data(text.utf8)
            #expect(kind { try GraphJSON.decode(data) } == kind { try GraphJSON.decodeWithFoundation(data) }, "\(text)")
        }
    }
}

@Suite struct BetweennessTests {
    @Test func parallelExactEqualsThePlainAlgorithm() {
        var rng = SeededGenerator(seed: 21)
        for trial in 0..<12 {
            let n = 20 + trial * 5
            let edges = randomGraph(n, 2 * n, &rng)
            let g = csr(n, edges)
            let plain = g.betweenness()
            for threads in [1, 2, 3] {
                let fast = g.betweenness(sources: Array(0..<n), threads: threads)
                #expect(zip(plain, fast).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($0)) }, "trial \(trial), \(threads) threads")
            }
            let normalized = g.betweenness(normalized: true)
            let fastNormalized = g.betweenness(sources: Array(0..<n), normalized: true)
            #expect(zip(normalized, fastNormalized).allSatisfy { abs($0 - $1) <= 1e-12 })
        }
    }

    @Test func samplesEstimateAndProgressIsReported() {
        let (s, t) = SyntheticGraph.preferentialAttachment(nodes: 600, edges: 2400, seed: 2)
        let g = CSRGraph(vertexCount: 600, sources: s, targets: t)
        let exact = g.betweenness()
        let sources = g.sampledSources(300, seed: 1)
        #expect(sources.count == 300 && Set(sources).count == 300)
        final class Seen: @unchecked Sendable { var last = 0; var calls = 0; let lock = NSLock() }
        let seen = Seen()
        let estimate = g.betweenness(sources: sources, progress: { done, total in
            seen.lock.lock(); seen.calls += 1; seen.last = max(seen.last, done); seen.lock.unlock()
            #expect(total == 300)
        })
        #expect(seen.last == 300 && seen.calls >= 50)
        // The hub's estimate from half the sources is close to the exact value.
        let hub = (0..<600).max { exact[$0] < exact[$1] }!
        #expect(abs(estimate[hub] - exact[hub]) / exact[hub] < 0.15)
        #expect(g.sampledSources(600, seed: 1) == Array(0..<600))
    }

    @Test func pageRankSaysWhetherItConverged() {
        let g = csr(4, [(0, 1), (0, 2), (0, 3)])
        #expect(g.pageRankIterations().converged)
        let cut = g.pageRankIterations(tolerance: 0, maxIterations: 3)
        #expect(!cut.converged && cut.iterations == 3)
    }
}
