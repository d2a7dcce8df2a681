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
            // neato's obstacle-avoiding router orders its work by heap addresses, so routed
            // splines can differ between runs; curved lines avoid the router and stay reproducible.
            dot.graphAttributes = dot.graphAttributes.filter { $0.0 != "splines" } + [("splines", "curved")]
        }
        if options.clusterByCountry && large {
            var byCountry: [String: [String]] = [:]
            for node in shownNodes { if let c = node.country, let id = dotID[node.id] { byCountry[c, default: []].append(id) } }
            for (code, ids) in byCountry.sorted(by: { $0.key < $1.key }) where ids.count > 1 {
                let anchor = "country-\(code)"
                dot.nodes.append(DOTGraph.Node(id: anchor, attributes: [
                    ("label", .text(names[code] ?? code)), ("shape", "plaintext"), ("fontsize", "15"),
                    ("fontcolor", "#777777"), ("style", "solid"),
                ]))
                for id in ids {
                    dot.edges.append(DOTGraph.Edge(source: anchor, target: id, attributes: [
                        ("style", "invis"), ("len", "0.6"), ("weight", "4"), ("dir", "none"),
                    ]))
                }
            }
        } else if options.clusterByCountry {
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
        return Diagram(dot: dot, layout: large ? .neato : .dot)
    }
}
