import KnowledgeGraph

extension RelationRules {
    // MARK: Signed

    /// "подписано Соглашение о … между городом A и городом B", "посетила X для подписания
    /// Плана …": the parties signed the document (an event node named by its title).
    func signing(_ k: Int) -> [EdgeDraft] {
        let f = facts[k]
        // a word starting with a stem is a slice of a plain clause's text: test the text first
        if f.clause.isPlain, !Lexicon.signStems.contains(where: { f.clause.has($0) }) { return [] }
        guard let cue = f.firstIndex(where: Lexicon.signStems, outsidePhrases: false) else { return [] }
        let docs = f.phrases.filter(\.isDocument)
        guard let doc = docs.min(by: { abs($0.first - cue) < abs($1.first - cue) }) else { return [] }
        var parties = signingParties(f, document: doc)
        if parties.count < 2, let reporter, !parties.contains(reporter) { parties.insert(reporter, at: 0) }
        parties = unique(parties)
        let attrs = timeAttributes(f, near: cue)
        return parties.map {
            EdgeDraft(type: .signed, source: $0, target: doc.nodeID, attributes: attrs, evidence: [evidence(k)], rule: "signed.document")
        }
    }

    /// The parties of a signing, from their roles: the places after "между"; else the places of
    /// the signatories ("мэр A"), the subjects and the places after "с", and the places the
    /// title names ("Декларация о признании A и B побратимами"); the signatories themselves
    /// where fewer than two places are named. Where it was signed ("в A"),
    /// and places that only say where another is, are no parties; organisations after "между"
    /// are ("между администрацией A и университетом B").
    func signingParties(_ f: ClauseFacts, document doc: Mention) -> [String] {
        let places = f.actorPlaces.filter {
            !qualifiesAnother($0, in: f) && !f.insideParentheses($0.first) && !$0.locative && $0.preposition != "на"
                && (!f.insideName($0.first) || isMarked($0, in: f) || (doc.first <= $0.first && $0.last <= doc.last))
        }
        if let between = f.words.firstIndex(where: { $0.is("между") }), between > doc.first {
            var parties = places.filter { $0.first > between && $0.type != .country }.prefix(2).map(\.nodeID)
            parties += f.phrases.filter { $0.type == .organisation && $0.first > between }.prefix(2 - min(2, parties.count)).map(\.nodeID)
            if parties.count == 2 { return parties }
        }
        let named = places.filter { $0.type != .country }
        var parties = unique((named.isEmpty ? places : named).map(\.nodeID))
        // the signatories stand for the parties the clause does not name: "подписали мэр A
        // Иван Петров и председатель горисполкома Пётр Иванов"
        if parties.count < 2 { parties += f.people.map(\.nodeID) }
        return unique(parties)
    }

    // MARK: Offices

    /// "Мэром города Омска О.Н. Фадиной", "Президента РФ В.В. Путина", "ректора ОмГУ Р.Г.
    /// Смеликом", "вице-мэр города Чанчжоу г-н Лю Цзяньго": title, then where, then the person.
    func offices(_ k: Int) -> [EdgeDraft] {
        let f = facts[k]
        var out: [EdgeDraft] = []
        for person in f.people {
            // the nearest office title before the person, at most 8 words back
            let lo = max(0, person.first - 8)
            guard let t = (lo..<person.first).last(where: { i in
                f.words[i].isWord && Lexicon.offices.contains { f.words[i].starts(with: $0.stem) }
            }) else { continue }
            if f.people.contains(where: { $0.first > t && $0.last < person.first }) { continue }
            let role = Lexicon.offices.first { f.words[t].starts(with: $0.stem) }!.role
            let between = (f.places + f.phrases.filter { $0.type == .organisation })
                .filter { $0.first > t && $0.last < person.first }
            let place = between.filter { $0.type.isPlace }.last
            let org = between.filter { $0.type == .organisation && !($0.surface.uppercased() == $0.surface && $0.surface.count <= 3) }.last
            let target: String?
            if let org, role == "ректор" || role == "проректор" || role == "директор" { target = org.nodeID }
            else { target = place?.nodeID ?? org?.nodeID ?? (role == "мэр" ? reporterIfReferenced(f, t, person.first) : nil) }
            guard let target else { continue }
            var attrs = timeAttributes(f, near: t)
            attrs["role"] = .string(role)
            out.append(EdgeDraft(type: .holdsOffice, source: person.nodeID, target: target, attributes: attrs,
                                 evidence: [evidence(k)], rule: "holds-office.title"))
        }
        return out
    }

    private func reporterIfReferenced(_ f: ClauseFacts, _ from: Int, _ to: Int) -> String? {
        f.reporterWords.contains { $0 > from && $0 < to } ? reporter : nil
    }

    // MARK: Events

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
            let locatives = f.actorPlaces.filter { $0.locative && ($0.first > e.last || $0.last < e.first) && $0.type != .country }
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

    // MARK: Membership

    /// "участие г. Иркутска в деятельности международных организаций: - Международная
    /// Ассоциация «Породнённые города»", "принят в организацию в качестве наблюдателя".
    func membership(_ k: Int) -> [EdgeDraft] {
        let f = facts[k]
        let lower = f.clause.lowerText
        guard Lexicon.memberStems.contains(where: { f.clause.has($0) }),
              !f.clause.has("членов делегации"), !f.clause.has("член делегации") else { return [] }
        guard let reporter else { return [] }
        // the reporting city must be the member: named, or referred to ("администрация города")
        guard f.actorPlaces.contains(where: { $0.nodeID == reporter }) || !f.reporterWords.isEmpty else { return [] }
        let observer = ["качестве наблюдател", "правах наблюдател", "статус наблюдател", "статусе наблюдател"].contains { lower.has($0) }
        var orgs: [(Mention, [Span])] = f.phrases.filter { $0.type == .organisation && isAssociation($0) && isNamed($0) }
            .map { ($0, [evidence(k)]) }
        // "принят в организацию": the organisation the text just named ("ANMC21 – международная организация…")
        if orgs.isEmpty, f.clause.has("организаци") || f.clause.has("ассоциаци") {
            for j in stride(from: k - 1, through: max(0, k - 8), by: -1) {
                if let named = facts[j].phrases.last(where: { $0.type == .organisation && isNamed($0) }) {
                    orgs = [(named, [evidence(j), evidence(k)])]
                    break
                }
            }
        }
        if f.clause.introducesList {
            for j in following(k) {
                orgs += facts[j].phrases.filter { $0.type == .organisation && isAssociation($0) }.map { ($0, [evidence(k), evidence(j)]) }
            }
        }
        var attrs = timeAttributes(f, near: 0)
        if observer { attrs["role"] = .string("наблюдатель") }
        return orgs.map {
            EdgeDraft(type: .memberOf, source: reporter, target: $0.0.nodeID, attributes: attrs, evidence: $0.1, rule: "member-of.cue")
        }
    }

    /// An organisation with a name of its own, not just "международная организация".
    private func isNamed(_ m: Mention) -> Bool {
        m.surface.contains("«") || m.surface.contains("\"") || m.surface.unicodeScalars.filter { $0.properties.isUppercase }.count >= 2
    }

    private func isAssociation(_ m: Mention) -> Bool {
        if m.surface.unicodeScalars.allSatisfy({ $0.properties.isUppercase || $0.properties.numericType != nil || $0 == "-" }) { return true }
        let l = fold(m.surface)
        return ["ассоциац", "организац", "объединен", "союз", "ассамбле", "партнерств", "лига", "лиги", "сеть", "сети",
                "федерац", "конгресс", "совет"].contains { l.has($0) }
    }
}
