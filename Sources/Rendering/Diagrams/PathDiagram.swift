import Foundation
import KnowledgeGraph

/// A chain of relations from A to B (e.g. "Омск — побратим Кайфын — в Китае — …"), drawn as a
/// straight row of highlighted nodes, each link named above the line, with the other
/// neighbours of those nodes in grey rows above and below their node for context. Every node
/// and link name has its place computed here (a grid per path node, wide enough for its
/// context), so no name can lie under a node; Graphviz only draws the lines, orthogonally
/// around the nodes. The path itself comes from the caller (a path query); this only draws it.
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

    /// Grid of the context nodes, inches: columns, rows and the first row's distance from the path.
    static let column = 2.15, row = 0.8, firstRow = 1.1
    /// Nearest two path nodes may be, inches.
    static let minimumStep = 2.6

    static let red = "#d62728", grey = "#bbbbbb"

    public static func make(_ graph: Graph, path: [Edge], from: String, options: Options = Options()) throws -> Diagram {
        let g = graph.sorted().namesTruncatedForDrawing()
        let byID = g.nodesByID
        guard byID[from] != nil else { throw DiagramError.unknownNode(from) }
        let sequence = try nodeSequence(path, from: from)
        for id in sequence where byID[id] == nil { throw DiagramError.unknownNode(id) }
        let onPath = Set(sequence)
        let pathEdgeIDs = Set(path.map(\.id))
        let context = contextByPathNode(g, sequence: sequence, limit: options.maxContext)
        let shownNodes = g.nodes.filter { onPath.contains($0.id) || context.joined().contains($0.id) }
        let palette = CountryPalette(shownNodes.filter(\.type.isPlace).map(\.country))

        var dot = DOTGraph(directed: true)
        dot.graphAttributes = Page.attributes(landscape: true) + [
            // Orthogonal lines: none through a node (Omsk–Irkutsk, scripts/count-crossings.py: 0,
            // against 20 straight) and the same on every call, which the spline router (7) is
            // not in-process.
            ("splines", "ortho"), ("outputorder", "edgesfirst"), ("labelloc", "t"),
        ]
        dot.nodeDefaults = [("fontname", .text(GraphStyle.fontName)), ("fontsize", "12"), ("margin", "0.08,0.04")]
        dot.edgeDefaults = [("fontname", .text(GraphStyle.fontName)), ("fontsize", "10"), ("arrowsize", "0.7")]

        let linkLabels = path.map(linkLabel)
        let xs = pathPositions(sequence: sequence, byID: byID, context: context, linkLabels: linkLabels)
        var dotID: [String: String] = [:]
        for (k, id) in sequence.enumerated() {
            guard let node = byID[id], dotID[id] == nil else { continue }
            dotID[id] = "p\(k)"
            var attrs = PlaceLook.attributes(node, palette: palette, emphasised: k == 0 || k == sequence.count - 1)
            attrs += [("color", .text(red)), ("penwidth", "3"), ("pos", pos(xs[k], 0))]
            dot.nodes.append(DOTGraph.Node(id: "p\(k)", attributes: attrs))
        }
        var c = 0
        for (k, ids) in context.enumerated() {
            for (slot, id) in ids.enumerated() {
                guard let node = byID[id] else { continue }
                dotID[id] = "c\(c)"
                var attrs = PlaceLook.attributes(node, palette: palette, wrapWidth: 20)
                attrs += [("color", "#999999"), ("fontcolor", "#555555"), ("fontsize", "10"),
                          ("pos", contextPosition(slot: slot, of: ids.count, around: xs[k]))]
                dot.nodes.append(DOTGraph.Node(id: "c\(c)", attributes: attrs))
                c += 1
            }
        }
        // Each link's name above the middle of its stretch of line.
        for (k, label) in linkLabels.enumerated() {
            dot.nodes.append(DOTGraph.Node(id: "link\(k)", attributes: [
                ("shape", "plaintext"), ("label", .text(label)), ("fontsize", "10"), ("fontcolor", .text(red)),
                ("margin", "0"), ("width", "0"), ("height", "0"), ("pos", pos((xs[k] + xs[k + 1]) / 2, 0.3)),
            ]))
        }
        var linkStyles: Set<String> = [], contextStyles: Set<String> = []
        for edge in g.edges where dotID[edge.source] != nil && dotID[edge.target] != nil {
            guard let s = dotID[edge.source], let t = dotID[edge.target] else { continue }
            let look = GraphStyle.look(edge.type)
            let highlighted = pathEdgeIDs.contains(edge.id)
            // Context edges only between a path node and its neighbour; context–context edges
            // would turn the picture back into the whole network.
            if !highlighted && !(onPath.contains(edge.source) || onPath.contains(edge.target)) { continue }
            // Other relations between two consecutive path nodes would hide the red line.
            if !highlighted && onPath.contains(edge.source) && onPath.contains(edge.target) { continue }
            var attrs: [(String, DOTValue)] = []
            if !look.directed { attrs.append(("dir", "none")) }
            if highlighted {
                let style = edge.diagramIsPlanned ? "dashed" : "solid"
                linkStyles.insert(style)
                attrs += [("color", .text(red)), ("penwidth", "3.5"), ("style", .text(style))]
            } else {
                let style = edge.diagramIsPlanned ? "dashed" : "solid"
                contextStyles.insert(style)
                attrs += [("color", .text(grey)), ("style", .text(style))]
            }
            dot.edges.append(DOTGraph.Edge(source: s, target: t, attributes: attrs))
        }
        let names = sequence.compactMap { byID[$0]?.name }
        var legend = Legend(title: options.title ?? "Путь: \(names.first ?? "") → \(names.last ?? "")",
                            subtitle: DiagramText.wrap(names.joined(separator: " → "), width: 120))
        for style in linkStyles.sorted().reversed() {
            legend.add(.line(colour: red, style: style == "solid" ? "bold" : style),
                       style == "solid" ? "звено пути (над ним — вид связи и год)" : "звено пути, планируется")
        }
        for style in contextStyles.sorted().reversed() {
            legend.add(.line(colour: grey, style: style), style == "solid" ? "другие связи тех же узлов" : "другие связи, планируются")
        }
        PlaceLook.addShapes(of: shownNodes.map(\.type), to: &legend)
        PlaceLook.addCountries(shownNodes.filter(\.type.isPlace).map(\.country), names: CountryPalette.names(in: g),
                               palette: palette, to: &legend)
        legend.columns = 3
        dot.graphAttributes.append(("label", .html(legend.html())))
        return Diagram(dot: dot, layout: .neato, pinned: true)
    }

    /// The link's name: its relation, the role, the date.
    static func linkLabel(_ edge: Edge) -> String {
        var label = GraphStyle.look(edge.type).label
        if let role = edge.attributes["role"]?.stringValue { label += " (\(DiagramText.truncated(role, to: 40)))" }
        if let when = DiagramText.when(edge) { label += ", \(when)" }
        return DiagramText.wrap(label, width: 22)
    }

    /// For each path node, the neighbours off the path drawn around it (places before others,
    /// then by name), each neighbour once (by the first path node it touches), `limit` in all.
    static func contextByPathNode(_ g: Graph, sequence: [String], limit: Int) -> [[String]] {
        let byID = g.nodesByID
        var seen = Set(sequence)
        var candidates: [(k: Int, node: Node)] = []
        for (k, id) in sequence.enumerated() {
            for edge in g.diagramEdges(touching: id) {
                let other = edge.diagramOther(than: id)
                guard let node = byID[other], seen.insert(other).inserted else { continue }
                candidates.append((k, node))
            }
        }
        let kept = candidates.sorted { a, b in
            if a.node.type.isPlace != b.node.type.isPlace { return a.node.type.isPlace }
            return (a.node.name, a.node.id) < (b.node.name, b.node.id)
        }.prefix(limit)
        var byPathNode = Array(repeating: [String](), count: sequence.count)
        for c in kept { byPathNode[c.k].append(c.node.id) }
        return byPathNode
    }

    /// Columns of a path node's context grid: about twice as many rows as columns, half the
    /// rows above the path and half below.
    static func columns(for count: Int) -> Int { max(1, Int(Double(count / 2 + count % 2).squareRoot().rounded(.up))) }

    /// The x of each path node, inches: far enough apart for both neighbours' grids and the
    /// link's name between them.
    static func pathPositions(sequence: [String], byID: [String: Node], context: [[String]], linkLabels: [String]) -> [Double] {
        func halfWidth(_ k: Int) -> Double {
            let grid = Double(columns(for: context[k].count)) * column / 2
            let name = Double(byID[sequence[k]]?.name.count ?? 0) * 17 * 0.74 / 72 / 2 + 0.2
            return max(grid, name)
        }
        var xs = [0.0]
        for k in 1..<max(1, sequence.count) {
            let label = linkLabels[k - 1].split(separator: "\n").map(\.count).max() ?? 0
            let labelWidth = Double(label) * 10 * 0.64 / 72 + 0.3
            let nodes = Double(byID[sequence[k - 1]]?.name.count ?? 0) * 17 * 0.37 / 72 + Double(byID[sequence[k]]?.name.count ?? 0) * 17 * 0.37 / 72 + 0.5
            xs.append(xs[k - 1] + max(minimumStep, halfWidth(k - 1) + halfWidth(k), nodes + labelWidth))
        }
        return xs
    }

    /// Slot `slot` of `count` context nodes around the path node at `x`: rows of the grid
    /// alternate above and below the path, nearest first.
    static func contextPosition(slot: Int, of count: Int, around x: Double) -> DOTValue {
        let cols = columns(for: count)
        let rowIndex = slot / cols, col = slot % cols
        let inRow = min(cols, count - rowIndex * cols)
        let above = rowIndex % 2 == 0
        let y = (firstRow + Double(rowIndex / 2) * row) * (above ? 1 : -1)
        let cx = x + (Double(col) - Double(inRow - 1) / 2) * column
        return pos(cx, y)
    }

    /// A pinned position given in inches, written in points for the "nop" engine.
    static func pos(_ x: Double, _ y: Double) -> DOTValue {
        .text(String(format: "%.2f,%.2f!", x * 72, y * 72))
    }
}
