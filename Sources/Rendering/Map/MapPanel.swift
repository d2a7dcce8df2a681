import Foundation

/// One framed map on the page: a box of longitudes and latitudes drawn in an equirectangular
/// projection (x = λ·cos φ₀, y = φ, φ₀ the box's middle latitude) at `origin`, in inches. A
/// diagram has a main panel and, where places crowd, insets of the same kind at a larger scale.
struct MapPanel {
    /// Shown at the inset's corner and on the main map around the area it enlarges.
    var title: String?
    var minLon, maxLon, minLat, maxLat: Double
    var cosPhi0: Double
    /// Inches per degree of latitude.
    var scale: Double
    /// Lower-left corner on the page, inches.
    var origin: (x: Double, y: Double) = (0, 0)

    /// The box fitted into `width` × `height` inches, at the largest scale that fits both.
    init(title: String? = nil, minLon: Double, maxLon: Double, minLat: Double, maxLat: Double, width: Double, height: Double) {
        self.title = title
        self.minLon = max(-180, minLon); self.maxLon = min(180, maxLon)
        self.minLat = max(-90, minLat); self.maxLat = min(90, maxLat)
        cosPhi0 = max(0.2, cos((self.minLat + self.maxLat) / 2 * .pi / 180))
        let dx = max(1, (self.maxLon - self.minLon) * cosPhi0)
        let dy = max(1, self.maxLat - self.minLat)
        scale = min(width / dx, height / dy)
    }

    var width: Double { (maxLon - minLon) * cosPhi0 * scale }
    var height: Double { (maxLat - minLat) * scale }

    func contains(lat: Double, lon: Double) -> Bool {
        (minLon...maxLon).contains(lon) && (minLat...maxLat).contains(lat)
    }

    /// Page position, inches.
    func xy(lat: Double, lon: Double) -> (x: Double, y: Double) {
        (origin.x + (lon - minLon) * cosPhi0 * scale, origin.y + (lat - minLat) * scale)
    }

    /// The frame's corners on the page, counter-clockwise from the lower left.
    var corners: [(x: Double, y: Double)] {
        [(origin.x, origin.y), (origin.x + width, origin.y), (origin.x + width, origin.y + height), (origin.x, origin.y + height)]
    }

    /// The part of a closed ring of (lon, lat) inside the box, projected; empty if none is.
    /// Sutherland–Hodgman clipping against the four sides: a concave country stays one
    /// polygon, with stretches along the frame where it was cut.
    func clip(_ ring: [(lon: Double, lat: Double)]) -> [(x: Double, y: Double)] {
        var points = ring.map { (x: $0.lon, y: $0.lat) }
        let sides: [(inside: ((x: Double, y: Double)) -> Bool, cut: ((x: Double, y: Double), (x: Double, y: Double)) -> (x: Double, y: Double))] = [
            ({ $0.x >= minLon }, { a, b in Self.cut(a, b, x: minLon) }),
            ({ $0.x <= maxLon }, { a, b in Self.cut(a, b, x: maxLon) }),
            ({ $0.y >= minLat }, { a, b in Self.cut(a, b, y: minLat) }),
            ({ $0.y <= maxLat }, { a, b in Self.cut(a, b, y: maxLat) }),
        ]
        for side in sides {
            guard let last = points.last else { break }
            var kept: [(x: Double, y: Double)] = []
            var previous = last
            for point in points {
                switch (side.inside(point), side.inside(previous)) {
                case (true, true): kept.append(point)
                case (true, false): kept.append(side.cut(previous, point)); kept.append(point)
                case (false, true): kept.append(side.cut(previous, point))
                case (false, false): break
                }
                previous = point
            }
            points = kept
        }
        guard points.count >= 3 else { return [] }
        return points.map { xy(lat: $0.y, lon: $0.x) }
    }

    private static func cut(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double), x: Double) -> (x: Double, y: Double) {
        let t = (x - a.x) / (b.x - a.x)
        return (x, a.y + t * (b.y - a.y))
    }

    private static func cut(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double), y: Double) -> (x: Double, y: Double) {
        let t = (y - a.y) / (b.y - a.y)
        return (a.x + t * (b.x - a.x), y)
    }
}

/// Areas where a country's partners usually crowd. An area becomes an inset when it holds
/// enough places and the main map draws it at less than half the inset's scale.
enum CrowdedArea {
    struct Area {
        var title: String
        var minLon, maxLon, minLat, maxLat: Double
    }

    static let candidates = [
        Area(title: "Европа", minLon: -11, maxLon: 42, minLat: 35, maxLat: 66),
        Area(title: "Восточная Азия", minLon: 113, maxLon: 146, minLat: 30, maxLat: 53),
    ]

    /// Fewest places in an area that make it worth an inset.
    static let minimumPlaces = 6
}
