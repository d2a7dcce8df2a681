extension CSRGraph {
    /// The vertices within `depth` hops of `center`, the center first, then in breadth-first
    /// order, each with its distance.
    public func neighbourhood(of center: Int, depth: Int) -> (vertices: [Int32], distances: [Int32]) {
        var seen = [Bool](repeating: false, count: vertexCount)
        var order: [Int32] = [Int32(center)]
        var dist: [Int32] = [0]
        seen[center] = true
        var levelStart = 0
        offsets.withUnsafeBufferPointer { off in
        neighbours.withUnsafeBufferPointer { nb in
        seen.withUnsafeMutableBufferPointer { sn in
            var d: Int32 = 0
            while Int(d) < depth && levelStart < order.count {
                let levelEnd = order.count
                d += 1
                for i in levelStart..<levelEnd {
                    let u = Int(order[i])
                    for k in off[u]..<off[u + 1] {
                        let v = Int(nb[k])
                        if !sn[v] { sn[v] = true; order.append(Int32(v)); dist.append(d) }
                    }
                }
                levelStart = levelEnd
            }
        }}}
        return (order, dist)
    }

    /// The vertices adjacent to both `a` and `b` (excluding `a` and `b`), ascending.
    public func commonNeighbours(_ a: Int, _ b: Int) -> [Int] {
        let na = Set(neighbours(of: a).map(Int.init))
        var common = Set<Int>()
        for v in neighbours(of: b) where na.contains(Int(v)) && Int(v) != a && Int(v) != b {
            common.insert(Int(v))
        }
        return common.sorted()
    }
}
