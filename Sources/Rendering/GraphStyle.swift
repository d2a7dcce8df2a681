import KnowledgeGraph

/// The default look of a TwinGraph diagram: a shape and colour per node type, a colour and line
/// style per edge type, and a legend of the types that appear.
public struct GraphStyle: Sendable {
    public struct NodeLook: Sendable {
        public var shape: String
        public var fill: String
        public var label: String
    }

    public struct EdgeLook: Sendable {
        public var color: String
        public var style: String
        public var directed: Bool
        public var label: String
    }

    public static func look(_ type: NodeType) -> NodeLook {
        switch type {
        case .city: return NodeLook(shape: "ellipse", fill: "#9ecae1", label: "город")
        case .region: return NodeLook(shape: "hexagon", fill: "#c7e9c0", label: "регион")
        case .country: return NodeLook(shape: "doubleoctagon", fill: "#fdd0a2", label: "страна")
        case .organisation: return NodeLook(shape: "box", fill: "#dadaeb", label: "организация")
        case .person: return NodeLook(shape: "house", fill: "#fcbba1", label: "персона")
        case .event: return NodeLook(shape: "note", fill: "#ffffb2", label: "событие")
        }
    }

    public static func look(_ type: EdgeType) -> EdgeLook {
        switch type {
        case .twinnedWith: return EdgeLook(color: "#08519c", style: "bold", directed: false, label: "побратимы")
        case .partnerOf: return EdgeLook(color: "#6baed6", style: "solid", directed: false, label: "партнёры")
        case .visited: return EdgeLook(color: "#e6550d", style: "solid", directed: true, label: "визит")
        case .signed: return EdgeLook(color: "#31a354", style: "solid", directed: true, label: "подписал")
        case .participatedIn: return EdgeLook(color: "#756bb1", style: "solid", directed: true, label: "участвовал")
        case .heldIn: return EdgeLook(color: "#969696", style: "dotted", directed: true, label: "место проведения")
        case .memberOf: return EdgeLook(color: "#8c6d31", style: "solid", directed: true, label: "член")
        case .locatedIn: return EdgeLook(color: "#bdbdbd", style: "dotted", directed: true, label: "находится в")
        case .holdsOffice: return EdgeLook(color: "#de2d26", style: "solid", directed: true, label: "должность")
        }
    }

    public static let fontName = "DejaVu Sans"

    /// Options for `dotGraph(for:)`.
    public struct Options: Sendable {
        /// Nodes drawn emphasised (thick border), e.g. the reporting cities.
        public var emphasised: Set<String> = []
        /// Nodes and edges (by edge id) drawn highlighted, e.g. a path.
        public var highlightedNodes: Set<String> = []
        public var highlightedEdges: Set<String> = []
        /// Group places into one cluster per country (honoured by dot and fdp).
        public var clusterByCountry = false
        /// Draw the year of each edge as its label.
        public var edgeYearLabels = false
        public var title: String?
        public var legend = true
        /// Layout seed for the force-directed layouts, so output is stable.
        public var seed = 1
        public init() {}
    }

    /// Builds the DOT graph for a knowledge graph. Node ids in DOT are positional (`n0`, `n1`…)
    /// so names never appear in identifiers; names are labels only.
    public static func dotGraph(for graph: Graph, options: Options = Options()) -> DOTGraph {
        let g = graph.sorted().namesTruncatedForDrawing()
        var dot = DOTGraph(directed: true)
        dot.graphAttributes = [
            ("charset", "UTF-8"), ("fontname", .text(fontName)), ("overlap", "prism"),
            // Obstacle-avoiding splines cost far more than the layout on large graphs.
            ("splines", g.nodes.count <= 300 ? "true" : "line"), ("outputorder", "edgesfirst"), ("start", .text(String(options.seed))),
            ("pad", "0.3"), ("sep", "+6"),
        ]
        if let title = options.title {
            dot.graphAttributes += [("label", .text(title)), ("labelloc", "t"), ("fontsize", "20")]
        }
        dot.nodeDefaults = [("fontname", .text(fontName)), ("fontsize", "11"), ("style", "filled")]
        dot.edgeDefaults = [("fontname", .text(fontName)), ("fontsize", "9")]
        var dotID: [String: String] = [:]
        for (k, node) in g.nodes.enumerated() {
            let id = "n\(k)"
            dotID[node.id] = id
            let look = look(node.type)
            var attrs: [(String, DOTValue)] = [
                ("label", .text(node.name)), ("shape", .text(look.shape)), ("fillcolor", .text(look.fill)),
                ("tooltip", .text(node.name)), ("id", .text("node-" + node.id)),
            ]
            if options.emphasised.contains(node.id) {
                attrs += [("penwidth", "3"), ("fontsize", "14")]
            }
            if options.highlightedNodes.contains(node.id) {
                attrs += [("color", "#d62728"), ("penwidth", "3")]
            }
            dot.nodes.append(DOTGraph.Node(id: id, attributes: attrs))
        }
        for edge in g.edges {
            guard let s = dotID[edge.source], let t = dotID[edge.target] else { continue }
            let look = look(edge.type)
            var style = look.style
            if edge.attributes["status"]?.stringValue == "planned" { style = "dashed" }
            var attrs: [(String, DOTValue)] = [
                ("color", .text(look.color)), ("style", .text(style)),
                ("tooltip", .text(look.label)),
            ]
            if !look.directed { attrs.append(("dir", "none")) }
            if options.edgeYearLabels, let y = edge.year { attrs.append(("label", .text(String(y)))) }
            if options.highlightedEdges.contains(edge.id) {
                attrs += [("color", "#d62728"), ("penwidth", "4")]
            }
            dot.edges.append(DOTGraph.Edge(source: s, target: t, attributes: attrs))
        }
        if options.clusterByCountry {
            var byCountry: [String: [String]] = [:]
            for node in g.nodes where node.type.isPlace {
                if let c = node.country, let id = dotID[node.id] { byCountry[c, default: []].append(id) }
            }
            for (country, ids) in byCountry.sorted(by: { $0.key < $1.key }) where ids.count > 1 {
                dot.clusters.append(DOTGraph.Cluster(
                    id: country, attributes: [("label", .text(country)), ("style", "rounded"), ("color", "#cccccc")],
                    nodeIDs: ids))
            }
        }
        if options.legend {
            let nodeTypes = Set(g.nodes.map(\.type)).sorted()
            let edgeTypes = Set(g.edges.map(\.type)).sorted()
            dot.nodes.append(DOTGraph.Node(id: "legend", attributes: [
                ("shape", "plaintext"), ("style", "solid"),
                ("label", .html(legendTable(nodeTypes: nodeTypes, edgeTypes: edgeTypes))),
            ]))
        }
        return dot
    }

    /// An HTML-like table: one row per node type (a swatch) and per edge type (a coloured line).
    public static func legendTable(nodeTypes: [NodeType], edgeTypes: [EdgeType]) -> String {
        var rows = "<TR><TD COLSPAN=\"2\"><B>Легенда</B></TD></TR>"
        for t in nodeTypes {
            let l = look(t)
            rows += "<TR><TD BGCOLOR=\"\(l.fill)\" WIDTH=\"24\"> </TD><TD ALIGN=\"LEFT\">\(DOTValue.escapeHTML(l.label))</TD></TR>"
        }
        for t in edgeTypes {
            let l = look(t)
            rows += "<TR><TD><FONT COLOR=\"\(l.color)\">━━</FONT></TD><TD ALIGN=\"LEFT\">\(DOTValue.escapeHTML(l.label))</TD></TR>"
        }
        return "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\" BGCOLOR=\"white\">\(rows)</TABLE>"
    }
}
