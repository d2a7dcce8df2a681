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
            }) else {
                out += appositiveOffice(of: person, in: f, k)
                continue
            }
            if f.people.contains(where: { $0.first > t && $0.last < person.first }) { continue }
            let role = officeRole(f, title: t)
            let between = (f.places + f.phrases.filter { $0.type == .organisation })
                .filter { $0.first > t && $0.last < person.first }
            // the place the office belongs to, not where it sits: "консул Японии в Хабаровске"
            let place = between.filter { $0.type.isPlace && !$0.locative }.last ?? between.filter { $0.type.isPlace }.last
            let org = between.filter { $0.type == .organisation && !($0.surface.uppercased() == $0.surface && $0.surface.count <= 3) }.last
            let target: String?
            if let org, role.hasSuffix("ректор") || role.hasSuffix("директор") { target = org.nodeID }
            else { target = place?.nodeID ?? org?.nodeID ?? leadersPlace(f, title: t) ?? (role == "мэр" ? reporterIfReferenced(f, t, person.first) : nil) }
            guard let target else { continue }
            var attrs = timeAttributes(f, near: t)
            attrs["role"] = .string(role)
            out.append(EdgeDraft(type: .holdsOffice, source: person.nodeID, target: target, attributes: attrs,
                                 evidence: [evidence(k)], rule: "holds-office.title"))
        }
        return out
    }

    /// "делегация A во главе с главой администрации города Иваном Петровым": the leader of a
    /// group holds his office in the group's place.
    func leadersPlace(_ f: ClauseFacts, title t: Int) -> String? {
        let w = f.words
        guard t >= 3, w[t - 1].isAny(["с", "со"]), w[t - 2].is("главе"), w[t - 3].is("во") else { return nil }
        return f.actorPlaces.last { $0.last < t - 3 && $0.preposition == nil && isAfterGroup($0, in: f) }?.nodeID
    }

    /// "Иван Петров, мэр A, …": the title in apposition after the person, with its place.
    func appositiveOffice(of person: Mention, in f: ClauseFacts, _ k: Int) -> [EdgeDraft] {
        let w = f.words
        let t = person.last + 2
        guard t < w.count, w[person.last + 1].isText(","), w[t].isWord,
              Lexicon.offices.contains(where: { w[t].starts(with: $0.stem) }),
              let place = f.places.first(where: { $0.first > t && $0.first <= t + 3 && $0.type.isPlace && !$0.locative }),
              w[(t + 1)..<place.first].allSatisfy({ $0.isWord && !$0.isCapitalized || $0.isText(".") }) else { return [] }
        // the title nearest the place, with those it depends on: "заместитель мэра A"
        let title = (t..<place.first).last { i in Lexicon.offices.contains { w[i].starts(with: $0.stem) } } ?? t
        var attrs = timeAttributes(f, near: t)
        attrs["role"] = .string(officeRole(f, title: title))
        return [EdgeDraft(type: .holdsOffice, source: person.nodeID, target: place.nodeID, attributes: attrs,
                          evidence: [evidence(k)], rule: "holds-office.apposition")]
    }

    /// The role a title gives, with the titles it depends on: "мэр"; "заместитель мэра",
    /// "первый заместитель главы" (not "мэр", "глава"); "исполняющий обязанности губернатора",
    /// "и.о. главы" (kept as they are).
    func officeRole(_ f: ClauseFacts, title t: Int) -> String {
        let w = f.words
        let base = Lexicon.offices.first { w[t].starts(with: $0.stem) }!.role
        var prefix: [String] = []
        var j = t - 1
        while j >= 0, t - j <= 5 {
            let x = w[j]
            if let p = Lexicon.officePrefixes.first(where: { x.starts(with: $0.stem) }) {
                if p.written.isEmpty { j -= 1; continue }
                prefix.insert(p.written, at: 0)
            } else if let o = Lexicon.offices.first(where: { x.starts(with: $0.stem) }), isGenitiveTitleAfter(w[j + 1]) {
                prefix.insert(o.role, at: 0)
            } else if x.is("о"), j >= 2, w[j - 1].isText("."), w[j - 2].is("и") {
                prefix.insert("и.о.", at: 0); j -= 3; continue
            } else if !x.isText(".") {
                break
            }
            j -= 1
        }
        guard !prefix.isEmpty else { return base }
        // the dependent title stays in the genitive it is written in: "заместитель мэра"
        return (prefix + [w[t].lower]).joined(separator: " ")
    }

    /// A title in the genitive, as a title that depends on another is ("заместитель мэра").
    private func isGenitiveTitleAfter(_ w: Word) -> Bool {
        analyzer.parse(w.text).contains { $0.tag.case == "gent" } || Lexicon.officePrefixes.contains { w.starts(with: $0.stem) }
    }

    private func reporterIfReferenced(_ f: ClauseFacts, _ from: Int, _ to: Int) -> String? {
        f.reporterWords.contains { $0 > from && $0 < to } ? reporter : nil
    }
}
