import KnowledgeGraph

extension RelationRules {

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
