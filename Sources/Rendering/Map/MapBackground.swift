import Foundation

/// The land under a map's places, as Graphviz's `_background`: xdot drawing operations in the
/// graph's coordinates (points), drawn below every node and edge by every renderer (SVG, PNG,
/// PDF). Each country ring becomes one filled path: in SVG a `<path>` of straight segments
/// written as cubic Bézier pieces whose control points lie on the segment.
struct MapBackground {
    static let sea = "#eaf2f8"
    static let land = "#f3f1ea"
    static let border = "#b5b5b5"
    static let frame = "#7a7a7a"

    private(set) var operations = ""

    /// The panel's sea, its land clipped to the frame, then the frame.
    mutating func draw(_ panel: MapPanel, rings: [WorldOutlines.Ring]) {
        setPen(Self.frame, fill: Self.sea, width: 0.8)
        polygon(panel.corners, filled: true)
        setPen(Self.border, fill: Self.land, width: 0.4)
        for ring in rings {
            let points = panel.clip(ring.points)
            if !points.isEmpty { filledPath(points) }
        }
        setPen(Self.frame, fill: Self.sea, width: 0.8)
        polygon(panel.corners, filled: false)
    }

    /// An unfilled rectangle on `panel` marking the area an inset enlarges.
    mutating func outline(_ area: MapPanel, on panel: MapPanel) {
        let a = panel.xy(lat: area.minLat, lon: area.minLon), b = panel.xy(lat: area.maxLat, lon: area.maxLon)
        setPen(Self.frame, fill: Self.sea, width: 0.8)
        operations += "S 6 -dashed "
        polygon([(a.x, a.y), (b.x, a.y), (b.x, b.y), (a.x, b.y)], filled: false)
        operations += "S 5 -solid "
    }

    private mutating func setPen(_ pen: String, fill: String, width: Double) {
        let style = String(format: "setlinewidth(%.1f)", width)
        operations += "c \(pen.utf8.count) -\(pen) C \(fill.utf8.count) -\(fill) S \(style.utf8.count) -\(style) "
    }

    private mutating func polygon(_ inches: [(x: Double, y: Double)], filled: Bool) {
        operations += (filled ? "P " : "p ") + "\(inches.count) " + inches.map(Self.point).joined(separator: " ") + " "
    }

    private mutating func filledPath(_ inches: [(x: Double, y: Double)]) {
        var ring = inches
        if let first = ring.first, let last = ring.last, first != last { ring.append(first) }
        var pieces = [Self.point(ring[0])]
        for k in 1..<ring.count {
            pieces += [Self.point(ring[k - 1]), Self.point(ring[k]), Self.point(ring[k])]
        }
        operations += "b \(pieces.count) " + pieces.joined(separator: " ") + " "
    }

    private static func point(_ p: (x: Double, y: Double)) -> String {
        String(format: "%.1f %.1f", p.x * 72, p.y * 72)
    }
}
