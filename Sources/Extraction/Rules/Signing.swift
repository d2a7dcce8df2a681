import KnowledgeGraph

extension RelationRules {

    /// "подписано Соглашение о … между городом A и городом B", "посетила X для подписания
    /// Плана …": the parties signed the document (an event node named by its title).
    func signing(_ k: Int) -> [EdgeDraft] {
        let f = facts[k]
        // a word starting with a stem is a slice of a plain clause's text: test the text first
        if f.clause.isPlain, !Lexicon.signStems.contains(where: { f.clause.has($0) }) { return [] }
        guard let cue = f.firstIndex(where: Lexicon.signStems, outsidePhrases: false) else { return [] }
        // "планируется подписать", "готовы подписать": an infinitive signs nothing yet
        if analyzer.parse(f.words[cue].text).first?.tag.pos == "INFN" { return [] }
        // "будет подписано", "подпишут": nothing is signed yet; "не было подписано": nothing is
        if futureSigningOrBecoming(f) != nil || negatesItsPredicate(f) { return [] }
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
            // "между собой города A и B, C и D": every pair of the enumeration
            // up to the end of the sentence or the next "между"
            let end = f.words[(between + 1)...].firstIndex { $0.is("между") || $0.isText(".") } ?? f.words.count
            var parties = places.filter { $0.first > between && $0.first < end && $0.type != .country }.map(\.nodeID)
            parties += f.phrases.filter { $0.type == .organisation && $0.first > between }.prefix(2 - min(2, parties.count)).map(\.nodeID)
            if parties.count >= 2 { return unique(parties) }
        }
        // "Мэрия A и администрация B заключили …": a city's body signs for its city
        let bodies = f.actorPlaces.filter { m in f.insideName(m.first) && !places.contains { $0.first == m.first } && isBodysPlace(m, in: f) }
        let named = (places + bodies).filter { $0.type != .country }
        var parties = unique((named.isEmpty ? places : named).map(\.nodeID))
        // the signatories stand for the parties the clause does not name: "подписали мэр A
        // Иван Петров и председатель горисполкома Пётр Иванов"
        if parties.count < 2 { parties += f.people.map(\.nodeID) }
        return unique(parties)
    }
}
