import KnowledgeGraph

/// Visits from the roles of the places around a visit trigger, whatever their order:
///
/// - `visit.motion`: "делегация из A прибыла в B", "в B прибыла делегация A", "A совершил поездку
///   в B", "побывали в B";
/// - `visit.object`: "делегация A посетила B", "B посетила делегация из A" (B the object, in the
///   accusative, wherever it stands);
/// - `visit.reception`: "в B приняли делегацию из A", "мэр B принял делегацию A": the host is
///   visited.
///
/// The origin is a place after "из", the genitive of a travelling group or of an office holder
/// ("делегация A", "мэр A"), or a place that is the subject; the reporting city when the clause
/// names none. Online meetings, intentions, the future and negated statements are no visits.
extension RelationRules {
    func roleVisits(_ k: Int) -> [EdgeDraft] {
        let linear = linearVisits(k)
        if linear.isEmpty, let tree = facts[k].tree { return treeVisits(k, tree: tree) }
        return linear
    }

    /// Visits from the places' prepositions, cases and neighbours around the trigger.
    func linearVisits(_ k: Int) -> [EdgeDraft] {
        let f = facts[k]
        if Lexicon.onlineStems.contains(where: { f.clause.has($0) }) { return [] }
        if Lexicon.intentStems.contains(where: { f.clause.has($0) }) { return [] }
        if isUnreal(f) { return [] }
        if f.clause.isPlain, !Lexicon.visitCues.contains(where: { f.clause.has($0) }) { return [] }
        let w = f.words
        let segment = clauseSegments(f)
        var out: [EdgeDraft] = []
        for t in w.indices where w[t].isWord {
            guard let kind = visitTrigger(w[t], in: f) else { continue }
            if isNegated(f, around: t) || isFuture(w[t]) || isInfinitive(w[t]) { continue }
            // a place named with its marker stays a place even where the marker heads a name
            // ("Департамент Верхняя Савойя")
            let places = f.actorPlaces.filter {
                segment($0.first) == segment(t) && (!f.insideName($0.first) || isMarked($0, in: f))
                    && !f.insideParentheses($0.first) && !qualifiesAnother($0, in: f) && !isOwnerBeforeTwin($0, in: f)
            }
            // a group's city may stand inside its organisation's name: "представители мэрии A"
            let origins = f.actorPlaces.filter {
                segment($0.first) == segment(t) && !f.insideParentheses($0.first) && !isOwnerBeforeTwin($0, in: f)
                    && isOrigin($0, in: f, trigger: t) && (!f.insideName($0.first) || isAfterGroup($0, in: f))
            }
            var targets: [Mention]
            switch kind {
            case .returning:
                continue
            case .reception:
                if w[t].isAny(Lexicon.meetingNouns), !origins.allSatisfy(\.fromPreposition) { continue }
                // the host: where it happened, or whose office holder or city received
                targets = places.filter { m in m.locative && !origins.contains { $0.nodeID == m.nodeID } }
                if targets.isEmpty {
                    targets = places.filter { m in m.last < t && !origins.contains { $0.nodeID == m.nodeID }
                        && (m.mayBe("nomn") && m.preposition == nil || isAfterOffice(m, in: f)) }
                }
                guard !origins.isEmpty else { continue }
                let hosts = targets.isEmpty ? (reporter.map { [$0] } ?? []) : targets.map(\.nodeID)
                for o in origins { for h in hosts { out.append(visit(o.nodeID, h, f, k, t, "visit.reception")) } }
                continue
            case .object:
                // the object: a place with no preposition that may be accusative and is nobody's
                // origin; of several, those that cannot be the subject, else those after the verb
                let objects = places.filter { m in
                    m.preposition == nil && m.mayBe("accs") && !origins.contains { $0.nodeID == m.nodeID }
                        && !isAfterGroup(m, in: f) && !isAfterOffice(m, in: f)
                }
                let accusativeOnly = objects.filter { !$0.mayBe("nomn") }
                if objects.count <= 1 { targets = objects }
                else if !accusativeOnly.isEmpty { targets = accusativeOnly }
                else { targets = origins.isEmpty ? objects.filter { $0.first > t } : objects }
            case .motion:
                // "в" with the accusative is where one goes ("прибыли в Пермь"); with the
                // prepositional only after "побывать" ("побывали в Перми") and after the noun of a
                // visit whose visitors are named ("в Перми прошёл визит делегации A", "мэра A")
                let visitorsNamed = !origins.isEmpty || places.contains { $0.cases.contains("gent") && isAfterOffice($0, in: f) }
                let stayVerb = w[t].starts(with: Lexicon.visitStayStems)
                let visitNoun = w[t].starts(with: Lexicon.visitNounStems) && visitorsNamed
                targets = places.filter { m in
                    guard m.locative, !origins.contains(where: { $0.nodeID == m.nodeID }) else { return false }
                    if m.cases.isEmpty || m.cases.contains("accs") { return true }
                    guard m.cases.contains("loct") || m.cases.contains("loc2") else { return false }
                    // the noun's place: before it, or within its phrase ("визит делегации A в B"),
                    // not past another verb ("…визитом посетила C, связанных с Годом России во Франции")
                    return stayVerb || visitNoun && (m.last < t || !w[(t + 1)..<m.first].contains { isVerbForm($0) || $0.isText(",") })
                }
            }
            targets = targets.filter { m in !origins.contains { $0.nodeID == m.nodeID } }
            var sources = origins.map(\.nodeID)
            // "глава A Иван Петров посетил B": the place of an office holder before the verb
            // ("в город прибыли мэр A и глава B": after the verb too)
            if sources.isEmpty {
                sources = places.filter { m in m.cases.contains("gent") && isAfterOffice(m, in: f)
                    && !targets.contains { $0.nodeID == m.nodeID } }.map(\.nodeID)
            }
            var targetIDs = targets.map(\.nodeID)
            if targetIDs.isEmpty, let unnamed = unnamedDestination(f, after: t, visitors: sources) { targetIDs = [unnamed] }
            // "наш город посетила делегация A": the report's own city, wherever it stands
            if targetIDs.isEmpty, kind == .object, let reporter, !sources.contains(reporter),
               f.reporterWords.contains(where: { w[$0].isAny(ReporterForms.our) }) { targetIDs = [reporter] }
            guard !targetIDs.isEmpty else { continue }
            if sources.isEmpty {
                // a place that is the subject: "A посетил B"
                sources = places.filter { m in
                    m.preposition == nil && m.mayBe("nomn") && !targetIDs.contains(m.nodeID)
                }.map(\.nodeID)
            }
            if sources.isEmpty, let reporter { sources = [reporter] }
            for s in unique(sources) { for d in unique(targetIDs) where s != d {
                out.append(visit(s, d, f, k, t, kind == .motion ? "visit.motion" : "visit.object"))
            } }
        }
        return out
    }

    enum VisitTrigger { case motion, object, reception, returning }

    /// A destination the clause names only by a common noun right after the trigger or its
    /// "в": "прибыли в город", "в наш город" in a report is the reporting city; "посетил
    /// город-побратим", "прибыли в город-герой" is the one place the visitors are partners of in
    /// the document.
    func unnamedDestination(_ f: ClauseFacts, after t: Int, visitors: [String]) -> String? {
        let w = f.words
        var j = t + 1
        while j < w.count, j <= t + 3, w[j].isAny(["в", "во", "наш", "нашем", "наш", "нашего"]) || isAdjectiveWord(w[j]) { j += 1 }
        // or just before the verb: "в город-герой прибыли …"
        if !(j < w.count && w[j].starts(with: "город")), t >= 2, w[t - 2].isAny(["в", "во"]), w[t - 1].starts(with: "город") { j = t - 1 }
        guard j < w.count, w[j].starts(with: "город"), !f.places.contains(where: { $0.first == j + 1 || $0.first == j }) else { return nil }
        // a plain "город" in a report: the reporting city, whose report it is
        if !w[j].hasHyphen, w[j].isAny(["город", "городе"]), let reporter { return reporter }
        // "город-побратим", "город-герой": the place the visitors' partnerships lead to, when they
        // all lead to one
        let partners = Set(visitors.flatMap { documentPartners.partners[$0] ?? [] }).subtracting(visitors)
        return partners.count == 1 ? partners.first : nil
    }

    func isAdjectiveWord(_ w: Word) -> Bool {
        w.isWord && analyzer.parse(w.text).first.map { $0.tag.pos == "ADJF" } ?? false
    }

    /// Whether the clause holds a trigger `roleVisits` reads (then it alone decides the clause).
    func hasVisitTrigger(_ k: Int) -> Bool {
        let f = facts[k]
        if f.clause.isPlain, !Lexicon.visitCues.contains(where: { f.clause.has($0) }) { return false }
        return f.words.contains { $0.isWord && visitTrigger($0, in: f) != nil }
    }

    /// What kind of visit word `w` is: a verb of going ("прибыть", "побывать", "визит в"), a verb
    /// with its destination as object ("посетить"), or a reception of a group ("принять делегацию").
    func visitTrigger(_ w: Word, in f: ClauseFacts) -> VisitTrigger? {
        // (a meeting is an event's head too: "провёл рабочую встречу с делегацией")
        if f.insidePhrase(w.index), !w.isAny(Lexicon.receptionNounStems) { return nil }
        if w.starts(with: Lexicon.visitObjectStems) { return .object }
        if w.starts(with: Lexicon.visitMotionStems) { return .motion }
        let near = f.words[max(0, w.index - 3)..<min(f.words.count, w.index + 5)]
        let groupNear = near.contains { $0.index != w.index && $0.starts(with: Lexicon.groupStems) }
        // "направила делегацию в A", "была направлена делегация в A"
        if w.starts(with: Lexicon.sendingStems), groupNear, isVerbForm(w) { return .motion }
        if w.starts(with: Lexicon.receptionVerbStems) || w.isAny(Lexicon.receptionNounStems) {
            let after = f.words[(w.index + 1)..<min(f.words.count, w.index + 5)]
            guard w.isAny(Lexicon.receptionNounStems) || isVerbForm(w) else { return nil }
            // "приняли участие": taking part, not receiving anyone
            if w.index + 1 < f.words.count, f.words[w.index + 1].starts(with: Lexicon.participationStems) { return nil }
            return after.contains { $0.starts(with: Lexicon.groupStems) || $0.isAny(Lexicon.guestWords) } ? .reception : nil
        }
        // "бизнес-миссии из A в B": the mission is the group
        if w.lower.has(Lexicon.missionStem) { return .reception }
        return nil
    }

    /// A verb, participle or gerund ("принял", "принимающая", "приняв"), not a noun ("встреча").
    func isVerbForm(_ w: Word) -> Bool {
        analyzer.parse(w.text).first.map { ["VERB", "INFN", "PRTF", "PRTS", "GRND"].contains($0.tag.pos ?? "") } ?? false
    }

    /// A clause whose visit did not happen: cancelled, postponed, refused, only possible, or in
    /// the conditional ("визит был отменён", "могла бы посетить").
    func isUnreal(_ f: ClauseFacts) -> Bool {
        Lexicon.unrealVisitStems.contains { f.clause.has($0) }
            || f.words.contains { $0.isAny(Lexicon.conditionalParticles) || $0.isAny(Lexicon.unrealVisitWords) }
    }

    /// An infinitive ("смогут побывать", "хотят посетить"): what may, should or is meant to
    /// happen, not what did.
    func isInfinitive(_ w: Word) -> Bool {
        analyzer.parse(w.text).first?.tag.pos == "INFN"
    }

    /// A verb in the future tense ("посетят", "прибудет"): a plan, not a visit.
    func isFuture(_ w: Word) -> Bool {
        // a noun that is also a verb's form ("встречу") is read as the noun
        if w.isAny(Lexicon.receptionNounStems) { return false }
        let readings = analyzer.parse(w.text).filter { $0.tag.pos == "VERB" }
        return !readings.isEmpty && readings.allSatisfy { $0.tag.contains("futr") }
    }

    /// Where a group came from: "из A", "делегация A", "мэр A" (when not itself the host of a
    /// reception's locative), "A-ская делегация" is the reporting city's business.
    func isOrigin(_ m: Mention, in f: ClauseFacts, trigger t: Int) -> Bool {
        if m.fromPreposition { return true }
        // "тульская делегация", "омичи": the place of the group that travels
        if m.derived != nil, m.preposition != nil { return false }
        if m.derived == .demonym { return true }
        if m.derived == .adjective, f.words[(m.last + 1)..<min(f.words.count, m.last + 3)].contains(where: {
            $0.starts(with: Lexicon.groupStems) || $0.starts(with: Lexicon.travellerStems) || $0.isAny(Lexicon.guestWords)
        }) { return true }
        // "из города-побратима A B": B came, A is its partner
        if let before = f.places.last(where: { $0.last == m.first - 1 }), before.fromPreposition, isOwnerBeforeTwin(before, in: f) {
            return true
        }
        // (a name that does not decline may be the genitive: "делегации Улан-Удэ")
        if m.preposition == nil, m.mayBe("gent"), isAfterGroup(m, in: f) { return true }
        return false
    }

    /// The place follows a travelling group's noun, possibly with an organisation or other places
    /// of its enumeration between: "делегация A", "делегации администрации города A",
    /// "представители мэрии A", "кругов округа A и муниципалитета B".
    func isAfterGroup(_ m: Mention, in f: ClauseFacts) -> Bool {
        follows(m, in: f, within: 7, throughEnumerations: true) { $0.starts(with: Lexicon.groupStems) || $0.isAny(Lexicon.guestWords) }
    }

    /// The place follows an office title: "мэр A", "глава администрации A".
    func isAfterOffice(_ m: Mention, in f: ClauseFacts) -> Bool {
        follows(m, in: f, within: 4, throughEnumerations: false) { w in Lexicon.offices.contains { w.starts(with: $0.stem) } }
    }

    /// Whether a word that `head` accepts stands at most `steps` words before the place, with only
    /// words of a noun phrase between: no verb, no punctuation but abbreviation dots and quotes, and
    /// no other place unless it is of the same enumeration (`throughEnumerations`).
    private func follows(_ m: Mention, in f: ClauseFacts, within steps: Int, throughEnumerations: Bool,
                         head: (Word) -> Bool) -> Bool {
        var j = m.first - 1
        var taken = 0
        while j >= 0, taken < steps {
            let x = f.words[j]
            if x.isWord, head(x) { return true }
            if let other = f.places.first(where: { $0.first <= j && j <= $0.last }) {
                guard throughEnumerations, f.words[(other.last + 1)..<m.first].contains(where: { $0.is("и") || $0.isText(",") }) else {
                    return false
                }
                j = other.first - 1
                continue
            }
            if x.isWord && isVerbForm(x) { return false }
            guard x.isWord || x.isText(".") || f.insidePhrase(j) || x.token.kind == .quote else { return false }
            j -= 1; taken += 1
        }
        return false
    }

    /// "из города-побратима A B": A, in the genitive right after a twin cue and followed by
    /// another place, is B's partner, not where anyone came from.
    func isOwnerBeforeTwin(_ m: Mention, in f: ClauseFacts) -> Bool {
        guard m.first > 0, f.words[m.first - 1].lower.has("побратим") || f.words[m.first - 1].lower.has("партнер") else { return false }
        return f.places.contains { $0.first == m.last + 1 && $0.type != .country }
    }

    private func visit(_ s: String, _ d: String, _ f: ClauseFacts, _ k: Int, _ t: Int, _ rule: String) -> EdgeDraft {
        EdgeDraft(type: .visited, source: s, target: d, attributes: timeAttributes(f, near: t), evidence: [evidence(k)], rule: rule)
    }
}

// MARK: Visits from the dependency tree

extension RelationRules {
    /// Visits from the roles the dependency tree gives the places around a visit trigger.
    ///
    /// - the visitors' place: a place after "из"; the subject, or the genitive of a travelling
    ///   group or office that is the subject ("делегация польского Эльблонга посетила");
    ///   for a reception, the group that is the object ("приветствовал делегацию из A");
    /// - the place visited: after "в" with the accusative (or the prepositional, for staying);
    ///   the object of "посетить", or the place its object belongs to ("посетили мэрию A"); for
    ///   a reception, the subject or its office holder's or organisation's place ("мэр B принял");
    ///   for a return ("вернулись из A"), the place after "из".
    func treeVisits(_ k: Int, tree: SyntaxTree) -> [EdgeDraft] {
        let f = facts[k]
        if Lexicon.onlineStems.contains(where: { f.clause.has($0) }) { return [] }
        if Lexicon.intentStems.contains(where: { f.clause.has($0) }) { return [] }
        if isUnreal(f) { return [] }
        if f.clause.isPlain, !Lexicon.visitCues.contains(where: { f.clause.has($0) }) { return [] }
        let w = f.words
        guard tree.count == w.count else { return [] }
        var out: [EdgeDraft] = []
        let candidates = f.actorPlaces.filter {
            (!f.insideName($0.first) || isMarked($0, in: f) || f.words[$0.first].isCapitalized)
                && !f.insideParentheses($0.first) && !qualifiesAnother($0, in: f) && !isOwnerBeforeTwin($0, in: f)
        }
        for t in w.indices where w[t].isWord {
            guard let kind = treeVisitTrigger(t, in: f, tree: tree) else { continue }
            if isNegated(f, around: t) || isFuture(w[t]) || isInfinitive(w[t]) { continue }
            let (predicates, subjectNoun, subjectVerb) = tree.predicates(of: t)
            func argument(_ m: Mention) -> Argument? {
                let groups: (Word) -> Bool = { $0.starts(with: Lexicon.groupStems) || $0.isAny(Lexicon.guestWords) }
                let offices: (Word) -> Bool = { x in Lexicon.offices.contains { x.starts(with: $0.stem) } }
                if let a = tree.argument(m.first...m.last, of: predicates, words: w, isGroup: groups, isOffice: offices) { return a }
                // the noun a participle qualifies is the participle's subject
                if let n = subjectNoun, let a = tree.argument(m.first...m.last, of: [tree.head(n) ?? -1], words: w,
                                                                isGroup: groups, isOffice: offices),
                   a.path.contains(n) {
                    return Argument(word: a.word, path: Array(a.path.prefix { $0 != n }) + [n], predicate: t, relation: "nsubj",
                                    throughGroup: a.throughGroup || groups(w[n]), throughOffice: a.throughOffice || offices(w[n]))
                }
                if let v = subjectVerb, let a = tree.argument(m.first...m.last, of: [v], words: w, isGroup: groups, isOffice: offices),
                   a.isSubject {
                    return a
                }
                return nil
            }
            var origins: [(Mention, Argument)] = []
            var destinations: [(Mention, Argument)] = []
            for m in candidates {
                guard let a = argument(m) else { continue }
                // an agent in the instrumental: "была принята мэром A", "посещён делегацией A"
                let agent = a.isOblique && m.preposition == nil && tree.cases[a.path[a.path.count - 1]] == "Ins"
                let subjectSide = a.isSubject || (a.isNominalModifier && tree.parts[t] == "NOUN" && m.preposition == nil) || agent
                let objectSide = a.isObject || a.isPassiveSubject
                // the preposition of the argument the place hangs from: "в мэрии A", "с фестиваля в A"
                let argumentPreposition = tree.preposition(of: a.path[a.path.count - 1]).map { w[$0].lower }
                switch kind {
                case .returning:
                    // "вернулись из A", "вернулись с фестиваля в A"
                    if m.fromPreposition || (m.locative && ["с", "со", "из"].contains(argumentPreposition ?? "")) {
                        destinations.append((m, a))
                    } else if subjectSide { origins.append((m, a)) }
                case .reception:
                    if m.fromPreposition || (objectSide && a.throughGroup) { origins.append((m, a)) }
                    else if subjectSide || (m.locative && a.isDirect) { destinations.append((m, a)) }
                    // "была принята в мэрии A": the host's body
                    else if a.isOblique, m.preposition == nil, ["в", "во"].contains(argumentPreposition ?? "") {
                        destinations.append((m, a))
                    }
                case .object:
                    if m.fromPreposition || (subjectSide && (a.isDirect || a.throughGroup || a.throughOffice || !m.mayBe("nomn"))) {
                        origins.append((m, a))
                    } else if objectSide && !a.throughGroup && !a.throughOffice {
                        destinations.append((m, a))
                    } else if m.locative, !a.isDirect, objectSide || a.path.contains(where: { tree.relation($0) == "obj" }) {
                        // "посетили выставку в A"
                        destinations.append((m, a))
                    }
                case .motion:
                    let stay = w[t].starts(with: Lexicon.visitStayStems) || predicates.dropFirst().contains { w[$0].starts(with: Lexicon.visitStayStems) }
                    if m.fromPreposition || (subjectSide && m.preposition == nil) { origins.append((m, a)) }
                    else if m.locative, m.cases.isEmpty || m.cases.contains("accs") || (stay && (m.cases.contains("loct") || m.cases.contains("loc2"))) {
                        destinations.append((m, a))
                    }
                }
            }
            var sources = unique(origins.map(\.0.nodeID))
            var targets = unique(destinations.map(\.0.nodeID)).filter { !sources.contains($0) }
            if targets.isEmpty, kind != .reception, kind != .returning,
               let unnamed = unnamedDestination(f, after: t, visitors: sources) { targets = [unnamed] }
            if targets.isEmpty, kind == .reception, !sources.isEmpty, let reporter { targets = [reporter] }
            guard !targets.isEmpty else { continue }
            if sources.isEmpty {
                // a reception needs its guests' place; elsewhere the report's city travelled
                guard kind != .reception, let reporter else { continue }
                sources = [reporter]
            }
            let paths = (origins + destinations).map { "\($0.0.surface): \($0.1.describe(in: tree, words: w))" }.joined(separator: "; ")
            let rule = "visit.tree.\(kind)"
            for s in sources { for d in targets where s != d {
                var e = visit(s, d, f, k, t, rule)
                e.path = paths
                out.append(e)
            } }
        }
        return out
    }

    /// The visit trigger at word `t`, by its lemma's class; a reception verb only with a
    /// travelling group or a place after "из" among its dependents.
    func treeVisitTrigger(_ t: Int, in f: ClauseFacts, tree: SyntaxTree) -> VisitTrigger? {
        let x = f.words[t]
        if f.insidePhrase(t) { return nil }
        if x.starts(with: Lexicon.returnStems), isVerbForm(x) { return .returning }
        if x.starts(with: Lexicon.receptionVerbStems) || x.isAny(Lexicon.receptionNounStems) {
            guard x.isAny(Lexicon.receptionNounStems) || isVerbForm(x) else { return nil }
            // "приняли участие" is taking part, not receiving anyone
            if tree.children(t).contains(where: { f.words[$0].starts(with: Lexicon.participationStems) }) { return nil }
            let group = tree.children(t).contains { c in
                f.words[c].starts(with: Lexicon.groupStems) || f.words[c].isAny(Lexicon.guestWords)
            }
            return group ? .reception : visitTrigger(x, in: f)
        }
        return visitTrigger(x, in: f)
    }
}
