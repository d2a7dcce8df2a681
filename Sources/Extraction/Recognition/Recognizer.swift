import Gazetteer
import KnowledgeGraph
import Morphology
import RussianText

/// One recognised mention of an entity in a clause.
struct Mention: Sendable {
    var nodeID: String
    var type: NodeType
    /// Word indices in the clause, inclusive.
    var first: Int
    var last: Int
    var start: Int
    var end: Int
    var surface: String
    /// A country or region in parentheses after a place: "Кайфын (КНР)". It qualifies the place
    /// before it and takes part in no relation of its own.
    var parenthetical = false
    /// An agreement, plan, protocol…: an event node that can be signed.
    var isDocument = false
    /// A place introduced by a locative "в"/"во" (possibly with a marker between): where
    /// something happened or where someone went.
    var locative = false
    /// Place introduced by "из".
    var fromPreposition = false
    /// The preposition that governs the mention ("с Павлодаром" → "с"), markers and adjectives
    /// between skipped.
    var preposition: String?
    /// The grammatical cases the mention may stand in (OpenCorpora grammemes: "nomn", "gent",
    /// "ablt"…), from its marker word when it has one ("городом Вэйхай" → ablt), else from its
    /// last word. Empty when the morphology cannot tell (an indeclinable or unknown name).
    var cases: Set<String> = []
    /// How a place is named by a word made from its name, when it is: "тульская делегация",
    /// "омичи" (`Recognizer.derivedPlaces`).
    var derived: Derivation?
    enum Derivation: Sendable { case adjective, demonym }

    /// Whether the mention may stand in `grammaticalCase` (an unknown case may be any).
    func mayBe(_ grammaticalCase: String) -> Bool { cases.isEmpty || cases.contains(grammaticalCase) }
}

/// A node being built for one document.
struct NodeDraft: Sendable {
    var id: String
    var type: NodeType
    var name: String
    /// Other spellings met, each once by its bytes; the node's name among them is dropped, and
    /// canonically equal spellings merged, when the node is made (`Extractor.extract`).
    var aliases: [String] = []

    /// Adds a spelling unless the same bytes are there already (a String set would normalise
    /// and hash every Cyrillic surface of every mention).
    mutating func addAlias(_ s: String) {
        if !aliases.contains(where: { $0.sameBytes(s) }) { aliases.append(s) }
    }
    var attributes: [String: AttributeValue] = [:]
    var mentions: [Span] = []
    /// Named as a city's district: after a district's word ("района Шахэкоу") or with its city
    /// after it ("префектурой Сонгинохайрхан Улан-Батора"); as a partner it is a city.
    var namedAsDistrict = false
}

/// Recognises places, people, organisations and events in clauses and registers their nodes.
struct Recognizer {
    let gazetteer: Gazetteer
    let analyzer: MorphAnalyzer
    let normalizer: PhraseNormalizer
    let text: ScalarText
    let documentID: String
    let headForms: HeadForms
    /// Answers already computed for this document: the same words come back sentence after sentence.
    let memo = Memo()

    final class Memo {
        var parses: [BytesKey: [Parse]] = [:]
        var matches: [BytesKey: [PlaceMatch]] = [:]
        var lookups: [BytesKey: [Place]] = [:]
        var countryCodes: [BytesKey: String?] = [:]
        var heads: [BytesKey: HeadKinds] = [:]
        var nominatives: [BytesKey: String] = [:]
        var lowerText: String?
        var displayNames: [BytesKey: String] = [:]
    }

    /// The whole document lower-cased and ё-folded, made when first asked (only ambiguous
    /// abbreviations such as "КР" need it).
    func documentLowerText() -> String {
        if let t = memo.lowerText { return t }
        let t = fold(text.indexed.text)
        memo.lowerText = t
        return t
    }

    /// A memo key compared and hashed as UTF-8 bytes. String's own hashing normalises non-ASCII
    /// text on every lookup, which made the memo lookups a large share of extraction time;
    /// byte identity is only finer than String equality, so a memo answers the same.
    struct BytesKey: Hashable {
        let text: String
        init(_ text: String) { self.text = text }
        static func == (a: BytesKey, b: BytesKey) -> Bool { a.text.sameBytes(b.text) }
        func hash(into hasher: inout Hasher) {
            var t = text
            t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    /// What a word can head, from the noun lemmas of its first three readings.
    struct HeadKinds {
        var document: Bool
        var event: Bool
        var organisation: Bool
    }

    /// The head kinds of a word, once per distinct spelling in a document: `phrases` asks it for
    /// every word of every clause.
    func headKinds(_ w: Word) -> HeadKinds {
        guard headForms.mayHead(w) else { return HeadKinds(document: false, event: false, organisation: false) }
        if let h = memo.heads[BytesKey(w.text)] { return h }
        let lemmas = parse(w.text).prefix(3).filter { $0.tag.pos == "NOUN" }.map(\.normalForm)
        let h = HeadKinds(document: lemmas.contains { Lexicon.documentLemmas.contains($0) },
                          event: lemmas.contains { Lexicon.eventLemmas.contains($0) },
                          organisation: lemmas.contains { Lexicon.organisationLemmas.contains($0) })
        memo.heads[BytesKey(w.text)] = h
        return h
    }

    /// `gazetteer.countryCode`, remembered for the document.
    func countryCode(_ name: String) -> String? {
        if let c = memo.countryCodes[BytesKey(name)] { return c }
        let c = gazetteer.countryCode(name)
        memo.countryCodes[BytesKey(name)] = .some(c)  // nil is an answer too
        return c
    }

    /// `normalizer.nominative`, remembered for the document: organisations and events are
    /// named again and again in a report.
    func nominative(_ phrase: String) -> String {
        if let n = memo.nominatives[BytesKey(phrase)] { return n }
        let n = normalizer.nominative(phrase, parse: parse)
        memo.nominatives[BytesKey(phrase)] = n
        return n
    }

    func parse(_ word: String) -> [Parse] {
        if let p = memo.parses[BytesKey(word)] { return p }
        let p = analyzer.parse(word)
        memo.parses[BytesKey(word)] = p
        return p
    }

    func placeMatches(_ surface: String) -> [PlaceMatch] {
        if let m = memo.matches[BytesKey(surface)] { return m }
        let m = gazetteer.matches(surface)
        memo.matches[BytesKey(surface)] = m
        return m
    }

    func placeLookup(_ surface: String) -> [Place] {
        if let m = memo.lookups[BytesKey(surface)] { return m }
        let m = gazetteer.lookup(surface)
        memo.lookups[BytesKey(surface)] = m
        return m
    }

    /// `gazetteer.lookup(_:countryHint:)` through this document's remembered lookups: the
    /// enumeration pass asks it again for every round over a clause.
    func placeLookup(_ surface: String, countryHint: String?) -> [Place] {
        let all = placeLookup(surface)
        guard let hint = countryHint, let code = countryCode(hint) else { return all }
        return all.filter { $0.country == code } + all.filter { $0.country != code }
    }

    // MARK: Places

    /// Place mentions of a clause; `taken` marks words already used by a person's name.
    func places(in c: Clause, taken: Set<Int>, nodes: inout [String: NodeDraft]) -> [Mention] {
        var out: [Mention] = []
        let w = c.words
        let quoted = quotedWords(c)
        var i = 0
        // Inside parentheses that follow a place: "(КНР)", "(Верхняя Савойя, Франция)".
        var qualifying = false
        while i < w.count {
            if w[i].isText("(") { qualifying = out.last.map { $0.last == i - 1 } ?? false }
            if w[i].isText(")") { qualifying = false }
            guard w[i].isWord, w[i].isCapitalized, !taken.contains(i), !quoted.contains(i) else { i += 1; continue }
            // "мэр Гродно", "глава Альметьевска": a city's office before a name marks it as a city
            let placeMarker = markerBefore(c, i)
            // (not before a common noun: "глава Совета")
            let marker = placeMarker ?? (i > 0 && w[i - 1].starts(with: Lexicon.cityOffices) && !(isCommonNoun(w[i].text) && !isAdjective(w[i].text)) ? .city : nil)
            let hint = countryHint(c, after: i) ?? adjectiveCountry(c, before: i) ?? commaCountry(c, after: i)
            var matched: Mention?
            // Longest match first: "Республики Корея", "Уральского федерального округа".
            for len in stride(from: min(4, w.count - i), through: 1, by: -1) {
                let lastIdx = i + len - 1
                guard (i...lastIdx).allSatisfy({ w[$0].isWord && !taken.contains($0) || (w[$0].is("и") && $0 != lastIdx && $0 != i) }) else { continue }
                if len > 1, !w[lastIdx].isWord { continue }
                // Multi-word names continue with capitals or with the few lower-case words names
                // hold ("Краснодарского края", "Уральского федерального округа", "Босния и Герцеговина").
                if len > 1, !(i + 1...lastIdx).allSatisfy({ k in
                    w[k].isCapitalized || w[k].is("и") || w[k].starts(with: Lexicon.nameWords)
                }) { continue }
                let surface = text.slice(w[i].start, w[lastIdx].end)
                let matches = placeMatches(surface)
                // A spelling variant of a place the document already named ("Чанжоу" after "Чанчжоу")
                // is that place.
                let known = matches.first { nodes[$0.place.id] != nil && $0.place.type != .country }
                // "мэр Полевского Иван Петров": an adjective's form right after a city's office,
                // with no noun after it, can only be the city's name
                let namesTheOffice = placeMarker == nil && marker != nil && lastIdx == i
                    && (i + 1 >= w.count || !w[i + 1].isWord || w[i + 1].isCapitalized)
                guard let best = known.map(Picked.init) ?? pick(matches, surface: surface, hint: hint, words: Array(w[i...lastIdx]),
                                      marker: marker, adjectiveMayBeTheName: namesTheOffice) else { continue }
                // "Университета Хоккайдо": the head of an organisation's name starts no place
                if len > 1, isOrganisationHead(w[i]) { continue }
                if len == 1, marker == nil, hint == nil, best.quality == .exact, best.place.type != .country,
                   namesAnOrganisation(c, at: i) { continue }
                let place = best.place
                let id = place.id
                // A spelling the gazetteer only knows as a variant ("Кайфын" for "Кайфэн"): the
                // report's own spelling names the node; countries keep their standard names.
                let name = displayName(of: place, surface: surface)
                register(&nodes, id: id, type: nodeType(place.type), name: name, surface: surface,
                         span: Span(document: documentID, start: w[i].start, end: w[lastIdx].end, text: surface),
                         attributes: attributes(of: place))
                matched = Mention(nodeID: id, type: nodeType(place.type), first: i, last: lastIdx,
                                  start: w[i].start, end: w[lastIdx].end, surface: surface,
                                  parenthetical: qualifying && place.type != .city)
                break
            }
            // "американский Мобил": a name the gazetteer lacks after a country's adjective is a
            // city of that country, unless the dictionary knows it as a word
            if matched == nil, placeMarker == nil, let code = adjectiveCountry(c, before: i), i != firstWordIndex(c),
               !w[i].isAbbreviation, let p = parse(w[i].text).first, !p.isDictionaryWord || p.tag.contains("Geox"),
               !isAdjective(w[i].text) {
                let surface = w[i].text
                let id = "city/\(NameKey.slug(surface))"
                register(&nodes, id: id, type: .city, name: nodes[id]?.name ?? nominativePlaceName(surface), surface: surface,
                         span: Span(document: documentID, start: w[i].start, end: w[i].end, text: surface),
                         attributes: ["country": .string(code)])
                matched = Mention(nodeID: id, type: .city, first: i, last: i, start: w[i].start, end: w[i].end, surface: surface)
            }
            // only a place marker makes a name the gazetteer lacks a place
            if matched == nil, let marker = placeMarker, let m = newPlace(c, at: i, marker: marker, hint: hint, taken: taken, nodes: &nodes) {
                matched = m
            }
            if let m = matched {
                out.append(withRole(m, in: c))
                i = m.last + 1
            } else {
                i += 1
            }
        }
        let listed = inferListMembers(c, out, taken: taken.union(quoted), nodes: &nodes)
        return inheritingPrepositions(c, placesBeforeTheirCountry(c, listed, taken: taken.union(quoted), nodes: &nodes))
    }

    /// A name the gazetteer lacks, right before the country it is in, is a city of that country:
    /// "Тампере, Финляндия", "Ювяскюля (Финляндия)", "Рингсакер (Ringsaker), Норвегия". Only names
    /// the dictionary does not know as common words; before a comma, only where a list puts them
    /// (first in the sentence, or after a comma, semicolon, colon, dash or "и").
    private func placesBeforeTheirCountry(_ c: Clause, _ found: [Mention], taken: Set<Int>, nodes: inout [String: NodeDraft]) -> [Mention] {
        var out = found
        let w = c.words
        for country in found where country.type == .country && country.first >= 2 {
            let sep = w[country.first - 1]
            guard sep.isText(",") || sep.isText("(") else { continue }
            // "Рингсакер (Ringsaker), Норвегия": the name's own spelling in parentheses between
            let i = sep.isText(",") ? (latinSpellingBefore(c, country.first - 2) ?? country.first - 2) : country.first - 2
            guard i >= 0, w[i].isWord, w[i].isCapitalized, !w[i].isAbbreviation, !taken.contains(i),
                  !out.contains(where: { $0.first <= i && i <= $0.last }) else { continue }
            let atItemStart = i == firstWordIndex(c) || (i > 0 && w[i - 1].isAny([",", ";", ":", "—", "–", "и"]))
            guard sep.isText("(") || atItemStart else { continue }
            guard let p = parse(w[i].text).first, !p.isDictionaryWord || p.tag.contains("Geox") else { continue }
            let surface = w[i].text
            guard let code = countryCode(country.surface) else { continue }
            let id = "city/\(NameKey.slug(surface))"
            register(&nodes, id: id, type: .city, name: surface, surface: surface,
                     span: Span(document: documentID, start: w[i].start, end: w[i].end, text: surface),
                     attributes: ["country": .string(code)])
            out.append(Mention(nodeID: id, type: .city, first: i, last: i, start: w[i].start, end: w[i].end, surface: surface))
        }
        return out.sorted { $0.first < $1.first }
    }

    /// The word before a parenthesised spelling in Latin letters that ends at `close`
    /// ("Рингсакер (Ringsaker)"), or nil.
    private func latinSpellingBefore(_ c: Clause, _ close: Int) -> Int? {
        let w = c.words
        guard close >= 3, w[close].isText(")") else { return nil }
        var k = close - 1
        while k > 0, w[k].isWord, w[k].text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic && $0.value < 0x0400 || $0 == "-" || $0 == "'" }) {
            k -= 1
        }
        guard k < close - 1, w[k].isText("(") else { return nil }
        return k - 1
    }

    /// The mention with its governing preposition and its cases.
    func withRole(_ mention: Mention, in c: Clause) -> Mention {
        var m = mention
        m.preposition = prepositionBefore(c, m.first)
        m.locative = m.preposition == "в" || m.preposition == "во"
        m.fromPreposition = m.preposition == "из"
        m.cases = grammaticalCases(c, m)
        return m
    }

    /// In an enumeration ("с Ниигатой, Такацуки и Дзеэцу") the preposition before the first place
    /// governs every place of it.
    func inheritingPrepositions(_ c: Clause, _ mentions: [Mention]) -> [Mention] {
        var out = mentions
        for k in out.indices.dropFirst() where out[k].preposition == nil && !out[k].parenthetical {
            // the place before, past the countries in parentheses that qualify it
            guard let previous = out[..<k].last(where: { !$0.parenthetical }) else { continue }
            guard let p = previous.preposition, previous.last < out[k].first else { continue }
            var depth = 0
            let between = c.words[(previous.last + 1)..<out[k].first]
            guard between.contains(where: { $0.isText(",") || $0.is("и") }) else { continue }
            let joined = between.allSatisfy { w in
                if w.isText("(") { depth += 1; return true }
                if w.isText(")") { depth -= 1; return true }
                return depth > 0 || w.isText(",") || w.is("и") || isAdjective(w.text) || markerBefore(c, w.index + 1) != nil
            }
            guard joined else { continue }
            out[k].preposition = p
            out[k].locative = previous.locative
            out[k].fromPreposition = previous.fromPreposition
        }
        return out
    }

    /// In an enumeration of places, a name the gazetteer lacks between two of them is a place of
    /// the same kind: "Шанью, Цзямусы, Фуюань, Хэган, Вэйхай (КНР)".
    private func inferListMembers(_ c: Clause, _ found: [Mention], taken: Set<Int>, nodes: inout [String: NodeDraft]) -> [Mention] {
        var out = found
        let w = c.words
        var changed = true
        while changed {
            changed = false
            for i in w.indices where w[i].isWord && w[i].isCapitalized && !w[i].isAbbreviation && !taken.contains(i) {
                // the words joining it to the place before: ",", "и", ", а также", "и также"
                let joint = i >= 3 && w[i - 1].is("также") && w[i - 2].isAny(["а", "и"]) ? (w[i - 3].isText(",") ? 3 : 2) : 1
                guard !out.contains(where: { $0.first <= i && i <= $0.last }), i > joint,
                      joint > 1 || w[i - 1].isAny([",", "и"]),
                      let left = out.first(where: { $0.last == i - joint - 1 || ($0.last < i - joint - 1 && w[($0.last + 1)..<(i - joint)].allSatisfy { x in x.isText("(") || x.isText(")") || out.contains { $0.first <= x.index && x.index <= $0.last } }) }),
                      left.type == .city, i + 1 <= w.count else { continue }
                let next = i + 1 < w.count ? w[i + 1].text : "."
                guard [",", "(", ")", ".", ";", ":"].contains(next) || next == "и" else { continue }
                // the next list element must be a place too, unless this one closes the list
                let rightIsPlace = next == "(" || out.contains { $0.first == i + 2 } || [".", ";", ")"].contains(next)
                guard rightIsPlace else { continue }
                let surface = w[i].text
                // the country of the enumeration: "Шанью, Цзямусы, Фуюань, Хэган, Вэйхай (КНР)"
                let hint = countryHint(c, after: i) ?? enumerationCountry(c, after: i)
                // a name the gazetteer knows in another spelling or case ("Манилы"), in that country
                if let known = placeLookup(surface, countryHint: hint).first(where: { $0.type == .city }),
                   hint == nil || known.country == hint {
                    register(&nodes, id: known.id, type: .city, name: nodes[known.id]?.name ?? known.name, surface: surface,
                             span: Span(document: documentID, start: w[i].start, end: w[i].end, text: surface),
                             attributes: attributes(of: known))
                    out.append(Mention(nodeID: known.id, type: .city, first: i, last: i, start: w[i].start, end: w[i].end, surface: surface))
                    changed = true
                    continue
                }
                guard let p = parse(w[i].text).first, !p.isDictionaryWord || p.tag.contains("Geox") else { continue }
                let id = "city/\(NameKey.slug(surface))"
                var attrs: [String: AttributeValue] = [:]
                if let hint { attrs["country"] = .string(hint) }
                register(&nodes, id: id, type: .city, name: surface, surface: surface,
                         span: Span(document: documentID, start: w[i].start, end: w[i].end, text: surface), attributes: attrs)
                out.append(Mention(nodeID: id, type: .city, first: i, last: i, start: w[i].start, end: w[i].end, surface: surface))
                changed = true
            }
        }
        return out.sorted { $0.first < $1.first }
    }

    func firstWordIndex(_ c: Clause) -> Int {
        c.words.firstIndex { $0.isWord } ?? 0
    }

    /// Word indices inside «…» or "…" quotes that delimit a name: where the grammar calls for
    /// one, after the head noun of an organisation, event or document ("фестиваль «…»", АО «…»,
    /// "соглашение «…»") or after "название", "имени". Other quotes (direct speech, a citation)
    /// are text like any other.
    func quotedWords(_ c: Clause) -> Set<Int> {
        var depth = 0
        var out = Set<Int>()
        var naming = false
        for w in c.words {
            if w.token.kind == .quote {
                let opens = w.isText("«") || w.isText("„") || (w.isText("\"") && depth == 0)
                if opens {
                    if depth == 0 { naming = quoteNamesSomething(c, before: w.index) }
                    depth += 1
                } else if w.isText("»") || w.isText("“") || w.isText("\"") {
                    depth = max(0, depth - 1)
                }
                continue
            }
            if depth > 0 && naming { out.insert(w.index) }
        }
        return out
    }

    /// Whether the quote at `q` follows what calls for a name: the word right before it, or a
    /// head noun up to four words back with its modifiers ("турнире по дзюдо «…»").
    private func quoteNamesSomething(_ c: Clause, before q: Int) -> Bool {
        guard q > 0, c.words[q - 1].isWord else { return false }
        let last = c.words[q - 1]
        if quoteNamesAMunicipality(c, before: q) { return false }
        if last.isAny(Lexicon.legalForms) || last.starts(with: Lexicon.nameIntroducers) || last.isAbbreviation { return true }
        for j in stride(from: q - 1, through: max(0, q - 4), by: -1) {
            let w = c.words[j]
            guard w.isWord else { return false }
            let kinds = headKinds(w)
            if kinds.organisation || kinds.event || kinds.document { return true }
        }
        return false
    }

    /// Whether the quote at `q` is a municipality's official name ("городского округа «Город
    /// Калуга»"): that is a place's name, to be read as text, not a name of its own.
    private func quoteNamesAMunicipality(_ c: Clause, before q: Int) -> Bool {
        guard q >= 2, c.words[q - 1].isWord, c.words[q - 2].isWord else { return false }
        return c.words[q - 1].starts(with: Lexicon.municipalityHeads) && c.words[q - 2].starts(with: Lexicon.municipalityKinds)
    }

    /// The place-marker word right before `i` ("г.", "города", "коммуны", "округа"…).
    func markerBefore(_ c: Clause, _ i: Int) -> Lexicon.MarkerType? {
        var j = i - 1
        if j >= 0, c.words[j].isText(".") { j -= 1 }
        guard j >= 0, c.words[j].isWord else { return nil }
        var lower = c.words[j].lower
        if j + 1 < i, c.words[j + 1].isText(".") { lower += "." }
        let plain = c.words[j].isPlain
        let initial = Int(c.words[j].initial)
        for (stem, type, exact) in initial == 63 ? Lexicon.markerTable : Lexicon.markersByInitial[initial] {
            if exact ? (plain ? lower.sameBytes(stem) : lower == stem) : (plain ? lower.hasBytePrefix(stem) : lower.hasPrefix(stem)) {
                if stem == "с." && c.words[j].isCapitalized { continue }
                // "городской", "коммунальный": adjectives are not markers
                if !stem.hasSuffix("."), !(parse(c.words[j].text).first.map { $0.tag.pos == "NOUN" } ?? false) { return nil }
                return type
            }
        }
        return nil
    }

    /// The country in the first parentheses after word `i` within the same enumeration.
    func enumerationCountry(_ c: Clause, after i: Int) -> String? {
        var j = i + 1
        while j < c.words.count, !c.words[j].isAny([";", ".", ":"]) {
            if c.words[j].isText("(") { return countryHint(c, after: j - 1) }
            if c.words[j].isWord, !c.words[j].isCapitalized, !c.words[j].is("и") { return nil }
            j += 1
        }
        return nil
    }

    /// The country an adjective before `i` names: "турецкий Самсун", "немецкие Дортмунд и Гера".
    func adjectiveCountry(_ c: Clause, before i: Int) -> String? {
        var j = i - 1
        // the rest of an enumeration the adjective opens: "немецкие Дортмунд и Гера"
        while j >= 1, c.words[j].is("и") || c.words[j].isText(","), c.words[j - 1].isCapitalized { j -= 2 }
        guard j >= 0, c.words[j].isWord, !c.words[j].isCapitalized || j == firstWordIndex(c) else { return nil }
        for p in parse(c.words[j].text).prefix(3) where p.tag.pos == "ADJF" {
            if let code = Lexicon.countryAdjectives[p.normalForm] { return code }
        }
        return nil
    }

    /// The country after a comma that closes a list line: "Тампере, Финляндия".
    func commaCountry(_ c: Clause, after i: Int) -> String? {
        // a table's next column: "Зуль<TAB>Германия<TAB>1969"
        if i + 1 < c.words.count, c.words[i + 1].isCapitalized,
           text.slice(c.words[i].end, c.words[i + 1].start).unicodeScalars.contains("\t") {
            return countryCode(c.words[i + 1].text)
        }
        guard i + 2 < c.words.count, c.words[i + 1].isText(","), c.words[i + 2].isCapitalized else { return nil }
        let end = (i + 2..<c.words.count).first { !c.words[$0].isWord } ?? c.words.count
        guard end <= i + 4 else { return nil }
        return countryCode(text.slice(c.words[i + 2].start, c.words[end - 1].end))
    }

    /// The country named in parentheses right after the name starting at `i`: "Кайфын (КНР)".
    func countryHint(_ c: Clause, after i: Int) -> String? {
        var j = i + 1
        while j < c.words.count, c.words[j].isWord, j - i < 4, c.words[j].isCapitalized || c.words[j].hasHyphen { j += 1 }
        guard j + 1 < c.words.count, c.words[j].isText("(") else { return nil }
        var k = j + 1
        var names: [String] = []
        var current: [Word] = []
        while k < c.words.count, !c.words[k].isText(")") {
            if c.words[k].isText(",") {
                if !current.isEmpty { names.append(text.slice(current.first!.start, current.last!.end)) }
                current = []
            } else { current.append(c.words[k]) }
            k += 1
        }
        if !current.isEmpty { names.append(text.slice(current.first!.start, current.last!.end)) }
        for name in names.reversed() {
            if let code = countryCode(name) { return code }
        }
        return nil
    }

    private func pick(_ matches: [PlaceMatch], surface: String, hint: String?, words: [Word],
                      marker: Lexicon.MarkerType?, adjectiveMayBeTheName: Bool) -> Picked? {
        if words.count == 1, let reading = Lexicon.ambiguousAbbreviations[words[0].text] {
            // "КР": Korea where the report speaks of Korea, else Kyrgyzstan
            let code = documentLowerText().has(reading.cue) ? reading.code : reading.otherwise
            return gazetteer.country(code: code).map { Picked(place: $0, quality: .exact, matchedName: fold($0.name)) }
        }
        return pickMatch(matches, surface: surface, hint: hint, words: words, marker: marker,
                         adjectiveMayBeTheName: adjectiveMayBeTheName).map(Picked.init)
    }

    private func pickMatch(_ matches: [PlaceMatch], surface: String, hint: String?, words: [Word],
                           marker: Lexicon.MarkerType?, adjectiveMayBeTheName: Bool = false) -> PlaceMatch? {
        guard !matches.isEmpty else { return nil }
        if words.count == 1, Lexicon.notPlaces.contains(words[0].lower), marker == nil { return nil }
        // "КНР", "США": abbreviations name countries and regions only, and only exactly.
        if words.count == 1, words[0].isAbbreviation, Lexicon.ambiguousAbbreviations[words[0].text] == nil {
            // "КНР" is a country; "ОМСК" in a heading is the city written in capitals
            return matches.first { $0.quality == .exact && $0.place.type != .city }
                ?? (words[0].isAllCaps && words[0].text.count >= 4 ? matches.first { $0.quality == .exact && $0.place.population >= 50_000 } : nil)
        }
        // "городов Японии": a country is a country even after a city marker.
        if let country = matches.first(where: { $0.place.type == .country }), country.quality == matches[0].quality {
            return country.isCommonWord && words.count == 1 && !words[0].isAllCaps && marker == nil && hint == nil ? nil : country
        }
        // Adjectives ("Омского", "Иркутские") belong to names of organisations, not places;
        // a multi-word gazetteer name ("Краснодарского края") is matched as a whole.
        if words.count == 1, isAdjective(words[0].text), !adjectiveMayBeTheName { return nil }
        var candidates = matches
        if let hint {
            let preferred = candidates.filter { $0.place.country == hint }
            if !preferred.isEmpty { candidates = preferred }
            // "Шанью (КНР)" is not the French "Шанье": a city of another country than the one in
            // parentheses is another place, one the gazetteer lacks
            // (an exact name stays itself: "Тайбей (КНР)" is Taipei whatever the parentheses say)
            else if words.count == 1, candidates.allSatisfy({ $0.place.type == .city && $0.quality != .exact }) { return nil }
        }
        if let marker {
            let typed = candidates.filter { marker == .city ? $0.place.type == .city : $0.place.type == .region }
            // "крупные города Азии": a village named like a continent does not beat the continent
            let bigOther = candidates.first.map { $0.place.type != .city && $0.quality == .exact } ?? false
            if !typed.isEmpty, !(bigOther && marker == .city && typed[0].place.population < 10_000) { candidates = typed }
            // "округ Бёрде" is not the city "Берд": a marker of another type and an inexact match
            // mean a place the gazetteer lacks.
            else if candidates.allSatisfy({ $0.quality != .exact }) { return nil }
        }
        // "Плевен", "Ровиго": a name shared by a city and its province is the city, unless a
        // region's marker says otherwise
        if marker == nil, let first = candidates.first, first.place.type == .region,
           // (only where the region's own name is matched: "Кубань", another name, is the region)
           NameKey.fold(first.place.name) == first.matchedName,
           let city = candidates.first(where: { $0.place.type == .city && $0.quality == first.quality && $0.place.country == first.place.country }) {
            candidates = [city] + candidates.filter { $0.place.id != city.place.id }
        }
        guard let best = candidates.first else { return nil }
        // A country in parentheses supports only a place of that country.
        let strongContext = marker != nil || (hint != nil && best.place.country == hint)
        // "Совета", "Мира": a common noun of the dictionary that is no place name.
        if words.count == 1, !strongContext, best.place.type != .country, isCommonNoun(words[0].text) { return nil }
        switch best.place.type {
        case .country:
            if best.isCommonWord && !words[0].isAllCaps && words.count == 1 && !strongContext { return nil }
            return best
        case .region:
            if (best.isCommonWord || best.isPersonalName) && !strongContext { return nil }
            if best.quality == .variant && !strongContext { return nil }
            return best
        case .city:
            if strongContext { return best }
            if best.isCommonWord || best.isPersonalName { return nil }
            if best.quality == .variant { return nil }
            // Without a marker only well-known places: a small village named like a word or a
            // surname is far likelier to be that word.
            return best.place.population >= 50_000 || best.place.isCapital ? best : nil
        }
    }

    /// A name in apposition to an organisation's head noun, in the nominative while the head is
    /// not, names the organisation: "учеников школы Нант", "студентов университета Хоккайдо"
    /// ("палате Магдебурга", inflected with its head, is still the city).
    func namesAnOrganisation(_ c: Clause, at i: Int) -> Bool {
        let w = c.words
        guard i > 0, w[i - 1].isWord, isOrganisationHead(w[i - 1]) else { return false }
        return parse(w[i - 1].text).first.map { $0.tag.case != "nomn" } ?? false
    }

    func isOrganisationHead(_ w: Word) -> Bool {
        guard headForms.mayHead(w) else { return false }
        return parse(w.text).prefix(2).contains { Lexicon.organisationLemmas.contains($0.normalForm) || Lexicon.eventLemmas.contains($0.normalForm) }
    }

    func isCommonNoun(_ word: String) -> Bool {
        let parses = parse(word)
        if parses.contains(where: { $0.tag.contains("Geox") }) { return false }
        return parses.first?.isDictionaryWord ?? false
    }

    func isAdjective(_ word: String) -> Bool {
        // "Железногорска-Илимского": a hyphenated name is a noun when its first part is one
        if word.contains("-"), let head = word.split(separator: "-").first, head.count > 2,
           parse(String(head)).first.map({ $0.tag.pos == "NOUN" }) ?? false {
            return false
        }
        let parses = parse(word)
        guard let p = parses.first else { return false }
        // "Омском" is an adjective's form and the city's instrumental: a Geox reading wins
        if parses.contains(where: { $0.tag.contains("Geox") }) { return false }
        return p.tag.pos == "ADJF" || p.tag.pos == "PRTF"
    }

    /// A place the gazetteer lacks, recognised from its marker: "г. Удалянчи", "коммуна
    /// Стрёмсунд", "муниципалитета Барлебена".
    private func newPlace(_ c: Clause, at i: Int, marker: Lexicon.MarkerType, hint: String?,
                          taken: Set<Int>, nodes: inout [String: NodeDraft]) -> Mention? {
        let w = c.words
        var last = i
        // "Верхняя Савойя": a following capitalised word belongs to the same name, unless it is
        // a place in the genitive, the one this is in ("префектурой Сонгинохайрхан Улан-Батора").
        while last + 1 < w.count, w[last + 1].isWord, w[last + 1].isCapitalized, !taken.contains(last + 1),
              last - i < 2, !isGenitivePlace(w[last + 1]) { last += 1 }
        let surface = text.slice(w[i].start, w[last].end)
        guard surface.unicodeScalars.first.map({ CharacterSets.cyrillicUpper($0) }) ?? false else { return nil }
        if Lexicon.notPlaces.contains(w[i].lower) { return nil }
        if w[i].isAbbreviation { return nil }
        // "города Концепция развития", "департаментом Университета Хоккайдо": a common word of
        // the dictionary after a marker is no new place.
        if isOrganisationHead(w[i]) || isAdjective(w[i].text) && last == i { return nil }
        if isCommonNoun(w[i].text), last + 1 < w.count, w[last + 1].isWord, !w[last + 1].isCapitalized,
           parse(w[last + 1].text).first.map({ $0.tag.pos == "NOUN" && $0.tag.case == "gent" }) ?? false { return nil }
        let name = nominativePlaceName(surface, markerCase: markerCase(c, before: i))
        let type: NodeType = marker == .city ? .city : .region
        let id = "\(type.rawValue)/\(NameKey.slug(name))"
        var attrs: [String: AttributeValue] = [:]
        if let hint { attrs["country"] = .string(hint) }
        register(&nodes, id: id, type: type, name: name, surface: surface,
                 span: Span(document: documentID, start: w[i].start, end: w[last].end, text: surface), attributes: attrs)
        let afterDistrictWord = i > 0 && w[i - 1].isWord && Lexicon.districtWords.contains { fold(w[i - 1].text).hasPrefix($0) }
        let cityAfter = last + 1 < w.count && w[last + 1].isWord && w[last + 1].isCapitalized && isGenitivePlace(w[last + 1])
        if type == .region && (afterDistrictWord || cityAfter) { nodes[id]?.namedAsDistrict = true }
        return Mention(nodeID: id, type: type, first: i, last: last, start: w[i].start, end: w[last].end, surface: surface)
    }

    /// A word that is a place of the gazetteer in the genitive only: "Улан-Батора", "Иркутска".
    func isGenitivePlace(_ word: Word) -> Bool {
        guard !placeMatches(word.text).isEmpty else { return false }
        let readings = parse(word.text)
        return readings.contains { $0.tag.case == "gent" } && !readings.contains { $0.tag.case == "nomn" }
    }

    /// Nominative of a place name: each word through the analyzer, keeping indeclinable
    /// foreign names as they are.
    func nominativePlaceName(_ surface: String, markerCase: String? = nil) -> String {
        let parts = surface.split(separator: " ").map(String.init)
        return parts.map { part -> String in
            if let mc = markerCase, mc != "nomn", let hyphenated = nominativeOfHyphenatedName(part, case: mc) { return hyphenated }
            // "города Пучона": the name agrees with its marker's case; without an ending of that
            // case it does not decline ("префектурой Сонгинохайрхан", "городом Вэйхай")
            if let mc = markerCase, mc != "nomn", mc != "accs" {
                if let endings = Lexicon.caseEndings[mc], !endings.contains(where: { fold(part).hasSuffix($0) }) { return part }
                if let p = parse(part).first(where: { $0.tag.case == mc && $0.tag.pos == "NOUN" }) {
                    return capitalizeLike(part, p.normalForm)
                }
            }
            if markerCase == "nomn" || markerCase == "accs" { return part }
            // foreign names ending in a vowel other than а/я do not decline: "Бёрде", "Удалянчи"
            if let last = fold(part).last, "еиоуюэ".contains(last) { return part }
            guard let best = parse(part).first else { return part }
            if best.tag.case == nil || best.tag.case == "nomn" || best.tag.contains("Fixd") { return part }
            let normalized = normalizer.nominative(part)
            return normalized.isEmpty ? part : normalized
        }.joined(separator: " ")
    }

    /// "Железногорска-Илимского" (genitive) → "Железногорск-Илимский": a noun and an adjective
    /// agreeing with it, each put into the nominative; nil for other names.
    func nominativeOfHyphenatedName(_ name: String, case wanted: String) -> String? {
        let halves = name.split(separator: "-").map(String.init)
        guard halves.count == 2,
              let noun = parse(halves[0]).first(where: { $0.tag.case == wanted && $0.tag.pos == "NOUN" }),
              let adjective = parse(halves[1]).first(where: { $0.tag.case == wanted && $0.tag.pos == "ADJF" && $0.tag.gender == noun.tag.gender }),
              let form = analyzer.inflect(adjective, to: ["nomn"]) else { return nil }
        return capitalizeLike(halves[0], noun.normalForm) + "-" + capitalizeLike(halves[1], form.word)
    }

    /// The grammatical case of the marker word before `i` ("города" → gent), if it is a word.
    func markerCase(_ c: Clause, before i: Int) -> String? {
        var j = i - 1
        if j >= 0, c.words[j].isText(".") { return nil }
        guard j >= 0 else { return nil }
        let parses = parse(c.words[j].text).filter { $0.tag.pos == "NOUN" }
        guard let first = parses.first else { return nil }
        // ambiguous forms ("округ" nomn/accs) count as nominative
        if parses.contains(where: { $0.tag.case == "nomn" }) { return "nomn" }
        j = 0
        return first.tag.case
    }

    /// The node's name: the gazetteer's, unless the report spells the place its own way
    /// ("Кайфын" for the gazetteer's "Кайфэн", "Субботица" for "Суботица"); countries keep
    /// their standard names ("КНР" is "Китай").
    func displayName(of place: Place, surface: String) -> String {
        // remembered per place and spelling: a report names its partners again and again
        let key = BytesKey(place.id + "\u{0}" + surface)
        if let name = memo.displayNames[key] { return name }
        let name = computeDisplayName(of: place, surface: surface)
        memo.displayNames[key] = name
        return name
    }

    private func computeDisplayName(of place: Place, surface: String) -> String {
        guard place.type != .country, !surface.utf8.contains(0x20), !(surface.count > 1 && surface.allSatisfy { !$0.isLetter || $0.isUppercase }) else {
            return place.name
        }
        let candidate: String
        if let geo = parse(surface).first(where: { $0.tag.contains("Geox") }) {
            candidate = capitalizeLike(surface, geo.normalForm)
        } else if let m = placeMatches(surface).first(where: { $0.place.id == place.id }) {
            candidate = m.quality == .inflected ? restoreCase(m.matchedName, like: surface) : surface
        } else {
            return place.name
        }
        if fold(candidate) == fold(place.name) { return place.name }
        // only a spelling the gazetteer itself knows for this place, read as a nominative
        return placeMatches(candidate).contains { $0.place.id == place.id && $0.quality != .inflected } ? candidate : place.name
    }

    /// A folded name written with the capitals of the text: "улан-батор" like "Улан-Батора".
    func restoreCase(_ key: String, like surface: String) -> String {
        var out = ""
        var capitalizeNext = true
        for ch in key {
            out += capitalizeNext ? ch.uppercased() : String(ch)
            capitalizeNext = ch == "-" || ch == " "
        }
        // keep ё where the surface has it
        let s = Array(surface), o = Array(out)
        return String(o.enumerated().map { k, ch in k < s.count && fold(String(s[k])) == fold(String(ch)) ? s[k] : ch })
    }

    /// The preposition right before word `i`, skipping place markers and adjectives between.
    func prepositionBefore(_ c: Clause, _ i: Int) -> String? {
        var j = i - 1
        var skipped = 0
        while j >= 0, skipped < 4 {
            let w = c.words[j]
            // "из таких стран, как: A, B"
            if w.isText(".") || w.isText(":") || w.isText(",") && j > 0 && c.words[j - 1].isAny(["стран", "городов", "регионов"]) || w.is("как") {
                j -= 1; continue
            }
            if w.isAny(Recognizer.placePrepositions) { return w.lower }
            if w.isWord, w.is("г") || w.starts(with: Recognizer.wordsBeforePlaces) || isAdjective(w.text)
                || Lexicon.markerTable.contains(where: { !$0.exact && w.starts(with: $0.stem) }) {
                j -= 1; skipped += 1; continue
            }
            return nil
        }
        return nil
    }

    static let placePrepositions: Stems = ["в", "во", "из", "с", "со", "на", "до", "к", "ко", "между", "для", "от", "по", "у"]

    /// Markers and adjectives that may stand between a preposition and its place.
    /// ("г" alone is matched as a whole word: "году", "главой" are no markers.)
    static let wordsBeforePlaces: Stems = [
        "город", "коммун", "муниципалитет", "округ", "департамент", "провинци", "префектур", "област",
        "такие", "таких", "страны", "стран", "республик", "столиц", "район",
    ]

    /// The cases a place mention may stand in: its marker noun's ("городом Вэйхай"), else those
    /// of its last word's noun or adjective readings ("Сергиевым Посадом", "Полевского"). A name
    /// that does not decline ("Вэйхай", "Саппоро") gives no answer.
    func grammaticalCases(_ c: Clause, _ m: Mention) -> Set<String> {
        var j = m.first - 1
        if j >= 0, c.words[j].isText(".") { j = -1 }  // "г. Омск": an abbreviation has no case
        let readings = parse(c.words[m.last].text).filter {
            ($0.tag.pos == "NOUN" || $0.tag.pos == "ADJF") && !$0.tag.contains("Fixd")
        }
        var cases = Set(readings.compactMap(\.tag.case))
        let known = readings.contains(where: \.isDictionaryWord)
        if j >= 0, markerBefore(c, m.first) != nil {
            // a name in apposition takes its marker's case ("городом Вэйхай"); a known name
            // in a case of its own does not ("Города-побратимы Челябинска")
            let markerCases = Set(parse(c.words[j].text).filter { $0.tag.pos == "NOUN" }.compactMap(\.tag.case))
            let knownName = readings.contains { $0.isDictionaryWord && $0.tag.contains("Geox") }
            if !markerCases.isEmpty, !(knownName && cases.isDisjoint(with: markerCases)) { return markerCases }
        }
        // a name the dictionary lacks, in its nominative form, is as likely its accusative
        // ("посетили Кентшин"): the guesser gives only the first
        if !known, cases.contains("nomn") { cases.insert("accs") }
        // an adjective before the name agrees with it: "финский Ярвенкюля" is nominative
        if m.first > 0, c.words[m.first - 1].isWord {
            let adjective = Set(parse(c.words[m.first - 1].text).filter { $0.tag.pos == "ADJF" }.compactMap(\.tag.case))
            if !adjective.isEmpty {
                let agreeing = cases.intersection(adjective)
                // (a known word disagreeing with its adjective is a foreign name that looks like
                // one: "американский Мобил")
                if !known || cases.isEmpty || agreeing.isEmpty { return adjective }
                return agreeing
            }
        }
        return cases
    }

    /// The mention with the case the morphology model reads in context added, when the
    /// dictionary does not know its last word as a place: "Мобил подружился" is nominative though
    /// "мобил" is a genitive plural of the dictionary.
    func addingContextCase(_ m: Mention, in c: Clause, tree: SyntaxTree) -> Mention {
        guard m.last < tree.count, let ud = tree.cases[m.last], let grammeme = Self.universalCases[ud],
              !m.cases.isEmpty, !m.cases.contains(grammeme) else { return m }
        if parse(c.words[m.last].text).contains(where: { $0.tag.contains("Geox") }) { return m }
        var out = m
        out.cases.insert(grammeme)
        return out
    }

    func nodeType(_ t: PlaceType) -> NodeType {
        switch t {
        case .city: return .city
        case .region: return .region
        case .country: return .country
        }
    }

    func attributes(of p: Place) -> [String: AttributeValue] {
        var a: [String: AttributeValue] = [:]
        if let c = p.country { a["country"] = .string(c) }
        if let g = p.geonameID { a["geonames"] = .int(g) }
        if let lat = p.latitude { a["lat"] = .double((lat * 100).rounded() / 100) }
        if let lon = p.longitude { a["lon"] = .double((lon * 100).rounded() / 100) }
        return a
    }
}

/// A chosen reading of a place name.
struct Picked {
    var place: Place
    var quality: PlaceMatch.Quality
    var matchedName: String
    init(place: Place, quality: PlaceMatch.Quality, matchedName: String) {
        self.place = place
        self.quality = quality
        self.matchedName = matchedName
    }
    init(_ m: PlaceMatch) { self.init(place: m.place, quality: m.quality, matchedName: m.matchedName) }
}

/// Adds a mention (and its surface as an alias) to the node `id`, creating it if new.
func register(_ nodes: inout [String: NodeDraft], id: String, type: NodeType, name: String, surface: String,
              span: Span, attributes: [String: AttributeValue] = [:]) {
    // taken out of the dictionary while it changes, so that its arrays are not shared (and copied)
    var draft = nodes.removeValue(forKey: id) ?? NodeDraft(id: id, type: type, name: name)
    draft.addAlias(surface)
    draft.mentions.append(span)
    for (k, v) in attributes where draft.attributes[k] == nil { draft.attributes[k] = v }
    nodes[id] = draft
}

enum CharacterSets {
    static func cyrillicUpper(_ s: Unicode.Scalar) -> Bool {
        (0x0410...0x042F).contains(s.value) || s.value == 0x0401
    }
    static func isCyrillic(_ s: Unicode.Scalar) -> Bool {
        (0x0400...0x04FF).contains(s.value)
    }
}
