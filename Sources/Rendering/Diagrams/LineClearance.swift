import Foundation

/// Moves nodes off the straight lines of edges they do not belong to, so that no line seems
/// to join a place it passes (Омск–Павлодар through Пфорцхайм). Graphviz's spline router
/// would route around them instead, but in-process it orders its work by heap addresses and
/// draws the same graph differently from one call to the next; this is plain geometry on the
/// pinned positions and gives the same picture every time.
///
/// Each round looks at every (edge, node) pair in a fixed order; when the segment comes within
/// `margin` of the node's ellipse it pushes the node sideways, perpendicular to the segment,
/// just far enough, unless that would make it overlap another node. It stops when a round moves
/// nothing, or after `rounds`.
enum LineClearance {
    static func clear(_ boxes: [String: NodeBox], edges: [(String, String)], margin: Double = 5, rounds: Int = 40) -> [String: NodeBox] {
        var boxes = boxes
        let ids = boxes.keys.sorted()
        let edges = edges.filter { boxes[$0.0] != nil && boxes[$0.1] != nil && $0.0 != $0.1 }
        for _ in 0..<rounds {
            var moved = false
            for (a, b) in edges {
                for id in ids where id != a && id != b {
                    guard let p = boxes[a], let q = boxes[b], let n = boxes[id],
                          let push = push(n, offSegmentFrom: p, to: q, margin: margin) else { continue }
                    // Off the line on its own side, else across it to the other side.
                    for shift in [push.aside, push.across] {
                        let candidate = NodeBox(x: n.x + shift.x, y: n.y + shift.y, width: n.width, height: n.height)
                        let clashes = ids.contains { other in
                            guard other != id, let o = boxes[other] else { return false }
                            return abs(o.x - candidate.x) * 2 < o.width + candidate.width + 2 * margin
                                && abs(o.y - candidate.y) * 2 < o.height + candidate.height + 2 * margin
                        }
                        if clashes { continue }
                        boxes[id] = candidate
                        moved = true
                        break
                    }
                }
            }
            if !moved { break }
        }
        return boxes
    }

    /// The shifts that take node `n` clear of segment p–q (its ellipse `margin` away) on the
    /// side it is on and on the other side, or nil if the segment does not come that close.
    static func push(_ n: NodeBox, offSegmentFrom p: NodeBox, to q: NodeBox, margin: Double)
        -> (aside: (x: Double, y: Double), across: (x: Double, y: Double))? {
        let dx = q.x - p.x, dy = q.y - p.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return nil }
        // Nearest point of the segment to the node's centre.
        let t = max(0, min(1, ((n.x - p.x) * dx + (n.y - p.y) * dy) / (length * length)))
        guard t > 0, t < 1 else { return nil }
        let (cx, cy) = (p.x + t * dx, p.y + t * dy)
        // Unit normal of the segment, towards the node's side.
        var (nx, ny) = (-dy / length, dx / length)
        let side = (n.x - cx) * nx + (n.y - cy) * ny
        if side < 0 { nx = -nx; ny = -ny }
        // The ellipse's half extent along the normal, plus the margin.
        let (rx, ry) = (n.width / 2, n.height / 2)
        let reach = ((rx * nx) * (rx * nx) + (ry * ny) * (ry * ny)).squareRoot() + margin
        let distance = abs(side)
        guard distance < reach else { return nil }
        let aside = reach - distance + 0.5, across = -(reach + distance + 0.5)
        return ((nx * aside, ny * aside), (nx * across, ny * across))
    }
}
