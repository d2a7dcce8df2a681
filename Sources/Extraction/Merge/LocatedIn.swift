import KnowledgeGraph

extension Extractor {
    /// "Кайфын (КНР)": the city lies in the country in parentheses.
    func locatedIn(_ facts: [ClauseFacts], nodes: [String: NodeDraft], documentID: String) -> [EdgeDraft] {
        var out: [EdgeDraft] = []
        for f in facts {
            for p in f.places where p.parenthetical && (p.type == .country || p.type == .region) {
                guard let owner = f.places.last(where: { $0.last < p.first && !$0.parenthetical }),
                      owner.type != .country, p.first - owner.last <= 2 else { continue }
                if p.type == .region && owner.type == .region { continue }
                out.append(EdgeDraft(type: .locatedIn, source: owner.nodeID, target: p.nodeID, attributes: [:],
                                     evidence: [Span(document: documentID, start: f.clause.start, end: f.clause.end, text: f.clause.text)],
                                     rule: "located-in.parentheses"))
            }
        }
        return out
    }
}
