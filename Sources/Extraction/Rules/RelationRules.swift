import KnowledgeGraph
import Morphology

/// What one clause holds once its entities are recognised.
struct ClauseFacts: Sendable {
    let clause: Clause
    var places: [Mention] = []
    var people: [Mention] = []
    var phrases: [Mention] = []
    var dates: [DateMention] = []
    /// Word indices that refer to the reporting city without naming it ("омская", "омичи",
    /// "администрация города").
    var reporterWords: [Int] = []
    /// The clause's dependency tree, when Natasha's models ran.
    var tree: SyntaxTree?

    var words: [Word] { clause.words }
    var span: Span { Span(document: "", start: clause.start, end: clause.end, text: clause.text) }

    /// Places that can be partners or visit ends: not a parenthetical country after a name.
    var actorPlaces: [Mention] { places.filter { !$0.parenthetical } }

    /// Word `i` stands inside parentheses.
    func insideParentheses(_ i: Int) -> Bool {
        var depth = 0
        for w in words[..<i] {
            if w.isText("(") { depth += 1 } else if w.isText(")") { depth = max(0, depth - 1) }
        }
        return depth > 0
    }

    func insidePhrase(_ i: Int) -> Bool { phrases.contains { $0.first <= i && i <= $0.last } }

    /// Inside the name of an event or organisation (a signed document's title does not count:
    /// "протокола о намерении установить побратимские отношения" speaks of the partnership).
    func insideName(_ i: Int) -> Bool { phrases.contains { !$0.isDocument && $0.first <= i && i <= $0.last } }

    func firstIndex(where stems: Stems, from: Int = 0, outsidePhrases: Bool = true) -> Int? {
        guard from < words.count else { return nil }
        return (from..<words.count).first { i in
            words[i].isWord && words[i].starts(with: stems) && !(outsidePhrases && insidePhrase(i))
        }
    }
}

/// An edge found by a rule, before merging.
struct EdgeDraft: Sendable {
    var type: EdgeType
    var source: String
    var target: String
    var attributes: [String: AttributeValue] = [:]
    var evidence: [Span]
    /// The rule that produced it (shown by `--explain`).
    var rule: String
    /// How its ends hang from its trigger in the dependency tree (shown by `--explain`).
    var path: String = ""
}

/// The relation rules. Each is a small function from the clauses of a document to edges.
struct RelationRules {
    /// `partnershipCues` of each clause, by clause index, once found.
    final class CueCache {
        var cues: [Int: [(index: Int, twin: Bool)]] = [:]
    }

    let cueCache = CueCache()
    let analyzer: MorphAnalyzer
    let documentID: String
    let reporter: String?
    let reportYear: Int?
    let facts: [ClauseFacts]

    func evidence(_ k: Int) -> Span {
        let c = facts[k].clause
        return Span(document: documentID, start: c.start, end: c.end, text: c.text)
    }

    func timeAttributes(_ f: ClauseFacts, near position: Int) -> [String: AttributeValue] {
        if let d = Dates.nearest(f.dates, to: position) {
            var a: [String: AttributeValue] = ["year": .int(d.year)]
            if d.month != nil { a["date"] = .string(d.iso) }
            return a
        }
        if let reportYear { return ["year": .int(reportYear)] }
        return [:]
    }

    /// The partners each place has in the document, once the partnership rules have run: a
    /// visit to "город-побратим" with no name goes to the one partner its visitor has.
    final class DocumentPartners {
        var partners: [String: Set<String>] = [:]
    }
    let documentPartners = DocumentPartners()

    func all() -> [EdgeDraft] {
        var out: [EdgeDraft] = []
        for k in facts.indices { out += partnership(k) }
        for e in out {
            documentPartners.partners[e.source, default: []].insert(e.target)
            documentPartners.partners[e.target, default: []].insert(e.source)
        }
        for k in facts.indices {
            let v = roleVisits(k)
            out += v.isEmpty ? participationVisits(k) : v
            let signed = signing(k)
            out += signed
            out += partnershipsBySigning(k, signed, known: out)
            out += offices(k)
            out += eventsHeldAndAttended(k)
            out += participationInAnEventNamedBefore(k)
            out += membership(k)
        }
        return out
    }

    /// The drafts with the tree path between their two ends where one clause holds both (for
    /// `--explain`); a draft that has its own path keeps it.
    func withTreePaths(_ drafts: [EdgeDraft]) -> [EdgeDraft] {
        var clauseAt: [Int: Int] = [:]
        for (k, f) in facts.enumerated() { clauseAt[f.clause.start] = k }
        return drafts.map { withTreePath($0, clauseAt) }
    }

    private func withTreePath(_ d: EdgeDraft, _ clauseAt: [Int: Int]) -> EdgeDraft {
        guard d.path.isEmpty, d.evidence.count == 1, let span = d.evidence.first,
              let k = clauseAt[span.start], let tree = facts[k].tree else { return d }
        let f = facts[k]
        let mentions = f.places + f.people + f.phrases
        guard let a = mentions.first(where: { $0.nodeID == d.source }), let b = mentions.first(where: { $0.nodeID == d.target }),
              tree.count == f.words.count else { return d }
        var out = d
        out.path = tree.link(tree.head(of: a.first...a.last), tree.head(of: b.first...b.last), words: f.words)
        return out
    }

    // MARK: Partnership

    /// Every partnership cue of a clause, with whether it speaks of twinning.
    func partnershipCues(_ f: ClauseFacts) -> [(index: Int, twin: Bool)] {
        // asked for a clause by several rules and for each of its places: worked out once
        if let cues = cueCache.cues[f.clause.index] { return cues }
        let cues = findPartnershipCues(f)
        cueCache.cues[f.clause.index] = cues
        return cues
    }

    private func findPartnershipCues(_ f: ClauseFacts) -> [(index: Int, twin: Bool)] {
        // Every cue below holds one of these; a plain clause without them has none (see
        // `Clause.isPlain`), and most clauses are spared the word scan. In a plain clause each
        // word's lower-case form is a slice of the clause's, so a stem the clause lacks is in
        // none of its words.
        let plain = f.clause.isPlain
        let mayChange = !plain || Lexicon.partnershipChanges.contains { f.clause.has($0.stem) }
        if plain, !mayChange, !Lexicon.partnershipCueStems.contains(where: { f.clause.has($0) }), !f.clause.has("между") { return [] }
        let mayTwin = !plain || f.clause.has("побратим")
        // (lower-case forms have ё folded to е: "партнёр" is found as "партнер")
        let mayPartner = !plain || f.clause.has("партнер")
        let mayFriendly = !plain || f.clause.has("дружес") || f.clause.has("добрососедск")
        let mayCooperate = !plain || f.clause.has("сотрудничеств")
        let mayBefriend = !plain || Lexicon.partnershipVerbStems.contains { f.clause.has($0) } || f.clause.has("дружб")
        var out: [(Int, Bool)] = []
        // "соглашение между A и B", "документы подписали между собой A и B": an agreement of two
        // places is a partnership of theirs
        for d in f.phrases where d.isDocument && Lexicon.partnershipDocumentLemmas.contains(where: { fold(d.surface).has($0) }) {
            let near = f.words[d.first..<min(f.words.count, d.last + 4)]
            if near.contains(where: { $0.is("между") }) { out.append((d.first, false)) }
        }
        for w in f.words where w.isWord {
            let l = w.lower
            // "разорвал отношения с A", "приостановили связи": relations that changed are a
            // partnership's, whatever they are called
            if mayChange, Lexicon.partnershipChanges.contains(where: { w.starts(with: $0.stem) }),
               f.words[(w.index + 1)..<min(f.words.count, w.index + 4)].contains(where: { $0.starts(with: Lexicon.relationNouns) }) {
                out.append((w.index, false)); continue
            }
            // A cue inside an event's name counts only when the name lists the partners:
            // "конференции городов-побратимов Хабаровск – Ниигата – Харбин", not "Встрече
            // российско-германских городов-партнеров".
            if f.insideName(w.index), !f.actorPlaces.contains(where: { $0.first == w.index + 1 }) { continue }
            if mayTwin, l.has("побратим") { out.append((w.index, true)); continue }
            if mayPartner, l.has("-партнер") || w.starts(with: "партнерск") || w.starts(with: "партнерств") {
                out.append((w.index, false)); continue
            }
            // "являются партнёрами Ярославля": a plain "партнёр" only with a place's genitive
            // after it (business partners are no partnership)
            if mayPartner, w.isAny(Lexicon.partnerNouns),
               let m = f.actorPlaces.first(where: { $0.first > w.index && $0.first <= w.index + 3 }),
               m.cases.contains("gent"), m.type != .country,
               f.words[(w.index + 1)..<m.first].allSatisfy({ x in x.isText(".") || Lexicon.markerTable.contains { x.starts(with: $0.stem) } }) {
                out.append((w.index, false)); continue
            }
            if mayFriendly, w.starts(with: "дружествен") || w.starts(with: "добрососедск") || w.starts(with: "дружеск") {
                let near = f.words[w.index..<min(f.words.count, w.index + 4)]
                if near.contains(where: { $0.starts(with: Lexicon.relationNouns) }) { out.append((w.index, false)) }
                continue
            }
            if mayBefriend, isPartnershipVerb(w) { out.append((w.index, w.lower.has("брат"))); continue }
            // "сотрудничество между A и B", "дружба между двумя городами", "о дружбе с A"
            if mayCooperate || mayBefriend, w.starts(with: "сотрудничеств") || w.starts(with: "дружб"),
               w.index + 1 < f.words.count, f.words[w.index + 1].isAny(["между", "с", "со"]) {
                let next = w.index + 2 < f.words.count ? f.words[w.index + 2] : nil
                if f.actorPlaces.contains(where: { $0.first > w.index + 1 && $0.first <= w.index + 4 && $0.type != .country })
                    || (f.words[w.index + 1].is("между") && next.map { $0.isAny(Lexicon.partiesAnaphora) } ?? false) {
                    out.append((w.index, false)); continue
                }
            }
            // "дружба A и B", "сотрудничество городов A и B": a relation noun with the two
            // places in the genitive after it
            if mayCooperate || mayBefriend || mayPartner, w.starts(with: Lexicon.relationOfTwoStems),
               let a = f.actorPlaces.first(where: { $0.first > w.index && $0.first <= w.index + 2 }), a.cases.contains("gent") || a.cases.isEmpty,
               let b = f.actorPlaces.first(where: { $0.first > a.last }), b.first >= a.last + 2, b.first <= a.last + 3,
               f.words[(a.last + 1)..<b.first].contains(where: { $0.is("и") }), b.mayBe("gent"),
               a.type != .country, b.type != .country {
                out.append((w.index, false)); continue
            }
            // "сотрудничество с городом Тайбей", "отношения сотрудничества со следующими городами"
            if mayCooperate, w.starts(with: "сотрудничеств"), w.index + 1 < f.words.count, f.words[w.index + 1].isAny(["с", "со"]) {
                let after = f.words[(w.index + 2)..<min(f.words.count, w.index + 6)]
                if after.contains(where: { $0.starts(with: "город") || $0.starts(with: "муниципалитет") })
                    || f.actorPlaces.contains(where: { $0.first == w.index + 2 && $0.type != .country }) {
                    out.append((w.index, false))
                }
            }
        }
        return out
    }

    /// "подружились", "побратались", "породнились": a verb whose lemma is in
    /// `Lexicon.partnershipVerbs`.
    func isPartnershipVerb(_ w: Word) -> Bool {
        guard Lexicon.partnershipVerbStems.contains(where: { w.lower.has($0) }) else { return false }
        return analyzer.parse(w.text).contains { ($0.tag.pos == "VERB" || $0.tag.pos == "INFN" || $0.tag.pos == "PRTF" || $0.tag.pos == "PRTS")
            && Lexicon.partnershipVerbs.contains($0.normalForm) }
    }

    func partnershipCue(_ f: ClauseFacts) -> (index: Int, twin: Bool)? {
        let cues = partnershipCues(f)
        return cues.first { $0.twin } ?? cues.first
    }

    /// The relation a place takes: that of the nearest cue before it, else the clause's.
    func relationType(of m: Mention, in f: ClauseFacts, default fallback: EdgeType) -> EdgeType {
        guard let cue = partnershipCues(f).last(where: { $0.index < m.first }) else { return fallback }
        return cue.twin ? .twinnedWith : .partnerOf
    }

    /// A place written with a marker ("г. Шэньян") or a country in parentheses.
    func isMarked(_ m: Mention, in f: ClauseFacts) -> Bool {
        let w = f.words
        var j = m.first - 1
        if j >= 0, w[j].isText(".") { j -= 1 }
        if j >= 0, w[j].starts(with: ["г", "город", "коммун", "департамент", "муниципалитет", "округ", "провинци"]) { return true }
        return m.last + 1 < w.count && w[m.last + 1].isText("(")
    }

    /// Clauses governed by clause `k`: its bulleted list, or the numbered headings of its section.
    func following(_ k: Int, asList: Bool = false) -> [Int] {
        var out: [Int] = []
        var j = k + 1
        if facts[k].clause.introducesList || asList {
            while j < facts.count, facts[j].clause.isListItem || !facts[j].clause.startsLine {
                if facts[j].clause.isListItem { out.append(j) }
                j += 1
            }
            if !out.isEmpty { return out }
            // lines without bullets, each starting with a place: "Тампере, Финляндия"
            j = k + 1
            while j < facts.count, isUnbulletedItem(facts[j]) { out.append(j); j += 1 }
            // a list of places, not of headings: most of its lines start with one
            let startingWithPlace = out.filter { j in
                facts[j].actorPlaces.first.map { $0.first == facts[j].words.firstIndex(where: \.isWord) } ?? false
            }
            if startingWithPlace.count * 2 >= out.count, !out.isEmpty { return out }
            out = []
            j = k + 1
        }
        while j < facts.count {
            let c = facts[j].clause
            if c.isHeading && !c.isNumberedHeading { break }
            if c.isNumberedHeading { out.append(j) }
            j += 1
        }
        return out
    }

    /// A short line of a list without bullets ("Тампере, Финляндия"): a line of its own with no
    /// final punctuation. A run of them after a colon is the list, whether or not each line's
    /// place is known.
    func isUnbulletedItem(_ f: ClauseFacts) -> Bool {
        f.clause.startsLine && f.clause.isHeading && !f.clause.isListItem
    }

    /// "10 лет с момента установления побратимских связей", "20-летия установления".
    func yearsSinceEstablished(_ f: ClauseFacts) -> Int? {
        let w = f.words
        for (i, x) in w.enumerated() {
            if x.lower.has("-лети"), let n = Int(x.lower.prefix { $0.isNumber }),
               w[(i + 1)..<min(w.count, i + 6)].contains(where: { $0.starts(with: "установлени") }) {
                return n
            }
            if x.token.kind == .number, let n = Int(x.text), n < 200, i + 1 < w.count,
               w[i + 1].isAny(["лет", "год", "года"]),
               w[(i + 2)..<min(w.count, i + 8)].contains(where: { $0.starts(with: "установлени") }) {
                return n
            }
        }
        return nil
    }
}
