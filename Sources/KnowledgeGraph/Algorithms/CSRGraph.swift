/// An undirected graph over the vertices `0..<vertexCount` in compressed sparse row form: the
/// neighbours of `v` are `neighbours[offsets[v]..<offsets[v + 1]]`.
///
/// Every algorithm in this folder works on this one layout because it keeps each adjacency list
/// contiguous (one cache line serves several neighbours) and needs no hashing on the hot path;
/// string ids live in `GraphIndex`, outside the algorithms.
public struct CSRGraph: Sendable {
    /// The number of vertices.
    public let vertexCount: Int
    /// `vertexCount + 1` entries; `offsets[vertexCount]` is the number of adjacency entries.
    public let offsets: [Int]
    /// Adjacency entries: each undirected edge `{u, v}` appears as `v` in `u`'s list and `u` in
    /// `v`'s (a self-loop appears twice in its vertex's list).
    public let neighbours: [Int32]
    /// For each adjacency entry, the index of the input edge it came from.
    public let edgeIndex: [Int32]

    /// Builds the adjacency from an edge list by counting sort (linear time, two passes).
    ///
    /// - Parameters:
    ///   - vertexCount: vertices are `0..<vertexCount`; every endpoint must be in range.
    ///   - sources: first endpoints.
    ///   - targets: second endpoints, `targets.count == sources.count`.
    public init(vertexCount: Int, sources: [Int32], targets: [Int32]) {
        precondition(sources.count == targets.count, "sources and targets differ in length")
        self.vertexCount = vertexCount
        var degree = [Int](repeating: 0, count: vertexCount + 1)
        for k in 0..<sources.count {
            degree[Int(sources[k])] += 1
            degree[Int(targets[k])] += 1
        }
        var offsets = [Int](repeating: 0, count: vertexCount + 1)
        var running = 0
        for v in 0..<vertexCount {
            offsets[v] = running
            running += degree[v]
        }
        offsets[vertexCount] = running
        var cursor = offsets
        var neighbours = [Int32](repeating: 0, count: running)
        var edgeIndex = [Int32](repeating: 0, count: running)
        neighbours.withUnsafeMutableBufferPointer { nb in
            edgeIndex.withUnsafeMutableBufferPointer { eb in
                cursor.withUnsafeMutableBufferPointer { cur in
                    for k in 0..<sources.count {
                        let u = Int(sources[k]), v = Int(targets[k])
                        nb[cur[u]] = Int32(v); eb[cur[u]] = Int32(k); cur[u] += 1
                        nb[cur[v]] = Int32(u); eb[cur[v]] = Int32(k); cur[v] += 1
                    }
                }
            }
        }
        self.offsets = offsets
        self.neighbours = neighbours
        self.edgeIndex = edgeIndex
    }

    /// The number of input edges (half the adjacency entries).
    public var edgeCount: Int { neighbours.count / 2 }

    /// The number of adjacency entries of `v` (a self-loop counts twice).
    @inlinable public func degree(_ v: Int) -> Int { offsets[v + 1] - offsets[v] }

    /// The neighbours of `v`, in input order.
    public func neighbours(of v: Int) -> ArraySlice<Int32> { neighbours[offsets[v]..<offsets[v + 1]] }
}
