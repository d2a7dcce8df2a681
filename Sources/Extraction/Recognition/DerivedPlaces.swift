import Gazetteer
import KnowledgeGraph
import Morphology

/// Places named by a word made from their name: an adjective of a group or a body
/// ("тульская делегация", "ярославские коллеги", "светлогорская сторона") or the name of their
/// people ("омичи", "саратовцы", "хабаровчане").
///
/// The adjective's or the demonym's lemma loses its suffix (`Lexicon.placeAdjectiveSuffixes`,
/// `Lexicon.demonymSuffixes`); the stem, with each of the endings city names take after such a
/// stem (`Lexicon.cityNameEndings`), is looked up in the gazetteer as a city's exact name. Of
/// several, a place the document names elsewhere wins, then the most populous; a name that is
/// also a common word or a personal name needs the document to name the place.
extension Recognizer {
    func derivedPlaces(in c: Clause, known: [Mention], nodes: inout [String: NodeDraft]) -> [Mention] {
        let w = c.words
        var out: [Mention] = []
        for i in w.indices where w[i].isWord && w[i].scalarCount >= 5 {
            if known.contains(where: { $0.first <= i && i <= $0.last }) { continue }
            // "Мингорисполком": a city's executive committee named by a syllable of the city
            if let stems = Self.compoundBodyStems(w[i].lower) {
                if let place = derivedCity(stems, minimumPopulation: 15_000, nodes: nodes) {
                    out.append(mention(of: place, at: i, in: c, kind: .adjective, nodes: &nodes))
                }
                continue
            }
            // a capitalised word inside a sentence begins a name ("Томский университет"), unless
            // it names a city's body ("Гомельский горисполком")
            let bodyAfter = i + 1 < w.count && w[i + 1].starts(with: Lexicon.cityBodies)
            if w[i].isCapitalized, i != firstWordIndex(c), !bodyAfter { continue }
            guard let (lemma, kind) = derivationLemma(w, i) else { continue }
            let stems = kind == .adjective ? Self.adjectiveStems(lemma) : Self.demonymStems(lemma)
            guard let place = derivedCity(stems, minimumPopulation: kind == .adjective ? 15_000 : 30_000, nodes: nodes) else { continue }
            out.append(mention(of: place, at: i, in: c, kind: kind, nodes: &nodes))
        }
        return out
    }

    private func mention(of place: Place, at i: Int, in c: Clause, kind: Mention.Derivation,
                         nodes: inout [String: NodeDraft]) -> Mention {
        let w = c.words
        let surface = w[i].text
        let span = Span(document: documentID, start: w[i].start, end: w[i].end, text: surface)
        register(&nodes, id: place.id, type: .city, name: nodes[place.id]?.name ?? place.name,
                 surface: surface, span: span, attributes: attributes(of: place))
        var m = withRole(Mention(nodeID: place.id, type: .city, first: i, last: i, start: w[i].start, end: w[i].end,
                                 surface: surface), in: c)
        m.derived = kind
        return m
    }

    /// The stems of the city a compound body's name begins with: "мингорисполкома" → "мин".
    static func compoundBodyStems(_ lower: String) -> [String]? {
        guard let body = Lexicon.compoundBodies.first(where: { lower.contains($0) }),
              let range = lower.range(of: body), range.lowerBound != lower.startIndex else { return nil }
        let prefix = String(lower[..<range.lowerBound])
        return prefix.count >= 2 ? variants(of: prefix) : nil
    }

    /// The lemma of word `i` when it is a place's adjective before a group's or body's noun, or
    /// a demonym.
    private func derivationLemma(_ w: [Word], _ i: Int) -> (String, Mention.Derivation)? {
        let readings = parse(w[i].text)
        if let adjective = readings.first(where: { $0.tag.pos == "ADJF" }),
           Lexicon.placeAdjectiveSuffixes.contains(where: { adjective.normalForm.hasSuffix($0) }),
           Lexicon.countryAdjectives[adjective.normalForm] == nil {
            // the head noun right after, or after another adjective: "тульская официальная делегация"
            var j = i + 1
            if j < w.count, w[j].isWord, parse(w[j].text).first?.tag.pos == "ADJF" { j += 1 }
            guard j < w.count, w[j].starts(with: Lexicon.placeAdjectiveHeads) || w[j].isAny(Lexicon.guestWords) else { return nil }
            return (fold(adjective.normalForm), .adjective)
        }
        if let noun = readings.first, noun.tag.pos == "NOUN", noun.tag.contains("anim"),
           Lexicon.demonymSuffixes.contains(where: { noun.normalForm.hasSuffix($0) }) {
            return (fold(noun.normalForm), .demonym)
        }
        return nil
    }

    /// Stems of the city an adjective names: "тульский" → "туль", "тул"; "читинский" →
    /// "читин", "чит"; "московский" → "москов", "москв".
    static func adjectiveStems(_ lemma: String) -> [String] {
        guard let suffix = Lexicon.placeAdjectiveSuffixes.first(where: { lemma.hasSuffix($0) }) else { return [] }
        // "липецкий" → "липец" + "к": the "ц" belongs to the name
        let base = suffix == "цкий" ? String(lemma.dropLast(3)) : String(lemma.dropLast(suffix.count))
        return variants(of: base)
    }

    /// Stems of the city a demonym names: "саратовец" → "саратов", "омич" → "ом", "туляк" → "тул".
    static func demonymStems(_ lemma: String) -> [String] {
        guard let suffix = Lexicon.demonymSuffixes.first(where: { lemma.hasSuffix($0) }) else { return [] }
        return variants(of: String(lemma.dropLast(suffix.count)))
    }

    /// A stem with its soft sign, its linking syllable ("-ин-", "-ен-") or the "о" of "-ов-" undone.
    private static func variants(of base: String) -> [String] {
        guard base.count >= 2 else { return [] }
        var out = [base]
        if base.hasSuffix("ь") { out.append(String(base.dropLast())) }
        for link in ["ин", "ен"] where base.hasSuffix(link) && base.count > 4 { out.append(String(base.dropLast(2))) }
        if base.hasSuffix("ов"), base.count > 4 { out.append(String(base.dropLast(2)) + "в") }
        return out
    }

    /// The city whose exact name is a stem with one of `Lexicon.cityNameEndings`: one the document
    /// names already, else the most populous of at least `minimumPopulation`.
    private func derivedCity(_ stems: [String], minimumPopulation: Int, nodes: [String: NodeDraft]) -> Place? {
        var found: [Place] = []
        var needContext: Set<String> = []
        for stem in stems {
            for ending in Lexicon.cityNameEndings {
                // a stem of two letters only with "-ск": "ом" → "омск", never "ома"
                if stem.count < 3, ending != "ск" { continue }
                let name = stem + ending
                for m in placeMatches(name) where m.quality == .exact && m.place.type == .city && fold(m.place.name) == name {
                    found.append(m.place)
                    // "женский" is no "Женя", "детский" no "Дети": a name that is also a word or a
                    // personal name counts only when the document names the place itself
                    if m.needsContext { needContext.insert(m.place.id) }
                }
            }
        }
        if let named = found.first(where: { nodes[$0.id] != nil }) { return named }
        return found.filter { $0.population >= minimumPopulation && !needContext.contains($0.id) }
            .max { $0.population < $1.population }
    }
}
