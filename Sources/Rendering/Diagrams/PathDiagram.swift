import KnowledgeGraph

/// A chain of relations from A to B (e.g. "Омск — побратим Кайфын — в Китае — …"), drawn as a
/// straight row of highlighted nodes, with the other neighbours of those nodes around it in grey
/// for context. The path itself comes from the caller (a path query); this only draws it.
public enum PathDiagram {
    public struct Options: Sendable {
        public var title: String?
        /// At most this many context nodes, the places first, so busy hubs stay readable.
        public var maxContext = 24
        public init() {}
    }

    /// The nodes of `path` in order from `from`, checking that consecutive edges share a node.
    public static func nodeSequence(_ path: [Edge], from: String) throws -> [String] {
        var sequence = [from]
        for (k, edge) in path.enumerated() {
            guard let last = sequence.last, edge.source == last || edge.target == last else {
                throw DiagramError.notAPath("edge \(k + 1) (\(edge.id)) does not touch \(sequence.last ?? from)")
            }
            sequence.append(edge.diagramOther(than: last))
        }
        return sequence
    }

    public static func make(_ graph: Graph, path: [Edge], from: String, options: Options = Options()) throws -> Diagram {
        let g = graph.sorted().namesTruncatedForDrawing()
        let byID = g.nodesByID
        guard byID[from] != nil else { throw DiagramError.unknownNode(from) }
        let sequence = try nodeSequence(path, from: from)
        for id in sequence where byID[id] == nil { throw DiagramError.unknownNode(id) }
        let onPath = Set(sequence)
        let pathEdgeIDs = Set(path.map(\.id))

        // Context: neighbours of path nodes, places before others, then by name.
        var context = Set<String>()
        for id in sequence {
            for edge in g.diagramEdges(touching: id) { context.insert(edge.diagramOther(than: id)) }
        }
        context.subtract(onPath)
        let rankedContext = context.compactMap { byID[$0] }.sorted { a, b in
            if a.type.isPlace != b.type.isPlace { return a.type.isPlace }
            return (a.name, a.id) < (b.name, b.id)
        }.prefix(options.maxContext).map(\.id)
        let shown = onPath.union(rankedContext)
        let shownNodes = g.nodes.filter { shown.contains($0.id) }
        let palette = CountryPalette(shownNodes.filter(\.type.isPlace).map(\.country))

        var dot = DOTGraph(directed: true)
        dot.graphAttributes = Page.attributes(landscape: true) + [
            ("overlap", "prism"), ("overlap_scaling", "1"), ("splines", "true"), ("sep", "+10"), ("start", "1"),
            ("outputorder", "edgesfirst"), ("labelloc", "t"), ("mode", "major"),
        ]
        dot.nodeDefaults = [("fontname", .text(GraphStyle.fontName)), ("fontsize", "12"), ("margin", "0.08,0.04")]
        dot.edgeDefaults = [("fontname", .text(GraphStyle.fontName)), ("fontsize", "10"), ("arrowsize", "0.7")]
        var dotID: [String: String] = [:]
        // The path on a straight line, 2.6 inches apart: it reads left to right like a sentence.
        for (k, id) in sequence.enumerated() {
            guard let node = byID[id], dotID[id] == nil else { continue }
            dotID[id] = "p\(k)"
            var attrs = PlaceLook.attributes(node, palette: palette, emphasised: k == 0 || k == sequence.count - 1)
            attrs += [("color", "#d62728"), ("penwidth", "3"), ("pos", .text("\(Double(k) * 2.6),0!"))]
            dot.nodes.append(DOTGraph.Node(id: dotID[id] ?? "", attributes: attrs))
        }
        for (k, id) in rankedContext.enumerated() {
            guard let node = byID[id] else { continue }
            dotID[id] = "c\(k)"
            var attrs = PlaceLook.attributes(node, palette: palette, wrapWidth: 20)
            attrs += [("color", "#999999"), ("fontcolor", "#555555"), ("fontsize", "10")]
            dot.nodes.append(DOTGraph.Node(id: "c\(k)", attributes: attrs))
        }
        var types: Set<EdgeType> = []
        for edge in g.edges where shown.contains(edge.source) && shown.contains(edge.target) {
            guard let s = dotID[edge.source], let t = dotID[edge.target] else { continue }
            let look = GraphStyle.look(edge.type)
            let highlighted = pathEdgeIDs.contains(edge.id)
            // Context edges only between a path node and its neighbour; context–context edges
            // would turn the picture back into the whole network.
            if !highlighted && !(onPath.contains(edge.source) || onPath.contains(edge.target)) { continue }
            // Other relations between two consecutive path nodes would hide the red line.
            if !highlighted && onPath.contains(edge.source) && onPath.contains(edge.target) { continue }
            if highlighted { types.insert(edge.type) }
            var attrs: [(String, DOTValue)] = [("style", .text(edge.diagramIsPlanned ? "dashed" : look.style))]
            if !look.directed { attrs.append(("dir", "none")) }
            if highlighted {
                var label = look.label
                if let role = edge.attributes["role"]?.stringValue { label += " (\(role))" }
                if let when = DiagramText.when(edge) { label += ", \(when)" }
                attrs += [("color", "#d62728"), ("penwidth", "3.5"), ("label", .text(DiagramText.wrap(label, width: 22))),
                          ("fontcolor", "#d62728"), ("len", "2.6")]
            } else {
                attrs += [("color", "#cccccc"), ("len", "1.6")]
            }
            dot.edges.append(DOTGraph.Edge(source: s, target: t, attributes: attrs))
        }
        let names = sequence.compactMap { byID[$0]?.name }
        var legend = Legend(title: options.title ?? "Путь: \(names.first ?? "") → \(names.last ?? "")",
                            subtitle: DiagramText.wrap(names.joined(separator: " → "), width: 120))
        legend.add(.line(colour: "#d62728", style: "bold"), "звено пути (подпись — вид связи и год)")
        legend.add(.line(colour: "#cccccc", style: "solid"), "другие связи тех же узлов")
        PlaceLook.addShapes(of: shownNodes.map(\.type), to: &legend)
        PlaceLook.addCountries(shownNodes.filter(\.type.isPlace).map(\.country), names: CountryPalette.names(in: g),
                               palette: palette, to: &legend)
        legend.columns = 3
        dot.graphAttributes.append(("label", .html(legend.html())))
        return Diagram(dot: dot, layout: .neato)
    }
}
