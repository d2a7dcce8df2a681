import KnowledgeGraph

/// Partnerships between any two places, from the grammatical roles of the places around a
/// partnership cue (`RelationRules.partnershipCues`):
///
/// - `partnership.between`: "соглашение между A и B";
/// - `partnership.owner`: the place whose partners the clause names, in the genitive after the
///   cue noun or after "у" ("побратимы A: B, C", "у A есть побратим — B"), with every other place;
/// - `partnership.with`: the subject and the places after "с" ("A подружился с B и C", "с A
///   подружились B и C");
/// - `partnership.pair`: two places named together ("A и B стали побратимами");
/// - `partnership.reporter`: the reporting city, when the clause leaves the owner implicit;
/// - `partnership.list` and `partnership.continuation`: places the clause announces (a list
///   after a colon, numbered sections, the next sentence).
///
/// Countries take part in no partnership: a country beside a city says where the city is.
extension RelationRules {
    /// The kinds of place that can be partners.
    static let partnerTypes: Set<NodeType> = [.city, .region]

    func partnership(_ k: Int) -> [EdgeDraft] {
        let f = facts[k]
        let cues = partnershipCues(f)
        guard let cue = partnershipCue(f) else { return [] }
        if Lexicon.hypotheticalStems.contains(where: { f.clause.has($0) }) { return [] }
        if isNegated(f, around: cue.index) { return [] }
        let type: EdgeType = cue.twin ? .twinnedWith : .partnerOf
        var out: [EdgeDraft] = []
        var since: Int?
        if let years = yearsSinceEstablished(f), let reportYear { since = reportYear - years }
        if since == nil { since = establishmentYear(f) }
        let change = partnershipChange(f)

        func add(_ a: Mention?, _ aID: String, _ b: Mention, in g: ClauseFacts, inherited: Bool,
                 _ spans: [Span], _ rule: String) {
            guard aID != b.nodeID else { return }
            if out.contains(where: { Set([$0.source, $0.target]) == Set([aID, b.nodeID]) }) { return }
            let st = change?.status ?? status(b, in: g, inherited: inherited, plannedInCue: f)
            var attrs: [String: AttributeValue] = ["status": .string(st)]
            // a list's line may date its own partnership: "Ноттингем — с 1991 года"
            if let since = inherited ? establishmentYear(g) ?? since : since, st == "established" { attrs["since"] = .int(since) }
            if change != nil {
                attrs.merge(timeAttributes(f, near: change?.index ?? cue.index)) { old, _ in old }
            } else if let y = reportYear {
                attrs["year"] = .int(y)
            }
            // planned twinning is twinning; "planned partnership" is not a relation of its own
            let relation = st == "planned" ? .twinnedWith : relationType(of: b, in: g, default: type)
            out.append(EdgeDraft(type: relation, source: aID, target: b.nodeID, attributes: attrs, evidence: spans, rule: rule))
        }

        // a place in parentheses says where the one before it is: "A (Region) и B (Region)"
        // (a city's body speaks for its city: "Мэрия A приостановила отношения с B")
        let candidates = f.actorPlaces.filter {
            Self.partnerTypes.contains($0.type) && (!f.insideName($0.first) || isBodysPlace($0, in: f))
                && !f.insideParentheses($0.first)
        }
        let here = [evidence(k)]

        // "между A и B"; "между собой города A и B, C и D": each pair
        if let between = f.words.firstIndex(where: { $0.is("между") }) {
            let end = f.words[(between + 1)...].firstIndex { $0.is("между") || $0.isText(".") } ?? f.words.count
            let after = candidates.filter { $0.first > between && $0.first < end && !qualifiesAnother($0, in: f) }
            let pairs = after.count >= 4 ? pairedEnumeration(after, in: f) : []
            if !pairs.isEmpty {
                for (a, b) in pairs { add(a, a.nodeID, b, in: f, inherited: false, here, "partnership.between") }
            } else if after.count >= 2 {
                add(after[0], after[0].nodeID, after[1], in: f, inherited: false, here, "partnership.between")
            }
        }

        // "между двумя городами": the two cities the clause names
        if out.isEmpty, let between = f.words.firstIndex(where: { $0.is("между") }), between + 1 < f.words.count,
           f.words[between + 1].isAny(Lexicon.partiesAnaphora),
           !candidates.contains(where: { $0.first > between && $0.first <= between + 3 }) {
            let named = candidates.filter { !qualifiesAnother($0, in: f) && !$0.locative }
            if named.count == 2 { add(named[0], named[0].nodeID, named[1], in: f, inherited: false, here, "partnership.between-both") }
        }

        let owners = ownerPlaces(f, candidates: candidates, cues: cues)
        let partners = candidates.filter { m in
            !owners.contains { $0.nodeID == m.nodeID } && !qualifiesAnother(m, in: f)
        }
        if !owners.isEmpty {
            for o in owners { for p in partners { add(o, o.nodeID, p, in: f, inherited: false, here, "partnership.owner") } }
        } else {
            let withObjects = candidates.filter { $0.preposition == "с" || $0.preposition == "со" }
            let subjects = candidates.filter {
                $0.preposition == nil && ($0.mayBe("nomn") || isBodysPlace($0, in: f)) && !qualifiesAnother($0, in: f)
            }
            let segments = clauseSegments(f)
            var paired = false
            for s in subjects {
                for p in withObjects where segments(s.first) == segments(p.first) {
                    add(s, s.nodeID, p, in: f, inherited: false, here, "partnership.with")
                    paired = true
                }
            }
            if !paired, out.isEmpty, reporter == nil || !partners.contains(where: { $0.nodeID == reporter }) {
                // two places and no "с": a pair whatever their cases ("с первым из них — городом
                // A — B подружился"); of more, those joined by "и"
                let notWith = partners.filter { $0.preposition != "с" && $0.preposition != "со" && !$0.locative }
                let named = notWith.count == 2 ? notWith : subjects.filter { !qualifiesAnother($0, in: f) }
                for (a, b) in coordinatedPairs(named, in: f) where segments(a.first) == segments(b.first) {
                    add(a, a.nodeID, b, in: f, inherited: false, here, "partnership.pair")
                }
            }
        }
        // "принял делегацию из города-побратима A": a twin in apposition to the cue, and the one
        // other city the clause names
        if out.isEmpty, reporter == nil, owners.isEmpty {
            let appositions = partners.filter { m in cues.contains { $0.index == m.first - 1 } }
            let others = partners.filter { m in !appositions.contains { $0.nodeID == m.nodeID } && m.type == .city }
            if appositions.count == 1, others.count == 1 {
                add(others[0], others[0].nodeID, appositions[0], in: f, inherited: false, here, "partnership.apposition")
            }
        }
        // the reporting city fills what the clause leaves implicit
        let named = Set(out.flatMap { [$0.source, $0.target] })
        if let reporter, owners.isEmpty, out.isEmpty {
            for m in partners where m.nodeID != reporter && !named.contains(m.nodeID) {
                add(nil, reporter, m, in: f, inherited: false, here, "partnership.reporter")
            }
        }

        // A list or the numbered sections that the clause announces belong to its owner.
        let listOwner = owners.first?.nodeID ?? (partners.count == 1 && partners[0].nodeID != reporter && out.isEmpty ? partners[0].nodeID : reporter)
        // (a heading that names the owner announces the lines under it: "Побратимы города A")
        let headingList = f.clause.isHeading && f.clause.startsLine && !owners.isEmpty && partners.isEmpty
        if let listOwner, f.clause.introducesList || f.clause.has("следующ") || headingList {
            for j in following(k, asList: true) {
                // a line without a bullet names one place, and what follows it says where it is
                // (or its country first: "Германия — Шверин (с 1998)")
                let items = isUnbulletedItem(facts[j]) ? lineItem(facts[j]).map { [$0] } ?? [] : facts[j].actorPlaces
                for m in items where Self.partnerTypes.contains(m.type) && m.nodeID != listOwner {
                    add(nil, listOwner, m, in: facts[j], inherited: true, [evidence(k), evidence(j)], "partnership.list")
                }
            }
        } else if let reporter, partners.isEmpty || partners.allSatisfy({ $0.nodeID == reporter }),
                  k + 1 < facts.count, !facts[k + 1].clause.isHeading,
                  // only a sentence or a section's bullet that names no other place ("…символов
                  // городов-побратимов…") hands its cue on, and only to a plain sentence
                  !facts[k + 1].clause.isListItem,
                  !f.places.contains(where: { $0.nodeID != reporter }) {
            // "…the symbols of our twin cities. In 2009 the symbols of г. X (Country) were handed
            // over": the cities the next sentence names with a marker or a country.
            let next = facts[k + 1]
            if partnershipCue(next) == nil {
                for m in next.actorPlaces where Self.partnerTypes.contains(m.type) && m.nodeID != reporter && isMarked(m, in: next) {
                    add(nil, reporter, m, in: f, inherited: true, [evidence(k), evidence(k + 1)], "partnership.continuation")
                }
            }
        }
        return out
    }

    /// `planned` when the clause speaks of intent ("планируется", "протокол о намерениях") before
    /// the place, or after it with no other place following; else `established`.
    private func status(_ m: Mention, in g: ClauseFacts, inherited: Bool, plannedInCue f: ClauseFacts) -> String {
        // "будет подписано", "станут побратимами", "подпишут": what is yet to happen
        if futureSigningOrBecoming(f) != nil { return "planned" }
        if inherited {
            return f.firstIndex(where: Lexicon.plannedStems, outsidePhrases: false) != nil ? "planned" : "established"
        }
        guard let p = g.firstIndex(where: Lexicon.plannedStems, outsidePhrases: false) else { return "established" }
        let anyAfter = g.actorPlaces.contains { $0.first > p }
        return (m.first > p || !anyAfter) ? "planned" : "established"
    }

    /// The place a list's line names: the first, when it begins the line; or the first city or
    /// region after the countries that begin it ("Германия — Шверин", "Польша: Гданьск").
    func lineItem(_ f: ClauseFacts) -> Mention? {
        guard let start = f.words.firstIndex(where: \.isWord), let first = f.actorPlaces.first, first.first == start else { return nil }
        guard first.type == .country else { return first }
        return f.actorPlaces.first { $0.type != .country }
    }

    /// The places whose partners the clause names: a genitive right after a cue noun
    /// ("городами-побратимами A", "побратимы города A") or a place after "у" ("у A появился
    /// побратим"). A genitive after a singular genitive cue is the twin itself, in apposition
    /// ("делегация города-побратима A").
    func ownerPlaces(_ f: ClauseFacts, candidates: [Mention], cues: [(index: Int, twin: Bool)]) -> [Mention] {
        var owners = candidates.filter { $0.preposition == "у" }
        for cue in cues {
            // markers and adjectives may stand between: "побратимом британского A"
            guard let m = candidates.first(where: { $0.first > cue.index }),
                  m.first - cue.index <= 3, m.cases.contains("gent"),
                  f.words[(cue.index + 1)..<m.first].allSatisfy({ $0.isText(".") || isMarkerWord($0) || isAdjectiveWord($0) }) else { continue }
            // "Города-побратимы": the compound's number is its last part's
            let cueText = f.words[cue.index].text
            let lastPart = cueText.split(separator: "-").last.map(String.init) ?? cueText
            let cueReadings = (analyzer.parse(cueText) + (lastPart == cueText ? [] : analyzer.parse(lastPart)))
                .filter { $0.tag.pos == "NOUN" || $0.tag.pos == "ADJF" }
            let singularGenitiveCue = cueReadings.contains { $0.tag.case == "gent" && $0.tag.number == "sing" }
            let pluralCue = cueReadings.contains { $0.tag.number == "plur" }
            if singularGenitiveCue && !pluralCue { continue }
            owners.append(m)
            // "A является побратимом B и C": the genitives of one enumeration are all owners,
            // when a place outside it is left to be their partner
            let enumeration = genitiveEnumeration(from: m, in: f, candidates: candidates)
            if candidates.contains(where: { c in !enumeration.contains { $0.nodeID == c.nodeID } && c.nodeID != m.nodeID }) {
                owners += enumeration
            }
        }
        return unique(owners.map(\.nodeID)).compactMap { id in owners.first { $0.nodeID == id } }
    }

    /// The genitive places joined to `m` by "и" or commas, with only markers and adjectives
    /// between: "британского A и немецкого B".
    func genitiveEnumeration(from m: Mention, in f: ClauseFacts, candidates: [Mention]) -> [Mention] {
        var out: [Mention] = []
        var last = m
        for c in candidates where c.first > m.last {
            let between = f.words[(last.last + 1)..<c.first]
            guard c.cases.contains("gent"), between.contains(where: { $0.is("и") || $0.isText(",") }),
                  between.allSatisfy({ $0.is("и") || $0.isText(",") || $0.isText(".") || isMarkerWord($0) || isAdjectiveWord($0) })
            else { break }
            out.append(c)
            last = c
        }
        return out
    }

    /// A marker word ("города", "г", "муниципалитета") between a cue and its place.
    private func isMarkerWord(_ w: Word) -> Bool {
        w.isWord && Lexicon.markerTable.contains { marker in
            marker.exact ? w.lower == marker.stem || w.lower + "." == marker.stem : w.starts(with: marker.stem)
        }
    }

    /// A place named as a district: with a region's word in its name ("Октябрьский район") or
    /// right after one ("префектурой Сонгинохайрхан").
    private func isDistrict(_ m: Mention, in f: ClauseFacts) -> Bool {
        if f.words[m.first...m.last].contains(where: { !$0.isCapitalized && $0.starts(with: Lexicon.regionWords) }) { return true }
        return m.first > 0 && f.words[m.first - 1].isWord && !f.words[m.first - 1].isCapitalized
            && f.words[m.first - 1].starts(with: Lexicon.regionWords)
    }

    /// A genitive place that says where the place beside it is: "столица Армении Ереван",
    /// "мэр провинции Самсун", "Кировский район Санкт-Петербурга", "район A Могилёвской области".
    func qualifiesAnother(_ m: Mention, in f: ClauseFacts) -> Bool {
        // "Горецкий район Могилёвской области", "район Дадукоу города Чунцин": a genitive region,
        // or a city with its genitive marker, right after a place
        if let before = f.places.last(where: { $0.last < m.first }) {
            let between = f.words[(before.last + 1)..<m.first]
            if m.type != .city, between.isEmpty, m.cases.contains("gent"), !m.mayBe("nomn") { return true }
            // "префектурой Сонгинохайрхан Улан-Батора", "Октябрьским районом Иркутска": a genitive
            // city right after a district is the city the district is in
            if m.type == .city, between.isEmpty, isDistrict(before, in: f), m.cases.contains("gent"), !m.mayBe("nomn") { return true }
            if between.count == 1, let marker = between.first, isMarkerWord(marker),
               analyzer.parse(marker.text).contains(where: { $0.tag.case == "gent" && $0.tag.number == "sing" }),
               !analyzer.parse(marker.text).contains(where: { $0.tag.case == "nomn" && $0.tag.number == "sing" }) {
                return true
            }
        }
        guard m.type == .region || f.places.contains(where: { $0.first == m.last + 1 && $0.type == .city }) else {
            return false
        }
        return f.places.contains { $0.first == m.last + 1 } && m.cases.contains("gent") && !m.mayBe("nomn")
    }

    /// Places joined by "и" ("A и B", "A (Country) и B"): a pair each. Two places alone in the
    /// clause are a pair too ("A стал побратимом B").
    func coordinatedPairs(_ places: [Mention], in f: ClauseFacts) -> [(Mention, Mention)] {
        if places.count == 2 { return [(places[0], places[1])] }
        var pairs: [(Mention, Mention)] = []
        for (a, b) in zip(places, places.dropFirst()) {
            let between = f.words[(a.last + 1)..<b.first].filter { !f.insideParentheses($0.index) && !$0.isText("(") && !$0.isText(")") }
            // not part of a longer list: "A, B и C" names no pairs
            let listBefore = a.first > 0 && f.words[a.first - 1].isText(",")
            if between.count == 1, between[0].is("и"), !listBefore { pairs.append((a, b)) }
        }
        return pairs
    }

    /// The part of the clause word `i` is in: coordinated clauses ("…, но …", "…; …") are parts of
    /// their own, and a subject in one has no object in the other.
    func clauseSegments(_ f: ClauseFacts) -> (Int) -> Int {
        var starts: [Int] = []
        let w = f.words
        for i in w.indices {
            if w[i].isText(";") { starts.append(i) }
            // (", а также" adds to what was said: no clause of its own)
            if i > 0, w[i - 1].isText(","), w[i].isAny(Lexicon.contrastiveConjunctions),
               !(i + 1 < w.count && w[i + 1].is("также")) { starts.append(i) }
        }
        return { i in starts.filter { $0 <= i }.count }
    }

    /// "A и B, C и D": an enumeration whose every comma-separated item is a pair joined by "и";
    /// empty for any other ("A, B и C").
    func pairedEnumeration(_ places: [Mention], in f: ClauseFacts) -> [(Mention, Mention)] {
        var groups: [[Mention]] = [[]]
        for (k, m) in places.enumerated() {
            if k > 0 {
                let between = f.words[(places[k - 1].last + 1)..<m.first].filter { !f.insideParentheses($0.index) && !$0.isText("(") && !$0.isText(")") }
                if between.contains(where: { $0.isText(",") }) { groups.append([]) }
                else if !between.contains(where: { $0.is("и") }) { return [] }
            }
            groups[groups.count - 1].append(m)
        }
        guard groups.allSatisfy({ $0.count == 2 }) else { return [] }
        return groups.map { ($0[0], $0[1]) }
    }

    /// A "не" or "ни" shortly before the cue or before the verb right after it ("не является
    /// побратимом", "так и не установили побратимских отношений").
    func isNegated(_ f: ClauseFacts, around cue: Int) -> Bool {
        let w = f.words
        let lo = max(0, cue - 4)
        return w[lo..<cue].contains { $0.isAny(Lexicon.negations) } || negatesItsPredicate(f)
    }

    /// The clause's predicate is negated: "не" right before a verb or a short participle, with
    /// an auxiliary between at most ("так и не было подписано", "не стали побратимами");
    /// "не только", "не менее" negate nothing.
    func negatesItsPredicate(_ f: ClauseFacts) -> Bool {
        let w = f.words
        for i in w.indices where w[i].is("не") && i + 1 < w.count {
            var j = i + 1
            if w[j].isAny(["было", "был", "была", "были", "будет", "будут"]), j + 1 < w.count { j += 1 }
            let pos = analyzer.parse(w[j].text).first?.tag.pos
            if pos == "VERB" || pos == "PRTS" { return true }
        }
        return false
    }

    /// A partnership that changed: "приостановил побратимские отношения" (suspended), "разорвал",
    /// "прекратил" (ended); with the word's index, for the date nearest to it.
    func partnershipChange(_ f: ClauseFacts) -> (status: String, index: Int)? {
        for w in f.words where w.isWord {
            guard let row = Lexicon.partnershipChanges.first(where: { w.starts(with: $0.stem) }) else { continue }
            // what changed must be the relations: "приостановили отношения", "связи были
            // прерваны", not "приостановили совместные проекты"
            func isRelation(_ x: Word) -> Bool { x.starts(with: Lexicon.relationNouns) || x.lower.has("побратим") || x.lower.has("партнер") }
            let after = f.words[(w.index + 1)..<min(f.words.count, w.index + 4)]
            // the subject of a passive, within the same stretch of words: "отношения … были разорваны"
            let before = f.words[max(0, w.index - 6)..<w.index].reversed().prefix { $0.isWord }
            if after.contains(where: isRelation) || before.contains(where: isRelation) {
                return (row.status, w.index)
            }
        }
        return nil
    }

    /// A place in the genitive after a body or head of its own, standing in the nominative:
    /// "Власти A приостановили …", "Мэрия A заключила …", "Глава A подписал …". The body acts
    /// for the place, which is then the clause's subject.
    func isBodysPlace(_ m: Mention, in f: ClauseFacts) -> Bool {
        guard m.cases.contains("gent") else { return false }
        var j = m.first - 1
        // "Администрация города A", "мэрия г. A"
        while j >= 0, f.words[j].isText(".") || f.words[j].isAny(["города", "г", "муниципалитета"]) { j -= 1 }
        guard j >= 0, f.words[j].starts(with: Lexicon.cityBodies) || f.words[j].isAny(Lexicon.cityOffices) else { return false }
        return analyzer.parse(f.words[j].text).contains { $0.tag.case == "nomn" }
    }

    /// The year a partnership began, when the clause dates it: "с 1995 года", "стали
    /// побратимами в 1990 году", "породнились в 2004-м".
    func establishmentYear(_ f: ClauseFacts) -> Int? {
        for d in f.dates where !d.isTarget {
            let before = d.position > 0 ? f.words[d.position - 1] : nil
            if let before, before.isAny(["с", "со"]) { return d.year }
            if f.words.contains(where: { $0.starts(with: Lexicon.establishingStems) }) { return d.year }
        }
        return nil
    }

    /// The word of a clause that puts a signing or a becoming in the future: "будет подписано",
    /// "станут побратимами", "подпишут", "заключат".
    func futureSigningOrBecoming(_ f: ClauseFacts) -> Int? {
        let w = f.words
        for i in w.indices where w[i].isWord {
            if w[i].isAny(Lexicon.futureAuxiliaries),
               w[(i + 1)..<min(w.count, i + 4)].contains(where: { $0.starts(with: Lexicon.signStems) || $0.starts(with: Lexicon.establishingStems) || $0.lower.has("побратим") }) {
                return i
            }
            if w[i].starts(with: Lexicon.futureSigningStems), isFuture(w[i]) { return i }
        }
        return nil
    }

    /// Two places that sign an agreement, a treaty or a memorandum with each other are partners
    /// ("A и B заключили договор о дружбе", "A подписала соглашение о сотрудничестве с B"):
    /// twins when its title says so, planned when it is a memorandum or a protocol of intent.
    func partnershipsBySigning(_ k: Int, _ signed: [EdgeDraft], known: [EdgeDraft]) -> [EdgeDraft] {
        let f = facts[k]
        var out: [EdgeDraft] = []
        for doc in Set(signed.map(\.target)).sorted() {
            guard let title = f.phrases.first(where: { $0.nodeID == doc })?.surface,
                  Lexicon.partnershipDocumentLemmas.contains(where: { fold(title).has($0) }) else { continue }
            let parties = signed.filter { $0.target == doc }.map(\.source)
            let places = parties.filter { id in f.actorPlaces.contains { $0.nodeID == id && Self.partnerTypes.contains($0.type) } }
            guard places.count == 2 else { continue }
            let pair = Set(places)
            if (known + out).contains(where: { ($0.type == .twinnedWith || $0.type == .partnerOf) && Set([$0.source, $0.target]) == pair }) { continue }
            let lower = fold(title)
            let planned = Lexicon.plannedDocumentStems.contains { lower.has($0) }
            var attrs = signed.first { $0.target == doc }?.attributes ?? [:]
            attrs["status"] = .string(planned ? "planned" : "established")
            let twin = lower.has("побратим") || planned
            out.append(EdgeDraft(type: twin ? .twinnedWith : .partnerOf, source: places[0], target: places[1], attributes: attrs,
                                 evidence: [evidence(k)], rule: "partnership.signed"))
        }
        return out
    }
}
