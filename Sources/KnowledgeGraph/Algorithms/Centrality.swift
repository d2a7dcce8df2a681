extension CSRGraph {
    /// PageRank of an undirected graph (each edge followed both ways), with uniform teleport and
    /// isolated vertices' rank spread uniformly, as igraph and NetworkX define it. Ranks sum to 1.
    ///
    /// Gauss–Seidel sweeps over the pull form: each vertex's new rank reads its neighbours'
    /// rank-per-degree, already updated ones included, which converges in about half the sweeps
    /// of the power method. Stops when a sweep changes the ranks by less than `tolerance` in L1.
    public func pageRank(damping: Double = 0.85, tolerance: Double = 1e-10, maxIterations: Int = 1000) -> [Double] {
        pageRankIterations(damping: damping, tolerance: tolerance, maxIterations: maxIterations).ranks
    }

    /// `pageRank`, with the sweeps it took and whether the last one changed the ranks by less
    /// than `tolerance` (false: stopped at `maxIterations`, the ranks are not to be trusted).
    public func pageRankIterations(damping: Double = 0.85, tolerance: Double = 1e-10,
                                   maxIterations: Int = 1000) -> (ranks: [Double], iterations: Int, converged: Bool) {
        let n = vertexCount
        guard n > 0 else { return ([], 0, true) }
        var iterations = 0, converged = false
        var rank = [Double](repeating: 1.0 / Double(n), count: n)
        // share[v] = rank[v] / degree[v]: what v passes along each of its edges.
        var share = [Double](repeating: 0, count: n)
        var inverseDegree = [Double](repeating: 0, count: n)
        var isolated: [Int] = []
        for v in 0..<n {
            let d = degree(v)
            if d == 0 { isolated.append(v) } else { inverseDegree[v] = 1.0 / Double(d) }
            share[v] = rank[v] * inverseDegree[v]
        }
        let teleport = (1.0 - damping) / Double(n)
        rank.withUnsafeMutableBufferPointer { r in
        share.withUnsafeMutableBufferPointer { sh in
        inverseDegree.withUnsafeBufferPointer { inv in
        offsets.withUnsafeBufferPointer { off in
        neighbours.withUnsafeBufferPointer { nb in
            for _ in 0..<maxIterations {
                iterations += 1
                var isolatedMass = 0.0
                for v in isolated { isolatedMass += r[v] }
                let base = teleport + damping * isolatedMass / Double(n)
                var change = 0.0
                var total = 0.0
                for v in 0..<n {
                    var sum = 0.0
                    var k = off[v]
                    let end = off[v + 1]
                    while k < end { sum += sh[Int(nb[k])]; k += 1 }
                    let new = base + damping * sum
                    change += abs(new - r[v])
                    r[v] = new
                    sh[v] = new * inv[v]
                    total += new
                }
                // Gauss–Seidel does not preserve the total; renormalise so the fixed point is the
                // probability vector.
                let scale = 1.0 / total
                for v in 0..<n { r[v] *= scale; sh[v] *= scale }
                if change < tolerance { converged = true; break }
            }
        }}}}}
        return (rank, iterations, converged)
    }

    /// Betweenness centrality (Brandes 2001), unweighted, undirected: for each vertex, the number
    /// of shortest paths between other pairs that pass through it, each pair counted once.
    public func betweenness(normalized: Bool = false) -> [Double] {
        let n = vertexCount
        var centrality = [Double](repeating: 0, count: n)
        var sigma = [Double](repeating: 0, count: n)
        var dist = [Int32](repeating: -1, count: n)
        var delta = [Double](repeating: 0, count: n)
        var order = [Int32](repeating: 0, count: n)
        for s in 0..<n {
            for v in 0..<n { sigma[v] = 0; dist[v] = -1; delta[v] = 0 }
            sigma[s] = 1; dist[s] = 0
            var head = 0, tail = 1
            order[0] = Int32(s)
            while head < tail {
                let u = Int(order[head]); head += 1
                for k in offsets[u]..<offsets[u + 1] {
                    let v = Int(neighbours[k])
                    if dist[v] < 0 { dist[v] = dist[u] + 1; order[tail] = Int32(v); tail += 1 }
                    if dist[v] == dist[u] + 1 { sigma[v] += sigma[u] }
                }
            }
            // Dependencies accumulate from the farthest vertices back, predecessors being the
            // neighbours one level closer.
            var i = tail - 1
            while i > 0 {
                let w = Int(order[i])
                for k in offsets[w]..<offsets[w + 1] {
                    let v = Int(neighbours[k])
                    if dist[v] == dist[w] - 1 { delta[v] += sigma[v] / sigma[w] * (1 + delta[w]) }
                }
                centrality[w] += delta[w]
                i -= 1
            }
        }
        // Each unordered pair was counted from both ends.
        var scale = 0.5
        if normalized && n > 2 { scale = 1.0 / (Double(n - 1) * Double(n - 2)) }
        return centrality.map { $0 * scale }
    }
}
