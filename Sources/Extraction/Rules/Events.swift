import KnowledgeGraph

extension RelationRules {

    /// Where an event was held (the locative place nearest to it, else a city the sentence
    /// names, else the reporting city), and who took part ("с участием X", "приняли участие
    /// в …", a list introduced by "приняли участие в …:").
    func eventsHeldAndAttended(_ k: Int) -> [EdgeDraft] {
        let f = facts[k]
        var out: [EdgeDraft] = []
        let events = f.phrases.filter { $0.type == .event && !$0.isDocument }
        guard !events.isEmpty else { return [] }
        for e in events {
            let attrs = timeAttributes(f, near: e.first)
            // where it was held: a city or region, else a country ("форуме, который проходит в Китае")
            let outside = f.actorPlaces.filter { $0.locative && ($0.first > e.last || $0.last < e.first) }
            let places = outside.filter { $0.type != .country }
            let locatives = places.isEmpty ? outside : places
            var held: [Mention] = []
            if let after = locatives.filter({ $0.first > e.last }).first {
                held = [after]
                // "в гг. Хакодатэ и Токио": coordinated places
                held += locatives.filter { $0.first > after.last && $0.first <= after.last + 3 }
            } else if let before = locatives.filter({ $0.last < e.first }).last {
                held = [before] + locatives.filter { $0.last < before.first && $0.last >= before.first - 3 }
            }
            if held.isEmpty, let v = f.words[..<e.first].lastIndex(where: { $0.isWord && $0.starts(with: ["посетил", "прибыл"]) }),
               let target = f.actorPlaces.first(where: { $0.first > v && $0.last < e.first }) {
                // "посетил г. Каннын … на международном фестивале Тано"
                held = [target]
            }
            var heldIDs = unique(held.map(\.nodeID))
            let reporterNamed = f.actorPlaces.contains { $0.nodeID == reporter } || !f.reporterWords.isEmpty
            if heldIDs.isEmpty, let reporter, reporterNamed || fold(e.surface).has("городск") || f.actorPlaces.isEmpty {
                // "на городской выставке", "конференции …, организованной администрацией г. Иркутска"
                heldIDs = [reporter]
            } else if heldIDs.isEmpty, let city = f.actorPlaces.first(where: { $0.type == .city && !($0.first >= e.first && $0.last <= e.last) }) {
                heldIDs = [city.nodeID]
            }
            for p in heldIDs {
                out.append(EdgeDraft(type: .heldIn, source: e.nodeID, target: p, attributes: attrs, evidence: [evidence(k)], rule: "held-in.locative"))
            }
            // "с участием Президента РФ В.В. Путина и …"
            if let u = f.words.firstIndex(where: { $0.is("участием") }), u > e.last {
                for p in f.people where p.first > u {
                    out.append(EdgeDraft(type: .participatedIn, source: p.nodeID, target: e.nodeID, attributes: attrs,
                                         evidence: [evidence(k)], rule: "participated.with-participation"))
                }
            }
            // "фестиваль, в котором приняли участие коллективы из A и B": the relative clause's
            // participants
            if let rel = f.words[(e.last + 1)..<min(f.words.count, e.last + 6)].first(where: { $0.starts(with: Lexicon.relativePronounStems) }),
               let cue = f.words[(rel.index + 1)..<min(f.words.count, rel.index + 4)].first(where: { $0.starts(with: Lexicon.participationStems) }) {
                let origins = f.actorPlaces.filter { $0.first > cue.index && $0.type != .country && isOrigin($0, in: f, trigger: cue.index) }
                for s in unique(origins.map(\.nodeID) + f.people.filter { $0.first > cue.index }.map(\.nodeID)) {
                    out.append(EdgeDraft(type: .participatedIn, source: s, target: e.nodeID, attributes: attrs,
                                         evidence: [evidence(k)], rule: "participated.relative"))
                }
            }
            // "делегация из A прибыла для участия в B", "мэр A Иван Петров принял участие в B":
            // the group's place and the people before the cue
            if let cue = f.words[..<e.first].lastIndex(where: { $0.isWord && $0.starts(with: Lexicon.participationStems) && !f.insidePhrase($0.index) }),
               !Lexicon.intentStems.contains(where: { f.clause.has($0) }) {
                let origins = f.actorPlaces.filter {
                    $0.type != .country && !f.insideParentheses($0.first) && !isOwnerBeforeTwin($0, in: f) && isOrigin($0, in: f, trigger: cue)
                }
                // "участником форума стал мэр A Иван Петров": a participant noun's subject may follow
                let eitherSide = f.words[cue].starts(with: Lexicon.participantStems)
                let people = f.people.filter { $0.last < cue || (eitherSide && $0.first > e.last) }
                for s in unique(origins.map(\.nodeID) + people.map(\.nodeID)) {
                    out.append(EdgeDraft(type: .participatedIn, source: s, target: e.nodeID, attributes: attrs,
                                         evidence: [evidence(k)], rule: "participated.roles"))
                }
            }
            // "омичи приняли участие в …", "коллектив … театра … для представления г. Иркутска на фестивале"
            if let reporter, participates(f, before: e.first) {
                out.append(EdgeDraft(type: .participatedIn, source: reporter, target: e.nodeID, attributes: attrs,
                                     evidence: [evidence(k)], rule: "participated.reporter"))
            }
        }
        return out
    }

    private func participates(_ f: ClauseFacts, before i: Int) -> Bool {
        // "Томск приглашен принять участие": invited, not (yet) taking part
        if Lexicon.intentStems.contains(where: { f.clause.has($0) }) { return false }
        let cue = f.words[..<i].contains { w in
            w.starts(with: ["участие", "участи", "участвова", "представлени", "выступ"]) && !f.insidePhrase(w.index)
        }
        guard cue else {
            // A list item under "Представители администрации … приняли участие в …:"
            if let header = headerOfList(f.clause.index), participatesHeader(facts[header]) { return true }
            return false
        }
        let reporterNamed = f.reporterWords.contains { $0 < i }
            || f.actorPlaces.contains { $0.nodeID == reporter && $0.first < i && !$0.locative }
        return reporterNamed || !f.actorPlaces.contains { $0.first < i && !$0.locative && $0.nodeID != reporter }
    }

    private func participatesHeader(_ f: ClauseFacts) -> Bool {
        guard f.clause.has("участие") || f.clause.has("участвова") else { return false }
        return !f.reporterWords.isEmpty || f.actorPlaces.contains { $0.nodeID == reporter }
    }

    /// The clause whose list contains clause `k`, if `k` is a list item.
    func headerOfList(_ k: Int) -> Int? {
        guard facts[k].clause.isListItem else { return nil }
        var j = k - 1
        while j >= 0 {
            if facts[j].clause.introducesList { return j }
            if !facts[j].clause.isListItem && facts[j].clause.startsLine { return nil }
            j -= 1
        }
        return nil
    }

    /// "Участником форума стал мэр A Иван Петров": an event named only by its head noun is the
    /// last event of the document with that head ("Ялтинский экономический форум" before), and
    /// the people and the groups' places of the clause took part in it.
    func participationInAnEventNamedBefore(_ k: Int) -> [EdgeDraft] {
        let f = facts[k]
        if f.clause.isPlain, !f.clause.has("участ") { return [] }
        guard let cue = f.words.firstIndex(where: { $0.isWord && $0.starts(with: Lexicon.participationStems) && !f.insidePhrase($0.index) }),
              !Lexicon.intentStems.contains(where: { f.clause.has($0) }) else { return [] }
        // the head noun beside the cue ("участником форума", "участие в форуме", "в фестивале
        // приняла участие"), no name of its own
        let near = f.words[max(0, cue - 3)..<min(f.words.count, cue + 3)]
        guard let head = near.first(where: { w in
            !f.insidePhrase(w.index) && analyzer.parse(w.text).prefix(2).contains { Lexicon.eventLemmas.contains($0.normalForm) }
        }), let lemma = analyzer.parse(head.text).prefix(2).first(where: { Lexicon.eventLemmas.contains($0.normalForm) })?.normalForm
        else { return [] }
        guard !f.phrases.contains(where: { $0.type == .event && !$0.isDocument }) else { return [] }
        var event: String?
        for j in stride(from: k - 1, through: max(0, k - 12), by: -1) {
            if let e = facts[j].phrases.last(where: { m in
                m.type == .event && !m.isDocument && facts[j].words[m.first...m.last].contains { $0.isWord && headForms(of: $0, lemma) }
            }) { event = e.nodeID; break }
        }
        guard let event else { return [] }
        let eitherSide = f.words[cue].starts(with: Lexicon.participantStems) || head.index < cue
        let people = f.people.filter { $0.last < cue || eitherSide }
        let origins = f.actorPlaces.filter { $0.type != .country && isOrigin($0, in: f, trigger: cue) }
        return unique(origins.map(\.nodeID) + people.map(\.nodeID)).map {
            EdgeDraft(type: .participatedIn, source: $0, target: event, attributes: timeAttributes(f, near: cue),
                      evidence: [evidence(k)], rule: "participated.named-before")
        }
    }

    /// Word `w` is a form of `lemma` ("форума", "форум").
    private func headForms(of w: Word, _ lemma: String) -> Bool {
        analyzer.parse(w.text).prefix(3).contains { $0.normalForm == lemma }
    }
}
