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
    /// order of vertex ids), or an empty array if none is within `maxHops`. Vertices in
    /// `bannedVertices` and edges in `bannedEdges` are not used (Yen's spur searches).
    ///
    /// The distances come from `meet(...)`, a bidirectional search, so only the two balls around
    /// the ends are explored, not everything closer to the target than the source is.
    public func allShortestPaths(from source: Int, to target: Int, maxHops: Int = .max, limit: Int = 1000,
                                 bannedVertices: Set<Int> = [], bannedEdges: Set<UndirectedPair> = []) -> [[Int]] {
        guard limit > 0, !bannedVertices.contains(source), !bannedVertices.contains(target) else { return [] }
        if source == target { return [[source]] }
        guard let m = meet(source, target, maxHops: maxHops, bannedVertices: bannedVertices, bannedEdges: bannedEdges)
        else { return [] }
        let d = m.length, pivot = m.pivot
        let distS = m.fromSource, distT = m.fromTarget
        // Source-side vertices that continue along a shortest path: at the pivot level those with
        // both distances summing to the length, then, level by level back to the source, those
        // with an onward neighbour already marked.
        var onPath = [Bool](repeating: false, count: vertexCount)
        var levels = [[Int]](repeating: [], count: pivot + 1)
        for v in m.sourceBall where Int(distS[v]) <= pivot { levels[Int(distS[v])].append(v) }
        for v in levels[pivot] where distT[v] >= 0 && Int(distS[v]) + Int(distT[v]) == d { onPath[v] = true }
        if pivot > 0 {
            for level in stride(from: pivot - 1, through: 0, by: -1) {
                for v in levels[level] {
                    for k in offsets[v]..<offsets[v + 1] {
                        let w = Int(neighbours[k])
                        if onPath[w] && Int(distS[w]) == level + 1 && usable(v, w, bannedEdges) { onPath[v] = true; break }
                    }
                }
            }
        }
        var paths: [[Int]] = []
        var stack: [Int] = [source]
        func walk(_ u: Int, _ position: Int) {
            if paths.count >= limit { return }
            if u == target { paths.append(stack); return }
            var next: [Int] = []
            for k in offsets[u]..<offsets[u + 1] {
                let v = Int(neighbours[k])
                let fits = position < pivot
                    ? Int(distS[v]) == position + 1 && onPath[v]
                    : Int(distT[v]) == d - position - 1
                if fits && (bannedVertices.isEmpty || !bannedVertices.contains(v)) && usable(u, v, bannedEdges) { next.append(v) }
            }
            next.sort()
            var last = -1
            for v in next where v != last {
                last = v
                stack.append(v); walk(v, position + 1); stack.removeLast()
            }
        }
        walk(source, 0)
        return paths
    }

    @inline(__always) private func usable(_ u: Int, _ v: Int, _ bannedEdges: Set<UndirectedPair>) -> Bool {
        bannedEdges.isEmpty || !bannedEdges.contains(UndirectedPair(u, v))
    }

    /// Where a bidirectional breadth-first search met.
    struct Meeting {
        /// Hops of a shortest path.
        var length: Int
        /// Exact distances from the source within `sourceRadius` (-1 beyond or unreached).
        var fromSource: [Int32]
        /// Exact distances from the target within `length - pivot` (-1 beyond).
        var fromTarget: [Int32]
        /// `length` minus the target side's radius: every shortest path's vertex at this
        /// position has both distances.
        var pivot: Int
        /// The vertices with a distance from the source.
        var sourceBall: [Int]
    }

    /// Grows breadth-first balls around both ends, a whole level at a time, always the side whose
    /// frontier has the smaller total degree, until some vertex has both distances; then the
    /// smallest sum is the distance (every shortest path crosses both balls' union).
    func meet(_ source: Int, _ target: Int, maxHops: Int,
              bannedVertices: Set<Int>, bannedEdges: Set<UndirectedPair>) -> Meeting? {
        var distS = [Int32](repeating: -1, count: vertexCount)
        var distT = [Int32](repeating: -1, count: vertexCount)
        distS[source] = 0; distT[target] = 0
        var ballS = [source]
        var frontS = [source], frontT = [target]
        var radiusS = 0, radiusT = 0
        var workS = degree(source), workT = degree(target)
        var next: [Int] = []
        while !frontS.isEmpty && !frontT.isEmpty && radiusS + radiusT < maxHops {
            let forward = workS <= workT
            next.removeAll(keepingCapacity: true)
            var work = 0
            var met = false
            if forward {
                for u in frontS {
                    for k in offsets[u]..<offsets[u + 1] {
                        let v = Int(neighbours[k])
                        guard distS[v] < 0, bannedVertices.isEmpty || !bannedVertices.contains(v), usable(u, v, bannedEdges) else { continue }
                        distS[v] = Int32(radiusS + 1)
                        next.append(v); work += degree(v)
                        if distT[v] >= 0 { met = true }
                    }
                }
                radiusS += 1
                ballS += next
                swap(&frontS, &next); workS = work
            } else {
                for u in frontT {
                    for k in offsets[u]..<offsets[u + 1] {
                        let v = Int(neighbours[k])
                        guard distT[v] < 0, bannedVertices.isEmpty || !bannedVertices.contains(v), usable(u, v, bannedEdges) else { continue }
                        distT[v] = Int32(radiusT + 1)
                        next.append(v); work += degree(v)
                        if distS[v] >= 0 { met = true }
                    }
                }
                radiusT += 1
                swap(&frontT, &next); workT = work
            }
            if met {
                var length = Int.max
                for v in (forward ? frontS : frontT) where distS[v] >= 0 && distT[v] >= 0 {
                    length = min(length, Int(distS[v]) + Int(distT[v]))
                }
                guard length <= maxHops else { return nil }
                return Meeting(length: length, fromSource: distS, fromTarget: distT,
                               pivot: length - radiusT, sourceBall: ballS)
            }
        }
        return nil
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
        allShortestPaths(from: source, to: target, maxHops: maxHops, limit: 1,
                         bannedVertices: bannedVertices, bannedEdges: bannedEdges).first
    }
}

/// An unordered pair of vertices, for banning an undirected edge.
public struct UndirectedPair: Hashable, Sendable {
    public let low: Int
    public let high: Int
    public init(_ a: Int, _ b: Int) { low = min(a, b); high = max(a, b) }
}
