import KnowledgeGraph
import Rendering

extension Explorer {
    /// `/node?id=…` (or any name form): partners, visits, agreements and events, each with its
    /// evidence and document, then the ego diagram and the timeline.
    func nodePage(_ values: QueryValues, _ filters: Filters) throws -> String {
        let name = try values.required("id")
        let q = queries(filters)
        let node = try answering { try q.node(named: name) }
        let partners = try answering { try q.partners(of: node.id) }
        let timeline = try answering { try q.timeline(of: node.id) }
        let facts = timeline.years.flatMap(\.facts)
        let sections: [(String, [TimelineReport.Fact])] = [
            ("Визиты", facts.filter { $0.relation.type == .visited }),
            ("Соглашения", facts.filter { $0.relation.type == .signed }),
            ("События", facts.filter { $0.relation.type == .participatedIn || $0.relation.type == .heldIn }),
            ("Другие связи", facts.filter { [.memberOf, .locatedIn, .holdsOffice].contains($0.relation.type) }),
        ]
        let factSections = sections.filter { !$0.1.isEmpty }
            .map { "<h2>\(HTML.text($0.0)) (\($0.1.count))</h2>" + factList($0.1, filters: filters) }.joined()
        let body = """
        <p>\(HTML.text(NodeTypeNames.singular(node.type).capitalized)), \(HTML.text(node.id))\
        \(node.country.map { ", страна " + HTML.text($0) } ?? "")\
        \(node.aliases.isEmpty ? "" : "; формы: " + HTML.text(node.aliases.joined(separator: ", ")))</p>
        \(filters.form(action: "/node", hidden: [("id", node.id)], countriesInGraph: countries))
        <p>\(HTML.link("JSON: партнёры", to: "/api/partners" + HTML.query([("node", node.id)] + filters.queryPairs))) · \
        \(HTML.link("JSON: хронология", to: "/api/timeline" + HTML.query([("node", node.id)] + filters.queryPairs)))</p>
        <h2>Партнёры (\(partners.partners.count))</h2>
        \(partnerList(partners, filters: filters))
        \(factSections)
        \(try diagrams(of: node, filters: filters))
        """
        return HTML.page(title: node.name, body: body, filters: filters)
    }

    private func partnerList(_ report: PartnersReport, filters: Filters) -> String {
        if report.partners.isEmpty { return "<p>Партнёров не найдено.</p>" }
        let items = report.partners.map { partner in
            let relations = partner.relations.map { r in
                "<li>\(HTML.relationLabel(r))" + r.evidence.map { HTML.evidence($0, documents: documents) }.joined() + "</li>"
            }.joined()
            return "<li id=\"\(HTML.text("with-" + partner.node.id))\" class=\"partner\">\(HTML.nodeLink(partner.node, filters: filters))"
                + (partner.country.map { " (\(HTML.text($0)))" } ?? "")
                + "<details><summary>доказательства</summary><ul>\(relations)</ul></details></li>"
        }.joined()
        return "<ul class=\"partners\">\(items)</ul>"
    }

    private func factList(_ facts: [TimelineReport.Fact], filters: Filters) -> String {
        let items = facts.map { fact in
            let arrow = fact.direction == "out" ? "→" : (fact.direction == "in" ? "←" : "—")
            return "<li>\(HTML.relationLabel(fact.relation)) \(arrow) \(HTML.nodeLink(fact.other, filters: filters))"
                + fact.relation.evidence.map { HTML.evidence($0, documents: documents) }.joined() + "</li>"
        }.joined()
        return "<ul class=\"facts\">\(items)</ul>"
    }

    /// The ego diagram (places only) and the timeline diagram, when the node has facts to draw.
    private func diagrams(of node: Node, filters: Filters) throws -> String {
        let graph = filters.apply(to: self.graph)
        let key = HTML.query([("id", node.id)] + filters.queryPairs)
        var out = ""
        if node.type.isPlace {
            let ego = try drawings.drawing("ego" + key) {
                try DiagramLinks.svg(DiagramLinks.link(EgoDiagram.make(graph, center: node.id), graph: graph, filters: filters))
            }
            out += "<h2>Связи</h2><div class=\"diagram\" id=\"ego\">\(ego)</div>"
        }
        if !TimelineDiagram.facts(graph, center: node.id).isEmpty {
            let timeline = try drawings.drawing("timeline" + key) {
                try DiagramLinks.svg(TimelineDiagram.make(graph, center: node.id))
            }
            out += "<h2>Хронология</h2><div class=\"diagram\" id=\"timeline\">\(timeline)</div>"
        }
        return out
    }
}
