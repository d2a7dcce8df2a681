extension SyntheticGraph {
    /// A knowledge graph shaped like the world's twinning network, for end-to-end benchmarks:
    /// `nodes` cities joined by `edges` relations (twinned-with, partner-of, visited) laid out by
    /// `preferentialAttachment`, each node with a name, an alias, attributes and a mention, each
    /// edge with a year and a sentence of evidence, spread over `documents` reports.
    ///
    /// Node ids are a random relabelling of the attachment order (`city/` and a made-up name), so
    /// that neither side of a benchmark profits from vertex numbers in arrival order.
    ///
    /// - Returns: the graph and, for each vertex of the attachment order, its node id.
    public static func knowledgeGraph(nodes: Int, edges: Int, documents: Int = 20,
                                      seed: UInt64) -> (graph: Graph, ids: [String]) {
        let (sources, targets) = preferentialAttachment(nodes: nodes, edges: edges, seed: seed)
        var rng = SeededGenerator(seed: seed ^ 0x5EED_0F_1D5)
        var labels = Array(0..<nodes)
        for k in stride(from: nodes - 1, to: 0, by: -1) { labels.swapAt(k, rng.below(k + 1)) }
        let names = labels.map(cityName)
        var taken = Set<String>()
        let ids = (0..<nodes).map { v -> String in
            let id = "city/" + transliterate(names[v])
            return taken.insert(id).inserted ? id : id + "-" + String(labels[v])
        }
        let docIDs = (0..<max(documents, 1)).map { d in "report-" + String(d + 1).leftPadded(to: 3) }
        let countries = ["RU", "CN", "DE", "FR", "JP", "KR", "US", "KZ", "MN", "IT", "PL", "FI"]

        var graphNodes: [Node] = []
        graphNodes.reserveCapacity(nodes)
        for v in 0..<nodes {
            let doc = docIDs[v % docIDs.count]
            let genitive = names[v] + "а"
            graphNodes.append(Node(
                id: ids[v], type: .city, name: names[v], aliases: [genitive],
                attributes: ["country": .string(countries[rng.below(countries.count)]),
                             "geonames": .int(100_000 + labels[v]),
                             "lat": .double(Double(rng.below(180_000)) / 1000 - 90),
                             "lon": .double(Double(rng.below(360_000)) / 1000 - 180)],
                mentions: [Span(document: doc, start: 10 * v, end: 10 * v + genitive.unicodeScalars.count, text: genitive)]))
        }
        var graphEdges: [Edge] = []
        graphEdges.reserveCapacity(sources.count)
        for k in 0..<sources.count {
            let a = Int(sources[k]), b = Int(targets[k])
            let year = 1960 + rng.below(65)
            let doc = docIDs[k % docIDs.count]
            let type: EdgeType, text: String
            var attributes: [String: AttributeValue] = ["year": .int(year)]
            switch rng.below(10) {
            case 0..<4:
                type = .twinnedWith
                attributes["status"] = "established"
                text = "В \(year) году города \(names[a]) и \(names[b]) подписали соглашение об установлении побратимских связей."
            case 4..<7:
                type = .partnerOf
                text = "Между городами \(names[a]) и \(names[b]) в \(year) году установлены отношения партнёрства и дружбы."
            default:
                type = .visited
                text = "В \(year) году официальная делегация города \(names[a]) посетила город \(names[b]) с рабочим визитом."
            }
            graphEdges.append(Edge(type: type, source: ids[a], target: ids[b], attributes: attributes,
                                   evidence: [Span(document: doc, start: 200 * k, end: 200 * k + text.unicodeScalars.count, text: text)]))
        }
        let docs = docIDs.map { Document(id: $0, path: "synthetic/\($0).txt", sha256: String(repeating: "0", count: 64), year: 2020) }
        return (Graph(documents: docs, nodes: graphNodes, edges: graphEdges).orderedByID(), ids)
    }

    private static let syllables = ["ка", "ли", "но", "ра", "ве", "ми", "то", "ду", "зе", "па", "ро", "сан", "гор",
                                    "тар", "лин", "бер", "мос", "вол", "ир", "ом", "ель", "кур", "ян", "хай", "фу",
                                    "шан", "дор", "ник", "сол", "вар", "ток", "лес", "мир", "град", "рус", "бор",
                                    "чжоу", "ям", "пер", "кей"]

    /// A distinct pronounceable name for each number below 40³ × 10.
    static func cityName(_ number: Int) -> String {
        let s = syllables
        var name = s[number % 40] + s[(number / 40) % 40] + s[(number / 1600) % 40]
        if number >= 64_000 { name += "-" + String(number / 64_000) }
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    private static let latin: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
        "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ы": "y", "ь": "", "э": "e",
        "ю": "yu", "я": "ya", "ё": "e", "ъ": "",
    ]

    static func transliterate(_ name: String) -> String {
        name.lowercased().map { latin[$0] ?? String($0) }.joined()
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
