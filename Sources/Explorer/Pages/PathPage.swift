import KnowledgeGraph
import Rendering

extension Explorer {
    /// The path query of the page and of `/api/path`: `from`, `to` (any name form), `k`
    /// alternatives or `all=1` for every shortest path, `max-hops`; under the time limit.
    func pathReport(_ values: QueryValues, _ filters: Filters) async throws -> PathReport {
        let from = try values.required("from"), to = try values.required("to")
        let k = try values.integer("k", in: 1...Limits.maximumPaths)
        let maxHops = try values.integer("max-hops", in: 1...Limits.maximumHops)
        let mode: GraphQueries.PathMode = values["all"] == "1"
            ? .allShortest(limit: Limits.maximumShortestPaths) : (k.map { .alternatives($0) } ?? .shortest)
        let q = queries(filters)
        return try await withTimeLimit(Limits.pathTimeLimitSeconds, limit: expensiveQueries, what: "path search") {
            do { return try q.paths(from: from, to: to, mode: mode, maxHops: maxHops) } catch let error as QueryError {
                throw RequestError.from(error)
            }
        }
    }

    /// `/path?from=…&to=…`: the form, and when both names are given the paths, their diagram and
    /// every hop's evidence.
    func pathPage(_ values: QueryValues, _ filters: Filters) async throws -> String {
        let form = """
        <form method="get" action="/path" id="path-form">
        от <input name="from" id="from" value="\(HTML.text(values["from"] ?? ""))">
        до <input name="to" id="to" value="\(HTML.text(values["to"] ?? ""))">
        вариантов <input name="k" size="2" value="\(HTML.text(values["k"] ?? ""))">
        \(filters.queryPairs.compactMap { p in p.1.map { "<input type=\"hidden\" name=\"\(p.0)\" value=\"\(HTML.text($0))\">" } }.joined())
        <button type="submit">Найти путь</button></form>
        <p>Имена — в любой форме («Омска», «городом Иркутском»).</p>
        """
        guard values["from"] != nil || values["to"] != nil else {
            return HTML.page(title: "Путь между узлами", body: form, filters: filters)
        }
        let report = try await pathReport(values, filters)
        var body = form + "<p>\(HTML.link("JSON", to: "/api/path" + HTML.query([("from", report.from.id), ("to", report.to.id)] + filters.queryPairs)))</p>"
        if report.paths.isEmpty {
            body += "<p id=\"no-path\">\(HTML.text(report.from.name)) и \(HTML.text(report.to.name)) не связаны\(filters.isEmpty ? "" : " (с этими фильтрами)").</p>"
            return HTML.page(title: "Путь: \(report.from.name) — \(report.to.name)", body: body, filters: filters)
        }
        body += "<div class=\"diagram\" id=\"path-diagram\">\(try pathDiagram(report, filters: filters))</div>"
        for (n, path) in report.paths.enumerated() {
            let names = path.nodes.map { HTML.nodeLink($0, filters: filters) }.joined(separator: " — ")
            body += "<h2>Путь \(n + 1): \(Self.hops(path.length))</h2><p class=\"path\">\(names)</p><ol class=\"hops\">"
            let byID = Dictionary(path.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for hop in path.hops {
                let ends = [hop.from, hop.to].compactMap { byID[$0].map { HTML.text($0.name) } }.joined(separator: " — ")
                let relations = hop.relations.map { r in
                    "<li>\(HTML.relationLabel(r))" + r.evidence.map { HTML.evidence($0, documents: documents) }.joined() + "</li>"
                }.joined()
                body += "<li class=\"hop\">\(ends)<ul>\(relations)</ul></li>"
            }
            body += "</ol>"
        }
        return HTML.page(title: "Путь: \(report.from.name) — \(report.to.name)", body: body, filters: filters)
    }

    /// "1 шаг", "2 шага", "5 шагов".
    static func hops(_ n: Int) -> String {
        let word = (n % 10 == 1 && n % 100 != 11) ? "шаг"
            : ((2...4).contains(n % 10) && !(12...14).contains(n % 100) ? "шага" : "шагов")
        return "\(n) \(word)"
    }

    /// The first path drawn as `twingraph path --format svg` and `draw path` draw it (each hop by
    /// its first relation by id), places linked; nothing when there is no path.
    private func pathDiagram(_ report: PathReport, filters: Filters) throws -> String {
        guard let first = report.paths.first else { return "" }
        let byID = Dictionary(graph.edges.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let edges = first.hops.compactMap { hop in hop.relations.map(\.id).min().flatMap { byID[$0] } }
        let diagram = try PathDiagram.make(graph, path: edges, from: report.from.id)
        return try DiagramLinks.svg(DiagramLinks.link(diagram, graph: graph, filters: filters))
    }
}
