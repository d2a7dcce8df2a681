import KnowledgeGraph

extension Explorer {
    /// The search of the page and of `/api/search?q=…`.
    func searchReport(_ values: QueryValues, _ filters: Filters) throws -> SearchReport {
        let text = try values.required("q")
        guard text.count <= Limits.maximumTextLength else {
            throw RequestError.badRequest("q is longer than \(Limits.maximumTextLength) characters")
        }
        return search(filters.apply(to: graph), for: text, limit: Limits.maximumSearchResults)
    }

    /// `/search?q=…`: nodes by name, then evidence sentences.
    func searchPage(_ values: QueryValues, _ filters: Filters) throws -> String {
        let form = """
        <form method="get" action="/search"><input name="q" id="q" value="\(HTML.text(values["q"] ?? ""))">
        <button type="submit">Искать</button></form>
        """
        guard values["q"] != nil else { return HTML.page(title: "Поиск", body: form, filters: filters) }
        let report = try searchReport(values, filters)
        let nodes = report.nodes.map { "<li>\(HTML.nodeLink($0, filters: filters))</li>" }.joined()
        let byID = graph.nodesByID
        let hits = report.evidence.map { hit in
            let ends = [hit.relation.source, hit.relation.target].compactMap { byID[$0] }
                .map { HTML.nodeLink(NodeRef($0), filters: filters) }.joined(separator: " — ")
            return "<li>\(ends): \(HTML.relationLabel(hit.relation))\(HTML.evidence(hit.span, documents: documents))</li>"
        }.joined()
        let body = form + """
        <h2>Узлы (\(report.nodes.count))</h2><ul id="found-nodes">\(nodes)</ul>
        <h2>Доказательства (\(report.evidence.count))</h2><ul id="found-evidence">\(hits)</ul>
        """
        return HTML.page(title: "Поиск: \(report.query)", body: body, filters: filters)
    }
}
