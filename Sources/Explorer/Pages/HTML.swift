import Foundation
import KnowledgeGraph

/// Markup written by the pages. Every string that comes from a report or a request goes through
/// `text` (XMLText's escaping), so a name like `<script>` shows as text and never as markup.
enum HTML {
    /// Text or an attribute value, escaped.
    static func text(_ s: String) -> String { XMLText.escape(s) }

    /// A query string from name-value pairs, each percent-encoded; pairs with nil values left out.
    static func query(_ pairs: [(String, String?)]) -> String {
        let parts = pairs.compactMap { name, value in value.map { "\(name)=\(percentEncoded($0))" } }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    static func percentEncoded(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// A link; `href` is built by the pages (paths and percent-encoded queries), escaped again
    /// for the attribute.
    static func link(_ label: String, to href: String, id: String? = nil) -> String {
        let idAttribute = id.map { " id=\"\(text($0))\"" } ?? ""
        return "<a href=\"\(text(href))\"\(idAttribute)>\(text(label))</a>"
    }

    /// The page of a node.
    static func nodeHref(_ id: String, filters: Filters = Filters()) -> String {
        "/node" + query([("id", id)] + filters.queryPairs)
    }

    static func nodeLink(_ node: NodeRef, filters: Filters = Filters()) -> String {
        link(node.name, to: nodeHref(node.id, filters: filters))
    }

    static func documentHref(_ id: String) -> String { "/document" + query([("id", id)]) }

    /// A whole page: the menu, a title and the body.
    static func page(title: String, body: String, filters: Filters = Filters()) -> String {
        let menu = [("Сеть", "/"), ("Путь", "/path"), ("Поиск", "/search"), ("Документы", "/documents")]
            .map { link($0.0, to: $0.1 + query(filters.queryPairs)) }.joined(separator: " · ")
        return """
        <!DOCTYPE html>
        <html lang="ru"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(text(title)) — TwinGraph</title>
        <style>\(style)</style>
        </head><body>
        <nav>TwinGraph: \(menu)</nav>
        <h1>\(text(title))</h1>
        \(body)
        </body></html>
        """
    }

    /// An evidence sentence with the document it comes from.
    static func evidence(_ span: Span, documents: [String: Document]) -> String {
        let title = documents[span.document]?.title ?? span.document
        return "<blockquote class=\"evidence\">«\(text(span.text))» "
            + "<cite>— \(link(title, to: documentHref(span.document) + "#span-\(span.start)"))</cite></blockquote>"
    }

    /// A relation's type in Russian, with its date and status.
    static func relationLabel(_ r: RelationRef) -> String { text(RelationNames.label(r)) }

    static let style = """
    body{font-family:"DejaVu Sans",sans-serif;margin:1em 2em;max-width:80em;color:#222}
    nav{margin-bottom:1em}nav a{margin:0 .2em}
    .diagram{overflow:auto;border:1px solid #ccc;max-height:80vh}
    .diagram svg{max-width:none}
    blockquote.evidence{margin:.3em 0 .6em 1.5em;color:#333;font-style:italic}
    cite{font-style:normal;color:#666}
    mark{background:#ffe58a}
    .error{color:#a00}
    form.filters{margin:.5em 0 1em;padding:.5em;background:#f4f4f4}
    table{border-collapse:collapse}td,th{padding:.2em .6em;border-bottom:1px solid #ddd;vertical-align:top;text-align:left}
    """
}

/// The Russian names the pages use for relations.
enum RelationNames {
    /// "побратимы с 2003, 2011 (established)": the relation, since when, its date and status.
    static func label(_ r: RelationRef) -> String {
        var label = russian(r.type)
        if let since = r.since { label += " с \(since)" }
        if let when = r.when { label += ", \(when)" }
        if let status = r.status { label += " (\(status))" }
        return label
    }

    static func russian(_ type: EdgeType) -> String {
        switch type {
        case .twinnedWith: return "побратимы"
        case .partnerOf: return "партнёры"
        case .visited: return "визит"
        case .signed: return "подписали"
        case .participatedIn: return "участие"
        case .heldIn: return "место проведения"
        case .memberOf: return "член"
        case .locatedIn: return "находится в"
        case .holdsOffice: return "должность"
        }
    }
}
