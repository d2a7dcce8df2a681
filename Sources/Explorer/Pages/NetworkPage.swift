import KnowledgeGraph
import Rendering

extension Explorer {
    /// `/`: the partnership network, every node linked to its page, and the list of nodes.
    func networkPage(_ filters: Filters) throws -> String {
        let graph = filters.apply(to: self.graph)
        let svg = try drawings.drawing("network" + HTML.query(filters.queryPairs)) {
            try DiagramLinks.svg(DiagramLinks.link(NetworkDiagram.make(graph), graph: graph, filters: filters))
        }
        let stats = queries(filters).stats()
        let byType = Dictionary(grouping: graph.nodes, by: \.type)
        let lists = NodeType.allCases.compactMap { type -> String? in
            guard let nodes = byType[type], !nodes.isEmpty else { return nil }
            let items = nodes.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
                .map { "<li>\(HTML.nodeLink(NodeRef($0), filters: filters))</li>" }.joined()
            return "<details><summary>\(HTML.text(NodeTypeNames.russian(type))) (\(nodes.count))</summary><ul class=\"nodes\">\(items)</ul></details>"
        }.joined()
        let body = """
        \(filters.form(action: "/", countriesInGraph: countries))
        <p>\(stats.documents) документов, \(stats.nodes) узлов, \(stats.edges) связей. \
        Щёлкните по городу, чтобы открыть его страницу; подсказка линии — связь и год.</p>
        <div class="diagram" id="network">\(svg)</div>
        <h2>Все узлы</h2>
        \(lists)
        """
        return HTML.page(title: "Сеть партнёрских связей", body: body, filters: filters)
    }
}

enum NodeTypeNames {
    static func singular(_ type: NodeType) -> String {
        switch type {
        case .city: return "город"
        case .region: return "регион"
        case .country: return "страна"
        case .organisation: return "организация"
        case .person: return "человек"
        case .event: return "событие"
        }
    }

    static func russian(_ type: NodeType) -> String {
        switch type {
        case .city: return "Города"
        case .region: return "Регионы"
        case .country: return "Страны"
        case .organisation: return "Организации"
        case .person: return "Люди"
        case .event: return "События"
        }
    }
}
