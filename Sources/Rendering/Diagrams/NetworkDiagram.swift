import KnowledgeGraph

/// The whole partnership network: every place that takes part in a partnership or a visit,
/// grouped into one cluster per country, the reporting cities emphasised.
public enum NetworkDiagram {
    public struct Options: Sendable {
        public var title: String? = "Сеть партнёрских связей"
        /// Group places into one box per country.
        public var clusterByCountry = true
        /// Draw visits between places that are not partners (partners' visits are implied).
        public var includeVisits = true
        /// Above this many places the layout switches from dot (a fan) to neato (countries gathered).
        public var fanLimit = 30
        public init() {}
    }

    public static func make(_ graph: Graph, options: Options = Options()) -> Diagram {
        let g = graph.sorted().namesTruncatedForDrawing()
        let byID = g.nodesByID
        let reporters = g.diagramReporters
        let pairs = PlacePair.all(in: g, includeVisits: options.includeVisits)
        var shown = reporters.filter { byID[$0] != nil }
        for p in pairs { shown.insert(p.a); shown.insert(p.b) }

        var dot = DOTGraph(directed: true)
        dot.graphAttributes = Page.attributes(landscape: false) + [
            // dot reads rankdir/ranksep/nodesep; neato (large networks) reads overlap/sep/start.
            ("rankdir", "LR"), ("ranksep", "0.9"), ("nodesep", "0.12"), ("splines", "true"),
            ("K", "0.9"), ("overlap", "prism"), ("sep", "+6"), ("start", "1"),
            ("outputorder", "edgesfirst"), ("labelloc", "t"), ("newrank", "false"),
        ]
        dot.nodeDefaults = [("fontname", .text(GraphStyle.fontName)), ("fontsize", "13"), ("margin", "0.08,0.04")]
        dot.edgeDefaults = [("fontname", .text(GraphStyle.fontName)), ("fontsize", "10"), ("arrowsize", "0.7")]
        var dotID: [String: String] = [:]
        let shownNodes = g.nodes.filter { shown.contains($0.id) }
        let palette = CountryPalette(shownNodes.map(\.country))
        for (k, node) in shownNodes.enumerated() {
            dotID[node.id] = "n\(k)"
            dot.nodes.append(DOTGraph.Node(id: "n\(k)", attributes: PlaceLook.attributes(node, palette: palette, emphasised: reporters.contains(node.id))))
        }
        var relations: [PlaceLook.Relation] = []
        // dot ranks from tail to head: the reporting city (else the busier place) is the tail,
        // so reports sit on the left and their partners fan out to the right. Partners are
        // staggered over three columns (like `unflatten -l 3`) so that a long list of partners
        // does not become one column taller than the page.
        var degree: [String: Int] = [:]
        for p in pairs { degree[p.a, default: 0] += 1; degree[p.b, default: 0] += 1 }
        let staggered = shownNodes.count > 14
        for (k, p) in pairs.enumerated() {
            guard let a = dotID[p.a], let b = dotID[p.b] else { continue }
            relations.append(p.relation)
            let aFirst = reporters.contains(p.a) != reporters.contains(p.b)
                ? reporters.contains(p.a)
                : ((degree[p.a] ?? 0), p.b) >= ((degree[p.b] ?? 0), p.a)
            var attrs = p.edgeAttributes
            if !aFirst {
                // Keep the arrow meaning (who visited whom) while reversing the rank direction.
                attrs = attrs.map { key, value in
                    guard key == "dir", case .text(let d) = value else { return (key, value) }
                    return (key, .text(d == "forward" ? "back" : (d == "back" ? "forward" : d)))
                }
            }
            if staggered { attrs.append(("minlen", .text(String(1 + k % 3)))) }
            dot.edges.append(DOTGraph.Edge(source: aFirst ? a : b, target: aFirst ? b : a, attributes: attrs))
        }
        let names = CountryPalette.names(in: g)
        // Up to a few dozen places, dot's left-to-right fan (reports → partners by country) reads
        // best; beyond that its partner columns outgrow an A4 page and the network is laid out in
        // two dimensions by neato. (fdp would keep the cluster boxes, but Graphviz 2.43's fdp is
        // not reproducible from run to run, and Graphs/ must be.) In neato each country's places
        // gather around a label with the country's name, tied to it by invisible short edges.
        let large = shownNodes.count > options.fanLimit
        if large {
            // A landscape page, filled: the network is wider than tall like the page.
            dot.graphAttributes = dot.graphAttributes.map { $0.0 == "size" ? ("size", .text(Page.landscape)) : $0 }
        }
        var byCountry: [String: [String]] = [:]
        for node in shownNodes { if let c = node.country, let id = dotID[node.id] { byCountry[c, default: []].append(id) } }
        if options.clusterByCountry && !large {
            var byCountry: [String: [String]] = [:]
            for node in shownNodes { if let c = node.country, let id = dotID[node.id] { byCountry[c, default: []].append(id) } }
            for (code, ids) in byCountry.sorted(by: { $0.key < $1.key }) {
                dot.clusters.append(DOTGraph.Cluster(id: code, attributes: [
                    ("label", .text(names[code] ?? code)), ("style", "rounded,dashed"), ("color", "#999999"),
                    ("fontsize", "14"), ("fontcolor", "#555555"), ("margin", "12"),
                ], nodeIDs: ids))
            }
        }
        var legend = PlaceLook.legend(
            title: options.title, subtitle: reporters.isEmpty ? nil : "жирная рамка — город, составивший отчёт",
            countries: shownNodes.map(\.country), names: names, palette: palette,
            relations: relations, shapes: shownNodes.map(\.type))
        legend.columns = 4
        dot.graphAttributes.append(("label", .html(legend.html())))
        guard large else { return Diagram(dot: dot, layout: .dot) }
        let groups = options.clusterByCountry
            ? byCountry.sorted { $0.key < $1.key }
                // A country whose own node is drawn is named by it.
                .filter { code, ids in ids.count > 1 && !shownNodes.contains { $0.type == .country && $0.country == code } }
                .map { (name: names[$0.key] ?? $0.key, ids: $0.value) }
            : []
        guard let pinned = try? pinnedLayout(of: dot, countries: groups) else { return Diagram(dot: dot, layout: .neato) }
        return Diagram(dot: pinned, layout: .neato, pinned: true, free: dot)
    }

    /// Height over width of the drawing for a landscape page, leaving room for the legend.
    static let landscapeRatio = 0.6

    /// The places spread apart along one axis so that the drawing is `landscapeRatio` high for
    /// its width (spreading never makes two nodes overlap).
    static func stretched(_ boxes: [String: NodeBox]) -> [String: NodeBox] {
        let xs = boxes.values.map(\.x), ys = boxes.values.map(\.y)
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max(), maxX > minX, maxY > minY else { return boxes }
        let (w, h) = (maxX - minX, maxY - minY)
        let (sx, sy) = h / w > landscapeRatio ? (h / landscapeRatio / w, 1.0) : (1.0, w * landscapeRatio / h)
        return boxes.mapValues { b in NodeBox(x: minX + (b.x - minX) * sx, y: minY + (b.y - minY) * sy, width: b.width, height: b.height) }
    }

    /// Second pass of a large network: the places where neato put them (prism overlap removal),
    /// spread to the page's shape, moved off the lines they do not belong to (`LineClearance`)
    /// and pinned; each country's name beside its places (`CountryLabels`); straight lines.
    ///
    /// Measured on Graphs/graph.json with scripts/count-crossings.py (edge–node crossings), one
    /// neato pass: curved lines 37, straight 33, polyline 11, splines 8, orthogonal 0 (but its
    /// lines run together along shared channels). Two passes: straight 12; with LineClearance
    /// 3 (three lines of Хабаровск's crowded fan); Graphviz's spline router on the pinned nodes gives 1 but is not reproducible
    /// in-process (the same graph drawn twice in one process came out different), orthogonal
    /// is reproducible but bundles a hub's lines so that one cannot tell them apart.
    static func pinnedLayout(of dot: DOTGraph, countries: [(name: String, ids: [String])]) throws -> DOTGraph {
        var first = dot
        first.graphAttributes = first.graphAttributes.filter { $0.0 != "splines" } + [("splines", "false")]
        let laidOut = stretched(try Graphviz.nodeBoxes(dot: first.render(), layout: .neato))
        let boxes = LineClearance.clear(laidOut, edges: dot.edges.map { ($0.source, $0.target) })
        var pinned = dot
        for k in pinned.nodes.indices {
            guard let box = boxes[pinned.nodes[k].id] else { continue }
            pinned.nodes[k].attributes.append(("pos", .text(String(format: "%.2f,%.2f!", box.x, box.y))))
        }
        let fontSize = 15.0
        let labels = CountryLabels.place(countries.map { c in (c.name, c.ids.compactMap { boxes[$0] }) },
                                         obstacles: Array(boxes.values).sorted { ($0.x, $0.y) < ($1.x, $1.y) }, fontSize: fontSize)
        for (k, label) in labels.enumerated() {
            pinned.nodes.append(DOTGraph.Node(id: "country\(k)", attributes: [
                ("label", .text(label.text)), ("shape", "plaintext"), ("fontsize", .text(String(format: "%.0f", fontSize))),
                ("fontcolor", "#666666"), ("style", "solid"), ("margin", "0"), ("width", "0"), ("height", "0"),
                ("pos", .text(String(format: "%.2f,%.2f!", label.x, label.y))),
            ]))
        }
        pinned.graphAttributes = pinned.graphAttributes.filter { !["splines", "overlap"].contains($0.0) }
            + [("splines", "line")]
        return pinned
    }
}
