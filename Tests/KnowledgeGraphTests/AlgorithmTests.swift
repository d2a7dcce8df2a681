import Testing
@testable import KnowledgeGraph

/// Plain breadth-first distances, the reference the fast algorithms are checked against.
func referenceDistances(_ n: Int, _ edges: [(Int, Int)], from s: Int) -> [Int] {
    var adj = [[Int]](repeating: [], count: n)
    for (a, b) in edges { adj[a].append(b); adj[b].append(a) }
    var dist = [Int](repeating: -1, count: n)
    dist[s] = 0
    var queue = [s], head = 0
    while head < queue.count {
        let u = queue[head]; head += 1
        for v in adj[u] where dist[v] < 0 { dist[v] = dist[u] + 1; queue.append(v) }
    }
    return dist
}

func csr(_ n: Int, _ edges: [(Int, Int)]) -> CSRGraph {
    CSRGraph(vertexCount: n, sources: edges.map { Int32($0.0) }, targets: edges.map { Int32($0.1) })
}

func isPath(_ g: CSRGraph, _ p: [Int]) -> Bool {
    zip(p, p.dropFirst()).allSatisfy { u, v in g.neighbours(of: u).contains(Int32(v)) }
}

@Suite struct AlgorithmTests {
    @Test func csrListsBothDirections() {
        let g = csr(4, [(0, 1), (1, 2), (2, 0)])
        #expect(g.edgeCount == 3)
        #expect(g.neighbours(of: 0).sorted() == [1, 2])
        #expect(g.degree(3) == 0)
    }

    @Test func bidirectionalSearchFindsShortestPathsOnRandomGraphs() {
        var rng = SeededGenerator(seed: 7)
        for trial in 0..<40 {
            let n = 30 + trial
            var edges: [(Int, Int)] = []
            for _ in 0..<(n + trial % 7 * 5) {
                let a = rng.below(n), b = rng.below(n)
                if a != b { edges.append((a, b)) }
            }
            let g = csr(n, edges)
            let s = rng.below(n), t = rng.below(n)
            let reference = referenceDistances(n, edges, from: s)[t]
            let path = g.shortestPath(from: s, to: t)
            if reference < 0 {
                #expect(path == nil)
            } else {
                #expect(path?.count == reference + 1, "trial \(trial): \(s)→\(t)")
                #expect(path?.first == s && path?.last == t)
                #expect(path.map { isPath(g, $0) } == true)
                let all = g.allShortestPaths(from: s, to: t)
                #expect(!all.isEmpty && all.allSatisfy { $0.count == reference + 1 && isPath(g, $0) })
            }
        }
    }

    @Test func maxHopsCutsLongPaths() {
        let g = csr(5, [(0, 1), (1, 2), (2, 3), (3, 4)])
        #expect(g.shortestPath(from: 0, to: 4)?.count == 5)
        #expect(g.shortestPath(from: 0, to: 4, maxHops: 3) == nil)
        #expect(g.allShortestPaths(from: 0, to: 4, maxHops: 3).isEmpty)
    }

    @Test func allShortestPathsListsEveryOne() {
        // A 2×2 grid: two shortest paths from corner to corner.
        let g = csr(4, [(0, 1), (0, 2), (1, 3), (2, 3)])
        #expect(g.allShortestPaths(from: 0, to: 3) == [[0, 1, 3], [0, 2, 3]])
    }

    @Test func yenFindsLooplessAlternativesInOrder() {
        // 0-1-4 (2 hops), 0-2-3-4 (3 hops), 0-2-1-4 (3 hops)
        let g = csr(5, [(0, 1), (1, 4), (0, 2), (2, 3), (3, 4), (2, 1)])
        let paths = g.kShortestPaths(from: 0, to: 4, k: 4)
        #expect(paths.first == [0, 1, 4])
        #expect(paths.map(\.count) == paths.map(\.count).sorted())
        #expect(Set(paths.map { $0 }).count == paths.count)
        #expect(paths.allSatisfy { Set($0).count == $0.count && isPath(g, $0) })
        #expect(paths.count == 4)   // 0-1-4, 0-2-1-4, 0-2-3-4, 0-1-2-3-4
    }

    @Test func neighbourhoodByDepth() {
        let g = csr(6, [(0, 1), (1, 2), (2, 3), (0, 4)])
        let (vs, ds) = g.neighbourhood(of: 0, depth: 2)
        #expect(Set(vs) == [0, 1, 2, 4])
        #expect(ds[0] == 0 && vs[0] == 0)
        #expect(Dictionary(uniqueKeysWithValues: zip(vs, ds))[2] == 2)
        #expect(g.commonNeighbours(1, 3) == [2])
    }

    @Test func componentsAreLabelledBySmallestVertex() {
        let g = csr(6, [(0, 1), (2, 3), (3, 4)])
        let (labels, count) = g.connectedComponents()
        #expect(count == 3)
        #expect(labels == [0, 0, 1, 1, 1, 2])
        // A connected graph stops early and still labels every vertex.
        let path = csr(4, [(2, 3), (0, 1), (1, 2)])
        #expect(path.connectedComponents().labels == [0, 0, 0, 0])
        #expect(path.connectedComponents().count == 1)
    }

    @Test func pageRankMatchesClosedForm() {
        // A star with centre 0 and three leaves: the centre's rank r satisfies
        // r = 0.15/4 + 0.85·3·l and l = 0.15/4 + 0.85·r/3, so r = (0.0375 + 0.31875) / 1.7225.
        let g = csr(4, [(0, 1), (0, 2), (0, 3)])
        let r = g.pageRank()
        #expect(abs(r.reduce(0, +) - 1) < 1e-9)
        let centre = (0.0375 + 3 * 0.85 * 0.0375) / (1 - 0.85 * 0.85)
        #expect(abs(r[0] - centre) < 1e-8)
        #expect(abs(r[1] - r[3]) < 1e-12)
    }

    @Test func pageRankSpreadsIsolatedMass() {
        let g = csr(3, [(0, 1)])
        let r = g.pageRank()
        #expect(abs(r.reduce(0, +) - 1) < 1e-9)
        #expect(r[2] < r[0])
    }

    @Test func betweennessOfAPath() {
        let g = csr(4, [(0, 1), (1, 2), (2, 3)])
        #expect(g.betweenness() == [0, 2, 2, 0])
        let star = csr(4, [(0, 1), (0, 2), (0, 3)])
        #expect(star.betweenness(normalized: true)[0] == 1)
    }

    @Test func syntheticGraphIsSimpleConnectedAndSeeded() {
        let (s, t) = SyntheticGraph.preferentialAttachment(nodes: 2000, edges: 9000, seed: 3)
        #expect(s.count == 9000)
        var seen = Set<UndirectedPair>()
        for k in 0..<s.count {
            #expect(s[k] != t[k])
            #expect(seen.insert(UndirectedPair(Int(s[k]), Int(t[k]))).inserted)
        }
        let g = CSRGraph(vertexCount: 2000, sources: s, targets: t)
        #expect(g.connectedComponents().count == 1)
        let maxDegree = (0..<2000).map(g.degree).max() ?? 0
        #expect(maxDegree > 5 * 9)   // a hub far above the mean degree of 9
        let again = SyntheticGraph.preferentialAttachment(nodes: 2000, edges: 9000, seed: 3)
        #expect(again.sources == s && again.targets == t)
        #expect(SyntheticGraph.preferentialAttachment(nodes: 2000, edges: 9000, seed: 4).targets != t)
    }
}
