/// Candidate nominative forms of an inflected Russian place name, by undoing case endings.
///
/// Over-generation is intended: the candidates are only checked against the name index, which
/// keeps the result precise ("Омском" → омск, омский…; only "омск" is a name). The tables are data,
/// apart from the small functions that apply them.
enum Declension {
    /// Ending of an oblique case → endings the nominative may have. Longest endings are tried too
    /// when a shorter one also applies; every matching rule contributes.
    static let nounEndings: [(String, [String])] = [
        // masculine, hard or soft stem: Омска, Омску, Омском, Омске; Шанхая…; Ярославля…
        ("а", ["", "о"]), ("у", ["", "о", "а"]), ("ом", ["", "о"]), ("е", ["", "а", "я", "й", "ь", "о"]),
        ("ем", ["", "й", "ь", "е"]), ("я", ["й", "ь", "е"]), ("ю", ["й", "ь", "я", "е"]),
        // feminine: Москвы, Праги, Москве, Москву, Москвой; Кореи, Корею, Кореей; Твери, Тверью
        ("ы", ["а"]), ("и", ["а", "я", "ь", "ы", "и"]), ("ой", ["а"]), ("ою", ["а"]),
        ("ей", ["а", "я", "и"]), ("ею", ["я"]), ("ью", ["ь"]),
        // plural names: Афинах, Челнам, Челнами, Афин…
        ("ах", ["ы", "и", "а"]), ("ам", ["ы", "и", "а"]), ("ами", ["ы", "и"]), ("ов", ["ы", "и"]),
        ("ях", ["и", "я"]), ("ям", ["и", "я"]), ("ями", ["и"]),
    ]

    /// Adjective endings (Краснодарского, Омской, Нижнем, Набережных).
    static let adjectiveEndings: [(String, [String])] = [
        ("ого", ["ый", "ий", "ой", "ое"]), ("его", ["ий", "ее"]),
        ("ому", ["ый", "ий", "ой", "ое"]), ("ему", ["ий", "ее"]),
        ("ым", ["ый", "ые", "ое"]), ("им", ["ий", "ие", "ее"]),
        ("ом", ["ый", "ий", "ой", "ое"]), ("ем", ["ий", "ее"]),
        ("ой", ["ая", "ый", "ой"]), ("ей", ["яя", "ая"]), ("ую", ["ая"]), ("юю", ["яя"]),
        ("ых", ["ые"]), ("их", ["ие"]), ("ыми", ["ые"]), ("ими", ["ие"]),
    ]

    /// Instrumental "-ым" of possessive-type names (Пушкиным, Королёвым, Иваново-style stems):
    /// only after -ин/-ын/-ов/-ев, so adjectives ("Томским") do not turn into city names.
    static let possessiveStems = ["ин", "ын", "ов", "ев", "ёв"]

    private static let consonants: Set<Character> = Set("бвгджзйклмнпрстфхцчшщ")

    /// The word itself and its candidate nominatives, without duplicates, the word first.
    static func baseForms(ofWord word: String) -> [String] {
        isPlain(word) ? plainBaseForms(word) : generalBaseForms(word)
    }

    /// `baseForms(ofWord:)` for any text, on Strings.
    static func generalBaseForms(_ word: String) -> [String] {
        var out: [String] = [word]
        var seen: Set<String> = [word]
        func hasSuffix(_ word: String, _ ending: String) -> Bool { word.hasSuffix(ending) }
        func add(_ s: String) {
            if seen.insert(s).inserted { out.append(s) }
        }
        for table in [nounEndings, adjectiveEndings] {
            for (ending, replacements) in table where hasSuffix(word, ending) {
                let stem = String(word.dropLast(ending.count))
                guard stem.count >= 2 else { continue }
                for r in replacements where stem.count + r.count >= 3 {
                    add(stem + r)
                    if r.isEmpty { fleetingVowel(stem).forEach(add) }
                }
            }
        }
        if hasSuffix(word, "ым") {
            let stem = String(word.dropLast(2))
            if possessiveStems.contains(where: { stem.hasSuffix($0) }) { add(stem) }
        }
        return out
    }

    /// Bytes of ASCII and of U+0400–U+047F (Cyrillic letters, no combining marks): text made of
    /// them is in NFC with a grapheme break between any two scalars, so byte tests on it agree
    /// with String's `hasSuffix` and cost far less.
    private static func isPlain(_ word: String) -> Bool {
        word.utf8.allSatisfy { $0 < 0x80 || $0 == 0xD0 || $0 == 0xD1 || ($0 & 0xC0) == 0x80 }
    }

    /// The tables as scalars, for `plainBaseForms`.
    private static let scalarTables: [[(ending: [Unicode.Scalar], replacements: [[Unicode.Scalar]])]] =
        [nounEndings, adjectiveEndings].map { table in
            table.map { (Array($0.0.unicodeScalars), $0.1.map { Array($0.unicodeScalars) }) }
        }
    private static let consonantScalars: Set<Unicode.Scalar> = Set("бвгджзйклмнпрстфхцчшщ".unicodeScalars)
    private static let possessiveScalars: [[Unicode.Scalar]] = possessiveStems.map { Array($0.unicodeScalars) }

    /// `baseForms(ofWord:)` for a plain word (see `isPlain`), on scalars: with one scalar per
    /// character the same rules give the same forms in the same order, without the grapheme
    /// walks and normalising hashes of String's `count`, `dropLast` and `Set<String>`. The
    /// gazetteer asks this for every capitalised word of a report.
    static func plainBaseForms(_ word: String) -> [String] {
        let w = Array(word.unicodeScalars)
        var out: [String] = [word]
        var seen: Set<[Unicode.Scalar]> = [w]
        func add(_ s: [Unicode.Scalar]) {
            if seen.insert(s).inserted {
                var v = String.UnicodeScalarView()
                v.append(contentsOf: s)
                out.append(String(v))
            }
        }
        func endsWith(_ a: [Unicode.Scalar], _ e: [Unicode.Scalar]) -> Bool {
            a.count >= e.count && a[(a.count - e.count)...].elementsEqual(e)
        }
        for table in scalarTables {
            for (ending, replacements) in table where endsWith(w, ending) {
                let stem = Array(w[..<(w.count - ending.count)])
                guard stem.count >= 2 else { continue }
                for r in replacements where stem.count + r.count >= 3 {
                    add(stem + r)
                    if r.isEmpty { plainFleetingVowel(stem).forEach(add) }
                }
            }
        }
        if endsWith(w, ["ы", "м"]) {
            let stem = Array(w.dropLast(2))
            if possessiveScalars.contains(where: { endsWith(stem, $0) }) { add(stem) }
        }
        return out
    }

    /// `fleetingVowel` on scalars.
    private static func plainFleetingVowel(_ stem: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        guard stem.count >= 3, let last = stem.last, consonantScalars.contains(last) else { return [] }
        let before = stem[stem.count - 2]
        let head = Array(stem.dropLast(2))
        if before == "ь" || before == "й" {
            return [head + ["е", last]]
        }
        if consonantScalars.contains(before) {
            return [head + [before, "е", last], head + [before, "о", last]]
        }
        return []
    }

    /// Restores a vowel lost in oblique cases: Орла → орел (орёл), Ельца → елец.
    private static func fleetingVowel(_ stem: String) -> [String] {
        let chars = Array(stem)
        guard chars.count >= 3, let last = chars.last, consonants.contains(last) else { return [] }
        let before = chars[chars.count - 2]
        let head = String(chars.dropLast(2))
        if before == "ь" || before == "й" {
            return [head + "е" + String(last)]
        }
        if consonants.contains(before) {
            return [head + String(before) + "е" + String(last), head + String(before) + "о" + String(last)]
        }
        return []
    }

    // MARK: - Bytes

    /// A rule of the tables as UTF-8 bytes, with scalar counts, for `plainWordForms`.
    struct ByteRule {
        let ending: [UInt8]
        let endingScalars: Int
        let replacements: [(bytes: [UInt8], scalars: Int)]
    }

    static let byteTables: [[ByteRule]] = [nounEndings, adjectiveEndings].map { table in
        table.map { rule in
            ByteRule(ending: Array(rule.0.utf8), endingScalars: rule.0.unicodeScalars.count,
                     replacements: rule.1.map { (Array($0.utf8), $0.unicodeScalars.count) })
        }
    }
    private static let possessiveBytes: [[UInt8]] = possessiveStems.map { Array($0.utf8) }
    private static let ymBytes: [UInt8] = Array("ым".utf8)

    /// Bit `v - 0x430` set for the consonant а…я code points of `consonants`.
    private static let consonantMask: UInt32 = consonantScalars.reduce(0) { m, s in
        (0x430...0x44F).contains(s.value) ? m | (1 << (s.value - 0x430)) : m
    }

    /// The lowercase Cyrillic consonant (of `consonants`) encoded by the two bytes, if any.
    @inline(__always)
    private static func isConsonant(_ b0: UInt8, _ b1: UInt8) -> Bool {
        guard b0 == 0xD0 || b0 == 0xD1, b1 & 0xC0 == 0x80 else { return false }
        let v = (UInt32(b0 & 0x1F) << 6) | UInt32(b1 & 0x3F)
        guard v >= 0x430 && v <= 0x44F else { return false }
        return consonantMask & (1 << (v - 0x430)) != 0
    }

    /// Number of scalars of UTF-8 bytes.
    @inline(__always)
    static func scalarCount(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for x in b where x & 0xC0 != 0x80 { n += 1 }
        return n
    }

    @inline(__always)
    private static func endsWith(_ a: UnsafeBufferPointer<UInt8>, _ count: Int, _ e: [UInt8]) -> Bool {
        guard count >= e.count else { return false }
        var i = 0
        let from = count - e.count
        while i < e.count {
            if a[from + i] != e[i] { return false }
            i += 1
        }
        return true
    }

    /// Whether the UTF-8 bytes are plain (see `isPlain`).
    static func isPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for x in b where !(x < 0x80 || x == 0xD0 || x == 0xD1 || (x & 0xC0) == 0x80) { return false }
        return true
    }

    /// The rules of `byteTables` whose ending ends with a given byte, in table order: a word
    /// is checked only against the endings its last byte allows.
    private static let rulesByLastByte: [[ByteRule]] = {
        var table = [[ByteRule]](repeating: [], count: 256)
        for rules in byteTables {
            for rule in rules {
                if let last = rule.ending.last { table[Int(last)].append(rule) }
            }
        }
        return table
    }()

    /// `plainBaseForms` on UTF-8 bytes, appended to `out`: the same forms in the same order,
    /// without Strings or sets. The word must be plain (see `isPlain`).
    static func plainWordForms(_ w: UnsafeBufferPointer<UInt8>, into out: inout FormList) {
        let first = out.count
        out.append(w)
        guard let lastByte = w.last else { return }
        let n = scalarCount(w)
        var scratch: [UInt8] = []
        scratch.reserveCapacity(w.count + 8)
        func add() {
            scratch.withUnsafeBufferPointer { b in
                if !out.contains(b, from: first) { out.append(b) }
            }
        }
        for rule in rulesByLastByte[Int(lastByte)] where endsWith(w, w.count, rule.ending) {
            let stemBytes = w.count - rule.ending.count
            let stemScalars = n - rule.endingScalars
            guard stemScalars >= 2 else { continue }
            let stem = UnsafeBufferPointer(rebasing: w[0..<stemBytes])
            for r in rule.replacements where stemScalars + r.scalars >= 3 {
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: stem)
                scratch.append(contentsOf: r.bytes)
                add()
                if r.bytes.isEmpty { fleetingVowel(stem, stemScalars) }
            }
        }
        if endsWith(w, w.count, ymBytes) {
            let stemBytes = w.count - ymBytes.count
            if possessiveBytes.contains(where: { endsWith(w, stemBytes, $0) }) {
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: w[0..<stemBytes]))
                add()
            }
        }

        /// `plainFleetingVowel` on bytes.
        func fleetingVowel(_ stem: UnsafeBufferPointer<UInt8>, _ scalars: Int) {
            // The last scalar must be a (two-byte) consonant.
            guard scalars >= 3, stem.count >= 2, isConsonant(stem[stem.count - 2], stem[stem.count - 1]) else { return }
            let lastStart = stem.count - 2
            let beforeStart = stem[lastStart - 1] < 0x80 ? lastStart - 1 : lastStart - 2
            let last = UnsafeBufferPointer(rebasing: stem[lastStart...])
            let head = UnsafeBufferPointer(rebasing: stem[..<beforeStart])
            let before = UnsafeBufferPointer(rebasing: stem[beforeStart..<lastStart])
            if before.count == 2 && ((before[0] == 0xD1 && before[1] == 0x8C) || (before[0] == 0xD0 && before[1] == 0xB9)) {
                // ь or й
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: head)
                scratch.append(0xD0)
                scratch.append(0xB5)  // е
                scratch.append(contentsOf: last)
                add()
                return
            }
            if before.count == 2 && isConsonant(before[0], before[1]) {
                for vowel: UInt8 in [0xB5, 0xBE] {  // е, о
                    scratch.removeAll(keepingCapacity: true)
                    scratch.append(contentsOf: head)
                    scratch.append(contentsOf: before)
                    scratch.append(0xD0)
                    scratch.append(vowel)
                    scratch.append(contentsOf: last)
                    add()
                }
            }
        }
    }

    /// `baseForms(of:limit:keepPartial:)` for a plain folded key (see `isPlain`), on bytes: the
    /// same candidates in the same order, appended to `out`. `keepPartial` gets the
    /// combination with its separator, as there.
    static func plainCandidates(_ key: UnsafeBufferPointer<UInt8>, into out: inout FormList, limit: Int = 4096,
                                keepPartial: (UnsafeBufferPointer<UInt8>) -> Bool) {
        var words: [Range<Int>] = []
        var separators: [UInt8] = []
        var start = 0
        for i in 0..<key.count where key[i] == 0x20 || key[i] == 0x2D {
            words.append(start..<i)
            separators.append(key[i])
            start = i + 1
        }
        if words.isEmpty {
            plainWordForms(key, into: &out)
            return
        }
        words.append(start..<key.count)
        var results = FormList()
        results.append(UnsafeBufferPointer(start: nil, count: 0))
        var options = FormList()
        var next = FormList()
        var s: [UInt8] = []
        for (i, range) in words.enumerated() {
            let word = UnsafeBufferPointer(rebasing: key[range])
            options.removeAll()
            if scalarCount(word) < 3 { options.append(word) } else { plainWordForms(word, into: &options) }
            next.removeAll()
            let isLast = i == words.count - 1
            outer: for p in 0..<results.count {
                for o in 0..<options.count {
                    s.removeAll(keepingCapacity: true)
                    if i > 0 {
                        results.appendForm(p, to: &s)
                        s.append(separators[i - 1])
                    }
                    options.appendForm(o, to: &s)
                    if !isLast {
                        s.append(separators[i])
                        let keep = s.withUnsafeBufferPointer(keepPartial)
                        s.removeLast()
                        if !keep { continue }
                    }
                    next.append(s)
                    if next.count >= limit { break outer }
                }
            }
            if next.count == 0 { return }
            swap(&results, &next)
        }
        for p in 0..<results.count { out.append(results, p) }
    }

    /// Candidate nominatives of a folded name of one or more words (spaces and hyphens separate
    /// words; each may be declined: "краснодарского края", "ростова-на-дону", "улан-батора").
    /// At most `limit` combinations, the undeclined reading first. Words are combined left to
    /// right; `keepPartial` may prune a combination before the next word is added (the
    /// gazetteer keeps only those some name starts with, so long phrases cost little).
    static func baseForms(of key: String, limit: Int = 4096, keepPartial: (String) -> Bool = { _ in true }) -> [String] {
        var words: [String] = []
        var separators: [Character] = []
        var current = ""
        for ch in key {
            if ch == " " || ch == "-" {
                words.append(current)
                separators.append(ch)
                current = ""
            } else {
                current.append(ch)
            }
        }
        words.append(current)
        if words.count == 1 { return baseForms(ofWord: key) }
        var results: [String] = [""]
        for (i, word) in words.enumerated() {
            let options = word.count < 3 ? [word] : baseForms(ofWord: word)
            var next: [String] = []
            outer: for prefix in results {
                for o in options {
                    let s = i == 0 ? o : prefix + String(separators[i - 1]) + o
                    if i < words.count - 1, !keepPartial(s + String(separators[i])) { continue }
                    next.append(s)
                    if next.count >= limit { break outer }
                }
            }
            if next.isEmpty { return [] }
            results = next
        }
        return results
    }
}

/// Byte strings kept end to end in one buffer: the candidate forms of a lookup, without an
/// array or String each.
struct FormList {
    private(set) var bytes: [UInt8] = []
    /// End offset of each form; a form starts where the one before ends.
    private var ends: [Int] = []

    init() {
        // Room for the forms of a usual lookup, so appending rarely reallocates.
        bytes.reserveCapacity(512)
        ends.reserveCapacity(32)
    }

    var count: Int { ends.count }

    func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1])..<ends[i] }

    mutating func append(_ b: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: b)
        ends.append(bytes.count)
    }

    mutating func append(_ b: [UInt8]) {
        bytes.append(contentsOf: b)
        ends.append(bytes.count)
    }

    /// Appends form `i` of `other`.
    mutating func append(_ other: FormList, _ i: Int) {
        bytes.append(contentsOf: other.bytes[other.range(i)])
        ends.append(bytes.count)
    }

    mutating func removeLast() {
        ends.removeLast()
        bytes.removeSubrange((ends.last ?? 0)...)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    func appendForm(_ i: Int, to s: inout [UInt8]) {
        s.append(contentsOf: bytes[range(i)])
    }

    /// Whether form `i` equals `b`.
    func equals(_ i: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let r = range(i)
        guard r.count == b.count else { return false }
        return bytes.withUnsafeBufferPointer { buf in
            var k = 0
            while k < b.count {
                if buf[r.lowerBound + k] != b[k] { return false }
                k += 1
            }
            return true
        }
    }

    /// Whether some form from index `from` on equals `b`.
    func contains(_ b: [UInt8], from: Int) -> Bool {
        b.withUnsafeBufferPointer { contains($0, from: from) }
    }

    /// Whether some form from index `from` on equals `b`.
    func contains(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        (from..<count).contains { equals($0, b) }
    }

    /// Calls `body` with the bytes of form `i`.
    func withForm<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let r = range(i)
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[r])) }
    }

    /// Form `i` as a String.
    func string(_ i: Int) -> String {
        String(decoding: bytes[range(i)], as: UTF8.self)
    }
}
