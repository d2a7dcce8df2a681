import KnowledgeGraph

/// The view's filters, read from the URL so that a filtered view can be linked:
/// `year-from=2015&year-to=2020` (years, both ends included; undated facts drop out when either is set),
/// `via=twinned-with,partner-of` (relation types), `country=CN,JP` (ISO codes: a fact stays when
/// one of its ends is in one of these countries).
struct Filters: Sendable, Hashable {
    var fromYear: Int?
    var toYear: Int?
    var relations: Set<EdgeType>?
    var countries: Set<String>?

    var isEmpty: Bool { fromYear == nil && toYear == nil && relations == nil && countries == nil }

    /// Reads the filters from query parameters; a value that is not a year, a relation or a
    /// country code is a `RequestError`.
    init(_ parameters: QueryValues) throws(RequestError) {
        fromYear = try Self.year(parameters["year-from"], name: "year-from")
        toYear = try Self.year(parameters["year-to"], name: "year-to")
        relations = try Self.relations(parameters["via"])
        countries = try Self.countries(parameters["country"])
    }

    init() {}

    static func year(_ value: String?, name: String) throws(RequestError) -> Int? {
        guard let value, !value.isEmpty else { return nil }
        guard let year = Int(value), (1000...2999).contains(year) else {
            throw RequestError.badRequest("\(name)=\(value) is not a year (1000–2999)")
        }
        return year
    }

    static func relations(_ value: String?) throws(RequestError) -> Set<EdgeType>? {
        guard let value, !value.isEmpty else { return nil }
        var out = Set<EdgeType>()
        for name in value.split(separator: ",") {
            guard let type = EdgeType(rawValue: String(name)) else {
                let known = EdgeType.allCases.map(\.rawValue).joined(separator: ", ")
                throw RequestError.badRequest("via: unknown relation '\(name)'; relations are: \(known)")
            }
            out.insert(type)
        }
        return out
    }

    static func countries(_ value: String?) throws(RequestError) -> Set<String>? {
        guard let value, !value.isEmpty else { return nil }
        var out = Set<String>()
        for code in value.split(separator: ",") {
            guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw RequestError.badRequest("country: '\(code)' is not a two-letter country code (CN, JP, …)")
            }
            out.insert(code.uppercased())
        }
        return out
    }

    /// The filters as query pairs, for links that keep the view.
    var queryPairs: [(String, String?)] {
        [("year-from", fromYear.map(String.init)), ("year-to", toYear.map(String.init)),
         ("via", relations.map { $0.sorted().map(\.rawValue).joined(separator: ",") }),
         ("country", countries.map { $0.sorted().joined(separator: ",") })]
    }

    /// The graph with only the facts the filters keep; every node and document stays.
    func apply(to graph: Graph) -> Graph {
        if isEmpty { return graph }
        let countryOf = Dictionary(graph.nodes.map { ($0.id, $0.country) }, uniquingKeysWith: { a, _ in a })
        var filtered = graph
        filtered.edges = graph.edges.filter { edge in
            if fromYear != nil || toYear != nil {
                guard let year = edge.year else { return false }
                if let fromYear, year < fromYear { return false }
                if let toYear, year > toYear { return false }
            }
            if let relations, !relations.contains(edge.type) { return false }
            if let countries {
                let ends = [countryOf[edge.source] ?? nil, countryOf[edge.target] ?? nil]
                if !ends.contains(where: { $0.map(countries.contains) ?? false }) { return false }
            }
            return true
        }
        return filtered
    }

    /// The filter form: years, relation types and countries (those the graph has).
    func form(action: String, hidden: [(String, String)] = [], countriesInGraph: [String]) -> String {
        let hiddenFields = hidden.map { "<input type=\"hidden\" name=\"\(HTML.text($0.0))\" value=\"\(HTML.text($0.1))\">" }.joined()
        let relationOptions = EdgeType.allCases.map { type in
            let selected = relations?.contains(type) == true ? " selected" : ""
            return "<option value=\"\(type.rawValue)\"\(selected)>\(HTML.text(RelationNames.russian(type)))</option>"
        }.joined()
        let countryOptions = countriesInGraph.map { code in
            let selected = countries?.contains(code) == true ? " selected" : ""
            return "<option value=\"\(HTML.text(code))\"\(selected)>\(HTML.text(code))</option>"
        }.joined()
        return """
        <form class="filters" method="get" action="\(HTML.text(action))">\(hiddenFields)
        годы с <input name="year-from" size="4" value="\(fromYear.map(String.init) ?? "")">
        по <input name="year-to" size="4" value="\(toYear.map(String.init) ?? "")">
        связи <select name="via" multiple size="3">\(relationOptions)</select>
        страны <select name="country" multiple size="3">\(countryOptions)</select>
        <button type="submit">Показать</button> \(HTML.link("сбросить", to: action + HTML.query(hidden.map { ($0.0, $0.1) })))
        </form>
        """
    }
}
