import KnowledgeGraph

extension RelationRules {

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
}
