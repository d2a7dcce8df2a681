import Gazetteer
import KnowledgeGraph
import Morphology
import Parsing

/// Places the gazetteer lacks, from the spans Natasha's NER marks LOC: "Горецкий район",
/// "Железногорск-Илимский", "Кентшинский повят". A span with a region's word ("район",
/// "область", "повят") is a region; any other is a city. A span whose nominative the gazetteer
/// knows ("Татарстане" → "Татарстан") is that place.
extension Recognizer {
    func namedPlaces(in c: Clause, parse: ParsedSentence, known: [Mention], nodes: inout [String: NodeDraft]) -> [Mention] {
        let w = c.words
        guard parse.tokens.count == w.count else { return [] }
        let quoted = quotedWords(c)
        var out: [Mention] = []
        for span in parse.entities where span.type == "LOC" {
            let indices = span.tokens.filter { w[$0].isWord }
            guard let first = indices.first, let spanLast = indices.last else { continue }
            let last = regionWordAfter(c, spanLast) ?? spanLast
            guard w[first].isCapitalized, !w[first].isAbbreviation,
                  w[first].scalarCount >= 3,
                  !known.contains(where: { $0.first <= last && first <= $0.last }),
                  !(first...last).contains(where: { quoted.contains($0) }),
                  !Lexicon.notPlaces.contains(w[first].lower) else { continue }
            // lower-case words only of a region's name: not "Тихий океан", "Западное побережье"
            let lower = (first...last).filter { !w[$0].isCapitalized && w[$0].isWord }
            guard lower.allSatisfy({ w[$0].starts(with: Lexicon.regionWords) }) else { continue }
            let regionWord = !lower.isEmpty
            // adjectives agree with the region word's gender: "Кобринского района" → "Кобринский район"
            let headGender = lower.last.flatMap { i in
                self.parse(w[i].text).first { $0.tag.pos == "NOUN" }?.tag.gender
            }
            // the region's word agrees in case with its adjective, which the model reads better
            // ("Мысленицким повятом": the noun is sometimes read as a nominative)
            let name = (first...last).map { k in
                let caseOfWord = k > spanLast ? parse.tokens[spanLast].features["Case"] : parse.tokens[k].features["Case"]
                return nominativeWord(w[k], case: caseOfWord, gender: headGender)
            }.joined(separator: " ")
            let surface = text.slice(w[first].start, w[last].end)
            let span = Span(document: documentID, start: w[first].start, end: w[last].end, text: surface)
            // a lone word of the dictionary ("Саммите", "Адмиралтейской") is no place here
            if first == last, !self.parse(w[first].text).contains(where: { $0.tag.contains("Geox") }),
               isCommonNoun(w[first].text) || isAdjective(w[first].text) || isHeadNoun(w[first]) { continue }
            // a place the gazetteer knows under its nominative
            let found = placeLookup(name).filter { $0.type != .country || first == last }
            // a name shared by a city and its province is the city, unless a region's word is there
            let city = found.first.flatMap { top in
                top.type == .region && !regionWord
                    && NameKey.fold(top.name) == NameKey.fold(name)
                    ? found.first { $0.type == .city && $0.country == top.country } : nil
            }
            if let place = city ?? found.first {
                if first == last, place.type != .country, placeMatches(w[first].text).contains(where: { $0.quality == .exact }),
                   namesAnOrganisation(c, at: first) { continue }
                let type = nodeType(place.type)
                register(&nodes, id: place.id, type: type, name: nodes[place.id]?.name ?? displayName(of: place, surface: name),
                         surface: surface, span: span, attributes: attributes(of: place))
                out.append(withRole(Mention(nodeID: place.id, type: type, first: first, last: last,
                                            start: w[first].start, end: w[last].end, surface: surface), in: c))
                continue
            }
            // a lone unknown word only where a preposition of place governs it ("в Хомме" is not enough
            // for a surname, "из Ханау" is): a name, not a word of the dictionary
            if first == last {
                guard let p = prepositionBefore(c, first), ["в", "во", "из", "до"].contains(p),
                      w[first].scalarCount >= 4 else { continue }
            }
            let type: NodeType = regionWord ? .region : .city
            let id = "\(type.rawValue)/\(NameKey.slug(name))"
            register(&nodes, id: id, type: type, name: nodes[id]?.name ?? name, surface: surface, span: span)
            out.append(withRole(Mention(nodeID: id, type: type, first: first, last: last,
                                        start: w[first].start, end: w[last].end, surface: surface), in: c))
        }
        return out
    }

    /// The region's word right after a place adjective that ends a LOC span, where the NER stopped
    /// short of it: "Мысленицким | повятом", "Лидского | района" are one name each.
    func regionWordAfter(_ c: Clause, _ last: Int) -> Int? {
        let w = c.words
        let next = last + 1
        guard next < w.count, w[next].isWord, !w[next].isCapitalized, w[next].starts(with: Lexicon.regionWords),
              w[last].isCapitalized, Lexicon.placeAdjectiveEndings.contains(where: { w[last].lower.hasSuffix($0) }) else { return nil }
        return next
    }

    /// One word of a name in the nominative, from the case the morphology model reads in
    /// context: its reading in that case put into the nominative, keeping gender and number
    /// ("Горецким районом" → "Горецкий район"); as written when it does not decline.
    func nominativeWord(_ word: Word, case ud: String?, gender: String? = nil) -> String {
        guard let ud, ud != "Nom", let wanted = Self.universalCases[ud] else { return word.text }
        if word.hasHyphen, let hyphenated = nominativeOfHyphenatedName(word.text, case: wanted) { return hyphenated }
        let readings = parse(word.text).filter { $0.tag.case == wanted && !$0.tag.contains("Fixd") }
        let reading = readings.first { $0.tag.contains("Geox") }
            ?? readings.first { $0.tag.pos == "ADJF" && gender != nil && $0.tag.gender == gender }
            ?? readings.first { $0.tag.pos == "NOUN" || $0.tag.pos == "ADJF" }
        guard let reading, let form = analyzer.inflect(reading, to: ["nomn"]) else { return word.text }
        return capitalizeLike(word.text, form.word)
    }
}
