/// A small, fast, seeded generator (xoshiro256**, seeded through SplitMix64), so that a benchmark
/// graph is the same on every machine and Swift version; the standard library's generator is
/// neither seedable nor specified.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    public init(seed: UInt64) {
        var z = seed
        func splitmix() -> UInt64 {
            z &+= 0x9E37_79B9_7F4A_7C15
            var x = z
            x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
            x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
            return x ^ (x >> 31)
        }
        s0 = splitmix(); s1 = splitmix(); s2 = splitmix(); s3 = splitmix()
    }

    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// Uniform in `0..<bound` (Lemire's multiply-shift; the tiny bias is irrelevant here).
    public mutating func below(_ bound: Int) -> Int {
        Int((UInt64(bound).multipliedFullWidth(by: next())).high)
    }
}

/// Synthetic graphs for benchmarks.
public enum SyntheticGraph {
    /// An undirected simple graph on `nodes` vertices with exactly `edges` edges (when
    /// `edges <= nodes * (nodes - 1) / 2`) and power-law degrees, by preferential attachment
    /// (Barabási–Albert): vertex `i` joins with a share of the edges, each to an earlier vertex
    /// chosen with probability proportional to its degree. Every vertex after the first gets at
    /// least one edge to an earlier one while edges last, so with `edges >= nodes - 1` the graph
    /// is connected and vertex 0 is its largest hub.
    ///
    /// - Returns: edge endpoints, `sources[k] > targets[k]` (the newer vertex first).
    public static func preferentialAttachment(nodes: Int, edges: Int, seed: UInt64) -> (sources: [Int32], targets: [Int32]) {
        precondition(nodes >= 1 && edges >= 0, "need at least one node and a non-negative edge count")
        var rng = SeededGenerator(seed: seed)
        var sources: [Int32] = [], targets: [Int32] = []
        sources.reserveCapacity(edges); targets.reserveCapacity(edges)
        // Each edge adds both endpoints here, so a uniform pick is a degree-proportional pick.
        var endpoints: [Int32] = []
        endpoints.reserveCapacity(2 * edges)
        var chosen: [Int32] = []
        var carried = 0
        for i in 1..<max(nodes, 1) {
            // Spread the edges evenly over the arrivals; a vertex cannot take more edges than
            // there are earlier vertices, and what it cannot take passes to the next one.
            let quota = edges * i / (nodes - 1) - edges * (i - 1) / (nodes - 1) + carried
            let take = min(quota, i)
            carried = quota - take
            chosen.removeAll(keepingCapacity: true)
            while chosen.count < take {
                let j: Int32
                if endpoints.isEmpty || (take == i) {
                    // Too few candidates to sample by rejection: take the earlier vertices in order.
                    j = Int32(chosen.count)
                } else {
                    j = endpoints[rng.below(endpoints.count)]
                }
                if !chosen.contains(j) { chosen.append(j) }
            }
            for j in chosen {
                sources.append(Int32(i)); targets.append(j)
                endpoints.append(Int32(i)); endpoints.append(j)
            }
        }
        return (sources, targets)
    }
}
