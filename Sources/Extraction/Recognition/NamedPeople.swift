import Gazetteer
import KnowledgeGraph
import Morphology
import Parsing

/// People the name tables do not know, from the spans Natasha's NER marks PER: "Ильсур Метшин",
/// "Со Бёнг Су", "Юсуф Зия Йылмаз". Their names go into the nominative with the case and
/// gender the morphology model gives each token.
extension Recognizer {
    /// `minimumWords`: only spans of at least that many capitalised words; before the gazetteer
    /// has read the clause, spans that are a place's name ("Сергиев Посад") are left to it.
    func namedPeople(in c: Clause, parse: ParsedSentence, known: [Mention], nodes: inout [String: NodeDraft],
                     minimumWords: Int = 1) -> [Mention] {
        let w = c.words
        guard parse.tokens.count == w.count else { return [] }
        var out: [Mention] = []
        let tree = SyntaxTree(parse)
        for span in parse.entities where span.type == "PER" {
            // the capitalised words of the span, without a place's name the model ran into it
            // ("мэр Цзиньчжоу Ли Вэй")
            var indices = span.tokens.filter { w[$0].isWord && w[$0].isCapitalized }
            while indices.count > 2, namesAKnownPlace(w[indices[0]]) { indices.removeFirst() }
            guard let first = indices.first, let last = indices.last, last - first + 1 == indices.count,
                  !known.contains(where: { $0.first <= last && first <= $0.last }) else { continue }
            let words = indices.map { w[$0] }
            guard words.count >= minimumWords else { continue }
            if minimumWords > 1, !placeMatches(text.slice(w[first].start, w[last].end)).isEmpty
                || words.allSatisfy({ !placeMatches($0.text).isEmpty }) { continue }
            // "Е-сообщество": a prefix before a common word is no name
            if words.contains(where: { $0.hasHyphen && $0.text.split(separator: "-").dropFirst().contains { $0.first?.isLowercase ?? false } }) {
                continue
            }
            // a lone word only where the dictionary knows it as a name or the document names the person in full
            if words.count == 1, !nodesHoldPerson(named: words[0], nodes), !looksLikeName(words[0]) { continue }
            if words.contains(where: { $0.isAllCaps && $0.scalarCount > 1 && countryCode($0.text) != nil }) { continue }
            // a subject is in the nominative, whatever case the tagger guessed for an ambiguous
            // form ("Евгения Лодвигова, глава …, открыла": not a man's genitive)
            let isSubject = tree.relation(tree.head(of: first...last)) == "nsubj"
            let nominative = indices.enumerated().map { k, i in
                nominativeNamePart(w[i], case: isSubject ? "Nom" : parse.tokens[i].features["Case"], isLast: k == indices.count - 1)
            }
            let surface = text.slice(w[first].start, w[last].end)
            let id = "person/" + NameKey.slug(nominative.last ?? surface)
            let name = nominative.joined(separator: " ")
            register(&nodes, id: id, type: .person, name: nodes[id].map { $0.name.count >= name.count ? $0.name : name } ?? name,
                     surface: surface, span: Span(document: documentID, start: w[first].start, end: w[last].end, text: surface))
            if var d = nodes[id], name.count > d.name.count { d.addAlias(d.name); d.name = name; nodes[id] = d }
            out.append(Mention(nodeID: id, type: .person, first: first, last: last, start: w[first].start, end: w[last].end, surface: surface))
        }
        return out
    }

    /// Universal Dependencies' case names as OpenCorpora's grammemes.
    static let universalCases = ["Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"]

    /// One word of a name in the nominative: as written when the model reads it as nominative
    /// (or it does not decline); otherwise a surname keeps its gender ("Лодвиговой" →
    /// "Лодвигова") and a given name takes the normal form of its reading in that case.
    private func nominativeNamePart(_ word: Word, case ud: String?, isLast: Bool) -> String {
        guard let ud, ud != "Nom", let wanted = Self.universalCases[ud] else { return word.text }
        let readings = parse(word.text).filter { $0.tag.case == wanted && !$0.tag.contains("Fixd") }
        guard !readings.isEmpty else { return word.text }
        // a surname keeps its gender: "Сабировой" (feminine dative) → "Сабирова"
        if isLast, let surname = readings.first(where: { $0.tag.contains("Surn") }),
           let form = analyzer.inflect(surname, to: ["nomn"]) {
            return capitalizeLike(word.text, form.word)
        }
        if isLast, readings.contains(where: { !$0.isDictionaryWord }) { return nominativeSurname(word.text) }
        let reading = readings.first { $0.tag.contains("Name") || $0.tag.contains("Patr") } ?? readings[0]
        return capitalizeLike(word.text, reading.normalForm)
    }

    private func looksLikeName(_ w: Word) -> Bool {
        let readings = parse(w.text)
        return readings.contains { $0.tag.contains("Surn") || $0.tag.contains("Name") }
    }

    private func nodesHoldPerson(named w: Word, _ nodes: [String: NodeDraft]) -> Bool {
        nodes["person/" + NameKey.slug(nominativeSurname(w.text))] != nil
    }
}
