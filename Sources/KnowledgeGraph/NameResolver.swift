import Foundation

/// Finds the node a user means by a name typed in any case, spelling or grammatical case:
/// "Омска", "городом Иркутском", "Чанжоу" (for "Чанчжоу"), "ОМСК", or a node id.
///
/// Tried in order, the first step that finds anything decides:
/// 1. the node id itself;
/// 2. the name or an alias, ignoring case, punctuation and ё/е, also in Latin letters ("Omsk")
///    and, for people, a surname alone ("Фадина") — `NodeNameForms`;
/// 3. the same after stripping common Russian case endings from every word ("Иркутском" and
///    "Иркутск" share the stem "иркутск");
/// 4. a small edit distance (none under six letters, one up to nine, two beyond).
/// When several nodes fit a step equally, the answer is `ambiguous`; when none fits any step,
/// `unknown` with the closest names.
public struct NameResolver: Sendable {
    /// A node offered to the user.
    public struct Candidate: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var type: NodeType
        /// Edits between the query and the closest of the node's names (0 for a match).
        public var distance: Int
    }

    /// The outcome of `resolve(_:)`.
    public enum Resolution: Sendable, Hashable {
        /// Exactly one node fits; `how` says which step found it.
        case found(Candidate, how: Match)
        /// Several nodes fit equally well.
        case ambiguous([Candidate])
        /// Nothing fits; the closest names, best first.
        case unknown([Candidate])

        /// The node id when exactly one node fits.
        public var id: String? {
            if case .found(let c, _) = self { return c.id }
            return nil
        }
    }

    /// How a name was matched.
    public enum Match: String, Sendable, Hashable, Codable {
        case id, name, stem, spelling
    }

    private struct Entry: Sendable {
        var id: String
        var name: String
        var type: NodeType
        var isPlace: Bool
        var forms: [String]   // normalised name and aliases
        var stems: [String]
    }

    /// The forms and stems of every node, built on the first query that is not a node id:
    /// normalising and hashing every name of a large graph costs more than most queries.
    private struct Index: Sendable {
        var entries: [Entry] = []
        var byForm: [String: [Int]] = [:]
        var byStem: [String: [Int]] = [:]
    }

    /// Nodes in id order; entry `k` of the index is node `k`.
    private let nodes: [Node]
    private let index: Lazy<Index>
    private var entries: [Entry] { index.value.entries }
    private var byForm: [String: [Int]] { index.value.byForm }
    private var byStem: [String: [Int]] { index.value.byStem }

    /// Prepares to resolve names of `graph`'s nodes; their names are indexed on first need.
    public init(graph: Graph) {
        let nodes = graph.nodes.sorted(by: { $0.id < $1.id })
        self.nodes = nodes
        index = Lazy {
            var ix = Index()
            ix.entries.reserveCapacity(nodes.count)
            for node in nodes {
                let forms = NodeNameForms.forms(of: node)
                let stems = forms.map(NameResolver.stem).sortedUnique()
                let k = ix.entries.count
                ix.entries.append(Entry(id: node.id, name: node.name, type: node.type, isPlace: node.type.isPlace,
                                        forms: forms, stems: stems))
                for f in forms { ix.byForm[f, default: []].append(k) }
                for s in stems { ix.byStem[s, default: []].append(k) }
            }
            return ix
        }
    }

    /// Resolves a name; see the type's documentation for the steps.
    public func resolve(_ query: String) -> Resolution {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        // Ids are sorted: a binary search, without building the index.
        var lo = 0, hi = nodes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if nodes[mid].id < trimmed { lo = mid + 1 } else { hi = mid }
        }
        if lo < nodes.count, nodes[lo].id == trimmed {
            let n = nodes[lo]
            return .found(Candidate(id: n.id, name: n.name, type: n.type, distance: 0), how: .id)
        }
        let raw = NameResolver.normalize(trimmed)
        // A name may itself start with a designator word ("Город мастеров"): try it whole first.
        if let hits = byForm[raw] { return decide(hits, how: .name) }
        let form = NameResolver.stripDesignator(raw)
        guard !form.isEmpty else { return .unknown([]) }
        if let hits = byForm[form] { return decide(hits, how: .name) }
        let stem = NameResolver.stem(form)
        if stem.count >= 3, let hits = byStem[stem] { return decide(hits, how: .stem) }

        // Edit distance against every form and stem: the graph is small enough (thousands of
        // nodes) that a linear scan answers at once.
        var scored: [(Int, Int)] = []
        let q = Array(form.unicodeScalars), qs = Array(stem.unicodeScalars)
        let entries = self.entries
        for (k, e) in entries.enumerated() {
            var best = Int.max
            for f in e.forms { best = min(best, NameResolver.editDistance(q, Array(f.unicodeScalars), limit: best)) }
            for s in e.stems { best = min(best, NameResolver.editDistance(qs, Array(s.unicodeScalars), limit: best)) }
            scored.append((k, best))
        }
        // Short names are too close to each other to correct ("Томск" is one edit from "Омск"):
        // no correction under six letters, one edit up to nine, two beyond.
        let allowed = q.count < 6 ? 0 : (q.count < 10 ? 1 : 2)
        let bestDistance = scored.map(\.1).min() ?? Int.max
        if bestDistance <= allowed {
            let hits = scored.filter { $0.1 == bestDistance }.map(\.0)
            return decide(hits, how: .spelling, distance: bestDistance)
        }
        // Unknown: also offer names that contain the query or are contained in it.
        let ranked = scored.map { (k, d) -> (Int, Int) in
            let contains = entries[k].forms.contains { $0.contains(form) || form.contains($0) }
            return (k, contains ? min(d, 1 + abs(entries[k].forms[0].count - form.count) / 4) : d)
        }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : entries[$0.0].name < entries[$1.0].name }
        return .unknown(ranked.prefix(5).map { candidate($0.0, distance: $0.1) })
    }

    private func candidate(_ k: Int, distance: Int) -> Candidate {
        Candidate(id: nodes[k].id, name: nodes[k].name, type: nodes[k].type, distance: distance)
    }

    /// One hit is found; several are narrowed to places (users ask about places far more often
    /// than about an event of the same name) before being called ambiguous.
    private func decide(_ hits: [Int], how: Match, distance: Int = 0) -> Resolution {
        var unique = Array(Set(hits)).sorted()
        if unique.count > 1 {
            let places = unique.filter { nodes[$0].type.isPlace }
            if places.count == 1 { unique = places }
        }
        if unique.count == 1 { return .found(candidate(unique[0], distance: distance), how: how) }
        return .ambiguous(unique.map { candidate($0, distance: distance) })
    }

    /// Lower case, ё→е, punctuation to spaces, single spaces; keeps letters and digits.
    public static func normalize(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for ch in s.lowercased().unicodeScalars {
            let c: Unicode.Scalar = ch == "ё" ? "е" : ch
            // Scalar properties instead of CharacterSet: the same letters and digits, without
            // Foundation's slow set lookup on Linux (it dominated indexing a large graph).
            if c.properties.isAlphabetic || c.properties.numericType != nil {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.append(c)
            } else {
                space = true
            }
        }
        return String(out)
    }

    /// Words that say what kind of place follows ("г. Иркутска", "городом Омском"), in the
    /// forms reports use; they are not part of the name.
    static let designators: Set<String> = [
        "г", "гг", "гор", "город", "города", "городу", "городом", "городе", "городов", "городам",
        "городами", "городах", "с", "село", "пос", "поселок", "п", "мо", "муниципалитет",
    ]

    /// Drops a leading designator from a normalised query when a name follows it.
    public static func stripDesignator(_ form: String) -> String {
        let words = form.split(separator: " ")
        guard words.count > 1, designators.contains(String(words[0])) else { return form }
        return words.dropFirst().joined(separator: " ")
    }

    /// Case endings of Russian nouns and adjectives, longest first so "ами" wins over "и".
    static let endings: [String] = [
        "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ом", "ем", "ам", "ям", "ах",
        "ях", "ов", "ев", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ым", "им", "ых",
        "их", "ою", "ею", "а", "я", "у", "ю", "е", "и", "ы", "о", "ь", "й",
    ].sorted { $0.count > $1.count }

    /// `endings` as scalars, for `stem`.
    private static let endingScalars: [[Unicode.Scalar]] = endings.map { Array($0.unicodeScalars) }

    /// Strips one case ending from every word of a normalised name, keeping at least three
    /// letters of each stem, so that different cases of one name meet at the same key.
    ///
    /// Compares scalars, not characters: normalised names are letters and digits only, where
    /// the two agree, and `String.hasSuffix` over 44 endings dominated indexing a large graph.
    public static func stem(_ form: String) -> String {
        form.unicodeScalars.split(separator: " ").map { word -> String in
            for e in endingScalars where word.count - e.count >= 3 && word.suffix(e.count).elementsEqual(e) {
                return String(String.UnicodeScalarView(word.dropLast(e.count)))
            }
            return String(String.UnicodeScalarView(word))
        }.joined(separator: " ")
    }

    /// Levenshtein distance over Unicode scalars; stops early (returning `limit`) once every
    /// alignment exceeds `limit`.
    public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int = .max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if abs(a.count - b.count) >= limit { return limit }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowBest = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowBest = min(rowBest, current[j])
            }
            if rowBest >= limit { return limit }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
