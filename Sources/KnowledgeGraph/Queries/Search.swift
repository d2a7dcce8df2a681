/// What `twingraph search TEXT` prints: the nodes whose names fit the text and the evidence
/// sentences that have its words in any inflection.
public struct SearchReport: Codable, Sendable, Hashable {
    public var query: String
    public var nodes: [NodeHit]
    public var sentences: [SentenceHit]

    /// A node found by one of its names.
    public struct NodeHit: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
        public var type: NodeType
        /// The form that matched, normalised ("omsk", "фадина").
        public var matched: String
        /// `exact` (a whole name, alias, Latin spelling or surname), `form` (another case of
        /// one), `prefix` (the words begin names' words: "Omsk" in "Omskaya oblast").
        public var how: String
    }

    /// An evidence sentence with the facts it proves.
    public struct SentenceHit: Codable, Sendable, Hashable {
        public var document: String
        public var start: Int
        public var end: Int
        public var text: String
        /// The ids of the edges this sentence is evidence for.
        public var facts: [String]
    }

    public init(query: String, nodes: [NodeHit], sentences: [SentenceHit]) {
        self.query = query
        self.nodes = nodes
        self.sentences = sentences
    }
}

/// One evidence span of one fact, as a search finds it (in memory or in the store's index).
public struct EvidenceMatch: Sendable, Hashable {
    public var document: String
    public var edge: String
    public var start: Int
    public var end: Int
    public var text: String

    public init(document: String, edge: String, start: Int, end: Int, text: String) {
        self.document = document
        self.edge = edge
        self.start = start
        self.end = end
        self.text = text
    }
}

/// Search over a graph in memory: nodes by name, alias, Latin spelling or surname; evidence by
/// words in any inflection. The store answers the evidence half through its full-text index
/// (GraphStore's `SearchIndex`) and this type's `report` puts the two together.
public enum GraphSearch {
    /// Nodes whose names fit `query`: exact forms first, then other cases, then names whose
    /// words begin with the query's words; within each, by name.
    public static func nodes(matching query: String, in graph: Graph, limit: Int) -> [SearchReport.NodeHit] {
        let form = NameResolver.normalize(query)
        guard !form.isEmpty else { return [] }
        let stem = NameResolver.stem(form)
        let queryWords = form.split(separator: " ").map { NameResolver.stem(String($0)) }
        var hits: [(rank: Int, hit: SearchReport.NodeHit)] = []
        for node in graph.nodes {
            var best: (rank: Int, form: String)?
            for f in NodeNameForms.forms(of: node) {
                let rank: Int
                if f == form { rank = 0 }
                else if NameResolver.stem(f) == stem { rank = 1 }
                else if startsWords(of: f, with: queryWords) { rank = 2 }
                else { continue }
                if best.map({ rank < $0.rank }) ?? true { best = (rank, f) }
            }
            if let best {
                hits.append((best.rank, SearchReport.NodeHit(id: node.id, name: node.name, type: node.type, matched: best.form,
                                                            how: ["exact", "form", "prefix"][best.rank])))
            }
        }
        hits.sort { ($0.rank, $0.hit.name, $0.hit.id) < ($1.rank, $1.hit.name, $1.hit.id) }
        return hits.prefix(limit).map(\.hit)
    }

    /// Whether each query word begins a different word of `form`, in order.
    static func startsWords(of form: String, with queryWords: [String]) -> Bool {
        guard !queryWords.isEmpty else { return false }
        var words = form.split(separator: " ")[...]
        for q in queryWords {
            guard let k = words.firstIndex(where: { $0.hasPrefix(q) }) else { return false }
            words = words[(k + 1)...]
        }
        return true
    }

    /// Evidence spans of `graph` whose words, read through `terms`, include for every query word
    /// one of its lemmas.
    public static func evidence(matching query: String, in graph: Graph, terms: SearchTerms) -> [EvidenceMatch] {
        let wanted = terms.queryTerms(query)
        guard !wanted.isEmpty else { return [] }
        var lemmasOfText: [String: Set<String>] = [:]
        var out: [EvidenceMatch] = []
        for edge in graph.edges {
            for span in edge.evidence {
                let have: Set<String>
                if let known = lemmasOfText[span.text] { have = known } else {
                    have = Set(terms.terms(span.text))
                    lemmasOfText[span.text] = have
                }
                if wanted.allSatisfy({ $0.contains(where: have.contains) }) {
                    out.append(EvidenceMatch(document: span.document, edge: edge.id, start: span.start, end: span.end, text: span.text))
                }
            }
        }
        return out
    }

    /// The report: `nodes`, and `evidence` grouped by sentence (one entry per span, listing
    /// every fact it proves), in document order, at most `limit` sentences.
    public static func report(query: String, nodes: [SearchReport.NodeHit], evidence: [EvidenceMatch], limit: Int) -> SearchReport {
        struct Key: Hashable { var document: String; var start: Int; var end: Int }
        var facts: [Key: [String]] = [:], texts: [Key: String] = [:]
        for m in evidence {
            let key = Key(document: m.document, start: m.start, end: m.end)
            facts[key, default: []].append(m.edge)
            texts[key] = m.text
        }
        let keys = facts.keys.sorted { ($0.document, $0.start, $0.end) < ($1.document, $1.start, $1.end) }
        let sentences = keys.prefix(limit).map { key in
            SearchReport.SentenceHit(document: key.document, start: key.start, end: key.end, text: texts[key] ?? "",
                                     facts: (facts[key] ?? []).sortedUnique())
        }
        return SearchReport(query: query, nodes: nodes, sentences: sentences)
    }
}

extension TextReports {
    /// Nodes one a line, then each sentence quoted with the facts it proves.
    public static func search(_ r: SearchReport) -> String {
        var out: [String] = []
        if r.nodes.isEmpty && r.sentences.isEmpty { return "Nothing matches \"\(r.query)\".\n" }
        out.append("Nodes (\(r.nodes.count)):")
        for n in r.nodes { out.append("  \(n.name) [\(n.type.rawValue)] \(n.id)" + (n.how == "exact" ? "" : " (\(n.how): \(n.matched))")) }
        out.append("Sentences (\(r.sentences.count)):")
        for s in r.sentences {
            out.append("  «\(oneLine(s.text))» (\(s.document) \(s.start)–\(s.end))")
            for f in s.facts { out.append("    \(f)") }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
