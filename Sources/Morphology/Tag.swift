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

    init(_ string: String, id: Int, grammemeIndex: GrammemeIndex) {
        self.string = string
        self.utf8 = Array(string.utf8)
        self.id = id
        let parts = Self.split(string)
        ordered = parts
        grammemes = Set(parts)
        var bits: GrammemeBits? = GrammemeBits()
        // A tag has at most one grammeme of each category, so the first one found is the one.
        var pos: String?, cas: String?, number: String?, gender: String?, animacy: String?
        var productive = true
        var features = Set<String>()
        var firstFlags: UInt8? = nil
        for g in parts {
            let k = grammemeIndex[g]
            if let k, k < GrammemeBits.capacity { bits?.insert(k) } else { bits = nil }
            let f = k.map { grammemeIndex.flags[$0] } ?? GrammemeIndex.flags(of: g)
            if firstFlags == nil { firstFlags = f }
            if pos == nil, f & GrammemeIndex.partOfSpeech != 0 { pos = g }
            if cas == nil, f & GrammemeIndex.caseFlag != 0 { cas = g }
            if number == nil, f & GrammemeIndex.numberFlag != 0 { number = g }
            if gender == nil, f & GrammemeIndex.genderFlag != 0 { gender = g }
            if animacy == nil, f & GrammemeIndex.animacyFlag != 0 { animacy = g }
            if f & GrammemeIndex.nonProductiveFlag != 0 { productive = false }
            if f & GrammemeIndex.hyphenFeatureFlag != 0 {
                features.insert(g == "gen1" ? "gent" : g == "loc1" ? "loct" : g)
            }
        }
        self.bits = bits
        self.pos = pos
        self.case = cas
        self.number = number
        self.gender = gender
        self.animacy = animacy
        isProductive = productive
        isUnknown = firstFlags.map { $0 & GrammemeIndex.partOfSpeech == 0 } ?? true
        hyphenFeatures = features
    }

    /// The grammemes of a tag string, split at commas and spaces (empty parts dropped). An
    /// ASCII string (every tag of the dictionary) is split on its bytes, which for ASCII are its
    /// Characters; anything else Character by Character.
    static func split(_ s: String) -> [String] {
        guard s.utf8.allSatisfy({ $0 < 0x80 }) else {
            return s.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        }
        var parts: [String] = []
        var t = s
        t.withUTF8 { b in
            var start = 0
            for i in 0...b.count where i == b.count || b[i] == 0x2C || b[i] == 0x20 {
                if i > start { parts.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)) }
                start = i + 1
            }
        }
        return parts
    }
}

/// The grammeme numbering of a dictionary (for `GrammemeBits`), with the categories of each
/// grammeme worked out once instead of for every tag that has it.
struct GrammemeIndex: Sendable {
    let numbers: [String: Int]
    /// Category flags by grammeme number.
    let flags: [UInt8]

    static let partOfSpeech: UInt8 = 1, caseFlag: UInt8 = 2, numberFlag: UInt8 = 4, genderFlag: UInt8 = 8
    static let animacyFlag: UInt8 = 16, nonProductiveFlag: UInt8 = 32, hyphenFeatureFlag: UInt8 = 64

    init(_ numbers: [String: Int]) {
        self.numbers = numbers
        var f = Array(repeating: UInt8(0), count: numbers.count)
        for (g, k) in numbers { f[k] = Self.flags(of: g) }
        flags = f
    }

    var count: Int { numbers.count }

    subscript(_ g: String) -> Int? { numbers[g] }

    /// The categories of grammeme `g` (see `Grammemes`).
    static func flags(of g: String) -> UInt8 {
        var f: UInt8 = 0
        if Grammemes.partsOfSpeech.contains(g) { f |= partOfSpeech }
        if Grammemes.cases.contains(g) { f |= caseFlag }
        if Grammemes.numbers.contains(g) { f |= numberFlag }
        if Grammemes.genders.contains(g) { f |= genderFlag }
        if Grammemes.animacy.contains(g) { f |= animacyFlag }
        if Grammemes.nonProductive.contains(g) { f |= nonProductiveFlag }
        if Grammemes.hyphenFeatureSet.contains(g) { f |= hyphenFeatureFlag }
        return f
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
