import KnowledgeGraph

/// Nodes of one document that name one thing: an abbreviation and its full name, a place the
/// gazetteer lacks met in two cases.
extension Extractor {
    /// "ОмГУ" and "Омский государственный университет" are one organisation when the
    /// abbreviation's letter groups begin the name's words.
    func joinAbbreviations(_ nodes: inout [String: NodeDraft], _ facts: inout [ClauseFacts]) {
        let abbreviations = nodes.values.filter { $0.attributes["abbreviation"] == .bool(true) }
        guard !abbreviations.isEmpty else { return }
        // the full names' words, once for all abbreviations, in id order (the first match wins)
        let fullNames = nodes.values.filter { $0.type == .organisation && $0.attributes["abbreviation"] == nil }
            .sorted { $0.id < $1.id }
            .map { (id: $0.id, words: nameWords(fold($0.name))) }
        var redirect: [String: String] = [:]
        for a in abbreviations {
            let chunks = abbreviationChunks(a.name)
            guard chunks.count >= 2 else { continue }
            guard let target = fullNames.first(where: { $0.id != a.id && matchesChunks(chunks, $0.words) }) else { continue }
            redirect[a.id] = target.id
        }
        apply(redirect, &nodes, &facts)
    }

    /// Moves the mentions of each `from` node to its `to` node.
    func apply(_ redirect: [String: String], _ nodes: inout [String: NodeDraft], _ facts: inout [ClauseFacts]) {
        for (from, to) in redirect.sorted(by: { $0.key < $1.key }) {
            guard let a = nodes.removeValue(forKey: from) else { continue }
            for alias in a.aliases + [a.name] { nodes[to]?.addAlias(alias) }
            nodes[to]?.mentions += a.mentions
        }
        for k in facts.indices {
            for m in facts[k].phrases.indices { if let to = redirect[facts[k].phrases[m].nodeID] { facts[k].phrases[m].nodeID = to } }
            for m in facts[k].places.indices { if let to = redirect[facts[k].places[m].nodeID] { facts[k].places[m].nodeID = to } }
        }
    }

    /// A place the gazetteer lacks, met in two cases ("г. Пучон", "города Пучона"), is one place.
    func joinInflectedPlaces(_ nodes: inout [String: NodeDraft], _ facts: inout [ClauseFacts]) {
        let endings: Set<String> = ["а", "я", "у", "ю", "е", "ом", "ем", "ой", "ей", "ы", "и", "ам", "ах"]
        var redirect: [String: String] = [:]
        let places = nodes.values.filter { $0.type.isPlace }.sorted { $0.id < $1.id }
        for a in places where a.attributes["geonames"] == nil {
            let fa = fold(a.name)
            guard let b = places.first(where: { b in
                let fb = fold(b.name)
                return b.id != a.id && b.type == a.type && fa.count > fb.count && fa.hasPrefix(fb)
                    && endings.contains(String(fa.dropFirst(fb.count)))
            }) else { continue }
            redirect[a.id] = redirect[b.id] ?? b.id
        }
        apply(redirect, &nodes, &facts)
    }

    private func abbreviationChunks(_ abbreviation: String) -> [String] {
        var chunks: [String] = []
        for ch in abbreviation where ch.isLetter {
            if ch.isUppercase || chunks.isEmpty { chunks.append(String(ch)) } else { chunks[chunks.count - 1].append(ch) }
        }
        return chunks.map(fold)
    }

    /// The words of a folded name that an abbreviation's letters can stand for: letters and
    /// hyphens, two characters or more.
    private func nameWords(_ name: String) -> [String] {
        name.split { !$0.isLetter && $0 != "-" }.map(String.init).filter { $0.count > 1 }
    }

    private func matchesChunks(_ chunks: [String], _ words: [String]) -> Bool {
        guard words.count >= chunks.count else { return false }
        return zip(chunks, words).allSatisfy { $1.hasPrefix($0) }
    }
}
