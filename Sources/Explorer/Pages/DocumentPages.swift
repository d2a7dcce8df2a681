import KnowledgeGraph

/// The documents page's list: every document with how many facts it proves.
struct DocumentsReport: Codable, Sendable, Hashable {
    struct Entry: Codable, Sendable, Hashable {
        var document: Document
        var relations: Int
        var mentions: Int
    }
    var documents: [Entry]
}

/// `/api/document?id=…`: a document, its facts and the spans of its text that the graph holds.
/// The graph does not store documents' text, only the evidence sentences and mentions with
/// their offsets; those are what the page shows, in text order.
public struct DocumentReport: Codable, Sendable, Hashable {
    public var document: Document
    public var relations: [RelationRef]
    public var mentions: [Span]
}

extension Explorer {
    func documentsReport() -> DocumentsReport {
        var relations: [String: Int] = [:], mentions: [String: Int] = [:]
        for edge in graph.edges { for d in Set(edge.evidence.map(\.document)) { relations[d, default: 0] += 1 } }
        for node in graph.nodes { for m in node.mentions { mentions[m.document, default: 0] += 1 } }
        let entries = graph.documents.sorted { ($0.path, $0.id) < ($1.path, $1.id) }
            .map { DocumentsReport.Entry(document: $0, relations: relations[$0.id] ?? 0, mentions: mentions[$0.id] ?? 0) }
        return DocumentsReport(documents: entries)
    }

    func documentReport(_ values: QueryValues) throws -> DocumentReport {
        let id = try values.required("id")
        guard let document = documents[id] else { throw RequestError.notFound("no document has the id \"\(id)\"; /documents lists them") }
        let relations = graph.edges.filter { $0.evidence.contains { $0.document == id } }.map { edge -> RelationRef in
            var r = RelationRef(edge)
            r.evidence = r.evidence.filter { $0.document == id }
            return r
        }
        let mentions = graph.nodes.flatMap { $0.mentions.filter { $0.document == id } }.sorted()
        return DocumentReport(document: document, relations: relations, mentions: mentions)
    }

    /// `/documents`: the list.
    func documentsPage() -> String {
        let rows = documentsReport().documents.map { e in
            "<tr><td>\(HTML.link(e.document.title ?? e.document.path, to: HTML.documentHref(e.document.id)))</td>"
                + "<td>\(HTML.text(e.document.path))</td><td>\(e.document.year.map(String.init) ?? "")</td>"
                + "<td>\(e.relations)</td><td>\(e.mentions)</td></tr>"
        }.joined()
        let body = "<table id=\"documents\"><tr><th>Документ</th><th>Файл</th><th>Год</th><th>Связей</th><th>Упоминаний</th></tr>\(rows)</table>"
        return HTML.page(title: "Документы", body: body)
    }

    /// `/document?id=…`: the document's facts, then its evidence sentences in text order with
    /// the mentions inside them highlighted.
    func documentPage(_ values: QueryValues) throws -> String {
        let report = try documentReport(values)
        let d = report.document
        let byID = graph.nodesByID
        let facts = report.relations.map { r in
            let ends = [r.source, r.target].compactMap { byID[$0] }.map { HTML.nodeLink(NodeRef($0)) }.joined(separator: " — ")
            let quote = r.evidence.first.map { " " + HTML.link("→ в тексте", to: "#span-\($0.start)") } ?? ""
            return "<li>\(ends): \(HTML.relationLabel(r))\(quote)</li>"
        }.joined()
        var spans: [Span: [RelationRef]] = [:]
        for r in report.relations { for s in r.evidence { spans[s, default: []].append(r) } }
        let text = spans.keys.sorted().map { span in
            let relations = spans[span, default: []].map { HTML.relationLabel($0) }.joined(separator: "; ")
            return "<p class=\"span\" id=\"span-\(span.start)\"><small>[\(span.start)–\(span.end)] \(relations)</small><br>"
                + highlighted(span, mentions: report.mentions) + "</p>"
        }.joined()
        let body = """
        <p>Файл: \(HTML.text(d.paths.joined(separator: ", ")))\(d.format.map { ", формат " + HTML.text($0) } ?? "")\
        \(d.year.map { ", год \($0)" } ?? ""), SHA-256 \(HTML.text(String(d.sha256.prefix(12))))…
        · \(HTML.link("JSON", to: "/api/document" + HTML.query([("id", d.id)])))</p>
        <h2>Факты (\(report.relations.count))</h2><ul>\(facts)</ul>
        <h2>Текст</h2>
        <p><em>Граф хранит не весь текст документа, а только предложения-доказательства и \
        упоминания с их позициями; ниже — эти предложения по порядку, упоминания выделены.</em></p>
        <div id="document-text">\(text)</div>
        """
        return HTML.page(title: d.title ?? d.path, body: body)
    }

    /// The span's text with the mentions that fall inside it marked.
    private func highlighted(_ span: Span, mentions: [Span]) -> String {
        let scalars = Array(span.text.unicodeScalars)
        var marks: [(Int, Int)] = []
        for m in mentions where m.start >= span.start && m.end <= span.end && m.end > m.start {
            let range = (m.start - span.start, m.end - span.start)
            if range.1 <= scalars.count, marks.last.map({ range.0 >= $0.1 }) ?? true { marks.append(range) }
        }
        var out = "", at = 0
        func piece(_ a: Int, _ b: Int) -> String {
            var s = String.UnicodeScalarView(); s.append(contentsOf: scalars[a..<b]); return HTML.text(String(s))
        }
        for (a, b) in marks {
            out += piece(at, a) + "<mark>" + piece(a, b) + "</mark>"
            at = b
        }
        return out + piece(at, scalars.count)
    }
}
