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
