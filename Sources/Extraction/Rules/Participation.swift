import KnowledgeGraph

extension RelationRules {
    /// A group taking part in something held in another place went there: "делегация A
    /// приняла участие в форуме в B", "в B … с участием делегации из A", "ансамбль … принял
    /// участие в фестивале в городе B" (the reporting city's, when the group has no place of
    /// its own). Online events are no visits, nor works sent to an exhibition.
    func participationVisits(_ k: Int) -> [EdgeDraft] {
        let f = facts[k]
        guard f.clause.has("участи") || f.clause.has("участв") || f.clause.has("участни") || f.clause.has("выступ") || f.clause.has("гост"),
              !Lexicon.onlineStems.contains(where: { f.clause.has($0) }),
              !Lexicon.intentStems.contains(where: { f.clause.has($0) }), !isUnreal(f) else { return [] }
        let w = f.words
        guard let cue = w.firstIndex(where: { $0.isWord && $0.starts(with: Lexicon.participationStems) }) else { return [] }
        // the group: named before the cue, or right after it ("с участием делегации")
        let groupBefore = w[..<cue].contains { $0.starts(with: Lexicon.travellerStems) } || f.reporterWords.contains { $0 < cue }
        // ("участниками конференции в B стали представители A": a participant noun's subject
        // may stand anywhere after it)
        let reach = w[cue].starts(with: Lexicon.participantStems) ? w.count : min(w.count, cue + 4)
        let groupAfter = w[(cue + 1)..<reach].contains { $0.starts(with: Lexicon.travellerStems) }
        guard groupBefore || groupAfter else { return [] }
        // "работы школьников приняли участие в конкурсе": the works travelled, not the people
        if w[..<cue].contains(where: { $0.isAny(Lexicon.sentWorks) }) { return [] }
        // a country's team ("в составе сборной России") says whom the group represents, not
        // where it came from
        let places = f.actorPlaces.filter { !f.insideParentheses($0.first) && !qualifiesAnother($0, in: f) && $0.type != .country }
        let origins = places.filter { isOrigin($0, in: f, trigger: cue) }
        let whereHeld = places.filter { m in m.locative && m.type != .country && !origins.contains { $0.nodeID == m.nodeID } }
        guard let target = (whereHeld.first { $0.first > cue } ?? whereHeld.last)?.nodeID else { return [] }
        var sources = origins.map(\.nodeID)
        if sources.isEmpty {
            // another place before the cue that is not where it happened: someone else's group
            if places.contains(where: { $0.last < cue && !$0.locative && $0.nodeID != reporter }) { return [] }
            if let reporter { sources = [reporter] }
        }
        return unique(sources).filter { $0 != target }.map {
            EdgeDraft(type: .visited, source: $0, target: target, attributes: timeAttributes(f, near: cue),
                      evidence: [evidence(k)], rule: "visited.participation")
        }
    }
}

func unique(_ ids: [String]) -> [String] {
    var seen = Set<String>()
    return ids.filter { seen.insert($0).inserted }
}
