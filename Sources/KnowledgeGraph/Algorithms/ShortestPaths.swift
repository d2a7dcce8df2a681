/// Unweighted shortest paths on a `CSRGraph`. Paths are vertex sequences from source to target
/// inclusive; a path of `k` hops has `k + 1` vertices.
extension CSRGraph {
    /// One shortest path from `source` to `target`, or nil if there is none within `maxHops`.
    ///
    /// Bidirectional breadth-first search, expanding whole levels of whichever side has the
    /// smaller frontier (by total degree). On graphs with hubs this visits a small fraction of
    /// the vertices a one-sided search would. Because levels are expanded whole and alternately,
    /// the first edge that joins the two searches closes a shortest path: a shorter one would
    /// have met at a vertex reached earlier.
    public func shortestPath(from source: Int, to target: Int, maxHops: Int = .max) -> [Int]? {
        precondition(source >= 0 && source < vertexCount && target >= 0 && target < vertexCount,
                     "vertex out of range")
        if source == target { return [source] }
        if maxHops <= 0 { return nil }
        // side[v]: 0 unseen, 1 reached from source, 2 reached from target. A vertex is reached by
        // at most one side because the search stops when the sides meet.
        var side = [UInt8](repeating: 0, count: vertexCount)
        var parent = [Int32](repeating: -1, count: vertexCount)
        var meeting: (Int, Int)? = nil   // (vertex on source side, vertex on target side)
        offsets.withUnsafeBufferPointer { off in
        neighbours.withUnsafeBufferPointer { nb in
        side.withUnsafeMutableBufferPointer { sd in
        parent.withUnsafeMutableBufferPointer { par in
            var front: [Int32] = [Int32(source)], back: [Int32] = [Int32(target)]
            var frontWork = off[source + 1] - off[source], backWork = off[target + 1] - off[target]
            sd[source] = 1; sd[target] = 2
            var hops = 0
            var next: [Int32] = []
            while !front.isEmpty && !back.isEmpty && hops < maxHops {
                let forward = frontWork <= backWork
                let mine: UInt8 = forward ? 1 : 2, other: UInt8 = forward ? 2 : 1
                next.removeAll(keepingCapacity: true)
                var work = 0
                let level = forward ? front : back
                search: for u32 in level {
                    let u = Int(u32)
                    for k in off[u]..<off[u + 1] {
                        let v = Int(nb[k])
                        let s = sd[v]
                        if s == other {
                            meeting = forward ? (u, v) : (v, u)
                            break search
                        }
                        if s == 0 {
                            sd[v] = mine
                            par[v] = u32
                            next.append(Int32(v))
                            work += off[v + 1] - off[v]
                        }
                    }
                }
                hops += 1
                if meeting != nil { break }
                if forward { swap(&front, &next); frontWork = work } else { swap(&back, &next); backWork = work }
            }
        }}}}
        guard let (a, b) = meeting else { return nil }
        var path: [Int] = []
        var v = a
        while v != source { path.append(v); v = Int(parent[v]) }
        path.append(source)
        path.reverse()
        v = b
        while v != target { path.append(v); v = Int(parent[v]) }
        path.append(target)
        return path.count - 1 <= maxHops ? path : nil
    }

    /// Hop distances from `source` (-1 where unreachable), stopping after `maxDepth` levels.
    public func distances(from source: Int, maxDepth: Int = .max,
                          bannedVertices: Set<Int> = [], bannedEdges: Set<UndirectedPair> = []) -> [Int32] {
        var dist = [Int32](repeating: -1, count: vertexCount)
        if bannedVertices.contains(source) { return dist }
        dist[source] = 0
        var queue: [Int32] = [Int32(source)]
        var head = 0
        while head < queue.count {
            let u = Int(queue[head]); head += 1
            let du = dist[u]
            if Int(du) >= maxDepth { continue }
            for k in offsets[u]..<offsets[u + 1] {
                let v = Int(neighbours[k])
                if dist[v] >= 0 || bannedVertices.contains(v) { continue }
                if !bannedEdges.isEmpty && bannedEdges.contains(UndirectedPair(u, v)) { continue }
                dist[v] = du + 1
                queue.append(Int32(v))
            }
        }
        return dist
    }

    /// Every shortest path from `source` to `target` (at most `limit` of them, in lexicographic
    /// order of vertex ids), or an empty array if none is within `maxHops`.
    public func allShortestPaths(from source: Int, to target: Int, maxHops: Int = .max,
                                 limit: Int = 1000) -> [[Int]] {
        if source == target { return [[source]] }
        // Distances from the target let the enumeration walk forward from the source along
        // strictly decreasing distance, which yields paths already in source-to-target order.
        let dist = distances(from: target, maxDepth: maxHops)
        let total = Int(dist[source])
        guard total > 0 && total <= maxHops else { return [] }
        var paths: [[Int]] = []
        var stack: [Int] = [source]
        func walk(_ u: Int) {
            if paths.count >= limit { return }
            if u == target { paths.append(stack); return }
            let du = dist[u]
            var next = Set<Int>()
            for k in offsets[u]..<offsets[u + 1] where dist[Int(neighbours[k])] == du - 1 {
                next.insert(Int(neighbours[k]))
            }
            for v in next.sorted() {
                stack.append(v); walk(v); stack.removeLast()
            }
        }
        walk(source)
        return paths
    }

    /// Up to `k` shortest loopless paths in order of length (Yen's algorithm), ties broken by
    /// vertex ids so the answer is deterministic.
    public func kShortestPaths(from source: Int, to target: Int, k: Int, maxHops: Int = .max) -> [[Int]] {
        guard k > 0, let first = bfsPath(from: source, to: target, bannedVertices: [], bannedEdges: [], maxHops: maxHops)
        else { return [] }
        var accepted: [[Int]] = [first]
        var candidates: [[Int]] = []
        var seen: Set<[Int]> = [first]
        while accepted.count < k {
            let last = accepted[accepted.count - 1]
            for i in 0..<(last.count - 1) {
                let spur = last[i]
                let root = Array(last[0...i])
                var bannedEdges = Set<UndirectedPair>()
                for p in accepted where p.count > i + 1 && Array(p[0...i]) == root {
                    bannedEdges.insert(UndirectedPair(p[i], p[i + 1]))
                }
                let bannedVertices = Set(root.dropLast())
                guard let tail = bfsPath(from: spur, to: target, bannedVertices: bannedVertices,
                                         bannedEdges: bannedEdges, maxHops: maxHops - i) else { continue }
                let path = root.dropLast() + tail
                if path.count - 1 <= maxHops && seen.insert(Array(path)).inserted {
                    candidates.append(Array(path))
                }
            }
            guard !candidates.isEmpty else { break }
            candidates.sort { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
            accepted.append(candidates.removeFirst())
        }
        return accepted
    }

    /// A shortest path avoiding some vertices and edges; the smallest vertex id wins ties.
    func bfsPath(from source: Int, to target: Int, bannedVertices: Set<Int>,
                 bannedEdges: Set<UndirectedPair>, maxHops: Int) -> [Int]? {
        if source == target { return [source] }
        let dist = distances(from: target, maxDepth: maxHops, bannedVertices: bannedVertices,
                             bannedEdges: bannedEdges)
        guard dist[source] > 0, Int(dist[source]) <= maxHops else { return nil }
        var path = [source]
        var u = source
        while u != target {
            var best = Int.max
            for k in offsets[u]..<offsets[u + 1] {
                let v = Int(neighbours[k])
                if dist[v] == dist[u] - 1 && v < best
                    && (bannedEdges.isEmpty || !bannedEdges.contains(UndirectedPair(u, v))) { best = v }
            }
            path.append(best)
            u = best
        }
        return path
    }
}

/// An unordered pair of vertices, for banning an undirected edge.
public struct UndirectedPair: Hashable, Sendable {
    public let low: Int
    public let high: Int
    public init(_ a: Int, _ b: Int) { low = min(a, b); high = max(a, b) }
}
