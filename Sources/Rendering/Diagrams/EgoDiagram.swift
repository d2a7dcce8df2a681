import Foundation
import KnowledgeGraph

/// One city and its partners: a star around the city, partners coloured by country, the line
/// saying the relation (twins bold, partners thin, planned dashed) and its year; visits between
/// the city and each neighbour drawn as a separate arrow labelled with their dates.
public enum EgoDiagram {
    public struct Options: Sendable {
        public var title: String?
        /// Also draw places the city only visited or was visited from.
        public var includeVisits = true
        public init() {}
    }

    /// The label of one partnership line drawn for all the `edges` of one relation (one per
    /// report year): "с 2009" when the graph says since when, else the years it was reported
    /// ("2019, 2020"); "план, 2019" when it was only ever planned.
    static func linkLabel(_ edges: [Edge]) -> String {
        let established = edges.filter { !$0.diagramIsPlanned }
        if let since = established.compactMap({ $0.attributes["since"]?.intValue }).min() { return "с \(since)" }
        if !established.isEmpty { return YearList.text(established.compactMap(\.year)) }
        let years = YearList.text(edges.compactMap(\.year))
        return years.isEmpty ? "план" : "план, \(years)"
    }

    public static func make(_ graph: Graph, center: String, options: Options = Options()) throws -> Diagram {
        let g = graph.sorted().namesTruncatedForDrawing()
        let byID = g.nodesByID
        guard let ego = byID[center] else { throw DiagramError.unknownNode(center) }

        struct Link { var relation: PlaceLook.Relation; var label: String }
        // neighbour id → its partnership edges by relation type (one line each, over all the
        // years reported), and its visits
        var partnershipEdges: [String: [EdgeType: [Edge]]] = [:]
        var visits: [String: (dates: Set<String>, out: Bool, into: Bool)] = [:]
        for edge in g.diagramEdges(touching: center) {
            let other = edge.diagramOther(than: center)
            guard other != center, let node = byID[other], node.type.isPlace,
                  let relation = PlaceLook.Relation(edge) else { continue }
            if relation == .visit {
                guard options.includeVisits else { continue }
                var v = visits[other] ?? ([], false, false)
                if let d = DiagramText.when(edge) { v.dates.insert(d) }
                if edge.source == center { v.out = true } else { v.into = true }
                visits[other] = v
            } else {
                partnershipEdges[other, default: [:]][edge.type, default: []].append(edge)
            }
        }
        let partnerships = partnershipEdges.mapValues { byType in
            byType.keys.sorted().compactMap { type -> Link? in
                let edges = byType[type] ?? []
                guard let relation = edges.compactMap(PlaceLook.Relation.init).min() else { return nil }
                return Link(relation: relation, label: linkLabel(edges))
            }
        }
        let neighbours = Set(partnerships.keys).union(visits.keys).sorted { a, b in
            // Partners first (by relation), then by name, for a stable, meaningful ring order.
            let ra = partnerships[a]?.map(\.relation).min() ?? .visit
            let rb = partnerships[b]?.map(\.relation).min() ?? .visit
            if ra != rb { return ra < rb }
            return (byID[a]?.name ?? a, a) < (byID[b]?.name ?? b, b)
        }

        var dot = DOTGraph(directed: true)
        let many = neighbours.count > 16
        // The ring grows with the number of partners so that they fit around it side by side.
        let ringRadius = max(2.4, Double(neighbours.count) * 0.085)
        dot.graphAttributes = Page.attributes(landscape: false) + [
            ("root", "n0"), ("ranksep", .text(String(format: "%.2f", ringRadius))), ("overlap", "prism"), ("overlap_scaling", "1.5"), ("overlap_shrink", "false"),
            ("splines", "true"), ("sep", "+8"), ("outputorder", "edgesfirst"), ("labelloc", "t"),
        ]
        dot.nodeDefaults = [("fontname", .text(GraphStyle.fontName)), ("fontsize", "13"), ("margin", "0.08,0.04")]
        dot.edgeDefaults = [("fontname", .text(GraphStyle.fontName)), ("fontsize", "11"), ("arrowsize", "0.8"),
                            ("labelfontcolor", "#333333")]
        let shown = [ego] + neighbours.compactMap { byID[$0] }
        let palette = CountryPalette(shown.map(\.country))
        dot.nodes.append(DOTGraph.Node(id: "n0", attributes: PlaceLook.attributes(ego, palette: palette, emphasised: true)))
        var relations: [PlaceLook.Relation] = []
        for (k, id) in neighbours.enumerated() {
            guard let node = byID[id] else { continue }
            let n = "n\(k + 1)"
            var attrs = PlaceLook.attributes(node, palette: palette)
            // Visit dates go under the partner's name, not on a second line: two labelled lines
            // per partner crowd the centre of the star.
            if let v = visits[id], !v.dates.isEmpty {
                let arrows = (v.out ? "→" : "") + (v.into ? "←" : "")
                let name = DOTValue.escapeHTML(DiagramText.wrap(node.name, width: 24))
                let dates = DOTValue.escapeHTML(arrows + " " + v.dates.sorted().joined(separator: ", "))
                attrs[0] = ("label", .html("\(name)<BR/><FONT POINT-SIZE=\"10\" COLOR=\"\(PlaceLook.Relation.visit.colour)\">\(dates)</FONT>"))
            }
            dot.nodes.append(DOTGraph.Node(id: n, attributes: attrs))
            let links = partnerships[id] ?? []
            for link in links {
                relations.append(link.relation)
                var attrs = link.relation.edgeAttributes + [("dir", "none")]
                if !link.label.isEmpty {
                    if many {
                        // In a dense star the middles of the lines are crowded; the outer ends,
                        // next to each partner, have room.
                        attrs += [("headlabel", .text(link.label)), ("labelfontcolor", .text(link.relation.colour)),
                                  ("labeldistance", "3.2"), ("labelangle", "0"), ("labelfontsize", "11")]
                    } else {
                        attrs += [("label", .text(link.label)), ("fontcolor", .text(link.relation.colour))]
                    }
                }
                dot.edges.append(DOTGraph.Edge(source: "n0", target: n, attributes: attrs))
            }
            if let v = visits[id] {
                relations.append(.visit)
                if links.isEmpty {
                    let dir = v.out && v.into ? "both" : (v.out ? "forward" : "back")
                    dot.edges.append(DOTGraph.Edge(source: "n0", target: n, attributes: PlaceLook.Relation.visit.edgeAttributes + [("dir", .text(dir))]))
                }
            }
        }
        let names = CountryPalette.names(in: g)
        var legend = PlaceLook.legend(
            title: options.title ?? "\(ego.name): партнёры и визиты",
            subtitle: neighbours.isEmpty ? "связей с другими местами не найдено" : "на линии — год связи («с 2009» — с какого года); оранжевым — даты визитов: → из города, ← в город",
            countries: shown.map(\.country), names: names, palette: palette,
            relations: relations, shapes: shown.map(\.type))
        legend.columns = 3
        dot.graphAttributes.append(("label", .html(legend.html())))
        return Diagram(dot: dot, layout: .twopi)
    }
}
