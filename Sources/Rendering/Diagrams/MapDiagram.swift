import Foundation
import KnowledgeGraph

/// Places at their coordinates over the world's country outlines (Natural Earth, see
/// `WorldOutlines`), partnership lines between them. The main panel spans every located place;
/// where places crowd (Europe, East Asia) an inset below enlarges the area, and there the
/// names are written, the main panel keeping only the dots inside a dashed frame. Points are
/// pinned with neato's `pos="x,y!"`; names are placed beside their dot by `LabelPlacer`, never
/// over another name or dot, with a dotted leader line when they had to move away.
public enum MapDiagram {
    public struct Options: Sendable {
        public var title: String? = "Партнёрские связи на карте"
        public var includeVisits = true
        /// Width of the drawing in inches (before Graphviz scales to the page); insets share it.
        public var width = 10.0
        /// Tallest the main panel and an inset may be, inches.
        public var height = 4.6
        public var insetHeight = 4.2
        public init() {}
    }

    /// A place with coordinates.
    struct Located {
        var node: Node
        var lat: Double, lon: Double
        var isReporter: Bool
        var radius: Double { isReporter ? 0.11 : 0.07 }
    }

    public static func make(_ graph: Graph, options: Options = Options()) -> Diagram {
        let g = graph.sorted().namesTruncatedForDrawing()
        let reporters = g.diagramReporters
        let pairs = PlacePair.all(in: g, includeVisits: options.includeVisits)
        let (located, unlocated) = places(in: g, pairs: pairs, reporters: reporters)
        let panels = layout(located, options: options)
        let palette = CountryPalette(located.map(\.node.country))

        var dot = DOTGraph(directed: true)
        dot.graphAttributes = Page.attributes(landscape: true) + [
            ("splines", "false"), ("outputorder", "edgesfirst"), ("labelloc", "t"),
        ]
        dot.nodeDefaults = [("fontname", .text(GraphStyle.fontName)), ("fontsize", "12")]
        dot.edgeDefaults = [("fontname", .text(GraphStyle.fontName)), ("arrowsize", "0.6")]

        var background = MapBackground()
        var relations: [PlaceLook.Relation] = []
        if !located.isEmpty {
            for (k, panel) in panels.enumerated() {
                background.draw(panel, rings: WorldOutlines.rings)
                pinCorners(of: panel, prefix: "f\(k)", into: &dot)
                if let title = panel.title { pinTitle(title, above: panel, id: "t\(k)", into: &dot) }
            }
            for inset in panels.dropFirst() { background.outline(inset, on: panels[0]) }
            for (k, panel) in panels.enumerated() {
                let insets = k == 0 ? Array(panels.dropFirst()) : []
                let drawn = draw(located, on: panel, panelIndex: k, labelled: { place in
                    !insets.contains { $0.contains(lat: place.lat, lon: place.lon) }
                }, palette: palette, into: &dot)
                for p in pairs {
                    guard let a = drawn[p.a], let b = drawn[p.b] else { continue }
                    relations.append(p.relation)
                    dot.edges.append(DOTGraph.Edge(source: a, target: b, attributes: p.edgeAttributes))
                }
            }
            dot.graphAttributes.append(("_background", .text(background.operations)))
        }

        var subtitle = "равнопромежуточная проекция; границы стран: Natural Earth (общественное достояние); "
            + "крупная точка — город, составивший отчёт"
        if located.isEmpty {
            subtitle = "ни у одного места нет координат (lat/lon): карту не из чего построить"
        }
        if !unlocated.isEmpty {
            subtitle += "\nне показаны: " + unlocated.map { "\($0.key) — \($0.value.sorted().joined(separator: ", "))" }
                .sorted().joined(separator: "; ")
        }
        var legend = PlaceLook.legend(
            title: options.title, subtitle: subtitle.split(separator: "\n").map { DiagramText.wrap(String($0), width: 130) }.joined(separator: "\n"), countries: located.map(\.node.country),
            names: CountryPalette.names(in: g), palette: palette, relations: relations, shapes: [])
        legend.columns = 5
        dot.graphAttributes.append(("label", .html(legend.html())))
        return Diagram(dot: dot, layout: .neato, pinned: true)
    }

    /// The places the map is about (reporters and the ends of the lines), with coordinates, and
    /// the names of those without, grouped by the reason they have none.
    static func places(in g: Graph, pairs: [PlacePair], reporters: Set<String>) -> (located: [Located], unlocated: [String: [String]]) {
        var wanted = reporters
        for p in pairs { wanted.insert(p.a); wanted.insert(p.b) }
        var located: [Located] = []
        var unlocated: [String: [String]] = [:]
        for node in g.nodes where wanted.contains(node.id) {
            // Countries are areas, not points: a dot in the middle of Russia would mislead.
            guard node.type != .country else { continue }
            if let lat = node.attributes["lat"]?.doubleValue, let lon = node.attributes["lon"]?.doubleValue,
               (-90...90).contains(lat), (-180...180).contains(lon) {
                located.append(Located(node: node, lat: lat, lon: lon, isReporter: reporters.contains(node.id)))
            } else {
                unlocated[reasonForNoCoordinates(node), default: []].append(node.name)
            }
        }
        return (located, unlocated)
    }

    /// Why a place has no point: regions are areas (the gazetteer gives them no point), other
    /// places are either not in the gazetteer or in it without coordinates.
    static func reasonForNoCoordinates(_ node: Node) -> String {
        if node.type == .region { return "регионы (область, а не точка)" }
        if node.attributes["geonames"] != nil { return "в справочнике мест без координат" }
        return "нет в справочнике мест (GeoNames)"
    }

    /// The main panel around every place, then an inset for each crowded area, side by side below it.
    static func layout(_ located: [Located], options: Options) -> [MapPanel] {
        let lats = located.map(\.lat), lons = located.map(\.lon)
        // Margins leave room for the names of the places nearest the frame.
        var main = MapPanel(minLon: (lons.min() ?? 0) - 8, maxLon: (lons.max() ?? 1) + 10,
                            minLat: (lats.min() ?? 0) - 5, maxLat: (lats.max() ?? 1) + 8,
                            width: options.width, height: options.height)
        let areas = CrowdedArea.candidates.filter { area in
            let inside = located.filter { (area.minLon...area.maxLon).contains($0.lon) && (area.minLat...area.maxLat).contains($0.lat) }
            let span = area.maxLon - area.minLon
            return inside.count >= CrowdedArea.minimumPlaces && (main.maxLon - main.minLon) > 2 * span
        }
        guard !areas.isEmpty else { return [main] }
        let gap = 0.4
        let insetWidth = (options.width - gap * Double(areas.count - 1)) / Double(areas.count)
        var insets = areas.map { a in
            MapPanel(title: a.title, minLon: a.minLon, maxLon: a.maxLon, minLat: a.minLat, maxLat: a.maxLat,
                     width: insetWidth, height: options.insetHeight)
        }
        let insetsHeight = insets.map(\.height).max() ?? 0
        var x = 0.0
        for k in insets.indices {
            insets[k].origin = (x + (insetWidth - insets[k].width) / 2, insetsHeight - insets[k].height)
            x += insetWidth + gap
        }
        main.origin = ((options.width - main.width) / 2, insetsHeight + gap)
        return [main] + insets
    }

    /// Invisible points at the frame's corners, so that Graphviz's bounding box holds the whole panel.
    static func pinCorners(of panel: MapPanel, prefix: String, into dot: inout DOTGraph) {
        for (k, corner) in panel.corners.enumerated() {
            dot.nodes.append(DOTGraph.Node(id: "\(prefix)c\(k)", attributes: [
                ("shape", "point"), ("width", "0.01"), ("style", "invis"), ("pos", pos(corner))]))
        }
    }

    /// An inset's name just above its frame's left end, where no place can be.
    static func pinTitle(_ title: String, above panel: MapPanel, id: String, into dot: inout DOTGraph) {
        let size = LabelPlacer.size(of: title, fontSize: 12, bold: true)
        let corner = panel.corners[3]
        dot.nodes.append(DOTGraph.Node(id: id, attributes: [
            ("shape", "plaintext"), ("label", .html(DiagramText.bold(title))), ("margin", "0"), ("width", "0"), ("height", "0"),
            ("fontsize", "12"), ("pos", pos((corner.x + size.width / 2, corner.y + size.height / 2))),
        ]))
    }

    /// The dots of the places inside `panel`, and the names of those `labelled` says to name;
    /// returns the DOT id of each place's dot.
    static func draw(_ located: [Located], on panel: MapPanel, panelIndex: Int, labelled: (Located) -> Bool,
                     palette: CountryPalette, into dot: inout DOTGraph) -> [String: String] {
        let inside = located.indices.filter { panel.contains(lat: located[$0].lat, lon: located[$0].lon) }
        let corners = panel.corners
        let bounds = LabelPlacer.Box(minX: corners[0].x + 0.03, minY: corners[0].y + 0.03, maxX: corners[2].x - 0.03, maxY: corners[2].y - 0.03)
        var placer = LabelPlacer()
        for i in inside {
            let xy = panel.xy(lat: located[i].lat, lon: located[i].lon)
            placer.blockPoint(x: xy.x, y: xy.y, radius: located[i].radius)
        }
        // Reporting cities get the best label spots, then the others in id order.
        let order = inside.sorted { a, b in
            if located[a].isReporter != located[b].isReporter { return located[a].isReporter }
            return located[a].node.id < located[b].node.id
        }
        var dotID: [String: String] = [:]
        let suffix = panelIndex == 0 ? "" : "i\(panelIndex)"
        for i in order {
            let place = located[i]
            let id = "p\(i)\(suffix)", labelID = "l\(i)\(suffix)"
            dotID[place.node.id] = id
            let xy = panel.xy(lat: place.lat, lon: place.lon)
            dot.nodes.append(DOTGraph.Node(id: id, attributes: [
                ("shape", "circle"), ("label", ""), ("style", "filled"), ("fixedsize", "true"),
                ("width", .text(String(format: "%.2f", 2 * place.radius))), ("penwidth", .text(place.isReporter ? "2.5" : "1")),
                ("fillcolor", .text(palette.fill(place.node.country))),
                ("pos", pos(xy)), ("tooltip", .text(place.node.name)),
            ]))
            guard labelled(place) else { continue }
            let name = place.node.name
            let fontSize = place.isReporter ? 13.0 : 10.0
            let spot = placer.place(x: xy.x, y: xy.y, radius: place.radius, text: name, fontSize: fontSize,
                                    bold: place.isReporter, within: bounds)
            dot.nodes.append(DOTGraph.Node(id: labelID, attributes: [
                ("shape", "plaintext"), ("label", place.isReporter ? .html(DiagramText.bold(name)) : .text(name)), ("margin", "0"),
                ("width", "0"), ("height", "0"), ("fontsize", .text(String(format: "%.0f", fontSize))),
                ("pos", pos((spot.x, spot.y))),
            ]))
            if spot.needsLeader {
                dot.edges.append(DOTGraph.Edge(source: id, target: labelID, attributes: [
                    ("dir", "none"), ("color", "#555555"), ("penwidth", "0.7")]))
            }
        }
        return dotID
    }

    /// A pinned position given in inches, written in points for the "nop" engine.
    static func pos(_ p: (x: Double, y: Double)) -> DOTValue {
        .text(String(format: "%.2f,%.2f!", p.x * 72, p.y * 72))
    }
}
