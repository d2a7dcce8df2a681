import KnowledgeGraph

extension RelationRules {
    /// Physical visits: "делегация X посетила Y", "визит делегации X в Y", "X направила делегацию
    /// в Y", "посетили такие города, как A, B, C", "приём делегаций из A, B". Online meetings are
    /// not visits. The reporting city is the subject when the text names none ("омская
    /// делегация", "омичи", or no subject at all).
    func visits(_ k: Int) -> [EdgeDraft] {
        let f = facts[k]
        if Lexicon.onlineStems.contains(where: { f.clause.has($0) }) { return [] }
        // "сообщила о готовности совершить визит", "рекомендовали направить делегацию": intended, not made
        if Lexicon.intentStems.contains(where: { f.clause.has($0) }) { return [] }
        // Every trigger below is a word starting with (or holding) one of these stems; without
        // them in the clause no rule can fire, and most clauses are spared the word scans. Only
        // for plain clauses, whose words' lower-case forms are exact slices of `lowerText`.
        if f.clause.isPlain, !Lexicon.visitCues.contains(where: { f.clause.has($0) }) { return [] }
        let w = f.words
        let verb = w.firstIndex { $0.isWord && $0.starts(with: Lexicon.visitVerbs) }
        let noun = w.firstIndex { $0.isWord && $0.starts(with: Lexicon.visitNouns) && !f.insidePhrase($0.index) }
        let send = w.firstIndex { $0.isWord && $0.starts(with: Lexicon.sendStems) && !isInfinitive($0.text) }
            .flatMap { s in w[s...].contains { $0.starts(with: "делегац") } ? s : nil }
        let reception = w.firstIndex { $0.isWord && $0.starts(with: Lexicon.receptionStems) }
            .flatMap { s in w[s...].prefix(6).contains { $0.starts(with: "делегац") } ? s : nil }
        let mission = w.firstIndex { $0.isWord && $0.lower.has(Lexicon.missionStem) }

        var sources: [String] = []
        var targets: [String] = []
        var trigger = 0
        var rule = ""
        let places = f.actorPlaces

        func subjectPlaces(before t: Int) -> [String] {
            let segmentStart = (w[..<t].lastIndex { $0.isText(";") } ?? -1) + 1
            var ids = places.filter { $0.last < t && $0.first >= segmentStart && !$0.locative }.map(\.nodeID)
            if ids.isEmpty, let reporter, f.reporterWords.contains(where: { $0 < t && $0 >= segmentStart }) { ids = [reporter] }
            return unique(ids)
        }
        func objectPlaces(after t: Int, locativeOnly: Bool) -> [String] {
            let enumeration = w[(t + 1)..<min(w.count, t + 8)].contains { $0.isAny(["как", ":"]) }
            var ids: [String] = []
            var stopAt = w.count
            for j in (t + 1)..<w.count {
                let x = w[j]
                if x.isText(";") { stopAt = j; break }
                if !enumeration, x.isAny(["для", "чтобы", "где", "который", "которая", "которые", "которого"]) { stopAt = j; break }
                if !enumeration, x.is("в"), j + 1 < w.count, w[j + 1].isAny(["целях", "рамках", "ходе"]) { stopAt = j; break }
                if !enumeration, x.is("с"), j + 1 < w.count, w[j + 1].is("целью") { stopAt = j; break }
                if !enumeration, x.isText(","), !ids.isEmpty { stopAt = j; break }
            }
            var skipUntil = -1
            for m in places where m.first > t && m.first < stopAt {
                if m.first <= skipUntil { continue }
                if locativeOnly && !m.locative { continue }
                // "во главе с Мэром города Омска": the head of the delegation, not where it went.
                if let g = w[(t + 1)..<m.first].lastIndex(where: { $0.is("главе") }),
                   !w[g..<m.first].contains(where: { $0.is("в") || $0.is("во") }) { skipUntil = m.last; continue }
                ids.append(m.nodeID)
                if !enumeration && !locativeOnly, m.last + 1 < w.count, !w[m.last + 1].isAny(["и", "(", ")"]),
                   !w[m.last + 1].isText(",") { break }
            }
            return unique(ids)
        }

        if let t = verb, w[t].lower.hasSuffix("ло"),
           w[(t + 1)..<min(w.count, t + 4)].contains(where: { $0.starts(with: "делегац") || $0.token.kind == .number }) {
            // "КНР посетило 22 делегации администрации города Благовещенска": subject after the verb
            trigger = t; rule = "visited.inverted"
            let segmentStart = (w[..<t].lastIndex { [";", ","].contains($0.text) } ?? -1) + 1
            sources = unique(places.filter { $0.first > t && !$0.locative }.map(\.nodeID))
            targets = unique(places.filter { $0.last < t && $0.first >= segmentStart && !$0.fromPreposition }.map(\.nodeID))
        } else if let t = verb {
            trigger = t; rule = "visited.verb"
            sources = subjectPlaces(before: t)
            targets = objectPlaces(after: t, locativeOnly: false)
        } else if let t = noun {
            trigger = t; rule = "visited.noun"
            // "визит делегации X … в Y": X between the noun and the first locative place.
            let tgt = places.first { $0.first > t && $0.locative && !isInLeaderClause(w, from: t, to: $0.first) }
            if let tgt {
                // the visit noun nearest before the target: "…визита делегации г. Иркутска в г. Стокгольм"
                let t = w[..<tgt.first].lastIndex { $0.isWord && $0.starts(with: ["визит", "поездк"]) } ?? t
                trigger = t
                targets = [tgt.nodeID]
                // sources are the places of the travelling group: "визит делегации города Кайфына",
                // "визит … кругов округа Бёрде и муниципалитета Барлебена"
                sources = unique(places.filter { m in
                    m.first > t && m.last < tgt.first && !m.locative
                        && (m.first - t <= 2 || w[(t + 1)..<m.first].contains { $0.starts(with: Lexicon.groupStems) })
                        && m.first - t <= 12
                }.map(\.nodeID))
                if sources.isEmpty, let reporter, f.reporterWords.contains(where: { $0 > t && $0 < tgt.first }) { sources = [reporter] }
                // "визита в Томск делегации китайской стороны во главе с вице-мэром города Чанчжоу"
                if sources.isEmpty {
                    sources = unique(places.filter { m in
                        m.first > tgt.last && m.first - tgt.last <= 14 && !m.locative
                            && w[(tgt.last + 1)..<m.first].contains { $0.starts(with: Lexicon.groupStems) }
                    }.map(\.nodeID))
                }
                if sources.isEmpty { sources = subjectPlaces(before: t) }
            }
        } else if let t = send {
            trigger = t; rule = "visited.sent"
            sources = subjectPlaces(before: t)
            targets = unique(places.filter { $0.first > t && $0.locative }.map(\.nodeID))
        } else if let t = reception ?? mission {
            trigger = t; rule = reception != nil ? "visited.reception" : "visited.mission"
            let from = places.filter { m in (m.first > t && (m.fromPreposition || isAfterFrom(w, m.first, t))) || (m.fromPreposition && m.last < t) }
            let to = places.filter { m in m.first > t && m.locative && !from.contains { $0.nodeID == m.nodeID } }
            if !from.isEmpty {
                sources = unique(from.map(\.nodeID))
                targets = to.first.map { [$0.nodeID] } ?? (reporter.map { [$0] } ?? [])
            } else if reception == nil {
                sources = subjectPlaces(before: t)
                targets = unique(to.map(\.nodeID))
            }
        } else {
            return []
        }
        if sources.isEmpty, let reporter { sources = [reporter] }
        var out: [EdgeDraft] = []
        let attrs = timeAttributes(f, near: trigger)
        for s in sources {
            for t in targets where s != t {
                out.append(EdgeDraft(type: .visited, source: s, target: t, attributes: attrs, evidence: [evidence(k)], rule: rule))
            }
        }
        // "Из КНР было принято 22 делегации, КНР посетило …": a reception beside another trigger
        if let r = reception, rule != "visited.reception", let reporter {
            let from = unique(places.filter { $0.fromPreposition && $0.first < r + 4 && $0.nodeID != reporter }.map(\.nodeID))
            for s in from {
                out.append(EdgeDraft(type: .visited, source: s, target: reporter, attributes: timeAttributes(f, near: r),
                                     evidence: [evidence(k)], rule: "visited.reception"))
            }
        }
        return out
    }

    private func isInfinitive(_ word: String) -> Bool {
        analyzer.parse(word).first?.tag.pos == "INFN"
    }

    /// A group from the reporting city taking part in something held in another place went
    /// there: "организовано участие делегации администрации города Благовещенска в Саммите
    /// городов АТР, прошедшем в г. Инчон", "ансамбль … принял участие в фестивале … в городе
    /// Хаммамете". Online events are no visits; the group must be the city's own.
    func participationVisits(_ k: Int) -> [EdgeDraft] {
        guard let reporter else { return [] }
        let f = facts[k]
        guard f.clause.has("участи"), !Lexicon.onlineStems.contains(where: { f.clause.has($0) }),
              !Lexicon.intentStems.contains(where: { f.clause.has($0) }) else { return [] }
        let w = f.words
        guard let cue = w.firstIndex(where: { $0.isWord && $0.starts(with: "участи") }) else { return [] }
        // the subject: the city's delegation or people, named before the cue or right after it
        let groupBefore = w[..<cue].contains { $0.starts(with: Lexicon.travellerStems) }
            || f.reporterWords.contains { $0 < cue }
        let groupAfter = w[(cue + 1)..<min(w.count, cue + 4)].contains { $0.starts(with: ["делегац", "представител", "коллектив"]) }
        guard groupBefore || groupAfter else { return [] }
        // "… в Сеуле (Корея) с участием делегации из Томска": the delegation's city went to the
        // place of the event, named before or after
        if groupAfter, let from = f.actorPlaces.first(where: { $0.first > cue && $0.fromPreposition }) {
            let whereHeld = f.actorPlaces.first { $0.locative && $0.nodeID != from.nodeID && $0.type != .country }
            guard let whereHeld else { return [] }
            return [EdgeDraft(type: .visited, source: from.nodeID, target: whereHeld.nodeID, attributes: timeAttributes(f, near: cue),
                              evidence: [evidence(k)], rule: "visited.participation")]
        }
        // "работы школьников приняли участие в конкурсе": the works travelled, not the people
        if w[..<cue].contains(where: { $0.isAny(["работы", "работ", "рисунки", "рисунков", "фотографии", "экспонаты"]) }) { return [] }
        // nobody else's group: "делегации школьников из коммуны Стрёмсунд … приняли участие"
        if f.actorPlaces.contains(where: { $0.fromPreposition && $0.first < cue }) { return [] }
        if f.actorPlaces.contains(where: { $0.last < cue && !$0.locative && $0.nodeID != reporter }) { return [] }
        let targets = unique(f.actorPlaces.filter { $0.first > cue && $0.locative && $0.nodeID != reporter && $0.type != .country }
            .map(\.nodeID))
        guard let target = targets.first else { return [] }
        return [EdgeDraft(type: .visited, source: reporter, target: target, attributes: timeAttributes(f, near: cue),
                          evidence: [evidence(k)], rule: "visited.participation")]
    }

    /// Whether a place at `to` sits inside "во главе с …" opened after `from`.
    private func isInLeaderClause(_ w: [Word], from: Int, to: Int) -> Bool {
        guard let g = w[(from + 1)..<to].lastIndex(where: { $0.is("главе") }) else { return false }
        // A later "в" closes the leader clause: "во главе с Мэром … в город-побратим Кайфын".
        return !w[(g + 1)..<to].contains { $0.is("в") || $0.is("во") }
            || !w[to - 1].is("в") && w[(g + 1)..<to].last(where: { $0.is("в") || $0.is("во") }) == nil
    }

    /// A place inside an enumeration introduced by "из": "из таких стран как: КНР, ФРГ".
    private func isAfterFrom(_ w: [Word], _ i: Int, _ t: Int) -> Bool {
        guard let from = w[t..<i].lastIndex(where: { $0.is("из") }) else { return false }
        return !w[(from + 1)..<i].contains { $0.isAny(["в", "во", ";"]) }
    }
}

func unique(_ ids: [String]) -> [String] {
    var seen = Set<String>()
    return ids.filter { seen.insert($0).inserted }
}
