/// Greedy label placement for pinned points: each name goes to the first free spot around its
/// point (right, left, above, below, the diagonals, then farther rings), avoiding every point,
/// every name already placed and the outside of its panel. Graphviz's own overlap removal
/// cannot be used here because it would have to move the pinned points.
struct LabelPlacer {
    struct Box {
        var minX, minY, maxX, maxY: Double
        func overlaps(_ o: Box) -> Bool { minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY }
        func inside(_ o: Box) -> Bool { minX >= o.minX && maxX <= o.maxX && minY >= o.minY && maxY <= o.maxY }
    }

    var taken: [Box] = []

    mutating func blockPoint(x: Double, y: Double, radius: Double) {
        taken.append(Box(minX: x - radius, minY: y - radius, maxX: x + radius, maxY: y + radius))
    }

    mutating func block(_ box: Box) { taken.append(box) }

    /// The size in inches DejaVu Sans gives `text`, generously: Cyrillic glyphs average about
    /// 0.65 em and wide ones (Ю, Ж, Щ) reach 0.9; a margin keeps names apart.
    static func size(of text: String, fontSize: Double, bold: Bool) -> (width: Double, height: Double) {
        (Double(text.count) * fontSize * (bold ? 0.8 : 0.7) / 72 + 0.08, fontSize * 1.25 / 72 + 0.04)
    }

    /// The centre of the label, and whether it sits far enough from its point to need a leader
    /// line. With `within`, spots that leave that box are not taken.
    mutating func place(x: Double, y: Double, radius: Double, text: String, fontSize: Double, bold: Bool = false,
                        within bounds: Box? = nil) -> (x: Double, y: Double, needsLeader: Bool) {
        let (w, h) = Self.size(of: text, fontSize: fontSize, bold: bold)
        let gap = radius + 0.03
        let directions: [(Double, Double)] = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1)]
        var fallback: (Double, Double)?
        for ring in 0..<10 {
            let extra = Double(ring) * 0.2
            for (dx, dy) in directions {
                let cx = x + dx * (gap + w / 2 + extra)
                let cy = y + dy * (gap + h / 2 + extra)
                let box = Box(minX: cx - w / 2, minY: cy - h / 2, maxX: cx + w / 2, maxY: cy + h / 2)
                if let bounds, !box.inside(bounds) { continue }
                if fallback == nil { fallback = (cx, cy) }
                if !taken.contains(where: { $0.overlaps(box) }) {
                    taken.append(box)
                    return (cx, cy, ring > 0)
                }
            }
        }
        let (cx, cy) = fallback ?? (x + gap + w / 2, y)
        taken.append(Box(minX: cx - w / 2, minY: cy - h / 2, maxX: cx + w / 2, maxY: cy + h / 2))
        return (cx, cy, false)
    }
}
