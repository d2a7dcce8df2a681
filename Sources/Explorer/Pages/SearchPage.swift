import KnowledgeGraph

extension Explorer {
    /// The search of the page and of `/api/search?q=…`.
    func searchReport(_ values: QueryValues, _ filters: Filters) throws -> SearchReport {
        let text = try values.required("q")
        guard text.count <= Limits.maximumTextLength else {
            throw RequestError.badRequest("q is longer than \(Limits.maximumTextLength) characters")
        }
        // The search of `twingraph search` over the filtered graph: names in any case form,
        // evidence by word stems (the explorer holds no full-text index of its own).
        let searched = filters.apply(to: graph)
        let limit = Limits.maximumSearchResults
        return GraphSearch.report(query: text, nodes: GraphSearch.nodes(matching: text, in: searched, limit: limit),
                                  evidence: GraphSearch.evidence(matching: text, in: searched, terms: .stems), limit: limit)
    }

    /// `/search?q=…`: nodes by name, then evidence sentences.
    func searchPage(_ values: QueryValues, _ filters: Filters) throws -> String {
        let form = """
        <form method="get" action="/search"><input name="q" id="q" value="\(HTML.text(values["q"] ?? ""))">
        <button type="submit">Искать</button></form>
        """
        guard values["q"] != nil else { return HTML.page(title: "Поиск", body: form, filters: filters) }
        let report = try searchReport(values, filters)
        let byID = graph.nodesByID
        let nodes = report.nodes.compactMap { byID[$0.id] }.map { "<li>\(HTML.nodeLink(NodeRef($0), filters: filters))</li>" }.joined()
        let edgesByID = Dictionary(graph.edges.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let hits = report.sentences.map { hit in
            let facts = hit.facts.compactMap { edgesByID[$0] }.map { edge in
                let ends = [edge.source, edge.target].compactMap { byID[$0] }
                    .map { HTML.nodeLink(NodeRef($0), filters: filters) }.joined(separator: " — ")
                return "\(ends): \(HTML.relationLabel(RelationRef(edge)))"
            }.joined(separator: "; ")
            let span = Span(document: hit.document, start: hit.start, end: hit.end, text: hit.text)
            return "<li>\(facts)\(HTML.evidence(span, documents: documents))</li>"
        }.joined()
        let body = form + """
        <h2>Узлы (\(report.nodes.count))</h2><ul id="found-nodes">\(nodes)</ul>
        <h2>Предложения (\(report.sentences.count))</h2><ul id="found-evidence">\(hits)</ul>
        """
        return HTML.page(title: "Поиск: \(report.query)", body: body, filters: filters)
    }
}
