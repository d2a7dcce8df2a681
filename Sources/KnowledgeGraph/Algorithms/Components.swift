extension CSRGraph {
    /// Connected components: `labels[v]` is the component of `v`, numbered in order of each
    /// component's smallest vertex; `count` components in all.
    public func connectedComponents() -> (labels: [Int32], count: Int) {
        let n = vertexCount
        var labels = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: max(n, 1))
        var count: Int32 = 0
        offsets.withUnsafeBufferPointer { off in
        neighbours.withUnsafeBufferPointer { nb in
        labels.withUnsafeMutableBufferPointer { lab in
        queue.withUnsafeMutableBufferPointer { q in
            for s in 0..<n where lab[s] < 0 {
                lab[s] = count
                var head = 0, tail = 1
                q[0] = Int32(s)
                while head < tail {
                    let u = Int(q[head]); head += 1
                    for k in off[u]..<off[u + 1] {
                        let v = Int(nb[k])
                        if lab[v] < 0 { lab[v] = count; q[tail] = Int32(v); tail += 1 }
                    }
                }
                count += 1
            }
        }}}}
        return (labels, Int(count))
    }
}
