import Parsing

/// A clause's dependency tree, as Natasha's syntax model parses it, over the clause's word
/// indices (the parser reads the clause's tokens, so its token `i` is word `i`).
///
/// The rules ask it small questions: a word's head and relation, its dependents, the
/// preposition it takes, and how a mention's words hang from a trigger.
struct SyntaxTree: Sendable {
    /// The head of each word (0-based), nil for the root.
    let heads: [Int?]
    /// The relation of each word to its head, without its subtype ("nsubj:pass" → "nsubj").
    let relations: [String]
    /// The full relation, subtype included.
    let fullRelations: [String]
    /// The universal part of speech of each word (`NOUN`, `VERB`, `ADP`, …).
    let parts: [String]
    /// The case the morphology model gives each word (`Nom`, `Gen`, `Acc`, `Loc`, …), if any.
    let cases: [String?]
    private let dependents: [[Int]]

    init(_ parse: ParsedSentence) {
        let n = parse.tokens.count
        var heads: [Int?] = []
        var dependents = [[Int]](repeating: [], count: n)
        for (i, t) in parse.tokens.enumerated() {
            let h = t.head > 0 && t.head <= n && t.head - 1 != i ? t.head - 1 : nil
            heads.append(h)
            if let h { dependents[h].append(i) }
        }
        self.heads = heads
        self.dependents = dependents
        fullRelations = parse.tokens.map(\.relation)
        relations = parse.tokens.map { String($0.relation.prefix { $0 != ":" }) }
        parts = parse.tokens.map(\.upos)
        cases = parse.tokens.map { $0.features["Case"] }
    }

    var count: Int { heads.count }

    func head(_ i: Int) -> Int? { i < heads.count ? heads[i] : nil }
    func relation(_ i: Int) -> String { i < relations.count ? relations[i] : "" }
    func children(_ i: Int) -> [Int] { i < dependents.count ? dependents[i] : [] }
    func children(_ i: Int, _ relation: String) -> [Int] { children(i).filter { relations[$0] == relation } }

    /// The word of `words` whose head lies outside them: the syntactic head of a mention.
    func head(of words: ClosedRange<Int>) -> Int {
        let inside = words.clamped(to: 0...(max(0, count - 1)))
        return inside.first { i in heads[i].map { !inside.contains($0) } ?? true } ?? inside.lowerBound
    }

    /// The preposition word attached to `i` ("в" of "в Харбин"), if any.
    func preposition(of i: Int) -> Int? {
        children(i).first { relations[$0] == "case" && parts[$0] == "ADP" }
    }

    /// The words from `i` up to the root, `i` first. The walk stops on a cycle.
    func pathToRoot(from i: Int) -> [Int] {
        var out: [Int] = [i]
        var j = i
        while let h = head(j), out.count <= count {
            if out.contains(h) { break }
            out.append(h)
            j = h
        }
        return out
    }

    /// The words from `i` up to (not including) `ancestor`, `i` first, when `ancestor` is above
    /// `i`; nil otherwise.
    func path(from i: Int, upTo ancestor: Int) -> [Int]? {
        let up = pathToRoot(from: i)
        guard let k = up.firstIndex(of: ancestor), k > 0 else { return nil }
        return Array(up[..<k])
    }

    /// `a` is `b` or above it.
    func dominates(_ a: Int, _ b: Int) -> Bool { pathToRoot(from: b).contains(a) }

    /// A readable path for `--explain`: "Харбине ←obl– побывала", from the mention's head up.
    func describe(_ path: [Int], to top: Int, words: [Word]) -> String {
        var s = ""
        for i in path {
            s += words[i].text + " –" + fullRelations[i] + "→ "
        }
        return s + words[top].text
    }

    /// How two words are linked, for `--explain`: each one's path up to the lowest word above
    /// both, "Льежа –nmod→ делегация –nsubj→ посетила ←obj– Тверь".
    func link(_ a: Int, _ b: Int, words: [Word]) -> String {
        let upA = pathToRoot(from: a), upB = pathToRoot(from: b)
        guard let top = upA.first(where: { upB.contains($0) }) else { return "" }
        let left = upA.prefix { $0 != top }.map { words[$0].text + " –" + fullRelations[$0] + "→ " }.joined()
        let right = upB.prefix { $0 != top }.reversed().map { " ←" + fullRelations[$0] + "– " + words[$0].text }.joined()
        return left + words[top].text + right
    }
}
