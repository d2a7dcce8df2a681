import Foundation

/// Where the network writes each country's name once its places are laid out: beside one of
/// the country's own places, the one whose free side is nearest the middle of the group, on no
/// node and no other name. (Tied to the places by invisible edges instead, as before, a name
/// could float far away: partnerships pull the places towards their partners, not the name.)
enum CountryLabels {
    struct Label {
        var text: String
        var x, y: Double
    }

    /// `groups`: each country's name and its places' boxes (points); `obstacles`: every node.
    static func place(_ groups: [(name: String, places: [NodeBox])], obstacles: [NodeBox], fontSize: Double) -> [Label] {
        var taken = obstacles.map { box(of: $0, margin: 3) }
        var labels: [Label] = []
        // Big countries first: they have the most places to choose from and the most to lose.
        let ordered = groups.filter { !$0.places.isEmpty }.sorted { ($0.places.count, $1.name) > ($1.places.count, $0.name) }
        for group in ordered {
            let size = LabelPlacer.size(of: group.name, fontSize: fontSize, bold: false)
            let (w, h) = (size.width * 72, size.height * 72)
            let cx = group.places.map(\.x).reduce(0, +) / Double(group.places.count)
            let cy = group.places.map(\.y).reduce(0, +) / Double(group.places.count)
            var candidates: [(x: Double, y: Double)] = []
            for p in group.places {
                candidates += [
                    (p.x, p.y + p.height / 2 + h / 2 + 2), (p.x, p.y - p.height / 2 - h / 2 - 2),
                    (p.x + p.width / 2 + w / 2 + 4, p.y), (p.x - p.width / 2 - w / 2 - 4, p.y),
                ]
            }
            func free(_ c: (x: Double, y: Double)) -> Bool {
                let b = LabelPlacer.Box(minX: c.x - w / 2, minY: c.y - h / 2, maxX: c.x + w / 2, maxY: c.y + h / 2)
                return !taken.contains { $0.overlaps(b) }
            }
            let distance = { (c: (x: Double, y: Double)) in (c.x - cx) * (c.x - cx) + (c.y - cy) * (c.y - cy) }
            var spot = candidates.filter(free).min { (distance($0), $0.x, $0.y) < (distance($1), $1.x, $1.y) }
            if spot == nil { spot = spiral(from: (cx, cy), free: free) }
            let chosen = spot ?? (cx, cy)
            taken.append(LabelPlacer.Box(minX: chosen.x - w / 2, minY: chosen.y - h / 2, maxX: chosen.x + w / 2, maxY: chosen.y + h / 2))
            labels.append(Label(text: group.name, x: chosen.x, y: chosen.y))
        }
        return labels
    }

    /// The first free spot on circles of growing radius around `centre`, 12 points apart.
    private static func spiral(from centre: (x: Double, y: Double), free: ((x: Double, y: Double)) -> Bool) -> (x: Double, y: Double)? {
        for ring in 1...40 {
            let r = Double(ring) * 12
            for k in 0..<16 {
                let angle = Double(k) / 16 * 2 * .pi
                let c = (x: centre.x + r * cos(angle), y: centre.y + r * sin(angle))
                if free(c) { return c }
            }
        }
        return nil
    }

    private static func box(of n: NodeBox, margin: Double) -> LabelPlacer.Box {
        LabelPlacer.Box(minX: n.x - n.width / 2 - margin, minY: n.y - n.height / 2 - margin,
                        maxX: n.x + n.width / 2 + margin, maxY: n.y + n.height / 2 + margin)
    }
}
