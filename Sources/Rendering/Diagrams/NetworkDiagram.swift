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
        /// Above this many places the layout switches from dot (a fan) to fdp (packed clusters).
        public var fanLimit = 30
        public init() {}
    }

    public static func make(_ graph: Graph, options: Options = Options()) -> Diagram {
        let g = graph.sorted()
        let byID = g.nodesByID
        let reporters = g.diagramReporters
        let pairs = PlacePair.all(in: g, includeVisits: options.includeVisits)
        var shown = reporters.filter { byID[$0] != nil }
        for p in pairs { shown.insert(p.a); shown.insert(p.b) }

        var dot = DOTGraph(directed: true)
        dot.graphAttributes = Page.attributes(landscape: false) + [
            // dot reads rankdir/ranksep/nodesep; fdp (large networks) reads K/overlap/sep.
            ("rankdir", "LR"), ("ranksep", "0.9"), ("nodesep", "0.12"), ("splines", "true"),
            ("K", "0.9"), ("overlap", "prism"), ("sep", "+6"), ("start", "1"),
            ("outputorder", "edgesfirst"), ("labelloc", "t"), ("newrank", "false"),
        ]
        dot.nodeDefaults = [("fontname", .text(GraphStyle.fontName)), ("fontsize", "13"), ("margin", "0.08,0.04")]
        dot.edgeDefaults = [("fontname", .text(GraphStyle.fontName)), ("fontsize", "10"), ("arrowsize", "0.7")]
        var dotID: [String: String] = [:]
        let shownNodes = g.nodes.filter { shown.contains($0.id) }
        for (k, node) in shownNodes.enumerated() {
            dotID[node.id] = "n\(k)"
            dot.nodes.append(DOTGraph.Node(id: "n\(k)", attributes: PlaceLook.attributes(node, emphasised: reporters.contains(node.id))))
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
        if options.clusterByCountry {
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
            countries: shownNodes.map(\.country), names: names, relations: relations)
        legend.columns = 4
        dot.graphAttributes.append(("label", .html(legend.html())))
        // Up to a few dozen places, dot's left-to-right fan (reports → partners by country) reads
        // best; beyond that its partner columns outgrow an A4 page, and fdp packs the country
        // clusters around the reporting cities in two dimensions instead.
        return Diagram(dot: dot, layout: shownNodes.count > options.fanLimit ? .fdp : .dot)
    }
}
