import Foundation

extension CSRGraph {
    /// How far a long centrality computation has got: sources done out of all.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    /// Betweenness from the shortest paths out of `sources` only, spread over `threads` threads.
    ///
    /// With every vertex as a source this is `betweenness(normalized:)` exactly (the sum of the
    /// same terms, in another order). With `k` sources drawn at random it is Brandes and Pich's
    /// estimate (2007): each source's dependencies scaled by `n / k`, an unbiased estimate of the
    /// exact value. `progress`, when given, is called from the worker threads about a hundred
    /// times in all.
    public func betweenness(sources: [Int], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                            normalized: Bool = false, progress: Progress? = nil) -> [Double] {
        let n = vertexCount
        guard n > 0, !sources.isEmpty else { return [Double](repeating: 0, count: n) }
        let workers = max(1, min(threads, sources.count))
        let partial = PartialSums(workers: workers, count: n)
        let counter = DoneCounter(total: sources.count, progress: progress)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var scratch = BrandesScratch(count: n)
            var centrality = [Double](repeating: 0, count: n)
            var k = w
            while k < sources.count {
                accumulateDependencies(from: sources[k], into: &centrality, scratch: &scratch)
                counter.step()
                k += workers
            }
            partial.store(centrality, at: w)
        }
        var total = partial.sum()
        // Each unordered pair was counted from both ends; sampled sources stand for n / k each.
        var scale = 0.5 * Double(n) / Double(sources.count)
        if normalized && n > 2 { scale /= 0.5 * Double(n - 1) * Double(n - 2) }
        for v in 0..<n { total[v] *= scale }
        return total
    }

    /// `k` distinct source vertices drawn uniformly with a seeded generator (all of them when
    /// `k >= vertexCount`), for sampled betweenness.
    public func sampledSources(_ k: Int, seed: UInt64) -> [Int] {
        let n = vertexCount
        guard k < n else { return Array(0..<n) }
        var rng = SeededGenerator(seed: seed)
        var pool = Array(0..<n)
        for i in 0..<k { pool.swapAt(i, i + rng.below(n - i)) }
        return Array(pool[0..<k]).sorted()
    }

    /// One source's pass of Brandes' algorithm: breadth-first counts of shortest paths, then
    /// dependencies accumulated from the farthest vertices back, added to `centrality`.
    func accumulateDependencies(from s: Int, into centrality: inout [Double], scratch: inout BrandesScratch) {
        scratch.withBuffers { sigma, dist, delta, order in
            offsets.withUnsafeBufferPointer { off in
            neighbours.withUnsafeBufferPointer { nb in
            centrality.withUnsafeMutableBufferPointer { c in
                sigma[s] = 1; dist[s] = 0
                var head = 0, tail = 1
                order[0] = Int32(s)
                while head < tail {
                    let u = Int(order[head]); head += 1
                    let du = dist[u]
                    for k in off[u]..<off[u + 1] {
                        let v = Int(nb[k])
                        if dist[v] < 0 { dist[v] = du + 1; order[tail] = Int32(v); tail += 1 }
                        if dist[v] == du + 1 { sigma[v] += sigma[u] }
                    }
                }
                var i = tail - 1
                while i > 0 {
                    let w = Int(order[i])
                    let dw = dist[w], coefficient = (1 + delta[w]) / sigma[w]
                    for k in off[w]..<off[w + 1] {
                        let v = Int(nb[k])
                        if dist[v] == dw - 1 { delta[v] += sigma[v] * coefficient }
                    }
                    c[w] += delta[w]
                    i -= 1
                }
                // Reset only what this pass touched.
                for j in 0..<tail {
                    let v = Int(order[j])
                    sigma[v] = 0; dist[v] = -1; delta[v] = 0
                }
            }}}
        }
    }
}

/// Per-thread arrays for Brandes' algorithm, reset after each source.
struct BrandesScratch {
    var sigma: [Double]
    var dist: [Int32]
    var delta: [Double]
    var order: [Int32]

    init(count: Int) {
        sigma = [Double](repeating: 0, count: count)
        dist = [Int32](repeating: -1, count: count)
        delta = [Double](repeating: 0, count: count)
        order = [Int32](repeating: 0, count: count)
    }

    mutating func withBuffers(_ body: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Int32>,
                                       UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Int32>) -> Void) {
        sigma.withUnsafeMutableBufferPointer { s in
        dist.withUnsafeMutableBufferPointer { d in
        delta.withUnsafeMutableBufferPointer { dl in
        order.withUnsafeMutableBufferPointer { o in
            body(s, d, dl, o)
        }}}}
    }
}

/// Each worker's sums, added up once all are done.
private final class PartialSums: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [[Double]]
    private let count: Int

    init(workers: Int, count: Int) {
        parts = Array(repeating: [], count: workers)
        self.count = count
    }

    func store(_ values: [Double], at worker: Int) {
        lock.lock(); parts[worker] = values; lock.unlock()
    }

    func sum() -> [Double] {
        lock.lock(); defer { lock.unlock() }
        var total = [Double](repeating: 0, count: count)
        for p in parts { for v in 0..<p.count { total[v] += p[v] } }
        return total
    }
}

/// Counts finished sources across threads and reports every hundredth of the total.
private final class DoneCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let stride: Int
    private let progress: CSRGraph.Progress?

    init(total: Int, progress: CSRGraph.Progress?) {
        self.total = total
        self.progress = progress
        stride = max(1, total / 100)
    }

    func step() {
        guard let progress else { return }
        lock.lock()
        done += 1
        let d = done
        lock.unlock()
        if d % stride == 0 || d == total { progress(d, total) }
    }
}
