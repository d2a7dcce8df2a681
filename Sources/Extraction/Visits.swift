import KnowledgeGraph

extension RelationRules {
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

}

func unique(_ ids: [String]) -> [String] {
    var seen = Set<String>()
    return ids.filter { seen.insert($0).inserted }
}
