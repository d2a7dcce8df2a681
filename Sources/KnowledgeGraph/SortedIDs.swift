/// Binary search over ids in ascending order (nodes and edges in id order, as `GraphQueries`
/// holds them and TwinGraph writes graph JSON), without building a table.
enum SortedIDs {
    /// The positions holding `id` among `count` ids in order, `idAt` giving each; empty when
    /// there is none.
    static func positions(of id: String, count: Int, idAt: (Int) -> String) -> Range<Int> {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if idAt(mid) < id { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < count, idAt(end) == id { end += 1 }
        return low..<end
    }
}
