/// How a mention hangs from a predicate in the dependency tree: the dependent of the predicate
/// its path reaches, and what stands between.
///
/// "Калининград посетила делегация польского Эльблонга": Эльблонга –nmod→ делегация –nsubj→
/// посетила is the subject's genitive through a travelling group; Калининград –obj→ посетила is
/// the object itself.
struct Argument: Sendable {
    /// The mention's head word.
    let word: Int
    /// The words from the mention's head up to the predicate's dependent, the head first.
    let path: [Int]
    /// The predicate word the path reaches.
    let predicate: Int
    /// The role of the path's last word: "nsubj", "nsubj:pass", "obj", "obl", "iobj", "nmod", …
    let relation: String
    /// A travelling group ("делегация", "представители", "гости") stands on the path above the
    /// mention.
    let throughGroup: Bool
    /// An office ("мэр", "глава") stands on the path above the mention.
    let throughOffice: Bool

    /// The mention is itself the predicate's dependent ("Калининград –obj→ посетила").
    var isDirect: Bool { path.count == 1 }
    var isSubject: Bool { relation == "nsubj" }
    var isPassiveSubject: Bool { relation == "nsubj:pass" }
    var isObject: Bool { relation == "obj" }
    var isOblique: Bool { relation == "obl" || relation == "iobj" }
    /// The path's top is the genitive or other modifier of a noun predicate ("визит делегации").
    var isNominalModifier: Bool { relation == "nmod" || relation == "amod" }

    /// A readable path for `--explain`.
    func describe(in tree: SyntaxTree, words: [Word]) -> String {
        tree.describe(path, to: predicate, words: words)
    }
}

extension SyntaxTree {
    /// Relations that open a clause of their own: a mention below one belongs to another
    /// predicate.
    static let clauseRelations: Set<String> = ["advcl", "ccomp", "xcomp", "parataxis", "csubj", "root"]

    /// How the mention over `words` hangs from one of `predicates`, when it does within
    /// `maximumSteps` words and no other predicate stands between (a participle modifying a
    /// noun on the path does not count: "делегация, прибывшая из A").
    func argument(_ words: ClosedRange<Int>, of predicates: [Int], words text: [Word], maximumSteps: Int = 6,
                  isGroup: (Word) -> Bool, isOffice: (Word) -> Bool) -> Argument? {
        let h = head(of: words)
        let up = pathToRoot(from: h)
        guard let k = up.firstIndex(where: { predicates.contains($0) }), k > 0, k <= maximumSteps else { return nil }
        let path = Array(up[..<k])
        for (n, i) in path.enumerated() where n > 0 {
            if SyntaxTree.clauseRelations.contains(relations[i]) { return nil }
            if parts[i] == "VERB" || parts[i] == "AUX", relations[i] != "acl", relations[i] != "amod" { return nil }
        }
        if SyntaxTree.clauseRelations.contains(relations[path[path.count - 1]]), relations[path[path.count - 1]] != "root" {
            return nil
        }
        let above = path.dropFirst().filter { !words.contains($0) }
        return Argument(word: h, path: path, predicate: up[k], relation: fullRelations[path[path.count - 1]],
                        throughGroup: above.contains { isGroup(text[$0]) },
                        throughOffice: above.contains { isOffice(text[$0]) })
    }

    /// The words whose arguments count as the trigger's: the trigger; a verb it qualifies as
    /// "с визитом", "в ходе визита" qualify "находились", "подписал"; the noun a participle
    /// modifies ("делегация, прибывшая в A") stands for the participle's subject and is
    /// returned as `subjectNoun`; a verb the trigger is coordinated with lends its subject
    /// ("прибыли в A и посетили B") as `subjectVerb`.
    func predicates(of trigger: Int) -> (words: [Int], subjectNoun: Int?, subjectVerb: Int?) {
        var out = [trigger]
        var subjectNoun: Int?, subjectVerb: Int?
        if parts[trigger] == "NOUN" {
            // "с визитом" → the verb; "в ходе визита" → "ходе" → the verb
            var j = trigger
            for _ in 0..<2 {
                guard let h = head(j), ["obl", "nmod"].contains(relations[j]) else { break }
                if parts[h] == "VERB" { out.append(h); break }
                j = h
            }
        } else if relations[trigger] == "acl" || relations[trigger] == "amod", let h = head(trigger), parts[h] == "NOUN" || parts[h] == "PROPN" {
            subjectNoun = h
        } else if relations[trigger] == "conj", let h = head(trigger), parts[h] == "VERB" {
            // "прибыли в A и посетили B": the first verb's subject is the second's too
            if children(trigger).allSatisfy({ relations[$0] != "nsubj" }) { subjectVerb = h }
        }
        return (out, subjectNoun, subjectVerb)
    }
}
