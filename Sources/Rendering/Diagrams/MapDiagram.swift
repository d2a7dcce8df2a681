import Foundation
import KnowledgeGraph

/// Places at their coordinates (equirectangular projection around the mean latitude, pinned
/// with neato's `pos="x,y!"`), partnership lines across the map, a light graticule for
/// orientation. Names sit in free label nodes tied to their point by a short leader line, so
/// that neato's overlap removal can move the names apart while the points stay put: places a
/// few kilometres apart (Барлебен, Магдебург) stay readable.
public enum MapDiagram {
    public struct Options: Sendable {
        public var title: String? = "Партнёрские связи на карте"
        public var includeVisits = true
        /// Drawing area in inches (before Graphviz scales to the page).
        public var width = 10.0
        public var height = 6.5
        public init() {}
    }

    /// Degrees → inches, equirectangular: x = λ·cos φ₀, y = φ.
    struct Projection {
        var minLon: Double, maxLon: Double, minLat: Double, maxLat: Double
        var cosPhi0: Double
        var scale: Double

        init(points: [(lat: Double, lon: Double)], width: Double, height: Double) {
            minLon = points.map(\.lon).min() ?? 0
            maxLon = points.map(\.lon).max() ?? 1
            minLat = points.map(\.lat).min() ?? 0
            maxLat = points.map(\.lat).max() ?? 1
            // Margins of a few degrees so that points are not on the frame.
            minLon -= 4; maxLon += 4; minLat -= 3; maxLat += 3
            cosPhi0 = max(0.2, cos((minLat + maxLat) / 2 * .pi / 180))
            let dx = max(1, (maxLon - minLon) * cosPhi0)
            let dy = max(1, maxLat - minLat)
            scale = min(width / dx, height / dy)
        }

        func xy(lat: Double, lon: Double) -> (Double, Double) {
            ((lon - minLon) * cosPhi0 * scale, (lat - minLat) * scale)
        }
    }

    static func pos(_ p: (Double, Double)) -> DOTValue {
        .text(String(format: "%.3f,%.3f!", p.0, p.1))
    }

    public static func make(_ graph: Graph, options: Options = Options()) -> Diagram {
        let g = graph.sorted()
        let byID = g.nodesByID
        let reporters = g.diagramReporters
        let pairs = PlacePair.all(in: g, includeVisits: options.includeVisits)
        var wanted = reporters.filter { byID[$0] != nil }
        for p in pairs { wanted.insert(p.a); wanted.insert(p.b) }
        var located: [(node: Node, lat: Double, lon: Double)] = []
        var unlocated: [String] = []
        for node in g.nodes where wanted.contains(node.id) {
            // Countries are areas, not points: a dot in the middle of Russia would mislead.
            guard node.type != .country else { continue }
            if let lat = node.attributes["lat"]?.doubleValue, let lon = node.attributes["lon"]?.doubleValue,
               (-90...90).contains(lat), (-180...180).contains(lon) {
                located.append((node, lat, lon))
            } else {
                unlocated.append(node.name)
            }
        }
        let projection = Projection(points: located.map { ($0.lat, $0.lon) }, width: options.width, height: options.height)
        let palette = CountryPalette(located.map(\.node.country))

        var dot = DOTGraph(directed: true)
        dot.graphAttributes = Page.attributes(landscape: true) + [
            ("overlap", "true"), ("splines", "false"),
            ("start", "1"), ("outputorder", "edgesfirst"), ("labelloc", "t"), ("notranslate", "true"),
        ]
        dot.nodeDefaults = [("fontname", .text(GraphStyle.fontName)), ("fontsize", "12")]
        dot.edgeDefaults = [("fontname", .text(GraphStyle.fontName)), ("arrowsize", "0.6")]

        // Graticule every 10° (or 20° for wide maps), drawn first so everything else is on top.
        // No grid on an empty map: lines around nothing would suggest a place at 0°, 0°.
        let step = (projection.maxLon - projection.minLon) > 120 ? 20.0 : 10.0
        var k = 0
        func gridPoint(_ p: (Double, Double)) -> String {
            k += 1
            let id = "g\(k)"
            dot.nodes.append(DOTGraph.Node(id: id, attributes: [("shape", "point"), ("width", "0.01"), ("style", "invis"), ("pos", pos(p))]))
            return id
        }
        var lat = located.isEmpty ? .infinity : (projection.minLat / step).rounded(.up) * step
        while lat <= projection.maxLat {
            let a = gridPoint(projection.xy(lat: lat, lon: projection.minLon))
            let b = gridPoint(projection.xy(lat: lat, lon: projection.maxLon))
            dot.edges.append(DOTGraph.Edge(source: a, target: b, attributes: [
                ("color", "#dddddd"), ("dir", "none"), ("headlabel", .text(String(format: "%.0f°", lat))),
                ("labelfontsize", "9"), ("labelfontcolor", "#999999"), ("labelangle", "0"), ("labeldistance", "2")]))
            lat += step
        }
        var lon = located.isEmpty ? .infinity : (projection.minLon / step).rounded(.up) * step
        while lon <= projection.maxLon {
            let a = gridPoint(projection.xy(lat: projection.minLat, lon: lon))
            let b = gridPoint(projection.xy(lat: projection.maxLat, lon: lon))
            dot.edges.append(DOTGraph.Edge(source: a, target: b, attributes: [
                ("color", "#dddddd"), ("dir", "none"), ("taillabel", .text(String(format: "%.0f°", lon))),
                ("labelfontsize", "9"), ("labelfontcolor", "#999999"), ("labelangle", "0"), ("labeldistance", "1.5")]))
            lon += step
        }

        var dotID: [String: String] = [:]
        var placer = LabelPlacer()
        let points = located.map { place -> (Double, Double, Double) in
            let xy = projection.xy(lat: place.lat, lon: place.lon)
            return (xy.0, xy.1, reporters.contains(place.node.id) ? 0.11 : 0.07)
        }
        for p in points { placer.blockPoint(x: p.0, y: p.1, radius: p.2) }
        // Reporting cities get the best label spots, then the others in a fixed order.
        let order = located.indices.sorted { a, b in
            let ra = reporters.contains(located[a].node.id), rb = reporters.contains(located[b].node.id)
            if ra != rb { return ra }
            return located[a].node.id < located[b].node.id
        }
        for i in order {
            let place = located[i]
            let id = "p\(i)", labelID = "l\(i)"
            dotID[place.node.id] = id
            let emphasised = reporters.contains(place.node.id)
            let (x, y, r) = points[i]
            dot.nodes.append(DOTGraph.Node(id: id, attributes: [
                ("shape", "circle"), ("label", ""), ("style", "filled"), ("fixedsize", "true"),
                ("width", .text(String(format: "%.2f", 2 * r))), ("penwidth", .text(emphasised ? "2.5" : "1")),
                ("fillcolor", .text(palette.fill(place.node.country))),
                ("pos", pos((x, y))), ("tooltip", .text(place.node.name)),
            ]))
            let fontSize = emphasised ? 14.0 : 12.0
            let spot = placer.place(x: x, y: y, radius: r, text: place.node.name, fontSize: fontSize, bold: emphasised)
            var labelAttrs: [(String, DOTValue)] = [
                ("shape", "plaintext"), ("label", emphasised ? .html(DiagramText.bold(place.node.name)) : .text(place.node.name)), ("margin", "0"),
                ("width", "0"), ("height", "0"), ("fontsize", .text(String(format: "%.0f", fontSize))),
                ("pos", pos((spot.x, spot.y))),
            ]
            dot.nodes.append(DOTGraph.Node(id: labelID, attributes: labelAttrs))
            if spot.needsLeader {
                dot.edges.append(DOTGraph.Edge(source: id, target: labelID, attributes: [
                    ("dir", "none"), ("color", "#999999"), ("penwidth", "0.6"), ("style", "dotted")]))
            }
        }
        var relations: [PlaceLook.Relation] = []
        for p in pairs {
            guard let a = dotID[p.a], let b = dotID[p.b] else { continue }
            relations.append(p.relation)
            dot.edges.append(DOTGraph.Edge(source: a, target: b, attributes: p.edgeAttributes))
        }
        var subtitle = "равнопромежуточная проекция; размер точки: крупная — город, составивший отчёт"
        if located.isEmpty {
            subtitle = "ни у одного места нет координат (lat/lon): карту не из чего построить"
        }
        if !unlocated.isEmpty {
            subtitle += "\nбез координат не показаны: " + unlocated.sorted().joined(separator: ", ")
        }
        var legend = PlaceLook.legend(
            title: options.title, subtitle: DiagramText.wrap(subtitle, width: 110), countries: located.map(\.node.country),
            names: CountryPalette.names(in: g), palette: palette, relations: relations, shapes: [])
        legend.columns = 5
        dot.graphAttributes.append(("label", .html(legend.html())))
        return Diagram(dot: dot, layout: .neato)
    }
}

/// Greedy label placement for pinned points: each name goes to the first free spot around its
/// point (right, left, above, below, the diagonals, then farther rings), avoiding every point and
/// every name already placed. Graphviz's own overlap removal cannot be used here because it
/// would have to move the pinned points.
struct LabelPlacer {
    struct Box {
        var minX, minY, maxX, maxY: Double
        func overlaps(_ o: Box) -> Bool { minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY }
    }

    var taken: [Box] = []

    mutating func blockPoint(x: Double, y: Double, radius: Double) {
        taken.append(Box(minX: x - radius, minY: y - radius, maxX: x + radius, maxY: y + radius))
    }

    /// The centre of the label, and whether it sits far enough from its point to need a leader line.
    mutating func place(x: Double, y: Double, radius: Double, text: String, fontSize: Double, bold: Bool = false) -> (x: Double, y: Double, needsLeader: Bool) {
        // DejaVu Sans: Cyrillic glyphs average a little over 0.6 em; a margin keeps names apart.
        let w = Double(text.count) * fontSize * (bold ? 0.74 : 0.64) / 72 + 0.08
        let h = fontSize * 1.25 / 72 + 0.04
        let gap = radius + 0.03
        let directions: [(Double, Double)] = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1)]
        var fallback: (Double, Double)?
        for ring in 0..<8 {
            let extra = Double(ring) * 0.22
            for (dx, dy) in directions {
                let cx = x + dx * (gap + w / 2 + extra)
                let cy = y + dy * (gap + h / 2 + extra)
                let box = Box(minX: cx - w / 2, minY: cy - h / 2, maxX: cx + w / 2, maxY: cy + h / 2)
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
