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
        var out: [String] = [word]
        var seen: Set<String> = [word]
        let plain = isPlain(word)
        func hasSuffix(_ word: String, _ ending: String) -> Bool {
            plain ? word.utf8.count >= ending.utf8.count && word.utf8.suffix(ending.utf8.count).elementsEqual(ending.utf8)
                : word.hasSuffix(ending)
        }
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
    /// At most `limit` combinations, the undeclined reading first.
    static func baseForms(of key: String, limit: Int = 4096) -> [String] {
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
        let options = words.map { $0.count < 3 ? [$0] : baseForms(ofWord: $0) }
        var results: [String] = [""]
        for (i, opts) in options.enumerated() {
            var next: [String] = []
            next.reserveCapacity(min(limit, results.count * opts.count))
            outer: for prefix in results {
                for o in opts {
                    next.append(i == 0 ? o : prefix + String(separators[i - 1]) + o)
                    if next.count >= limit { break outer }
                }
            }
            results = next
        }
        return results
    }
}
