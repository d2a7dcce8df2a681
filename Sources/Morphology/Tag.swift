/// The shared, immutable description of one tag; tags are built once per dictionary, so a `Tag`
/// value is only a reference to one of these.
final class TagInfo: Sendable {
    let string: String
    /// `string` as bytes, to follow in the P(t|w) dawg.
    let utf8: [UInt8]
    let grammemes: Set<String>
    /// Grammemes in written order (pymorphy compares tags by this tuple).
    let ordered: [String]
    let pos: String?
    let `case`: String?
    let number: String?
    let gender: String?
    let animacy: String?
    /// False for closed classes (numerals, pronouns, prepositions…) which prediction must not use.
    let isProductive: Bool
    /// True when the first grammeme is not a part of speech (UNKN, LATN, NUMB, PNCT, ROMN).
    let isUnknown: Bool
    /// Dense id: index in the gramtab, or past it for tags made by the analyzer itself.
    let id: Int
    /// Grammemes compared when the two halves of a hyphenated word are matched.
    let hyphenFeatures: Set<String>
    /// `grammemes` as bits of the dictionary's grammeme numbering, for `inflect`'s set
    /// arithmetic without hashing strings; nil when a grammeme has no number (then the
    /// `Set<String>` path answers).
    let bits: GrammemeBits?

    init(_ string: String, id: Int, grammemeIndex: [String: Int]) {
        self.string = string
        self.utf8 = Array(string.utf8)
        self.id = id
        let parts = string.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        ordered = parts
        grammemes = Set(parts)
        var bits: GrammemeBits? = GrammemeBits()
        for g in parts {
            guard let k = grammemeIndex[g], k < GrammemeBits.capacity else { bits = nil; break }
            bits?.insert(k)
        }
        self.bits = bits
        // A tag has at most one grammeme of each category, so the first one found is the one.
        var pos: String?, cas: String?, number: String?, gender: String?, animacy: String?
        var productive = true
        var features = Set<String>()
        for g in parts {
            if pos == nil, Grammemes.partsOfSpeech.contains(g) { pos = g }
            if cas == nil, Grammemes.cases.contains(g) { cas = g }
            if number == nil, Grammemes.numbers.contains(g) { number = g }
            if gender == nil, Grammemes.genders.contains(g) { gender = g }
            if animacy == nil, Grammemes.animacy.contains(g) { animacy = g }
            if Grammemes.nonProductive.contains(g) { productive = false }
            if Grammemes.hyphenFeatureSet.contains(g) {
                features.insert(g == "gen1" ? "gent" : g == "loc1" ? "loct" : g)
            }
        }
        self.pos = pos
        self.case = cas
        self.number = number
        self.gender = gender
        self.animacy = animacy
        isProductive = productive
        isUnknown = parts.first.map { !Grammemes.partsOfSpeech.contains($0) } ?? true
        hyphenFeatures = features
    }
}

/// A set of grammemes as bits, numbered by `DictionaryData.grammemeIndex`. Counting the
/// grammemes two tags share is then a few popcounts instead of hashing strings.
struct GrammemeBits: Sendable, Equatable {
    static let capacity = 256
    var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0

    init() {}
    init(_ w0: UInt64, _ w1: UInt64, _ w2: UInt64, _ w3: UInt64) {
        self.w0 = w0; self.w1 = w1; self.w2 = w2; self.w3 = w3
    }

    /// Adds grammeme number `k` (< capacity).
    mutating func insert(_ k: Int) {
        let bit = UInt64(1) << UInt64(k & 63)
        switch k >> 6 {
        case 0: w0 |= bit
        case 1: w1 |= bit
        case 2: w2 |= bit
        default: w3 |= bit
        }
    }

    @inline(__always) func union(_ o: GrammemeBits) -> GrammemeBits {
        GrammemeBits(w0 | o.w0, w1 | o.w1, w2 | o.w2, w3 | o.w3)
    }
    @inline(__always) func intersection(_ o: GrammemeBits) -> GrammemeBits {
        GrammemeBits(w0 & o.w0, w1 & o.w1, w2 & o.w2, w3 & o.w3)
    }
    @inline(__always) func subtracting(_ o: GrammemeBits) -> GrammemeBits {
        GrammemeBits(w0 & ~o.w0, w1 & ~o.w1, w2 & ~o.w2, w3 & ~o.w3)
    }
    @inline(__always) func symmetricDifference(_ o: GrammemeBits) -> GrammemeBits {
        GrammemeBits(w0 ^ o.w0, w1 ^ o.w1, w2 ^ o.w2, w3 ^ o.w3)
    }
    @inline(__always) func isSubset(of o: GrammemeBits) -> Bool {
        w0 & ~o.w0 == 0 && w1 & ~o.w1 == 0 && w2 & ~o.w2 == 0 && w3 & ~o.w3 == 0
    }
    @inline(__always) var isEmpty: Bool { w0 | w1 | w2 | w3 == 0 }
    @inline(__always) var count: Int {
        w0.nonzeroBitCount + w1.nonzeroBitCount + w2.nonzeroBitCount + w3.nonzeroBitCount
    }
}

/// Grammeme categories (OpenCorpora, as pymorphy groups them).
enum Grammemes {
    static let partsOfSpeech: Set<String> = [
        "NOUN", "ADJF", "ADJS", "COMP", "VERB", "INFN", "PRTF", "PRTS", "GRND", "NUMR", "ADVB",
        "NPRO", "PRED", "PREP", "CONJ", "PRCL", "INTJ",
    ]
    static let animacy: Set<String> = ["anim", "inan"]
    static let genders: Set<String> = ["masc", "femn", "neut"]
    static let numbers: Set<String> = ["sing", "plur"]
    static let cases: Set<String> = [
        "nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen1", "gen2", "acc2", "loc1", "loc2",
    ]
    static let persons: Set<String> = ["1per", "2per", "3per"]
    static let tenses: Set<String> = ["pres", "past", "futr"]
    static let nonProductive: Set<String> = ["NUMR", "NPRO", "PRED", "PREP", "CONJ", "PRCL", "INTJ", "Apro"]
    static let hyphenFeatureSet = partsOfSpeech.union(numbers).union(cases).union(persons).union(tenses)
    static let rareCases: [String: String] = [
        "gen1": "gent", "gen2": "gent", "acc1": "accs", "acc2": "accs",
        "loc1": "loct", "loc2": "loct", "voct": "nomn",
    ]
}

/// A morphological tag as OpenCorpora/pymorphy write it, e.g. `NOUN,inan,masc,Geox sing,gent`.
public struct Tag: Sendable, Hashable, CustomStringConvertible {
    let info: TagInfo

    init(_ info: TagInfo) { self.info = info }

    /// All grammemes of the tag.
    public var grammemes: Set<String> { info.grammemes }
    /// Part of speech (`NOUN`, `ADJF`, `VERB`…), nil for non-words (`PNCT`, `LATN`, `NUMB`, `UNKN`).
    public var pos: String? { info.pos }
    /// Grammatical case (`nomn`, `gent`, `datv`, `accs`, `ablt`, `loct`, or a rare case).
    public var `case`: String? { info.case }
    /// `sing` or `plur`.
    public var number: String? { info.number }
    /// `masc`, `femn` or `neut`.
    public var gender: String? { info.gender }
    /// `anim` or `inan`.
    public var animacy: String? { info.animacy }
    /// The tag exactly as pymorphy prints it.
    public var description: String { info.string }
    /// Whether the tag has grammeme `g`.
    public func contains(_ g: String) -> Bool { info.grammemes.contains(g) }
    /// Whether the tag has every grammeme of `gs`.
    public func contains(all gs: Set<String>) -> Bool { gs.isSubset(of: info.grammemes) }

    public static func == (a: Tag, b: Tag) -> Bool { a.info === b.info || a.info.ordered == b.info.ordered }
    public func hash(into h: inout Hasher) { h.combine(info.string) }
}
